"""The lines a document opens with: title, labels, bylines, stamps, before the body."""
from __future__ import annotations

import re
from dataclasses import dataclass

from tipgraph.extract.patterns import compiled

_MARKUP = re.compile(r"^[#>\s]+|[*_]{1,3}")
_SENTENCE_END = ('.', '?', '!', '"', '”', ':', '.)')


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # stripped of markup
    prose: bool = False  # a line of running text (a lede) rather than a header line


# a byline run on into the story's dateline on one line, as a flattened page prints it:
# "By Jane Roe LONDON (Thomson Reuters Foundation) - Five members ..."
_RUN_ON_BYLINE = re.compile(r"^(?:By|BY)\s+(?:[A-Z][\w.'’-]*\s+){1,4}?(?=[A-Z]{3,}(?:[ -][A-Z]{2,})*"
                            r"(?:,\s+[A-Z][\w.'’ -]{2,30}?)?\s*(?:\([^)\n]{2,40}\)\s*)?[-–—]\s)")

# a release's label line run on into the body's capitals dateline, as a flattened page prints it:
# "Media Statement from the Police Service WESTERN CAPE – Nine victims were ..."
_RUN_ON_LABEL = re.compile(r"^(?i:media|press|news)\s+(?i:statement|release)\b[^\n]{0,160}?(?=\s+[A-Z]{3,}(?:[ -][A-Z]{2,})*"
                           r"(?:,\s+[A-Z][\w.'’ -]{2,30}?)?\s*[–—-]\s+[A-Z])")

# a posting stamp's time glued to the byline after it, as a flattened page prints it: "| 1:18 PMJane Roe"
_GLUED_TIME = re.compile(r"^[^\n]*?\b\d{1,2}:\d{2}\s?(?:AM|PM|am|pm)(?=[A-Z][a-z]+\s+[A-Z][a-z])")


def _lines(text: str):
    position = 0
    for raw in text.split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        stripped = _MARKUP.sub("", raw).strip()
        if stripped:
            offset = max(raw.find(stripped[:10]), 0)
            byline = _RUN_ON_BYLINE.match(stripped) or _RUN_ON_LABEL.match(stripped) or _GLUED_TIME.match(stripped)
            if byline:
                yield Line(start + offset, start + offset + len(byline.group().rstrip()), byline.group().rstrip())
                rest = stripped[byline.end():]
                offset += byline.end() + len(rest) - len(rest.lstrip())
                stripped = rest.lstrip()
            yield Line(start + offset, end, stripped)


def header_lines(text: str, limit: int, lexicon: dict | None = None) -> list[Line]:
    """The leading header lines: the front matter before its first line of running prose
    (a title of forty words and a "Delivered by ..., Vienna, 29 July 2021." line are header lines)."""
    if lexicon is None:
        from tipgraph.vocab import load_vocabulary  # the cached vocabulary: callers pass only the text

        lexicon = load_vocabulary().lexicon("documents")
    lines = []
    for line in front_matter(text, lexicon):
        if line.prose:
            break
        lines.append(line)
        if len(lines) >= limit:
            break
    return lines


def is_prose(text: str, openers: tuple[str, ...]) -> bool:
    """Running text: a long line that ends as a sentence does, or one too long for a heading."""
    lowered = text.lower()
    if any(lowered.startswith(o) for o in openers):
        return False
    words = len(text.split())
    if words > 60:
        return True
    if words > 12 and text.rstrip().endswith(_SENTENCE_END):
        return True
    # two sentences on one line ("... is a crime. It ...")
    return words > 16 and re.search(r"[a-z]{2}[.!?]\s+[A-Z]", text) is not None


def front_matter(text: str, lexicon: dict) -> list[Line]:
    """The short lines before the body, with at most a lede line or two among them.

    Stops at a salutation ("Madam Chairperson,"), at two lines of running prose
    in a row, or after `front_max_lines` lines.
    """
    openers = tuple(o.lower() for o in lexicon.get("front_line_openers") or ())
    salutations = [compiled(p, re.IGNORECASE) for p in lexicon.get("salutations") or ()]
    limit = int(lexicon.get("front_max_lines") or 14)
    lines: list[Line] = []
    prose_run = 0
    for line in _lines(text):
        if lines and len(line.text.split()) <= 14 and any(p.search(line.text) for p in salutations):
            break
        prose = is_prose(line.text, openers)
        if not prose and any(ln.prose for ln in lines) and len(line.text.split()) >= 5 \
                and line.text.rstrip().endswith(_SENTENCE_END) and not line.text.lower().startswith(openers):
            prose = True  # after the lede, a short sentence is the body going on, not a header line
        prose_run = prose_run + 1 if prose else 0
        if prose_run >= 2:
            break
        lines.append(Line(line.start, line.end, line.text, prose))
        if len(lines) >= limit:
            break
    while lines and lines[-1].prose:
        lines.pop()
    return lines


def body_start(text: str, front: list[Line]) -> int:
    return front[-1].end + 1 if front else 0
