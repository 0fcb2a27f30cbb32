"""tipgraph export (being written)."""
from __future__ import annotations

import click


@click.command("export")
def command() -> None:
    """Not yet available."""
    raise click.ClickException("'tipgraph export' is not available yet")
