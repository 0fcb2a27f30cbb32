"""Word files: paragraphs and tables in document order, by python-docx."""
from __future__ import annotations

import io

from tipgraph.corpus.encoding import universal_newlines
from tipgraph.corpus.errors import Unreadable


def _blocks(document):
    """Paragraph and table objects of the body, in the order they stand."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document)
        elif tag == "tbl":
            yield Table(child, document)


def read_docx(raw: bytes) -> tuple[str, dict[str, str]]:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # zipfile, lxml and python-docx raise many types for a broken file
        raise Unreadable(f"not a readable Word (.docx) file: {type(exc).__name__}: {' '.join(str(exc).split())[:120]}") from None
    lines: list[str] = []
    for block in _blocks(document):
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):  # merged cells repeat their text
                        cells.append(value)
                if cells:
                    lines.append(" | ".join(cells))
        else:
            value = universal_newlines(block.text).strip()
            if value:
                lines.append(value)
    meta: dict[str, str] = {}
    core = document.core_properties
    if core.title and core.title.strip():
        meta["title"] = " ".join(core.title.split())
    # core_properties.author is who saved the file (often a template's), not who speaks: not used
    return "\n\n".join(lines), meta
