"""One reader per file format: bytes -> (text, metadata the file states about itself)."""
from __future__ import annotations

from typing import Callable

from tipgraph.corpus.encoding import decode, universal_newlines


def read_plain(raw: bytes) -> tuple[str, dict[str, str]]:
    return universal_newlines(decode(raw)[0]), {}


def _html(raw: bytes):
    from tipgraph.corpus.html import read_html

    return read_html(raw)


def _pdf(raw: bytes):
    from tipgraph.corpus.pdf import read_pdf

    return read_pdf(raw)


def _docx(raw: bytes):
    from tipgraph.corpus.docx import read_docx

    return read_docx(raw)


READERS: dict[str, Callable[[bytes], tuple[str, dict[str, str]]]] = {
    ".txt": read_plain,
    ".md": read_plain,
    ".html": _html,
    ".htm": _html,
    ".pdf": _pdf,
    ".docx": _docx,
}
# When one text was saved in several formats, the document keeps the text of the first
# of these: plain text indexes its own file; a web page's extraction beats a PDF's layout.
FORMAT_PREFERENCE = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
