"""Who a document names as its speaker or its author, from header lines and credit lines."""
from __future__ import annotations

import re
from dataclasses import dataclass

from tipgraph import model as m
from tipgraph.model import EntityMention, Span
from tipgraph.extract.metadata.header import Line
from tipgraph.extract.patterns import compiled, word_pattern

_TOKEN = re.compile(r"[^\s,;|()]+")


@dataclass
class Named:
    """A person or body a header line names: a mention when the entity stage found one."""

    name: str
    span: Span | None = None  # set when no mention covers the name
    mention: EntityMention | None = None
    cls: str = m.PERSON
    how: str = ""
    publishing: bool = False  # named by a publishing line ("From Ministry of Defence"), not a writer's byline


class NameReader:
    """Reads person names written without an entity mention, in bylines and speaker lines."""

    def __init__(self, lexicon: dict, titles: dict, noise: dict):
        self.not_names = {w.lower() for w in noise.get("not_person_words") or ()}
        self.particles = {p.lower() for p in lexicon.get("name_particles") or ()}
        self.joiners = {j.lower() for j in lexicon.get("name_joiners") or ()}
        self.org_words = set(lexicon.get("organization_byline_words") or ())
        self.anonymous = {w.lower() for w in lexicon.get("anonymous_bylines") or ()}
        self.connectors = set(lexicon.get("name_connectors") or ())
        title_words: set[str] = set()
        for key in ("before_name", "after_name", "offices", "vocative_only"):
            for title in titles.get(key) or ():
                title_words.update(w.lower().strip(",.") for w in str(title).split())
        self.title_words = title_words
        self.titles = sorted({str(t) for t in titles.get("before_name") or ()}, key=lambda t: (-len(t), t))
        self.after = sorted({str(t) for t in titles.get("after_name") or ()}, key=lambda t: (-len(t), t))
        self.honorifics = sorted(lexicon.get("name_honorifics") or (), key=lambda t: (-len(t), t))

    def honorific_length(self, text: str) -> int:
        """Length of an honorific opening `text` ("The Rt Hon "), 0 if none."""
        return next((len(h) + 1 for h in self.honorifics if text.startswith(h + " ")), 0)

    def is_name_token(self, token: str) -> bool:
        word = token.strip(".,")
        if not word or not word[0].isupper() or any(ch.isdigit() for ch in word):
            return False
        if word.lower() in self.title_words or word.lower() in self.not_names or word in self.org_words:
            return False
        letters = [ch for ch in word if ch.isalpha()]
        # an acronym is a body, not a name; an initial ("R.") is part of one
        return not (len(letters) > 1 and all(ch.isupper() for ch in letters))

    def person_name(self, text: str) -> tuple[int, int] | None:
        """The (start, end) of a personal name making up `text` after titles, else None."""
        start, end = 0, len(text.rstrip(" .,;"))
        changed = True
        while changed:
            changed = False
            for title in self.titles:
                if text[start:].lower().startswith(title.lower() + " "):
                    start += len(title) + 1
                    changed = True
                    break
        for post in self.after:
            if text[start:end].endswith(" " + post):
                end -= len(post) + 1
        tokens = text[start:end].split()
        if all(t.isupper() for t in tokens if any(ch.isalpha() for ch in t)):
            tokens = [t.title() for t in tokens]  # "By JOHN SMITH"
        if not 2 <= len(tokens) <= 4:
            return None
        if not self.is_name_token(tokens[0]) or not self.is_name_token(tokens[-1]):
            return None
        if not all(self.is_name_token(t) or t.lower() in self.particles for t in tokens):
            return None
        return start, end

    def titled_names(self, text: str) -> list[str]:
        """Names written after a title ("Ambassador Owen Holland"), in text order."""
        found = []
        for title in self.titles:
            if title not in text:
                continue
            for match in compiled(rf"(?<![\w-]){re.escape(title)}\s+").finditer(text):
                tokens = text[match.end() :].split()[:4]
                while tokens and not self.is_name_token(tokens[-1].rstrip(".,;:")):
                    tokens.pop()
                for size in range(len(tokens), 1, -1):
                    candidate = " ".join(tokens[:size]).rstrip(".,;:")
                    if self.person_name(candidate) == (0, len(candidate)):
                        found.append((match.end(), candidate))
                        break
        return [name for _, name in sorted(found)]

    def body_name(self, text: str) -> tuple[int, int] | None:
        """(start, end) of an organisation's name making up `text` ("the Nordic Group of Friends ..."), else None."""
        start = 4 if text.lower().startswith("the ") else 0
        words = text[start:].split()
        if not 2 <= len(words) <= 12 or not words[0][:1].isupper() or not words[-1][:1].isupper():
            return None
        if not all(w[:1].isupper() or w in self.connectors for w in words):
            return None
        return start, start + len(text[start:].rstrip())

    def names_list(self, text: str) -> list[tuple[int, int]] | None:
        """Spans of the names in a line made only of names ("A B and C D", "A B, C D"), else None."""
        pieces = []
        position = 0
        for part in re.split(r"(\s*,\s*|\s+(?:and|&)\s+)", text):
            if part and not re.fullmatch(r"\s*,\s*|\s+(?:and|&)\s+", part):
                found = self.person_name(part)
                if found is None:
                    return None
                pieces.append((position + found[0], position + found[1]))
            position += len(part)
        return pieces or None

    def organization(self, text: str) -> bool:
        return any(w in text and word_pattern(w).search(text) for w in self.org_words)


