"""What a document says about itself: genre, title, date, speaker, author, publisher.

Read from the document's shape with the cues in `ontology/lexicon/documents.yaml`
(front matter in `header`, genre in `genre`, speakers and bylines in `people`,
dates in `dates`); a sidecar `metadata.yaml` overrides it.
"""
from __future__ import annotations

import re

from tipgraph import model as m
from tipgraph.extract.metadata.dates import find_dates, occasion_year, parse_date, stamp_month_or_year, title_year
from tipgraph.extract.metadata.genre import classify, first_person_rate, header_cues
from tipgraph.extract.metadata.header import Line, body_start, front_matter, header_lines
from tipgraph.extract.metadata.people import (
    NameReader, Named, as_label, dateline_outlet, find_author, find_speaker, further_authors, photo_credit_outlet,
)
from tipgraph.model import DocumentInfo, EntityMention, reference, SourceDocument, Span
from tipgraph.vocab import Vocabulary

__all__ = ["Line", "extract_info", "find_dates", "header_lines", "parse_date"]

# "The Hague, 28 September 2021", "CHISINAU, 18 November 2003 -", "21 September 2023, Chisinau –", "Geneva/Brussels –"
_PLACE = r"[A-Z][\w.'’-]*(?:[ /][A-Z][\w.'’-]*){0,3}"
_DATELINE_PLACE_FIRST = re.compile(rf"^(?P<place>{_PLACE})(?:\s*\([A-Z][\w .'’-]{{1,30}}\))?(?:,\s*[A-Z][\w.'’-]*)?(?:,?\s+(?P<date>[^–—\n]{{6,40}}?))?\s*(?:[–—]|\s-)\s")
# "Riga, 18/10/2013. Today, ...": a dateline ended by a full stop, the date whole between the comma and it
_DATELINE_FULL_STOP = re.compile(rf"^(?P<place>{_PLACE}),\s+(?P<date>[^\n]{{6,30}}?)\.\s+(?=[A-Z])")
_DATELINE_DATE_FIRST = re.compile(rf"^(?P<date>[^–—\n]{{6,30}}?),\s*(?P<place>{_PLACE})\s*(?:[–—]|\s-)\s")
_OUTLET_DATELINE = re.compile(r"^[A-Z][A-Za-z0-9 .,'’-]{1,40}\s*\([A-Z][^)\n]{1,40}\)\s*[-–—:]", re.MULTILINE)
_PHOTO_CREDIT = re.compile(r"(?i)^(?:photo|picture|image|pic)s?\b[^\n]{0,20}?(?:courtesy|credit|©|:)")
# a publication stamp opening the text, whatever runs on after it: "date 2022-04-20 ASTANA ...", "Published: 3 May 2021"
_LABELLED_STAMP = re.compile(r"^\W*(?:publication\s+date|date\s+published|published(?:\s+on)?|posted(?:\s+on)?|date)\s*:?\s+",
                             re.IGNORECASE)
# a headline tells what an office holder does ("Foreign Secretary delivers speech on ..."): no office line
_HEADLINE_VERB = re.compile(r"\b(?:delivers|gives|says|calls|urges|speaks|addresses|opens|launches|marks|welcomes|"
                            r"announces|meets|visits|warns|highlights|stresses)\b")
_WEEKDAY = re.compile(r"(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday")
_TIME_OF_DAY = re.compile(r"[;,]?\s+(?:at\s+)?\d{1,2}:\d{2}\b")
_SAID_ON_DAY = re.compile(r"\b(?:said|says|announced|reported|stated|confirmed|told\s+\w+)\s+(?:on\s+)?"
                          r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+")
_DATELINE_LINE = re.compile(rf"^(?P<place>{_PLACE}),\s+(?P<date>.{{6,40}})$")


def _dateline(front: list[Line], text: str) -> tuple[str | None, bool]:
    """(date, found) of a dateline: a stamped line or the opening of the first paragraph."""
    start = body_start(text, front)
    candidates = [line.text for line in front] + [text[start : start + 300].lstrip()]
    candidates += [line.text for line in front if line.prose]
    for candidate in candidates:
        outlet = _OUTLET_DATELINE.match(candidate)
        if outlet:
            # "SARAJEVO (Reuters) -" is an outlet's dateline; "Warsaw, 15 June 2023 (TDI):" dates the story
            dated = parse_date(candidate[: candidate.find("(")])
            if dated:
                return dated[0], False
            continue
        for pattern in (_DATELINE_DATE_FIRST, _DATELINE_PLACE_FIRST, _DATELINE_FULL_STOP, _DATELINE_LINE):
            match = pattern.match(candidate)
            if not match or _WEEKDAY.fullmatch(match.group("place")):
                continue  # "Monday, December 22, 2008 9:44 AM" is a stamp: a weekday is no place
            date = match.groupdict().get("date")
            dated = parse_date(date) if date else None
            if pattern is _DATELINE_LINE and not (dated and dated[1] == 0):
                continue
            if pattern is _DATELINE_FULL_STOP and not (dated and dated[1] == 0 and dated[2] == len(date)):
                continue
            if pattern is _DATELINE_PLACE_FIRST and date and not dated:
                continue
            return (dated[0] if dated else None), True
    return None, False


# two days of one month written as a span: "22-23 May 2018", "May 22–23, 2018"
_DAY_SPAN = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s*[–-]\s*\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+"
                       r"|\b[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*[–-]\s*\d{1,2}\b")


