"""The claim pass: every substantive clause of the body becomes one claim."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from tipgraph.extract.claims.addressees import AddresseesMixin
from tipgraph.extract.claims.attribution import Attribution, AttributionMixin
from tipgraph.extract.claims.classification import ClassificationMixin
from tipgraph.extract.claims.common import has_phrase, normalise
from tipgraph.extract.claims.figures import FiguresMixin
from tipgraph.extract.claims.segmentation import SegmentationMixin
from tipgraph.model import (
    ClaimRecord,
    DocumentInfo,
    EntityMention,
    SourceDocument,
    reference,
)
from tipgraph.vocab import Vocabulary


class ClaimExtractor(SegmentationMixin, ClassificationMixin, FiguresMixin, AttributionMixin, AddresseesMixin):
    def __init__(self, document: SourceDocument, parsed: Doc, mentions: list[EntityMention], info: DocumentInfo, vocab: Vocabulary):
        self.document = document
        self.text = document.text
        self.parsed = parsed
        self.mentions = sorted(mentions, key=lambda mm: (mm.span.start, mm.span.end))
        self.info = info
        self.vocab = vocab
        self.lexicon = vocab.lexicon("claims")
        self.speech_acts = set(self.lexicon.get("speech_act_verbs") or ())
        self.source_nouns = {w.lower() for w in self.lexicon.get("source_nouns") or ()}
        self.reporting = set(self.lexicon.get("reporting_verbs") or ()) | self.speech_acts
        # genres that report what others said: quotes and reporting verbs decide the claimant
        self.news = info.genre in {"NewsArticle", "PressRelease", "Report"}
        self.speaker_ref = self._speaker_reference()
        self.author_ref = f"Person:{info.author}" if info.author else None
        self.focus_country = self._focus_country()
        self.own_voice = self._own_voice()
        self.governing: dict[int, str] = {}  # clause start -> the words that govern it
        self.doc_addressee = self._document_addressee()

    def extract(self) -> list[ClaimRecord]:
        state = Attribution(default=(self.author_ref if self.info.genre == "NewsArticle" else None) or self.speaker_ref)
        claims: list[ClaimRecord] = []
        previous_paragraph = -1
        previous_claimant: str | None = None
        figures_source: dict[int, str] = {}
        paragraph_of: list[int] = []
        source_phrases = (self.lexicon.get("Statistic") or {}).get("source_phrases") or ()
        class_strength: dict[tuple[int, int], float] = {}
        for index, sentence in enumerate(self.sentences()):
            sent = self.parsed.char_span(sentence.start, sentence.end, alignment_mode="expand")
            paragraph = self.text.count("\n\n", 0, sentence.start)
            new_paragraph = paragraph != previous_paragraph
            if new_paragraph:
                state.quote_speaker = self._pending_quote(sentence, state)
                self._last_endorsed = []
            starts_in_quote = self._inside_quote(sentence.start)
            claimant = self.reported_source(sent, index, state) or self.attribution_phrase(sentence)
            if claimant is None and starts_in_quote and state.quote_speaker:
                claimant = state.quote_speaker
            if claimant is None and self.news and not new_paragraph and previous_claimant and previous_claimant != state.default:
                claimant = previous_claimant
            if claimant is None and not self.news and previous_claimant and previous_claimant != state.default and not new_paragraph \
                    and re.match(r"(?i)^(they|he|she)\b", sentence.text):
                claimant = previous_claimant
            if claimant is None:
                claimant = state.default
            self._remember(claimant, index)
            named = self._last_named_person(sent)
            if named and (self._last_person is None or not (claimant or "").startswith("Person:")):
                self._last_person = (index, named)
            state.last_person, state.last_body = self._last_person, self._last_body

            reading = self.classify(sentence, sent)
            cls = reading.cls
            class_strength[(sentence.start, sentence.end)] = reading.strength
            about = sorted({reference(mm) for mm in self.mentions_in(sentence.start, sentence.end)})
            claim = ClaimRecord(cls=cls, span=sentence, claimant=claimant, about=about,
                                class_rule=reading.rule, class_evidence=reading.evidence)
            claim.addressees = self.addressees(cls, sentence, sent, claimant)
            claim.roles = self.roles(sentence)
            if cls == "Statistic":
                claim.quantity, claim.unit = self.quantity(sentence.text)
                claim.period = self.period(sentence.text)
            claims.append(claim)
            paragraph_of.append(paragraph)
            if has_phrase(normalise(sentence.text), source_phrases):
                source = self._source_in(sentence)
                if source:
                    figures_source[paragraph] = source
                    if cls == "Statistic":
                        claim.cites_source = source
            clause = self._figure_clause(sentence, cls, claimant)
            if clause is not None:
                claims.append(clause)
                paragraph_of.append(paragraph)
            previous_paragraph = paragraph
            previous_claimant = claimant if claimant != state.default else None
            if starts_in_quote and not self._quote_closes_in(sentence):
                previous_claimant = claimant
        # "These figures came from a US State Department report": figures and findings of that paragraph are the source's
        for claim, paragraph in zip(claims, paragraph_of):
            source = figures_source.get(paragraph)
            if source and claim.claimant == state.default and claim.span.start <= max(
                c.span.start for c, p in zip(claims, paragraph_of) if p == paragraph
            ):
                claim.claimant = source
                claim.cites_source = source
        self.finish_provenance(claims, class_strength)
        return claims
