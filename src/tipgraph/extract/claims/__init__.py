"""Claims in one document: who urged, committed, counted, praised or criticised what.

Every substantive sentence of the body becomes a claim of one of six
classes, chosen by the trigger lexicon in `ontology/lexicon/claims.yaml`.
The claimant is the speaker of a speech or statement; in news, the person
or body a reporting verb or a quotation attributes the words to (pronouns
go to the last one named), else the author. Addressees come from the
parse (the object of "urge", "thank", "commend"...), figures from numbers.

A package of one stage each: segmentation, classification, attribution,
addressees, figures; `extractor` runs them in one pass over the document.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from tipgraph import model as m
from tipgraph.extract.claims.common import ACTOR_CLASSES
from tipgraph.extract.claims.extractor import ClaimExtractor
from tipgraph.model import (
    ClaimRecord,
    DocumentInfo,
    EntityMention,
    RelationFact,
    SourceDocument,
    Span,
    reference,
)
from tipgraph.vocab import Vocabulary

__all__ = ["ClaimExtractor", "extract_claims", "extract_group_statement"]


def extract_claims(
    document: SourceDocument, parsed: Doc, mentions: list[EntityMention], info: DocumentInfo, vocab: Vocabulary
) -> list[ClaimRecord]:
    return ClaimExtractor(document, parsed, mentions, info, vocab).extract()


def extract_group_statement(document: SourceDocument, mentions: list[EntityMention], vocab: Vocabulary) -> list[RelationFact]:
    """'on behalf of the European Union'; 'The candidate countries ... align themselves with this statement'."""
    lexicon = vocab.lexicon("claims")
    text = document.text
    facts: list[RelationFact] = []
    for pattern in lexicon.get("on_behalf_patterns") or ():
        for match in re.finditer(pattern, text):
            start, end = match.start("group"), match.end("group")
            for mm in mentions:
                if start <= mm.span.start < end and mm.cls in ACTOR_CLASSES:
                    facts.append(RelationFact("doc:", "onBehalfOf", reference(mm), span=Span(start, end, text[start:end])))
                    break
    for pattern in lexicon.get("alignment_patterns") or ():
        for match in re.finditer(pattern, text):
            start, end = match.start("list"), match.end("list")
            for mm in mentions:
                if start <= mm.span.start < end and mm.cls == m.COUNTRY:
                    facts.append(RelationFact("doc:", "alignedActor", reference(mm)))
    return facts

