"""Segmentation: the body's sentences, split into the clauses that are claims."""
from __future__ import annotations

import re

from tipgraph.extract.claims.common import has_phrase, normalise
from tipgraph.extract.metadata import header_lines
from tipgraph.model import Span


class SegmentationMixin:
    def body_start(self) -> int:
        header = header_lines(self.text, int(self.vocab.lexicon("documents").get("date_header_lines") or 12))
        return header[-1].end if header else 0

    def sentences(self) -> list[Span]:
        start_of_body = self.body_start()
        out = []
        skip = [re.compile(p, re.IGNORECASE) for p in self.lexicon.get("skip_patterns") or ()]
        min_words = int(self.lexicon.get("min_words") or 4)
        for sent in self.parsed.sents:
            start, end = sent.start_char, sent.end_char
            while start < end and self.text[start] in " \t\n\r*#>":
                start += 1
            while end > start and self.text[end - 1] in " \t\n\r":
                end -= 1
            if end <= start or start < start_of_body:
                continue
            piece = self.text[start:end]
            flat = normalise(re.sub(r"[*_#]", "", piece))
            if len(flat.split()) < min_words or any(p.search(flat) for p in skip):
                continue
            if has_phrase(flat, (self.lexicon.get("Endorsement") or {}).get("courtesies")) == flat:
                continue
            if flat.endswith(":") and self._introduces_quote(start, end):
                continue  # "Speaking at the conference, Kim said:": the quotation that follows is the claim
            for clause in self._clauses(start, end, min_words):
                clause_flat = normalise(re.sub(r"[*_#]", "", clause.text))
                if not any(p.search(clause_flat) for p in skip):
                    out.append(clause)
        return out

    def _introduces_quote(self, start: int, end: int) -> bool:
        sent = self.parsed.char_span(start, end, alignment_mode="expand")
        return sent is not None and any(t.lemma_ in self.reporting for t in sent)

    def _clauses(self, start: int, end: int, min_words: int) -> list[Span]:
        """Split "A, and that B" / "A, and we B" / "A… B" into the claims they are."""
        cuts = []
        piece = self.text[start:end]
        for marker in self.lexicon.get("clause_breaks") or ():
            for match in re.finditer(re.escape(marker), piece, re.IGNORECASE):
                keep = marker.strip()
                left_end = start + match.start() + (len(keep) if keep in {"…", "..."} else 0)
                right_start = start + match.end() - (len(marker) - len(marker.rstrip()) and 0)
                if marker.startswith(", and "):
                    right_start = start + match.start() + len(", and ")
                cuts.append((left_end, right_start))
        cuts = [c for c in sorted(cuts) if start < c[0] and c[1] < end]
        spans, cursor = [], start
        for left_end, right_start in cuts:
            if len(self.text[cursor:left_end].split()) >= min_words and len(self.text[right_start:end].split()) >= min_words:
                spans.append(Span(cursor, left_end, self.text[cursor:left_end]))
                governing = re.match(r"(.*?)\bthat\b", self.text[start:left_end], re.S)
                if governing and self.text[right_start:].lower().startswith("that "):
                    # "GRETA is concerned that A, and that B": B is governed by the same words
                    self.governing[right_start] = governing.group(1)
                cursor = right_start
        spans.append(Span(cursor, end, self.text[cursor:end]))
        return spans
