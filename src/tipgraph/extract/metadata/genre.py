"""A document's genre from its whole shape.

Who speaks decides first: a text in its own first-person voice, or opening
with a salutation, is a speech or a statement; a text that reports is a news
story, a press release or a report. Header cues ("Statement by", "Press
release") then say which, and for reporting texts the marks of each genre
(outlet datelines, bylines and credit lines, weekdays, press contacts,
document symbols, an assessor's vocabulary) are weighed against each other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipgraph.extract.metadata.header import Line
from tipgraph.extract.patterns import compiled

# quoted passages are other voices: "we" inside them is not the document's
_QUOTED = re.compile(r"“[^”]{0,3000}”|\"[^\"\n]{0,3000}\"|«[^»]{0,3000}»"
                     # single quotation marks, as some outlets quote: 'We encourage the public ...,' he said
                     r"|(?<![\w’'])'(?=[A-Z])[^\n]{5,600}?[.,!?]'(?!\w)")
_OPEN_QUOTE_PARAGRAPH = re.compile(r"(?m)^\s*[“\"].*$")
# a quotation opened and not closed in its paragraph runs on to the paragraph's end, as a quotation that
# goes on into the next paragraph is written: '... ," Doe said. "Our message is clear. Act now.' (no closing mark)
_UNCLOSED_QUOTE = re.compile(r"(?m)(?:(?<=\s)|^)[“\"](?=[A-Z‘'])[^\n]*$")


_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourselves)\b", re.IGNORECASE)


@dataclass
class Shape:
    """What the classifier saw; kept so that a reader can see why."""

    first_person_rate: float = 0.0
    salutation: bool = False
    header_cue: tuple[str, str] | None = None  # (genre, cue)
    scores: dict[str, int] = field(default_factory=dict)
    genre: str = "Speech"
    reason: str = ""


def unquoted(text: str) -> str:
    text = _QUOTED.sub(" ", text)
    return _UNCLOSED_QUOTE.sub(" ", _OPEN_QUOTE_PARAGRAPH.sub(" ", text))


def first_person_rate(text: str, words: list[str]) -> float:
    """First-person pronouns per 100 words, outside quotations."""
    own = unquoted(text)
    tokens = re.findall(r"[^\W\d_]+", own)
    if not tokens:
        return 0.0
    wanted = set(words)
    # "US" is the United States, not "us"; a lower-case "i" is a letter ("a.i."), never the pronoun
    return 100.0 * sum(1 for t in tokens if t.lower() in wanted and not (len(t) > 1 and t.isupper())
                       and t != "i") / len(tokens)


def first_header_cue(front: list[Line], cues: dict) -> tuple[str, str] | None:
    """The genre cue written first in the front matter (lede lines excepted)."""
    best: tuple[int, int, str, str] | None = None
    for line_no, line in enumerate(front):
        if line.prose:
            continue
        lowered = line.text.lower()
        for order, (genre, spec) in enumerate(cues.items()):
            for position, cue in cue_positions(lowered, spec):
                key = (line_no * 10_000 + position, order, genre, cue)
                if best is None or key[:2] < best[:2]:
                    best = key
    return (best[2], best[3]) if best else None


# where a line's own heading begins: its start, or after a colon or a dash ("OSCE: Response to ...")
_HEADING_START = re.compile(r"(?:^|[:–—|]\s+|\s-\s+)")


def cue_positions(lowered: str, spec: dict) -> list[tuple[int, str]]:
    """(position, cue) of a genre's header cues in one lowered header line: `header` cues anywhere,
    `line_start` cues only where the line's heading begins, as whole words."""
    found = []
    for cue in spec.get("header") or ():
        position = lowered.find(cue)
        if position >= 0:
            found.append((position, cue))
    for cue in spec.get("line_start") or ():
        for start in _HEADING_START.finditer(lowered):
            if re.match(rf"{re.escape(cue)}\b", lowered[start.end():]):
                found.append((start.end(), cue))
                break
    return found


def header_cues(front: list[Line], cues: dict) -> list[tuple[str, str]]:
    """Every header cue in the front matter, in the order written."""
    found = []
    for line_no, line in enumerate(front):
        if line.prose:
            continue
        lowered = line.text.lower()
        for order, (genre, spec) in enumerate(cues.items()):
            for position, cue in cue_positions(lowered, spec):
                found.append((line_no, position, order, genre, cue))
    return [(genre, cue) for *_, genre, cue in sorted(found)]


def paragraphs_once(text: str) -> str:
    """`text` with a paragraph that repeats an earlier one left out: a page that prints its teaser again as
    the body's opening says its weekdays and datelines once."""
    seen: set[str] = set()
    kept = []
    for line in text.split("\n"):
        key = " ".join(line.split())
        if len(key) >= 60 and key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return "\n".join(kept)


def _count(pattern: str | None, text: str, cap: int | None) -> int:
    if not pattern:
        return 0
    n = len(compiled(pattern).findall(text))
    return min(n, cap) if cap else n


