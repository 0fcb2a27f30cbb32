"""Relations carried by titles, "of" phrases and addresses, read after `relations.py`.

With cues from `ontology/lexicon/events_relations.yaml`:

- affiliatedWith from an office the text names with its body elsewhere: "former Special Representative
  X" when the text says "the OSCE Special Representative"; "X, Spokesperson for the Secretary General"
  when it says "Council of Europe Secretary General Y";
- affiliatedWith from "of": "X of England's Crown Prosecution Service";
- locatedIn from a seat: "Interpol, which is based in Lyon", "..., said the organisation, which is
  based in Lyon, France" (the body the noun refers to: the nearest one named before);
- memberOf from a role in a group: "Belarus has been playing a leading role in the Group of Friends ...".
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from tipgraph import model as m
from tipgraph.model import DocumentInfo, EntityMention, reference, RelationFact, SourceDocument, Span
from tipgraph.vocab import Vocabulary

LOCATION_CLASSES = frozenset({m.PLACE, m.COUNTRY, m.REGION})
BODY_OF_PERSON = m.ORGANIZATION_CLASSES | {m.COUNTRY}
POSSESSIVE = r"[’'´`]s"
CAPITALISED_RUN = r"(?:\s+(?:[A-Z][\w’'.-]*|and|of|for|on|in|the|to|against)(?=[\s,.;:)]|$)){1,12}"


def _alternation(words) -> str:
    words = sorted({w for w in words or () if w}, key=lambda w: (-len(w), w))
    return r"(?:" + "|".join(re.escape(w) for w in words) + r")" if words else r"(?!x)x"



def first_lines(text: str, limit: int) -> list[tuple[int, int]]:
    """The offsets of the first `limit` lines of `text` that hold anything, without their outer white space."""
    lines, position = [], 0
    for raw in text.split("\n"):
        start, position = position, position + len(raw) + 1
        if raw.strip():
            lines.append((start + len(raw) - len(raw.lstrip()), start + len(raw.rstrip())))
        if len(lines) >= limit:
            break
    return lines

class _Affiliations:
    def __init__(self, document: SourceDocument, mentions: list[EntityMention], vocab: Vocabulary, facts: list[RelationFact]):
        self.text = document.text
        self.mentions = sorted(mentions, key=lambda mm: (mm.span.start, -mm.span.end))
        self.lex = vocab.lexicon("events_relations")
        self.titles_lex = vocab.lexicon("titles")
        self.affiliated = {f.subject for f in facts if f.predicate == "affiliatedWith"}
        self.seen = {(f.subject, f.predicate, f.object) for f in facts}
        self.facts: list[RelationFact] = []

    def add(self, subject: str, predicate: str, obj: str, span: Span | None = None) -> None:
        if not subject or subject == obj or (subject, predicate, obj) in self.seen:
            return
        self.seen.add((subject, predicate, obj))
        self.facts.append(RelationFact(subject, predicate, obj, span=span))

    def starting_at(self, position: int, classes) -> EntityMention | None:
        found = [mm for mm in self.mentions if mm.span.start == position and mm.cls in classes]
        return max(found, key=lambda mm: mm.span.end) if found else None

    def ending_at(self, position: int, classes) -> EntityMention | None:
        found = [mm for mm in self.mentions if mm.span.end == position and mm.cls in classes]
        return min(found, key=lambda mm: mm.span.start) if found else None

    def office_bodies(self) -> list[tuple[str, EntityMention]]:
        """ "the OSCE Special Representative and Co-ordinator for ...", "Council of Europe Secretary General":
        the capitalised run of title words written after a body, with the body."""
        found = []
        for body in self.mentions:
            if body.cls not in m.ORGANIZATION_CLASSES:
                continue
            run = re.match(CAPITALISED_RUN, self.text[body.span.end : body.span.end + 160])
            if run and run.group().split()[0][:1].isupper():
                found.append((" ".join(run.group().split()), body))
        return found

    def body_of_office(self, office: str, offices: list[tuple[str, EntityMention]]) -> EntityMention | None:
        """The one body the text names with this office ("Special Representative" -> the OSCE)."""
        office = " ".join(office.split())
        if not office or office.lower() in {w.lower() for w in self.lex.get("generic_titles") or ()}:
            return None
        pattern = re.compile(rf"(?<![\w-]){re.escape(office)}(?![\w-])")
        bodies = {reference(body): body for run, body in offices if pattern.search(run)}
        # "the OSCE Secretary General" known as a body of its own
        bodies.update({reference(mm): mm for mm in self.mentions if mm.cls in m.ORGANIZATION_CLASSES
                       and mm.span.text != office and mm.span.text.endswith(" " + office)})
        return next(iter(bodies.values())) if len(bodies) == 1 else None

    # -- rules ------------------------------------------------------------------------
    def titled_people(self) -> None:
        capacity = _alternation(self.lex.get("title_capacity_words"))
        offices = self.office_bodies()
        for person in self.mentions:
            if person.cls != m.PERSON or reference(person) in self.affiliated:
                continue
            title = person.title
            if not title and "title_start" in person.attrs and "name_start" in person.attrs:
                title = self.text[person.attrs["title_start"] : person.attrs["name_start"]]
            body = None
            if title:
                core = re.sub(rf"^(?:{capacity}\s+)+", "", title.strip(), flags=re.IGNORECASE)
                body = self.body_of_office(core, offices)
            if body is None:
                # "X, Spokesperson for the Secretary General": the office the person serves
                serves = re.match(r",\s+(?:[A-Z][\w-]*\s+){1,3}(?:for|of|to)\s+the\s+((?:[A-Z][\w’'-]*\s*){1,4})",
                                  self.text[person.span.end : person.span.end + 120])
                if serves:
                    body = self.body_of_office(serves.group(1), offices)
            if body is not None:
                self.add(reference(person), "affiliatedWith", reference(body), person.span)
                self.affiliated.add(reference(person))

    def appositions(self) -> None:
        """ "The head of International Centre for Migration Policy Development, ICMPD, X", "the Permanent
        Representative of the Holy See to the OSCE, Monsignor X": the body an office before the name is
        "of"; "the OSCE Special Representative and Acting Co-ordinator for ..., X": the body that opens it;
        "X, Anti-Slavery International Press Officer": the body before an office after the name."""
        offices = _alternation(list(self.titles_lex.get("offices") or ()) + list(self.lex.get("office_heads") or ()))
        bodies = BODY_OF_PERSON
        for person in self.mentions:
            if person.cls != m.PERSON or reference(person) in self.affiliated:
                continue
            start = person.attrs.get("title_start", person.span.start)
            # brackets blanked: "the Organization for Security and Cooperation in Europe (OSCE), Monsignor X"
            before = re.sub(r"\([^()\n]{0,40}\)", lambda b: " " * len(b.group()), self.text[max(0, start - 200) : start])
            before = re.sub(r",\s+[A-Z]{2,8},\s*$", lambda b: " " * (len(b.group()) - 2) + ", ", before)  # ", ICMPD,"
            comma = re.search(r",\s*$", before)
            body = None
            if comma:
                end = len(before) - len(comma.group())
                clause_start = max(before.rfind(c, 0, end) for c in (".", ";", "\n", ":", "“", '"', ",")) + 1
                segment_start = start - len(before) + clause_start
                segment_end = start - len(before) + end
                segment = self.text[segment_start:segment_end]
                office = re.search(r"(?<![\w-])" + offices + r"(?![\w-])", segment, re.IGNORECASE)
                if office:
                    for link in re.compile(r"\s+(?:of|to)\s+(?:the\s+)?").finditer(segment, office.end()):
                        body = self.starting_at(segment_start + link.end(), bodies)
                        if body is not None:
                            break
                    if body is None:
                        # "the OSCE Special Representative and Acting Co-ordinator for ...": the body opening the office
                        for opener in self.mentions:
                            if segment_start <= opener.span.start and opener.span.end < segment_end and opener.cls in m.ORGANIZATION_CLASSES \
                                    and opener.span.start < segment_start + office.start() \
                                    and re.fullmatch(CAPITALISED_RUN + r"\s*", self.text[opener.span.end : segment_end]) \
                                    and re.search(r"(?:^|\s)(?:[Tt]he|[Ii]ts|[Tt]heir)\s+$|^\s*$", self.text[segment_start : opener.span.start]):
                                body = opener
                                break
            if body is None:
                after = re.match(r",\s+(?:the\s+)?", self.text[person.span.end : person.span.end + 8])
                if after:
                    position = person.span.end + after.end()
                    following = self.starting_at(position, m.ORGANIZATION_CLASSES)
                    if following is not None and re.match(r"\s+" + offices + r"(?![\w-])", self.text[following.span.end : following.span.end + 60], re.IGNORECASE):
                        body = following
            if body is not None:
                self.add(reference(person), "affiliatedWith", reference(body), person.span)
                self.affiliated.add(reference(person))

    def of_phrases(self) -> None:
        """ "X of England's Crown Prosecution Service", "X of the Y": a person's body."""
        for person in self.mentions:
            if person.cls != m.PERSON or reference(person) in self.affiliated:
                continue
            of = re.match(r"\s+of\s+(?:the\s+)?", self.text[person.span.end : person.span.end + 8])
            if not of:
                continue
            position = person.span.end + of.end()
            owner = self.starting_at(position, LOCATION_CLASSES)
            owner_end = owner.span.end if owner is not None else position
            if owner is None:
                word = re.match(r"[A-Z][\w-]+(?=" + POSSESSIVE + r"\s)", self.text[position : position + 40])
                owner_end = position + word.end() if word else position
            possessive = re.match(POSSESSIVE + r"\s+(?:the\s+)?", self.text[owner_end : owner_end + 8])
            if owner is not None and not possessive:
                continue
            if possessive:
                position = owner_end + possessive.end()
            body = self.starting_at(position, m.ORGANIZATION_CLASSES)
            if body is not None:
                self.add(reference(person), "affiliatedWith", reference(body), Span(person.span.start, body.span.end,
                                                                                     self.text[person.span.start : body.span.end]))
                self.affiliated.add(reference(person))

    def seats(self) -> None:
        cues = _alternation(self.lex.get("seat_cues"))
        nouns = _alternation(self.lex.get("body_nouns"))
        for match in re.finditer(r",?\s+(?:which|that|who)\s+(?:is|was|are|were)\s+" + cues + r"\s+(?:[Tt]he\s+)?", self.text):
            place = self.starting_at(match.end(), LOCATION_CLASSES)
            if place is None:
                continue
            body = self.ending_at(match.start(), m.ORGANIZATION_CLASSES)
            if body is None:
                noun = re.search(r"\b(?:the|The)\s+" + nouns + r"$", self.text[max(0, match.start() - 30) : match.start()])
                if not noun:
                    continue
                before = [mm for mm in self.mentions if mm.cls in m.ORGANIZATION_CLASSES and mm.span.end <= match.start() - len(noun.group())]
                # the body the story reports ("Interpol said ..."), else the last one named
                sources = [mm for mm in before if self.reported(mm)]
                body = (sources or before or [None])[-1]
            if body is not None:
                self.add(reference(body), "locatedIn", reference(place), place.span)

    def described_seats(self) -> None:
        """ "Nedan Foundation, a Kokrajhar based NGO", "the Georgian NGO, People's Harmonious Development Society": a
        body described as a kind of body of a place or of a country's people is located there."""
        nouns = _alternation(self.lex.get("described_body_nouns"))
        for place in self.mentions:
            if place.cls not in LOCATION_CLASSES:
                continue
            kind = re.match(r"(?:[- ]based)?\s+" + nouns + r"(?![\w-])", self.text[place.span.end : place.span.end + 40], re.IGNORECASE)
            if not kind:
                continue
            body = None
            before = re.search(r",\s+(?:a|an|the)\s+$", self.text[max(0, place.span.start - 8) : place.span.start])
            if before:
                body = self.ending_at(place.span.start - len(before.group()), m.ORGANIZATION_CLASSES)
            if body is None:
                after = re.match(r",\s+(?:the\s+)?", self.text[place.span.end + kind.end() : place.span.end + kind.end() + 8])
                led = re.search(r"(?:^|\s)(?:a|an|the|The|A|An)\s+$", self.text[max(0, place.span.start - 5) : place.span.start])
                if after and led:
                    body = self.starting_at(place.span.end + kind.end() + after.end(), m.ORGANIZATION_CLASSES)
            if body is not None and body.cls != m.GOVERNMENT_BODY:
                start, end = min(body.span.start, place.span.start), max(body.span.end, place.span.end)
                self.add(reference(body), "locatedIn", reference(place), Span(start, end, self.text[start:end]))

    def reported(self, mention: EntityMention) -> bool:
        verbs = _alternation(self.lex.get("reporting_verbs"))
        return bool(re.match(r"\s+" + verbs + r"\b", self.text[mention.span.end : mention.span.end + 20])
                    or re.search(r"\b" + verbs + r"\s+(?:the\s+)?$", self.text[max(0, mention.span.start - 20) : mention.span.start]))

    def roles(self) -> None:
        cues = _alternation(self.lex.get("membership_role_cues"))
        for country in self.mentions:
            if country.cls not in {m.COUNTRY} | m.ORGANIZATION_CLASSES:
                continue
            role = re.match(r"\s+(?:also\s+|now\s+)?" + cues + r"\s+(?:the\s+)?", self.text[country.span.end : country.span.end + 60])
            if not role:
                continue
            group = self.starting_at(country.span.end + role.end(), m.ORGANIZATION_CLASSES)
            if group is not None:
                self.add(reference(country), "memberOf", reference(group), Span(country.span.start, group.span.end,
                                                                                 self.text[country.span.start : group.span.end]))


    def letterhead_addresses(self, lines: int = 8) -> None:
        """ "Council of Europe Office in Georgia / 26, Kakabadzeebi Brothers street, 0108 Tbilisi, Georgia":
        a letterhead body is where the postal address under it says."""
        header = first_lines(self.text, lines)
        for (body_start, body_end), (start, end) in zip(header, header[1:]):
            body = self.starting_at(body_start, m.ORGANIZATION_CLASSES)
            if body is None or body.span.end < body_end - 1 or not re.search(r"\d", self.text[start:end]):
                continue
            places = [mm for mm in self.mentions if start <= mm.span.start < end and mm.cls == m.PLACE]
            if places:
                self.add(reference(body), "locatedIn", reference(places[-1]), places[-1].span)

    def speaker_office(self, info: DocumentInfo) -> None:
        """ "... one of my key priorities as the Executive Director of UNODC": the speaker's own office."""
        if info.genre not in {"Speech", "Statement"} or not info.speaker:
            return
        speaker = next((mm for mm in self.mentions if mm.cls == m.PERSON and mm.name == info.speaker), None)
        if speaker is None or reference(speaker) in self.affiliated:
            return
        for match in re.finditer(r"\b(?:my|I)\b[^.;!?\n]{0,80}?\bas\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,4}(?:of|at|for)\s+(?:the\s+)?", self.text):
            body = self.starting_at(match.end(), m.ORGANIZATION_CLASSES)
            if body is not None:
                self.add(reference(speaker), "affiliatedWith", reference(body), Span(match.start(), body.span.end,
                                                                                      self.text[match.start() : body.span.end]))
                self.affiliated.add(reference(speaker))
                return


    def portfolios(self) -> None:
        """ "Interior Minister X", "Minister of the Interior X", "X, Deputy Gender Minister," where the text names
        the Interior Ministry (or the Ministry of the Interior, the Gender Ministry): a minister heads the ministry
        of their portfolio; "X, ombudsman of Latvia" where it names the Ombudsman's Office: the office of the one
        who holds it."""
        ministries = [mm for mm in self.mentions if mm.cls == m.GOVERNMENT_BODY and re.search(r"\bMinistry\b", mm.name)]
        holders = {}
        for mm in self.mentions:
            if mm.cls not in m.ORGANIZATION_CLASSES:
                continue
            name = " ".join(mm.name.replace("’", "'").split()).lower()
            held = re.fullmatch(r"(?:the\s+)?(.+?)'s office|office of (?:the\s+)?(.+)", name)
            if held:
                holders.setdefault(held.group(1) or held.group(2), {})[reference(mm)] = mm
        modifiers = {"and", "deputy", "vice", "first", "acting", "state", "junior", "assistant"}
        for person in self.mentions:
            if person.cls != m.PERSON or any(
                    s == reference(person) and p == "affiliatedWith" and not o.startswith("country:") for s, p, o in self.seen):
                continue
            offices = [person.title or ""]
            apposed = re.match(r",\s+(?:the\s+)?([^,;:()\n.!?“”\"]{2,80}?)(?=\s*(?:[,;:)\n.!?]|$))",
                               self.text[person.span.end : person.span.end + 100])
            if apposed:
                offices.append(apposed.group(1))
            bodies = {}
            for office in offices:
                minister = re.search(r"(?:^|\s)Minister(?:\s+(?:of|for)\s+(?:the\s+)?(?P<field>[A-Z][\w’' -]*?))?(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*)?$", office)
                if minister:
                    # "Deputy Foreign Minister of Kazakhstan": the portfolio before the office, the state after it
                    before = re.findall(r"[A-Z][\w-]+", office[: minister.start()])
                    before = [w.lower() for w in before if w.lower() not in modifiers]
                    field = (minister.group("field") or "").strip()
                    if any(mm.cls == m.COUNTRY and mm.span.text == field for mm in self.mentions):
                        field = ""  # "Minister of Kazakhstan": the state, no portfolio
                    words = before or [w.lower() for w in field.split() if w.lower() not in modifiers]
                    bodies.update({reference(mm): mm for mm in ministries
                                   if words and all(re.search(rf"(?i)\b{re.escape(w)}", mm.name) for w in words)})
                    continue
                # "ombudsman of Latvia", "prosecutor general of Estonia": the office, less what it is of, longest first
                whole = re.sub(r"^(?:(?:" + "|".join(sorted(modifiers)) + r")\s+)+", "", " ".join(office.split()).lower())
                cuts = [whole] + [whole[: link.start()] for link in reversed(list(re.finditer(r"\s+(?:of|for|in|to)\s+", whole)))]
                held = next((holders[core] for core in cuts if core in holders), {})
                bodies.update(held)
            if len(bodies) == 1:
                body = next(iter(bodies.values()))
                self.add(reference(person), "affiliatedWith", reference(body), person.span)

    def reported_by_office(self) -> None:
        """ "Minister X declared ... . A concerted effort could help, said the Head of the Federal
        Department of Y": an office reporting words in place of the person named just before holds it."""
        offices = _alternation(list(self.titles_lex.get("offices") or ()))
        pattern = re.compile(rf"\b(?:said|says|added|stated|noted|explained|declared|stressed)\s+the\s+(?:[A-Z][\w-]*\s+){{0,2}}"
                             rf"{offices}\s+(?:of|at|for)\s+(?:the\s+)?")
        for match in pattern.finditer(self.text):
            body = self.starting_at(match.end(), m.ORGANIZATION_CLASSES)
            paragraph = self.text.rfind("\n\n", 0, match.start()) + 1
            people = [mm for mm in self.mentions if mm.cls == m.PERSON and paragraph <= mm.span.start < match.start()]
            if body is None or not people:
                continue
            person = people[-1]
            self.add(reference(person), "affiliatedWith", reference(body), Span(match.start(), body.span.end, self.text[match.start() : body.span.end]))

    def credits(self) -> None:
        """ "Credit: Reuters/Kevin Lamarque", "(AFP/Jane Doe)": a photo credit joins the photographer
        and the agency with a slash."""
        for body in self.mentions:
            if body.cls not in m.ORGANIZATION_CLASSES:
                continue
            after = self.starting_at(body.span.end + 1, {m.PERSON}) if self.text[body.span.end : body.span.end + 1] == "/" else None
            before = self.ending_at(body.span.start - 1, {m.PERSON}) if self.text[body.span.start - 1 : body.span.start] == "/" else None
            for person in (after, before):
                if person is not None:
                    start, end = min(body.span.start, person.span.start), max(body.span.end, person.span.end)
                    self.add(reference(person), "affiliatedWith", reference(body), Span(start, end, self.text[start:end]))

    def states_of_national_bodies(self, facts: list[RelationFact]) -> None:
        """ "Ambassador Paul Reed" of the "United States Mission to the OSCE", an officer of a national police: one
        who serves a body that is part of a state (its mission, ministry, police) serves that state."""
        every = list(facts) + self.facts
        states: dict[str, set[str]] = {}
        for fact in every:
            if fact.predicate == "partOf" and fact.object.startswith("country:"):
                states.setdefault(fact.subject, set()).add(fact.object)
        for fact in every:
            if fact.predicate == "affiliatedWith" and fact.subject.startswith("Person:") and len(states.get(fact.object, ())) == 1:
                self.add(fact.subject, "affiliatedWith", next(iter(states[fact.object])), fact.span)

    def speaker_country(self, info: DocumentInfo) -> None:
        """ "UK statement to the OSCE", "Statement by the Delegation of Chile at ...": the country a
        statement's title says it is made for is its speaker's."""
        if info.genre not in {"Speech", "Statement"} or not info.speaker or not info.title:
            return
        speaker = next((mm for mm in self.mentions if mm.cls == m.PERSON and mm.name == info.speaker), None)
        title_start = self.text.find(info.title)
        if speaker is None or title_start < 0:
            return
        if any(subject == reference(speaker) and predicate == "affiliatedWith" and obj.startswith("country:")
               for subject, predicate, obj in self.seen):
            return
        genre_words = r"(?:statement|intervention|remarks|speech|address|delegation)"
        for country in self.mentions:
            if country.cls != m.COUNTRY or not (title_start <= country.span.start < title_start + len(info.title)):
                continue
            before = self.text[title_start : country.span.start]
            after = self.text[country.span.end : title_start + len(info.title)]
            if re.match(rf"(?:[’']s)?\s+{genre_words}\b", after, re.IGNORECASE) or re.search(
                    rf"(?i)\b{genre_words}\s+(?:by|of|from)\s+(?:the\s+)?(?:(?:delegation|government|mission)\s+of\s+(?:the\s+)?)?$", before):
                self.add(reference(speaker), "affiliatedWith", reference(country), country.span)
                return


    def header_body_line(self, info: DocumentInfo, lines: int = 6) -> None:
        """ "European Commission / Cecilia X / EU Commissioner for Home Affairs": a speech's header line that is
        a body's name alone, just above the line that names the speaker, is the speaker's body."""
        if info.genre not in {"Speech", "Statement"} or not info.speaker:
            return
        speaker = next((mm for mm in self.mentions if mm.cls == m.PERSON and mm.name == info.speaker), None)
        if speaker is None or any(s == reference(speaker) and p == "affiliatedWith" for s, p, _ in self.seen):
            return
        header = first_lines(self.text, lines)
        for (body_start, body_end), (start, end) in zip(header, header[1:]):
            if not (start <= speaker.span.start < end):
                continue
            body = self.starting_at(body_start, m.ORGANIZATION_CLASSES)
            if body is not None and body.span.end >= body_end - 1 and self.text[start:end].strip(" ,") == speaker.span.text:
                self.add(reference(speaker), "affiliatedWith", reference(body), speaker.span)
            return

    def speaking_country_memberships(self, parsed: Doc, info: DocumentInfo) -> None:
        """ "Being part of the OSCE Group of Friends on ..., we must point out", "As a member of the Group, we ...":
        the group the speaking country says "we" belong to."""
        if info.genre not in {"Speech", "Statement"}:
            return
        country = speaking_country(self.text, parsed, self.mentions, self.lex)
        if country is None:
            return
        pattern = re.compile(r"\b(?:[Bb]eing|[Aa]s)\s+(?:a\s+|an\s+)?(?:(?:founding|active|full)\s+)?(?:part|member|members)\s+of\s+(?:the\s+)?")
        for match in pattern.finditer(self.text):
            group = self.starting_at(match.end(), m.ORGANIZATION_CLASSES)
            if group is not None and re.match(r"\s*,\s+we\b", self.text[group.span.end : group.span.end + 8]):
                self.add(country, "memberOf", reference(group), Span(match.start(), group.span.end, self.text[match.start() : group.span.end]))

    def country_in_title(self) -> None:
        """ "Deputy Foreign Minister of Kazakhstan Roman X", "Head of the Delegation of the Holy See": the
        country a person's own title names with "of"."""
        for person in self.mentions:
            if person.cls != m.PERSON or self._has_country(person):
                continue
            start = person.attrs.get("title_start", person.span.start)
            end = person.attrs.get("name_start", person.span.start)
            if end <= start:
                continue
            for country in self.mentions:
                if country.cls == m.COUNTRY and start < country.span.start and country.span.end <= end \
                        and re.search(r"\bof\s+(?:the\s+)?$", self.text[start : country.span.start]) \
                        and not re.search(r"\bto\s+(?:the\s+)?$", self.text[start : country.span.start]):
                    self.add(reference(person), "affiliatedWith", reference(country), person.span)
                    break

    def _has_country(self, person: EntityMention) -> bool:
        return any(s == reference(person) and p == "affiliatedWith" and o.startswith("country:") for s, p, o in self.seen)

    def speaking_country(self, parsed: Doc, info: DocumentInfo) -> None:
        """ "Italy welcomes this meeting": the speaker of a statement speaks for the country of its stance verbs."""
        if info.genre not in {"Speech", "Statement"} or not info.speaker:
            return
        speaker = next((mm for mm in self.mentions if mm.cls == m.PERSON and mm.name == info.speaker), None)
        if speaker is None or any(s == reference(speaker) and p == "affiliatedWith" for s, p, _ in self.seen):
            return
        country = speaking_country(self.text, parsed, self.mentions, self.lex)
        if country is not None:
            self.add(reference(speaker), "affiliatedWith", country, speaker.span)


