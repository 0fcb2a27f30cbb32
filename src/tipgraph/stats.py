"""tipgraph stats (being written)."""
from __future__ import annotations

import click


@click.command("stats")
def command() -> None:
    """Not yet available."""
    raise click.ClickException("'tipgraph stats' is not available yet")
