"""The graph stage: resolved entities and extractions become RDF triples."""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from tipgraph import model as m
from tipgraph.corpus.sidecar import calendar_date
from tipgraph.model import ClaimRecord, EntityMention, Extraction
from tipgraph.namespaces import DCTERMS, PROV, TIP, TIPID, WD, Minted, Terms, iri_segment, slug
from tipgraph.resolve import Entity, Resolver

# every triple names some of these: each term made once (namespaces.Terms, namespaces.Minted)
DCTERMS, OWL, PROV, RDF, RDFS, SKOS, TIP, WD, XSD = map(Terms, (DCTERMS, OWL, PROV, RDF, RDFS, SKOS, TIP, WD, XSD))
TIPID = Minted(TIPID)

RELATION_PROPERTIES = {
    "affiliatedWith", "partOf", "memberOf", "locatedIn", "organizer", "host", "participant",
    "location", "speaker", "author", "publisher", "deliveredAt", "citesSource",
}


@functools.lru_cache(maxsize=65_536)
def _offset(value: int) -> Literal:
    """A character offset as a literal (xsd:integer): the same few thousand numbers in every document."""
    return Literal(value)


def entity_iri(entity: Entity) -> URIRef:
    return TIPID[entity.local_id]


def document_iri(doc_id: str) -> URIRef:
    return TIPID[f"doc/{iri_segment(doc_id)}"]


def mention_iri(doc_id: str, start: int, end: int, local_id: str) -> URIRef:
    # a local id is "<kind>/<slug>" and a slug holds no "/", so "-" for its first "/" stays injective
    return TIPID[f"mention/{iri_segment(doc_id)}/{start}-{end}-{local_id.replace('/', '-', 1)}"]


def date_literal(value: str) -> Literal | None:
    """xsd:date, xsd:gYearMonth or xsd:gYear for a day, month or year of the calendar;
    None for one that is not ("2017-02-31"), which is never typed as a date."""
    for pattern, datatype in ((r"\d{4}-\d{2}-\d{2}", XSD.date), (r"\d{4}-\d{2}", XSD.gYearMonth), (r"\d{4}", XSD.gYear)):
        if re.fullmatch(pattern, value):
            return Literal(value, datatype=datatype) if calendar_date(value) else None
    return Literal(value)


class RuleNames:
    """IRIs for the rules that read a claim: tipid:rule/<rule> for the rule, tipid:rule/<rule>/<words> for the
    rule as it fired on the words of one or more claims (one tip:evidence each). Words whose slugs collide
    anywhere in the corpus get a digest of their exact text, so the names do not depend on document order."""

    def __init__(self, extractions: list[Extraction]):
        pairs = sorted({
            (rule, evidence)
            for ex in extractions for claim in ex.claims
            for rule, evidence in ((claim.class_rule, claim.class_evidence), (claim.claimant_rule, claim.claimant_evidence))
            if rule and evidence
        })
        by_slug: dict[tuple[str, str], list[str]] = {}
        for rule, evidence in pairs:
            # cut the words, not their slug: a cut slug can end inside a percent escape
            by_slug.setdefault((rule, slug(evidence[:60])), []).append(evidence)
        self._local: dict[tuple[str, str], str] = {}
        for (rule, words), evidences in by_slug.items():
            for evidence in evidences:
                name = words if len(evidences) == 1 else f"{words}-{hashlib.sha1(evidence.encode('utf-8')).hexdigest()[:8]}"
                self._local[(rule, evidence)] = f"rule/{iri_segment(rule)}/{name}"

    @staticmethod
    def rule(rule: str) -> URIRef:
        return TIPID[f"rule/{iri_segment(rule)}"]

    def fired(self, rule: str, evidence: str | None) -> URIRef:
        return TIPID[self._local[(rule, evidence)]] if evidence else self.rule(rule)


