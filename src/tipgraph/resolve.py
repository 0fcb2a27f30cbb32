"""Resolution: one entity per real-world thing across the whole corpus.

Mentions a gazetteer or rule already identified (a key such as
"country:ALB") group by key. People group by surname: "Kim" and
"Ambassador Kim" join the one full name with that surname ("Yuri Kim"),
in the same document first, else in the corpus. Events group when their
names share most of their words (across documents, names of more than three
words, or equal ones); in one document also when every word of one name is in
the other, or an extractor said they are one occasion. Everything else groups by class and
normalised name, and an acronym joins its expansion.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tipgraph import model as m
from tipgraph.model import EntityMention, Extraction
from tipgraph.namespaces import iri_segment, key_slug, slug
from tipgraph.vocab import Vocabulary

STOPWORDS = {"the", "of", "on", "in", "to", "for", "and", "against", "a", "an", "at", "by", "with"}


@dataclass
class Entity:
    local_id: str  # the part of the IRI after tipid:, e.g. "country/ALB"
    cls: str
    label: str
    alt_labels: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    qid: str | None = None
    iso3: str | None = None
    key: str | None = None
    mentions: list[tuple[str, EntityMention]] = field(default_factory=list)  # (doc_id, mention)
    attrs: dict = field(default_factory=dict)

    @property
    def documents(self) -> list[str]:
        return sorted({doc_id for doc_id, _ in self.mentions})


_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the ")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = _SPACES.sub(" ", text).strip()
    return _LEADING_THE.sub("", text)


def _content_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[\w]+", fold(name)) if w not in STOPWORDS}


def _unaccented(text: str) -> str:
    """ "María" as "Maria": English texts write the same person's name with and without its accents."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _person_parts(name: str) -> tuple[str, str | None]:
    """(surname, first name or None) with middle initials and accents ignored."""
    words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.?", w)]
    if not words:
        words = name.split()
    surname = _unaccented(fold(words[-1]))
    first = _unaccented(fold(words[0])) if len(words) > 1 else None
    return surname, first


