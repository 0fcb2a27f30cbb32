"""Attribution: who makes a claim (speaker, quoted or reported actor, pronoun)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from tipgraph import model as m
from tipgraph.extract.claims.common import (
    ACTOR_CLASSES,
    FIRST_PERSON,
    PRONOUNS_BODY,
    PRONOUNS_PERSON,
    PRONOUNS_PLURAL,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    RELATIVE,
)
from tipgraph.extract.metadata import header_lines
from tipgraph.model import EntityMention, Span, reference


@dataclass
class Attribution:
    """Who is speaking, as the text runs on."""

    default: str | None
    last_person: tuple[int, str] | None = None
    last_body: tuple[int, str] | None = None
    quote_speaker: str | None = None


class AttributionMixin:
    def _speaker_reference(self) -> str | None:
        if self.info.speaker:
            return f"Person:{self.info.speaker}"
        if self.info.publisher:
            return self.info.publisher
        header = header_lines(self.text, 6)
        end = header[-1].end if header else 0
        for mm in self.mentions:
            if mm.span.start > end:
                break
            if mm.cls in m.ORGANIZATION_CLASSES:
                return reference(mm)
        return None

    def _own_voice(self) -> set[str]:
        """References that speak for the speaker: the publishing mission and its country."""
        voice = {r for r in (self.speaker_ref, self.info.publisher) if r}
        # "on behalf of the European Union": "The European Union welcomes ..." is the speaker speaking
        voice.update(self.info.on_behalf_of)
        if self.info.genre in {"Speech", "Statement"}:
            for r in list(voice):
                if r.startswith(("mission:", "gov:")):
                    voice.add("country:" + r.split(":")[1])
        return voice

    def mentions_in(self, start: int, end: int) -> list[EntityMention]:
        return [mm for mm in self.mentions if start <= mm.span.start and mm.span.end <= end]

    def mention_at(self, char: int) -> EntityMention | None:
        """The longest actor mention covering a character."""
        if self._actor_at is None:
            self._actor_at = {}
            for mm in self.mentions:
                if mm.cls not in ACTOR_CLASSES:
                    continue
                for position in range(mm.span.start, mm.span.end):
                    held = self._actor_at.get(position)
                    if held is None or (mm.span.end - mm.span.start) > (held.span.end - held.span.start):
                        self._actor_at[position] = mm
        return self._actor_at.get(char)

    _actor_at: dict[int, EntityMention] | None = None

    def subject_actor(self, token) -> EntityMention | None:
        """The actor a subject phrase names: its head word's, else the person in it
        ("The US Ambassador to Albania Yuri Kim"), else the first actor in it."""
        head = self.mention_at(token.idx)
        if head is not None:
            return head
        people = [self.mention_at(t.idx) for t in sorted(token.subtree, key=lambda t: t.i)]
        people = [p for p in people if p is not None and p.cls == m.PERSON]
        if people:
            return people[0]
        if token.lemma_.lower() in self.source_nouns or token.lower_ in self.source_nouns:
            return self.actor_in_subtree(token)
        return None

    def actor_in_subtree(self, token) -> EntityMention | None:
        for t in sorted(token.subtree, key=lambda t: t.i):
            mm = self.mention_at(t.idx)
            if mm is not None:
                return mm
        return None

    def reported_source(self, sent: SpacySpan | None, index: int, state: Attribution) -> str | None:
        """The person or body a reporting verb attributes the sentence to."""
        if sent is None:
            return None
        root_subjects = [c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
        speaker_leads = bool(root_subjects) and root_subjects[0].lower_ in FIRST_PERSON
        for tok in sent:
            if tok.lemma_ not in self.reporting or tok.pos_ not in {"VERB", "AUX"}:
                continue
            if speaker_leads and tok is not sent.root:
                return None  # "I praise Maria, who told her story to the BBC": the speaker's claim
            if tok.lemma_ == "make" and "clear" not in {t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 4]}:
                continue
            # "Canada will continue to fund": only a verb that introduces what was said reports it
            introduces = any(c.dep_ in {"ccomp", "parataxis"} for c in tok.children) or any(
                c.dep_ in {"ccomp", "parataxis"} for t in tok.children if t.dep_ in {"acomp", "oprd", "dobj"} for c in t.children
            )
            if not introduces and tok.lemma_ not in self.speech_acts:
                continue
            subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not subjects:
                continue
            subject = subjects[0]
            lower = subject.lower_
            if subject.dep_ == "nsubjpass":
                # "Greece has been criticised by the State Department": the agent speaks
                agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                actor = self.subject_actor(agents[0]) if agents else None
                if actor is not None and reference(actor) not in self.own_voice:
                    return reference(actor)
                continue
            if lower in FIRST_PERSON:
                return None
            if lower in RELATIVE and tok.dep_ == "relcl":
                # the antecedent, not what the clause mentions: "a report by X, which noted"
                antecedent = tok.head
                actor = self.mention_at(antecedent.idx)
                if actor is None and antecedent.dep_ == "appos":
                    actor = self.mention_at(antecedent.head.idx)
                if actor is None:
                    inside = set(t.i for t in tok.subtree)
                    for t in sorted(antecedent.subtree, key=lambda t: t.i):
                        if t.i not in inside and self.mention_at(t.idx) is not None:
                            actor = self.mention_at(t.idx)
                            break
                return reference(actor) if actor else None
            if lower in PRONOUNS_PERSON:
                return state.last_person[1] if state.last_person else None
            if lower in PRONOUNS_BODY | PRONOUNS_PLURAL:
                candidates = [c for c in (state.last_person, state.last_body) if c]
                if lower in PRONOUNS_BODY:
                    candidates = [c for c in (state.last_body,) if c]
                if not candidates:
                    return None
                return max(candidates)[1]
            actor = self.subject_actor(subject)
            if actor is not None:
                if reference(actor) in self.own_voice:
                    return None  # "Canada will ...", "The United States supports ...": the speaker's side
                return reference(actor)
        return None

    def attribution_phrase(self, sentence: Span) -> str | None:
        """'to recall Sister Bottani, ...': the words that follow are that person's."""
        for phrase in self.lexicon.get("attribution_phrases") or ():
            for match in re.finditer(rf"\b{phrase}\s+", sentence.text, re.IGNORECASE):
                at = sentence.start + match.end()
                actor = self.mention_at(at)
                if actor is not None and actor.cls == m.PERSON:
                    return reference(actor)
        return None

    _last_person: tuple[int, str] | None = None

    _last_body: tuple[int, str] | None = None

    def _remember(self, claimant: str | None, index: int) -> None:
        if not claimant:
            return
        if claimant.startswith("Person:"):
            self._last_person = (index, claimant)
        elif claimant != self.author_ref:
            self._last_body = (index, claimant)

    def _last_named_person(self, sent: SpacySpan | None) -> str | None:
        """The person a following "he" or "she" most likely means: the last one named as a subject."""
        if sent is None:
            return None
        found = None
        for tok in sent:
            if tok.dep_ in {"nsubj", "nsubjpass"}:
                actor = self.subject_actor(tok)
                if actor is not None and actor.cls == m.PERSON:
                    found = reference(actor)
        return found

    def _source_in(self, sentence: Span) -> str | None:
        for mm in self.mentions_in(sentence.start, sentence.end):
            if mm.cls in ACTOR_CLASSES - {m.COUNTRY}:
                return reference(mm)
        return None

    def _inside_quote(self, position: int) -> bool:
        paragraph_start = self.text.rfind("\n\n", 0, position) + 2 if "\n\n" in self.text[:position] else 0
        before = self.text[paragraph_start:position]
        opened = sum(before.count(q) for q in "“«") + before.count('"') % 2
        closed = sum(before.count(q) for q in "”»")
        if opened > closed:
            return True
        stripped = self.text[position : position + 2]
        return bool(stripped) and stripped[0] in QUOTES_OPEN

    def _quote_closes_in(self, sentence: Span) -> bool:
        return any(q in sentence.text for q in "”»")

    def _pending_quote(self, sentence: Span, state: Attribution) -> str | None:
        """A paragraph that opens with a quotation continues the 'X said:' that came before it."""
        if not sentence.text[:1] in QUOTES_OPEN:
            return None
        before = self.text[: sentence.start].rstrip()
        if before.endswith(":"):
            line_start = before.rfind("\n") + 1
            intro = self.parsed.char_span(line_start, len(before), alignment_mode="expand")
            source = self.reported_source(intro, -1, state) if intro is not None else None
            if source:
                return source
            people = [mm for mm in self.mentions_in(line_start, len(before)) if mm.cls == m.PERSON]
            if people:
                return reference(people[-1])
        # '“...,” she added.' inside the same paragraph
        paragraph_end = self.text.find("\n\n", sentence.start)
        paragraph_end = len(self.text) if paragraph_end < 0 else paragraph_end
        tail = self.text[sentence.start : paragraph_end]
        closings = [i for i in (tail.find(q, 1) for q in QUOTES_CLOSE) if i > 0]
        closing = min(closings) if closings else -1
        if closing > 0:
            after = self.parsed.char_span(sentence.start + closing, paragraph_end, alignment_mode="expand")
            source = self.reported_source(after, -1, state) if after is not None else None
            if source:
                return source
        return None
