"""The `tipgraph` command line."""
from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from tipgraph import __version__, export, query, render, stats, validate
from tipgraph.graphio import TipgraphError


class Commands(click.Group):
    """Turns a TipgraphError anywhere below into a one-line message and exit 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TipgraphError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:  # the reader of our standard output went away (| head)
            with contextlib.suppress(OSError):
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
            sys.exit(141)
        except KeyboardInterrupt:
            click.echo("interrupted; previous outputs are unchanged", err=True)
            sys.exit(130)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug, not bad input: say so in one line, keep the trace on request
            if os.environ.get("TIPGRAPH_DEBUG"):
                raise
            raise click.ClickException(
                f"internal error: {type(exc).__name__}: {exc} (set TIPGRAPH_DEBUG=1 for the traceback)"
            ) from None


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
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=1),
              help="Worker processes for NLP and extraction.")
@click.option("--html/--no-html", default=True, show_default=True, help="Also write the interactive HTML view.")
@click.option("--validate/--no-validate", "run_validation", default=True, show_default=True,
              help="Check the graph against ontology/shapes.ttl.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(corpus: Path, out: Path, jobs: int, html: bool, run_validation: bool, quiet: bool) -> None:
    """Read a CORPUS folder (default: corpus/) and write the knowledge graph.

    A corpus is a folder of UTF-8 .txt and .md files (other encodings are
    detected or rejected), with optional per-document metadata in
    metadata.yaml: file name -> title, date, genre, speaker, author,
    publisher, source_url. Outputs are replaced only when the whole build
    succeeds, so a failed build leaves the previous ones intact.
    """
    from tipgraph.pipeline import build as run_build

    def progress(documents):
        if quiet or len(documents) <= 3:
            return contextlib.nullcontext(_NoBar())
        return click.progressbar(length=len(documents), label="Reading documents", file=sys.stderr)

    result = run_build(corpus, out, jobs=jobs, html=html, validate=run_validation, progress=progress)
    if quiet:
        return
    entities = sum(result.entities_by_class.values())
    claims = sum(result.claims_by_class.values())
    click.echo(f"documents   {result.documents}")
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
    from tipgraph.streams import display_name, input_format_option, is_stdio, load_graph_input, output_stream

    def run(graph_file, output, title, classes, documents, claim_classes, max_nodes, include_documents,
            input_format):
        graph = load_graph_input(graph_file, input_format)
        filters = render.RenderFilter(classes=frozenset(classes), documents=frozenset(documents),
                                      claim_classes=frozenset(claim_classes), max_nodes=max_nodes)
        default_title = "tipgraph" if is_stdio(graph_file) else Path(graph_file).name
        page, nodes, edges = render.build_page(graph, title=title or default_title, filters=filters,
                                               include_documents=include_documents)
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


for _module in (query, stats, validate, export):
    main.add_command(_module.command)
main.add_command(_render_command())
