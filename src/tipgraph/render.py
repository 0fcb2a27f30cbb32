"""tipgraph render (being written)."""
from __future__ import annotations

import click


@click.command("render")
def command() -> None:
    """Not yet available."""
    raise click.ClickException("'tipgraph render' is not available yet")
