"""Relations and events in one document (being written)."""
from __future__ import annotations

from spacy.tokens import Doc

from tipgraph.model import DocumentInfo, EntityMention, RelationFact, SourceDocument
from tipgraph.vocab import Vocabulary


def extract_relations(
    document: SourceDocument, parsed: Doc, mentions: list[EntityMention], info: DocumentInfo, vocab: Vocabulary
) -> list[RelationFact]:
    return []
