"""Occasion events a document's layout names, and when, where and by whom they were held.

Read after `relations.py`, from the parse and the document's structure, with cues from
`ontology/lexicon/events_relations.yaml`:

- a body's meeting named by its number in a header line ("OSCE Permanent Council No.1449 Vienna,
  9 November 2023"): a Meeting held by that body, at the place and on the date of that line;
- the occasion named in a speech's title ("Remarks at Rollout of the 2010 ... Report", "Remarks to
  the participants of the International Workshop on ..."), with the place and date of the header
  lines under it ("29 May 2013, Minsk"; "Washington, DC" / "June 14, 2010");
- a described event's setting: "A training on ... took place from 18 to 21 October 2021 in Tirana",
  "The training, organized by the OSCE Presence and the Office of ...".

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

    def header_setting(self, event: EntityMention, lines: list[tuple[int, int]]) -> None:
        """Place and date from header lines that hold only a place and/or a date ("29 May 2013, Minsk")."""
        ref = reference(event)
        for start, end in lines:
            line = self.text[start:end]
            places = self.outermost(self.within(start, end, LOCATION_CLASSES))
            found = first_date(line)
            rest = line
            if found:
                rest = line[: found[1]] + " " + line[found[2] :]
            for place in places:
                rest = rest.replace(place.span.text, " ")
            if re.search(r"[A-Za-z]{2,}", re.sub(r"\b(?:on|in|at|the)\b", " ", rest)):
                continue  # a line of something else
            if places and (ref, "location") not in self.known:
                self.add(ref, "location", reference(places[0]), places[0].span)
            if found:
                self.add(ref, "date", "", literal=found[0])

    # -- rules --------------------------------------------------------------------
    def numbered_meetings(self) -> None:
        marks = _alternation(self.lex.get("meeting_number_marks"))
        for start, end in self.lines[:4]:
            for body in self.within(start, end, m.ORGANIZATION_CLASSES):
                if body.span.text.split()[-1].lower() not in self.meeting_words:
                    continue
                number = re.match(r"\s*" + marks + r"\s*(\d{1,5})\b", self.text[body.span.end : end])
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
        nouns = _alternation(self.lex.get("title_delivery_nouns"))
        links = _alternation(self.lex.get("title_occasion_links"))
        keywords = self.events_lex.get("keywords") or {}
        for index, (start, end) in enumerate(self.lines[:4]):
            line = self.text[start:end]
            head = re.match(r"[#*_>\s]*" + nouns + r"\s+(?:by\s+[^\n]{1,80}?\s+)?" + links + r"\s+(?:the\s+)?", line, re.IGNORECASE)
            if not head:
                continue
            name_start = start + head.end()
            if not self.text[name_start : name_start + 1].isupper() and not self.text[name_start : name_start + 1].isdigit():
                continue
            name_end = end
            cut = re.search(r",\s+(?=\d|" + MONTHS + r")|\s+[–—-]\s+|\s*\(\s*(?=\d)", self.text[name_start:end])
            if cut:
                name_end = name_start + cut.start()
            name_end = name_start + len(self.text[name_start:name_end].rstrip(" .,:;"))
            if len(self.text[name_start:name_end].split()) > 20:
                continue
            inside = self.within(name_start, name_end, m.EVENT_CLASSES | BODY_CLASSES | LOCATION_CLASSES)
            whole = [mm for mm in inside if mm.span.start == name_start and mm.span.end >= name_end - 1]
            if whole and whole[0].cls not in m.EVENT_CLASSES:
                return  # a body or a place: meeting_of_body's business
            event = next((mm for mm in whole if mm.cls in m.EVENT_CLASSES), None)
            if event is None:
                name = self.text[name_start:name_end]
                keyword = next((k for k in sorted(keywords, key=len, reverse=True) if re.search(rf"\b{re.escape(k)}\b", name)), None)
                event = self.new_event(keywords.get(keyword, m.MEETING) if keyword else m.MEETING, name_start, name_end, name,
                                       keyword=keyword or "Meeting")
            if self.info.delivered_at and self.info.delivered_at != reference(event):
                return
            self.header_setting(event, self.lines[index + 1 : LEAD_LINES])
            self.deliver(event)
            return

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
        found = first_date(clause[:60]) or self.yearless_date(clause[:40])
        if found and re.fullmatch(r"\s*(?:on|from|between|in)?\s*(?:the\s+)?", clause[: found[1]]):
            for ref in refs:
                self.add(ref, "date", "", literal=found[0])
        for where in re.finditer(r"(?<![\w-])(?:in|at)\s+(?:the\s+)?", clause[:80]):
            place = next((mm for mm in self.mentions if mm.cls in LOCATION_CLASSES
                          and mm.span.start == position + verb.end() + where.end()), None)
            if place is not None:
                for ref in refs:
                    self.add(ref, "location", reference(place), place.span)
                break
        # "organized in Rome last February by the Office of ...": the organisers after "by"
        by = re.match(r"(?:\s+[\w’'-]+|,){0,6}?\s*\bby\s+(?:the\s+)?", clause)
        if by and re.search(organized, verb.group(), re.IGNORECASE):
            for ref in refs:
                self.organizers(ref, position + verb.end() + by.end(), sentence_end)

    def yearless_date(self, text: str) -> tuple[str, int, int] | None:
        """ "held on 17 and 18 November" in a text dated 2003: the first day, in the text's year."""
        year = (self.info.date or "")[:4]
        day = re.search(rf"\b(\d{{1,2}})(?:\s*(?:-|–|and|to)\s*\d{{1,2}})?\s+({MONTHS})\b(?!\s*,?\s*\d{{4}})", text)
        if not (year.isdigit() and day):
            return None
        found = parse_date(f"{day.group(1)} {day.group(2)} {year}")
        return (found[0], day.start(), day.end()) if found else None

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

    def organizers(self, ref: str, position: int, limit: int) -> None:
        """ "organized by the OSCE Presence and the Office of ...": each body of the list; a short form
        ("the OSCE Presence") is the body of the text whose name it begins."""
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
                self.add(ref, "organizer", reference(body), Span(position, end, self.text[position:end]))
            sep = re.match(r"\s*\([^()\n]{1,24}\)|", self.text[end:limit])
            end += sep.end()
            sep = re.match(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", self.text[end:limit])
            if not sep:
                return
            position = end + sep.end()


def extract_occasions(document: SourceDocument, parsed: Doc, mentions: list[EntityMention], info: DocumentInfo,
                      vocab: Vocabulary, facts: list[RelationFact]) -> list[RelationFact]:
    """Event facts the header and the lead state beyond `facts`. May add events to `mentions` and set
    `info.delivered_at`."""
    reader = _Occasions(document, parsed, mentions, info, vocab, facts)
    reader.numbered_meetings()
    reader.title_occasion()
    reader.this_occasion()
    reader.held_events()
    reader.described_settings()
    reader.possessives()
    return reader.facts