class Resolver:
    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        self.entities: dict[str, Entity] = {}
        # (doc_id, start, end, cls) -> entity local_id
        self.by_mention: dict[tuple[str, int, int, str], str] = {}
        # (doc_id, folded name) -> local_ids, for references from claims and relations
        self.by_doc_name: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.by_key: dict[str, str] = {}

    # -- identities ---------------------------------------------------------
    def _local_id_for_key(self, key: str, mention: EntityMention) -> str:
        """"country:ALB" -> country/ALB, "org:OSCE" -> org/OSCE; governments, their bodies
        and missions are organisations too."""
        kind, _, rest = key.partition(":")
        if kind == "gov":
            return f"org/government-{rest}"
        if kind == "govbody":
            iso3, _, name = rest.partition(":")
            return f"org/{slug(name)}-{iso3}"
        if kind in {"mission", "unit"}:
            return f"org/{slug(mention.name)}"
        return f"{kind}/{key_slug(rest)}"

    def _new(self, local_id: str, cls: str, label: str) -> Entity:
        base, n = local_id, 2
        while local_id in self.entities and self.entities[local_id].cls != cls:
            local_id = f"{base}-{n}"
            n += 1
        if local_id not in self.entities:
            self.entities[local_id] = Entity(local_id=local_id, cls=cls, label=label)
        return self.entities[local_id]

    def _attach(self, entity: Entity, doc_id: str, mention: EntityMention) -> None:
        entity.mentions.append((doc_id, mention))
        self.by_mention[(doc_id, mention.span.start, mention.span.end, mention.cls)] = entity.local_id
        for name in (mention.name, surface_name(mention)):
            if name:
                named = self.by_doc_name[(doc_id, fold(name))]
                if entity.local_id not in named:
                    named.append(entity.local_id)
        if mention.title:
            entity.titles.add(mention.title)

    # -- the passes -----------------------------------------------------------
    def resolve(self, extractions: list[Extraction]) -> None:
        unkeyed: dict[str, list[tuple[str, EntityMention]]] = defaultdict(list)
        for ex in extractions:
            doc_id = ex.document.doc_id
            for mention in ex.mentions:
                if mention.key:
                    self._resolve_keyed(doc_id, mention)
                else:
                    unkeyed[_family(mention.cls)].append((doc_id, mention))
        self._surnames_are_people(unkeyed)
        self._resolve_people(unkeyed.pop("Person", []))
        self._resolve_events(unkeyed.pop("Event", []))
        for family in sorted(unkeyed):
            self._resolve_by_name(unkeyed[family])
        for entity in self.entities.values():
            self._finish(entity)

    def _resolve_keyed(self, doc_id: str, mention: EntityMention) -> None:
        known = self.vocab.entities.get(mention.key)
        local_id = self.by_key.get(mention.key) or self._local_id_for_key(mention.key, mention)
        label = known.name if known else mention.name
        entity = self._new(local_id, known.cls if known else mention.cls, label)
        self.by_key[mention.key] = entity.local_id
        entity.key = mention.key
        if known:
            entity.qid = known.qid
            entity.iso3 = known.iso3
        for k, v in mention.attrs.items():
            if k in {"country", "to"}:
                entity.attrs[k] = v
        self._attach(entity, doc_id, mention)

    @staticmethod
    def _surnames_are_people(unkeyed: dict[str, list[tuple[str, EntityMention]]]) -> None:
        """ "Mecacci told reporters": a one-word organisation or place that is the surname of a
        person named in the same document is that person."""
        surnames = {
            (doc_id, _person_parts(mention.name)[0])
            for doc_id, mention in unkeyed.get("Person", [])
            if len(mention.name.split()) > 1
        }
        for family in ("Organization", "Place"):
            keep = []
            for doc_id, mention in unkeyed.get(family, []):
                if len(mention.name.split()) == 1 and (doc_id, _unaccented(fold(mention.name))) in surnames:
                    mention.cls = m.PERSON
                    unkeyed.setdefault("Person", []).append((doc_id, mention))
                else:
                    keep.append((doc_id, mention))
            if family in unkeyed:
                unkeyed[family] = keep

    def _resolve_people(self, mentions: list[tuple[str, EntityMention]]) -> None:
        full: dict[tuple[str, str], list[tuple[str, EntityMention]]] = defaultdict(list)
        short: list[tuple[str, EntityMention]] = []
        for doc_id, mention in mentions:
            surname, first = _person_parts(mention.name)
            if first is None:
                short.append((doc_id, mention))
            else:
                full[(surname, first)].append((doc_id, mention))
        group_entity: dict[tuple[str, str], Entity] = {}
        for person_key in sorted(full):
            group = full[person_key]
            names = Counter(m_.name for _, m_ in group)
            label = sorted(names, key=lambda n: (-len(n.split()), -names[n], n))[0]
            entity = self._new(f"person/{slug(label)}", m.PERSON, label)
            group_entity[person_key] = entity
            for doc_id, mention in group:
                self._attach(entity, doc_id, mention)
        by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for surname, first in group_entity:
            by_surname[surname].append((surname, first))
        documents_of = {person_key: {d for d, _ in group} for person_key, group in full.items()}
        for doc_id, mention in short:
            surname, _ = _person_parts(mention.name)
            options = by_surname.get(surname, [])
            in_doc = [k for k in options if doc_id in documents_of[k]]
            chosen = in_doc[0] if len(in_doc) == 1 else (options[0] if len(options) == 1 else None)
            if chosen is not None:
                self._attach(group_entity[chosen], doc_id, mention)
                continue
            scope = doc_id if len(options) > 1 else "corpus"
            local_id = f"person/{slug(mention.name)}" + (f"-{iri_segment(doc_id)}" if scope != "corpus" else "")
            entity = self._new(local_id, m.PERSON, mention.name)
            self._attach(entity, doc_id, mention)

    def _resolve_events(self, mentions: list[tuple[str, EntityMention]]) -> None:
        groups: list[tuple[set[str], list[tuple[str, EntityMention]]]] = []
        # Indexes, so a mention is compared with the groups that can take it and not with every
        # group of the corpus (same groups, in the same order): the groups holding a member of a
        # document, the documents of each group, the groups whose words include a word.
        in_doc: dict[str, list[int]] = defaultdict(list)
        docs_of: list[set[str]] = []
        with_word: dict[str, set[int]] = defaultdict(set)
        members_in: dict[tuple[int, str], list[EntityMention]] = defaultdict(list)  # a group's, of a document
        # the groups of each word set: a name of fewer than four words joins a group of other
        # documents only when the words are the same (below), so it is compared with those alone
        with_words: dict[frozenset[str], set[int]] = defaultdict(set)

        def join(index: int, doc_id: str, mention: EntityMention, words: set[str]) -> None:
            groups[index][1].append((doc_id, mention))
            with_words[frozenset(groups[index][0])].discard(index)
            groups[index][0].update(words)
            with_words[frozenset(groups[index][0])].add(index)
            members_in[(index, doc_id)].append(mention)
            if doc_id not in docs_of[index]:
                docs_of[index].add(doc_id)
                in_doc[doc_id].append(index)
            for word in words:
                with_word[word].add(index)

        for doc_id, mention in mentions:
            words = _content_words(mention.name)
            joined = next((i for i in sorted(in_doc.get(doc_id, ()))
                           if any(_same_occasion(mention, other) for other in members_in[(i, doc_id)])), None)
            if joined is not None:
                join(joined, doc_id, mention, words)
                continue
            # a group sharing no word with the name cannot reach the overlap below
            if len(words) < 4:  # the others' groups that the tests below let through: the same words
                in_this = [i for i in in_doc.get(doc_id, ()) if any(i in with_word.get(w, ()) for w in words)]
                candidates = set(in_this) | (with_words.get(frozenset(words), set()) if len(words) >= 2 else set())
            else:
                candidates = {i for word in words for i in with_word.get(word, ())}
            for index in sorted(candidates):
                group_words, members = groups[index]
                elsewhere_only = doc_id not in docs_of[index]
                # "a two-day workshop": a described event is one of its own document's occasions
                described = mention.attrs.get("described") or members[0][1].attrs.get("described")
                if described and (elsewhere_only or len(docs_of[index]) > 1):
                    continue
                # "Conference on Human Trafficking" in one text and "Human Trafficking London Conference" in
                # another: names of three words say too little to be one event across documents
                if elsewhere_only and words != group_words and min(len(words), len(group_words)) < 4:
                    continue
                # "the conference" in two texts: a bare event noun names no one occasion across documents
                if elsewhere_only and min(len(words), len(group_words)) < 2:
                    continue
                overlap = len(words & group_words) / max(1, len(words | group_words))
                if overlap >= 0.7 and _family(members[0][1].cls) == _family(mention.cls):
                    join(index, doc_id, mention, words)
                    break
            else:
                groups.append((set(words), [(doc_id, mention)]))
                members_in[(len(groups) - 1, doc_id)].append(mention)
                docs_of.append({doc_id})
                in_doc[doc_id].append(len(groups) - 1)
                with_words[frozenset(words)].add(len(groups) - 1)
                for word in words:
                    with_word[word].add(len(groups) - 1)
        for _, members in groups:
            label = members[0][1].name
            classes = Counter(m_.cls for _, m_ in members)
            cls = sorted(classes, key=lambda c: (-classes[c], c))[0]
            entity = self._new(f"event/{slug(label)}", cls, label)
            for doc_id, mention in members:
                self._attach(entity, doc_id, mention)

    def _resolve_by_name(self, mentions: list[tuple[str, EntityMention]]) -> None:
        groups: dict[str, list[tuple[str, EntityMention]]] = defaultdict(list)
        alias: dict[str, str] = {}
        for doc_id, mention in mentions:
            if mention.attrs.get("expansion"):
                alias[fold(mention.name)] = fold(mention.attrs["expansion"])
            if mention.attrs.get("acronym") and mention.cls in m.ORGANIZATION_CLASSES:
                # "State Border Protection Agency (SBPA)": a bare SBPA elsewhere is that agency
                alias.setdefault(fold(mention.attrs["acronym"]), fold(mention.name))
        # within one document a body named by the tail of a longer name is that body
        # ("Prosecutor’s Office" after "the General Prosecutor’s Office")
        longer: dict[str, set[str]] = defaultdict(set)
        for doc_id, mention in mentions:
            if mention.cls in m.ORGANIZATION_CLASSES:
                longer[doc_id].add(_canonical_body(mention.name))
        for doc_id, mention in mentions:
            name = _canonical_body(mention.name) if mention.cls in m.ORGANIZATION_CLASSES else fold(mention.name)
            if mention.cls in m.ORGANIZATION_CLASSES and len(name.split()) >= 2:
                fuller = sorted(n for n in longer[doc_id] if n != name and n.endswith(" " + name)
                                and not set(n[: -len(name)].split()) & STOPWORDS)
                if len(fuller) == 1:
                    name = fuller[0]
            groups[alias.get(name, name)].append((doc_id, mention))
        prefixes = {"Place": "place", "Region": "region", "Instrument": "instrument"}
        for name in sorted(groups):
            members = groups[name]
            classes = Counter(m_.cls for _, m_ in members)
            cls = sorted(classes, key=lambda c: (-classes[c], c != m.ORGANIZATION and 0 or 1, c))[0]
            names = Counter(m_.name for _, m_ in members)
            # "Steppewire" as the text writes it in a sentence, not "STEPPEWIRE" of a capitals dateline
            label = sorted(names, key=lambda n: (-len(n), n.isupper(), -names[n], n))[0]
            prefix = prefixes.get(cls, "org" if cls in m.ORGANIZATION_CLASSES else "entity")
            entity = self._new(f"{prefix}/{slug(label)}", cls, label)
            for doc_id, mention in members:
                self._attach(entity, doc_id, mention)

    def _finish(self, entity: Entity) -> None:
        known = self.vocab.entities.get(entity.key) if entity.key else None
        for _, mention in entity.mentions:
            for name in (mention.name, surface_name(mention), *mention.attrs.get("aliases", ())):
                if name:
                    entity.alt_labels.add(name)
            if mention.title:
                entity.alt_labels.add(f"{mention.title} {mention.name}")
        if known:
            # every name the gazetteer knows, so queries by any of them find the entity
            entity.alt_labels.update(known.case_sensitive_names)
            entity.alt_labels.update(known.case_insensitive_names)
        entity.alt_labels.discard(entity.label)

    # -- references from claims, relations and metadata ------------------------
    def lookup(self, reference: str | None, doc_id: str) -> Entity | None:
        """An entity for a key ("org:OSCE"), a "Class:name" reference or a bare name."""
        if not reference:
            return None
        if reference in self.by_key:
            return self.entities[self.by_key[reference]]
        cls = reference.split(":", 1)[0] if ":" in reference and reference.split(":", 1)[0] in m.ENTITY_CLASSES else None
        name = reference.split(":", 1)[1] if cls else reference
        local_ids = self.by_doc_name.get((doc_id, fold(name))) or []
        same_family = [i for i in local_ids if cls is None or _family(self.entities[i].cls) == _family(cls)]
        if same_family or (local_ids and cls is None):
            return self.entities[(same_family or local_ids)[0]]
        if ":" in reference and reference.split(":", 1)[0] in m.ENTITY_CLASSES:
            surname, _ = _person_parts(name)
            candidates = [
                e for e in self.entities.values()
                if e.cls == m.PERSON and _person_parts(e.label)[0] == surname and doc_id in e.documents
            ]
            if len(candidates) == 1:
                return candidates[0]
        return None

    def entity_of(self, doc_id: str, mention: EntityMention) -> Entity | None:
        local_id = self.by_mention.get((doc_id, mention.span.start, mention.span.end, mention.cls))
        return self.entities.get(local_id) if local_id else None


