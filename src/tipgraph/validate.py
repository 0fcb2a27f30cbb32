"""tipgraph validate (being written)."""
from __future__ import annotations

import click


@click.command("validate")
def command() -> None:
    """Not yet available."""
    raise click.ClickException("'tipgraph validate' is not available yet")
