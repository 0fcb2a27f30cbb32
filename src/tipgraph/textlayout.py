"""How a plain text is laid out in lines: where a line end is only a wrap."""
from __future__ import annotations

import re

# A paragraph typed or extracted with hard line ends (plain-text releases, PDF text): three
# or more lines, all but the last nearly as long as the longest, most of them ending inside a
# sentence, a third of them going on in lower case (a block of header lines is title case), and
# the last one ending as a sentence does (a title wrapped over lines does not).
_PARAGRAPH = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*\s*$")
WRAPPED_MIN_LINES = 3
WRAPPED_MIN_WIDTH = 45
WRAPPED_SHORTEST_SHARE = 0.6
WRAPPED_LOWER_SHARE = 1 / 3


def wrapped_line_ends(text: str) -> set[int]:
    """Offsets of the line breaks inside hard-wrapped paragraphs of `text`: there a line end
    is only a place where the line was full, not the end of a headline or a byline."""
    soft: set[int] = set()
    for paragraph in _PARAGRAPH.finditer(text):
        lines = paragraph.group().rstrip("\n").split("\n")
        if len(lines) < WRAPPED_MIN_LINES:
            continue
        if not _SENTENCE_END.search(lines[-1]):
            continue
        widths = [len(line.strip()) for line in lines[:-1]]
        widest = max(widths)
        if widest < WRAPPED_MIN_WIDTH or min(widths) < WRAPPED_SHORTEST_SHARE * widest:
            continue
        if sum(1 for line in lines[:-1] if not _SENTENCE_END.search(line)) * 2 < len(lines) - 1:
            continue
        if sum(1 for line in lines[1:] if line.lstrip()[:1].islower()) < WRAPPED_LOWER_SHARE * (len(lines) - 1):
            continue
        offset = paragraph.start()
        for line in lines[:-1]:
            offset += len(line)
            soft.add(offset)
            offset += 1
    return soft
