"""tipgraph: knowledge graphs of who said what about trafficking in persons."""
from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"


def ontology_dir() -> Path:
    """The `ontology/` folder: beside the package in a checkout, or installed with it."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "ontology", here.parent.parent / "ontology"):
        if (candidate / "tip.ttl").exists() or (candidate / "gazetteer").is_dir():
            return candidate
    raise FileNotFoundError("tipgraph's ontology/ folder is missing from this installation")