def _document_date(front: list[Line], text: str, dateline_date: str | None, reporting: bool) -> str | None:
    """The first full date in a header line (a stamp, the title, a "Delivered by" line), else the
    dateline's, else a month or year stamp, else (for a reporting text) the year of the occasion its lede names."""
    stamp = _LABELLED_STAMP.match(text.lstrip())
    found = parse_date(text.lstrip()[stamp.end() : stamp.end() + 40]) if stamp else None
    if found and found[1] == 0:
        return found[0]
    header = [line for line in front if not line.prose]
    for index, line in enumerate(header):
        found = parse_date(line.text, context=text)
        if found:
            if dateline_date and _TIME_OF_DAY.match(line.text[found[2]:]):
                return dateline_date  # "Monday, December 22, 2008 9:44 AM": a site's posting stamp, not the text's own date
            if not reporting and _TIME_OF_DAY.match(line.text[found[2]:]):
                # "15 December 2017, 13:19" over "Delivered by ..., 14 December 2017": a statement is dated the
                # day it was delivered, not the minute a site posted it
                delivered = next((day for day in (parse_date(later.text) for later in header[index + 1 :]) if day), None)
                if delivered:
                    return delivered[0]
            if not reporting and _DAY_SPAN.search(line.text[found[1] : found[2]]):
                # "Strasbourg, 22-23 May 2018" over a statement: the occasion's days, not the day it was given,
                # unless a later header line stamps one day ("Conference held February 23-26, 2003" / "February 23, 2003")
                for later in header[index + 1 :]:
                    day = parse_date(later.text)
                    if day and not _DAY_SPAN.search(later.text[day[1] : day[2]]) and day[0].startswith(found[0][:4]):
                        return day[0]
                return found[0][:7]
            return found[0]
    if dateline_date:
        return dateline_date
    # a date signing off the text: "Geneva, 30 July 2023" or the date alone on one of its last lines
    for raw in [ln.strip(" *_") for ln in text.strip().split("\n") if ln.strip()][-3:][::-1]:
        found = parse_date(raw)
        if found and (found[1] == 0 or _DATELINE_LINE.match(raw)) and len(raw) - (found[2] - found[1]) < 30:
            return found[0]
    for line in header:
        partial = stamp_month_or_year(line.text)
        if partial:
            return partial
    if reporting:
        start = body_start(text, front)
        opening = [line for line in text[start:].strip().split("\n") if line.strip()][:2]
        # "..., the police said Sunday, April 21, 2024.": the day the story's source spoke
        spoke = _SAID_ON_DAY.search(opening[0]) if opening else None
        if spoke:
            found = parse_date(opening[0][spoke.end() : spoke.end() + 40])
            if found and found[1] == 0:
                return found[0]
        return occasion_year(" ".join(opening))
    return None


def _opening_paragraph(text: str, front: list[Line]) -> Line | None:
    """The first paragraph after the header lines, as a line of prose."""
    start = body_start(text, front)
    lead = len(text[start:]) - len(text[start:].lstrip())
    start += lead
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return Line(start, end, text[start:end].rstrip(), True) if end > start else None


