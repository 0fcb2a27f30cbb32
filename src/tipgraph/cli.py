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
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the extraction cache [default: OUT/.cache].")
@click.option("--no-cache", is_flag=True, help="Parse every document again; neither read nor write the cache.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where documents are parsed: local processes (--jobs) or a Dask cluster (pip install 'tipgraph[dask]').")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler, e.g. tcp://10.0.0.5:8786 [default: start a local cluster].")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(corpus: Path, out: Path, jobs: int, html: bool, run_validation: bool, cache_dir: Path | None,
          no_cache: bool, executor: str, scheduler: str | None, quiet: bool) -> None:
    """Read a CORPUS folder (default: corpus/) and write the knowledge graph.

    A corpus is a folder of UTF-8 .txt and .md files (other encodings are
    detected or rejected), with optional per-document metadata in
    metadata.yaml: file name -> title, date, genre, speaker, author,
    publisher, source_url. Outputs are replaced only when the whole build
    succeeds, so a failed build leaves the previous ones intact.

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

    cache = None if no_cache else (cache_dir or out / DEFAULT_FOLDER)
    result = run_build(corpus, out, jobs=jobs, html=html, validate=run_validation, cache_dir=cache,
                       executor=make_executor(executor, scheduler), progress=progress)
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


for _module in (query, stats, validate, export, render):
    main.add_command(_module.command)
