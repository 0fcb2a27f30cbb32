"""What a document says about itself: genre, title, date, speaker, author, publisher.

Read from the header (the short lines before the body), with the cues in
`ontology/lexicon/documents.yaml`; a sidecar `metadata.yaml` overrides it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tipgraph import model as m
from tipgraph.model import DocumentInfo, EntityMention, reference, SourceDocument, Span
from tipgraph.vocab import Vocabulary

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})\b"),
]


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # stripped of markup


def header_lines(text: str, limit: int) -> list[Line]:
    """The leading short lines: everything before the first line of running prose."""
    lines = []
    position = 0
    for raw in text.split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        stripped = re.sub(r"^[#>\s]+|[*_]{1,3}", "", raw).strip()
        if not stripped:
            continue
        words = stripped.split()
        if len(words) > 25 or (len(words) > 12 and stripped.endswith((".", "?", "!")) and lines):
            break
        offset = raw.find(stripped[:10]) if stripped else 0
        lines.append(Line(start + max(offset, 0), end, stripped))
        if len(lines) >= limit:
            break
    return lines


def parse_date(text: str) -> tuple[str, int, int] | None:
    """The first full date in `text` as (ISO date, start, end)."""
    best = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
            day, year = int(groups["day"]), int(groups["year"])
            if not (1 <= month <= 12 and 1 <= day <= 31 and 1000 <= year <= 2999):
                continue
            if best is None or match.start() < best[1]:
                best = (f"{year:04d}-{month:02d}-{day:02d}", match.start(), match.end())
            break
    return best


def _genre(header_text: str, body: str, cues: dict, default: str, threshold: int) -> str:
    header = header_text.lower()
    lowered = body.lower()
    # the cue written first wins: "EU Statement on the Annual Report ..." is a statement
    first: tuple[int, int, str] | None = None
    for order, (genre, spec) in enumerate(cues.items()):
        for cue in spec.get("header") or ():
            position = header.find(cue)
            if position >= 0 and (first is None or (position, order) < first[:2]):
                first = (position, order, genre)
    if first is not None:
        return first[2]
    reports = sum(lowered.count(cue) for cue in (cues.get("NewsArticle") or {}).get("body") or ())
    speech = sum(lowered.count(cue) for cue in (cues.get("Speech") or {}).get("body") or ())
    if speech:
        return "Speech"
    if reports >= threshold:
        return "NewsArticle"
    return default


def extract_info(document: SourceDocument, mentions: list[EntityMention], vocab: Vocabulary) -> DocumentInfo:
    lexicon = vocab.lexicon("documents")
    text = document.text
    header = header_lines(text, int(lexicon.get("date_header_lines") or 12))
    header_text = "\n".join(line.text for line in header)
    header_end = header[-1].end if header else 0
    info = DocumentInfo()
    info.genre = _genre(
        header_text,
        text,
        lexicon.get("genre_cues") or {},
        lexicon.get("default_genre") or "Speech",
        int(lexicon.get("news_reporting_threshold") or 4),
    )
    people = [mm for mm in mentions if mm.cls == m.PERSON]

    # author: a byline
    for line in header:
        for pattern in lexicon.get("author_patterns") or ():
            match = re.match(pattern, line.text)
            if match:
                name = match.group("name").strip()
                person = next((p for p in people if line.start <= p.span.start < line.end), None)
                info.author = person.name if person else name
                if person is None:
                    start = text.find(name, line.start, line.end + 1)
                    if start >= 0:
                        info.author_span = Span(start, start + len(name), name)
                break
        if info.author:
            break

    # speaker: "As delivered by <title> <name>", "Remarks by <title> <name> at ..."
    for pattern in lexicon.get("speaker_patterns") or ():
        match = re.search(pattern, text[: max(header_end, 1)], re.MULTILINE)
        if not match:
            continue
        who_start = match.start("who")
        person = next((p for p in people if who_start <= p.span.start <= who_start + 120), None)
        if person:
            info.speaker = person.name
            info.speaker_title = person.title
            break

    # date: the first full date in the header
    found = parse_date(header_text)
    if found:
        info.date = found[0]
    else:
        # a dateline opening the body: "Dakar, 12 March 2024 - The ..."
        body_start = header[-1].end + 1 if header else 0
        first = text[body_start : body_start + 400].lstrip()
        dateline = re.match(r"^[A-Z][\w .'’-]{1,40},\s+(.{6,30}?)\s+[-–—]\s", first)
        if dateline:
            dated = parse_date(dateline.group(1))
            if dated:
                info.date = dated[0]

    # title: a top-level markdown heading, else the header line with a genre cue, else the first line
    title_line = None
    for raw in text.split("\n"):
        heading = re.match(r"^#\s+(.*)$", raw.strip())
        if heading:
            title_line = re.sub(r"[*_]{1,3}", "", heading.group(1)).strip()
            break
    if title_line is None:
        cue_words = [c for spec in (lexicon.get("genre_cues") or {}).values() for c in spec.get("header") or ()]
        byline = {line.text for line in header if info.author and info.author in line.text}
        candidates = [line for line in header if line.text not in byline]
        # a line that only names the genre ("PRESS RELEASE") is a label, not the title
        labels = {c for c in ((lexicon.get("genre_cues") or {}).get("PressRelease") or {}).get("header") or ()}
        candidates = [line for line in candidates if line.text.lower().strip(" :.") not in labels]
        for line in candidates:
            if any(cue in line.text.lower() for cue in cue_words if not cue.endswith(":")):
                title_line = line.text
                break
        if title_line is None and candidates:
            title_line = candidates[0].text
    info.title = title_line

    # publisher: a header line that is exactly the name of a body (a letterhead or a line under the title)
    for line in header:
        if line.text == title_line:
            continue
        body = next(
            (
                mm for mm in mentions
                if mm.cls in m.ORGANIZATION_CLASSES
                # "Group of Experts on Action against Trafficking in Human Beings (GRETA)"
                and re.sub(r"\s*\([^)]*\)$", "", line.text.strip()) == mm.span.text.strip()
            ),
            None,
        )
        if body:
            info.publisher = reference(body)
            break
    if info.genre == "NewsArticle" and info.publisher is None:
        told = vocab.lexicon("reporting").get("before_source") or ()
        for mm in mentions:
            if mm.cls == m.MEDIA_ORGANIZATION:
                before = text[max(0, mm.span.start - 20) : mm.span.start].lower().rstrip()
                if any(before.endswith(w) for w in told if w.startswith("told")):
                    info.publisher = reference(mm)
                    break

    # the office that speaks when no person is named ("Special Representative and Co-ordinator ...")
    if info.speaker is None and info.genre in {"Speech", "Statement"}:
        offices = vocab.lexicon("titles").get("offices") or ()
        for line in header:
            if line.text == title_line and len(header) > 1 and line is not header[0]:
                continue
            if any(line.text.startswith(o) for o in offices) and len(line.text.split()) <= 16:
                info.speaker = line.text
                info.speaker_title = line.text
                info.speaker_span = Span(line.start, line.start + len(line.text), line.text)
                break

    for key, value in document.metadata.items():
        if key == "source_url":
            info.source_url = value
        elif hasattr(info, key):
            setattr(info, key, value)
    return info