def _introduction_date(text: str, front: list[Line], lexicon: dict) -> str | None:
    """The day a speech was given as the line introducing it says, when that line is running prose:
    "A keynote address by ... at the Summit on Saturday 4th, April 2020.", "Below is the text of the speech
    made by ... in Oxford on 1st May 2014." (the first day it names; a line that says more than this is the body)."""
    introductions = [line.text for line in front if line.prose
                     and any(re.search(p, line.text) for p in lexicon.get("speaker_patterns") or ())]
    marker = lexicon.get("republished_marker")
    found = re.search(marker, text[:4000]) if marker else None
    if found:
        introductions.append(found.group(0))
    for line in introductions:
        dated = parse_date(line, context=text)
        if dated:
            return dated[0]
    return None


def _salutation(text: str, front: list[Line], lexicon: dict) -> bool:
    patterns = [re.compile(p, re.IGNORECASE) for p in lexicon.get("salutations") or ()]
    start = body_start(text, front)
    for raw in text[start : start + 1500].split("\n")[:8]:
        line = raw.strip(" *_#")
        if line and len(line.split()) <= 14 and any(p.search(line) for p in patterns):
            return True
    return False


def _mention(named: Named) -> EntityMention:
    span = named.span
    return EntityMention(named.cls, span, named.name, sentence=(span.start, span.end))


def _organization_class(name: str, vocab: Vocabulary) -> str:
    orgs = vocab.lexicon("organizations")
    if any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", name) for w in orgs.get("mission_nouns") or ()):
        return m.GOVERNMENT_BODY
    for cls, words in (orgs.get("class_keywords") or {}).items():
        if any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", name) for w in words):
            return cls
    return m.ORGANIZATION


def _title(text: str, front: list[Line], lexicon: dict, author: Named | None,
           mentions: list[EntityMention]) -> str | None:
    """A top-level markdown heading, else the header line with a genre cue, else the first header line."""
    for raw in text.split("\n"):
        heading = re.match(r"^#\s+(.*)$", raw.strip())
        if heading:
            return re.sub(r"[*_]{1,3}", "", heading.group(1)).strip()
    cues = lexicon.get("genre_cues") or {}
    # the title is the line naming the genre, with a cue anywhere in it ("Statement in Response to ...")
    cue_words = [c for spec in cues.values() for key in ("header", "line_start") for c in spec.get(key) or ()
                 if not c.endswith(":")]
    labels = set((cues.get("PressRelease") or {}).get("header") or ())
    candidates = []
    for line in front:
        if line.prose or (author and author.name in line.text):
            continue
        bare = line.text.lower().strip(" :.")
        if bare in labels:
            continue  # "PRESS RELEASE" is a label, not the title
        dated = parse_date(line.text)
        if dated and (len(line.text) - (dated[2] - dated[1]) < 14 or _LABELLED_STAMP.match(line.text)):
            continue  # a date stamp ("Publication date 08.03.2017")
        if _PHOTO_CREDIT.match(line.text):
            continue  # "Photo courtesy of ...": a picture's credit
        if _OUTLET_DATELINE.match(line.text) and len(line.text.split()) <= 8:
            continue  # "Baku, Azerbaijan, May 12 (Trend):" alone on its line: a dateline
        if line.text.endswith(",") or re.fullmatch(r"[A-Z]{2,5}(?:/[A-Z]{2,5})*/\d{3,6}", line.text):
            continue  # a session line or a document symbol
        if any(mm.cls in m.ORGANIZATION_CLASSES and mm.span.text.strip() == line.text for mm in mentions):
            continue  # a letterhead
        candidates.append(line)
    for line in candidates:
        if any(cue in line.text.lower() for cue in cue_words):
            return line.text
    if not candidates:
        return None
    # "News | Court orders compensation ...": the section label is not part of the title
    return re.sub(r"^[^|›»]{1,25}\s*[|›»]\s*", "", candidates[0].text) or candidates[0].text


