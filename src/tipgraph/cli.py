"""The `tipgraph` command line."""
from __future__ import annotations

import contextlib
import importlib
import os
import signal
import sys
from pathlib import Path

import click

from tipgraph import __version__
from tipgraph.graphio import TipgraphError

# The commands whose modules are imported only when the command runs: `tipgraph query`
# need not import networkx, numpy and the HTML renderer before it answers.
LAZY_COMMANDS = {"query": "tipgraph.query", "stats": "tipgraph.stats", "validate": "tipgraph.validate",
                 "export": "tipgraph.export", "render": None}


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, as a container or taskset sets it)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counter is not None:
        return counter() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: the run stops and its outputs are not replaced."""


def _raise_terminated(signum, frame) -> None:
    raise Terminated()


class Commands(click.Group):
    """Turns a TipgraphError anywhere below into a one-line message and exit 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in LAZY_COMMANDS:
            module = LAZY_COMMANDS[name]
            self.add_command(_render_command() if module is None else importlib.import_module(module).command, name)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context):
        previous = None
        try:
            previous = signal.signal(signal.SIGTERM, _raise_terminated)
        except ValueError:  # not the main thread: leave signals alone
            pass
        try:
            return super().invoke(ctx)
        except TipgraphError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:  # the reader of our standard output went away (| head)
            with contextlib.suppress(OSError):
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
            sys.exit(141)
        except KeyboardInterrupt as exc:
            terminated = isinstance(exc, Terminated)
            state = (
                "the new outputs are written, their query store is not (the next query makes it)"
                if getattr(exc, "outputs_written", False) else "previous outputs are unchanged"
            )
            click.echo(f"{'terminated (SIGTERM)' if terminated else 'interrupted'}; {state}", err=True)
            sys.exit(143 if terminated else 130)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug, not bad input: say so in one line, keep the trace on request
            if os.environ.get("TIPGRAPH_DEBUG"):
                raise
            raise click.ClickException(
                f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:200]} (set TIPGRAPH_DEBUG=1 for the traceback)"
            ) from None
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tipgraph")
def main() -> None:
    """Build and use knowledge graphs of who said what about trafficking in persons.

    Reads speeches, statements, press releases and news articles, and writes
    an RDF graph (Turtle) of the actors, countries, places, events,
    instruments and claims they mention, with an interactive HTML view.

    \b
    tipgraph build                         # corpus/ -> out/graph.ttl, out/graph.html
    tipgraph query out/graph.ttl --list    # the bundled analyst questions
    tipgraph validate out/graph.ttl        # SHACL report
    """


@main.command()
@click.argument("corpus", default="corpus", type=click.Path(path_type=Path))
@click.option("--out", "-o", "out", default="out", show_default=True, type=click.Path(path_type=Path),
              help="Folder for graph.ttl and graph.html (created if missing).")
@click.option("--jobs", "-j", default=available_cores, show_default="all cores", type=click.IntRange(min=1),
              help="Worker processes for NLP and extraction; outputs are the same whatever the number.")
@click.option("--html/--no-html", default=True, show_default=True, help="Also write the interactive HTML view.")
@click.option("--validate/--no-validate", "run_validation", default=True, show_default=True,
              help="Check the graph against ontology/shapes.ttl.")
@click.option("--strict", is_flag=True, help="Fail on a file that cannot be read (or is blank) instead of skipping it.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the extraction cache [default: OUT/.cache].")
@click.option("--no-cache", is_flag=True, help="Parse every document again; neither read nor write the cache.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where documents are parsed: local processes (--jobs) or a Dask cluster (pip install 'tipgraph[dask]').")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler, e.g. tcp://10.0.0.5:8786 [default: start a local cluster].")
@click.option("--answers/--no-answers", default=True, show_default=True,
              help="Answer the bundled questions into the query store (out/store) as the build ends, so that "
                   "each first `tipgraph query --name` reads its answer; --no-answers saves that time on rebuilds.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors and skipped files.")