def _office_only(name: str, reader: NameReader) -> bool:
    """ "Deputy Secretary General": a "person" made only of office words is an office, not a name."""
    return all(w.lower().strip(",.") in reader.title_words for w in name.split())


def as_label(name: str) -> str:
    """ "JOHN SMITH" is labelled "John Smith"; an acronym ("GNA") stays one."""
    if name.isupper() and " " not in name.strip() and len(name.strip()) <= 4:
        return name
    return name.title() if name.isupper() else name


def mentions_in(mentions: list[EntityMention], start: int, end: int, classes) -> list[EntityMention]:
    return [mm for mm in mentions if mm.cls in classes and start <= mm.span.start < end]


def fullest(person: EntityMention, people: list[EntityMention]) -> EntityMention:
    """ "Wiśniewski" in the header is the "Tomasz K. Wiśniewski" of the lede."""
    if len(person.name.split()) > 1:
        return person
    longer = [p for p in people if p.name.split()[-1:] == person.name.split() and len(p.name.split()) > 1]
    return max(longer, key=lambda p: (len(p.name), -p.span.start)) if longer else person


def _absolute(text: str, line: Line, fragment: str, offset: int) -> int:
    found = text.find(fragment, line.start, line.end + 1)
    return found if found >= 0 else line.start + offset


def _name_after_office(who: str, reader: NameReader) -> str | None:
    """ "the Zonal Commander of the National Agency ..., Lagos Zonal Command, Jane Roe": a speaker line that opens
    with an office and its body and names the holder last, after a comma."""
    pieces = [p.strip() for p in re.split(r"\s*,\s*", who.strip(" .:;")) if p.strip()]
    if len(pieces) < 2 or reader.person_name(pieces[0]) is not None:
        return None
    # the office's head noun, the last word before any "of" ("Zonal Commander of ..."), is a title's
    office = re.split(r"\s+(?i:of)\s+", pieces[0], maxsplit=1)[0].split()
    if not office or office[-1].lower().strip(".,") not in reader.title_words:
        return None
    last = pieces[-1]
    found = reader.person_name(last)
    if found != (0, len(last)) or reader.organization(last):
        return None
    return last


