"""One reader per file format: bytes -> (text, metadata the file states about itself)."""
from __future__ import annotations

import re
from typing import Callable

from tipgraph.corpus.encoding import decode, universal_newlines

_BLOCK = re.compile(r"(?:[^\n]+\n)+[^\n]+")
_LIST_ITEM = re.compile(r"\s*(?:[-–•*·>#|]|\d+[.)])\s")
_RUNS_ON = re.compile(r"[a-z,]\n(?=[a-z][^\n]*[.!?][\"'”’)]*[ \t]*(?:\n|$))")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*\s*$")


def unwrap_lines(text: str) -> str:
    """Paragraphs saved hard-wrapped at a fixed width (e-mailed releases, wire copy, old pages kept as
    text) joined into their lines again, each line break becoming a space, so that a sentence is not
    cut at every line's end and the text keeps its length. A block is hard-wrapped when it has three
    lines or more, each but the last of a printed line's width, and ends a sentence; a title block,
    an address or a list is none. A line that stops mid-clause (on a comma or a small word, the next
    going on in small letters to the sentence's end) is joined to the next one too."""
    def join(match: re.Match) -> str:
        lines = match.group().split("\n")
        body = lines[:-1]
        wrapped = (len(lines) >= 3 and all(45 <= len(line.rstrip()) <= 90 for line in body)
                   and sum(1 for line in body if not re.search(r"[.!?:;\"”]\s*$", line)) * 2 >= len(body)
                   and not any(_LIST_ITEM.match(line) for line in lines) and _ENDS_SENTENCE.search(lines[-1]))
        if wrapped:
            return match.group().replace("\n", " ")
        # "... the Special Representative's victim-centred,\nhuman rights-based approach ... .": one sentence
        # broken where no sentence or heading ends, ended on the next line
        return _RUNS_ON.sub(lambda m: m.group().replace("\n", " "), match.group())

    return _BLOCK.sub(join, text)


def read_plain(raw: bytes) -> tuple[str, dict[str, str]]:
    return unwrap_lines(universal_newlines(decode(raw)[0])), {}


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