def speaking_country(text: str, parsed: Doc, mentions: list[EntityMention], lex: dict) -> str | None:
    """ "Italy welcomes this meeting", "Norway is a firm supporter of ...", "the Holy See would like to highlight":
    in a statement, the country that is most often the subject of stance verbs in the present is the one
    that speaks (not "Moldova adopted a strategy", a state reported on)."""
    verbs = set(lex.get("speaking_country_verbs") or ())
    counts: dict[str, int] = {}
    for country in mentions:
        if country.cls != m.COUNTRY or any(o is not country and o.cls != m.COUNTRY and o.span.start <= country.span.start
                                           and country.span.end <= o.span.end for o in mentions):
            continue
        span = parsed.char_span(country.span.start, country.span.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        if head.dep_ != "nsubj" or head.head.lemma_.lower() not in verbs:
            continue
        verb = head.head
        if verb.morph.get("Tense") == ["Past"] and not any(c.dep_ == "aux" for c in verb.children):
            continue
        if re.search(r"[“\"]", text[verb.sent.start_char : country.span.start]):
            continue  # words quoted from another
        counts[reference(country)] = counts.get(reference(country), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def extract_affiliations(document: SourceDocument, parsed: Doc, mentions: list[EntityMention], info: DocumentInfo,
                         vocab: Vocabulary, facts: list[RelationFact]) -> list[RelationFact]:
    """Relations from titles, "of" phrases, seats and roles that `facts` does not state yet."""
    reader = _Affiliations(document, mentions, vocab, facts)
    reader.titled_people()
    reader.appositions()
    reader.of_phrases()
    reader.seats()
    reader.described_seats()
    reader.roles()
    reader.letterhead_addresses()
    reader.speaker_office(info)
    reader.speaker_country(info)
    reader.header_body_line(info)
    reader.speaking_country_memberships(parsed, info)
    reader.country_in_title()
    reader.speaking_country(parsed, info)
    reader.credits()
    reader.portfolios()
    reader.reported_by_office()
    reader.states_of_national_bodies(facts)
    return reader.facts