def extract_info(document: SourceDocument, mentions: list[EntityMention], vocab: Vocabulary) -> DocumentInfo:
    lexicon = vocab.lexicon("documents")
    reader = NameReader(lexicon, vocab.lexicon("titles"), vocab.lexicon("noise"))
    text = document.text
    front = front_matter(text, lexicon)
    # the text's own running prose: the body and any lede among the header lines
    body = "\n".join([line.text for line in front if line.prose] + [text[body_start(text, front) :]])
    info = DocumentInfo()

    salutation = _salutation(text, front, lexicon)
    own_voice = salutation or first_person_rate(body, lexicon.get("first_person_words") or ()) >= float(
        lexicon.get("first_person_rate") or 0.5)
    # a labelled release ("Press release", "Meetings Coverage") has no reporter: its header lines are not bylines
    labelled_release = any(g == "PressRelease" for g, _ in header_cues(front, lexicon.get("genre_cues") or {}))
    author, outlet = find_author(text, front, mentions, lexicon, reader, loose=not own_voice and not labelled_release)
    dateline_date, has_dateline = _dateline(front, text)
    media = any(mm.cls == m.MEDIA_ORGANIZATION for mm in mentions)
    shape = classify(
        text, front, body, lexicon,
        salutation=salutation,
        byline_person=author is not None and author.cls == m.PERSON,
        # "From Ministry of Defence" publishes a text; only a body's byline ("By U.S. Mission ...") writes a report
        byline_organization=author is not None and author.cls != m.PERSON and not author.publishing,
        media_source=media,
        dateline=has_dateline,
    )
    info.genre = shape.genre
    spoken = info.genre in {"Speech", "Statement"}

    if author is not None and author.cls == m.PERSON:
        info.author = author.name
        info.author_span = author.span
        for other in further_authors(text, front, author, mentions, reader):
            info.coauthors.append(f"{m.PERSON}:{other.name}")
            if other.span is not None:
                info.header_mentions.append(_mention(other))
    elif author is not None:
        # an organisation's byline ("By U.S. Mission Romania"): it writes and publishes the text;
        # a publishing line ("From Ministry of Defence") only publishes it
        if author.mention is not None:
            body = reference(author.mention)
        else:
            cls = _organization_class(author.name, vocab)
            body = f"{cls}:{author.name}"
            if author.publishing:
                info.header_mentions.append(EntityMention(cls, author.span, author.name,
                                                          sentence=(author.span.start, author.span.end)))
            else:
                info.author_span = author.span
        if not author.publishing:
            info.author = body
        info.publisher = body

    speaker, speaking_body = find_speaker(text, front, mentions, lexicon, reader) if spoken else (None, None)
    # a republished speech ("Below is the text of X's lecture:", "***"): its own header names speaker and date
    republished = _republished_front(text, lexicon) if spoken and speaker is None and speaking_body is None else []
    if republished:
        speaker, speaking_body = find_speaker(text, republished, mentions, lexicon, reader)
    if spoken and speaker is None and speaking_body is None:
        lede = _opening_paragraph(text, front)
        if lede is not None:
            speaker, speaking_body = find_speaker(text, [lede], mentions, lexicon, reader, key="speaker_lede_patterns")
    if speaker is not None:
        info.speaker = speaker.name
        if info.author == speaker.name:
            # "by Ms X, Regional Director ..." under a speech's title: the one who delivers it, not a writer
            byline = set(info.coauthors)
            info.author, info.author_span, info.coauthors = None, None, []
            info.header_mentions = [mm for mm in info.header_mentions if f"{m.PERSON}:{mm.name}" not in byline]
        if speaker.mention is not None:
            info.speaker_title = speaker.mention.title
        else:
            info.speaker_span = speaker.span

    info.date = _document_date(front, text, dateline_date, reporting=not spoken)
    if info.date is None and republished:
        info.date = _document_date(republished, text, None, reporting=False)
    if info.date is None and spoken:
        info.date = _introduction_date(text, front, lexicon)
    if info.date is None and spoken and front and not front[0].prose:
        # a statement that dates itself nowhere but by the year its title gives the occasion
        info.date = title_year(front[0].text)
    info.title = _title(text, front, lexicon, author, mentions)

    # publisher: a header line that is exactly the name of a body (a letterhead or a line under the title)
    if info.publisher is None:
        for line in front:
            if line.text == info.title or line.prose or (info.speaker and line.text.strip(" *_#") == info.speaker):
                continue  # the speaker's own name line is no letterhead
            bare = re.sub(r"\s*\([^)]*\)$", "", line.text.strip())  # "Group of Experts ... (GRETA)"
            body_mention = next(
                (mm for mm in mentions if mm.cls in m.ORGANIZATION_CLASSES and bare == mm.span.text.strip()),
                None,
            )
            if body_mention:
                info.publisher = reference(body_mention)
                break
    if info.publisher is None and speaking_body is not None:
        if speaking_body.mention is not None:
            info.publisher = reference(speaking_body.mention)
        else:
            speaking_body.cls = _organization_class(speaking_body.name, vocab)
            info.header_mentions.append(_mention(speaking_body))
            info.publisher = f"{speaking_body.cls}:{speaking_body.name}"
    if info.publisher is None and isinstance(outlet, Named):
        info.header_mentions.append(_mention(outlet))
        info.publisher = f"{outlet.cls}:{outlet.name}"
    elif info.publisher is None and outlet is not None:
        info.publisher = reference(outlet)
    if info.publisher is None and info.genre != "NewsArticle":
        # "VIENNA, 25 June (UN Information Service) - Thank you ...": the service that issues a speech or release
        info.publisher = _dateline_body(text, front, mentions)
    if info.genre in {"PressRelease", "Report"} and info.publisher is None:
        info.publisher = _issuer(text, mentions, lexicon) or _protagonist(text, front, mentions)
    if info.genre == "NewsArticle" and info.publisher is None:
        # "Anadolu Agency, March 3, 2018" under the headline: the agency that stamps the story, not an outlet its
        # sources "told" or whose reporting it cites
        info.publisher = _stamp_outlet(front, mentions, info, vocab, known_media=True)
    if info.genre == "NewsArticle" and info.publisher is None:
        info.publisher = _outlet(text, front, mentions, vocab)
    if info.genre == "NewsArticle" and info.publisher is None:
        # an outlet no entity was found for: in the dateline's brackets, or the authors' photo credit
        authors = [info.author or ""] + [c.split(":", 1)[1] for c in info.coauthors]
        named = (dateline_outlet(text, body_start(text, front), _OUTLET_DATELINE, reader)
                 or photo_credit_outlet(text, front, authors))
        if named is not None:
            info.header_mentions.append(_mention(named))
            info.publisher = f"{named.cls}:{named.name}"
    if info.genre == "NewsArticle" and info.publisher is None:
        info.publisher = _self_named_outlet(text, mentions, lexicon, info)
    if info.genre == "NewsArticle" and info.publisher is None:
        info.publisher = _stamp_outlet(front, mentions, info, vocab)

    if spoken and info.speaker is None and info.publisher is None:
        info.publisher = _own_office_body(text, front, mentions, lexicon)

    # the office that speaks when no person is named ("Special Representative and Co-ordinator ...")
    if info.speaker is None and spoken:
        offices = vocab.lexicon("titles").get("offices") or ()
        header = [line for line in front if not line.prose]
        for line in header:
            if line.text == info.title and len(header) > 1 and line is not header[0]:
                continue
            # a line ending in a comma greets the office ("Deputy Secretary General of ...,"): it does not speak
            if (any(line.text.startswith(o) for o in offices) and len(line.text.split()) <= 16
                    and not line.text.endswith((".", "!", "?", ",")) and not _HEADLINE_VERB.search(line.text)):
                # "Secretary-General's remarks at the launch of ...": the office, not the whole title
                office = max((o for o in offices if re.match(re.escape(o) + r"[’']s\s", line.text)), key=len, default=line.text)
                info.speaker = office
                info.speaker_title = office
                info.speaker_span = Span(line.start, line.start + len(office), office)
                break

    for key, value in document.metadata.items():
        if key == "source_url":
            info.source_url = value
        elif hasattr(info, key):
            setattr(info, key, value)
    return info