def find_speaker(text: str, front: list[Line], mentions: list[EntityMention], lexicon: dict,
                 reader: NameReader, *, key: str = "speaker_patterns") -> tuple[Named | None, Named | None]:
    """(speaker, body the statement is by) from "Statement by ..." lines or a name line under the title;
    with another `key`, from the lines its patterns read and nothing else."""
    people = [mm for mm in mentions if mm.cls == m.PERSON]
    breaks = [b.lower() for b in lexicon.get("speaker_line_breaks") or ()]
    for line in front:
        for pattern in lexicon.get(key) or ():
            match = re.search(pattern, line.text)
            if not match:
                continue
            who = match.group("who")
            lowered = who.lower()
            cut = min([lowered.find(b) for b in breaks if lowered.find(b) > 0] + [len(who)])
            who = who[:cut]
            start = _absolute(text, line, who, match.start("who"))
            end = start + len(who)
            persons = mentions_in(mentions, start, end, {m.PERSON})
            # "Speech of the Minister of Foreign Affairs, Mr. X": a one-word "person" read from an office is no name
            persons = [p for p in persons if len(p.name.split()) >= 2] or persons
            head = re.split(r",|;| \(", who)[0]
            found = reader.person_name(head)
            at = text.find(head[found[0] : found[1]], start, end + 1) if found else -1
            # "Speech by Ilse van der Berg-Lindqvist, Deputy Secretary General of ...": the name before the office
            # speaks, whatever unknown body the entity stage took it for or whatever part of it it found, and not
            # the office after it
            partial = [p for p in persons if at >= 0 and at <= p.span.start and p.span.end <= at + found[1] - found[0]
                       and p.span.end - p.span.start < found[1] - found[0]]
            if at >= 0 and (all(_office_only(p.name, reader) for p in persons) or (persons and partial == persons[:1])):
                head_bodies = mentions_in(mentions, start, start + len(head), m.ORGANIZATION_CLASSES)
                if not reader.organization(head) and all(b.cls == m.ORGANIZATION for b in head_bodies):
                    name = head[found[0] : found[1]]
                    return Named(as_label(name), span=Span(at, at + len(name), name),
                                 how="header line, name read from its words before the office"), None
            if persons:
                return Named(fullest(persons[0], people).name, mention=persons[0], how=f"header line {match.group(0)[:40]!r}"), None
            named_last = _name_after_office(who, reader)
            if named_last is not None:
                at = text.find(named_last, start, end + 1)
                if at >= 0:
                    return Named(as_label(named_last), span=Span(at, at + len(named_last), named_last),
                                 how="header line, the name after the office"), None
            bodies = mentions_in(mentions, start, min(end, start + 6), m.ORGANIZATION_CLASSES)
            whole = reader.body_name(re.split(r",|;| \(", who)[0])
            if whole is not None:
                name_start = start + whole[0]
                name = text[name_start : start + whole[1]]
                covering = [b for b in bodies if b.span.start == name_start and b.span.end >= name_start + len(name)]
                if bodies and not covering:
                    # the entity stage split the name ("Nordic Group" | "Friends of Victims ..."): the line names it whole
                    return None, Named(name, span=Span(name_start, name_start + len(name), name), cls=m.ORGANIZATION,
                                       how="statement by a body named whole in the header")
            if bodies:
                return None, Named(bodies[0].name, mention=bodies[0], cls=bodies[0].cls, how="statement by a body")
            found = reader.person_name(head)
            if found:
                name = head[found[0] : found[1]]
                at = text.find(name, start, end + 1)
                if at >= 0:
                    return Named(as_label(name), span=Span(at, at + len(name), name), how="header line, name read from its words"), None
            # "Remarks of the Deputy Secretary-General at ...": a speaker named only by office
            office = re.sub(r"^(?:the|The)\s+", "", head.strip())
            if office[:1].isupper() and all(w.lower() in reader.title_words for w in office.split()):
                at = text.find(office, start, end + 1)
                if at >= 0:
                    return Named(office, span=Span(at, at + len(office), office), how="header line naming an office"), None
    if key != "speaker_patterns":
        return None, None
    timed = _timed_contribution(text, front, reader)
    if timed is not None:
        return timed, None
    # a name alone on its line over a line of office words ("Helena Marsh" / "Executive Secretary"),
    # whatever class the entity stage gave the name
    for index, line in enumerate(front[:-1]):
        office_line = front[index + 1]
        name = line.text.strip(" *_#")
        if line.prose or office_line.prose or reader.organization(name) or reader.person_name(name) != (0, len(name)):
            continue
        office = [w.lower().strip(",.") for w in re.split(r"[\s/]+", office_line.text) if w.strip(",.")]
        if office and 2 * sum(w in reader.title_words for w in office) >= len(office):
            at = text.find(name, line.start, line.end + 1)
            if at >= 0:
                persons = [p for p in mentions_in(mentions, at, at + len(name), {m.PERSON}) if p.span.start == at]
                if persons:
                    return Named(fullest(persons[0], people).name, mention=persons[0], how="name line over an office line"), None
                return Named(as_label(name), span=Span(at, at + len(name), name), how="name line over an office line"), None
    # a line with one person and their office: "IOM Director General, Paulo Mendes", "Greg Vines, ILO ..."
    for index, line in enumerate(front):
        # a line ending in a comma greets someone ("Dear Minister Petrova,"): the addressee, not the speaker
        if line.prose or len(line.text.split()) > 14 or line.text.rstrip().endswith((".", "?", "!", ",")):
            continue
        persons = mentions_in(mentions, line.start, line.end, {m.PERSON})
        if len({p.name for p in persons}) != 1:
            continue
        if index == 0 and len(front) > 1 and re.search(r"\b(?:said|says|calls?|urges?|tells?)\b", line.text):
            continue  # a headline reporting what someone said
        before = [w.strip(",.;:") for w in line.text[: persons[0].span.start - line.start].split()]
        if not all(not w or w[:1].isupper() or w in reader.connectors for w in before):
            continue  # "Remarks in honour of X": X is spoken of, not speaking
        whole = reader.person_name(line.text)
        if whole == (0, len(line.text)) and persons[0].span.end - persons[0].span.start < len(line.text):
            # the entity stage found part of the name ("Kuusela-Nieminen" of "Tarja Kuusela-Nieminen")
            return Named(as_label(line.text), span=Span(line.start, line.start + len(line.text), line.text),
                         how="name line in the header, read whole"), None
        return Named(fullest(persons[0], people).name, mention=persons[0], how="name line in the header"), None
    # a signature closing the text: its last line is one person's name
    last = text.rstrip()
    line_start = last.rfind("\n") + 1
    if len(last[line_start:].split()) <= 5:
        persons = mentions_in(mentions, line_start, len(last), {m.PERSON})
        if len(persons) == 1 and persons[0].span.text.strip() == last[line_start:].strip(" *_"):
            return Named(fullest(persons[0], people).name, mention=persons[0], how="signature line"), None
    # the same line when no mention was found: "Maria Lopez, Director of the Regional Office"
    for line in front:
        if line.prose or len(line.text.split()) > 14 or ", " not in line.text:
            continue
        head, office = line.text.split(", ", 1)
        # "Maria Lopez, Director of ..." or, name last, "Executive Director, UN Office ..., Ghada Waly:"
        office_first, tail = line.text.rstrip(" :").rsplit(", ", 1)
        for name_part, office_part in ((head, office), (tail, office_first)):
            found = reader.person_name(name_part)
            if found and any(w.lower().strip(".,") in reader.title_words for w in office_part.split()):
                name = name_part[found[0] : found[1]]
                at = text.find(name, line.start, line.end + 1)
                if at >= 0:
                    return Named(as_label(name), span=Span(at, at + len(name), name), how="name and office line"), None
    # a line that is only a name under the title ("The Rt Hon Jane Roe"), the entity stage having missed it
    for line in front[1:]:
        skip = reader.honorific_length(line.text)
        bare = line.text[skip:]
        found = None if line.prose else reader.person_name(bare)
        if found and found == (0, len(bare)):
            at = line.start + line.text.find(bare)
            return Named(as_label(bare), span=Span(at, at + len(bare), bare),
                         how="name line in the header, read from its words"), None
    # a title and a name the entity stage missed: "Ambassador Owen Holland says ...", "... and Minister Jo Park"
    for line in front:
        if len(line.text.split()) > 16:
            continue
        for name in reader.titled_names(line.text):
            before = [w.strip(",.;:") for w in line.text[: line.text.find(name)].split()]
            if not all(not w or w[:1].isupper() or w in reader.connectors for w in before):
                continue  # "Remarks in honour of Sister X": X is spoken of, not speaking
            at = text.find(name, line.start, line.end + 1)
            if at >= 0:
                return Named(as_label(name), span=Span(at, at + len(name), name), how="title and name in a header line"), None
    # a transcript: "MS TRUMP: Good afternoon ..." opens the body; the label without its titles is the speaker
    label_pattern = lexicon.get("transcript_label")
    start = front[-1].end + 1 if front else 0
    opening = text[start:].lstrip()
    label = re.match(label_pattern, opening) if label_pattern else None
    if label:
        words = label.group("label").split()
        names = [w for w in words if w.lower().strip(".") not in reader.title_words]
        if names and len(names) <= 3:
            name = " ".join(names)
            at = text.find(name, start)
            if at >= 0:
                return Named(as_label(name), span=Span(at, at + len(name), name), how="transcript speaker label"), None
    return None, None


