"""Addressees: who is urged, thanked or criticised, and the roles countries play."""
from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from tipgraph import model as m
from tipgraph.extract.claims.common import ACTOR_CLASSES
from tipgraph.model import EntityMention, Span, reference


class AddresseesMixin:
    def _focus_country(self) -> str | None:
        counts: dict[str, int] = {}
        for mm in self.mentions:
            if mm.cls == m.COUNTRY:
                counts[reference(mm)] = counts.get(reference(mm), 0) + 1
        if not counts:
            return None
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    def _document_addressee(self) -> str | None:
        """The person a statement responds to ("Response to ..., Ambassador X"): who "you" is."""
        title = self.info.title or ""
        if not re.match(r"(?i)^(?:response|reply|answer) to\b", title):
            return None
        start = self.text.find(title)
        if start < 0:
            return None
        people = [mm for mm in self.mentions if mm.cls == m.PERSON and start <= mm.span.start < start + len(title)]
        return reference(people[-1]) if people else None

    def addressees(self, cls: str, sentence: Span, sent: SpacySpan | None, claimant: str | None) -> list[str]:
        if cls not in {"CallToAction", "Endorsement", "Criticism"} or sent is None:
            return []
        found: list[str] = []
        if cls == "CallToAction":
            verb = self.appeal_verb(sent)
            if verb is not None:
                for child in verb.children:
                    if child.dep_ in {"dobj", "prep", "dative", "obj"} or child.dep_ == "prt":
                        actor = self.actor_in_subtree(child)
                        if actor is not None and reference(actor) != claimant:
                            found.extend(self._with_coordinated(actor, child, claimant))
                            break
            if not found:
                match = re.search(r"\b(?:time|need|responsibility|call) for (.{2,80}?) to\b", sentence.text)
                if match:
                    actor = next((mm for mm in self.mentions_in(sentence.start + match.start(1), sentence.start + match.end(1)) if mm.cls in ACTOR_CLASSES), None)
                    if actor:
                        found.append(reference(actor))
        elif cls == "Endorsement":
            found.extend(self.endorsed(sentence, sent, claimant))
        elif cls == "Criticism":
            for tok in sent:
                if tok.dep_ in {"nsubj", "nsubjpass"}:
                    actor = self.actor_in_subtree(tok)
                    if actor is not None and reference(actor) != claimant:
                        found.append(reference(actor))
                        break
            if not found and self.focus_country and self.focus_country != claimant:
                found.append(self.focus_country)
        return found

    def _modifies_next(self, mention: EntityMention) -> bool:
        """A demonym used as an adjective before another name ("Romanian OSCE ...")."""
        known = self.vocab.entities.get(mention.key or "")
        return bool(known and mention.span.text in known.demonyms) and bool(
            re.match(r" [A-Z]", self.text[mention.span.end : mention.span.end + 2])
        )

    def _with_coordinated(self, first: EntityMention, phrase, claimant: str | None) -> list[str]:
        """"Estonia and Lithuania", "Ireland and Austria": every actor of the first one's kind
        joined to it by "and", "or" or a comma."""
        found = [reference(first)]
        cursor = first.span.end
        for mm in self.mentions:
            if mm.span.start < cursor or mm.cls != first.cls:
                continue
            gap = self.text[cursor : mm.span.start]
            if not re.fullmatch(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as well as\s+)(?:the\s+)?", gap):
                break
            if reference(mm) != claimant and reference(mm) not in found:
                found.append(reference(mm))
            cursor = mm.span.end
        return found

    ENDORSING = {"thank", "commend", "welcome", "applaud", "appreciate", "support", "congratulate", "praise",
                 "salute", "recognize", "gratitude", "grateful", "proud", "pleased", "encourage", "delighted"}

    def endorsed(self, sentence: Span, sent: SpacySpan, claimant: str | None) -> list[str]:
        """Who is thanked or praised: "you" in a reply, the first actor after the praise, else the one praised before."""
        vocative = re.search(r"\b(?:Mr|Mrs|Ms|Madam)\.? (?!Ambassador\b)[A-Z]", sentence.text)
        if self.doc_addressee and not vocative and re.search(r"\bthank you\b|\byour\b", sentence.text, re.IGNORECASE):
            return self._endorse([self.doc_addressee])
        trigger = next((t for t in sent if t.lemma_.lower() in self.ENDORSING or t.lower_ in self.ENDORSING), None)
        if trigger is None:
            return list(self._last_endorsed)
        after = self.text[trigger.idx : sentence.end]
        if self.doc_addressee and re.match(r"(?i)\w+\s+(?:\w+\s+)?(?:you\b|your\b)", after):
            return self._endorse([self.doc_addressee])
        for mm in self.mentions_in(trigger.idx, sentence.end):
            if mm.cls not in ACTOR_CLASSES or reference(mm) == claimant:
                continue
            if mm.cls == m.COUNTRY and self._modifies_next(mm):
                continue  # "the Romanian OSCE Chairmanship team": the team is thanked, not Romania
            before = self.text[max(sentence.start, mm.span.start - 12) : mm.span.start]
            if re.search(r"\b(?:in|at|held in)\s+(?:the\s+)?$", before) or re.search(r",\s*$", before) and mm.cls == m.COUNTRY:
                continue
            token = self.parsed.char_span(mm.span.start, mm.span.end, alignment_mode="expand")
            head = token.root if token is not None else None
            return self._endorse(self._with_coordinated(mm, head.head if head is not None else None, claimant))
        if self.doc_addressee and re.search(r"\b(?:you|your)\b", sentence.text, re.IGNORECASE):
            return self._endorse([self.doc_addressee])
        return list(self._last_endorsed)

    _last_endorsed: list[str] = []

    def _endorse(self, addressees: list[str]) -> list[str]:
        self._last_endorsed = addressees
        return addressees

    def roles(self, sentence: Span) -> list[tuple[str, str]]:
        flat = sentence.text.replace("\u2019", "'").lower()
        countries = [mm for mm in self.mentions_in(sentence.start, sentence.end) if mm.cls == m.COUNTRY]
        roles: list[tuple[str, str]] = []
        if not countries:
            return roles
        for role, phrases in (self.lexicon.get("country_roles") or {}).items():
            for phrase in phrases:
                for match in re.finditer(rf"(?<![\w-]){re.escape(phrase.lower())}", flat):
                    before = [c for c in countries if c.span.end <= sentence.start + match.start()]
                    if before:
                        roles.append((reference(before[-1]), role))
        for role, phrases in (self.lexicon.get("country_roles_after") or {}).items():
            for phrase in phrases:
                for match in re.finditer(rf"(?<![\w-]){re.escape(phrase.lower())}\s", flat):
                    position = sentence.start + match.end()
                    # the countries listed right after the phrase: "to Germany and Italy"
                    for country in countries:
                        gap = self.text[position : country.span.start]
                        if country.span.start >= position and re.fullmatch(r"(?:[\w\s,]*?(?:,|\band\b|\bor\b)\s*)?(?:the\s+)?", gap) and len(gap) < 60:
                            roles.append((reference(country), role))
        return sorted(set(roles))