def _own_office_body(text: str, front: list[Line], mentions: list[EntityMention], lexicon: dict) -> str | None:
    """ "As I am only the second woman to be elected President of the Parliamentary Assembly of ..., I ...": the body
    whose office an unnamed speaker says in the first person they hold, in the speech's opening paragraphs."""
    pattern = lexicon.get("first_person_office")
    start = body_start(text, front)
    opening = text[start : start + 1500]
    for match in re.finditer(pattern, opening) if pattern else ():
        sentence_start = max(opening.rfind(". ", 0, match.start()), opening.rfind("\n", 0, match.start())) + 1
        sentence_end = min([i for i in (opening.find(". ", match.end()), opening.find("\n", match.end())) if i >= 0] or [len(opening)])
        if not re.search(r"\b(?:I|me|my)\b", opening[sentence_start:sentence_end]):
            continue
        at = start + match.end()
        bodies = [mm for mm in mentions if mm.cls in m.ORGANIZATION_CLASSES and mm.span.start == at]
        if bodies:
            return reference(max(bodies, key=lambda mm: len(mm.span.text)))
    return None


def _self_named_outlet(text: str, mentions: list[EntityMention], lexicon: dict, info: DocumentInfo) -> str | None:
    """The outlet a story names as its own reporter: "Dnestr Daily reports, citing ...", "X has learnt from the
    press service", "ASTANA. STEPPEWIRE -", "..., he told swissinfo." A mention the entity stage read there as a
    place or a person is the outlet's."""
    shape = lexicon.get("news_shape") or {}
    found: list[tuple[int, int]] = []
    for name in ("outlet_reports", "capitals_agency_dateline", "agency_after_date", "agency_after_date_dash",
                 "agency_line_dateline"):
        pattern = (shape.get(name) or {}).get("pattern")
        match = re.search(pattern, text) if pattern else None
        if match and match.groupdict().get("outlet"):
            found.append(match.span("outlet"))
    # "Scheurer told swissinfo.": a lower-case or one-word name after "told" at a sentence's end, no one's name
    told = re.search(r"\btold\s+(?P<outlet>[A-Za-z][\w.-]*[a-z0-9])(?=[.,]\s|[.,]?$)", text, re.MULTILINE)
    # ("told lawmakers.", "told delegates.": a lower-case plural is an audience, not an outlet)
    plural = told is not None and told.group("outlet").islower() and told.group("outlet").endswith("s") \
        and not told.group("outlet").endswith("news")
    if told and not plural and not re.fullmatch(r"(?i)him|her|them|us|me|parliament|police|congress|court", told.group("outlet")):
        found.append(told.span("outlet"))
    for start, end in found:
        _cut_at_dateline_dash(text, mentions, start, end)
        at = [mm for mm in mentions if mm.span.start < end and start < mm.span.end]
        outlets = [mm for mm in at if mm.cls in m.ORGANIZATION_CLASSES and mm.span.end == end]
        if outlets:
            outlet = max(outlets, key=lambda mm: len(mm.span.text))
            if outlet.cls == m.ORGANIZATION and outlet.key is None:
                outlet.cls = m.MEDIA_ORGANIZATION  # a body of no known kind that a story names as its reporter
            return reference(outlet)
        if any(mm.cls in m.ORGANIZATION_CLASSES or mm.key for mm in at):
            continue  # "told the Ministry of ...": a body, not the outlet
        # "Kazakh Steppewire": a country's name or demonym before the outlet's is not part of it
        first = max([start] + [mm.span.end + 1 for mm in at if mm.cls in {m.COUNTRY, m.REGION} and mm.span.start == start
                               and mm.span.end < end])
        name = as_label(text[first:end])
        misread = [mm for mm in at if mm.cls in {m.PLACE, m.PERSON} and mm.span.start == first]
        for mm in misread:
            mm.cls, mm.name = m.MEDIA_ORGANIZATION, name
        if misread:
            return reference(misread[0])
        named = Named(name, span=Span(first, end, text[first:end]), cls=m.MEDIA_ORGANIZATION)
        info.header_mentions.append(_mention(named))
        return f"{m.MEDIA_ORGANIZATION}:{name}"
    return None