def surface_name(mention: EntityMention) -> str:
    """The anchor text as a name: no leading article, no possessive, one line."""
    text = " ".join(mention.span.text.split())
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return re.sub(r"[\u2019']s$", "", text).strip()


def _canonical_body(name: str) -> str:
    """ "Health Ministry" and "Ministry of Health" fold to one name."""
    from tipgraph.extract.entities import canonical_body_name

    return fold(canonical_body_name(name))


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth")


def _same_occasion(a: EntityMention, b: EntityMention) -> bool:
    """Two event mentions of one document that are one occasion: an extractor said so (`same_as`), or every
    word of one name is in the other ("Seminar on Human Rights" and "15th ASEM Seminar on Human Rights")."""
    if _family(a.cls) != _family(b.cls):
        return False
    if a.name == b.name or a.attrs.get("same_as") == b.name or b.attrs.get("same_as") == a.name:
        return True
    if a.attrs.get("described") or b.attrs.get("described"):
        return False
    names_a, names_b = (a.name, *a.attrs.get("aliases", ())), (b.name, *b.attrs.get("aliases", ()))
    for x in names_a:
        for y in names_b:
            # "Community Outreach Event for the 2019 World Day ...": an event for (or of) another occasion
            if re.search(rf"\b(?:for|of|to\s+mark|marking)\s+(?:the\s+)?{re.escape(fold(y))}\b", fold(x)) or \
                    re.search(rf"\b(?:for|of|to\s+mark|marking)\s+(?:the\s+)?{re.escape(fold(x))}\b", fold(y)):
                return False
    def words(name: str) -> set[str]:
        return {w for w in _content_words(name) if not _ORDINAL.fullmatch(w)}
    return any(len(words(x)) >= 3 and len(words(y)) >= 3 and (words(x) <= words(y) or words(y) <= words(x))
               for x in names_a for y in names_b)