# a debate record's contribution line: "Photo of Lord Jane Roe Lord Jane Roe DUP 11:45 am, 9th December 2014",
# "Ms Ann Lee (Labour) 3.15 pm"
_TIME_STAMP = re.compile(r"\s+\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)(?![\w])", re.IGNORECASE)
_PICTURE_OF = re.compile(r"^(?:photo|picture|image|portrait)\s+of\s+", re.IGNORECASE)


def _timed_contribution(text: str, front: list[Line], reader: NameReader) -> Named | None:
    """The member whose contribution a debate record heads with their name, party and the time they rose;
    the name may be printed twice (a picture's caption and the label) and the party follows it."""
    for line in front:
        stamp = _TIME_STAMP.search(line.text)
        if line.prose or not stamp:
            continue
        head = line.text[: stamp.start()]
        head = head[_PICTURE_OF.match(head).end():] if _PICTURE_OF.match(head) else head
        head = re.sub(r"\s*\([^)]{1,40}\)$", "", head)  # "(Labour)"
        tokens = head.split()
        while tokens and len(tokens) > 2 and re.fullmatch(r"[A-Z]{2,6}", tokens[-1]):
            tokens.pop()  # the party's acronym
        half = len(tokens) // 2
        if len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]:
            tokens = tokens[:half]
        name = " ".join(tokens)
        found = reader.person_name(name)
        if not found:
            continue
        bare = name[found[0] : found[1]]
        at = text.find(bare, line.start, line.end + 1)
        if at >= 0:
            return Named(as_label(bare), span=Span(at, at + len(bare), bare), how="a debate record's timed contribution line")
    return None