def _cut_at_dateline_dash(text: str, mentions: list[EntityMention], start: int, end: int) -> None:
    """ "GNA- The Ministry of Gender ...": a name read across the dash that ends an agency's dateline mark
    begins after it."""
    dash = re.match(r"\s*[-–—]+\s*(?:[Tt]he\s+)?", text[end : end + 12])
    if not dash:
        return
    after = end + dash.end()
    for mm in mentions:
        if start <= mm.span.start < end and mm.span.end > after and mm.cls in m.ORGANIZATION_CLASSES:
            mm.span = Span(after, mm.span.end, text[after : mm.span.end])
            mm.name = re.sub(r"^.*?[-–—]+\s*(?:[Tt]he\s+)?", "", mm.name, count=1) if re.search(r"[-–—]", mm.name) else mm.name
            if mm.sentence is not None:
                mm.sentence = (max(mm.sentence[0], after), mm.sentence[1])


# "Xinhua, August 19, 2016" under a story's headline: who stamps the story and when
_NAME_AND_DATE = re.compile(r"^(?P<name>[A-Z][\w.'’&-]*(?:\s[A-Z][\w.'’&-]*){0,2}),\s+(?P<date>.{6,30}?)\.?$")


def _stamp_outlet(front: list[Line], mentions: list[EntityMention], info: DocumentInfo, vocab: Vocabulary,
                  known_media: bool = False) -> str | None:
    """The outlet of a news story's stamp line "Name, <date>" when the name is no known place and no person or
    body the entity stage found (a dateline's "The Hague, 28 September 2021" names a place); a place the entity
    stage guessed from the line's shape alone is the outlet's name. `known_media`: only a name the entity stage
    read as a media organisation."""
    for line in front[1:]:
        match = _NAME_AND_DATE.match(line.text)
        if line.prose or not match or _WEEKDAY.fullmatch(match.group("name")):
            continue
        dated = parse_date(match.group("date"))
        if not dated or dated[1] != 0 or dated[2] < len(match.group("date").rstrip(". ")):
            continue
        start = line.start + match.start("name")
        end = line.start + match.end("name")
        at = [mm for mm in mentions if mm.span.start < end and start < mm.span.end]
        outlets = [mm for mm in at if mm.cls in m.ORGANIZATION_CLASSES and (mm.span.start, mm.span.end) == (start, end)]
        if known_media:
            outlets = [mm for mm in outlets if mm.cls == m.MEDIA_ORGANIZATION]
            if outlets:
                return reference(outlets[0])
            continue
        if outlets:
            return reference(outlets[0])
        name = match.group("name")
        if name in vocab.places:
            continue
        # (one word: "New York, 3 March 2019" is a dateline whatever list the entity stage knew it from)
        guessed = [mm for mm in at if mm.cls == m.PLACE and mm.key is None and " " not in name
                   and (mm.span.start, mm.span.end) == (start, end)]
        for mm in guessed:
            mm.cls = m.MEDIA_ORGANIZATION
        if guessed:
            return reference(guessed[0])
        if at:
            continue
        named = Named(match.group("name"), span=Span(start, end, match.group("name")), cls=m.MEDIA_ORGANIZATION,
                      how="stamp line of a news story")
        info.header_mentions.append(_mention(named))
        return f"{m.MEDIA_ORGANIZATION}:{named.name}"
    return None


