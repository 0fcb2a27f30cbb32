"""Segmentation: the body's sentences, split into the clauses that are claims."""
from __future__ import annotations

import re

from tipgraph.extract.claims.common import has_phrase, normalise
from tipgraph.extract.metadata import header_lines
from tipgraph.model import Span
from tipgraph.extract.patterns import compiled


# A dateline before a release's or story's first sentence: "CHISINAU, 18 November 2003 - ",
# "Vienna (Austria), 24 July 2023 – ", "SARAJEVO (Reuters) - ", "ACCRA, 14 March 2022 – ".
# The year may give way to the agency's tag: "Accra, May 4, GNA- ".
_AGENCY = r",?\s*\(?[A-Z]{2,8}\)?"
_DATE = rf",?\s+(?:\d{{1,2}}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{{1,2}},?)(?:\s+\d{{4}}(?:{_AGENCY})?|{_AGENCY})"
_PLACE_DATE = rf"[A-Z][\w .'’/-]{{1,40}}?(?:\s*\([^()\n]{{2,40}}\)(?:{_DATE})?|{_DATE})"
DATELINE = re.compile(_PLACE_DATE + r"\s*[–—-]{1,2}\s+(?=[A-Z“\"])")
DATELINE_ALONE = re.compile(_PLACE_DATE + r"\s*[–—-]{0,2}\s*")


