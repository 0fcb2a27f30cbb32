"""Extractors: pure functions of one parsed document.

`run_extractors` is the one entry point the pipeline calls; each extractor
reads the document, its spaCy parse, what earlier extractors found and the
vocabulary, and nothing else, so documents can be processed in parallel.
"""
from __future__ import annotations

from spacy.tokens import Doc

from tipgraph.extract.claims import extract_claims, extract_group_statement
from tipgraph.extract.affiliations import extract_affiliations
from tipgraph.extract.entities import extract_entities
from tipgraph.extract.events import extract_occasions
from tipgraph.extract.metadata import extract_info
from tipgraph.extract.relations import extract_relations
from tipgraph import model as m
from tipgraph.model import EntityMention, Extraction, RelationFact, SourceDocument
from tipgraph.vocab import Vocabulary


def run_extractors(document: SourceDocument, parsed: Doc, vocab: Vocabulary) -> Extraction:
    mentions = extract_entities(document, parsed, vocab)
    info = extract_info(document, mentions, vocab)
    if info.speaker_span is not None:
        # a speaker known only by office ("Special Representative and Co-ordinator ...") is a person too,
        # and a speaker's name the entity stage took for a body is the person's alone
        mentions[:] = [mm for mm in mentions if not (mm.cls != m.PERSON and mm.span.start == info.speaker_span.start
                                                      and mm.span.end == info.speaker_span.end)]
        mentions.append(EntityMention(m.PERSON, info.speaker_span, info.speaker, title=info.speaker_title,
                                      sentence=(info.speaker_span.start, info.speaker_span.end)))
    if info.author_span is not None and info.author:
        # an organisation's byline is written as its reference ("GovernmentBody:U.S. Mission Romania")
        cls, _, name = info.author.partition(":") if ":" in info.author else (m.PERSON, "", info.author)
        mentions.append(EntityMention(cls, info.author_span, name,
                                      sentence=(info.author_span.start, info.author_span.end)))
    # people and outlets only the header names ("X and Y" bylines, "WASHINGTON (NewsNation) —")
    mentions.extend(info.header_mentions)
    relations = extract_relations(document, parsed, mentions, info, vocab)
    relations += extract_affiliations(document, parsed, mentions, info, vocab, relations)
    relations += [RelationFact("doc:", "author", coauthor) for coauthor in info.coauthors]
    group = extract_group_statement(document, mentions, vocab)
    info.on_behalf_of = [fact.object for fact in group if fact.predicate == "onBehalfOf"]
    relations += group
    relations += extract_occasions(document, parsed, mentions, info, vocab, relations)
    claims = extract_claims(document, parsed, mentions, info, vocab)
    return Extraction(document=document, info=info, mentions=mentions, relations=relations, claims=claims)