@dataclass
class GraphBuilder:
    resolver: Resolver
    graph: Graph  # or anything with .add(triple): the shards collect triples in lists
    rules: RuleNames | None = None
    _rules_described: set = field(default_factory=set)
    # one object per distinct term: a long document's graph repeats its document, predicate
    # and entity IRIs in every triple, and rdflib keeps each object it is given (a third less memory)
    terms: dict = field(default_factory=dict)

    def add(self, s, p, o) -> None:
        if o is not None:  # a value found invalid (a date not in the calendar) is left out
            terms = self.terms
            self.graph.add((terms.setdefault(s, s), terms.setdefault(p, p), terms.setdefault(o, o)))

    def entity(self, entity: Entity) -> None:
        """What the entity is, whichever documents name it (its mentions are the documents' part)."""
        node = entity_iri(entity)
        self.add(node, RDF.type, TIP[entity.cls])
        self.add(node, RDFS.label, Literal(entity.label))
        for alt in sorted(entity.alt_labels):
            self.add(node, SKOS.altLabel, Literal(alt))
        if entity.qid:
            self.add(node, OWL.sameAs, WD[entity.qid])
        if entity.iso3:
            self.add(node, TIP.isoCode, Literal(entity.iso3))
        if entity.cls == m.PERSON:
            for title in sorted(entity.titles):
                self.add(node, TIP.title, Literal(title))

    def mentions(self, entity: Entity, doc_id: str, mentions: list[EntityMention], text: str) -> None:
        """The entity's mentions in one document (`text` its text), as tip:Mention nodes."""
        node = entity_iri(entity)
        doc = document_iri(doc_id)
        seen: set[tuple[int, int]] = set()
        for mention in mentions:
            self.add(node, TIP.mentionedIn, doc)
            key = (mention.span.start, mention.span.end)
            if key in seen:
                continue
            seen.add(key)
            mention_node = mention_iri(doc_id, mention.span.start, mention.span.end, entity.local_id)
            self.add(node, TIP.mention, mention_node)
            self.add(mention_node, RDF.type, TIP.Mention)
            self.add(mention_node, TIP.document, doc)
            self.add(mention_node, TIP.start, _offset(mention.span.start))
            self.add(mention_node, TIP.end, _offset(mention.span.end))
            self.add(mention_node, TIP.anchorText, Literal(mention.span.text))
            if mention.sentence:
                s, e = mention.sentence
                sentence = " ".join(text[s:e].split())
                if sentence:
                    self.add(mention_node, TIP.sentence, Literal(sentence))

    def known_relations(self, entity: Entity) -> None:
        """Facts the gazetteers know about `entity`, stated when both ends are in the graph."""
        known = self.resolver.vocab.entities.get(entity.key) if entity.key else None
        targets = []
        if known and known.part_of:
            targets.append(known.part_of)
        if known and known.country:
            targets.append(f"country:{known.country}")
        if entity.key and entity.key.startswith(("gov:",)):
            targets.append(f"country:{entity.key.split(':')[1]}")
        if entity.key and entity.key.startswith(("govbody:", "mission:")):
            iso3 = entity.attrs.get("country")
            if iso3 and entity.key.startswith("govbody:") and f"gov:{iso3}" in self.resolver.by_key:
                targets.append(f"gov:{iso3}")
            elif iso3:
                targets.append(f"country:{iso3}")
        for target_key in targets:
            local_id = self.resolver.by_key.get(target_key)
            if local_id and self.resolver.entities[local_id].mentions:
                self.add(entity_iri(entity), TIP.partOf, TIPID[local_id])

    def document(self, ex: Extraction) -> URIRef:
        info = ex.info
        doc_id = ex.document.doc_id
        node = document_iri(doc_id)
        self.add(node, RDF.type, TIP[info.genre])
        self.add(node, TIP.sourceFile, Literal(ex.document.source_file))
        title = info.title or ex.document.source_file
        self.add(node, RDFS.label, Literal(title))
        self.add(node, DCTERMS.title, Literal(title))
        if info.date:
            self.add(node, TIP.date, date_literal(info.date))
        if info.source_url:
            self.add(node, TIP.sourceUrl, Literal(info.source_url, datatype=XSD.anyURI))
        for prop, reference in (("speaker", info.speaker), ("author", info.author), ("publisher", info.publisher), ("deliveredAt", info.delivered_at)):
            if not reference:
                continue
            if prop in {"speaker", "author"} and ":" not in reference:
                reference = f"Person:{reference}"
            entity = self.resolver.lookup(reference, doc_id)
            if entity is not None:
                self.add(node, TIP[prop], entity_iri(entity))
        return node

    def relations(self, ex: Extraction) -> None:
        doc_id = ex.document.doc_id
        for fact in ex.relations:
            subject = self._reference(fact.subject, doc_id)
            if subject is None:
                continue
            if fact.literal is not None and fact.object == "":
                value = date_literal(fact.literal) if fact.predicate == "date" else Literal(fact.literal)
                self.add(subject, TIP[fact.predicate], value)
                continue
            obj = self._reference(fact.object, doc_id)
            if obj is None or obj == subject:
                continue
            self.add(subject, TIP[fact.predicate], obj)
            if fact.predicate == "memberOf" and fact.literal:
                membership = TIPID[f"membership/{str(subject).rsplit('/', 1)[-1]}-{str(obj).rsplit('/', 1)[-1]}"]
                self.add(membership, RDF.type, TIP.Membership)
                self.add(membership, TIP.member, subject)
                self.add(membership, TIP.organization, obj)
                self.add(membership, TIP.since, date_literal(fact.literal))

    def _reference(self, reference: str, doc_id: str) -> URIRef | None:
        if reference == "doc:":
            return document_iri(doc_id)
        if reference.startswith("doc:"):
            return document_iri(reference[4:])
        entity = self.resolver.lookup(reference, doc_id)
        return entity_iri(entity) if entity else None

    def claims(self, ex: Extraction) -> None:
        doc_id = ex.document.doc_id
        doc = document_iri(doc_id)
        for claim in ex.claims:
            node = claim_iri(doc_id, claim)
            self.add(node, RDF.type, TIP[claim.cls])
            self.add(node, TIP.statedIn, doc)
            self.add(node, TIP.text, Literal(claim.span.text))
            self.add(node, RDFS.label, Literal(short_label(claim.span.text)))
            self.add(node, TIP.start, _offset(claim.span.start))
            self.add(node, TIP.end, _offset(claim.span.end))
            # a claim is dated when it was stated: the document's date, unless the text says otherwise
            stated = claim.date or ex.info.date
            if stated:
                self.add(node, TIP.date, date_literal(stated))
            for prop, references in (
                ("claimant", [claim.claimant] if claim.claimant else []),
                ("addressee", claim.addressees),
                ("about", claim.about),
                ("citesSource", [claim.cites_source] if claim.cites_source else []),
            ):
                for reference in references:
                    target = self._reference(reference, doc_id)
                    if target is not None and target != node:
                        self.add(node, TIP[prop], target)
            for reference, role in sorted(set(claim.roles)):
                target = self._reference(reference, doc_id)
                if target is not None:
                    self.add(node, TIP[f"{role}Country"], target)
            if claim.quantity is not None:
                self.add(node, TIP.quantity, Literal(claim.quantity, datatype=XSD.decimal))
            if claim.unit:
                self.add(node, TIP.unit, Literal(claim.unit))
            if claim.period:
                self.add(node, TIP.period, date_literal(claim.period) if re.fullmatch(r"\d{4}", claim.period) else Literal(claim.period))
            self.provenance(node, claim)

    def provenance(self, node: URIRef, claim: ClaimRecord) -> None:
        """Why the claim has its class and claimant: tip:classifiedBy / tip:attributedBy the rule as it fired
        on this claim's words, and tip:confidence (docs/architecture.md, "Why a claim says what it says")."""
        if self.rules is None:
            return
        for prop, rule, evidence in (
            (TIP.classifiedBy, claim.class_rule, claim.class_evidence),
            (TIP.attributedBy, claim.claimant_rule, claim.claimant_evidence),
        ):
            if not rule:
                continue
            self.add(node, prop, self._describe_rule(rule, evidence))
        if claim.confidence is not None:
            self.add(node, TIP.confidence, Literal(Decimal(f"{claim.confidence:.2f}"), datatype=XSD.decimal))

    def _describe_rule(self, rule: str, evidence: str | None) -> URIRef:
        general = self.rules.rule(rule)
        if general not in self._rules_described:
            self._rules_described.add(general)
            label, comment = rule_description(self.resolver.vocab, rule)
            self.add(general, RDF.type, TIP.Rule)
            self.add(general, RDFS.label, Literal(label))
            if comment:
                self.add(general, RDFS.comment, Literal(comment))
        if not evidence:
            return general
        fired = self.rules.fired(rule, evidence)
        if fired not in self._rules_described:
            self._rules_described.add(fired)
            label, _ = rule_description(self.resolver.vocab, rule)
            self.add(fired, RDF.type, TIP.Rule)
            self.add(fired, RDFS.label, Literal(f"{label}: \u201c{short_label(evidence, 60)}\u201d"))
            self.add(fired, TIP.evidence, Literal(evidence))
            self.add(fired, PROV.specializationOf, general)
        return fired


