"""Claims in one document (being written)."""
from __future__ import annotations

from spacy.tokens import Doc

from tipgraph.model import ClaimRecord, DocumentInfo, EntityMention, SourceDocument
from tipgraph.vocab import Vocabulary


def extract_claims(
    document: SourceDocument, parsed: Doc, mentions: list[EntityMention], info: DocumentInfo, vocab: Vocabulary
) -> list[ClaimRecord]:
    return []
