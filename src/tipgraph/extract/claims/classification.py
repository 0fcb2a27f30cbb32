"""Classification: which of the six claim classes a clause is."""
from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from tipgraph import model as m
from tipgraph.extract.claims.common import (
    FIRST_PERSON,
    PRONOUNS_PERSON,
    PRONOUNS_PLURAL,
    has_phrase,
    normalise,
)
from tipgraph.model import Span


class ClassificationMixin:
    def classify(self, sentence: Span, sent: SpacySpan | None) -> str:
        flat = normalise((self.governing.get(sentence.start, "") + " " + sentence.text).replace("*", ""))
        for cls in self.lexicon.get("precedence") or m.CLAIM_CLASSES:
            spec = self.lexicon.get(cls) or {}
            if cls == "Assertion":
                break
            if has_phrase(flat, spec.get("not_if")):
                flat_checked = re.sub("|".join(re.escape(p) for p in spec.get("not_if")), " ", flat)
            else:
                flat_checked = flat
            if cls == "CallToAction":
                verb = self.appeal_verb(sent)
                if verb is not None or has_phrase(flat_checked, spec.get("phrases")):
                    return cls
                continue
            if cls == "Statistic":
                if self.quantity(sentence.text, vague=False)[0] is not None or has_phrase(flat_checked, spec.get("phrases")):
                    return cls
                continue
            if has_phrase(flat_checked, spec.get("phrases")):
                return cls
        if self.quantity(sentence.text)[0] is not None:
            return "Statistic"
        return "Assertion"

    def appeal_verb(self, sent: SpacySpan | None):
        """An appeal verb whose subject is a speaker, a named actor or implied (imperative)."""
        if sent is None:
            return None
        verbs = (self.lexicon.get("CallToAction") or {}).get("appeal_verbs") or ()
        heads = {v.split()[0].lower(): v for v in verbs}
        for tok in sent:
            if tok.lower_ not in heads or tok.pos_ not in {"VERB", "AUX"}:
                continue
            phrase = heads[tok.lower_]
            if " " in phrase:
                following = " ".join(t.lower_ for t in tok.doc[tok.i : tok.i + len(phrase.split())])
                if following != phrase.lower() and not any(
                    following == v.lower() for v in verbs if v.split()[0].lower() == tok.lower_
                ):
                    continue
            subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not subjects and tok.dep_ in {"xcomp", "conj", "ccomp"}:
                subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if not subjects:
                return tok
            subject = subjects[0]
            if subject.lower_ in FIRST_PERSON | PRONOUNS_PERSON | PRONOUNS_PLURAL or self.actor_in_subtree(subject):
                return tok
        return None