def _republished_front(text: str, lexicon: dict) -> list[Line]:
    """The header lines after a marker that the text republishes a speech or statement, in `text`'s offsets."""
    pattern = lexicon.get("republished_marker")
    marker = re.search(pattern, text[:4000]) if pattern else None
    if not marker:
        return []
    rest = marker.end() + 1
    return [Line(line.start + rest, line.end + rest, line.text, line.prose)
            for line in front_matter(text[rest:], lexicon)]


def _issuer(text: str, mentions: list[EntityMention], lexicon: dict) -> str | None:
    """The body a release's press contact works for ("Paul Doe, Anti-Slavery International Press Officer")."""
    spec = (lexicon.get("press_release_shape") or {}).get("contact_footer") or {}
    matches = list(re.finditer(spec["pattern"], text)) if spec.get("pattern") else []
    for match in matches[-1:]:
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        bodies = [mm for mm in mentions if mm.cls in m.ORGANIZATION_CLASSES and line_start <= mm.span.start < line_end]
        if bodies:
            return reference(bodies[-1])
    return None


def _protagonist(text: str, front: list[Line], mentions: list[EntityMention]) -> str | None:
    """The body a release is about and by: named in its headline or lede and the most often in the text,
    else the one whose name opens its sentences."""
    start = body_start(text, front)
    start += len(text[start:]) - len(text[start:].lstrip())  # the blank lines under the header are no lede
    lede_end = text.find("\n", start + 1)
    lede_end = len(text) if lede_end < 0 else lede_end
    named = [mm for mm in mentions if mm.cls in m.ORGANIZATION_CLASSES and mm.cls != m.MEDIA_ORGANIZATION]
    # the United Nations of "the United Nations Office on Drugs and Crime" is part of that name
    bodies = [mm for mm in named if not any(o is not mm and o.span.start <= mm.span.start and mm.span.end <= o.span.end
                                            and o.span.end - o.span.start > mm.span.end - mm.span.start for o in named)]
    counts: dict[str, int] = {}
    for mm in bodies:
        counts[reference(mm)] = counts.get(reference(mm), 0) + 1
    # "According to the United Nations Office on Drugs and Crime (UNODC), ...": a source the text cites is not its issuer
    cited_at = [mm.span.end for mm in bodies if re.search(r"\baccording\s+to\s+(?:the\s+)?$", text[max(0, mm.span.start - 20) : mm.span.start], re.IGNORECASE)]
    cited = {end for end in cited_at}
    for mm in bodies:
        if any(re.fullmatch(r"\s*\(\s*", text[end : mm.span.start]) for end in cited_at if end <= mm.span.start):
            cited.add(mm.span.end)
    # "The conference began on Wednesday at the British Embassy in Warsaw": a body named as the venue is a place
    venues = {mm.span.end for mm in bodies if re.search(r"\b(?:at|inside|outside)\s+(?:the\s+)?$", text[max(0, mm.span.start - 12) : mm.span.start])}
    opening = [mm for mm in bodies if mm.span.start < lede_end and not reference(mm).startswith("gov:")
               and mm.span.end not in cited and mm.span.end not in venues]
    if opening:
        lede = text[start:lede_end]
        subject_at = start + len(lede) - len(lede.lstrip())
        # "GENEVA, 3 May 2022 – The International Labour Organization ...": the subject after the dateline
        dateline = _DATELINE_PLACE_FIRST.match(text[subject_at:lede_end]) or _DATELINE_DATE_FIRST.match(text[subject_at:lede_end])
        subject_at += dateline.end() if dateline else 0
        subject_at += 4 if text[subject_at : subject_at + 4].lower() == "the " else 0
        # (the headline's shorter name for it, "Ministry of Labour launches ...", comes before the lede)
        first = min((mm for mm in opening if mm.span.start >= start), key=lambda mm: mm.span.start, default=None)
        if first is not None and first.span.start == subject_at:
            return reference(first)  # "The European Commission is today reporting ...": the lede's subject
        # "... opened the conference organised by the Ministry of ...": a release reports its issuer's own occasion
        for mm in sorted(opening, key=lambda mm: mm.span.start):
            if re.search(r"\b(?:organi[sz]ed|hosted|convened)\s+by\s+(?:the\s+)?$", text[max(0, mm.span.start - 30) : mm.span.start]):
                return reference(mm)
        # a body the entity stage knows before a name it only guessed at ("GMS"), when both are named as often
        best = max(opening, key=lambda mm: (counts[reference(mm)], mm.key is not None, -mm.span.start))
        if counts[reference(best)] >= 2:
            return reference(best)
    # "ECPAT works to ...", "ECPAT joins in this call ...": the body whose name opens the text's sentences
    openers: dict[str, int] = {}
    for mm in bodies:
        if mm.span.start == 0 or re.search(r"(?:[.!?]\s+|\n\s*)$", text[max(0, mm.span.start - 3) : mm.span.start]):
            openers[reference(mm)] = openers.get(reference(mm), 0) + 1
    ranked = sorted(openers.items(), key=lambda item: (-item[1], item[0]))
    return ranked[0][0] if ranked and ranked[0][1] >= 2 else None


