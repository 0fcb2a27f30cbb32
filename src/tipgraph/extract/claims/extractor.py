"""The claim pass: every substantive clause of the body becomes one claim."""
from __future__ import annotations

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
        self.mention_sink = mentions  # speakers attribution finds that the entity pass missed go here too
        self.info = info
        self.vocab = vocab
        self.lexicon = vocab.lexicon("claims")
        self.speech_acts = set(self.lexicon.get("speech_act_verbs") or ())
        self.source_nouns = {w.lower() for w in self.lexicon.get("source_nouns") or ()}
        self.reporting = set(self.lexicon.get("reporting_verbs") or ()) | self.speech_acts
        self.attribution_lexicon = vocab.lexicon("attribution")
        self.stance_verbs = set(self.attribution_lexicon.get("stance_verbs") or ())
        self.stance_adjectives = set(self.attribution_lexicon.get("stance_adjectives") or ())
        self.speech_reporting_verbs = set(self.attribution_lexicon.get("speech_reporting_verbs") or ())
        self.speaker_roles = {w.lower() for w in self.attribution_lexicon.get("speaker_roles") or ()}
        self.institution_nouns = {w.lower() for w in self.attribution_lexicon.get("institution_nouns") or ()}
        # genres that report what others said: quotes and reporting verbs decide the claimant
        self.news = info.genre in {"NewsArticle", "PressRelease", "Report"}
        self.speaker_ref = self._speaker_reference()
        self.author_ref = self._author_reference()
        self.focus_country = self._focus_country()
        self.own_voice = self._own_voice()
        self.governing: dict[int, str] = {}  # clause start -> the words that govern it
        self.doc_addressee = self._document_addressee()

    def extract(self) -> list[ClaimRecord]:
        state = Attribution(default=self._default_source())
        document_voice = state.default
        self.attribution_state = state
        claims: list[ClaimRecord] = []
        citations: list[tuple[int, str, bool]] = []  # the citing claim's index, the source, whether it looks back
        paragraph_of: list[int] = []
        source_phrases = (self.lexicon.get("Statistic") or {}).get("source_phrases") or ()
        looking_back = (self.lexicon.get("Statistic") or {}).get("source_phrases_looking_back") or ()
        class_strength: dict[tuple[int, int], float] = {}
        for sentence in self.sentences():
            sent = self.parsed.char_span(sentence.start, sentence.end, alignment_mode="expand")
            paragraph = self.paragraph_index(sentence.start)
            if paragraph != state.previous_paragraph:
                self._last_endorsed = []
            source = self.attribute(sentence, sent, state)
            claimant = source.ref if source else None

            reading = self.classify(sentence, sent)
            cls = reading.cls
            class_strength[(sentence.start, sentence.end)] = reading.strength
            about = sorted({reference(mm) for mm in self.mentions_in(sentence.start, sentence.end)})
            claim = ClaimRecord(cls=cls, span=sentence, claimant=claimant, about=about,
                                class_rule=reading.rule, class_evidence=reading.evidence)
            if source is not None:
                claim.claimant_rule, claim.claimant_evidence = source.rule, source.evidence
            claim.addressees = self.addressees(cls, sentence, sent, claimant)
            claim.roles = self.roles(sentence)
            if cls == "Statistic":
                claim.quantity, claim.unit = self.quantity(sentence.text)
                claim.period = self.period(sentence.text)
            claims.append(claim)
            paragraph_of.append(paragraph)
            if has_phrase(normalise(sentence.text), source_phrases):
                cited = self._source_in(sentence)
                if cited:
                    citations.append((len(claims) - 1, cited, bool(has_phrase(normalise(sentence.text), looking_back))))
                    if cls == "Statistic":
                        claim.cites_source = cited
            clause = self._figure_clause(sentence, cls, claimant)
            if clause is not None:
                clause.claimant_rule, clause.claimant_evidence = claim.claimant_rule, claim.claimant_evidence
                claims.append(clause)
                paragraph_of.append(paragraph)
        own_voices = {source.ref for source in [document_voice] if source} | {source.ref for _, _, source in self.section_headings()}
        for index, cited, back in citations:
            for claim in self._cited_claims(claims, paragraph_of, index, back):
                if claim.claimant in own_voices and self._speaker_uses_figures(claim):
                    # "According to the Global Report, millions ...", said by a speaker: the speaker's claim,
                    # citing the report; a release or story passes the figures on as its source's
                    claim.cites_source = cited
                    claim.claimant_rule, claim.claimant_evidence = "speaker-cites-figures", f"figures the speaker cites from {cited}"
                elif claim.claimant in own_voices:
                    claim.claimant = cited
                    claim.cites_source = cited
                    claim.claimant_rule, claim.claimant_evidence = "figures-source", f"figures of the paragraph from {cited}"
        self.finish_provenance(claims, class_strength)
        return claims

    def _speaker_uses_figures(self, claim: ClaimRecord) -> bool:
        """A speech or a statement makes the figures it cites its own argument: the speaker (or the delegation or
        body that delivers it) chose them, where a release or a story relays them from their source."""
        return self.info.genre in {"Speech", "Statement"} and claim.claimant is not None

    @staticmethod
    def _cited_claims(claims: list[ClaimRecord], paragraph_of: list[int], index: int, back: bool) -> list[ClaimRecord]:
        """The claims a citation covers. "These figures came from a US State Department report": the paragraph's
        figures and findings up to it. "According to the Global Report, millions ...": its own sentence and the
        figures that follow it in the paragraph, up to the first sentence that is no figure ("Those in vulnerable
        situations suffer the most" is the speaker's own reading)."""
        paragraph = paragraph_of[index]
        if back:
            return [c for c, p in zip(claims[: index + 1], paragraph_of) if p == paragraph]
        covered = [claims[index]]
        for claim, p in zip(claims[index + 1 :], paragraph_of[index + 1 :]):
            if p != paragraph or claim.cls != "Statistic":
                break
            covered.append(claim)
        return covered
