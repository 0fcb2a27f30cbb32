"""Relations between entities and facts about events, read from one document.

Each rule reads the text around the mentions that `entities.py` found, with
cue words from `ontology/lexicon/relations.yaml` (and `events.yaml`,
`titles.yaml`), and states a `RelationFact` between resolver references:

- tip:affiliatedWith: appositions ("X, the Director of Y"; "Y Special
  Representative, Ambassador X"), a body or country before a title ("US
  Ambassador to Albania X", "UNODC Director X"), the speaker of a statement
  and its publishing body, a news author and the outlet, and a national
  office whose sentence names exactly one country ("President X ... the
  national security of the United States").
- tip:partOf: a known body whose gazetteer parent is not in the text is part
  of the nearest ancestor that is (graph.py states the direct parents);
  "<unknown body> of <known body>".
- tip:memberOf: "a NATO member since 2009", "a member of the Council of
  Europe", "won a seat on the UN Security Council", "A and B as EU mentor
  countries", groups such as "participating States".
- tip:locatedIn: "Vicenza, Italy", "<body> based in <place>".
- events: organiser, host, location and date from the event's name, its
  document's header and cue phrases; participants (the speaker, people
  greeted, welcomed or recalled, countries whose experts attend); the event a
  speech or statement was delivered at (`info.delivered_at`), including the
  meeting of a body a statement was delivered to, which is added to
  `mentions` as an entity of its own.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from tipgraph import model as m
from tipgraph.extract.metadata import Line, header_lines, parse_date
from tipgraph.model import DocumentInfo, EntityMention, reference, RelationFact, SourceDocument, Span
from tipgraph.vocab import Vocabulary
from tipgraph.extract.patterns import compiled

ACTOR_CLASSES = m.ORGANIZATION_CLASSES | {m.PERSON, m.COUNTRY}
BODY_CLASSES = m.ORGANIZATION_CLASSES | {m.COUNTRY}
LOCATION_CLASSES = frozenset({m.PLACE, m.COUNTRY, m.REGION})
MONTH_NAMES = [calendar.month_name[i] for i in range(13)]



def _plurals(words) -> list[str]:
    words = [w for w in words or () if w]
    return words + [w + "s" for w in words if not w.endswith("s")]


def _alternation(words, flags_word_boundary: bool = True) -> str:
    words = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not words:
        return r"(?!x)x"
    body = "|".join(re.escape(w) for w in words)
    return rf"(?<![\w-])(?:{body})(?![\w-])" if flags_word_boundary else f"(?:{body})"


@dataclass
class _Cues:
    """Compiled cue patterns for one vocabulary."""

    office: re.Pattern
    office_start: re.Pattern
    national_office: re.Pattern
    cabinet_office: re.Pattern
    foreign_before: re.Pattern
    greeting: re.Pattern
    participant_before: re.Pattern
    attendance_before: re.Pattern
    group_from: re.Pattern
    member_after_org: re.Pattern
    member_of: re.Pattern
    member_verb: re.Pattern
    as_group: re.Pattern
    group_then_list: re.Pattern
    located: re.Pattern
    organizer_verb: re.Pattern
    organizer_by: re.Pattern
    host_cue: re.Pattern
    host_verb: re.Pattern
    event_noun: re.Pattern
    delivery: re.Pattern
    relative: re.Pattern
    links: str
    event_verbs: str


_CUES: dict[int, tuple[Vocabulary, _Cues]] = {}


def _cues(vocab: Vocabulary) -> _Cues:
    cached = _CUES.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    rel = vocab.lexicon("relations")
    titles = vocab.lexicon("titles")
    events = vocab.lexicon("events")
    offices = list(titles.get("offices") or ()) + list(rel.get("national_offices") or ())
    office_alt = _alternation(offices)
    links = "|".join(re.escape(w) for w in rel.get("office_links") or ("of",))
    member_nouns = _alternation(_plurals(rel.get("member_nouns")))
    group_nouns = _alternation(rel.get("group_nouns") or ())
    openers = "|".join(re.escape(w) for w in rel.get("list_openers") or ())
    organizer = list(events.get("organizer_cues") or ())
    event_nouns = list((events.get("keywords") or {}).keys())
    cues = _Cues(
        office=re.compile(office_alt, re.IGNORECASE),
        office_start=re.compile(r"^(?:(?:the|a|an|its|our|their|his|her)\s+)?(?:[\w’'.-]+\s+){0,3}?" + office_alt, re.IGNORECASE),
        national_office=re.compile(r"^" + _alternation(rel.get("national_offices") or ()), re.IGNORECASE),
        cabinet_office=re.compile(r"(?<![\w-])" + _alternation(rel.get("cabinet_offices") or ()) + r"$"),
        foreign_before=re.compile(_alternation(rel.get("foreign_country_before") or ()) + r"\s+(?:the\s+)?$", re.IGNORECASE),
        greeting=re.compile(r"^\W*" + _alternation(rel.get("greetings") or ()), re.IGNORECASE),
        participant_before=re.compile(_alternation(rel.get("participant_before") or ()) + r"[,:]?\s+(?:(?:our|my|the)\s+)?(?:(?:dear|good|esteemed|distinguished)\s+)?(?:(?:friend|colleague)s?\s+)?(?:,\s*)?$", re.IGNORECASE),
        attendance_before=re.compile(_alternation(rel.get("attendance_cues") or ()) + r"\s+(?:the\s+|this\s+|a\s+)?$", re.IGNORECASE),
        group_from=re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in rel.get("participant_groups") or ("experts",)) + r")\s+from\s+(?:the\s+)?", re.IGNORECASE),
        member_after_org=re.compile(r"^\s+" + member_nouns + r"(?:\s+since\s+(?P<year>\d{4}))?", re.IGNORECASE),
        member_of=re.compile(member_nouns + r"\s+of\s+(?:the\s+)?$", re.IGNORECASE),
        member_verb=re.compile(_alternation(rel.get("member_verbs") or ()) + r"\s+(?:the\s+)?$", re.IGNORECASE),
        as_group=re.compile(r"^\s+as\s+(?:the\s+)?$", re.IGNORECASE),
        group_then_list=re.compile(r"^\s+(?:[a-z][\w-]*\s+)?" + group_nouns + r"(?:,)?\s+(?:" + (openers or "such as") + r")\s+(?:the\s+)?", re.IGNORECASE),
        located=re.compile(r"^,?\s+" + _alternation(rel.get("located_cues") or ("in",)) + r"\s+(?:the\s+)?", re.IGNORECASE),
        organizer_verb=re.compile(r"^\s+(?:has\s+|have\s+|had\s+|jointly\s+)?" + _alternation(organizer), re.IGNORECASE),
        organizer_by=re.compile(_alternation(organizer) + r"\s+by\s+(?:the\s+)?", re.IGNORECASE),
        host_cue=re.compile(_alternation(events.get("host_cues") or ()) + r"[,:]?\s+(?:the\s+)?", re.IGNORECASE),
        host_verb=re.compile(r"^\s+(?:for\s+|has\s+|have\s+|had\s+)?" + _alternation(rel.get("host_verbs") or ()), re.IGNORECASE),
        event_noun=re.compile(_alternation([w.lower() for w in event_nouns] + [w.lower() + "s" for w in event_nouns]), re.IGNORECASE),
        delivery=re.compile(_alternation(rel.get("delivery_cues") or ("delivered",)), re.IGNORECASE),
        relative=re.compile(_alternation((rel.get("relative_dates") or {}).keys()), re.IGNORECASE),
        links=links,
        event_verbs=_alternation(organizer + list(rel.get("host_verbs") or ())),
    )
    _CUES[id(vocab)] = (vocab, cues)
    return cues


def _soft_breaks_as_spaces(text: str) -> str:
    """`text` with each line break before a lower-case word made a space (same length, same offsets)."""
    return re.sub(r"[ \t]*\n[ \t]*(?=[a-z])", lambda b: " " * len(b.group()), text)


def _shift(iso: str, days: int = 0, months: int = 0, years: int = 0) -> dt.date:
    day = dt.date.fromisoformat(iso)
    month_index = day.year * 12 + (day.month - 1) + months + years * 12
    year, month = divmod(month_index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last)) + dt.timedelta(days=days)


def resolve_relative_date(expression: str, document_date: str | None, table: dict) -> str | None:
    """"last week" against 2017-12-14 -> "2017-12" (the precision the lexicon gives)."""
    spec = table.get(expression.lower())
    if not spec or not document_date:
        return None
    precision = spec.get("precision", "day")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", document_date):
        when = _shift(document_date, int(spec.get("days", 0)), int(spec.get("months", 0)), int(spec.get("years", 0)))
    elif re.fullmatch(r"\d{4}(?:-\d{2})?", document_date) and precision == "year" and not spec.get("days") and not spec.get("months"):
        when = dt.date(int(document_date[:4]) + int(spec.get("years", 0)), 1, 1)
    else:
        return None
    if precision == "year":
        return f"{when.year:04d}"
    if precision == "month":
        return f"{when.year:04d}-{when.month:02d}"
    return when.isoformat()


def month_or_year(text: str) -> str | None:
    """ "December 2001" -> "2001-12", "2001" -> "2001"."""
    found = re.fullmatch(r"(?:(?P<month>[A-Z][a-z]+)\s+)?(?P<year>\d{4})", text.strip())
    if not found:
        return None
    if found.group("month"):
        if found.group("month") not in MONTH_NAMES:
            return None
        return f"{found.group('year')}-{MONTH_NAMES.index(found.group('month')):02d}"
    return found.group("year")


def written_date(iso: str) -> str:
    """2017-12-14 -> "14 December 2017"; 2017-12 -> "December 2017"."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTH_NAMES[int(parts[1])]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTH_NAMES[int(parts[1])]} {parts[0]}"
    return iso


