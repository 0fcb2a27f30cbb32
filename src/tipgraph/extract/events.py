"""Occasion events a document's layout names, and when, where and by whom they were held.

Read after `relations.py`, from the parse and the document's structure, with cues from
`ontology/lexicon/events_relations.yaml`:

- a body's meeting named by its number in a header line ("OSCE Permanent Council No.1449 Vienna,
  9 November 2023"): a Meeting held by that body, at the place and on the date of that line;
- the occasion named in a speech's title ("Remarks at Rollout of the 2010 ... Report", "Remarks of the
  Deputy Secretary-General at the ...", "Keynote Address to the ..., London, 12 October 2018", after a
  session label "HRC 53 - Norway Intervention: Interactive dialogue with ..."), with the place and date
  of the header lines above and under it ("29 May 2013, Minsk"; "Speech | Lima | 3 March 2016"; a city
  alone on a line; a capitals dateline "SUVA, 12 October (UN Information Service) -"); a subtitle after
  a colon is the theme, not the name; or, with none in the header, the one a speech names in its own
  voice ("to welcome you to Plovdiv for the 2nd Danube Forum ...");
- who holds it: a body named in its name ("High Level OSCE Conference"), the body of the one who gives
  its opening remarks, a session label's body, the body that opened/held/hosted it ("The Council of
  Europe Office opened a three-day workshop"), "its meeting" (the body its sentence names), who launches
  what a "Launch of ..." or "Rollout of ..." is named for;
- a described event's setting: "A training on ... took place from 18 to 21 October 2021 in Tirana",
  "The training, organized by the OSCE Presence and the Office of ...";
- in a release or story, the occasion its lead reports from ("Bern, 24.11.2015 - At the ... Seminar",
  "a two-day conference which started today"): held on the text's date, at the dateline's place when the
  text names no other; a definite description in the lead ("the first major UN conference on ...") is
  the one event of its kind the text names ("the Vienna Forum"), which the resolver joins.

A statement or speech is delivered at its header's event, and its speaker (or the body a
"<Body> Statement" speaks for) takes part in it.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from tipgraph import model as m
from tipgraph.extract.metadata import parse_date
from tipgraph.model import DocumentInfo, EntityMention, reference, RelationFact, SourceDocument, Span
from tipgraph.vocab import Vocabulary

LOCATION_CLASSES = frozenset({m.PLACE, m.COUNTRY, m.REGION})
BODY_CLASSES = m.ORGANIZATION_CLASSES | {m.COUNTRY}
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
LEAD_LINES = 8
WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
WEEKDAYS = rf"\b(?:{WEEKDAY_NAMES})\b"
# "LYON, France –", "VIENNA, 25 June (UN Information Service) -", "Bern, 24.11.2015 -", "Minsk -", "Washington:"
DATELINE = re.compile(r"(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})(?:,\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?"
                      r"(?:,?\s+[^–—\n()]{3,30}?)?(?:\s*\([^()\n]{1,40}\))?\s*(?:[–—:]|\s-{1,2})\s"
                      # "Riga, 18/10/2013. Today, ...": a numeric date ended by a full stop
                      r"|(?P<place_dot>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}),\s+\d{1,2}[./]\d{1,2}[./]\d{4}\.\s+(?=[A-Z])")


def _place_span(dateline: re.Match) -> tuple[int, int]:
    return dateline.span("place") if dateline.group("place") else dateline.span("place_dot")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """(opening, just after closing) of each quotation in `text`: “…”, «…», "…", and ‘…’ closed by ’ or '."""
    spans = []
    for match in re.finditer(r"“[^”\n]*”|«[^»\n]*»|\"[^\"\n]*\"|‘[^’\n]*(?:’|'(?![a-z]))", text):
        spans.append((match.start(), match.end()))
    return spans


def _alternation(words) -> str:
    words = sorted({w for w in words or () if w}, key=lambda w: (-len(w), w))
    return r"(?:" + "|".join(re.escape(w) for w in words) + r")" if words else r"(?!x)x"


def first_date(text: str) -> tuple[str, int, int] | None:
    """The first date of `text`, reading a range "from 18 to 21 October 2021" as its first day."""
    ranged = re.sub(rf"\b(\d{{1,2}})(\s+(?:to|until|till|and)\s+)(\d{{1,2}}\s+{MONTHS})",
                    lambda mt: mt.group(1) + "-" + " " * (len(mt.group(2)) - 1) + mt.group(3), text)
    return parse_date(ranged)