def build(corpus: Path, out: Path, jobs: int, html: bool, run_validation: bool, strict: bool, cache_dir: Path | None,
          no_cache: bool, executor: str, scheduler: str | None, answers: bool, quiet: bool) -> None:
    """Read a CORPUS folder (default: corpus/) and write the knowledge graph.

    A corpus is a folder of documents: .txt and .md (UTF-8, UTF-16 with a
    BOM, cp1252 or latin-1), saved web pages (.html, .htm), .pdf and .docx
    files, with optional per-document metadata in metadata.yaml: file name
    -> title, date, genre, speaker, author, publisher, source_url. A file
    that cannot be read is named on stderr and skipped (--strict: the build
    fails); the same text saved twice is one document. The text that
    offsets index is written to OUT/text/. Outputs (graph.ttl, graph.html,
    text/) are replaced together and only when the whole build succeeds
    and the graph passes its SHACL shapes, so a failed or killed build
    leaves the previous ones intact.

    Each document's parse and extraction is cached (OUT/.cache, or
    --cache-dir), keyed by its text and metadata and by the code, vocabulary
    and model version: a rebuild parses only new and changed documents.
    """
    from tipgraph.cache import DEFAULT_FOLDER
    from tipgraph.executors import make_executor
    from tipgraph.pipeline import build as run_build

    def progress(documents):
        if quiet or len(documents) <= 3:
            return contextlib.nullcontext(_NoBar())
        return click.progressbar(length=len(documents), label="Reading documents", file=sys.stderr)

    def skipped(file) -> None:
        click.echo(file.line(), err=True)

    cache = None if no_cache else (cache_dir or out / DEFAULT_FOLDER)
    result = run_build(corpus, out, jobs=jobs, html=html, validate=run_validation, strict=strict,
                       cache_dir=cache, executor=make_executor(executor, scheduler), progress=progress, on_skip=skipped,
                       answers=answers)
    if quiet:
        return
    entities = sum(result.entities_by_class.values())
    claims = sum(result.claims_by_class.values())
    click.echo(f"documents   {result.documents}")
    if result.duplicates:
        click.echo(f"duplicates  {result.duplicates} (files holding the text of another, built once)")
    if result.skipped:
        click.echo(f"skipped     {len(result.skipped)} (unreadable or blank, named above)")
    click.echo(f"entities    {entities}  " + ", ".join(f"{k} {v}" for k, v in result.entities_by_class.items()))
    click.echo(f"claims      {claims}  " + ", ".join(f"{k} {v}" for k, v in result.claims_by_class.items()))
    click.echo(f"triples     {result.triples}")
    if result.validation:
        click.echo(f"validated   {result.validation}")
    for path in result.outputs:
        click.echo(f"wrote       {os.path.relpath(path)}")
    click.echo(f"seconds     {result.seconds:.1f}")


class _NoBar:
    def update(self, n: int) -> None:
        pass


def _render_command() -> click.Command:
    """render.command with standard input/output and --input-format: the HTML page
    goes to -o FILE or to standard output (-o -), the message to standard error."""
    from tipgraph import render
    from tipgraph.streams import display_name, input_format_option, is_stdio, load_graph_input, output_stream

    def run(graph_file, output, title, classes, documents, claim_classes, max_nodes, include_documents,
            input_format, overview=None):
        graph = load_graph_input(graph_file, input_format)
        filters = render.RenderFilter(classes=frozenset(classes), documents=frozenset(documents),
                                      claim_classes=frozenset(claim_classes), max_nodes=max_nodes)
        default_title = "tipgraph" if is_stdio(graph_file) else Path(graph_file).name
        page, nodes, edges = render.build_page(graph, title=title or default_title, filters=filters,
                                               include_documents=include_documents, overview=overview)
        with output_stream(output) as handle:
            handle.write(page)
        target = "standard output" if is_stdio(output) else output
        click.echo(f"wrote {target}: {nodes} nodes, {edges} edges ({display_name(graph_file)})", err=True)

    base = render.command
    command = click.Command(
        name=base.name,
        callback=run,
        params=list(base.params),
        help=(base.help or "") + "\n\nGRAPH_FILE may be - (standard input) or a .gz file; -o - writes the page "
                                 "to standard output. The message goes to standard error.",
        short_help=base.short_help,
    )
    return _with_option(command, input_format_option)


def _with_option(command: click.Command, decorator) -> click.Command:
    """Add the option that `decorator` would add to a function to an existing command."""
    holder = decorator(lambda: None)
    command.params.extend(holder.__click_params__)
    return command

