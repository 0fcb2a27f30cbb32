"""The `tipgraph` command line."""
from __future__ import annotations

import click

from tipgraph import __version__, export, query, render, stats, validate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tipgraph")
def main() -> None:
    """Build and use knowledge graphs of who said what about trafficking in persons.

    Reads speeches, statements, press releases and news articles, and writes
    an RDF graph (Turtle) of the actors, countries, events and claims they
    mention, with an interactive HTML view.
    """


@main.command()
def build() -> None:
    """Read a corpus folder and write the graph (being written)."""
    raise click.ClickException("not yet")


for _module in (query, stats, validate, export, render):
    main.add_command(_module.command)