def _family(cls: str) -> str:
    if cls in m.EVENT_CLASSES:
        return "Event"
    if cls in m.ORGANIZATION_CLASSES:
        return "Organization"
    return cls


def _date_precision(value: str) -> int:
    return value.count("-")


def _dates_agree(a: str, b: str) -> bool:
    """ "2013", "2013-12" and "2013-12-19" agree; "2013-12-19" and "2013-12-20" do not."""
    return a.startswith(b) or b.startswith(a)


def reconcile_event_dates(resolver: Resolver, extractions: list[Extraction]) -> None:
    """One tip:date per event (the shapes allow one). When documents name the same event with
    dates that agree ("2017-12" and "2017-12-14"), the most precise one stands; when they
    disagree, the earliest stated date (documents in corpus order, then text order) stands and
    the others are dropped."""
    stated: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for order, ex in enumerate(extractions):
        for index, fact in enumerate(ex.relations):
            if fact.predicate != "date" or fact.literal is None:
                continue
            entity = resolver.lookup(fact.subject, ex.document.doc_id)
            if entity is not None and entity.cls in m.EVENT_CLASSES:
                stated[entity.local_id].append((order, index, fact.literal))
    keep: dict[str, str] = {}
    for local_id, dates in stated.items():
        dates.sort()
        first = dates[0][2]
        agreeing = [d for _, _, d in dates if _dates_agree(d, first)]
        if all(_dates_agree(d, first) for _, _, d in dates):
            keep[local_id] = max(agreeing, key=lambda d: (_date_precision(d), d))
        else:
            keep[local_id] = first
    stated_once: set[str] = set()
    for ex in extractions:
        kept = []
        for fact in ex.relations:
            if fact.predicate == "date" and fact.literal is not None:
                entity = resolver.lookup(fact.subject, ex.document.doc_id)
                if entity is not None and entity.local_id in keep:
                    if fact.literal != keep[entity.local_id] or entity.local_id in stated_once:
                        continue
                    stated_once.add(entity.local_id)
            kept.append(fact)
        ex.relations[:] = kept


def resolve(extractions: list[Extraction], vocab: Vocabulary) -> Resolver:
    resolver = Resolver(vocab)
    resolver.resolve(extractions)
    reconcile_event_dates(resolver, extractions)
    return resolver