def find_author(text: str, front: list[Line], mentions: list[EntityMention], lexicon: dict,
                reader: NameReader, loose: bool) -> tuple[Named | None, EntityMention | Named | None]:
    """(author, outlet) a byline or a credit line names.

    `loose`: also read bylines with no "By" (a line of names under the headline,
    "X in Abuja"), which only a reporting text has.
    """
    people = [mm for mm in mentions if mm.cls == m.PERSON]
    for index, line in enumerate(front):
        if line.prose:
            continue
        for pattern in lexicon.get("author_patterns") or ():
            match = re.match(pattern, line.text)
            if match:
                named = _byline_name(text, line, match.group("name"), match.start("name"), mentions, people, reader)
                if named:
                    named.how = f"byline {line.text[:40]!r}"
                    named.publishing = re.match(r"(?i)^\W*from\b", line.text) is not None
                    rest = match.groupdict().get("rest")
                    # "By JANE ROE, AFP": an agency's acronym after the writer's name (not "MP", an office)
                    agency = re.search(r",\s*(?P<acronym>[A-Z]{2,6})$", match.group("name"))
                    if not rest and agency and agency.group("acronym").lower() not in reader.title_words:
                        rest = agency.group("acronym")
                    return named, _outlet_in(text, line, rest, mentions, reader)
        if index == 0 or not loose:
            continue  # the headline
        placed = re.match(r"^(?P<name>.+?)\s+in\s+(?P<place>[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2})$", line.text)
        if placed and len(line.text.split()) <= 8:
            named = _byline_name(text, line, placed.group("name"), 0, mentions, people, reader, person_only=True)
            if named:
                named.how = f"byline with dateline place {line.text[:40]!r}"
                return named, None
        comma = line.text.split(", ", 1)
        if len(comma) == 2 and len(line.text.split()) <= 10:
            rest_start = _absolute(text, line, comma[1], len(comma[0]) + 2)
            outlets = [b for b in mentions_in(mentions, rest_start, line.end, {m.MEDIA_ORGANIZATION})
                       if b.span.start == rest_start]
            if outlets:
                named = _byline_name(text, line, comma[0], 0, mentions, people, reader, person_only=True)
                if named:
                    named.how = f"byline with the outlet {line.text[:40]!r}"
                    return named, outlets[0]
            # "Jane Doe, Senior Correspondent"
            role = {w.lower() for w in re.findall(r"[^\W\d_]+", comma[1])}
            if role & reader.anonymous and len(comma[1].split()) <= 4:
                named = _byline_name(text, line, comma[0], 0, mentions, people, reader, person_only=True)
                if named:
                    named.how = f"byline with the writer's role {line.text[:40]!r}"
                    return named, None
        if len(line.text.split()) <= 10 and reader.names_list(line.text):
            first = reader.names_list(line.text)[0]
            named = _byline_name(text, line, line.text[first[0] : first[1]], first[0], mentions, people, reader,
                                 person_only=True)
            if named:
                named.how = f"names under the headline {line.text[:40]!r}"
                return named, None
    tail_start = max(0, len(text) - 1500)
    windows = [(tail_start, pattern) for pattern in lexicon.get("credit_patterns") or ()]
    if loose:
        # the writer named at the end of the story's first sentence: "..., ahead of the summit, writes Jane Roe."
        windows += [(0, pattern) for pattern in lexicon.get("lede_writer_patterns") or ()]
    for window_start, pattern in windows:
        window = text[tail_start:] if window_start else text[:1500]
        for match in re.finditer(pattern, window):
            start = window_start + match.start("name")
            name = re.sub(r"\s+in\s+[A-Z].*$", "", match.group("name").strip())  # "X in Kyiv"
            persons = mentions_in(mentions, start, start + len(name), {m.PERSON})
            if persons:
                return Named(persons[0].name, mention=persons[0], how="credit line"), None
            found = reader.person_name(name)
            if found:
                name = name[found[0] : found[1]]
                start = text.find(name, start)
                return Named(as_label(name), span=Span(start, start + len(name), name), how="credit line, name read from its words"), None
    return None, None


