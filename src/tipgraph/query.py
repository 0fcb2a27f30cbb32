"""tipgraph query (being written)."""
from __future__ import annotations

import click


@click.command("query")
def command() -> None:
    """Not yet available."""
    raise click.ClickException("'tipgraph query' is not available yet")