class SegmentationMixin:
    def body_start(self) -> int:
        header = header_lines(self.text, int(self.vocab.lexicon("documents").get("date_header_lines") or 12))
        for line in header:
            if len(self.text[line.start : line.end].split()) > 60:
                # "By Ann Lee LONDON (Reuters) - Five members of a gang ... were sentenced ...": a byline or dateline
                # that runs on into the story on one line; the story's sentences are claims
                return line.start
        return header[-1].end if header else 0

    def sentences(self) -> list[Span]:
        start_of_body = self.body_start()
        out = []
        skip = [compiled(p, re.IGNORECASE) for p in self.lexicon.get("skip_patterns") or ()]
        min_words = int(self.lexicon.get("min_words") or 4)
        skip += [compiled(p, re.IGNORECASE) for p in self.vocab.lexicon("attribution").get("skip_patterns") or ()]
        in_header = True  # until the first finished sentence: titles, bylines, datelines
        for sent in self.parsed.sents:
            start, end = sent.start_char, sent.end_char
            while start < end and self.text[start] in " \t\n\r*#>":
                start += 1
            while end > start and self.text[end - 1] in " \t\n\r":
                end -= 1
            if start < start_of_body < end and "\n" not in self.text[start : start_of_body + 1]:
                # "Media Statement from X WESTERN CAPE – Nine victims ...": a header label run on into the body on one
                # line; the sentence's body part is a claim
                start = start_of_body + len(self.text[start_of_body:end]) - len(self.text[start_of_body:end].lstrip())
            if end <= start or start < start_of_body:
                continue
            line_start = self.text.rfind("\n", 0, start) + 1
            dateline = DATELINE.match(self.text, start, end)
            if dateline is None and line_start < start:
                # the parser cut the place off its dateline ("Lima" | ", 3 March 2021 – The referral ...")
                dateline = DATELINE.match(self.text, line_start, end)
                dateline = dateline if dateline and dateline.end() > start else None
            if dateline and len(self.text[dateline.end():end].split()) >= min_words:
                start = dateline.end()  # "VIENNA (Austria), 24 July 2023 – UNODC is urging ...": the claim follows the dateline
            piece = self.text[start:end]
            if DATELINE_ALONE.fullmatch(piece) or self._is_heading(sent, piece, in_header):
                continue
            if piece[-1:] in ".!" and self._finite(sent):
                in_header = False
            if self._fragment(sent, piece):
                continue
            flat = normalise(re.sub(r"[*_#]", "", piece))
            if len(flat.split()) < min_words or any(p.search(flat) for p in skip):
                continue
            if has_phrase(flat, (self.lexicon.get("Endorsement") or {}).get("courtesies")) == flat:
                continue
            if flat.endswith(":") and (self._introduces_quote(start, end) or self.attribution_phrase(Span(start, end, piece))):
                continue  # "Speaking at the conference, Kim said:", "In the words of X:": the quotation that follows is the claim
            for clause in self._clauses(start, end, min_words):
                clause_flat = normalise(re.sub(r"[*_#]", "", clause.text))
                if not any(p.search(clause_flat) for p in skip):
                    out.append(clause)
        return out

    def _set_in_capitals(self, piece: str, words) -> bool:
        """A line in capitals in a text that is written in small letters: a title. (A text typed all in capitals
        has its sentences in capitals too.)"""
        if len(words) < 4 or any(ch.islower() for ch in piece):
            return False
        if getattr(self, "_text_in_capitals", None) is None:
            letters = [ch for ch in self.text if ch.isalpha()]
            self._text_in_capitals = bool(letters) and sum(ch.isupper() for ch in letters) > 0.5 * len(letters)
        return not self._text_in_capitals

    def _fragment(self, sent, piece: str) -> bool:
        """A phrase the writer stopped with a full stop, not a sentence: no verb at all, and it opens with a
        preposition or in small letters ("With its specific integration of the issue of trafficking.",
        "human rights-based approach in the work ..."). With no finite verb a line says nothing of its own when
        it opens with a word that cannot begin a clause's subject (a preposition, a conjunction, an adverb, a
        participle: "And its 50th plenary meeting.", "On preventing and combating ...", "On behalf of A, B and C.",
        "“Required to perform forced labour.”"), when no full stop ends it ("Co-organised by X and Y", "Full text
        of the statement by ..."), or when it is set in capitals (a title: "A KEYNOTE ADDRESS BY THE ..."). A
        tagger that takes "spans" or "profit" for a noun leaves a sentence that opens with its subject and ends
        with a full stop ("The work of the Office spans ...", "Human traffickers profit from ...") standing."""
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if not words:
            return False
        opener = piece.lstrip(" \"'“‘(")
        if self._set_in_capitals(piece, words):
            return True  # where the tagger's verbs are guesses
        if not self._finite(sent) and not self._predicate_mistagged(words):
            if words[0].pos_ in {"ADP", "SCONJ", "CCONJ", "ADV"} or words[0].tag_ in {"VBN", "VBG", "VB", "TO"} or opener[:1].islower():
                return True
            if piece.rstrip(" \"'”’)»")[-1:] not in ".!?":
                return True
        if any(t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB") or t.tag_ == "MD" for t in words):
            return False
        return words[0].pos_ in {"ADP", "SCONJ"} or opener[:1].islower()

    @staticmethod
    def _predicate_mistagged(words) -> bool:
        """A verb the tagger took for a noun or a participle, seen in the parse around it: a word with a subject
        ("This law addresses[NNS] trafficking ..."), or a participle right after the noun that heads the whole
        line, with no agent ("The report called[VBN] upon governments to ..."): a line that is a bare noun
        phrase with a reduced relative is a headline, and headlines stand before the body."""
        for t in words:
            # (a participle with a subject and no auxiliary is no finite clause: "Women and Children, also taking ...")
            if any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children) and t.tag_ not in {"VBG", "VBN"} \
                    or (t.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in t.children)):
                return True  # a subject, or a direct object on the word that heads the line ("GRETA notes[NNS] ... the adoption")
            if t.tag_ in {"VBN", "VBD"} and t.dep_ == "acl" and t.head.dep_ == "ROOT" and t.head.i < t.i \
                    and not any(c.dep_ == "agent" for c in t.children):
                return True
        return False

    @staticmethod
    def _finite(sent) -> bool:
        """Has the sentence a finite verb (or an imperative)? Not a hyphen the tagger calls a verb ("Co-organised")."""
        return any((t.tag_ in {"VBD", "VBP", "VBZ", "MD"} or (t.tag_ == "VB" and t.dep_ == "ROOT")) and not t.is_punct for t in sent)

    def _is_heading(self, sent, piece: str, in_header: bool) -> bool:
        """Not a claim: a title, byline, dateline or credit line with no finite verb and no full
        stop ("Statement | 18 October 2013", "CHISINAU, 18 November 2003 -", "Greg Vines, ILO
        Deputy Director-General") before the body's first sentence; a bracketed credit line
        ("(Reporting by ...; Editing by ...)"); a question standing alone as a heading."""
        stripped = piece.strip()
        if stripped.startswith("(") and stripped.endswith(")"):
            return True
        paragraph = self.text[self.paragraph_span(sent.start_char)[0] : self.paragraph_span(sent.start_char)[1]].strip()
        if stripped.endswith("?") and paragraph == stripped:
            return True
        if stripped[-1:] in ".!”\"" or self._finite(sent):
            return False
        if any(start <= sent.start_char < end for start, end, _ in self.section_headings()):
            return True  # "Statement by X, President of Y": the heading of the statement below it
        # a short line of its own, not a list item: "Statement | 18 October 2013", "Greg Vines, ILO Deputy Director-General"
        line_start = self.text.rfind("\n", 0, sent.start_char) + 1
        line = self.text[line_start : self.text.find("\n", sent.start_char) if "\n" in self.text[sent.start_char:] else len(self.text)].strip()
        alone = line == stripped and len(stripped.split()) <= 12 and not re.match(r"^(?:[-–•*·]|\d+[.)])", line)
        return in_header or alone

    def _introduces_quote(self, start: int, end: int) -> bool:
        sent = self.parsed.char_span(start, end, alignment_mode="expand")
        # only the frame ("Kim said:"), not a claim that ends in a list ("We believe that ... can ensure that:")
        return sent is not None and any(
            t.lemma_ in self.reporting and not any(c.dep_ in {"ccomp", "parataxis"} for c in t.children)
            and sum(1 for w in sent if w.i > t.i and not w.is_punct) <= 4 for t in sent)

    def _clauses(self, start: int, end: int, min_words: int) -> list[Span]:
        """Split "A, and that B" / "A, and we B" / "A… B" into the claims they are."""
        cuts = []
        piece = self.text[start:end]
        for marker in self.lexicon.get("clause_breaks") or ():
            for match in compiled(re.escape(marker), re.IGNORECASE).finditer(piece):
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
                governing = re.match(r"(.*?)\bthat\b", self.text[start:left_end], re.S)
                governed = bool(governing) and self.text[right_start:].lower().startswith("that ")
                if governed:
                    # "GRETA is concerned that A, and that B": B is governed by the same words
                    self.governing[right_start] = governing.group(1)
                if not self._separate_claims(Span(cursor, left_end, self.text[cursor:left_end]),
                                             Span(right_start, end, self.text[right_start:end]),
                                             start + governing.end(1) if governed else None):
                    self.governing.pop(right_start, None)
                    continue
                spans.append(Span(cursor, left_end, self.text[cursor:left_end]))
                cursor = right_start
        spans.append(Span(cursor, end, self.text[cursor:end]))
        return spans

    def _separate_claims(self, left: Span, right: Span, governor_end: int | None = None) -> bool:
        """Are the two halves of "A, and that B" / "A… B" / "A, and we B" two claims? Only when the right
        half is a clause of its own (a finite verb: "… just as a part of my past" is the left's afterthought);
        a second complement "that B" only when it says a different kind of thing of its own ("I reiterate
        that we stay committed to X, and that tackling Y brings us closer to Z"). "It is important that A, and that B" is one appeal (the force is the
        governing words', over both complements), "the Declaration makes it clear that A, and that B" one
        assertion; their cues all stay in the one claim."""
        right_sent = self.parsed.char_span(right.start, right.end, alignment_mode="expand")
        if right_sent is None or not self._finite(right_sent):
            return False
        left_sent = self.parsed.char_span(left.start, left.end, alignment_mode="expand")
        left_reading = self._read_clause(left, left_sent)
        right_reading = self._read_clause(right, right_sent)
        if governor_end is None:
            # "..., and we thank X": a main clause with a subject of its own is a claim of its own, unless
            # neither half has a cue ("We met many survivors, and we heard their stories": one account)
            return bool(left_reading.evidence or right_reading.evidence)
        if left_reading.evidence and left_reading.position < governor_end:
            return False
        return left_reading.cls != right_reading.cls