def _outlet_in(text: str, line: Line, rest: str | None, mentions: list[EntityMention],
               reader: NameReader) -> EntityMention | Named | None:
    """The body named after the byline's name ("by X | handle | Thomson Reuters Foundation", "By X/Outlet",
    "By X – Outlet:"), read from its words when no entity was found there."""
    if not rest:
        return None
    start = _absolute(text, line, rest, 0)
    bodies = mentions_in(mentions, start, start + len(rest), m.ORGANIZATION_CLASSES)
    if bodies:
        return max(bodies, key=lambda b: (len(b.span.text), -b.span.start))
    # the last part after a bar is the outlet; a handle before it ("KieranG77") is no name
    name = re.split(r"\s*\|\s*", rest.strip(" :"))[-1].strip(" :")
    tokens = name.split()
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", name)}
    if (not 1 <= len(tokens) <= 4 or not all(t[:1].isupper() for t in tokens) or any(ch.isdigit() for ch in name)
            or words & reader.anonymous or mentions_in(mentions, start, start + len(rest), {m.PERSON})):
        return None
    at = text.find(name, start, line.end + 1)
    if at < 0:
        return None
    return Named(name, span=Span(at, at + len(name), name), cls=m.MEDIA_ORGANIZATION, how="outlet in the byline")