class _Reader:
    def __init__(self, document: SourceDocument, parsed: Doc, mentions: list[EntityMention], info: DocumentInfo, vocab: Vocabulary):
        self.document = document
        self.text = document.text
        self.parsed = parsed
        self.mentions = mentions
        self.info = info
        self.vocab = vocab
        self.lex = vocab.lexicon("relations")
        self.events_lex = vocab.lexicon("events")
        self.cues = _cues(vocab)
        self.post_nominals = sorted(vocab.lexicon("titles").get("after_name") or (), key=len, reverse=True)
        self.facts: list[RelationFact] = []
        self.seen: set[tuple[str, str, str, str | None]] = set()
        self.event_dates: dict[str, tuple[int, str]] = {}  # event reference -> (rank, date)
        self.relative: dict[str, str] = {}
        self.delivered: EntityMention | None = None
        self.header = header_lines(self.text, int(vocab.lexicon("documents").get("date_header_lines") or 12))
        self.header_end = self.header[-1].end if self.header else 0
        # the opening lines, however long: a title line or a "Delivered by ... at ..." line is header too
        self.lead = self._lead_lines(int(self.lex.get("lead_lines") or 6))
        if self.lead:
            self.header_end = max(self.header_end, self.lead[0].end)
        self.refresh()

    def _lead_lines(self, limit: int) -> list[Line]:
        lines, position = [], 0
        for raw in self.text.split("\n"):
            start, position = position, position + len(raw) + 1
            stripped = re.sub(r"^[#>\s]+|[*_]{1,3}", "", raw).strip()
            if not stripped:
                continue
            offset = max(raw.find(stripped[:10]), 0)
            lines.append(Line(start + offset, start + len(raw), stripped))
            if len(lines) >= limit:
                break
        return lines

    # -- bookkeeping ---------------------------------------------------------
    def refresh(self) -> None:
        self.ordered = sorted(self.mentions, key=lambda mm: (mm.span.start, -mm.span.end))
        self.events = [mm for mm in self.ordered if mm.cls in m.EVENT_CLASSES]
        self.people = [mm for mm in self.ordered if mm.cls == m.PERSON]
        self.keys_in_doc = {mm.key for mm in self.mentions if mm.key}

    def add(self, subject: str | None, predicate: str, obj: str | None, span: Span | None = None, literal: str | None = None) -> None:
        if not subject or obj is None or subject == obj:
            return
        key = (subject, predicate, obj, literal)
        if key in self.seen:
            return
        self.seen.add(key)
        self.facts.append(RelationFact(subject, predicate, obj, span=span, literal=literal))

    def span_of(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence(self, mention: EntityMention) -> tuple[int, int]:
        if mention.sentence and mention.sentence[0] < mention.sentence[1]:
            return mention.sentence
        return self.line(mention.span.start)

    def line(self, position: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, position) + 1
        end = self.text.find("\n", position)
        return start, (len(self.text) if end < 0 else end)

    def clause(self, mention: EntityMention) -> tuple[int, int]:
        """The sentence, clipped to the mention's line (headers carry no full stops); a sentence the parser ended
        at a soft line break goes on to the next full stop of that line."""
        s, e = self.sentence(mention)
        ls, le = self.line(mention.span.start)
        if e < le and "\n" in self.document.text[max(s, e - 2) : le] and not re.search(r"[.!?;:]", self.text[max(s, e - 2) : e]):
            stop = re.search(r"[.!?;]", self.text[e:le])
            e = e + stop.start() if stop else le
        return max(s, ls), min(e, le)

    def starting_at(self, position: int, classes) -> EntityMention | None:
        """The longest mention of one of `classes` that starts at `position`."""
        best = None
        for mm in self.mentions:
            if mm.span.start == position and mm.cls in classes:
                if best is None or mm.span.end > best.span.end:
                    best = mm
        return best

    def ending_at(self, position: int, classes) -> EntityMention | None:
        best = None
        for mm in self.mentions:
            if mm.span.end == position and mm.cls in classes:
                if best is None or mm.span.start < best.span.start:
                    best = mm
        return best

    def after(self, position: int, classes, skip: str = r"[ \t]*(?:the\s+|The\s+)?") -> EntityMention | None:
        gap = re.match(skip, self.text[position:])
        return self.starting_at(position + (gap.end() if gap else 0), classes)

    def nominal(self, start: int, end: int) -> bool:
        """Whether the text from `start` to `end` parses as words of one noun phrase (nouns, adjectives,
        "of"/"for", "and", "the", a possessive): a title, not a clause."""
        span = self.parsed.char_span(start, end, alignment_mode="expand") if end > start else None
        if span is None:
            return False
        return all(t.pos_ in {"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "DET", "PART", "PUNCT", "SPACE", "NUM"}
                   and t.tag_ not in {"PRP$", "WDT"} and t.text not in {",", ";", ":", "(", ")"}
                   for t in span if not t.is_space)

    def inside(self, outer: EntityMention, classes) -> list[EntityMention]:
        return [
            mm for mm in self.ordered
            if mm is not outer and mm.cls in classes
            and outer.span.start <= mm.span.start and mm.span.end <= outer.span.end
        ]

    def nested(self, mention: EntityMention, classes) -> bool:
        """Is `mention` strictly inside a mention of one of `classes`?"""
        return any(
            mm is not mention and mm.cls in classes
            and mm.span.start <= mention.span.start and mention.span.end <= mm.span.end
            and (mm.span.start, mm.span.end) != (mention.span.start, mention.span.end)
            for mm in self.mentions
        )

    def outermost(self, mentions: list[EntityMention]) -> list[EntityMention]:
        out = []
        for mm in mentions:
            if any(
                o is not mm and o.cls == mm.cls and o.span.start <= mm.span.start and mm.span.end <= o.span.end
                and (o.span.start, o.span.end) != (mm.span.start, mm.span.end)
                for o in mentions
            ):
                continue
            out.append(mm)
        return out

    def country_list_from(self, position: int) -> list[EntityMention]:
        found = []
        while True:
            country = self.after(position, {m.COUNTRY})
            if country is None:
                return found
            found.append(country)
            sep = re.match(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", self.text[country.span.end :])
            if not sep:
                return found
            position = country.span.end + sep.end()

    def country_list_ending_at(self, position: int) -> list[EntityMention]:
        found = []
        while True:
            end = position
            while end > 0 and self.text[end - 1] in " \t":
                end -= 1
            country = self.ending_at(end, {m.COUNTRY})
            if country is None:
                return found
            found.insert(0, country)
            sep = re.search(r"(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$", self.text[max(0, country.span.start - 8) : country.span.start])
            if not sep:
                return found
            position = country.span.start - len(sep.group())

    def event_near(self, position: int, sentence: tuple[int, int]) -> EntityMention | None:
        """The event a cue at `position` is about: one named in its sentence (nearest before,
        else after), else the event the speech was delivered at, else the document's only event."""
        s, e = sentence
        in_sentence = [ev for ev in self.events if s <= ev.span.start < e]
        before = [ev for ev in in_sentence if ev.span.end <= position]
        if before:
            return before[-1]
        if in_sentence:
            return in_sentence[0]
        if self.delivered is not None:
            return self.delivered
        names = {ev.name for ev in self.events}
        return self.events[0] if len(names) == 1 else None

    def person_named(self, name: str | None) -> EntityMention | None:
        if not name:
            return None
        for person in self.people:
            if person.name == name:
                return person
        return None

    def office_named_by(self, title: str) -> str | None:
        """The gazetteer body "Office of the <office>" whose office the title names."""
        folded = " ".join(re.sub(r"^(?:the\s+)", "", title.strip(), flags=re.IGNORECASE).lower().split())
        best = None
        for held, key in self.gazetteer_offices(min_words=2):
            if compiled(rf"(?:^|\s){re.escape(held)}(?:\s|$)").search(folded) and (best is None or len(held) > best[0]):
                best = (len(held), key)
        return best[1] if best else None

    def gazetteer_offices(self, min_words: int) -> Iterator[tuple[str, str]]:
        """(office title folded to lower case, key) for every gazetteer body named "Office of (the) <title>" whose
        title has at least `min_words` words, in the gazetteer's order."""
        for entity in self.vocab.entities.values():
            if not entity.key.startswith("org:"):
                continue
            for name in (entity.name, *entity.case_insensitive_names, *entity.case_sensitive_names):
                office = re.match(r"(?i)office of (?:the )?(.+)$", name)
                if office and len(office.group(1).split()) >= min_words:
                    yield " ".join(office.group(1).lower().split()), entity.key

    def office_ending_at(self, before: str) -> str | None:
        """The gazetteer office (or the nearest body it is part of that the text names) whose title, written in
        full (four words or more: "Special Representative" alone is many bodies' office), ends `before`."""
        tail = re.sub(r"[\s,]+$", "", before)
        tail = " ".join(tail.split()[-16:]).lower()
        if not tail:
            return None
        best = None
        for held, key in self.gazetteer_offices(min_words=4):
            if (tail == held or tail.endswith(" " + held)) and (best is None or len(held) > best[0]):
                best = (len(held), key)
        key, seen = (best[1] if best else None), set()
        while key is not None and key not in self.keys_in_doc and key not in seen:
            seen.add(key)
            known = self.vocab.entities.get(key)
            key = known.part_of if known is not None else None
        return key if key in self.keys_in_doc else None

    def unit_by_noun(self, phrase: str, whole_word: bool = False, position: int | None = None) -> EntityMention | None:
        """ "Mission’s Adviser", "police chief": the one body of the text whose name has that noun
        (given a position, the last one named before it)."""
        if whole_word:
            noun = phrase
        else:
            owner = re.match(r"(?:the\s+)?([A-Z][\w-]*)[’']s\s", phrase)
            if not owner:
                return None
            noun = owner.group(1)
        bodies = {}
        for mm in self.ordered:
            if mm.cls in m.ORGANIZATION_CLASSES and re.search(rf"(?<![\w-]){re.escape(noun)}(?![\w-])", mm.name + " " + mm.span.text, re.IGNORECASE):
                if position is None or mm.span.end <= position:
                    bodies[reference(mm)] = mm
        if position is not None and bodies:
            return max(bodies.values(), key=lambda mm: mm.span.end)
        return next(iter(bodies.values())) if len(bodies) == 1 else None

    def body_at(self, position: int) -> EntityMention | None:
        """The body named at `position`: "the Armenian Ministry of Justice" is the ministry, not Armenia."""
        found = self.starting_at(position, ACTOR_CLASSES - {m.PERSON})
        owned = re.match(r"[’']s\s+", self.text[found.span.end :]) if found is not None else None
        if owned and found.cls in m.ORGANIZATION_CLASSES:
            part = self.starting_at(found.span.end + owned.end(), m.ORGANIZATION_CLASSES)
            if part is not None:
                return part  # "the Ministry of Interior’s Department for ...": the department acts
        if found is not None and found.cls == m.COUNTRY:
            gap = re.match(r"(?:[’']s)?\s+", self.text[found.span.end :])
            body = self.starting_at(found.span.end + (gap.end() if gap else 0), m.ORGANIZATION_CLASSES)
            if body is not None:
                return body
        place = self.starting_at(position, {m.REGION, m.PLACE}) if found is None else None
        owner = re.match(r"[’']s\s+", self.text[place.span.end :]) if place is not None else None
        if owner:
            # "director of Ak Zhol's Department of ...": the body a province or a town owns
            return self.starting_at(place.span.end + owner.end(), m.ORGANIZATION_CLASSES)
        return found

    def national_country(self, mm: EntityMention) -> str | None:
        """The country of an unkeyed public body: "the Romanian Directorate ...", "Bosnia's State
        Investigation and Protection Agency", "Department of the Border Watch of Moravia", "Bangkok
        Criminal Court"."""
        if mm.key and not mm.key.startswith("govbody:"):
            return None
        before = self.text[max(0, mm.span.start - 40) : mm.span.start]
        for country in self.ordered:
            if country.cls == m.COUNTRY and country.span.end <= mm.span.start and \
                    re.fullmatch(r"(?:[’']s)?\s+", self.text[country.span.end : mm.span.start]):
                return country.key.split(":", 1)[1] if country.key else None
        of = re.search(r"\bof\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*)$", mm.name)
        if of:
            key = self.country_key(of.group(1))
            if key:
                return key.split(":", 1)[1]
        first = mm.name.split()[0]
        return self.vocab.places.get(first) if first != mm.name else None

    def home_country(self) -> str | None:
        """The country a document is set in: its dateline's, else the one it names far more than any
        other (three times or more, twice the next) when it speaks of "our"/"this" government or
        country."""
        place, _, _ = self.dateline()
        if place is None:
            place = next((mm for mm in self.ordered if mm.cls == m.PLACE and mm.span.start < 400 and
                          re.match(r"[ \t]*(?:\([^()\n]{2,40}\)\s*)?[—–-]\s", self.text[mm.span.end : mm.span.end + 50])), None)
        if place is not None:
            iso3 = (place.attrs.get("country") or self.vocab.places.get(place.name)) if place.cls == m.PLACE else None
            if place.cls == m.COUNTRY and place.key:
                return place.key
            if iso3 and f"country:{iso3}" in self.keys_in_doc:
                return f"country:{iso3}"
        counts: dict[str, int] = {}
        for mm in self.mentions:
            if mm.cls == m.COUNTRY and mm.key and not self.nested(mm, m.ORGANIZATION_CLASSES | m.EVENT_CLASSES | {m.INSTRUMENT}):
                counts[mm.key] = counts.get(mm.key, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        # a dateline the gazetteer cannot place ("WASHINGTON (Agency) —"), or the speaker's own government
        own = place is not None or re.search(r"(?i)\b(?:our|this|my)\s+(?:government|country|nation)\b", self.text)
        if own and ranked and (len(ranked) == 1 or ranked[0][1] >= 3 and ranked[0][1] >= 2 * ranked[1][1]):
            return ranked[0][0]
        return None

    def focus_country(self) -> str | None:
        """The country a document is about: named three times or more, and twice as often as any other."""
        counts: dict[str, int] = {}
        for mm in self.mentions:
            if mm.cls == m.COUNTRY and mm.key and not self.nested(mm, m.ORGANIZATION_CLASSES | m.EVENT_CLASSES | {m.INSTRUMENT}):
                counts[mm.key] = counts.get(mm.key, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            return ranked[0][0]
        return None

    def country_key(self, name: str) -> str | None:
        for entity in self.vocab.entities.values():
            if entity.cls == m.COUNTRY and (name == entity.name or name in entity.case_sensitive_names
                                           or name.lower() in {n.lower() for n in entity.case_insensitive_names}):
                return entity.key
        return None

    def body_class(self, ref: str | None) -> str | None:
        if not ref:
            return None
        for mm in self.mentions:
            if reference(mm) == ref:
                return mm.cls
        known = self.vocab.entities.get(ref)
        return known.cls if known else None

    # -- the delivered-at event --------------------------------------------------
    def meeting_of_body(self) -> None:
        """"As delivered by X to the Permanent Council, Vienna / December 14, 2017": the
        statement was delivered at a meeting of that body, which gets a mention of its own."""
        if self.info.genre not in {"Statement", "Speech"}:
            return
        words = {w.lower() for w in self.lex.get("meeting_body_words") or ()}
        lines = [ln for ln in self.lead if len(ln.text.split()) <= 60]
        for index, line in enumerate(lines):
            context = line.text + " " + (lines[index - 1].text if index else "")
            if not self.cues.delivery.search(context):
                continue
            for mm in self.ordered:
                if not (line.start <= mm.span.start < line.end) or mm.cls not in m.ORGANIZATION_CLASSES:
                    continue
                before = self.text[line.start : mm.span.start]
                if not re.search(r"(?<![\w-])(?:to|before|at)\s+(?:the\s+)?$", before):
                    continue
                surface = " ".join(mm.span.text.split())
                if not words & {w.lower() for w in re.findall(r"[\w-]+", surface)}:
                    continue
                if any(ev.cls in m.EVENT_CLASSES and ev.span.start <= mm.span.start and mm.span.end < ev.span.end for ev in self.mentions):
                    continue  # "at the Security Council Open Debate on ...": the body opens the named event
                date = self.info.date
                template = self.lex.get("meeting_name" if date else "meeting_name_undated") or "{body} meeting"
                name = template.format(body=surface, date=written_date(date) if date else "")
                meeting = EntityMention(
                    m.MEETING, Span(mm.span.start, mm.span.end, mm.span.text), name,
                    sentence=mm.sentence, attrs={"keyword": "Meeting", "body": reference(mm)},
                )
                self.mentions.append(meeting)
                self.refresh()
                ref = reference(meeting)
                self.info.delivered_at = ref
                self.delivered = meeting
                self.add(ref, "organizer", reference(mm), meeting.span)
                place = self.after(mm.span.end, LOCATION_CLASSES, skip=r",?[ \t]+")
                if place is not None and place.span.start < line.end:
                    self.add(ref, "location", reference(place), meeting.span)
                if date:
                    self.set_date(ref, date, rank=1)
                return

    def delivered_at(self) -> None:
        if self.delivered is not None or self.info.genre not in {"Statement", "Speech"}:
            return
        words = _alternation(self.lex.get("delivered_at_before") or ("at",))
        in_header = []
        for ev in self.events:
            if ev.span.start >= self.header_end:
                continue
            # a header line that is the event's name, or "Remarks ... at the <event>";
            # not "Statement on the outcome of the <event>"
            lead = self.text[self.line(ev.span.start)[0] : ev.span.start]
            if re.fullmatch(r"[\s#*_>]*", lead) or re.search(words + r"\s+(?:the\s+|this\s+)?$", lead, re.IGNORECASE):
                in_header.append(ev)
        if not in_header:
            # "Full text of the statement by X at the 1277th meeting of ...", "Addressing the opening
            # event of ..., X called on ...": the occasion named near the top of the text
            limit = int(self.lex.get("occasion_window_chars") or 1500)
            kinds = _alternation(self.lex.get("delivery_nouns") or ())
            openers = _alternation(self.lex.get("occasion_openers") or ())
            for ev in self.events:
                if ev.span.start > limit or ev.attrs.get("refers_to"):
                    continue
                s, _ = self.clause(ev)
                lead = self.text[s : ev.span.start]
                if re.search(kinds + r"\b[^.\n]{0,100}?" + words + r"\s+(?:the\s+|this\s+|an?\s+)?$", lead, re.IGNORECASE) \
                        or re.fullmatch(r"\W*" + openers + r"\s+(?:the\s+|this\s+|an?\s+)?", lead, re.IGNORECASE):
                    in_header.append(ev)
                    break
        if not in_header:
            return
        title = self.info.title or ""
        in_title = [ev for ev in in_header if ev.span.text in title]
        chosen = (in_title or in_header)[0]
        self.delivered = chosen
        self.info.delivered_at = reference(chosen)
        # "Location: Dialogue, National Circuit Barton": a header line that says where
        for mm in self.mentions:
            if mm.cls == m.PLACE and mm.attrs.get("venue_line") and mm.span.start < self.lead[-1].end:
                self.add(reference(chosen), "location", reference(mm), chosen.span)
                return
        # "Riga, 4 October 2022" under the title: where the speech, so the event, took place
        for mm in self.mentions:
            if mm.cls == m.PLACE and mm.span.start < self.header_end:
                line_start = self.line(mm.span.start)[0]
                if re.fullmatch(r"[\s#*_>]*", self.text[line_start : mm.span.start]) and \
                        re.match(r",\s+\d{1,2}\s+\w+\s+\d{4}|,\s+\w+\s+\d{1,2},\s+\d{4}", self.text[mm.span.end : mm.span.end + 24]):
                    self.add(reference(chosen), "location", reference(mm), chosen.span)
                    break

    # -- events --------------------------------------------------------------------
    def set_date(self, event_ref: str, date: str, rank: int) -> None:
        held = self.event_dates.get(event_ref)
        if held is None or rank < held[0]:
            self.event_dates[event_ref] = (rank, date)

    def event_facts(self) -> None:
        meeting_bodies = self.events_lex.get("meeting_bodies") or {}
        places = {mm.name: mm for mm in self.mentions if mm.cls in LOCATION_CLASSES}
        for ev in self.events:
            ref = reference(ev)
            keyword = ev.attrs.get("keyword") or ""
            kw_at = ev.span.text.find(keyword) if keyword else -1
            kw_pos = ev.span.start + kw_at if kw_at >= 0 else ev.span.end
            inner = self.outermost(self.inside(ev, BODY_CLASSES | LOCATION_CLASSES))
            for mm in inner:
                if mm.cls in m.ORGANIZATION_CLASSES and mm.span.start < kw_pos:
                    # "OSCE Conference on ...", "Council of Europe Forum ..."
                    self.add(ref, "organizer", reference(mm), ev.span)
                    if ev.attrs.get("date_text"):
                        self.parent_organizer(ref, mm, ev.span)
                elif mm.cls in m.ORGANIZATION_CLASSES and re.fullmatch(r"\s+of\s+(?:the\s+)?", self.text[kw_pos + len(keyword) : mm.span.start]) \
                        and ev.cls == m.MEETING:
                    # "the 978th Meeting of the Permanent Council": a meeting of a body is held by it
                    self.add(ref, "organizer", reference(mm), ev.span)
                    self.body_seat(ref, mm, ev.span)
                    self.parent_organizer(ref, mm, ev.span)
                elif mm.cls in LOCATION_CLASSES:
                    before = self.text[ev.span.start : mm.span.start]
                    tail = self.text[mm.span.end : ev.span.end]
                    if mm.span.start < kw_pos or (re.search(r"\bin\s+(?:the\s+)?$", before) and not re.search(r"[A-Za-z]", tail.replace("and", ""))):
                        self.add(ref, "location", reference(mm), ev.span)
            # "Vienna Ministerial": a place named elsewhere in the text, before the keyword
            head = self.text[ev.span.start : kw_pos]
            for name, place in places.items():
                if place.cls == m.PLACE and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", head):
                    self.add(ref, "location", reference(place), ev.span)
            # bodies that hold meetings of this name ("Ministerial")
            body_id = meeting_bodies.get(keyword)
            if body_id and ev.attrs.get("body") is None:
                key = f"org:{body_id}"
                if key in self.keys_in_doc:
                    self.add(ref, "organizer", key, ev.span)
            if ev.attrs.get("date_text"):
                dated = month_or_year(ev.attrs["date_text"])
                if dated:
                    self.set_date(ref, dated, rank=0)
            self.event_date_near(ev, ref)
            if ev.attrs.get("described"):
                self.described_event_setting(ev, ref)
        if self.delivered is not None:
            ref = reference(self.delivered)
            publisher = self.info.publisher
            has_organizer = any(f.subject == ref and f.predicate == "organizer" for f in self.facts)
            if (
                publisher and not has_organizer and self.delivered.span.start < self.header_end
                and self.delivered.attrs.get("body") is None
                and (self.body_class(publisher) != m.GOVERNMENT_BODY or self.info.genre == "PressRelease")
            ):
                self.add(ref, "organizer", publisher, self.delivered.span)
            if self.info.date and self.info.genre in {"Speech", "Statement"}:
                self.set_date(ref, self.info.date, rank=1)

    def parent_organizer(self, ref: str, body: EntityMention, span: Span) -> None:
        """A meeting of an organ (the Ministerial Council) is held by the organisation it belongs to."""
        known = self.vocab.entities.get(body.key) if body.key else None
        if known is not None and known.part_of and known.part_of in self.keys_in_doc:
            self.add(ref, "organizer", known.part_of, span)

    def body_seat(self, ref: str, body: EntityMention, span: Span) -> None:
        """A meeting of a body that always meets at its seat (the Permanent Council in Vienna) is located
        there, when the text names that place."""
        seat = (self.events_lex.get("seats") or {}).get((body.key or "").partition(":")[2])
        if not seat:
            return
        place = next((mm for mm in self.ordered if mm.cls in LOCATION_CLASSES and mm.name == seat), None)
        if place is not None:
            self.add(ref, "location", reference(place), span)

    def dateline(self) -> tuple[EntityMention | None, str | None, int]:
        """ "21 September 2023, Chisinau –", "CHISINAU, 18 November 2003 -": a press release's place and
        date, and where its first sentence starts."""
        for line in self.lead[:4]:
            head = re.match(r"[^\n–—]{4,60}?\s+[–—-]\s+", self.text[line.start : line.end])
            if not head:
                continue
            piece = self.text[line.start : line.start + head.end()]
            found = parse_date(piece)
            if not found:
                continue
            place = next((mm for mm in self.ordered if mm.cls in LOCATION_CLASSES and line.start <= mm.span.start < line.start + head.end()), None)
            return place, found[0], line.start + head.end()
        return None, None, -1

    def described_event_setting(self, ev: EntityMention, ref: str) -> None:
        """Where and when a described event took place: "organized by ... on 18 March 2015 in Budva"
        in its clause, else the dateline of the press release that opens with it."""
        s, e = self.sentence(ev)
        rest = self.text[ev.span.end : e]
        located = False
        for where in re.finditer(r"(?<![\w-])(?:in|at)\s+(?:the\s+)?", rest):
            place = self.starting_at(ev.span.end + where.end(), LOCATION_CLASSES)
            if place is not None and not self.nested(place, m.ORGANIZATION_CLASSES | m.EVENT_CLASSES | {m.INSTRUMENT}):
                self.add(ref, "location", reference(place), self.span_of(ev.span.start, place.span.end))
                located = True
                break
        place, date, body_start = self.dateline()
        found = self.first_day(rest, (date or self.info.date or "")[:4] or None)
        dated = False
        if found:
            self.set_date(ref, found, rank=0)
            dated = True
        if body_start >= 0 and s <= body_start + 2 and ev.span.start >= body_start:
            if place is not None and not located:
                self.add(ref, "location", reference(place), ev.span)
            if date and not dated:
                self.set_date(ref, date, rank=1)

    @staticmethod
    def first_day(rest: str, year: str | None) -> str | None:
        """ "on 18 March 2015", "from 12 to 14 March 2024", "held on 17 and 18 November" (in the text's
        year): the day an event began, stated in the clause after it."""
        cue = re.search(r"(?:\bon|\bfrom|\bheld)\s+(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:to|-|–|and|&)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?P<month>[A-Z][a-z]+)(?:\s+(?P<year>\d{4}))?", rest)
        if cue and cue.group("month") in MONTH_NAMES and (cue.group("year") or year):
            found = parse_date(f"{cue.group('day')} {cue.group('month')} {cue.group('year') or year}")
            if found:
                return found[0]
        found = parse_date(rest)
        if found and re.fullmatch(r"[^.;]*?(?:\bon|\bfrom|\bheld)\s+(?:the\s+)?", rest[: found[1]], re.DOTALL):
            return found[0]
        return None

    def event_date_near(self, ev: EntityMention, ref: str) -> None:
        after = self.text[ev.span.end : ev.span.end + 80]
        lead = re.match(r"^\s*[,(]?\s*(?:(?:which\s+)?(?:was\s+|is\s+|will\s+be\s+)?(?:held|took\s+place|takes\s+place|taking\s+place|will\s+take\s+place)\s+)?(?:on|from|of)?\s*", after)
        window = after[lead.end() if lead else 0 :]
        found = parse_date(window[:40])
        if found and re.fullmatch(r"[\d\s\-–&,]*(?:and\s*)?", window[: found[1]]):
            self.set_date(ref, found[0], rank=0)
            return
        table = self.lex.get("relative_dates") or {}
        rel = re.match(r"^\s*(?:,\s*)?(?:(?:held|which\s+took\s+place)\s+)?(" + self.cues.relative.pattern + r")", after, re.IGNORECASE)
        if rel is None:
            before = self.text[max(0, ev.span.start - 30) : ev.span.start]
            rel = re.search(r"(" + self.cues.relative.pattern + r")[’']s\s+(?:the\s+)?$", before, re.IGNORECASE)
        if rel is None:
            return
        expression = rel.group(1).lower()
        resolved = resolve_relative_date(expression, self.info.date, table)
        if resolved:
            self.set_date(ref, resolved, rank=2)
        else:
            self.relative.setdefault(ref, expression)

    def organizers_and_hosts(self) -> None:
        text = self.text
        cues = self.cues
        for mm in self.outermost([x for x in self.ordered if x.cls in BODY_CLASSES]):
            if self.nested(mm, m.EVENT_CLASSES):
                continue
            sentence = self.sentence(mm)
            # "The OSCE Mission, in co-operation with the Ministry of Labour, organized a training"
            aside = re.match(r"\s*,\s+(?:in\s+(?:co-?operation|partnership|collaboration)\s+with|together\s+with|jointly\s+with|with\s+the\s+support\s+of)\s+[^;.]{3,160}?,(?=\s+(?:has\s+|have\s+|had\s+|jointly\s+)?"
                             + cues.event_verbs + ")", text[mm.span.end : sentence[1]], re.IGNORECASE)
            after_aside = mm.span.end + (aside.end() if aside else 0)
            for pattern, predicate in ((cues.organizer_verb, "organizer"), (cues.host_verb, "host")):
                verb = pattern.match(text[after_aside : sentence[1]])
                if not verb:
                    continue
                position = after_aside + verb.end()
                partners = [x for x in self.ordered if x.cls in m.ORGANIZATION_CLASSES and mm.span.end < x.span.start and x.span.end <= after_aside
                            and not self.nested(x, m.ORGANIZATION_CLASSES)] if aside else []
                rest = text[position : sentence[1]]
                event = next((ev for ev in self.events if position <= ev.span.start <= position + 40 and ev.span.start < sentence[1]), None)
                if event is None:
                    window = " ".join(rest.split()[: int(self.lex.get("organizer_window_words") or 10)])
                    noun = cues.event_noun.search(window)
                    if not noun:
                        continue
                    event = self.event_by_noun(noun.group().lower(), sentence)
                if event is not None:
                    self.add(reference(event), predicate, reference(mm), self.span_of(mm.span.start, position))
                    for partner in partners:  # who a body works "in co-operation with" organised it too
                        self.add(reference(event), "organizer", reference(partner), self.span_of(mm.span.start, position))
        for pattern, predicate in ((cues.organizer_by, "organizer"), (cues.host_cue, "host")):
            for match in pattern.finditer(text):
                target = self.starting_at(match.end(), ACTOR_CLASSES)
                if target is not None and target.cls == m.COUNTRY:
                    target = self.body_at(match.end())
                if target is None and predicate == "host" and "country" in match.group().lower():
                    back = re.search(r",?\s+(?:as\s+)?(?:the\s+|our\s+)?$", text[max(0, match.start() - 12) : match.start()])
                    end = match.start() - (len(back.group()) if back else 0)
                    target = self.ending_at(end, {m.COUNTRY})
                if target is None:
                    continue
                sentence = self.sentence(target)
                event = self.event_near(match.start(), sentence)
                if event is not None:
                    self.add(reference(event), predicate, reference(target), self.span_of(match.start(), target.span.end))
                    # "organized by the OSCE Mission, the American Embassy ... (ABA-CEELI), IOM and UNICEF"
                    position = target.span.end
                    while True:
                        bracket = re.match(r"\s*\([^()\n]{1,24}\)", self.text[position:])
                        if bracket:
                            position += bracket.end()
                        sep = re.match(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", self.text[position : position + 12])
                        following = self.body_at(position + sep.end()) if sep else None
                        if following is not None and following.cls == m.COUNTRY and re.match(r"\s+[A-Z]", self.text[following.span.end :]):
                            following = None  # "the American Bar Association ...": a longer name the text did not resolve
                        if following is None and sep:
                            # an item no entity was found for: go on to the next item of the list
                            skip = re.match(r"[^,;.()\n]{3,120}(?:\s*\([^()\n]{1,24}\))?(?=\s*,|\s+and\s)", self.text[position + sep.end() :])
                            if skip and re.search(r"[A-Z]", skip.group()[:1]):
                                position += sep.end() + skip.end()
                                continue
                        if following is not None and re.match(r"\s+(?:has|have|had|is|are|was|were|said|says|reports?|reported|learnt|learned)\b",
                                                              self.text[following.span.end : following.span.end + 12]):
                            break  # "..., Steppewire has learnt from ...": the subject of the next clause, not an item
                        if following is None:
                            break
                        self.add(reference(event), predicate, reference(following), self.span_of(match.start(), following.span.end))
                        position = following.span.end

    def event_by_noun(self, noun: str, sentence: tuple[int, int]) -> EntityMention | None:
        """The event a lower-case "workshop" refers to: the delivered-at event of that kind, else the only one."""
        def kind(ev: EntityMention) -> str:
            return (ev.attrs.get("keyword") or ev.cls).lower()
        keywords = {k.lower(): v for k, v in (self.events_lex.get("keywords") or {}).items()}
        if noun not in keywords and noun.endswith("s"):
            noun = noun[:-1]
        cls = keywords.get(noun)
        if self.delivered is not None and (kind(self.delivered) == noun or self.delivered.cls == cls):
            return self.delivered
        same = [ev for ev in self.events if kind(ev) == noun or ev.cls == cls]
        return same[0] if len({ev.name for ev in same}) == 1 else None

    def participants(self) -> None:
        text = self.text
        cues = self.cues
        speech = self.info.genre in {"Speech", "Statement"}
        delivered = reference(self.delivered) if self.delivered is not None else None
        if delivered and speech:
            speaker = self.person_named(self.info.speaker)
            if speaker is not None:
                self.add(delivered, "participant", reference(speaker), speaker.span)
            title = (self.info.title or "").lower()
            responses = [c.lower() for c in self.lex.get("response_cues") or ()]
            if any(re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", title) for c in responses):
                line = next((ln for ln in self.header if ln.text == self.info.title), None)
                for person in self.people:
                    if line is not None and line.start <= person.span.start < line.end:
                        self.add(delivered, "participant", reference(person), person.span)
            for person in self.people:
                s, _ = self.sentence(person)
                opening = text[s : person.span.start]
                greeted = cues.greeting.match(opening) is not None
                before = text[max(0, person.span.start - 60) : person.span.start]
                after = text[person.span.end : person.span.end + 40].lower()
                named = cues.participant_before.search(before) is not None or any(
                    after.startswith(c.lower()) for c in self.lex.get("participant_after") or ()
                )
                # "I also warmly welcome the OSCE Special Representative ..., Dr. X, back"; "I would like to
                # acknowledge my colleagues, including Minister Y"
                welcomed = re.search(_alternation(self.lex.get("participant_loose") or ()) + r"[^.;:!?\n]{0,140}$", opening, re.IGNORECASE) \
                    and re.search(r"(?:,|\bincluding|\band)\s*(?:the\s+)?$", text[max(s, person.span.start - 14) : person.span.start])
                if greeted or named or welcomed:
                    self.add(delivered, "participant", reference(person), person.span)
        if delivered is None:
            self.occasion_participants()
        # "Speaking at the X Conference, Kim said"
        for ev in self.events:
            s, e = self.sentence(ev)
            if not cues.attendance_before.search(text[s : ev.span.start]):
                continue
            people = [p for p in self.people if s <= p.span.start < e and not self.nested(p, m.EVENT_CLASSES)]
            if people:
                nearest = min(people, key=lambda p: min(abs(p.span.start - ev.span.end), abs(ev.span.start - p.span.end)))
                self.add(reference(ev), "participant", reference(nearest), ev.span)
        # "Officially opened by X and Y, the 2nd ... Conference brings together", "The seminar was chaired by X";
        # "At the 15th Seminar on ..., Minister Y declared": the people the sentence names with the event
        for ev in self.events:
            s, e = self.sentence(ev)
            at_opening = re.fullmatch(r"\W*At\s+(?:the\s+|this\s+|a\s+)?", text[s : ev.span.start])
            for by in re.finditer(r"(?i)\b(?:opened|chaired|attended|addressed|moderated|closed|co-chaired)\s+by\s+", text[s:e]):
                start = s + by.end()
                stop = ev.span.start if ev.span.start > start else e
                for person in self.people:
                    if start <= person.span.start < stop and not self.nested(person, m.EVENT_CLASSES):
                        self.add(reference(ev), "participant", reference(person), person.span)
            if at_opening:
                for person in self.people:
                    if ev.span.end <= person.span.start < e and not self.nested(person, m.EVENT_CLASSES | m.ORGANIZATION_CLASSES):
                        self.add(reference(ev), "participant", reference(person), person.span)
                        break
        # "practitioners from France and Belgium"
        for match in cues.group_from.finditer(text):
            countries = self.country_list_from(match.end())
            if not countries:
                continue
            event = self.event_near(match.start(), self.sentence(countries[0]))
            if event is None:
                continue
            for country in countries:
                self.add(reference(event), "participant", reference(country), self.span_of(match.start(), country.span.end))

    def meeting_parties(self, event: EntityMention) -> list[tuple[int, int]]:
        """The stretches of text that name who met: the subject of "had/held a meeting" and what
        follows "with"."""
        keyword = event.attrs.get("keyword") or ""
        at = event.span.text.find(keyword) if keyword else -1
        token_span = self.parsed.char_span(event.span.start + max(at, 0), event.span.start + max(at, 0) + len(keyword), alignment_mode="expand") if keyword else None
        if token_span is None or len(token_span) == 0:
            return []
        noun = token_span.root
        parties = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"with", "between"}:
                parties.append((child.idx, child.right_edge.idx + len(child.right_edge.text)))
        verb = noun.head
        if noun.dep_ == "dobj" and verb.lemma_ in {"have", "hold"}:
            for child in verb.children:
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    parties.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)))
                if child.dep_ == "prep" and child.lower_ == "with":
                    parties.append((child.idx, child.right_edge.idx + len(child.right_edge.text)))
        return parties

    def occasion(self) -> EntityMention | None:
        """The event a press release or news story is about: one its headline or first sentence names."""
        prose = [sent for sent in self.parsed.sents if len([t for t in sent if t.is_alpha]) >= 8]
        limit = prose[min(1, len(prose) - 1)].end_char if prose else self.header_end  # headline and lead
        for ev in self.events:
            if ev.span.start < limit and not ev.attrs.get("refers_to"):
                return ev
        return None

    def occasion_participants(self) -> None:
        """A press release on an event quotes the people who took part ("Opening the event, X said");
        "Also participating were representatives of A and B"."""
        event = self.occasion()
        if event is None:
            return
        ref = reference(event)
        # "The Secretary of State ..., X, had a meeting with the Special Representative ..., Y"
        for start, end in self.meeting_parties(event):
            for person in self.people:
                if start <= person.span.start and person.span.end <= end:
                    self.add(ref, "participant", reference(person), person.span)
        verbs = _alternation(self.lex.get("speech_verbs") or ())
        others = [ev.span.start for ev in self.events if ev.name != event.name and ev.span.start > event.span.end]
        for person in self.people:
            if person.span.start < event.span.start or self.nested(person, m.EVENT_CLASSES | m.ORGANIZATION_CLASSES):
                continue
            if others and person.span.start > min(others):
                break  # past the first other event the text turns to, its people are that event's
            s, e = self.sentence(person)
            near = self.text[max(s, person.span.start - 80) : min(e, person.span.end + 120)]
            if re.search(verbs, near, re.IGNORECASE):
                self.add(ref, "participant", reference(person), person.span)
        groups = _alternation(self.lex.get("participant_groups") or ())
        for cue in re.finditer(_alternation(self.lex.get("participation_cues") or ()), self.text, re.IGNORECASE):
            s, e = self.line(cue.start())
            sentence_start = max(s, self.text.rfind(".", 0, cue.start()) + 1)
            sentence_end = min(e, (self.text.find(".", cue.end()) + 1) or e)
            for of in re.finditer(groups + r"\s+(?:of|from)\s+(?:the\s+)?", self.text[sentence_start:sentence_end], re.IGNORECASE):
                position = sentence_start + of.end()
                while True:
                    body = self.body_at(position)
                    if body is None:
                        break
                    self.add(ref, "participant", reference(body), body.span)
                    bracket = re.match(r"\s*\([^()\n]{1,24}\)", self.text[body.span.end :])
                    position = body.span.end + (bracket.end() if bracket else 0)
                    sep = re.match(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", self.text[position : position + 12])
                    if not sep:
                        break
                    position += sep.end()

    # -- affiliations ------------------------------------------------------------------
    def affiliations(self) -> None:
        # a line that opens with a lower-case word goes on from the line before ("X, Deputy Permanent Representative
        # / of Norway to the United Nations", hard-wrapped paragraphs): read across that break, offsets unchanged
        whole = self.text
        self.text = _soft_breaks_as_spaces(whole)
        try:
            self._affiliations()
        finally:
            self.text = whole

    def _affiliations(self) -> None:
        text = self.text
        cues = self.cues
        affiliated: dict[str, set[str]] = {}

        def affiliate(person: EntityMention, body: EntityMention | str, span: Span | None = None) -> None:
            target = body if isinstance(body, str) else reference(body)
            self.add(reference(person), "affiliatedWith", target, span or person.span)
            affiliated.setdefault(reference(person), set()).add(target)
            # who works for a body works for the bodies it is part of (those named here)
            if not isinstance(body, str) and body.attrs.get("part_of") in self.keys_in_doc:
                self.add(reference(person), "affiliatedWith", body.attrs["part_of"], span or person.span)
            known = self.vocab.entities.get(target)
            seen = {target}
            while known is not None and known.part_of and known.part_of not in seen:
                seen.add(known.part_of)
                if known.part_of in self.keys_in_doc:
                    self.add(reference(person), "affiliatedWith", known.part_of, span or person.span)
                known = self.vocab.entities.get(known.part_of)

        for person in self.people:
            clause = self.clause(person)
            # A: "X, the Executive Secretary of GRETA" / "X, UNODC Regional Representative"
            tail = text[person.span.end : clause[1]]
            # "Grace Adaeze Obi, Ph.D.; OON, the United Nations Special Rapporteur ...": honours first
            honours = re.match(r"(?:[,;]\s*(?:" + "|".join(re.escape(h) for h in self.post_nominals) + r"))+(?=[,;])", tail) if self.post_nominals else None
            if honours:
                tail = tail[honours.end():]
            comma = re.match(r"[,;]\s+", tail)
            if comma:
                start = person.span.end + (honours.end() if honours else 0) + comma.end()
                stop = re.search(r"[,;:()\n.!?]", text[start : clause[1]] + ".")
                window_end = start + (stop.start() if stop else 0)
                first = self.after(start, BODY_CLASSES, skip=r"(?:the\s+|The\s+|an?\s+)?")
                if first is not None and cues.office_start.match(text[first.span.end : window_end].strip()):
                    affiliate(person, first)
                elif self.unit_by_noun(text[start:window_end]) is not None and cues.office.search(text[start:window_end]):
                    affiliate(person, self.unit_by_noun(text[start:window_end]))
                elif cues.office_start.match(text[start:window_end]):
                    for link in re.finditer(rf"\s(?:{cues.links})\s+(?:the\s+)?", text[start : window_end + 1]):
                        office = text[start : start + link.start()]
                        if len(office.split()) > int(self.lex.get("apposition_max_words") or 8):
                            break
                        body = self.body_at(start + link.end()) or self.starting_at(start + link.end(), BODY_CLASSES)
                        # "Edna Quill, head of the task force": the body named before whose name has the noun
                        definite = re.match(r"((?!(?:and|in|of|for|at)\b)[a-z][\w-]*(?:[ \t]+(?!(?:and|in|of|for|at)\b)[a-z][\w-]*){0,2})"
                                            r"(?=[ \t]+(?:and|in|of|for|at)\b|[ \t]*$)", text[start + link.end() : window_end]) \
                            if body is None and link.group().rstrip().endswith("the") else None
                        if definite:
                            body = self.unit_by_noun(definite.group(1), whole_word=True, position=person.span.start)
                        if body is not None and cues.office.search(office):
                            affiliate(person, body, self.span_of(person.span.start, body.span.end))
                            break
            # B: "The Director of Caritas Europa, Anna Schmidt" / "OSCE Special Representative ..., Ambassador X"
            lead = re.search(r"(?:^|[^,]),\s*$", text[clause[0] : person.span.start])
            greeting = cues.greeting.match(text[clause[0] : person.span.start]) is not None
            if lead and not greeting:
                end = person.span.start - len(re.search(r",\s*$", text[:person.span.start]).group())
                body = self.ending_at(end, BODY_CLASSES)
                if body is not None and not self.nested(body, m.EVENT_CLASSES):
                    prefix = text[clause[0] : body.span.start]
                    holds_office = bool(cues.office.search(body.span.text)) and body.cls != m.COUNTRY
                    office_before = re.search(rf"({cues.office.pattern})\s+(?:{cues.links})\s+(?:the\s+)?$", prefix, re.IGNORECASE)
                    same_office = office_before and person.title and person.title.lower() == office_before.group(1).lower()
                    if (holds_office or office_before) and not same_office:
                        affiliate(person, body, self.span_of(body.span.start, person.span.end))
            # I: "co-organized by the OSCE Mission to Moldova, the Head Ambassador William Hill": the body
            # before an apposition that is an office and the person
            between = re.search(r"(?P<body_end>)\s*,\s+(?:the\s+|its\s+)?(?P<office>(?:[A-Z][\w-]*\s+){0,3})$", text[clause[0] : person.attrs.get("title_start", person.span.start)])
            if between and cues.office.search(between.group("office") + (person.title or "")):
                end = clause[0] + between.start()
                body = self.ending_at(end, m.ORGANIZATION_CLASSES)
                # "The Permanent Representative of Malta to the OSCE, Ambassador X": sent to it, not of it
                sent_to = body is not None and re.search(r"(?<!according )\bto\s+(?:the\s+)?$", text[max(clause[0], body.span.start - 12) : body.span.start], re.IGNORECASE)
                if body is not None and not sent_to and not self.nested(body, m.EVENT_CLASSES):
                    affiliate(person, body, self.span_of(body.span.start, person.span.end))
            # D: "OSCE Special Representative and Co-ordinator for ..., Ambassador X": the bodies the title
            # names, and the gazetteer's "Office of the <title>" when the text names it
            if lead and not greeting:
                seg_end = person.span.start - len(re.search(r",\s*$", text[: person.span.start]).group())
                # spaCy may end a sentence inside a header line ("IOM | Director General, X"): the line bounds it
                floor = max(self.line(person.span.start)[0], max(text.rfind(c, 0, seg_end) for c in ".;:!?") + 1)
                seg_start = max(floor, text.rfind(",", floor, seg_end) + 1)
                # "opened by X and the French Minister for ..., Y": the office after the other person is Y's
                others = [p.span.end for p in self.people if p is not person and seg_start <= p.span.start and p.span.end < seg_end]
                if others:
                    joined = re.match(r"\s+and\s+", text[max(others) : seg_end])
                    seg_start = max(others) + (joined.end() if joined else 0)
                whole = text[seg_start:seg_end]
                office_at = None
                for found_office in cues.office.finditer(text[seg_start:seg_end]):
                    office_at = found_office
                    break
                if office_at is not None:
                    # the title begins at its office word, or at the capitalised words just before it ("OSCE Special ...")
                    before_office = re.search(r"(?:(?<=\s)|^)(?:[A-Z][\w’'.-]*\s+){1,3}$", text[seg_start : seg_start + office_at.start()])
                    seg_start += before_office.start() if before_office else office_at.start()
                if office_at is not None and len(whole.split()) <= 10:
                    seg_start = seg_end - len(whole)  # "According to the Interior Ministry board member, MP X"
                segment = text[seg_start:seg_end]
                if office_at is not None and len(segment.split()) <= 24:
                    for body in self.ordered:
                        if body.cls not in BODY_CLASSES or not (seg_start <= body.span.start and body.span.end <= seg_end) \
                                or self.nested(body, m.EVENT_CLASSES | {m.INSTRUMENT}):
                            continue
                        before_body = text[seg_start : body.span.start]
                        # "Permanent Representative of the Holy See to the OSCE": of the country, sent to the body
                        if re.search(r"(?<!according )\bto\s+(?:the\s+)?$", before_body, re.IGNORECASE):
                            continue
                        # "the Minister of Justice of Albania", "the French Minister for ...": a country the office names
                        if body.cls == m.COUNTRY and not re.search(r"\bof\s+(?:the\s+)?$", before_body) and not (
                                re.search(r"(?:^|\band\s)\s*(?:the\s+)?$", before_body.lower()) and cues.office_start.match(text[body.span.end : seg_end].strip())):
                            continue
                        if self.nested(body, m.ORGANIZATION_CLASSES):
                            continue
                        affiliate(person, body, self.span_of(body.span.start, person.span.end))
                    office = self.office_named_by(segment)
                    if office is not None and office in self.keys_in_doc:
                        affiliate(person, office, self.span_of(seg_start, person.span.end))
            # J: "police department spokeswoman X", "Greater Athens police chief X": an office of the one
            # body of that kind the text names
            before = re.search(r"(?:^|[.,;:!?\n(])([^.,;:!?\n(]{0,60})$", text[clause[0] : person.attrs.get("title_start", person.span.start)])
            words = (before.group(1) if before else "").split()[-5:]
            if words and cues.office.search(" ".join(words)):
                for noun in self.lex.get("body_nouns_in_titles") or ():
                    if re.search(rf"(?<![\w-]){re.escape(noun)}(?![\w-])", " ".join(words), re.IGNORECASE):
                        body = self.unit_by_noun(noun, whole_word=True, position=person.span.start)
                        if body is not None:
                            affiliate(person, body, self.span_of(person.span.start, person.span.end))
                        break
            # L: "The Temporary Acting Chairman of the National Police Ivan Petrenko said"
            body = self.ending_at(re.sub(r"\s+$", "", text[: person.span.start]).__len__(), m.ORGANIZATION_CLASSES)
            if body is not None and body.span.start >= clause[0] and \
                    re.search(rf"({cues.office.pattern})\s+(?:{cues.links})\s+(?:the\s+)?$", text[clause[0] : body.span.start], re.IGNORECASE):
                affiliate(person, body, self.span_of(body.span.start, person.span.end))
            # K: "welcomes back Special Representative and Co-ordinator for Combating Trafficking in Human Beings X":
            # a title written in full that the gazetteer knows as the office of one body; the office when the text
            # names it, else the nearest body it belongs to that the text names
            title_start = min(person.span.start, person.attrs.get("title_start", person.span.start))
            office = self.office_ending_at(text[clause[0] : title_start])
            if office is not None:
                affiliate(person, office, self.span_of(person.span.start, person.span.end))
            # C: "US Ambassador to Albania Yuri Kim", "UNODC Executive Director X", "Albanian Vice-Minister X"
            # the title may stand outside the person's span ("Ambassador to Albania Yuri Kim")
            title_start = min(person.span.start, person.attrs.get("title_start", person.span.start))
            candidates = [
                mm for mm in self.ordered
                if mm.cls in BODY_CLASSES and mm.span.end <= title_start and mm.span.start >= clause[0]
            ]
            for body in reversed(candidates[-3:]):
                if text[body.span.start - 1 : body.span.start] == "(" and text[body.span.end : body.span.end + 1] == ")" \
                        and re.fullmatch(r"\)\s*", text[body.span.end : title_start]):
                    continue  # the acronym in brackets after the body's name: the name before it is the body
                between = text[body.span.end : title_start]
                # "the Erewhon Labour Office (ELO) Director X": the body's acronym in brackets is part of its name
                acronym = re.match(r"[ \t]*\([A-Z][A-Za-z/.&-]{1,11}\)", between)
                if acronym:
                    between = between[acronym.end():]
                if self.nested(body, m.EVENT_CLASSES) or self.nested(body, {m.PERSON}) or self.nested(body, m.ORGANIZATION_CLASSES):
                    continue  # "IOM Belarus Chief of Mission X": the office, not the country in its name
                if re.search(r"[;:()\n!?]|,(?!\s*(?:a\.i\.|ad interim))", between):
                    break
                # "Albania’s Minister X", and the apostrophe as a wrong code page shows it ("Canada‚Äôs")
                words = re.sub(r"^(?:[’']|‚Äô|â€™)s\b", "", between.strip()).split()
                if not words and person.title and cues.office_start.match(person.title):
                    affiliate(person, body, self.span_of(body.span.start, person.span.end))
                    break
                # "the Erewhon Secretary General Ada Brun": the office, named as a body, right before the name
                if not words and body.cls in m.ORGANIZATION_CLASSES and cues.office.search(body.span.text):
                    affiliate(person, body, self.span_of(body.span.start, person.span.end))
                    break
                # "WHO country office liaison officer Ada Brun": a compound title whose office word is its head,
                # not among its first words; only a noun phrase between ("WHO thanked Minister X" has a verb)
                if words and len(words) <= 8 and cues.office.search(" ".join(words)) and self.nominal(body.span.end, title_start):
                    affiliate(person, body, self.span_of(body.span.start, person.span.end))
                    break
                # "ILO Deputy Director-General Greg Vines": capitalised words that qualify the person's title
                qualifies = person.title and all(w[:1].isupper() for w in words)
                titled = " ".join(words + ([person.title] if qualifies else []))
                if words and len(words) <= 8 and re.match(r"^(?:[\w’'.-]+\s+){0,2}?" + cues.office.pattern, titled, re.IGNORECASE):
                    affiliate(person, body, self.span_of(body.span.start, person.span.end))
                    break
        # E: the speaker of a statement and the body that publishes it; F: a news author and the outlet
        publisher = self.info.publisher
        publisher_cls = self.body_class(publisher)
        if publisher and publisher_cls in m.ORGANIZATION_CLASSES:
            if self.info.genre in {"Speech", "Statement"} and self.info.speaker_span is None:
                speaker = self.person_named(self.info.speaker)
                if speaker is not None:
                    affiliate(speaker, publisher)
            if self.info.genre == "NewsArticle":
                author = self.person_named(self.info.author)
                if author is not None:
                    affiliate(author, publisher)
        # G: a national office and the one country its sentence names
        home = self.home_country()
        focus = self.focus_country()
        for person in self.people:
            if not person.title or not cues.national_office.match(person.title):
                continue
            if any(t.startswith("country:") for t in affiliated.get(reference(person), ())):
                continue
            title_start = min(person.span.start, person.attrs.get("title_start", person.span.start))
            if self.ending_at(len(text[:title_start].rstrip()), {m.INTERNATIONAL_ORGANIZATION}) is not None:
                continue  # "INTERPOL Secretary General X": an international office, not a state's
            s, e = self.clause(person)
            countries = set()
            for country in self.ordered:
                # after the person: a country before it is more often the one acting on them
                # ("Canada welcomes Ambassador X"); "Albania's Minister X" is rule C's
                if country.cls != m.COUNTRY or not (person.span.end <= country.span.start < e):
                    continue
                if self.nested(country, m.EVENT_CLASSES | {m.INSTRUMENT, m.PERSON}):
                    continue
                before = text[max(s, country.span.start - 30) : country.span.start]
                if cues.foreign_before.search(before):
                    continue
                if cues.office_start.match(text[country.span.end : country.span.end + 40].strip()):
                    continue  # "X and the French Minister for ..., Y": another person's country
                countries.add(reference(country))
            if len(countries) == 1:
                affiliate(person, countries.pop())
            elif not countries and home and person.title.split()[0].lower() not in {"ambassador", "king", "queen"}:
                # "Secretary of State X" in a story datelined in his capital, "Minister Y" in a speech
                # given at home: the country the document is set in
                affiliate(person, home)
            elif not countries and focus and cues.cabinet_office.search(person.title):
                # "Justice Minister X" in a release on a visit to one country: a minister of the state it is about
                affiliate(person, focus)

    # -- memberships ---------------------------------------------------------------------
    def memberships(self) -> None:
        text = self.text
        cues = self.cues
        orgs = [mm for mm in self.outermost([x for x in self.ordered if x.cls in m.ORGANIZATION_CLASSES])]

        def member_before(org: EntityMention, limit: int) -> EntityMention | None:
            s, _ = self.sentence(org)
            # "X, member of the Human Rights Committee": the person the office is in apposition to
            apposed = re.search(r",\s+(?:a\s+|an\s+|the\s+)?$", text[max(s, limit - 8) : limit])
            person = self.ending_at(limit - len(apposed.group()), {m.PERSON}) if apposed else None
            if person is not None:
                return person
            before = [
                mm for mm in self.ordered
                if mm.cls in BODY_CLASSES and s <= mm.span.start and mm.span.end <= limit
                and not self.nested(mm, m.EVENT_CLASSES | {m.INSTRUMENT}) and mm is not org
            ]
            countries = [mm for mm in before if mm.cls == m.COUNTRY and not self.nested(mm, m.ORGANIZATION_CLASSES)]
            if countries:
                return countries[-1]
            others = [mm for mm in before if not self.nested(mm, m.ORGANIZATION_CLASSES)]
            return others[-1] if others else None

        for org in orgs:
            if self.nested(org, m.EVENT_CLASSES | {m.INSTRUMENT}):
                continue
            s, e = self.sentence(org)
            after = cues.member_after_org.match(text[org.span.end : e])
            prefix = text[s : org.span.start]
            of = cues.member_of.search(prefix) or cues.member_verb.search(prefix)
            year = None
            if after:
                year = after.group("year")
            elif of:
                since = re.match(r"^\s+(?:since|in)\s+(?P<year>\d{4})\b", text[org.span.end : e])
                year = since.group("year") if since else None
            if after or of:
                limit = org.span.start - (len(of.group()) if of else 0)
                member = member_before(org, limit)
                if member is not None:
                    self.add(reference(member), "memberOf", reference(org), org.span, literal=year)
            # "France and Belgium as EU mentor countries"
            group = re.match(r"^\s+(?:(?P<modifier>[a-z][\w-]*)\s+)?" + _alternation(self.lex.get("group_nouns") or ()), text[org.span.end : e], re.IGNORECASE)
            not_members = {w.lower() for w in self.lex.get("not_member_modifiers") or ()}
            if group and (group.group("modifier") or "").lower() not in not_members:
                lead = re.search(r"\s+as\s+(?:the\s+)?$", prefix)
                if lead:
                    for country in self.country_list_ending_at(org.span.start - len(lead.group())):
                        self.add(reference(country), "memberOf", reference(org), org.span)
                listed = cues.group_then_list.match(text[org.span.end : e])
                if listed:
                    for country in self.country_list_from(org.span.end + listed.end()):
                        self.add(reference(country), "memberOf", reference(org), org.span)
        # groups such as "participating States" belong to their organisation
        for group_id, org_id in (self.lex.get("group_of") or {}).items():
            group_key, org_key = f"org:{group_id}", f"org:{org_id}"
            if group_key in self.keys_in_doc and org_key in self.keys_in_doc:
                self.add(group_key, "memberOf", org_key)

    # -- places and parts ------------------------------------------------------------------
    def locations(self) -> None:
        text = self.text
        countries_here = {mm.key for mm in self.mentions if mm.cls == m.COUNTRY and mm.key}
        for place in self.ordered:
            # a city the gazetteer places in a country the text names
            iso3 = place.attrs.get("country") if place.cls == m.PLACE or place.cls == m.REGION and not place.key else None
            if iso3 and f"country:{iso3}" in countries_here:
                self.add(reference(place), "locatedIn", f"country:{iso3}", place.span)
        # "Pitesti, Buzau and Dambovita", "in Romania, in Dambovita and Buzau counties": a place the gazetteer cannot
        # place lies in the country of the places listed with it, or of the country it is put after
        places = [p for p in self.ordered if p.cls == m.PLACE and not self.nested(p, m.EVENT_CLASSES | m.ORGANIZATION_CLASSES)]
        placed = {reference(p): p.attrs.get("country") for p in places if p.attrs.get("country")}
        for place in places:
            if reference(place) in placed:
                continue
            for other in self.ordered:
                if other is place or other.cls not in {m.PLACE, m.COUNTRY}:
                    continue
                lo, hi = (other.span.end, place.span.start) if other.span.end <= place.span.start else (place.span.end, other.span.start)
                if hi < lo or not re.fullmatch(r",\s+(?:and\s+|in\s+)?|\s+and\s+", self.text[lo:hi]):
                    continue
                iso3 = placed.get(reference(other)) if other.cls == m.PLACE else (
                    other.key.split(":", 1)[1] if other.key and other.span.end <= place.span.start and "in" in self.text[lo:hi] else None)
                if iso3 and f"country:{iso3}" in countries_here:
                    self.add(reference(place), "locatedIn", f"country:{iso3}", self.span_of(min(lo, place.span.start), max(hi, place.span.end)))
                    placed[reference(place)] = iso3
                    break
        for mm in self.ordered:
            # "OSCE Mission to Moldova", "the American Embassy in Chisinau": a mission sits where it is sent
            if mm.cls not in m.ORGANIZATION_CLASSES:
                continue
            if mm.attrs.get("country_office") and f"country:{mm.attrs['country']}" in countries_here:
                self.add(reference(mm), "locatedIn", f"country:{mm.attrs['country']}", mm.span)  # "IOM Belarus"
                continue
            seat = re.search(r"(?<![\w-])(?:Mission|Office|Centre|Center|Presence|Embassy|Programme Office|Project Co-ordinator|Project Coordinator)\s+(?:to|in)\s+(?:the\s+)?(?P<where>[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*)$", mm.name)
            if not seat:
                continue
            where = seat.group("where")
            target = next((x for x in self.ordered if x.cls in LOCATION_CLASSES and (x.name == where or x.span.text == where)), None)
            if target is None:
                key = self.country_key(where)
                target_ref = key if key in countries_here else None
            else:
                target_ref = reference(target)
            if target_ref:
                self.add(reference(mm), "locatedIn", target_ref, mm.span)
        for place in self.ordered:
            if place.cls != m.PLACE or self.nested(place, m.EVENT_CLASSES | m.ORGANIZATION_CLASSES):
                continue
            # "The Hague, the Netherlands", "Zhanatas city of Ak Zhol": a town before the region or state it lies in
            follow = re.match(r",\s+(?:the\s+)?|[ \t]+(?:city|town|village|municipality)[ \t]+of[ \t]+(?:the[ \t]+)?", text[place.span.end :])
            if not follow and re.search(r"[ \t](?:city|town|village|municipality)$", place.span.text):
                follow = re.match(r"[ \t]+of[ \t]+(?:the[ \t]+)?", text[place.span.end :])
            inside = {m.COUNTRY, m.REGION}
            if place.attrs.get("venue"):
                # "OECD Conference Center, Paris", "the Palais de l’Europe in Strasbourg": a building in its town
                follow = re.match(r",\s+|\s+in\s+", text[place.span.end :])
                inside = inside | {m.PLACE}
            elif not follow:
                # "in Lorvik in North Halland": a town in the wider place named right after it
                follow = re.match(r"[ \t]+in[ \t]+(?:the[ \t]+)?", text[place.span.end :])
                inside = inside | {m.PLACE}
            if follow:
                container = self.starting_at(place.span.end + follow.end(), inside)
                if container is not None and container.name == place.name:
                    container = None
                if container is not None:
                    self.add(reference(place), "locatedIn", reference(container), self.span_of(place.span.start, container.span.end))
        for mm in self.outermost([x for x in self.ordered if x.cls in m.ORGANIZATION_CLASSES | m.EVENT_CLASSES]):
            if self.nested(mm, m.EVENT_CLASSES | {m.INSTRUMENT}):
                continue
            cue = self.cues.located.match(text[mm.span.end : mm.span.end + 40])
            if not cue:
                continue
            where = self.starting_at(mm.span.end + cue.end(), LOCATION_CLASSES)
            if where is None:
                continue
            bare_in = cue.group().strip(" ,").lower().startswith("in") and cue.group().strip(" ,").lower().split()[0] == "in"
            if mm.cls in m.EVENT_CLASSES:
                self.add(reference(mm), "location", reference(where), self.span_of(mm.span.start, where.span.end))
            elif not bare_in or where.cls == m.PLACE:
                self.add(reference(mm), "locatedIn", reference(where), self.span_of(mm.span.start, where.span.end))

        for mm in self.ordered:
            # "Ak Zhol's Department of ...", "Leeds's Safeguarding Board": the body of a province or a town sits there
            if mm.cls not in m.ORGANIZATION_CLASSES:
                continue
            owner = re.search(r"[’']s\s+(?:own\s+)?$", text[max(0, mm.span.start - 8) : mm.span.start])
            place = self.ending_at(mm.span.start - len(owner.group()), {m.PLACE, m.REGION}) if owner else None
            if place is not None:
                self.add(reference(mm), "locatedIn", reference(place), self.span_of(place.span.start, mm.span.end))

    def parts(self) -> None:
        """A known body whose parent is not named here is part of the nearest ancestor that is;
        "<unknown body> of (the) <known body>"; a unit named after its body ("OSCE Centre in
        Bishkek") is part of it; "the Ministry of Interior’s Department for ..." is part of the ministry."""
        for mm in self.ordered:
            parent = mm.attrs.get("part_of")
            if parent and mm.key and parent in self.keys_in_doc:
                self.add(mm.key, "partOf", parent, mm.span)
        countries_here = {mm.key for mm in self.mentions if mm.cls == m.COUNTRY and mm.key}
        for mm in self.ordered:
            if mm.cls != m.GOVERNMENT_BODY or (mm.key or "").startswith("gov:"):
                continue
            iso3 = mm.attrs.get("country")
            if not iso3 and mm.key and self.vocab.entities.get(mm.key):
                iso3 = self.vocab.entities[mm.key].country
            if not iso3:
                iso3 = self.national_country(mm)
            if not iso3:
                continue
            # a public body is part of its country (and, graph.py says, of a government the corpus names)
            if f"country:{iso3}" in self.keys_in_doc:
                self.add(reference(mm), "partOf", f"country:{iso3}", mm.span)
        for mm in self.ordered:
            # "the Criminal Police Committee at the Ministry of Internal Affairs": a unit seated in a ministry
            if mm.cls not in m.ORGANIZATION_CLASSES or mm.key and not mm.key.startswith("govbody:"):
                continue
            at = re.match(r"\s+(?:at|within|under)\s+(?:the\s+)?", self.text[mm.span.end : mm.span.end + 12])
            whole = self.starting_at(mm.span.end + at.end(), {m.GOVERNMENT_BODY}) if at else None
            if whole is not None and re.match(r"(?:Ministry|Department)\b", whole.name):
                self.add(reference(mm), "partOf", reference(whole), self.span_of(mm.span.start, whole.span.end))
        for mm in self.ordered:
            if mm.cls not in m.ORGANIZATION_CLASSES:
                continue
            owner = re.search(r"[’']s\s+$", self.text[max(0, mm.span.start - 3) : mm.span.start])
            if owner:
                whole = self.ending_at(mm.span.start - len(owner.group()), m.ORGANIZATION_CLASSES)
                if whole is not None and whole is not mm:
                    self.add(reference(mm), "partOf", reference(whole), self.span_of(whole.span.start, mm.span.end))
        for mm in self.ordered:
            if not mm.key or mm.cls not in m.ORGANIZATION_CLASSES:
                continue
            known = self.vocab.entities.get(mm.key)
            parent = known.part_of if known else None
            if not parent or parent in self.keys_in_doc:
                continue
            seen = {mm.key}
            while parent and parent not in seen:
                seen.add(parent)
                if parent in self.keys_in_doc:
                    self.add(mm.key, "partOf", parent, mm.span)
                    break
                ancestor = self.vocab.entities.get(parent)
                parent = ancestor.part_of if ancestor else None
        for mm in self.ordered:
            if mm.key or mm.cls not in m.ORGANIZATION_CLASSES:
                continue
            of = re.match(r"\s+of\s+(?:the\s+)?", self.text[mm.span.end :])
            if of:
                whole = self.starting_at(mm.span.end + of.end(), BODY_CLASSES)
                if whole is not None and whole.key:
                    self.add(reference(mm), "partOf", reference(whole), self.span_of(mm.span.start, whole.span.end))

    def finish(self) -> None:
        for ref, (_, date) in sorted(self.event_dates.items()):
            self.add(ref, "date", "", literal=date)
        for ref, expression in sorted(self.relative.items()):
            if ref not in self.event_dates:
                self.add(ref, "relativeDate", "", literal=expression)


def extract_relations(
    document: SourceDocument, parsed: Doc, mentions: list[EntityMention], info: DocumentInfo, vocab: Vocabulary
) -> list[RelationFact]:
    """Relations and event facts stated in one document. May add a meeting to `mentions`
    and set `info.delivered_at`."""
    reader = _Reader(document, parsed, mentions, info, vocab)
    reader.meeting_of_body()
    reader.delivered_at()
    reader.event_facts()
    reader.organizers_and_hosts()
    reader.participants()
    reader.affiliations()
    reader.memberships()
    reader.locations()
    reader.parts()
    reader.finish()
    return reader.facts