class _Occasions:
    def __init__(self, document: SourceDocument, parsed: Doc, mentions: list[EntityMention], info: DocumentInfo,
                 vocab: Vocabulary, facts: list[RelationFact]):
        self.text = document.text
        self.parsed = parsed
        self.mentions = mentions
        self.info = info
        self.vocab = vocab
        self.lex = vocab.lexicon("events_relations")
        self.events_lex = vocab.lexicon("events")
        self.meeting_words = {w.lower() for w in vocab.lexicon("relations").get("meeting_body_words") or ()}
        self.known = {(f.subject, f.predicate) for f in facts}
        self.dated = {f.subject for f in facts if f.predicate == "date"}
        self.seen = {(f.subject, f.predicate, f.object, f.literal) for f in facts}
        self.facts: list[RelationFact] = []
        self.all_facts = facts
        self.lines = self._lead_lines()

    def _lead_lines(self) -> list[tuple[int, int]]:
        lines, position = [], 0
        for raw in self.text.split("\n"):
            start, position = position, position + len(raw) + 1
            if raw.strip():
                offset = len(raw) - len(raw.lstrip())
                lines.append((start + offset, start + len(raw.rstrip())))
            if len(lines) >= LEAD_LINES:
                break
        return lines

    def add(self, subject: str, predicate: str, obj: str, span: Span | None = None, literal: str | None = None) -> None:
        key = (subject, predicate, obj, literal)
        if not subject or subject == obj or key in self.seen:
            return
        if predicate == "date":
            if subject in self.dated:
                return
            self.dated.add(subject)
        self.seen.add(key)
        self.facts.append(RelationFact(subject, predicate, obj, span=span, literal=literal))

    def within(self, start: int, end: int, classes) -> list[EntityMention]:
        return sorted((mm for mm in self.mentions if start <= mm.span.start and mm.span.end <= end and mm.cls in classes),
                      key=lambda mm: (mm.span.start, -mm.span.end))

    def outermost(self, found: list[EntityMention]) -> list[EntityMention]:
        return [mm for mm in found if not any(o is not mm and o.span.start <= mm.span.start and mm.span.end <= o.span.end
                                              and (o.span.end - o.span.start) > (mm.span.end - mm.span.start) for o in found)]

    def new_event(self, cls: str, start: int, end: int, name: str, **attrs) -> EntityMention:
        event = EntityMention(cls, Span(start, end, self.text[start:end]), " ".join(name.split()), sentence=(start, end), attrs=attrs)
        self.mentions.append(event)
        return event

    def deliver(self, event: EntityMention) -> None:
        """A statement or speech whose header names an occasion was delivered there, by its speaker."""
        if self.info.genre not in {"Statement", "Speech"} or self.info.delivered_at:
            return
        ref = reference(event)
        self.info.delivered_at = ref
        speaker = next((mm for mm in self.mentions if mm.cls == m.PERSON and self.info.speaker and mm.name == self.info.speaker), None)
        if speaker is not None:
            self.add(ref, "participant", reference(speaker), speaker.span)
            return
        # "EU Statement on ...": the body the statement speaks for
        for start, end in self.lines[:3]:
            line = self.text[start:end]
            voice = re.search(r"(?:^|\s)(?:Joint\s+)?Statement\b", line)
            if not voice:
                continue
            body = next((mm for mm in self.within(start, start + voice.start() + 1, BODY_CLASSES)
                         if re.fullmatch(r"\s*", self.text[mm.span.end : start + voice.start() + 1])), None)
            if body is not None:
                self.add(ref, "participant", reference(body), body.span)
                return
        # no one named delivers it: the body it is made for ("As President of the Assembly, I ...") takes part
        if self.info.speaker is None and self.info.publisher and not self.info.publisher.startswith(f"{m.MEDIA_ORGANIZATION}:"):
            self.add(ref, "participant", self.info.publisher, event.span)

    def header_setting(self, event: EntityMention, lines: list[tuple[int, int]]) -> None:
        """Place and date from header lines that hold only a place and/or a date ("29 May 2013, Minsk",
        "Speech | Lima | 3 March 2016", a place alone on its line)."""
        ref = reference(event)
        labels = _alternation(self.lex.get("title_delivery_nouns"))
        for start, end in lines:
            line = self.text[start:end]
            if len(line.split()) > 10:
                continue  # running text, not a stamp (and no city is to be guessed from its capitalised words)
            places = self.outermost(self.within(start, end, LOCATION_CLASSES))
            found = first_date(line)
            # "6th Regional Day/Tallinn": a place alone between the slashes or bars of a stamp
            if re.search(r"\S[/|]\S|\s[/|]\s", line) and len(line.split()) <= 10:
                alone = None
                for part in re.finditer(r"[^/|]+", line):
                    at = start + part.start() + len(part.group()) - len(part.group().lstrip())
                    until = start + part.start() + len(part.group().rstrip())
                    alone = alone or next((p for p in places if p.span.start == at and p.span.end == until), None) \
                        or (self.place_written(at, until) if until > at else None)
                if alone is not None:
                    if not self.has_venue(ref):
                        self.add(ref, "location", reference(alone), alone.span)
                    if found:
                        self.add_date(ref, found[0])
                    continue
            rest = line
            if found:
                rest = line[: found[1]] + " " * (found[2] - found[1]) + line[found[2] :]
            for place in places:
                rest = rest[: place.span.start - start] + " " * len(place.span.text) + rest[place.span.end - start :]
            if not places and len(rest.split()) <= 6:
                # "GNAT Hall, Accra": the city of the gazetteer among the line's names, a venue before it
                runs = list(re.finditer(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}", rest))
                written = next((w for w in runs if self.place_written(start + w.start(), start + w.end()) is not None), None)
                place = self.place_written(start + written.start(), start + written.end()) if written else None
                if place is not None:
                    places = [place]
                    rest = rest[: written.start()] + " " * len(written.group()) + rest[written.end() :]
                    # "Washington, DC": the state or district after the city
                    rest = re.sub(r"^\s*,\s*[A-Z][A-Za-z.]{0,3}\b", " ", rest[written.end() :]) if not rest[: written.start()].strip() else rest
            # "Palais des Nations, Geneva, 3 May 2016": a venue before the city of a stamp
            if places:
                venue = re.fullmatch(r"\s*[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|du|des|del|la|le|of|the|[ld][’'][A-Z][\w-]*))*\s*,\s*",
                                     line[: places[0].span.start - start])
                if venue:
                    rest = " " * venue.end() + rest[venue.end() :]
            # "Speech | Lima | 3 March 2016": the genre label and the separators of a stamp; "New York, lundi 10 mars
            # 2014": the weekday of the date
            rest = re.sub(labels, " ", rest, flags=re.IGNORECASE).replace("|", " ")
            if found:
                rest = re.sub(WEEKDAYS, " ", rest, flags=re.IGNORECASE)
            if re.search(r"[A-Za-z]{2,}", re.sub(r"\b(?:on|in|at|the)\b", " ", rest)):
                continue  # a line of something else
            if places and not self.has_venue(ref):
                self.add(ref, "location", reference(places[0]), places[0].span)
            if found:
                self.add_date(ref, found[0])

    def place_written(self, start: int, end: int) -> EntityMention | None:
        """A city of the gazetteer written at [start, end) ("Geneva" alone on a header line, "VIENNA" in a
        dateline) that the entity stage left unread, as a new mention; a mention found there, if any."""
        known = next((mm for mm in self.mentions if mm.cls in LOCATION_CLASSES and mm.span.start == start), None)
        if known is not None:
            return known
        written = self.text[start:end]
        name = " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in written.split())
        if name not in self.vocab.places:
            return None
        iso3 = self.vocab.places[name]
        attrs = {"country": iso3} if iso3 else {}
        misread = next((mm for mm in self.mentions if mm.span.start == start and mm.span.end == end and not mm.key
                        and mm.cls in {m.PERSON, m.ORGANIZATION}), None)
        if misread is not None:
            # "Dakar, 12-14 November 2007" under a title: a city, whatever the entity stage took it for
            misread.cls, misread.name, misread.attrs = m.PLACE, name, {**misread.attrs, **attrs}
            return misread
        place = EntityMention(m.PLACE, Span(start, end, written), name, sentence=(start, end), attrs=attrs)
        self.mentions.append(place)
        return place

    # -- rules --------------------------------------------------------------------
    def numbered_meetings(self) -> None:
        marks = _alternation(self.lex.get("meeting_number_marks"))
        for start, end in self.lines[:4]:
            for body in self.within(start, end, m.ORGANIZATION_CLASSES):
                if body.span.text.split()[-1].lower() not in self.meeting_words:
                    continue
                number = re.match(r"\s*" + marks + r"\s*(\d{1,5})\b", self.text[body.span.end : end])
                ordinal = re.search(r"(?<![\w-])\d{1,4}(?:st|nd|rd|th)\s+(?:the\s+)?$", self.text[start : body.span.start])
                if ordinal and not number:
                    # "24th Ministerial Council, Vienna" on a header line: the body's 24th meeting, set by the
                    # header's place and date lines
                    event_start = start + ordinal.start()
                    event = self.new_event(m.MEETING, event_start, body.span.end, self.text[event_start : body.span.end],
                                           keyword="Meeting", body=reference(body))
                    self.add(reference(event), "organizer", reference(body), event.span)
                    index = self.lines.index((start, end))
                    self.header_setting(event, [(body.span.end, end)] + self.lines[index + 1 : LEAD_LINES])
                    self.deliver(event)
                    return
                if not number:
                    continue
                span_end = body.span.end + number.end()
                event = self.new_event(m.MEETING, body.span.start, span_end, self.text[body.span.start : span_end],
                                       keyword="Meeting", body=reference(body))
                ref = reference(event)
                self.add(ref, "organizer", reference(body), event.span)
                tail = self.text[span_end:end]
                place = next(iter(self.outermost(self.within(span_end, end, LOCATION_CLASSES))), None)
                if place is not None:
                    self.add(ref, "location", reference(place), place.span)
                found = first_date(tail)
                if found:
                    self.add(ref, "date", "", literal=found[0])
                self.deliver(event)
                return

    def title_occasion(self) -> None:
        if self.info.genre not in {"Statement", "Speech"}:
            return
        nouns = _alternation([*(self.lex.get("title_delivery_nouns") or ()), *(self.lex.get("opening_delivery_nouns") or ())])
        links = _alternation(self.lex.get("title_occasion_links"))
        keywords = self.events_lex.get("keywords") or {}
        for index, (start, end) in enumerate(self.lines[:4]):
            line = self.text[start:end]
            # "Remarks by X at the <event>", "Remarks of the <office> at the <event>", and, after a session label,
            # "HRC 52 - Norway Intervention: Panel discussion on ...": a delivery noun, then the occasion
            # ("Statement delivered by the Deputy Minister of ..., X, at the High-Level Meeting ...")
            # ("A Keynote Address by ...": the article before the kind of text)
            head = (re.match(r"[#*_>\s]*(?:an?\s+|the\s+)?" + nouns + r"\s+(?:delivered\s+by\s+[^\n]{1,160}?\s+|(?:by|of)\s+[^\n]{1,160}?\s+(?:presented|delivered|given)\s+(?=at\b)|(?:by|of)\s+[^\n]{1,200}?\s+)?" + links + r"\s+(?:the\s+)?", line, re.IGNORECASE)
                    or re.match(r"[#*_>\s]*" + nouns + r"\s+" + _alternation(self.lex.get("title_direct_links")) + r"\s+(?:the\s+)?", line, re.IGNORECASE)
                    or re.match(r"[#*_>\s]*(?:[^\n:]{1,40}?\s)?" + nouns + r"\s*:\s+(?=[^\n]*?\b" + _alternation(keywords) + r"\b)",
                                line, re.IGNORECASE))
            if not head:
                continue
            name_start = start + head.end()
            if not self.text[name_start : name_start + 1].isupper() and not self.text[name_start : name_start + 1].isdigit():
                continue
            name_end = end
            # "Open Debate on the “Maintenance of ...: Trafficking ...”": the quoted topic after "on" is the theme; the
            # occasion's name is the words before it, and its dashes and colons do not end the name
            topic = re.search(r"\s+on\s+(?:the\s+)?(?=[“‘«\"'])", self.text[name_start:end])
            quoted = _quoted_spans(self.text[name_start:end])
            # ("International Conference held February 23-26, 2003": the participle begins the setting, not the name)
            # ("... at the Migration Summit on Saturday 4th, April 2020.": the day it was held after "on")
            cut = next((c for c in re.finditer(r",\s+(?=\d|" + MONTHS + r")|\s+[–—-]\s+|\s*\(\s*(?=\d)|\s+[\"“]"
                                               r"|\s+(?i:on)\s+(?=(?i:" + WEEKDAY_NAMES + r")\b|\d)"
                                               r"|\s+(?=(?:held|organi[sz]ed|hosted|convened)\s+(?:on|in|at|from|by|\d|" + MONTHS + r"))",
                                               self.text[name_start:end])
                        if not any(a < c.start() < b for a, b in quoted) and not (topic and c.start() == topic.end() - 1)), None)
            held_on = None
            if cut:
                name_end = name_start + cut.start()
                held_on = first_date(self.text[name_end:end]) if re.match(r"\s+(?i:on)\s", cut.group()) else None
            full_topic = None
            if topic and topic.start() < name_end - name_start:
                closing = next((b for a, b in quoted if a == topic.end()), None)
                if closing is not None:
                    topic_close = name_start + closing
                    full_topic = " ".join(self.text[name_start:topic_close].split())
                name_end = name_start + topic.start()
            name_end = name_start + len(self.text[name_start:name_end].rstrip(" .,:;—–-"))
            # "Keynote Address to the 5th Conference on ..., London, 12 October 2018": the place after a comma
            venue = next((mm for mm in self.within(name_start, name_end, LOCATION_CLASSES)
                          if mm.span.end >= name_end - 1 and re.search(r",\s*$", self.text[name_start : mm.span.start])), None)
            if venue is not None:
                name_end = name_start + len(self.text[name_start : venue.span.start].rstrip(" ,"))
            # "Launch of the Outlook: Moving Safely in ...": a subtitle after a colon is the theme, not the name
            subtitle = re.search(r":\s+", self.text[name_start:name_end])
            full = full_topic
            if subtitle:
                full = " ".join(self.text[name_start:name_end].split())
                name_end = name_start + subtitle.start()
            if len(self.text[name_start:name_end].split()) > 24:
                continue
            # "delivered at the UN General Assembly, High-level Meeting on ...": the body before the comma holds
            # the occasion named after it
            holder = next((mm for mm in self.outermost(self.within(name_start, name_end, m.ORGANIZATION_CLASSES))
                           if mm.span.start == name_start), None)
            comma = re.match(r"\s*,\s+(?=[A-Z])", self.text[holder.span.end : name_end]) if holder is not None else None
            # "Security Council Open Debate on ...": the body that opens the name holds the occasion too
            leading = holder
            # "presented at the Pontifical Academy of ..., Working Group on “...”": what follows the body's comma
            # is its occasion, named with a keyword or before the topic it is "on"
            after_comma = self.text[holder.span.end + comma.end() : name_end] if comma else ""
            if comma and (self.keyword_of(after_comma, keywords)
                          or topic is not None and re.match(r"(?:[A-Z][\w’'-]*\s+){1,4}on\b", self.text[holder.span.end + comma.end() : end])):
                name_start = holder.span.end + comma.end()
                leading = None
                if full_topic:
                    full = " ".join(self.text[name_start:topic_close].split())
            else:
                holder = None
            inside = self.within(name_start, name_end, m.EVENT_CLASSES | BODY_CLASSES | LOCATION_CLASSES)
            whole = [mm for mm in inside if mm.span.start == name_start and mm.span.end >= name_end - 1]
            if not whole and full_topic:
                # the entity stage may read the name on through its quoted topic: the occasion is the name before it
                through = next((mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and mm.span.start == name_start
                                and name_end < mm.span.end <= topic_close + 1), None)
                if through is not None:
                    self.extend_event(through, name_end)
                    whole = [through]
            if whole and whole[0].cls not in m.EVENT_CLASSES:
                keyword = self.keyword_of(whole[0].span.text, keywords)
                # "at the <Body>, Study Group on “...”": after a body's comma and before its topic, an occasion
                group = holder is not None and full_topic is not None and not whole[0].key and whole[0].cls == m.ORGANIZATION
                if (whole[0].key or keyword is None) and not group:
                    return  # a body or a place: meeting_of_body's business
                # "International Workshop on ...", read as a body for its first word: an event by its keyword
                whole[0].cls = keywords[keyword] if keyword else m.MEETING
                whole[0].attrs["keyword"] = keyword or "Meeting"
            event = next((mm for mm in whole if mm.cls in m.EVENT_CLASSES), None)
            if event is None:
                name = self.text[name_start:name_end]
                keyword = self.keyword_of(name, keywords)
                event = self.new_event(keywords.get(keyword, m.MEETING) if keyword else m.MEETING, name_start, name_end, name,
                                       keyword=keyword or "Meeting")
            if full and full != event.name:
                event.attrs["aliases"] = sorted({*event.attrs.get("aliases", ()), full})
            if holder is not None or leading is not None:
                self.absorb_body_meeting(event, holder or leading)
            # "at the Working Session 6 of the ... Meeting", delivered at "Working Session" by an earlier stage: the
            # occasion is the one the title names whole
            shorter = next((mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and reference(mm) == self.info.delivered_at
                            and mm.span.start == event.span.start and mm.span.end < event.span.end), None)
            if shorter is not None:
                self.mentions[:] = [mm for mm in self.mentions if mm is not event]
                self.extend_event(shorter, event.span.end)
                shorter.attrs.update({k: v for k, v in event.attrs.items() if k == "aliases"})
                event = shorter
            if self.info.delivered_at and self.info.delivered_at != reference(event):
                return
            ref = reference(event)
            self.inner_organizers(event)
            self.body_after_keyword(event)
            if holder is not None:
                self.add(ref, "organizer", reference(holder), holder.span)
            # "HRC 52 - ...": the session label names the body that holds the occasion
            for body in self.within(start, start + head.start(0) + len(head.group(0)), m.ORGANIZATION_CLASSES):
                if re.match(r"\s*\d{1,3}\b", self.text[body.span.end : body.span.end + 5]):
                    self.add(ref, "organizer", reference(body), body.span)
            if venue is not None and not self.has_venue(ref):
                self.add(ref, "location", reference(venue), venue.span)
            self.header_setting(event, self.lines[:index] + self.lines[index + 1 : LEAD_LINES])
            if held_on:
                self.add_date(ref, held_on[0])
            if not self.has_venue(ref):
                place = self.dateline_place()
                if place is not None:
                    self.add(ref, "location", reference(place), place.span)
            self.deliver(event)
            # "Opening Remarks at the Launch of ...": who opens an occasion speaks for the body that holds it
            openers = _alternation(self.lex.get("opening_delivery_nouns"))
            if re.match(r"[#*_>\s]*" + openers + r"\b", line, re.IGNORECASE) and self.info.speaker \
                    and not any(f.subject == ref and f.predicate == "organizer" for f in self.facts):
                speaker = next((mm for mm in self.mentions if mm.cls == m.PERSON and mm.name == self.info.speaker), None)
                body = next((f.object for f in self.all_facts if speaker is not None and f.subject == reference(speaker)
                             and f.predicate == "affiliatedWith"), None)
                if body is not None:
                    self.add(ref, "organizer", body, event.span)
            return

    def occasion_line(self) -> None:
        """ "World Day Against Trafficking in Persons" alone on a line of a speech's header, or before its delivery
        label ("World Day Against ... -Remarks by ..."): the occasion it was delivered at, set by the header's
        place and date lines."""
        if self.info.genre not in {"Statement", "Speech"} or self.info.delivered_at:
            return
        keywords = self.events_lex.get("keywords") or {}
        connectors = {c.lower() for c in self.events_lex.get("connectors") or ()}
        labels = _alternation(self.lex.get("title_delivery_nouns"))
        header = self.header_lines()
        for index, (start, end) in enumerate(header[:6]):
            line = self.text[start:end]
            label = re.search(r"\s*[–—-]\s*(?=" + labels + r"\b)", line, re.IGNORECASE)
            name = line[: label.start()] if label else line
            words = name.split()
            keyword = self.keyword_of(name, keywords)
            if keyword is None or not 3 <= len(words) <= 14 or not all(w[:1].isupper() or w.lower() in connectors for w in words):
                continue
            # "Statement on the Outcome of the ... Ministerial Council": a title about an occasion, not its name
            before = name[: re.search(rf"\b{re.escape(keyword)}\b", name).start()]
            if re.match(r"\s*" + labels + r"\b", name, re.IGNORECASE) or re.search(r"\b(?:of|on|about|for)\s+the\b", before, re.IGNORECASE):
                continue
            if self.within(start, start + len(name), BODY_CLASSES | LOCATION_CLASSES) and \
                    any(mm.span.start == start and mm.span.end >= start + len(name.rstrip()) for mm in self.within(start, end, BODY_CLASSES)):
                continue  # a letterhead
            name = name.rstrip(" .,:;")
            event = next((mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and mm.span.start == start), None) \
                or self.new_event(keywords[keyword], start, start + len(name), name, keyword=keyword)
            self.header_setting(event, header[:index] + header[index + 1 :])
            self.deliver(event)
            return

    def numbered_session_line(self) -> None:
        """ "Plenary Session 9: Humanitarian Issues ... (Combating Trafficking ...)" alone on a header line of a
        statement: the numbered session of a conference it is delivered at; the words after the colon are its theme."""
        if self.info.genre not in {"Statement", "Speech"}:
            return
        keywords = self.events_lex.get("keywords") or {}
        names = _alternation(keywords)
        for index, (start, end) in enumerate(self.lines[:4]):
            line = self.text[start:end]
            found = re.match(r"[#*_>\s]*(?P<name>(?:[A-Z][\w’'-]*\s+){0,3}" + names + r"\s+(?:No\.?\s*)?\d{1,3})(?=\s*(?:[:–—-]|$))", line)
            if not found:
                continue
            name_start, name_end = start + found.start("name"), start + found.end("name")
            keyword = self.keyword_of(found.group("name"), keywords)
            event = next((mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and mm.span.start == name_start), None)
            if self.info.delivered_at and (event is None or reference(event) != self.info.delivered_at):
                return
            if event is not None and event.span.end < name_end:
                self.extend_event(event, name_end)  # "Working Session" read without its number
            if event is None:
                event = self.new_event(keywords.get(keyword, m.MEETING), name_start, name_end, found.group("name"),
                                       keyword=keyword or "Meeting")
            whole = " ".join(line.split()).strip(" #*_")
            if whole != event.name and len(whole.split()) <= 30:
                event.attrs["aliases"] = sorted({*event.attrs.get("aliases", ()), whole})
            self.header_setting(event, self.lines[:index] + self.lines[index + 1 : LEAD_LINES])
            self.deliver(event)
            return

    def extend_event(self, event: EntityMention, end: int) -> None:
        """`event` read whole to `end` ("Working Session" of "Working Session 6 of the ... Meeting"): its name and
        every fact and reference to it follow."""
        old = reference(event)
        event.span = Span(event.span.start, end, self.text[event.span.start : end])
        event.name = " ".join(event.span.text.split())
        new = reference(event)
        for facts in (self.all_facts, self.facts):
            facts[:] = [RelationFact(new if f.subject == old else f.subject, f.predicate, new if f.object == old else f.object,
                                     f.span, f.literal) for f in facts]
        self.seen = {(f.subject, f.predicate, f.object, f.literal) for f in (*self.all_facts, *self.facts)}
        if old in self.dated:
            self.dated.add(new)
        if self.info.delivered_at == old:
            self.info.delivered_at = new

    def absorb_body_meeting(self, event: EntityMention, body: EntityMention) -> None:
        """A meeting the relation stage read as the body's alone ("the General Assembly" -> "General Assembly
        meeting of <date>") is the occasion the title names after the body: it takes that name."""
        old = self.info.delivered_at
        meeting = next((mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and reference(mm) == old
                        and mm.attrs.get("body") == reference(body)), None)
        if meeting is None:
            return
        # written as the body's name, it was the body's mention, not the occasion's
        self.mentions[:] = [mm for mm in self.mentions if not (mm.cls in m.EVENT_CLASSES and reference(mm) == old)]
        new = reference(event)
        for facts in (self.all_facts, self.facts):
            facts[:] = [RelationFact(new if f.subject == old else f.subject, f.predicate, new if f.object == old else f.object,
                                     f.span, f.literal) for f in facts]
        if old in self.dated:
            self.dated.add(new)
        self.seen = {(f.subject, f.predicate, f.object, f.literal) for f in (*self.all_facts, *self.facts)}
        self.info.delivered_at = new

    def body_after_keyword(self, event: EntityMention) -> None:
        """ "High-Level Meeting of the General Assembly on ...", "Session of the Commission on ...": the body named
        right after the event's keyword holds it."""
        keyword = event.attrs.get("keyword") or ""
        after = re.search(rf"\b{re.escape(keyword)}\s+of\s+(?:the\s+)?", event.span.text) if keyword else None
        if after is None:
            return
        at = event.span.start + after.end()
        body = next((mm for mm in self.outermost(self.within(at, event.span.end, m.ORGANIZATION_CLASSES))
                     if mm.span.start == at), None)
        if body is None:
            # the event's name read whole, with no mention inside it: the body the text names elsewhere in those words
            rest = self.text[at : event.span.end]
            body = max((mm for mm in self.mentions if mm.cls in m.ORGANIZATION_CLASSES and mm.cls != m.MEDIA_ORGANIZATION
                        and re.match(re.escape(" ".join(mm.span.text.split())) + r"(?![\w-])", rest)),
                       key=lambda mm: (len(mm.span.text), -mm.span.start), default=None)
        if body is None:
            # "... Meeting of the General Assembly on the appraisal ...": capitalised words ending in a body's noun
            written = re.match(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,5}", rest)
            classes = self.vocab.lexicon("organizations").get("class_keywords") or {}
            name = written.group() if written else ""
            cls = next((c for c, words in classes.items() if name and name.split()[-1] in words), None)
            if cls is not None and len(name.split()) >= 2:
                body = EntityMention(cls, Span(at, at + len(name), name), name, sentence=(at, at + len(name)))
                self.mentions.append(body)
        if body is not None:
            self.add(reference(event), "organizer", reference(body), body.span)

    @staticmethod
    def keyword_of(name: str, keywords) -> str | None:
        return next((k for k in sorted(keywords, key=len, reverse=True) if re.search(rf"\b{re.escape(k)}\b", name)), None)

    def inner_organizers(self, event: EntityMention) -> None:
        """ "High Level OSCE Conference", "the Council of Europe Forum on ...": a body named before the keyword
        holds the event."""
        keyword = event.attrs.get("keyword") or ""
        at = event.span.text.rfind(keyword) if keyword else -1
        if at < 0:
            # "Council of Europe event", no keyword in the name: the body before its head noun, its last word
            last = re.search(r"\s([a-z][\w-]*)\s*$", event.span.text)
            at = last.start(1) if last else -1
        limit = event.span.start + at if at > 0 else event.span.start
        for body in self.outermost(self.within(event.span.start, limit, m.ORGANIZATION_CLASSES)):
            self.add(reference(event), "organizer", reference(body), event.span)

    def dateline_place(self) -> EntityMention | None:
        """The place of a dateline opening the text's first paragraph ("LYON, France –", "VIENNA, 25 June
        (UN Information Service) -", "Minsk -"), as a mention; written in capitals it is read in the gazetteer."""
        for start, end in self.lines:
            found = DATELINE.match(self.text, start, end)
            if found:
                place = self.place_written(*_place_span(found))
                if place is not None:
                    return place
        return None

    def opening_occasion(self) -> None:
        """ "It is a great pleasure to welcome you to Lisbon for the 3rd Iberian Forum on ...": a speech whose
        header names no occasion names it in its own voice in its opening paragraphs; it is held on the
        speech's date, in the place the sentence welcomes the audience to ("to Lisbon", "here in Vienna")."""
        if self.info.genre not in {"Statement", "Speech"} or self.info.delivered_at:
            return
        cues = _alternation(self.lex.get("opening_occasion_cues"))
        limit = int(self.lex.get("opening_occasion_chars") or 1500)
        for event in sorted((mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES), key=lambda mm: mm.span.start):
            if event.span.start > limit:
                return
            if event.attrs.get("refers_to"):
                continue
            start = next((s.start_char for s in self.parsed.sents if s.start_char <= event.span.start < s.end_char), 0)
            before = self.text[start : event.span.start]
            if not re.search(r"\b(?:I|we|We|you)\b", before) or \
                    not re.search(r"\b" + cues + r"\b[^.;:]{0,60}?\b(?:the|this|our)\s+$", before, re.IGNORECASE):
                continue
            ref = reference(event)
            self.deliver(event)
            # "to open our conference": the speaker's body holds it
            if re.search(r"\bour\s+$", before, re.IGNORECASE):
                body = self.speaker_body()
                if body is not None:
                    self.add(ref, "organizer", body, event.span)
            if self.info.date:
                self.add_date(ref, self.info.date)
            if not self.has_venue(ref):
                for where in re.finditer(r"\b(?:to|in)\s+", before):
                    place = next((mm for mm in self.mentions if mm.cls in {m.PLACE, m.COUNTRY} and mm.span.start == start + where.end()), None)
                    if place is not None:
                        self.add(ref, "location", reference(place), place.span)
                        break
            return

    def speaker_body(self) -> str | None:
        """The body the speech's speaker is affiliated with, as a reference."""
        speaker = next((mm for mm in self.mentions if mm.cls == m.PERSON and self.info.speaker and mm.name == self.info.speaker), None)
        if speaker is None:
            return None
        body = next((f.object for f in (*self.all_facts, *self.facts) if f.subject == reference(speaker)
                     and f.predicate == "affiliatedWith"), None)
        if body is not None:
            return body
        # "European Commission / Cecilia Malmström / EU Commissioner for ...": a body alone on a line above the name
        for start, end in self.header_lines():
            if start >= speaker.span.start:
                break
            alone = [mm for mm in self.mentions if mm.cls in m.ORGANIZATION_CLASSES and mm.span.start == start and mm.span.end == end]
            if alone:
                return reference(alone[0])
        return None

    def this_occasion(self) -> None:
        """ "I am pleased to open, together with Mr. X, this International Seminar on ...": in a speech,
        "this <event>" is the occasion the header names; who opens it with the speaker takes part."""
        ref = self.info.delivered_at
        occasion = next((mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and reference(mm) == ref), None)
        if occasion is None:
            return
        for event in [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and mm is not occasion]:
            if not re.search(r"(?<![\w-])this\s+$", self.text[max(0, event.span.start - 6) : event.span.start], re.IGNORECASE):
                continue
            if event.name != occasion.name:
                event.attrs["aliases"] = sorted({*event.attrs.get("aliases", ()), event.name})
                event.name, event.cls = occasion.name, occasion.cls
            start = next((s.start_char for s in self.parsed.sents if s.start_char <= event.span.start < s.end_char), 0)
            for together in re.finditer(r"\b(?:together with|jointly with|alongside)\s+", self.text[start : event.span.start]):
                person = next((mm for mm in self.mentions if mm.cls == m.PERSON
                               and mm.span.start - (start + together.end()) in range(0, 6)), None)
                if person is not None:
                    self.add(ref, "participant", reference(person), person.span)

    def titled_events(self) -> None:
        """ "On 30 July, an international conference titled “Partners against ...” was held in Riga": an event
        noun that a participle of naming ("titled", "entitled", "called", "themed") ties to a quoted title is the
        event that title names; its setting follows the title, and a day that opens its sentence dates it."""
        nouns = {k.lower(): v for k, v in (self.events_lex.get("described_nouns") or {}).items()}
        if not nouns:
            return
        pattern = re.compile(r"\b(?P<noun>" + "|".join(map(re.escape, sorted(nouns, key=len, reverse=True)))
                             + r")\s*,?\s+(?:titled|entitled|called|themed|named)\s*:?\s+[“\"](?P<title>[A-Z0-9][^”\"\n]{8,200}?)[”\"]",
                             re.IGNORECASE)
        for match in pattern.finditer(self.text):
            start, end = match.span("title")
            title = " ".join(match.group("title").split()).rstrip(" .,;")
            if any(mm.cls in m.EVENT_CLASSES and mm.span.start < end and start < mm.span.end and mm.name == title
                   for mm in self.mentions):
                continue
            event = self.new_event(nouns[match.group("noun").lower()], start, end, title, keyword=match.group("noun"))
            # the bare noun before the title, and "the conference" said of it after, are the same occasion
            noun = match.group("noun").lower()
            for mm in self.mentions:
                if mm is event or mm.cls not in m.EVENT_CLASSES or not mm.attrs.get("described"):
                    continue
                if (mm.span.start < match.end("noun") and match.start("noun") < mm.span.end <= start
                        or (mm.span.start > end and mm.name.lower() == noun and (mm.attrs.get("keyword") or "").lower() == noun)):
                    mm.name, mm.cls = title, event.cls
                    mm.attrs.pop("described", None)
                    if mm.attrs.get("refers_to"):
                        mm.attrs["refers_to"] = title
            ref = reference(event)
            self.setting_after([ref], match.end())
            sentence_start = next((sent.start_char for sent in self.parsed.sents if sent.start_char <= match.start() < sent.end_char), None)
            if sentence_start is not None:
                opening = re.match(rf"\s*On\s+(?P<day>[^,]{{4,30}}),", self.text[sentence_start : match.start()])
                found = opening and (first_date(opening.group("day")) or self.yearless_date(opening.group("day")))
                if found:
                    self.add(ref, "date", "", literal=found[0])

    def held_events(self) -> None:
        """ "a high level meeting of the General Assembly on ... took place in New York", "A two-day seminar
        for judges was held in Skopje": a lower-case event noun that is the subject of a verb of taking
        place is an event, named by its phrase; a meeting "of" a body is held by that body."""
        nouns = {k.lower(): v for k, v in (self.events_lex.get("described_nouns") or {}).items()}
        taken = [(mm.span.start, mm.span.end) for mm in self.mentions if mm.cls in m.EVENT_CLASSES]
        for token in self.parsed:
            if token.lower_ not in nouns or not token.text.islower() or token.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            verb = token.head
            takes_place = verb.lemma_ == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
            held = verb.lemma_ in {"hold", "convene", "organize", "organise"} and token.dep_ == "nsubjpass"
            if not (takes_place or held) or any(a <= token.idx < b for a, b in taken):
                continue
            if all(c.dep_ in {"det", "poss", "punct"} for c in token.children):
                continue  # "the conference was held ...": one named before
            words = [t for t in token.subtree if not (t.i < token.i and t.dep_ in {"det", "poss", "predet"})]
            words = [t for t in words if t.i <= token.i or not any(x.text in {",", "(", "–", "—"} for x in self.parsed[token.i : t.i + 1])]
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            if "\n" in self.text[start:end] or len(words) > 25:
                continue
            event = self.new_event(nouns[token.lower_], start, end, self.text[start:end], keyword=token.text, described=True)
            taken.append((start, end))
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None and event.cls == m.MEETING:
                position = of.idx + len(of.text)
                gap = re.match(r"\s+(?:the\s+)?", self.text[position:])
                position += gap.end() if gap else 0
                body = next((mm for mm in self.mentions if mm.span.start == position and mm.cls in m.ORGANIZATION_CLASSES), None)
                if body is not None:
                    self.add(reference(event), "organizer", reference(body), body.span)

    def described_settings(self) -> None:
        """ "A training ... took place from 18 to 21 October 2021 in Tirana. The training, organized by A and B",
        "The Seminar on ... organized in Rome last February by the Office of ...", "the event, held on 17 and
        18 November": the setting of an event, from the verb that follows it in its sentence."""
        events = [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES]
        for event in events:
            self.setting_after(self.occasion_of(event, events), event.span.end)
        # "the event, held on ...": in a release about one occasion, the occasion
        occasion = self.lead_occasion(events)
        if occasion is not None:
            for match in re.finditer(r"(?<![\w-])[Tt]he\s+event\b", self.text):
                if not any(ev.span.start <= match.start() < ev.span.end for ev in events):
                    self.setting_after(self.occasion_of(occasion, events), match.end())

    def lead_paragraph(self) -> tuple[int, int] | None:
        """The first paragraph of running text: the one a dateline opens, else the first of twenty words."""
        position, first_long = 0, None
        for raw in self.text.split("\n")[:40]:
            start, position = position, position + len(raw) + 1
            stripped = raw.strip()
            if not stripped:
                continue
            start += len(raw) - len(raw.lstrip())
            if DATELINE.match(stripped) and len(stripped.split()) >= 12:
                return start, start + len(stripped)
            if first_long is None and len(stripped.split()) >= 20:
                first_long = (start, start + len(stripped))
        return first_long

    def lead_settings(self) -> None:
        """ "LYON, France – ... a two-day conference which started today", "Bern, 24.11.2015 - At the ...
        Seminar on ..., X declared": the occasion a release or story reports from was held on the text's date
        and, when the text says nowhere else, at its dateline's place."""
        if self.info.genre not in {"PressRelease", "NewsArticle"}:
            return
        lead = self.lead_paragraph()
        if lead is None:
            return
        events = sorted((mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES), key=lambda mm: mm.span.start)
        nouns = {k.lower(): v for k, v in (self.events_lex.get("described_nouns") or {}).items()}
        occasion = None
        sentences = [s for s in self.parsed.sents if lead[0] <= s.start_char < lead[1]][:2]
        dateline = DATELINE.match(self.text, lead[0], lead[1])
        opening = re.match(r"\s*At\s+the\s+", self.text[dateline.end() if dateline else lead[0] : lead[1]])
        if opening:
            at = (dateline.end() if dateline else lead[0]) + opening.end()
            # "At the Asia Europe Meeting (ASEM) Seminar on ...": a body's name and its acronym may come before the event's own
            occasion = next((ev for ev in events if at <= ev.span.start < at + 80
                             and re.fullmatch(r"(?:[A-Z][\w’'-]*\s+)*?(?:\([A-Z]{2,8}\)\s*)?", self.text[at : ev.span.start])
                             and not re.match(r"\s*\([A-Z]{2,8}\)\s*[A-Z]", self.text[ev.span.end : ev.span.end + 12])), None)
        for sent in sentences if occasion is None else ():
            alternatives = "|".join(map(re.escape, sorted(nouns, key=len, reverse=True)))
            today = re.search(r"\b(" + alternatives + r")\b[^.;]{0,60}?\btoday\b", sent.text, re.IGNORECASE) \
                or re.search(r"^\W*Today\b[^.;]*?\b(?:in|at|during)\s+(?:the|a)\s+(?:[\w-]+\s+){0,3}?(" + alternatives + r")\b",
                             sent.text, re.IGNORECASE)
            if not today:
                continue
            noun = today.group(1).lower()
            inside = [ev for ev in events if sent.start_char <= ev.span.start < sent.end_char and ev.cls == nouns[noun]]
            same_kind = [ev for ev in events if (ev.attrs.get("keyword") or "").lower() == noun and not ev.attrs.get("described")]
            occasion = (inside or same_kind or [None])[0]
            if occasion is None:
                pointed = next((ev.attrs["refers_to"] for ev in events if ev.attrs.get("refers_to") and
                                (ev.attrs.get("keyword") or "").lower() == noun), None)
                occasion = next((ev for ev in events if ev.name == pointed and not ev.attrs.get("refers_to")), None)
            break
        if occasion is None and sentences:
            # "CHISINAU, 22 April 2022 – On 21 April, the Mission held a ... Meeting": the event the lead says a body
            # held is the one the text reports from; it was held at the dateline's place when the text names no other
            held = next((ev for ev in events if sentences[0].start_char <= ev.span.start < sentences[0].end_char
                         and any(f.subject == reference(ev) and f.predicate in {"organizer", "host"}
                                 for f in (*self.all_facts, *self.facts))), None)
            if held is not None and dateline and not self.has_venue(reference(held)):
                place = self.place_written(*_place_span(dateline))
                if place is not None:
                    self.add(reference(held), "location", reference(place), place.span)
            return
        if occasion is None:
            return
        ref = reference(occasion)
        if self.info.date:
            self.add_date(ref, self.info.date)
        if not self.has_venue(ref) and dateline:
            place = self.place_written(*_place_span(dateline))
            if place is not None:
                self.add(ref, "location", reference(place), place.span)

    def place_tails(self) -> None:
        """ "Seminar on Human Rights in Montreux": the event's name without the place it was held in is one
        of its names too, as the text writes it elsewhere ("the 15th ... Seminar on Human Rights")."""
        for event in [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and not mm.attrs.get("described")]:
            for place in self.within(event.span.start, event.span.end, LOCATION_CLASSES):
                before = self.text[event.span.start : place.span.start]
                tail = re.search(r",?\s+in\s+(?:the\s+)?$", before)
                if place.span.end >= event.span.end - 1 and tail and len(before[: tail.start()].split()) >= 2:
                    short = " ".join(before[: tail.start()].split())
                    event.attrs["aliases"] = sorted({*event.attrs.get("aliases", ()), short})

    def described_is_named(self) -> None:
        """ "the first major United Nations conference on ... in Vienna" in a story's lead, "The three-day Vienna
        Forum" below it: a definite description of the lead and the one event of its kind the text names are one
        occasion (the resolver joins them)."""
        if self.info.genre not in {"PressRelease", "NewsArticle"}:
            return
        lead = self.lead_paragraph()
        events = [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES]
        for event in events:
            if not event.attrs.get("described") or event.attrs.get("refers_to") or lead is None or event.span.start >= lead[1]:
                continue
            if not re.search(r"(?<![\w-])[Tt]he\s+$", self.text[max(0, event.span.start - 5) : event.span.start]):
                continue
            named = {ev.name for ev in events if ev.cls == event.cls and not ev.attrs.get("described")}
            if len(named) == 1:
                event.attrs["same_as"] = named.pop()

    def has_venue(self, ref: str) -> bool:
        """Whether a place or country is known for `ref`: a region in the name ("West Africa Conference")
        is the occasion's reach, not its venue."""
        return any(f.subject == ref and f.predicate == "location" and not f.object.lower().startswith("region:")
                   for f in (*self.all_facts, *self.facts))

    def add_date(self, ref: str, iso: str) -> None:
        """A date for `ref`, also where a less precise one that agrees with it is known ("2015" for
        "2015-11-24"): the resolver keeps the most precise."""
        stated = [f.literal for f in (*self.all_facts, *self.facts) if f.subject == ref and f.predicate == "date" and f.literal]
        if stated and all(iso.startswith(d) and len(d) < len(iso) for d in stated):
            self.dated.discard(ref)
        self.add(ref, "date", "", literal=iso)

    def add_stated_date(self, ref: str, iso: str) -> None:
        """A date the text states for `ref`, which outranks the text's own date given it for want of one (a
        release dated on the last day of a training "from 17 to 21 February")."""
        stated = {f.literal for f in (*self.all_facts, *self.facts) if f.subject == ref and f.predicate == "date" and f.literal}
        if stated and stated == {self.info.date} and iso != self.info.date:
            for facts in (self.all_facts, self.facts):
                facts[:] = [f for f in facts if not (f.subject == ref and f.predicate == "date")]
            self.dated.discard(ref)
        self.add_date(ref, iso)

    def lead_occasion(self, events: list[EntityMention]) -> EntityMention | None:
        if self.info.genre not in {"PressRelease", "NewsArticle"}:
            return None
        prose = [s for s in self.parsed.sents if len([t for t in s if t.is_alpha]) >= 8]
        lead_end = prose[min(1, len(prose) - 1)].end_char if prose else 0
        return next((ev for ev in sorted(events, key=lambda e: e.span.start)
                     if ev.span.start < lead_end and not ev.attrs.get("refers_to")), None)

    def setting_after(self, refs: list[str], position: int) -> None:
        verbs = _alternation(self.lex.get("setting_verbs"))
        organized = _alternation(self.events_lex.get("organizer_cues"))
        sentence_end = self.sentence_end(position)
        rest = self.text[position:sentence_end]
        verb = re.match(r"[’'”\"]?(?:\s*[,(–—-][^.;]{0,120}?[,)–—-])?\s*(?:,\s*)?(?:which\s+|that\s+)?(?:(?:was|were|is|has\s+been)\s+)?(?:jointly\s+)?"
                        + verbs + r"\b", rest, re.IGNORECASE)
        if not verb:
            return
        clause = rest[verb.end() :]
        found = first_date(clause[:100]) or self.yearless_date(clause[:60])
        # "took place on 4 May 2022", "took place in Vienna on 4 and 5 April 2022"
        if found and re.fullmatch(r"\s*(?:(?:in|at)\s+(?:the\s+)?[A-Z][\w’'-]*(?:[ ,]+[A-Z][\w’'-]*){0,3}\s+)?(?:on|from|between|in)?\s*(?:the\s+)?",
                                  clause[: found[1]]):
            for ref in refs:
                self.add(ref, "date", "", literal=found[0])
        for where in re.finditer(r"(?<![\w-])(?:in|at)\s+(?:the\s+)?", clause[:80]):
            place = next((mm for mm in self.mentions if mm.cls in LOCATION_CLASSES
                          and mm.span.start == position + verb.end() + where.end()), None)
            if place is not None and any(b.cls in m.ORGANIZATION_CLASSES and b.span.start <= place.span.start
                                         and place.span.end < b.span.end for b in self.mentions):
                continue  # "at the British Embassy in ...": the demonym of a body's name is no venue
            if place is not None:
                for ref in refs:
                    self.add(ref, "location", reference(place), place.span)
                break
        # "began on Wednesday at the British Embassy in Lisbon": the body whose premises it is held at hosts it
        for where in re.finditer(r"(?<![\w-])at\s+(?:the\s+)?", clause[:60]):
            at = position + verb.end() + where.end()
            body = next((mm for mm in self.outermost(self.within(at, sentence_end, m.ORGANIZATION_CLASSES))
                         if mm.span.start == at and mm.cls != m.MEDIA_ORGANIZATION), None)
            if body is not None:
                for ref in refs:
                    self.add(ref, "host", reference(body), body.span)
            break
        # "organized in Rome last February by the Office of ...": the organisers after "by"
        by = re.match(r"(?:\s+[\w’'-]+|,){0,6}?\s*\bby\s+(?:the\s+)?", clause)
        if by and re.search(organized, verb.group(), re.IGNORECASE):
            for ref in refs:
                self.organizers(ref, position + verb.end() + by.end(), sentence_end)
        elif by and re.search(r"\bhosted\b", verb.group(), re.IGNORECASE):
            # "the meeting, hosted by the Ministry of ...": the bodies after "by" host it
            for ref in refs:
                self.organizers(ref, position + verb.end() + by.end(), sentence_end, predicate="host")

    def yearless_date(self, text: str) -> tuple[str, int, int] | None:
        """ "held on 17 and 18 November" in a text dated 2003: the first day, in the text's year."""
        year = (self.info.date or "")[:4] or self.present_year()
        day = re.search(rf"\b(\d{{1,2}})(?:\s*(?:-|–|and|to)\s*\d{{1,2}})?\s+({MONTHS})\b(?!\s*,?\s*\d{{4}})", text)
        if day:
            number, month = day.group(1), day.group(2)
        else:
            # the month first, as American English writes it: "On July 20-21, ...", "on March 3 and 4"
            day = re.search(rf"\b({MONTHS})\s+(\d{{1,2}})(?!\d)(?:\s*(?:-|–|and|to)\s*\d{{1,2}}(?!\d))?(?!\s*,?\s*\d{{4}})(?!\s*(?:st|nd|rd|th)?\s*,?\s*\d)", text)
            number, month = (day.group(2), day.group(1)) if day else (None, None)
        if not (year.isdigit() and day):
            return None
        found = parse_date(f"{number} {month} {year}")
        return (found[0], day.start(), day.end()) if found else None

    def present_year(self) -> str:
        """ "In 2024, this problem continues to be pressing": the year an undated text's lead speaks of in the
        present tense is the text's own."""
        lead = self.lead_paragraph()
        if lead is None:
            return ""
        for sent in self.parsed.sents:
            if not lead[0] <= sent.start_char < lead[1]:
                continue
            opening = re.match(r"\s*In\s+((?:19|20)\d{2}),\s", sent.text)
            if opening and sent.root.tag_ in {"VBZ", "VBP"}:
                return opening.group(1)
        return ""

    def header_lines(self) -> list[tuple[int, int]]:
        """The lines above a text's first paragraph of running prose (at most twenty)."""
        lines, position = [], 0
        for raw in self.text.split("\n"):
            start, position = position, position + len(raw) + 1
            if not raw.strip():
                continue
            # a title runs long too, but prose has sentences
            if (len(raw.split()) >= 20 and re.search(r"[a-z)][.!?][”\"]?(?:\s|$)", raw)) or len(lines) >= 20:
                break
            offset = len(raw) - len(raw.lstrip())
            lines.append((start + offset, start + len(raw.rstrip())))
        return lines

    def delivered_setting(self) -> None:
        """A statement's occasion, whichever rule named it, is held at the place and on the date of a header
        line that holds only those ("United Nations Headquarters, New York, 27 September 2017")."""
        ref = self.info.delivered_at
        event = next((mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and reference(mm) == ref), None)
        if event is None or self.info.genre not in {"Statement", "Speech"}:
            return
        self.header_setting(event, self.header_lines())

    def joint_occasions(self) -> None:
        """ "At the conference “...” and / Meeting of National Co-ordinators / Co-organised by A and B": an event
        the header joins to the statement's occasion by "and" is held with it, by the same bodies, there and then."""
        ref = self.info.delivered_at
        header_end = (self.header_lines() or [(0, 0)])[-1][1]
        occasions = [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and reference(mm) == ref and mm.span.start < header_end]
        if not occasions:
            return
        setting = [f for f in (*self.all_facts, *self.facts) if f.subject == ref and f.predicate in {"organizer", "location", "date"}]
        for event in [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and reference(mm) != ref and mm.span.start < header_end]:
            joined = any(re.fullmatch(r"(?:\s*[“\"][^”\"\n]*[”\"])?\s*and\s+(?:the\s+)?", self.text[mm.span.end : event.span.start])
                         for mm in occasions if mm.span.end <= event.span.start)
            if not joined:
                continue
            for fact in setting:
                if fact.predicate == "date":
                    self.add_date(reference(event), fact.literal)
                else:
                    self.add(reference(event), fact.predicate, fact.object, fact.span, fact.literal)

    def possessives(self) -> None:
        """ "the Chairmanship's High-Level Conference", "the opening event of Switzerland's first annual ...
        Week": a body's event is organised by it, a country's is held in it."""
        for event in [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES]:
            for owner in self.mentions:
                if owner.cls not in BODY_CLASSES | LOCATION_CLASSES or owner is event:
                    continue
                apostrophe = re.match(r"[’'´]s\s+", self.text[owner.span.end : owner.span.end + 4])
                if not apostrophe:
                    continue
                after = owner.span.end + apostrophe.end()
                inside = event.span.start < owner.span.start and owner.span.end <= event.span.end
                if after != event.span.start and not (inside and re.search(r"\bof\s+(?:the\s+)?$", self.text[event.span.start : owner.span.start])):
                    continue
                if owner.cls in m.ORGANIZATION_CLASSES:
                    self.add(reference(event), "organizer", reference(owner), owner.span)
                else:
                    self.add(reference(event), "location", reference(owner), owner.span)

    def held_named_events(self) -> None:
        """ "the Mission held an Anti-Trafficking and Gender Technical Co-ordination Meeting to discuss ...": a
        capitalised phrase ending in an event keyword, the object of a verb of holding, is an event of that name,
        whatever the entity stage made of its words; "the meeting" after it is that event."""
        verbs = self.lex.get("holding_verbs") or {}
        keywords = self.events_lex.get("keywords") or {}
        single = {k: v for k, v in keywords.items() if " " not in k}
        for token in self.parsed:
            if token.text not in single:
                continue
            # the parser may hang the keyword off a word of the name ("Anti-Trafficking and ... Meeting" as a conj)
            phrase, steps = token, 0
            while phrase.dep_ in {"conj", "compound", "appos"} and phrase.head is not phrase and steps < 4:
                phrase, steps = phrase.head, steps + 1
            if phrase.dep_ != "dobj" or phrase.head.lemma_.lower() not in verbs:
                continue
            if any(mm.cls in m.EVENT_CLASSES and mm.span.start <= token.idx < mm.span.end for mm in self.mentions):
                continue
            sentence_start = next((x.start_char for x in self.parsed.sents if x.start_char <= token.idx < x.end_char), 0)
            before = re.search(r"(?:(?<=\s)|^)(?:[A-Z][\w’'-]*\s+(?:(?:and|of|for|on|&)\s+)?){1,8}$",
                               self.text[sentence_start : token.idx])
            if before is None or not re.search(r"(?:^|\s)(?:an?|the|its|their)\s+$", self.text[sentence_start : sentence_start + before.start()]):
                continue  # "held a Meeting" or a name the sentence opens with: no name to read
            start, end = sentence_start + before.start(), token.idx + len(token.text)
            if re.search(r"\b(?:and|of|for|on|&)\s+$", self.text[start : token.idx]) or len(self.text[start:end].split()) < 2:
                continue
            event = self.new_event(single[token.text], start, end, self.text[start:end], keyword=token.text)
            self.held_by(event, phrase.head)
            # "the meeting" said of it after it: the same occasion, when the text names no other of its kind
            others = [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and mm is not event and not mm.attrs.get("described")
                      and mm.cls == event.cls]
            if others:
                continue
            for described in self.mentions:
                if (described.cls == event.cls and described.attrs.get("described") and described.span.start > end
                        and (described.attrs.get("keyword") or "").lower() == token.lower_
                        and re.search(r"(?<![\w-])[Tt]he\s+$", self.text[max(0, described.span.start - 5) : described.span.start])):
                    described.attrs["same_as"] = event.name

    def speakers_at(self) -> None:
        """ "At the opening of the 15th Seminar on ..., Federal Councillor X declared ...": the subject of a sentence
        that opens at an event takes part in it; "the Conference began ..., with Poland represented by X": so does
        the one who represents a party there."""
        for event in [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES]:
            sentence = next((x for x in self.parsed.sents if x.start_char <= event.span.start < x.end_char), None)
            if sentence is None:
                continue
            ref = reference(event)
            opening = self.text[sentence.start_char : event.span.start]
            dateline = DATELINE.match(opening)
            if re.fullmatch(r"\s*(?:At|During)\s+(?:the\s+)?(?:(?:opening|closing|launch|start|end)\s+of\s+(?:the\s+)?)?",
                            opening[dateline.end() if dateline else 0 :]):
                root = sentence.root
                for subject in (c for c in root.children if c.dep_ == "nsubj"):
                    person = next((mm for mm in self.mentions if mm.cls == m.PERSON
                                   and mm.span.start <= subject.idx < mm.span.end), None)
                    if person is not None and person.span.start > event.span.end:
                        self.add(ref, "participant", reference(person), person.span)
            for represented in re.finditer(r"\brepresented\s+by\s+(?:the\s+)?", self.text[event.span.end : sentence.end_char]):
                at = event.span.end + represented.end()
                person = next((mm for mm in self.mentions if mm.cls == m.PERSON and mm.span.start == at), None)
                if person is not None:
                    self.add(ref, "participant", reference(person), person.span)

    def held_by_subject(self) -> None:
        """ "The OSCE Mission opened a two-day workshop on ...", "Kenya is hosting this year's forum": a body
        that is the subject of a verb of holding an event organises (or hosts) the event that is its object."""
        verbs = self.lex.get("holding_verbs") or {}
        for event in [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES]:
            keyword = (event.attrs.get("keyword") or "").lower()
            heads = [t for t in self.parsed if event.span.start <= t.idx < event.span.end and t.lower_ == keyword
                     and not (event.span.start <= t.head.idx < event.span.end)]
            if not heads:
                # "held an Anti-Trafficking and Gender ... Meeting": the parser may hang the keyword off another
                # word of the name; the name's own head is then the word that leaves it
                heads = [t for t in self.parsed if event.span.start <= t.idx < event.span.end
                         and not (event.span.start <= t.head.idx < event.span.end)]
            if len(heads) == 1:
                # "completed a series of nationwide training sessions": up from a compound and through "a series of"
                steps = 0
                while steps < 4 and (heads[0].dep_ == "compound" or (heads[0].dep_ == "pobj" and heads[0].head.lower_ == "of"
                                                                     and heads[0].head.head.pos_ == "NOUN")):
                    heads = [heads[0].head if heads[0].dep_ == "compound" else heads[0].head.head]
                    steps += 1
            if len(heads) != 1 or heads[0].dep_ != "dobj" or heads[0].head.lemma_.lower() not in verbs:
                continue
            self.held_by(event, heads[0].head)

    def held_by(self, event: EntityMention, verb) -> None:
        """The body that is the subject of `verb`, a verb of holding `event`, organises or hosts it; a date
        the verb's phrase states is the event's."""
        verbs = self.lex.get("holding_verbs") or {}
        body = None
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            body = next((mm for mm in self.outermost(self.within(subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text), BODY_CLASSES))
                         if mm.span.start <= subject.idx < mm.span.end), body)
        if body is None:
            # "BAKU, 7 April 2014 – The Council of Europe Office ... opened": a dateline the parser reads as
            # the subject; the body opening the sentence after it is
            sentence = next((s for s in self.parsed.sents if s.start_char <= verb.idx < s.end_char), None)
            dateline = DATELINE.match(self.text, sentence.start_char, verb.idx) if sentence is not None else None
            if dateline:
                opening = re.match(r"\s*(?:The\s+)?", self.text[dateline.end() : verb.idx])
                at = dateline.end() + opening.end()
                body = next((mm for mm in self.outermost(self.within(at, verb.idx, BODY_CLASSES)) if mm.span.start == at), None)
        if body is None:
            body = self.body_before(verb)
        if body is not None:
            self.add(reference(event), verbs[verb.lemma_.lower()], reference(body), body.span)
        else:
            # "Tallinn hosted the regional seminar": a town that holds an event is where it takes place
            # (the parser may not read the town as the subject: the town then opens the verb's clause)
            subjects = [c.idx for c in verb.children if c.dep_ == "nsubj"] or [
                mm.span.start for mm in self.mentions if mm.cls == m.PLACE and re.fullmatch(r"\s*(?:(?:has|had|will|also)\s+)*", self.text[mm.span.end : verb.idx])
                and re.search(r"(?:^|[,.;:]\s*|\n\s*)$", self.text[max(0, mm.span.start - 3) : mm.span.start])]
            for at in subjects:
                town = next((mm for mm in self.mentions if mm.cls == m.PLACE and mm.span.start <= at < mm.span.end), None)
                if town is not None:
                    self.add(reference(event), "location", reference(town), town.span)
                    break
        # "From 17 to 21 February 2025, the Mission organized ...", "held a workshop ... on 30-31 May 2024"
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "from", "between"}):
            # "On 21 April, the Mission held ..." in a release dated 2022: that day of the text's year
            phrase = self.text[prep.idx : prep.right_edge.idx + len(prep.right_edge.text)]
            found = first_date(phrase) or self.yearless_date(phrase)
            if found:
                self.add_stated_date(reference(event), found[0])
                break

    def body_before(self, verb) -> EntityMention | None:
        """ "UNODC, jointly with the Prosecutor General’s Office, held ...", which the parser may read without a
        subject: the body that opens the verb's clause, with an aside between commas after it."""
        sentence = next((s for s in self.parsed.sents if s.start_char <= verb.idx < s.end_char), None)
        if sentence is None:
            return None
        for body in reversed(self.outermost(self.within(sentence.start_char, verb.idx, BODY_CLASSES))):
            between = self.text[body.span.end : verb.idx]
            before = self.text[sentence.start_char : body.span.start]
            if re.fullmatch(r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:,[^,.;()]{1,100},\s*)?(?:(?:has|have|had|jointly|also)\s+)*", between) \
                    and re.search(r"(?:^|,\s*)(?:[Tt]he\s+)?$", before):
                return body
        return None

    def namesake_organizers(self) -> None:
        """ "the International Labour Conference" in a text naming the International Labour Organization: an event
        named as a body is, with the event's keyword for the body's last word, is that body's."""
        bodies = [mm for mm in self.mentions if mm.cls in m.ORGANIZATION_CLASSES and mm.cls != m.MEDIA_ORGANIZATION]
        for event in [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES and not mm.attrs.get("described")]:
            words = event.name.split()
            keyword = (event.attrs.get("keyword") or "").lower()
            if len(words) < 3 or words[-1].lower() != keyword:
                continue
            stem = words[:-1]
            body = next((mm for mm in bodies if mm.name.split()[:-1] == stem), None)
            ref = reference(event)
            if body is not None and not any(f.subject == ref and f.predicate == "organizer" for f in (*self.all_facts, *self.facts)):
                self.add(ref, "organizer", reference(body), body.span)

    def launch_organizers(self) -> None:
        """ "Rollout of the 2010 ... Report" and "the U.S. government ... by launching the 2010 Trafficking in
        Persons Report": who launches the thing holds its launch; in a speech "we are presenting" is the speaker's body."""
        nouns = _alternation(self.lex.get("launch_nouns"))
        verbs = {v.lower() for v in self.lex.get("launch_verbs") or ()}
        for event in [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES]:
            launched = re.match(nouns + r"\s+of\s+(?:the\s+)?(?P<thing>.+)", event.name)
            ref = reference(event)
            if not launched or any(f.subject == ref and f.predicate == "organizer" for f in (*self.all_facts, *self.facts)):
                continue
            words = [w for w in re.findall(r"[A-Za-z][\w’'-]{3,}", launched.group("thing"))][:3]
            if not words:
                continue
            for verb in (t for t in self.parsed if t.lemma_.lower() in verbs and t.pos_ == "VERB"):
                objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
                if not any(all(w.lower() in " ".join(t.text for t in o.subtree).lower() for w in words) for o in objects):
                    continue
                body = self.subject_body(verb)
                if body is not None:
                    self.add(ref, "organizer", body, event.span)
                    break

    def subject_body(self, verb) -> str | None:
        """The body that does what `verb` says: its subject or the subject of the verb it hangs from
        ("the government reasserts its commitment ... by launching"); "we" in a speech is the speaker's body."""
        token, steps = verb, 0
        while steps < 6:
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "agent"}]
            if subjects:
                subject = subjects[0]
                if subject.dep_ == "agent":
                    subject = next((c for c in subject.children if c.dep_ == "pobj"), subject)
                if subject.lower_ == "we" and self.info.genre in {"Speech", "Statement"} and self.info.speaker:
                    speaker = next((mm for mm in self.mentions if mm.cls == m.PERSON and mm.name == self.info.speaker), None)
                    return next((f.object for f in self.all_facts if speaker is not None and f.subject == reference(speaker)
                                 and f.predicate == "affiliatedWith"), None)
                body = next((mm for mm in self.outermost([x for x in self.mentions if x.cls in BODY_CLASSES])
                             if mm.span.start <= subject.idx < mm.span.end), None)
                return reference(body) if body is not None else None
            if token.head is token:
                return None
            token, steps = token.head, steps + 1
        return None

    def its_events(self) -> None:
        """ "Continuing its high-level meeting on ... today, speakers in the General Assembly called ...": the
        body "its" stands for, the one its sentence names (before the event, else after it), holds the event."""
        for event in [mm for mm in self.mentions if mm.cls in m.EVENT_CLASSES]:
            if not re.search(r"(?<![\w-])[Ii]ts\s+$", self.text[max(0, event.span.start - 5) : event.span.start]):
                continue
            ref = reference(event)
            if any(f.subject == ref and f.predicate == "organizer" for f in (*self.all_facts, *self.facts)):
                continue
            start = next((s.start_char for s in self.parsed.sents if s.start_char <= event.span.start < s.end_char), 0)
            end = self.sentence_end(event.span.start)
            bodies = [mm for mm in self.outermost(self.within(start, end, m.ORGANIZATION_CLASSES)) if mm.cls != m.MEDIA_ORGANIZATION]
            before = [mm for mm in bodies if mm.span.end <= event.span.start]
            after = [mm for mm in bodies if mm.span.start >= event.span.end]
            body = before[-1] if before else (after[0] if after else None)
            if body is not None:
                self.add(ref, "organizer", reference(body), body.span)

    def occasion_of(self, event: EntityMention, events: list[EntityMention]) -> list[str]:
        """A described event of the headline and one of the lead sentence with the same noun ("OSCE
        organizes first-ever training ..." / "A simulation-based training ... took place") are one occasion,
        and "The training" after them refers to it."""
        own = reference(event)
        if not event.attrs.get("described"):
            return [own]
        noun = (event.attrs.get("keyword") or "").lower()
        prose = [s for s in self.parsed.sents if len([t for t in s if t.is_alpha]) >= 8]
        lead_end = prose[min(1, len(prose) - 1)].end_char if prose else 0
        same = [reference(ev) for ev in events if ev.attrs.get("described") and not ev.attrs.get("refers_to")
                and ev.span.start < lead_end and (ev.attrs.get("keyword") or "").lower() == noun]
        if own not in same and not event.attrs.get("refers_to"):
            return [own]
        return sorted(set(same) | {own})

    def sentence_end(self, position: int) -> int:
        for sent in self.parsed.sents:
            if sent.start_char <= position < sent.end_char:
                return sent.end_char
        return len(self.text)

    def organizers(self, ref: str, position: int, limit: int, predicate: str = "organizer") -> None:
        """ "organized by the OSCE Presence and the Office of ...": each body of the list; a short form
        ("the OSCE Presence") is the body of the text whose name it begins; `predicate` "host" for "hosted by"."""
        while position < limit:
            body = next((mm for mm in sorted(self.mentions, key=lambda x: -x.span.end)
                         if mm.span.start == position and mm.cls in BODY_CLASSES), None)
            end = body.span.end if body is not None else position
            extended = re.match(r"(?:\s+[A-Z][\w’'-]*)+", self.text[end:limit])
            if extended and not re.match(r"\s+(?:and|And)\b", extended.group()):
                short = self.text[position : end + extended.end()]
                longer = next((mm for mm in self.mentions if mm.cls in m.ORGANIZATION_CLASSES and mm.name != short
                               and mm.name.startswith(short + " ")), None)
                if longer is not None:
                    body, end = longer, end + extended.end()
            if body is not None and body.cls == m.COUNTRY and re.match(r"\s+[A-Z]", self.text[body.span.end : body.span.end + 2]):
                body = None  # "the American Bar Association ...": a name that opens with a demonym
            if body is None:
                # a member of the list the text does not name as a body: step over it
                unnamed = re.match(r"[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|on|for|in|and|the|against))*?(?=\s*(?:\([^()\n]{1,24}\))?\s*,)",
                                   self.text[position:limit])
                if not unnamed:
                    return
                end = position + unnamed.end()
            else:
                self.add(ref, predicate, reference(body), Span(position, end, self.text[position:end]))
            sep = re.match(r"\s*\([^()\n]{1,24}\)|", self.text[end:limit])
            end += sep.end()
            sep = re.match(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", self.text[end:limit])
            if not sep:
                return
            position = end + sep.end()


def quoted_names(text: str, mentions: list[EntityMention], info: DocumentInfo, facts: list[RelationFact]) -> None:
    """ "At the conference “Ten Years of ...: the way ahead”": a bare event noun followed by a quoted title is
    the event that title names; "the conference" said of it later is that event too. Renames the mentions and
    the references `facts` and `info` hold to them."""
    renamed: dict[str, tuple[str, str]] = {}
    for event in mentions:
        if event.cls not in m.EVENT_CLASSES or not event.attrs.get("described") or event.attrs.get("refers_to") \
                or event.name.lower() != (event.attrs.get("keyword") or "").lower():
            continue
        quoted = re.match(r"\s*[“\"]\s*(?P<title>[A-Z0-9][^”\"\n]{8,240}?)\s*[”\"]", text[event.span.end : event.span.end + 260])
        if not quoted:
            continue
        title = " ".join(quoted.group("title").split()).rstrip(" .,;")
        old = reference(event)
        event.attrs["quote_end"] = event.span.end + quoted.end()
        event.attrs["aliases"] = sorted({*event.attrs.get("aliases", ()), *(
            [title.split(": ")[0]] if ": " in title else ()), title} - {event.name})
        event.name = title
        event.attrs.pop("described", None)
        renamed[old] = (event.name, event.cls)
    if not renamed:
        return
    for other in mentions:
        target = renamed.get(f"{other.cls}:{other.attrs.get('refers_to')}") if other.cls in m.EVENT_CLASSES else None
        if target is not None and other.name == other.attrs.get("refers_to"):
            other.name, other.cls = target
            other.attrs["refers_to"] = target[0]
            other.attrs.pop("described", None)
    new_refs = {old: f"{cls}:{name}" for old, (name, cls) in renamed.items()}
    facts[:] = [RelationFact(new_refs.get(f.subject, f.subject), f.predicate, new_refs.get(f.object, f.object), f.span, f.literal)
                for f in facts]
    if info.delivered_at in new_refs:
        info.delivered_at = new_refs[info.delivered_at]


def hyphen_cut_names(text: str, mentions: list[EntityMention], facts: list[RelationFact]) -> None:
    """ "Meeting of National Anti-Trafficking Co-ordinators and Rapporteurs" alone on a header line: a name
    cut inside a hyphenated word ("... Co") runs to the end of its line."""
    for event in mentions:
        if event.cls not in m.EVENT_CLASSES or not re.match(r"-[a-z]", text[event.span.end : event.span.end + 2]):
            continue
        line_start = text.rfind("\n", 0, event.span.start) + 1
        line_end = text.find("\n", event.span.end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start : event.span.start].strip() or line_end - event.span.start > 200:
            continue
        end = event.span.start + len(text[event.span.start : line_end].rstrip(" .,;:"))
        old = reference(event)
        event.span = Span(event.span.start, end, text[event.span.start : end])
        event.name = " ".join(event.span.text.split())
        new = reference(event)
        facts[:] = [RelationFact(new if f.subject == old else f.subject, f.predicate, new if f.object == old else f.object,
                                 f.span, f.literal) for f in facts]


def observances_kept(mentions: list[EntityMention], facts: list[RelationFact]) -> None:
    """ "Community Outreach Event for 2019 World Day against ..." and, later, "the 2019 World Day against ...": an
    event held for (or to mark) an occasion is not that occasion, so a mention written as the occasion keeps
    the occasion's own name."""
    for event in mentions:
        written = " ".join(event.span.text.split())
        if event.cls not in m.EVENT_CLASSES or written == event.name or len(written.split()) < 3:
            continue
        if not re.search(rf"\b(?:for|of|to\s+mark|marking)\s+(?:the\s+)?{re.escape(written)}\b", event.name):
            continue
        old = reference(event)
        event.name = written
        new = reference(event)
        if any(reference(other) == old for other in mentions):
            continue  # the facts are the named event's
        facts[:] = [RelationFact(new if f.subject == old else f.subject, f.predicate, new if f.object == old else f.object,
                                 f.span, f.literal) for f in facts]


def extract_occasions(document: SourceDocument, parsed: Doc, mentions: list[EntityMention], info: DocumentInfo,
                      vocab: Vocabulary, facts: list[RelationFact]) -> list[RelationFact]:
    """Event facts the header and the lead state beyond `facts`. May add events to `mentions` and set
    `info.delivered_at`; may rename events `facts` refer to."""
    quoted_names(document.text, mentions, info, facts)
    hyphen_cut_names(document.text, mentions, facts)
    observances_kept(mentions, facts)
    reader = _Occasions(document, parsed, mentions, info, vocab, facts)
    reader.place_tails()
    reader.numbered_meetings()
    reader.title_occasion()
    reader.occasion_line()
    reader.numbered_session_line()
    reader.opening_occasion()
    reader.this_occasion()
    reader.delivered_setting()
    reader.joint_occasions()
    reader.titled_events()
    reader.held_events()
    reader.described_settings()
    reader.possessives()
    reader.held_named_events()
    reader.held_by_subject()
    reader.speakers_at()
    reader.lead_settings()
    reader.its_events()
    reader.launch_organizers()
    reader.namesake_organizers()
    for event in [mm for mm in mentions if mm.cls in m.EVENT_CLASSES and not mm.attrs.get("described")]:
        reader.body_after_keyword(event)
    reader.described_is_named()
    return reader.facts