def _byline_name(text: str, line: Line, name: str, offset: int, mentions: list[EntityMention],
                 people: list[EntityMention], reader: NameReader, person_only: bool = False) -> Named | None:
    name = re.split(r"\s*[|,;]\s*|\s+(?:and|&)\s+", name.strip())[0].strip()
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", name)]
    if not name or any(w in reader.anonymous for w in words if w not in {"our", "the", "a", "an"}):
        return None
    start = _absolute(text, line, name, offset)
    end = start + len(name)
    persons = mentions_in(mentions, start, end, {m.PERSON})
    if persons and persons[0].span.end <= end + 1:
        return Named(fullest(persons[0], people).name, mention=persons[0])
    bodies = [b for b in mentions_in(mentions, start, end, m.ORGANIZATION_CLASSES) if b.span.end <= end + 1]
    whole = reader.person_name(name)
    if (bodies and all(b.cls == m.ORGANIZATION for b in bodies) and whole == (0, len(name.rstrip(" .,;")))
            and not reader.organization(name)):
        # "By Adebola Adegoke": a byline that reads as a personal name is a writer, whatever unknown
        # body the entity stage took it for (a known body has a finer class than Organization)
        bodies = []
    if bodies and bodies[0].span.start > start:
        before = text[start : bodies[0].span.start].strip(" ,")
        found = reader.person_name(before)
        if found:
            clean = before[found[0] : found[1]]
            at = text.find(clean, start, end + 1)
            return Named(as_label(clean), span=Span(at, at + len(clean), clean))
    if bodies and not person_only:
        return Named(bodies[0].name, mention=bodies[0], cls=bodies[0].cls)
    if reader.organization(name):
        if person_only:
            return None
        return Named(name, span=Span(start, end, name), cls=m.ORGANIZATION)
    found = reader.person_name(name)
    if found is None:
        return None
    clean = name[found[0] : found[1]]
    at = text.find(clean, start, end + 1)
    return Named(as_label(clean), span=Span(at, at + len(clean), clean))


def further_authors(text: str, front: list[Line], first: Named, mentions: list[EntityMention],
                    reader: NameReader) -> list[Named]:
    """The other names of a byline that names several ("X and Y", "By X, Y and Z")."""
    at = first.span.start if first.span is not None else first.mention.span.start if first.mention else -1
    line = next((ln for ln in front if ln.start <= at <= ln.end), None)
    if line is None:
        return []
    people = [mm for mm in mentions if mm.cls == m.PERSON]
    rest = line.text[at - line.start :]
    rest = re.split(r"\s*(?:\||/|[–—]|\s-\s)\s*", rest)[0]  # "| handle | Outlet", "/Outlet", "– Outlet"
    pieces = re.split(r"\s*,\s*|\s+(?:and|&)\s+", rest)[1:]
    found = []
    offset = at - line.start
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        position = line.text.find(piece, offset)
        offset = max(offset, position)
        named = _byline_name(text, line, piece, max(position, 0), mentions, people, reader, person_only=True)
        if named is None or named.name == first.name:
            break  # "X, Reuters": the list of names has ended
        found.append(named)
    return found


def photo_credit_outlet(text: str, front: list[Line], authors: list[str]) -> Named | None:
    """ "Pimuk Rakkanam/BenarNews" under a byline that names the photographer: the authors' outlet."""
    for line in front:
        match = re.fullmatch(r"(?P<name>[^/\n]{3,60}?)\s*/\s*(?P<outlet>[A-Z][\w.-]+(?:\s[A-Z][\w.-]+){0,3})", line.text)
        if match and match.group("name").strip() in authors:
            outlet = match.group("outlet")
            at = text.find(outlet, line.start + match.start("outlet"), line.end + 1)
            if at >= 0:
                return Named(outlet, span=Span(at, at + len(outlet), outlet), cls=m.MEDIA_ORGANIZATION,
                             how="photo credit of a byline's author")
    return None


def dateline_outlet(text: str, start: int, pattern: re.Pattern, reader: NameReader) -> Named | None:
    """ "WASHINGTON (NewsNation) —": the outlet in the brackets of the dateline opening the story."""
    match = pattern.search(text, start, start + 400)
    if not match:
        return None
    inner = re.search(r"\(([^)\n]+)\)", match.group(0))
    name = inner.group(1).strip() if inner else ""
    tokens = name.split()
    if not 1 <= len(tokens) <= 4 or not all(t[:1].isupper() for t in tokens) or any(ch.isdigit() for ch in name):
        return None
    at = match.start() + inner.start(1)
    return Named(name, span=Span(at, at + len(name), name), cls=m.MEDIA_ORGANIZATION, how="outlet dateline")