def _dateline_body(text: str, front: list[Line], mentions: list[EntityMention]) -> str | None:
    """The body in the brackets of a dateline opening the text after its header lines ("(UN Information Service)")."""
    header_end = max((line.end for line in front if not line.prose), default=0)
    dateline = re.compile(r"\s*" + _OUTLET_DATELINE.pattern.lstrip("^")).match(text, header_end)
    if dateline is None:
        return None
    inside = [mm for mm in mentions if mm.cls in m.ORGANIZATION_CLASSES and dateline.start() <= mm.span.start < dateline.end()]
    return reference(max(inside, key=lambda mm: (len(mm.span.text), -mm.span.start))) if inside else None


def _outlet(text: str, front: list[Line], mentions: list[EntityMention], vocab: Vocabulary) -> str | None:
    """The outlet of a news story: in its dateline "(Reuters)", its byline, or the outlet a source "told"."""
    media = [mm for mm in mentions if mm.cls == m.MEDIA_ORGANIZATION]
    front_end = front[-1].end if front else 0
    # "LONDON, March 3 (Thomson Reuters Foundation) -": the body in the dateline's brackets, also where a byline
    # runs on into it on one line ("By X LONDON (...) -")
    dateline = (_OUTLET_DATELINE.search(text, body_start(text, front), body_start(text, front) + 300)
                or re.compile(_OUTLET_DATELINE.pattern.lstrip("^")).match(text, body_start(text, front)))
    if dateline:
        inside = [mm for mm in mentions if mm.cls in m.ORGANIZATION_CLASSES
                  and dateline.start() <= mm.span.start < dateline.end()]
        if inside:
            return reference(max(inside, key=lambda mm: (len(mm.span.text), -mm.span.start)))
    for mm in media:
        if mm.span.start <= front_end + 400 and "|" in text[max(0, mm.span.start - 40) : mm.span.start]:
            return reference(mm)
    told = vocab.lexicon("reporting").get("before_source") or ()
    for mm in media:
        before = text[max(0, mm.span.start - 20) : mm.span.start].lower().rstrip()
        if any(before.endswith(w) for w in told if w.startswith("told")):
            return reference(mm)
    return None
