"""One reader per file format: bytes -> (text, metadata the file states about itself)."""
from __future__ import annotations

import re
from typing import Callable

from tipgraph.corpus.encoding import decode, universal_newlines


def read_plain(raw: bytes) -> tuple[str, dict[str, str]]:
    return unwrap_hard_breaks(universal_newlines(decode(raw)[0])), {}


_SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", ")")
_LIST_ITEM = re.compile(r"\s*(?:[•·*▪–—-]|\d+[.)])\s")
_PARAGRAPH_END = re.compile(r"[.!?][\"”’)]?$")


def unwrap_hard_breaks(text: str) -> str:
    """A paragraph hard-wrapped at a fixed width ("... identified\nand formally returned ...") is one paragraph:
    its line breaks become spaces (offsets keep their places), so its sentences are not cut at each line. Only
    a block of three or more lines of like width that run on mid-sentence into lower-case words and end as a
    sentence does; header lines, lists and one-sentence-a-line texts keep their breaks."""
    out = []
    for block in re.split(r"(\n[ \t]*\n)", text):
        lines = [line for line in block.split("\n") if line.strip()]
        if len(lines) >= 3 and not block.startswith("\n"):
            widths = [len(line) for line in lines[:-1]]
            breaks = list(zip(lines, lines[1:]))
            running_on = sum(1 for a, b in breaks if not a.rstrip().endswith(_SENTENCE_END) or b.lstrip()[:1].islower())
            lower = sum(1 for _, b in breaks if b.lstrip()[:1].islower())
            if (35 <= min(widths) and max(widths) <= 100 and running_on >= 0.6 * len(breaks)
                    and lower >= max(2, 0.4 * len(breaks)) and not any(_LIST_ITEM.match(line) for line in lines)
                    and _PARAGRAPH_END.search(lines[-1].rstrip())):
                core = block.rstrip("\n")
                block = core.replace("\n", " ") + block[len(core) :]
        out.append(block)
    return "".join(out)


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