def classify(text: str, front: list[Line], body: str, lexicon: dict, *, salutation: bool,
             byline_person: bool, byline_organization: bool, media_source: bool, dateline: bool) -> Shape:
    cues = lexicon.get("genre_cues") or {}
    shape = Shape(salutation=salutation)
    shape.first_person_rate = first_person_rate(body, lexicon.get("first_person_words") or ())
    spoken = salutation or shape.first_person_rate >= float(lexicon.get("first_person_rate") or 0.5)
    shape.header_cue = first_header_cue(front, cues)
    front_text = "\n".join(line.text for line in front if not line.prose).lower()
    lowered = text.lower()

    cue_genre, cue = shape.header_cue or (None, None)
    if cue_genre == "Report":
        # a release's label ("Press release", "For information only - not an official document") says what
        # the text is, whatever report its headline names first
        label = next(((g, c) for g, c in header_cues(front, cues) if g == "PressRelease"), None)
        if label:
            cue_genre, cue = label
    delivery = [c for c in lexicon.get("delivery_cues") or () if c in front_text or c in lowered[:3000]]
    if cue_genre == "PressRelease" and spoken and any(g == "Speech" for g, _ in header_cues(front, cues)):
        # "Press Releases: Remarks at ..." over a transcript: a site's section label over a speech
        cue_genre, cue = None, None
    if cue_genre == "PressRelease" or (cue_genre == "NewsArticle" and not spoken):
        return _done(shape, cue_genre, f"header cue {cue!r}")
    if cue_genre == "NewsArticle":
        # "From: Foreign Office and Jane Doe" over a speech: a publishing line, not a reporter's byline
        cue_genre, cue = None, None
    statement = sum(lowered.count(c) for c in lexicon.get("statement_body_cues") or ())
    speech = sum(lowered.count(c) for c in (cues.get("Speech") or {}).get("body") or ())
    neutral = set(lexicon.get("neutral_delivery_cues") or ())
    # a first-person text is delivered, even when its title is about a report ("On the Annual Report ...")
    spoken_cues = [(g, c) for g, c in header_cues(front, cues) if g in {"Speech", "Statement"}]
    transcript = lexicon.get("transcript_label")
    if spoken and transcript and re.match(transcript, body.lstrip()):
        return _done(shape, "Speech", "a transcript: the body opens with a speaker's label")
    if spoken_cues and (spoken or (delivery and not byline_person)):
        telling = [(g, c) for g, c in spoken_cues if c not in neutral]
        if telling:
            return _done(shape, telling[0][0], f"header cue {telling[0][1]!r}, " + ("first-person voice" if spoken else f"delivery cue {delivery[0]!r}"))
        # "Delivered by ...": a statement to a council or a speech at an event, as the body says
        genre = "Speech" if speech > statement else "Statement"
        return _done(shape, genre, f"header cue {spoken_cues[0][1]!r}; statement cues {statement}, speech cues {speech}")
    if spoken:
        if statement == speech == 0 and not salutation and not _SECOND_PERSON.search(unquoted(body)):
            # no audience greeted, thanked or addressed: a written statement, not a speech
            return _done(shape, "Statement", "first-person voice addressing no audience")
        genre = "Statement" if statement > speech else "Speech"
        return _done(shape, genre, f"first-person voice; statement cues {statement}, speech cues {speech}")

    # a reporting text: news story, press release or report
    quoted = _QUOTED.search(body) is not None or _OPEN_QUOTE_PARAGRAPH.search(body) is not None
    report_cues = sum(lowered.count(c) for c in lexicon.get("report_body_cues") or ())
    opening = "\n".join([line.text for line in front] + [p for p in body.strip().split("\n") if p.strip()][:1])
    about = lexicon.get("about_a_report")
    speaks_of_report = bool(about and re.search(about, opening))
    text = paragraphs_once(text)
    own_text = unquoted(text)
    news = 0
    for name, spec in (lexicon.get("news_shape") or {}).items():
        weight, cap = int(spec.get("weight") or 1), spec.get("max")
        if name == "byline_person":
            hits = int(byline_person)
        elif name == "media_source":
            hits = int(media_source)
        else:
            hits = _count(spec.get("pattern"), own_text if name == "weekday" else text, cap)
        news += weight * hits
    release = 0
    for name, spec in (lexicon.get("press_release_shape") or {}).items():
        weight, cap = int(spec.get("weight") or 1), spec.get("max")
        if name == "dateline":
            hits = int(dateline)
        else:
            hits = _count(spec.get("pattern"), own_text if name == "today" else text, cap)
        release += weight * hits
    shape.scores = {"NewsArticle": news, "PressRelease": release}
    threshold = int(lexicon.get("third_person_threshold") or 2)
    # a report, unless it is a release or a story about one ("The Commission today published its report ...")
    if not quoted and news < threshold and (
            byline_organization or (not speaks_of_report and (
                cue_genre == "Report" or report_cues >= int(lexicon.get("report_cue_threshold") or 2)))):
        reason = ("an organisation's byline" if byline_organization
                  else f"header cue {cue!r}" if cue_genre == "Report" else f"{report_cues} report cues")
        return _done(shape, "Report", f"assessor's voice: {reason}, no quotation, news marks {news}")
    if news >= threshold and news > release:
        return _done(shape, "NewsArticle", f"reporting text; news marks {news} > press-release marks {release}")
    return _done(shape, "PressRelease", f"reporting text; press-release marks {release}, news marks {news}")


def _done(shape: Shape, genre: str, reason: str) -> Shape:
    shape.genre = genre
    shape.reason = reason
    return shape