_STOP = frozenset(
    "the a an and or of to in on for with by from at as is are was were be been has have had that this these those "
    "it its their our we you they he she i his her them us will would can may must should not no".split()
)


def _content(text: str) -> set[str]:
    words = re.findall(r"[a-z][a-z-]+", text.lower().replace("\u2019", "'"))
    # a crude stem, enough to meet "traffickers"/"trafficker" and "efforts"/"effort"
    return {re.sub(r"(?:ing|ed|es|s)$", "", w) for w in words if w not in _STOP and len(w) > 2}


def quote_links(extractions: list[Extraction], resolver: Resolver) -> dict[URIRef, set[URIRef]]:
    """News claim -> the speech's claim it quotes: a news claim by a person quotes that
    person's speech when most of its words are the speech's.

    Translation and paraphrase change words, so the test is the share of the
    quote's content words found in one claim of a speech or statement by the
    same claimant, not an exact match.
    """
    spoken: dict[URIRef, list[tuple[URIRef, set[str]]]] = {}
    for ex in extractions:
        if ex.info.genre not in {"Speech", "Statement"}:
            continue
        for claim in ex.claims:
            person = resolver.lookup(claim.claimant, ex.document.doc_id) if claim.claimant else None
            if person is not None and person.cls == m.PERSON:
                spoken.setdefault(entity_iri(person), []).append((claim_iri(ex.document.doc_id, claim), _content(claim.span.text)))
    links: dict[URIRef, set[URIRef]] = {}
    for ex in extractions:
        if ex.info.genre != "NewsArticle":
            continue
        for claim in ex.claims:
            person = resolver.lookup(claim.claimant, ex.document.doc_id) if claim.claimant else None
            if person is None or entity_iri(person) not in spoken:
                continue
            words = _content(claim.span.text)
            if len(words) < 3:
                continue
            best, best_score = None, 0.0
            for candidate, candidate_words in spoken[entity_iri(person)]:
                shared = len(words & candidate_words)
                score = shared / min(len(words), len(candidate_words) or 1)
                if shared >= 3 and score > best_score:
                    best, best_score = candidate, score
            if best is not None and best_score >= 0.5:
                links.setdefault(claim_iri(ex.document.doc_id, claim), set()).add(best)
    return links


def rule_description(vocab, rule: str) -> tuple[str, str | None]:
    """A rule's label and comment from the `rules` tables of the attribution and claims lexicons."""
    for lexicon in ("attribution", "claims"):
        entry = (vocab.lexicon(lexicon).get("rules") or {}).get(rule) if vocab is not None else None
        if entry:
            return str(entry.get("label") or rule.replace("-", " ")), entry.get("comment")
    return rule.replace("-", " "), None


def claim_iri(doc_id: str, claim: ClaimRecord) -> URIRef:
    return TIPID[f"claim/{iri_segment(doc_id)}/{claim.span.start}-{claim.span.end}"]


def short_label(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def build_graph(extractions: list[Extraction], resolver: Resolver):
    """The corpus's graph, made document by document (tipgraph.shards.CorpusGraph)."""
    from tipgraph.shards import CorpusGraph

    return CorpusGraph(extractions, resolver)
