"""Classification: which of the six claim classes a clause is, and why.

A clause's class comes from its cues: trigger phrases of the lexicon
(`ontology/lexicon/claims.yaml`) and readings of the parse: an appeal verb
("urges", "calls on", "calls for"), a predicate of necessity ("are
essential", "it is vital that"), a noun of need or duty as what the clause
is about ("stresses the need for"), a pledge ("we will", "our commitment"),
support or rejection voiced by an actor ("we have always supported", "we
reject"), a failed duty ("did not meet the minimum standards"), a body or an
office holder taking part in the crime ("officers took part in this criminal
scheme"), a figure that counts something (not an age, not "365 days a year").

Where a cue stands decides whether it speaks for the clause: cues inside a
relative clause ("challenges that States need to address"), a concessive
clause ("despite the commitments taken"), a postposed participle ("the
actors concerned") or a comparative hedge do not; cues of the main clause
beat those of a clause joined by "but" or of an adverbial clause ("GRETA
acknowledges positive steps, but also highlights shortcomings" is an
endorsement); among equals the lexicon's `precedence` decides.

`classify` returns a ClassReading: the class, the rule that chose it, the
words it fired on and how strong that rule is (for the claim's confidence).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from tipgraph import model as m
from tipgraph.extract.claims.common import FIRST_PERSON, PRONOUNS_PERSON, PRONOUNS_PLURAL, YEAR
from tipgraph.model import ClaimRecord, Span

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# nouns that name a quantity ("the number of", "the majority of"): a figure when they head the subject or predicate
QUANTITY_NOUNS = {"number", "majority", "minority", "percentage", "proportion", "share"}
TIME_UNITS = r"(?:years?|months?|weeks?|days?|hours?|decades?|centur(?:y|ies))"
# "five years ago", "10 years after the adoption", "for three years": a span of time, not a figure
# ("two hundred and fifty years ago", "more than 20 years have passed since")
_NUMBER_WORD = r"(?:hundred|thousand|dozen|[a-z]+ty|[a-z]+teen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
DURATION_AFTER = re.compile(rf"^\s*(?:(?:and\s+|-)?{_NUMBER_WORD}\s+){{0,3}}(?:[a-z-]+\s+)?{TIME_UNITS}\s+(?:ago|after|later|earlier|since|before|on"
                            r"|(?:have|has|had)\s+(?:now\s+)?(?:passed|elapsed|gone\s+by))\b")
DURATION_BEFORE = re.compile(r"\b(?:for|over|within|past|last|next|first|in)\s+(?:(?:at least|nearly|almost|about|around|some|more than|less than)\s+)?$")
DURATION_UNIT = re.compile(rf"^\s*{TIME_UNITS}\b")
# a share of a group ("half of all victims", "one-third of trafficking victims", "a quarter of them"), not of a stretch
# of time ("the first half of 2020", "half of the year")
FRACTION = re.compile(r"(?<!first )(?<!second )(?<!latter )(?<!former )\b(?:(?:one|a|two|three)[- ])?(?:half|thirds?|quarters?|fifths?)\s+of\s+"
                      r"(?!(?:the\s+|this\s+|last\s+|next\s+)?(?:year|century|decade|month|week|day|term|session|\d{4})\b)(?:all\s+|the\s+|them\b|those\b|these\b|\w+)",
                      re.IGNORECASE)
RATE_OF_TIME = re.compile(rf"^[\s-]*{TIME_UNITS}\s+(?:a|an|per|each|every)\s+{TIME_UNITS}\b", re.IGNORECASE)
AGE_AFTER = re.compile(r"^[\s-]*(?:years?|months?)[\s-]*old\b", re.IGNORECASE)
# "(18/10)", "17 and 18 November": parts of dates
DATE_PART = re.compile(
    r"^(?:/\d|\s*(?:and|-|–|to)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClassReading:
    cls: str
    rule: str
    evidence: str | None
    rank: int = 0  # 0: the main clause; higher: a clause joined by "but", an adverbial clause
    position: int = 0  # character offset of the cue in the text (ties go to the earlier cue)
    strength: float = 0.6  # how often this rule is right, from the lexicon's `confidence` table


@functools.lru_cache(maxsize=512)
def _phrase_regex(phrases: tuple[str, ...]) -> tuple[tuple[str, _PhrasePattern], ...]:
    """Phrases as patterns on word boundaries that allow any run of white space between words."""
    out = []
    for phrase in phrases:
        if not phrase:
            continue
        words = phrase.lower().split()
        body = r"\s+".join(re.escape(word) for word in words)
        tail = r"(?![\w-])" if phrase[-1].isalnum() else ""
        out.append((phrase, _PhrasePattern(re.compile(rf"(?<![\w-]){body}{tail}"), max(words, key=len))))
    return tuple(out)


# by the identity of a `_phrase_regex` answer (the same tuple for the same phrases): hashing hundreds of phrases
# again for every sentence would cost more than the test it saves
_BY_WORD: dict[int, tuple[tuple, tuple[tuple[str, tuple[int, ...]], ...]]] = {}


def _phrases_by_word(phrases: tuple[tuple[str, "_PhrasePattern"], ...]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each distinct longest word of `phrases` (a `_phrase_regex` answer) with the places of the phrases it is of."""
    entry = _BY_WORD.get(id(phrases))
    if entry is None or entry[0] is not phrases:
        places: dict[str, list[int]] = {}
        for i, (_, pattern) in enumerate(phrases):
            places.setdefault(pattern.word, []).append(i)
        if len(_BY_WORD) > 1024:
            _BY_WORD.clear()
        entry = _BY_WORD[id(phrases)] = (phrases, tuple((word, tuple(where)) for word, where in places.items()))
    return entry[1]


def _phrases_holding(phrases: tuple[tuple[str, "_PhrasePattern"], ...], flat: str) -> list[tuple[str, "_PhrasePattern"]]:
    """The phrases whose longest word `flat` holds, in their order: _PhrasePattern.finditer's test, made once a
    word rather than once a phrase and without a call per phrase."""
    held = sorted(i for word, where in _phrases_by_word(phrases) if word in flat for i in where)
    return [phrases[i] for i in held]


class _PhrasePattern:
    """A phrase's pattern that is tried only on texts holding its longest word.

    Every sentence is read against some 600 trigger phrases; a substring test rules out almost all of
    them for a fraction of the cost of starting the regular expression (the matches are the same)."""

    __slots__ = ("pattern", "word")

    def __init__(self, pattern: re.Pattern, word: str):
        self.pattern, self.word = pattern, word

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self.word in text else iter(())

    def search(self, text: str):
        return self.pattern.search(text) if self.word in text else None


def _flat(text: str) -> str:
    """Lower case with straight apostrophes and no markup, keeping every offset."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("*", " ").replace("_", " ").lower()


_OPENING = "“\"«"
_CLOSING = "”\"»"


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside a quoted name in title case ('opened the conference "10 Years of Combating
    Trafficking - Achievements and Challenges"')? A title's words are no cue of the clause that names it."""
    opening = max(text.rfind(q, 0, start) for q in _OPENING)
    if opening < 0:
        return False
    closings = [i for i in (text.find(q, end) for q in _CLOSING) if i >= 0]
    if not closings or any(text.find(q, opening + 1, start) >= 0 for q in "”»"):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[opening + 1 : min(closings)]) if len(w) > 3]
    return len(words) >= 3 and sum(1 for w in words if w[0].isupper()) * 10 >= len(words) * 7


class ClassificationMixin:
    # ---- the reading of one clause -------------------------------------------------------------
    def classify(self, sentence: Span, sent: SpacySpan | None) -> ClassReading:
        reading = self._read_clause(sentence, sent)
        previous = getattr(self, "_previous_reading", None)
        if reading.cls == "Assertion" and previous is not None and previous.cls in {"CallToAction", "Commitment"}:
            # "We will continue to work to ensure ... . This includes considering ...": an elaboration carries
            # the appeal or pledge it spells out
            lead = re.match(self._elaboration_pattern(), sentence.text)
            if lead:
                reading = ClassReading(previous.cls, "elaboration", lead.group(0).strip(), 0, sentence.start,
                                       self._rule_strength("elaboration"))
        self._previous_reading = reading
        return reading

    def _elaboration_pattern(self) -> str:
        leads = (self.lexicon.get("clause_structure") or {}).get("elaboration_leads") or ()
        return r"(?i)^\W*(?:" + "|".join(r"\s+".join(map(re.escape, lead.split())) for lead in leads) + r")\b" if leads else r"(?!)"

    def _read_clause(self, sentence: Span, sent: SpacySpan | None) -> ClassReading:
        cues = self.class_cues(sentence, sent)
        order = list(self.lexicon.get("precedence") or m.CLAIM_CLASSES)
        if cues:
            best = min(cues, key=lambda c: (c.rank, order.index(c.cls) if c.cls in order else len(order), c.position))
            rivals = {c.cls for c in cues if c.rank == best.rank} - {best.cls}
            strength = best.strength * (float(self._confidence.get("rival_factor", 0.8)) if rivals else 1.0)
            return ClassReading(best.cls, best.rule, best.evidence, best.rank, best.position, round(strength, 3))
        if sent is not None:
            # "a dangerous industry that generates more than $30 billion a year": with no other cue, a figure in a
            # restrictive relative clause of what the clause names is what the sentence tells
            figure = self._figure_cue(sentence, sent, restrictive=True)
            if figure is not None and figure.rule == "figure":
                return figure
        vague = self._vague_count(sentence, sent)
        if vague:
            return ClassReading("Statistic", "vague-count", vague, strength=self._rule_strength("vague-count"))
        return ClassReading("Assertion", "no-trigger", None, strength=self._rule_strength("no-trigger"))

    def class_cues(self, sentence: Span, sent: SpacySpan | None) -> list[ClassReading]:
        cues: list[ClassReading] = []
        cues += self._phrase_cues(sentence, sent)
        if sent is not None:
            cues += self._appeal_cues(sent)
            cues += self._necessity_cues(sent)
            cues += self._pledge_cues(sent)
            cues += self._stance_cues(sent)
            cues += self._failed_duty_cues(sent)
            cues += self._decline_cues(sent)
            cues += self._abuse_cues(sent)
            cues += self._credit_cues(sent)
            cues += self._lemma_cues(sent)
        figure = self._figure_cue(sentence, sent)
        if figure is not None:
            cues.append(figure)
        return cues

    # ---- where a cue stands ---------------------------------------------------------------------
    def clause_rank(self, token: Token, sent: SpacySpan) -> int | None:
        """0 in the main clause, 1+ in a clause joined by "but" or an adverbial clause; None where it does not speak for the clause."""
        spec = self.lexicon.get("clause_structure") or {}
        concessive = set(spec.get("concessive") or ())
        contrastive = set(spec.get("contrastive") or ())
        rank = 0
        node = token
        seen = 0
        while seen < 60:
            seen += 1
            if node.dep_ == "relcl":
                # ", which also noted that ...": a clause of its own; "challenges that States need to address": none
                first = min(t.i for t in node.subtree)
                if (first > 0 and node.doc[first - 1].text == ",") or node.doc[first].dep_ == "prep":
                    rank += 1
                else:
                    return None
            if node.dep_ == "acl" and node.tag_ in {"VBN", "VBG"} and node.i > node.head.i and not self._main_verb_mistagged(node, sent):
                return None  # "the commitments taken by", "all the actors concerned"
            if node.dep_ in {"ccomp", "pcomp"} and node.i > node.head.i and not self._asserted_wh_clause(node) and any(
                    c.tag_ in {"WP", "WDT", "WRB"} or (c.dep_ == "mark" and c.lower_ == "whether")
                    or any(g.tag_ in {"WP", "WDT", "WRB"} for g in c.children if c.dep_ in {"dobj", "advmod"})
                    for c in node.children if c.i < node.i):
                return None  # "identify what more we need to do", "asked how states should respond": an embedded question
            if node.dep_ in {"pobj", "pcomp"} and node.head.lower_ in concessive:
                return None  # "despite the commitments ..."
            if node.lower_ in concessive and node.dep_ in {"prep", "mark"}:
                return None
            if node.dep_ == "advcl":
                if any(c.dep_ == "mark" and c.lower_ in concessive for c in node.children):
                    return None  # "while much progress has been made, ..."
                rank += 1
            if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"}:
                if any(c.dep_ == "cc" and c.lower_ in contrastive for c in node.head.children if c.i < node.i):
                    rank += 1
            head = node.head
            if head.i == node.i or head.i < sent.start or head.i >= sent.end:
                break
            node = head
        return rank

    @staticmethod
    def _main_verb_mistagged(participle: Token, sent: SpacySpan) -> bool:
        """"The report called[VBN, acl] upon governments to ...": a past tense the tagger read as a participle on the
        noun that heads the sentence, which has no finite verb of its own; it is the main verb."""
        return participle.tag_ == "VBN" and participle.head.dep_ == "ROOT" and not any(c.dep_ == "agent" for c in participle.children) \
            and not any(t.tag_ in {"VBD", "VBP", "VBZ", "MD"} for t in sent)

    @staticmethod
    def _asserted_wh_clause(clause: Token) -> bool:
        """"This is why we are resolved to help", "that is how we work": a clause of reason or manner after
        "this is", which the speaker asserts, not an embedded question."""
        head = clause.head
        return head.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ in {"this", "that"} for c in head.children)

    def _token_at(self, sent: SpacySpan | None, char: int) -> Token | None:
        if sent is None:
            return None
        for tok in sent:
            if tok.idx <= char < tok.idx + len(tok.text) or tok.idx >= char:
                return tok
        return None

    def _phrase_head(self, sent: SpacySpan, start: int, end: int) -> Token | None:
        """The token of a matched phrase that the rest hangs on ("need" in "the need to")."""
        inside = [t for t in sent if start <= t.idx < end]
        for tok in inside:
            if not (start <= tok.head.idx < end) or tok.head.i == tok.i:
                return tok
        return inside[0] if inside else self._token_at(sent, start)

    @staticmethod
    def _words(first: Token, last: Token, limit: int = 5) -> str:
        """The words from `first` to `last` as they stand in the text ("is equally crucial"), or `last` alone if far apart."""
        if first.i > last.i:
            first, last = last, first
        return first.doc[first.i : last.i + 1].text if last.i - first.i <= limit else last.text

    def _cue(self, cls: str, rule: str, evidence: str, rank: int, position: int) -> ClassReading:
        return ClassReading(cls, rule, " ".join(evidence.split()), rank, position, self._rule_strength(rule))

    def _in_relative_clause(self, token: Token) -> bool:
        # "a day when my Government renews its commitment": a clause of time says what the speaker does then
        return any(a.dep_ == "relcl" and not any(c.dep_ == "advmod" and c.lower_ == "when" for c in a.children)
                   for a in self._ancestors_in(token))

    def _speech_act_stands(self, cls: str, token: Token | None) -> bool:
        """An appeal or a pledge is the force of the speaker's own clause: one inside a relative clause
        (", which call for eliminating ...") describes what something else asks."""
        return not (cls in {"CallToAction", "Commitment"} and token is not None and self._in_relative_clause(token))

    # ---- trigger phrases ------------------------------------------------------------------------
    def _phrase_cues(self, sentence: Span, sent: SpacySpan | None) -> list[ClassReading]:
        governing = self.governing.get(sentence.start, "")
        cues = []
        texts = [(text, _flat(text), sentence.start, in_clause)
                 for text, in_clause in ((governing, False), (sentence.text, True)) if text]
        for cls in self.lexicon.get("precedence") or m.CLAIM_CLASSES:
            if cls == "Assertion":
                continue
            spec = self.lexicon.get(cls) or {}
            rule = f"{cls.lower()}-phrase"
            not_if = _phrase_regex(tuple(spec.get("not_if") or ()))
            phrases = _phrase_regex(tuple(spec.get("phrases") or ()))
            for text, flat, offset, in_clause in texts:
                masked = [(mt.start(), mt.end()) for _, pat in not_if for mt in pat.finditer(flat)]
                for phrase, pattern in _phrases_holding(phrases, flat):
                    for match in pattern.pattern.finditer(flat):
                        if any(s < match.end() and match.start() < e for s, e in masked):
                            continue
                        if in_clause and _in_quoted_title(text, match.start(), match.end()):
                            continue
                        rank = 0
                        if in_clause and sent is not None:
                            token = self._phrase_head(sent, offset + match.start(), offset + match.end())
                            if token is None or not self._trigger_reads(token, cls):
                                continue
                            rank = self.clause_rank(token, sent)
                            if rank is None or not self._speech_act_stands(cls, token):
                                continue
                        words = text[match.start() : match.end()]
                        if cls == "Endorsement" and in_clause and sent is not None and " not " not in f" {phrase} " \
                                and self._negated(token):
                            # "we are not satisfied with", "does not welcome": praise withheld is criticism
                            cues.append(self._cue("Criticism", "negated-praise", words, rank, offset + match.start()))
                        else:
                            cues.append(self._cue(cls, rule, words, rank, offset + match.start()))
                        break
        return cues

    @staticmethod
    def _duty_of_another(noun: Token) -> bool:
        """The duty noun of "it is the responsibility of X to V" / "the responsibility of X is to V": whose
        duty (an "of" phrase that is not the speaker's side) and what to do (an infinitive)."""
        bearers = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        if not bearers or any(o.lower_ in FIRST_PERSON for o in bearers) or any(c.dep_ == "poss" for c in noun.children):
            return False
        infinitives = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VB"] + \
            [c for c in noun.head.children if c.dep_ in {"xcomp", "ccomp", "advcl"} and c.tag_ == "VB"]
        return any(any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children) for v in infinitives)

    def _trigger_reads(self, token: Token, cls: str) -> bool:
        """Whether a matched trigger word means what the class needs here."""
        word = token.lower_
        if cls == "Criticism" and word in {"concerned", "concerning"}:
            # "information concerning victims", "the parties concerned": not a concern voiced
            if token.dep_ == "prep" or (token.dep_ in {"acl", "amod"} and token.i > token.head.i):
                return False
        if cls == "Criticism" and word in {"accused", "suspected", "charged"} and (
                token.pos_ == "NOUN" or token.tag_ == "VBN" and token.dep_ in {"acl", "amod", "advcl", "relcl"}):
            # "arrested a third man, accused of collaborating", "the accused": whom a case is about, not a reproach
            return False
        if cls == "CallToAction" and self._frames_a_statement(token):
            return False  # "we must point out that children are vulnerable": the speaker's framing of a statement
        if cls in {"CallToAction", "Criticism"} and self._on_the_agenda(token):
            return False  # "the delegates discussed the lack of shelters": a topic reported, not a finding or an appeal
        if cls == "Criticism" and token.pos_ == "ADJ" and self._describes_the_crime(token):
            return False  # "a flagrant violation of human rights", "new forms of this appalling crime": the crime told
        if cls == "Criticism" and token.tag_ == "VBG" and word in set((self.lexicon.get(cls) or {}).get("predicate_only") or ()) \
                and any(c.dep_ == "dobj" and c.lemma_.lower() in set((self.lexicon.get(cls) or {}).get("crime_nouns") or ())
                        for c in token.children):
            return False  # "are appalling[VBG] crimes", "endure ... appalling[VBG] abuse": an adjective the tagger read as a verb
        if cls == "Criticism" and token.tag_ in {"VBN", "VBD"} and token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "attr"} \
                and any(c.dep_ == "det" for c in token.children):
            return False  # "the accused was arrested", "to lure the accused back": a participle used as a noun
        if cls == "CallToAction" and word in {"should", "must"}:
            # "it is incomprehensible that this should be taking place": the "putative" should
            head = token.head
            if any(c.tag_ == "VBG" for c in [head]) and any(c.dep_ == "aux" and c.lower_ == "be" for c in head.children):
                return False
            following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            if following is not None and following.lower_ == "have" and head.tag_ == "VBN":
                return False  # "should have identified them": a reproach for the past, not a call
            if head.dep_ == "ccomp" and any(c.dep_ == "neg" for c in head.head.children):
                return False  # "this does not mean we should rest": the duty denied
            if head.dep_ == "ccomp" and head.head.pos_ == "ADJ" and head.head.lemma_ not in set(
                (self.lexicon.get("CallToAction") or {}).get("necessity_adjectives") or ()
            ):
                return False
        if cls == "CallToAction" and token.lemma_ == "look" and self._looks_forward_to_own_work(token):
            return False  # "we look forward to working with you" undertakes; "to the Government's reply" asks
        if cls == "Endorsement" and token.lemma_.lower() in set((self.lexicon.get(cls) or {}).get("actor_subject_only") or ()) \
                and token.pos_ == "VERB" and self._thing_subject(token):
            return False  # "the hotline supports cooperation" helps; "the Ministry supports the plan" endorses
        if cls == "Criticism" and token.lower_ in set((self.lexicon.get(cls) or {}).get("predicate_only") or ()) \
                and any(a.dep_ in SUBJECTS for a in self._ancestors_in(token)):
            return False  # "victims of this heinous crime come from ..." names the crime; "it was despicable" condemns
        if cls == "CallToAction" and token.lower_ == "needs" and token.pos_ == "NOUN" and not any(c.dep_ in {"det", "poss"} for c in token.children) \
                and token.i + 2 < len(token.doc) and token.doc[token.i + 1].lower_ == "to" and token.doc[token.i + 2].tag_ == "VB":
            return True  # "more needs[NNS] to be done": the verb of need, read as a noun
        if cls == "CallToAction" and token.lemma_ == "need" and token.pos_ == "NOUN":
            # "the needs of victims" are what they need; "awareness of ... and the need to address it" is not the point
            return token.tag_ == "NN" and self._heads_clause_noun(token)
        if cls == "Statistic" and token.lemma_.lower() in QUANTITY_NOUNS:
            return token.dep_ in SUBJECTS | {"attr", "ROOT"}  # "the number of cases has fallen", not "gives the number of"
        if cls == "Criticism" and token.lemma_.lower() in set((self.lexicon.get(cls) or {}).get("harm_verbs") or ()) \
                and self._crime_subject(token):
            return False  # "this crime undermines our common desire for safety" tells the harm of the crime, blaming no one
        if cls in {"Endorsement", "Criticism"} and token.lemma_.lower() in set((self.lexicon.get(cls) or {}).get("active_only") or ()):
            return not any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)
        if cls == "Endorsement" and token.pos_ == "VERB" and self._greets_occasion(token):
            return False  # "I welcome this opportunity to speak": a courtesy, no one is praised
        if cls == "Endorsement" and word == "encouraging" and token.pos_ != "ADJ":
            return False  # "encouraging victims to come forward" appeals; "encouraging results" praise
        if cls == "Commitment" and word in set((self.lexicon.get(cls) or {}).get("pledge_adjectives") or ()) \
                and self._every_member_subject(token):
            return False  # "all Member States are committed to respect ...": an obligation of each, no one's pledge
        if cls == "Criticism" and word == "sending":
            # "sending home dozens of victims" returns people; "sending home some of what she earned" is money
            people = set((self.lexicon.get("Statistic") or {}).get("counted_nouns") or ()) | {"slave", "refugee", "deportee"}
            return any(t.lemma_.lower() in people for c in token.children if c.dep_ == "dobj" for t in c.subtree)
        if cls == "Criticism" and word.startswith("accus") and (token.pos_ != "VERB" or token.dep_ == "amod"):
            return False  # "the accused" stand trial; only "X accused Y" criticises
        if cls == "Endorsement" and token.pos_ != "VERB" and any(a.dep_ == "pcomp" for a in self._ancestors_in(token)):
            return False  # "holds the key to making significant progress": praise of what is still to be done is none
        return True

    def _on_the_agenda(self, token: Token) -> bool:
        """The word stands in what a meeting or its participants talked about: the object of "discussed",
        "focused on", or of "addressed", "highlighted" with an occasion as subject ("The seminar addressed the need")."""
        topic = set(self.lexicon.get("topic_verbs") or ())
        occasion_topic = set(self.lexicon.get("occasion_topic_verbs") or ())
        occasions = set(self.lexicon.get("occasion_nouns") or ())
        def non_finite(verb: Token) -> bool:
            return verb.dep_ in {"acl", "relcl", "advcl", "xcomp"} and verb.tag_ in {"VB", "VBG"}

        node = token
        while node.head.i != node.i:
            head = node.head
            if head.pos_ == "VERB" and (node.dep_ in {"dobj", "prep", "pobj"} or non_finite(node)):
                lemma = head.lemma_.lower()
                if lemma in topic:
                    return True
                if lemma in occasion_topic:
                    subjects = [c for c in head.children if c.dep_ in SUBJECTS]
                    if not subjects and head.dep_ == "conj":
                        subjects = [c for c in head.head.children if c.dep_ in SUBJECTS]  # "focused on ... and addressed"
                    return bool(subjects) and (subjects[0].lemma_.lower() in occasions or any(
                        mm.span.start <= subjects[0].idx < mm.span.end and mm.cls in m.EVENT_CLASSES for mm in self.mentions))
            if head.pos_ in {"VERB", "AUX"} and not non_finite(head):
                return False  # a clause of its own; an infinitive or a participle ("opportunities ... to strengthen") is inside it
            node = head
        return False

    def _describes_the_crime(self, adjective: Token) -> bool:
        """An adjective of condemnation said of the crime itself: on a noun for the crime ("this appalling crime"),
        or on what the crime is said to be ("Trafficking constitutes a flagrant violation of human rights")."""
        if adjective.dep_ != "amod":
            return False
        spec = self.lexicon.get("Criticism") or {}
        noun = adjective.head
        crimes = set(spec.get("crime_nouns") or ())
        if noun.lemma_.lower() in crimes or noun.lower_ in crimes:
            verb = next((a for a in self._ancestors_in(noun) if a.pos_ in {"VERB", "AUX"}), None)
            subjects = [c for c in verb.children if c.dep_ in SUBJECTS] if verb is not None else []
            perpetrators = set(spec.get("perpetrator_nouns") or ())
            return not (subjects and (subjects[0].lemma_.lower() in perpetrators or subjects[0].lower_ in perpetrators))
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head  # "a form of inhuman treatment as well as a blatant violation of human rights"
        return noun.dep_ in {"attr", "dobj"} and noun.head.lemma_ in {"be", "constitute", "represent", "remain", "become"} \
            and self._crime_subject(noun.head)

    def _frames_a_statement(self, token: Token) -> bool:
        """A modal ("must", "should", "need to", "have to") on a first-person verb of saying with a clause of its
        own ("we must point out that", "I have to say that"): it frames what follows, it asks for nothing."""
        verb = token.head if token.dep_ in {"nsubj", "aux"} or token.pos_ in {"AUX", "PRON"} else token
        if verb.lemma_ in {"need", "have"}:
            verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
        framing = set((self.lexicon.get("CallToAction") or {}).get("framing_verbs") or ())
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] or [c for c in verb.head.children if c.dep_ == "nsubj"]
        return verb.lemma_.lower() in framing and any(c.dep_ == "ccomp" for c in verb.children) \
            and bool(subjects) and subjects[0].lower_ in FIRST_PERSON

    @staticmethod
    def _looks_forward_to_own_work(look: Token) -> bool:
        """"look forward to working with you": what is looked forward to is the subject's own doing (a gerund
        with no subject of its own), not an act of others ("to seeing the Government adopt", "to an increased focus")."""
        if not any(c.lower_ == "forward" for c in look.children):
            return False
        for to in (c for c in look.children if c.dep_ == "prep" and c.lower_ == "to"):
            for gerund in (c for c in to.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):
                if not any(c.dep_ in SUBJECTS | {"ccomp"} for c in gerund.children) and gerund.lemma_ not in {"see", "hear", "receive", "read"}:
                    return True
        return False

    def _own_subject(self, token: Token) -> bool:
        """The subject of the clause a word stands in is the speaker's own side ("we", "our Government")."""
        verb = token
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        subject = self._speaking_subject(verb)
        # "its" takes up a third-person subject of the speaker's side, never "I" or "we" ("I congratulate
        # Belarus on its commitment" is Belarus's)
        return subject is not None and subject.lower_ not in FIRST_PERSON and any(
            c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in subject.children)

    def _announced_in_own_voice(self, participle: Token) -> bool:
        """"will be held", "will be opened" with no agent, said in the speaker's own voice: a speech, a statement,
        a release, or a quotation in a story (a reporter's "the trial will be held in May" forecasts)."""
        auxes = {c.lower_ for c in participle.children if c.dep_ in {"aux", "auxpass"}}
        if not {"will", "shall"} & auxes or "be" not in auxes or any(c.dep_ in {"agent", "neg"} for c in participle.children):
            return False
        if participle.dep_ not in {"ROOT", "ccomp", "conj"}:
            return False
        subjects = [c for c in participle.children if c.dep_ == "nsubjpass"]
        not_pledging = set((self.lexicon.get("Commitment") or {}).get("not_pledging") or ())
        if not subjects or subjects[0].lemma_.lower() in not_pledging or subjects[0].lower_ in PRONOUNS_PERSON | PRONOUNS_PLURAL:
            return False
        if participle.lemma_ == "set" and not any(c.lower_ == "up" for c in participle.children):
            return False
        return self.info.genre != "NewsArticle" or self.quotation_at(participle.idx) is not None

    @staticmethod
    def _every_member_subject(word: Token) -> bool:
        """The subject of the clause ("all Member States", "every employer") is each member of a class, not a speaker."""
        verb = word.head if word.dep_ in {"acomp", "amod"} else word
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        return bool(subjects) and subjects[0].lower_ not in FIRST_PERSON and any(
            c.dep_ in {"det", "predet"} and c.lower_ in {"all", "every", "each"} for c in subjects[0].children)

    def _crime_subject(self, verb: Token) -> bool:
        """The verb's subject is the crime itself ("Trafficking in human beings devalues ...", "This crime undermines")."""
        node = verb
        while node.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in node.children) and node.head.i != node.i:
            node = node.head
        if node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
            node = node.head  # "devalues accomplishments and undermines ...", parsed as a conjunct of the object
        subjects = [c for c in node.children if c.dep_ in SUBJECTS]
        crimes = set((self.lexicon.get("Criticism") or {}).get("crime_nouns") or ())
        if subjects and subjects[0].lower_ in {"it", "this"} and node.dep_ == "advcl" and node.head.i != node.i:
            # "trafficking is a severe violation of human rights, as it undermines the dignity of its victims"
            subjects = [c for c in node.head.children if c.dep_ in SUBJECTS] or subjects
        return bool(subjects) and (subjects[0].lemma_.lower() in crimes or subjects[0].lower_ in crimes)

    def _thing_subject(self, verb: Token) -> bool:
        """The verb's subject is a thing (a noun naming no actor, no office, no speaker)."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ == "conj":
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not subjects:
            return False
        subject = subjects[0]
        if subject.pos_ not in {"NOUN", "PROPN"} or subject.lower_ in FIRST_PERSON | PRONOUNS_PERSON | PRONOUNS_PLURAL:
            return False
        if any(mm.span.start <= subject.idx < mm.span.end and mm.cls in {m.INSTRUMENT} | m.EVENT_CLASSES
               for mm in self.mentions):
            return True  # "the new Strategy for the Protection of Victims supports cooperation"
        if not subject.text.islower():
            return False
        lemma = subject.lemma_.lower()
        return not (lemma in self.source_nouns or lemma in self.speaker_roles or lemma in self.institution_nouns
                    or any(self.mention_at(t.idx) is not None for t in subject.subtree))

    @staticmethod
    def _negated(token: Token) -> bool:
        """A word negated, or the verb it is the complement or object of ("not satisfied", "did not welcome")."""
        for node in (token, token.head):
            if any(c.dep_ == "neg" for c in node.children):
                return True
            if node.dep_ not in {"acomp", "dobj", "xcomp", "attr"}:
                break
        return False

    @staticmethod
    def _ancestors_in(token: Token) -> list[Token]:
        out, node = [], token
        while node.head.i != node.i and len(out) < 40:
            out.append(node)
            node = node.head
        return out

    @staticmethod
    def _heads_clause_noun(token: Token) -> bool:
        """A noun that is what its clause is about: its subject, object or predicate (through "and")."""
        anchor = token
        while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
            anchor = anchor.head
        if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            return False
        verb = anchor.head.head
        if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep" and verb.pos_ in {"VERB", "AUX"} and verb.dep_ in {"ROOT", "ccomp", "conj", "parataxis"}:
            return True  # "we heard about the need to", "spoke of the need for"
        return anchor.dep_ in {"dobj", "attr", "nsubj", "nsubjpass", "ROOT", "appos"}

    # ---- parse rules ----------------------------------------------------------------------------
    def _speaking_subject(self, verb: Token, passive: bool = False) -> Token | None:
        """The subject of a verb (or of the verb it depends on) when it is a speaker: a pronoun, an actor, an office.
        `passive`: the subject of a passive form counts too ("the Ministry is fully committed")."""
        subjects = [c for c in verb.children if c.dep_ in ({"nsubj", "nsubjpass"} if passive else {"nsubj"})]
        if not subjects and verb.dep_ in {"xcomp", "conj"}:
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not subjects:
            return None
        subject = subjects[0]
        if subject.lower_ in FIRST_PERSON | PRONOUNS_PERSON | PRONOUNS_PLURAL:
            return subject
        if any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in subject.children):
            return subject  # "my delegation", "our Government", "our country"
        if subject.lower_ in self.source_nouns or self.names_actor(subject):
            return subject
        return None

    def names_actor(self, subject: Token) -> bool:
        """Whether the subject's own words name an actor ("the Government of Senegal", "Ms Pope"), not a
        phrase inside it ("the programme, funded by the European Union", "Albania's preparations")."""
        own = [subject] + [t for t in subject.lefts if t.dep_ in {"compound", "amod", "det", "nmod"}]
        own += [t for t in subject.rights if (t.dep_ == "prep" and t.lower_ == "of") or t.dep_ == "appos"]
        for tok in own:
            if self.mention_at(tok.idx) is not None:
                return True
            if tok.dep_ in {"prep", "appos"} and any(self.mention_at(t.idx) is not None for t in tok.subtree):
                return True
        return False

    def _verb_phrase(self, verbs) -> dict[str, list[list[str]]]:
        out: dict[str, list[list[str]]] = {}
        for phrase in verbs or ():
            words = phrase.lower().split()
            out.setdefault(words[0], []).append(words[1:])
        return out

    def _match_verb(self, tok: Token, table: dict[str, list[list[str]]]) -> str | None:
        """The words of `table` (lemma + particles) starting at `tok`, as they stand in the text."""
        if tok.pos_ not in {"VERB", "AUX"}:
            return None
        for rest in sorted(table.get(tok.lemma_.lower(), ()), key=len, reverse=True):
            following = [t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 1 + len(rest)]]
            if following == rest:
                return tok.doc[tok.i : tok.i + 1 + len(rest)].text
        return None

    def appeal_verbs_in(self, sent: SpacySpan) -> list[tuple[Token, str, int]]:
        """"urges the authorities to", "calls for", "are called upon to", "Call on them": (verb, its words, clause rank)."""
        spec = self.lexicon.get("CallToAction") or {}
        open_subject = self._verb_phrase(spec.get("appeal_verbs_any_subject"))
        speaker_subject = self._verb_phrase(spec.get("appeal_verbs"))
        found = []
        for tok in sent:
            words = self._match_verb(tok, open_subject)
            if words is None:
                words = self._match_verb(tok, speaker_subject)
                if words is None:
                    continue
                has_subject = any(c.dep_ in SUBJECTS for c in tok.children)
                passive = any(c.dep_ == "nsubjpass" for c in tok.children) and any(c.dep_ == "xcomp" for c in tok.children)
                imperative = not has_subject and tok.dep_ == "ROOT" and tok.tag_ == "VB"
                if not (passive or imperative or self._speaking_subject(tok) is not None):
                    continue
            if any(c.dep_ == "neg" for c in tok.children) or self._dated_past(tok):
                continue
            rank = self.clause_rank(tok, sent)
            if rank is not None and self._speech_act_stands("CallToAction", tok):
                found.append((tok, words, rank))
        return found

    @staticmethod
    def _dated_past(verb: Token) -> bool:
        """A verb in the past tense that a year dates ("The Assembly asked, as far back as 1997, the Committee to
        elaborate a Convention"): the history of an appeal, told, not one made now."""
        if verb.tag_ != "VBD":
            return False
        if any(c.dep_ in {"prep", "advmod", "npadvmod"} and any(YEAR.match(t.text) for t in c.subtree) for c in verb.children):
            return True
        # "urged, as early as 2009, the governments to ...": a date set off by commas right after the verb
        following = verb.doc[verb.i + 1 : verb.i + 8]
        if len(following) and following[0].text == ",":
            inside = []
            for t in following[1:]:
                if t.text == ",":
                    return any(YEAR.match(w.text) for w in inside)
                inside.append(t)
        return False

    def appeal_verb(self, sent: SpacySpan | None) -> Token | None:
        """The appeal verb of the clause (its object is who is urged), the main clause's first."""
        if sent is None:
            return None
        found = self.appeal_verbs_in(sent)
        return min(found, key=lambda f: (f[2], f[0].i))[0] if found else None

    def _appeal_cues(self, sent: SpacySpan) -> list[ClassReading]:
        return [self._cue("CallToAction", "appeal-verb", words, rank, tok.idx) for tok, words, rank in self.appeal_verbs_in(sent)]

    def _necessity_cues(self, sent: SpacySpan) -> list[ClassReading]:
        """"partnerships are essential", "it is also important to", "patience is required", "stresses the need for"."""
        spec = self.lexicon.get("CallToAction") or {}
        adjectives = set(spec.get("necessity_adjectives") or ())
        nouns = set(spec.get("necessity_nouns") or ())
        verbs_of_need = set(spec.get("necessity_verbs") or ())
        not_required_by = set(spec.get("not_required_by") or ())
        not_imperative = set(spec.get("not_imperative") or ())
        duty_nouns = set(spec.get("duty_nouns") or ())
        duty_verbs = set(spec.get("duty_bearing_verbs") or ())
        cues = []
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if len(words) > 3 and words[0].lower_ == "only" and words[1].lower_ in {"through", "by", "if", "when", "with", "together"} \
                and any(t.lower_ in {"can", "will", "could", "would", "shall"} and t.pos_ == "AUX" for t in words[2:]):
            # "Only through effective co-operation will it be possible to prevent ...": a condition stated as a need
            cues.append(self._cue("CallToAction", "necessity", self._words(words[0], words[1]), 0, words[0].idx))
        for tok in sent:
            subject = tok.head
            if tok.lower_ == "only" and tok.dep_ in {"advmod", "amod", "det", "quantmod", "preconj"} and subject.dep_ == "nsubj" \
                    and not any(c.dep_ == "nummod" or c.like_num for c in subject.children) and any(
                    c.dep_ == "aux" and c.lower_ in {"can", "could", "will", "would"} for c in subject.head.children) \
                    and not any(c.dep_ == "neg" for c in subject.head.children):
                # "only the involvement of many countries would enable a more efficient fight": the one way, a need
                rank = self.clause_rank(subject.head, sent)
                if rank is not None:
                    cues.append(self._cue("CallToAction", "necessity", self._words(tok, subject, limit=3), rank, tok.idx))
        for tok in sent:
            evidence = None
            word = tok.lower_
            if tok.tag_ == "VBN" and word in adjectives:
                # "patience and empathy are required": a passive of need with no agent
                if any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children) \
                        and tok.dep_ in {"ROOT", "ccomp", "conj", "xcomp", "parataxis"}:
                    auxes = [c for c in tok.children if c.dep_ == "auxpass"]
                    evidence = self._words(auxes[0], tok)
            elif (tok.lemma_.lower() in adjectives or word in adjectives) and tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "ROOT", "conj", "oprd"}:
                head = tok if tok.dep_ == "ROOT" else tok.head
                if tok.dep_ == "conj":
                    head = tok.head.head if tok.head.dep_ == "acomp" else None
                if head is None or not (tok.dep_ == "ROOT" or head.lemma_ in {"be", "remain", "seem", "become"}):
                    continue
                if head.dep_ not in {"ROOT", "ccomp", "conj", "parataxis", "xcomp"} and head.i != tok.i:
                    continue  # "on how important it is to": a reported view, not the speaker's call
                if any(c.dep_ == "neg" for c in list(head.children) + list(tok.children)):
                    continue
                expletive = any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in head.children) and any(
                    c.dep_ in {"ccomp", "xcomp", "advcl"} for c in list(head.children) + list(tok.children))
                if any(c.lower_ in {"more", "less", "least"} or (c.lower_ == "most" and not expletive) for c in tok.children):
                    continue  # "has become even more important": a comparison, not a call ("it is most important that" is one)
                if head.lemma_ == "become" and head.tag_ == "VBD":
                    continue  # "the development of such a law became necessary": a need of the past, told
                if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll"} for c in head.children) and not any(
                        c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in head.children):
                    continue  # "the lessons learned will be crucial in future work": a forecast of weight
                evidence = self._words(head, tok)
            elif tok.lemma_ == "need" and tok.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"dobj", "xcomp"} for c in tok.children):
                # "we need more awareness-raising", "police need to be trained"
                if any(c.dep_ == "neg" for c in tok.children):
                    continue
                subject = [c for c in tok.children if c.dep_ in SUBJECTS]
                if not subject or subject[0].lower_ not in FIRST_PERSON:
                    continue  # "this effort needs champions" describes; "we need more resources" asks
                evidence = self._words(subject[0], tok)
            elif tok.lemma_.lower() in verbs_of_need and tok.pos_ == "VERB" and any(c.dep_ in {"dobj", "xcomp"} for c in tok.children):
                # "tackling trafficking requires a coordinated response"; not "the law requires employers to register"
                subject = [c for c in tok.children if c.dep_ in SUBJECTS]
                laid_on_us = any(c.dep_ == "dobj" and c.lower_ in {"us", "everyone", "everybody", "all"} for c in tok.children)
                if not subject or subject[0].lemma_.lower() in not_required_by or (any(
                        c.dep_ == "xcomp" for c in tok.children) and not laid_on_us) or self._names_instrument(subject[0]):
                    continue
                evidence = self._words(subject[0], tok, limit=3) if subject[0].i + 3 >= tok.i else tok.text
            elif tok.dep_ == "ROOT" and tok.tag_ == "VB" and not any(c.dep_ in SUBJECTS or c.dep_ == "aux" for c in tok.children) \
                    and any(c.dep_ == "advcl" and c.i < tok.i and any(a.dep_ == "mark" and a.lower_ in {"if", "when", "whenever"} for a in c.children)
                            and any(a.dep_ == "nsubj" and a.lower_ == "you" for a in c.children) for c in tok.children):
                cues.append(self._cue("CallToAction", "imperative", tok.text, 0, tok.idx))
                continue
            elif tok.dep_ == "ROOT" and tok.tag_ == "VB" and tok.lemma_.lower() not in not_imperative and self._opens_clause(tok, sent) \
                    and not any(c.dep_ in SUBJECTS or c.dep_ == "aux" for c in tok.children):
                evidence = tok.text  # "Join us in this effort", "Ratify the Protocol"
                cues.append(self._cue("CallToAction", "imperative", evidence, 0, tok.idx))
                continue
            elif tok.lemma_.lower() in duty_nouns and tok.pos_ == "NOUN" and tok.dep_ == "dobj" \
                    and tok.head.lemma_.lower() in duty_verbs and not any(c.dep_ == "neg" for c in tok.head.children) \
                    and not any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in tok.children) \
                    and not any(c.dep_ in SUBJECTS and c.lower_ in FIRST_PERSON for c in tok.head.children) \
                    and any(c.dep_ in {"acl", "relcl"} and c.tag_ == "VB" or c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
                # "everybody carries the responsibility to counter it", "States bear a duty to protect"
                evidence = self._words(tok.head, tok, limit=3)
                tok = tok.head
            elif tok.lemma_.lower() in duty_nouns and tok.pos_ == "NOUN" and tok.dep_ in {"attr", "nsubj"} \
                    and tok.head.lemma_ == "be" and self._duty_of_another(tok):
                # "It is the responsibility of the government to develop ...", "The responsibility of the State is
                # to protect ...": a duty laid by name on another (not "our responsibility", a pledge)
                evidence = f"{tok.text} of" if tok.dep_ == "nsubj" else self._words(tok.head, tok, limit=3)
                tok = tok.head
            elif tok.lower_ == "up" and tok.dep_ == "prep" and tok.head.lemma_ == "be" and any(
                    c.dep_ == "prep" and c.lower_ == "to" for c in tok.children) and any(
                    c.dep_ in {"xcomp", "ccomp", "advcl"} and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
                    for c in tok.head.children):
                # "it is now up to the authorities to act": the duty laid on whoever follows "up to"
                evidence = self._words(tok.head, tok, limit=3)
                tok = tok.head
            elif tok.lemma_.lower() in set(spec.get("weight_nouns") or ()) and tok.dep_ == "dobj" \
                    and tok.head.lemma_.lower() in set(spec.get("emphasis_verbs") or ()) \
                    and not any(c.dep_ == "neg" for c in tok.head.children) and self._reported_actor(tok.head):
                # "the Minister highlighted the importance of efforts to strengthen", "he noted the importance of
                # prevention": how a report renders an actor's appeal ("these innovations underscore the importance
                # of" is evidence, "attaches importance to" a priority)
                evidence = self._words(tok.head, tok, limit=3)
            elif tok.lemma_.lower() in set(spec.get("strong_necessity_adjectives") or ()) and tok.dep_ == "amod" \
                    and tok.head.dep_ == "attr" and tok.head.head.lemma_ in {"be", "remain", "become"} \
                    and not any(c.dep_ == "neg" for c in tok.head.head.children) \
                    and any((c.dep_ in {"acl", "relcl"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
                            or (c.dep_ == "prep" and c.lower_ == "for") for c in tok.head.children):
                # "outreach and identification are crucial components to identify victims", "a vital tool for": the
                # predicate noun's need, with the purpose it serves ("has been a crucial ally in" praises)
                evidence = self._words(tok.head.head, tok.head, limit=4)
            elif tok.lower_ in {"hope", "hopes", "hoped", "hoping"} and tok.pos_ == "VERB" and self._speaking_subject(tok) is not None \
                    and any(c.dep_ == "ccomp" for c in tok.children) and any(
                    t.lower_ in {"would", "will", "should", "can", "could"} and t.dep_ == "aux" and tok in t.ancestors
                    for t in tok.doc[tok.i + 1 : sent.end]):
                # "he hoped that exploitation would be tackled": a wish for what others should do
                evidence = tok.text
            elif tok.lemma_.lower() in nouns and tok.pos_ == "NOUN" and tok.tag_ == "NN" and self._heads_clause_noun(tok) \
                    and (tok.lemma_ != "call" or any(c.dep_ in {"prep", "acl"} and c.lower_ in {"for", "to"} for c in tok.children)
                         and not any(c.dep_ == "compound" for c in tok.children)) \
                    and not self._need_told(tok):
                # "the need for", "our ... legal duty", "echo the call for the public to report": the noun with its determiner or owner
                lead = [c for c in tok.children if c.dep_ in {"det", "poss"} and c.i < tok.i]
                evidence = self._words(lead[0], tok, limit=6) if lead else tok.text
            if evidence is None or self._on_the_agenda(tok):
                continue
            rank = self.clause_rank(tok, sent)
            if rank is not None and self._speech_act_stands("CallToAction", tok):
                cues.append(self._cue("CallToAction", "necessity", evidence, rank, tok.idx))
        return cues

    def _need_told(self, noun: Token) -> bool:
        """A need or duty the clause tells rather than voices: one an instrument lays down ("The new Protocol
        reaffirms the obligation to punish ..."), or one that a past event answered ("the Conference responded to
        the urgent need for action"), as against one spoken of ("he spoke of the need for")."""
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if verb.pos_ not in {"VERB", "AUX"}:
            return False
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        laws = set((self.lexicon.get("CallToAction") or {}).get("binding_texts") or ())
        if subjects and (self._names_instrument(subjects[0]) or subjects[0].lemma_.lower() in laws and subjects[0].text[:1].isupper()):
            return True
        return noun.dep_ == "pobj" and verb.tag_ == "VBD" and verb.lemma_.lower() not in self.reporting \
            and not (subjects and subjects[0].lower_ in FIRST_PERSON)

    def _reported_actor(self, verb: Token) -> bool:
        """The verb's subject is a third party whose words are reported: a named actor, an office, "he" or "she"."""
        subject = self._speaking_subject(verb)
        return subject is not None and subject.lower_ not in FIRST_PERSON | PRONOUNS_PLURAL | {"it", "this", "you"} \
            and not any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in subject.children)

    def _names_document(self, subject: Token) -> bool:
        """The subject is a text, a plan or a programme ("a new ILO protocol aims to", "the project plans to"):
        what it aims at is its purpose, nobody's undertaking."""
        nouns = set((self.lexicon.get("Commitment") or {}).get("document_nouns") or ())
        return subject.lemma_.lower() in nouns or self._names_instrument(subject)

    def _names_instrument(self, token: Token) -> bool:
        mention = next((mm for mm in self.mentions if mm.span.start <= token.idx < mm.span.end), None)
        return mention is not None and mention.cls == m.INSTRUMENT

    @staticmethod
    def _opens_clause(verb: Token, sent: SpacySpan) -> bool:
        """The verb is the clause's first word but for an interjection, adverb or punctuation ("So, join us")."""
        for tok in sent:
            if tok.i == verb.i:
                return True
            if tok.pos_ not in {"PUNCT", "INTJ", "ADV", "CCONJ", "SPACE"} and tok.lower_ != "please":
                return False
        return False

    def _pledge_cues(self, sent: SpacySpan) -> list[ClassReading]:
        """"we will", "the Ministry will establish", "we continue to", "our commitment", "this Government's commitment"."""
        spec = self.lexicon.get("Commitment") or {}
        nouns = set(spec.get("pledge_nouns") or ())
        continuing = set(spec.get("continuing_verbs") or ())
        pledge_verbs = set(spec.get("pledge_verbs") or ())
        efforts = set(spec.get("ongoing_effort_verbs") or ())
        not_pledging = set(spec.get("not_pledging") or ())
        resolve = set(spec.get("pledge_adjectives") or ())
        first_person_verbs = set(spec.get("first_person_pledge_verbs") or ())
        agreement_verbs = set(spec.get("agreement_verbs") or ())
        undertakings = set(spec.get("undertaking_verbs") or ())
        parties = set(spec.get("party_nouns") or ())
        descriptive = set(spec.get("descriptive_verbs") or ())
        avowals = set(spec.get("avowal_verbs") or ())
        cues = []
        for tok in sent:
            evidence = None
            if tok.lower_ in {"will", "shall", "'ll"} and tok.dep_ == "aux":
                verb = tok.head
                subject = self._speaking_subject(verb)
                if subject is not None and subject.lower_ not in PRONOUNS_PLURAL | {"it"} | not_pledging and verb.lemma_ not in {"be", "have"}:
                    evidence = self._words(subject, tok) if subject.i < tok.i else tok.text
            elif tok.lemma_ in continuing and tok.pos_ == "VERB":
                # "we continue to fund", "my Government continues to support"; not "our country continues to face"
                subject = self._speaking_subject(tok)
                goes_on = [c for c in tok.children if c.dep_ == "xcomp" and c.lemma_ not in descriptive]
                if subject is not None and goes_on and (subject.lower_ in FIRST_PERSON or any(
                        c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in subject.children)):
                    evidence = self._words(subject, tok)
            elif efforts and tok.tag_ == "VBG" and tok.lemma_.lower() in efforts and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
                subject = self._speaking_subject(tok)
                if subject is not None and (subject.lower_ in FIRST_PERSON or any(
                        c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in subject.children)):
                    rank = self.clause_rank(tok, sent)
                    if rank is not None and self._speech_act_stands("Commitment", tok):
                        cues.append(self._cue("Commitment", "ongoing-effort", self._words(subject, tok), rank, tok.idx))
                continue
            elif tok.lower_ in resolve and (
                    (tok.dep_ == "acomp" and tok.head.lemma_ in {"be", "remain", "stay"})
                    or (tok.dep_ in {"ROOT", "ccomp", "conj"} and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in tok.children))
            ) and not any(c.dep_ in {"agent", "neg"} for c in list(tok.children) + list(tok.head.children)):
                # "Albania is fully committed", "we remain determined"
                verb = tok.head if tok.dep_ == "acomp" else tok
                subject = self._speaking_subject(verb, passive=True)
                if subject is not None and subject.lower_ not in PRONOUNS_PLURAL | {"it"} | not_pledging \
                        and not self._every_member_subject(tok):
                    evidence = self._words(subject, tok)
            elif tok.tag_ == "VBN" and tok.lemma_.lower() in undertakings and self._announced_in_own_voice(tok):
                # "Events of a similar format will be held in other capitals of the region"
                auxes = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
                evidence = self._words(auxes[0], tok)
            elif tok.lemma_ == "look" and tok.pos_ == "VERB" and self._looks_forward_to_own_work(tok):
                # "The UK and I look forward to working closely with you": the speaker's own work ahead
                subject = self._speaking_subject(tok)
                if subject is not None and subject.lower_ not in PRONOUNS_PLURAL | {"it"} | not_pledging:
                    evidence = self._words(subject, tok, limit=6)
            elif tok.lemma_.lower() in agreement_verbs and tok.pos_ == "VERB" and any(c.dep_ == "xcomp" for c in tok.children) \
                    and not any(c.dep_ == "neg" for c in tok.children):
                # "the two sides agreed to continue joint patrols": a decision on what they are to do
                subjects = [c for c in tok.children if c.dep_ == "nsubj"]
                subject = self._speaking_subject(tok)
                if subject is None and subjects and subjects[0].lemma_.lower() in parties:
                    subject = subjects[0]
                if subject is not None and subject.lower_ not in {"it"} | not_pledging and not self._names_document(subject):
                    evidence = self._words(subject, tok)
            elif tok.lemma_.lower() in first_person_verbs and tok.pos_ == "VERB" and any(c.dep_ in {"dobj", "ccomp"} for c in tok.children):
                subject = self._speaking_subject(tok)
                if subject is not None and subject.lower_ in FIRST_PERSON:
                    evidence = self._words(subject, tok)
            elif tok.lemma_.lower() in pledge_verbs and tok.pos_ == "VERB" and not any(c.dep_ == "neg" for c in tok.children) \
                    and any(c.dep_ in {"xcomp", "ccomp", "dobj", "prep"} for c in tok.children):
                # "the Ministry plans to open", "we intend to", "Norway has pledged EUR 2 million", "I assure you that"
                subject = self._speaking_subject(tok)
                if subject is not None and subject.lower_ not in PRONOUNS_PLURAL | {"it"} | not_pledging \
                        and not self._names_document(subject):
                    evidence = self._words(subject, tok)
            elif tok.lemma_.lower() in nouns and tok.pos_ == "NOUN":
                owner = [c for c in tok.children if c.dep_ == "poss"]
                if owner and (owner[0].lower_ in FIRST_PERSON or self.names_actor(owner[0]) or owner[0].lower_ in self.source_nouns):
                    evidence = self._words(owner[0], tok)
                elif owner and owner[0].lower_ in {"its", "their"} and self._own_subject(tok):
                    # "Our Government has made the fight one of its top priorities": the owner is the speaker's side
                    evidence = self._words(owner[0], tok)
                elif owner and owner[0].lower_ in {"its", "their"} and tok.dep_ == "dobj" \
                        and tok.head.lemma_.lower() in avowals and not any(c.dep_ == "neg" for c in tok.head.children) \
                        and (self._speaking_subject(tok.head) is not None
                             and self._speaking_subject(tok.head).lower_ not in FIRST_PERSON):
                    # "The Ministry has stated its resolve to address ...", "Belarus reaffirmed its commitment to":
                    # an actor's own pledge, avowed (not "I congratulate Belarus on its commitment")
                    evidence = self._words(tok.head, tok, limit=3)
                elif not owner and tok.dep_ == "attr" and tok.head.lemma_ in {"be", "remain", "stay"} \
                        and not any(c.dep_ == "neg" for c in tok.head.children) and any(
                        c.dep_ in {"compound", "amod", "nmod"} and c.pos_ == "PROPN" and self.mention_at(c.idx) is not None
                        and self.mention_at(c.idx).cls in m.ORGANIZATION_CLASSES | {m.COUNTRY} for c in tok.children):
                    # "The fight against trafficking remains an OSCE priority": the body named owns the pledge
                    evidence = self._words(tok.head, tok, limit=3)
                elif tok.lemma_.lower() == "priority" and self._priority_of_an_actor(tok, owner):
                    # "... is a top priority for the OSCE", "is a priority under the new EU Strategy", "ranks among its
                    # highest priorities": what a body says it gives first place to
                    evidence = self._words(tok.head, tok, limit=4)
            if evidence is None:
                continue
            rank = self.clause_rank(tok, sent)
            if rank is not None and self._speech_act_stands("Commitment", tok):
                cues.append(self._cue("Commitment", "pledge", evidence, rank, tok.idx))
        return cues

    def _priority_of_an_actor(self, noun: Token, owner: list) -> bool:
        """"X is a (top) priority for <a body, a country, us>" / "under <an instrument>", or "ranks among its highest
        priorities": a priority someone owns, said in the main clause and not denied. "It is a priority to ensure
        that ..." (an expletive subject and an infinitive) is a call, not a pledge."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "among":
            verb = verb.head
            if not owner or owner[0].lower_ not in FIRST_PERSON | {"its", "their"}:
                return False
        elif noun.dep_ != "attr" or owner:
            return False
        if verb.lemma_ not in {"be", "remain", "stay", "rank", "become"} or any(c.dep_ == "neg" for c in verb.children):
            return False
        if any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in verb.children) and any(
                c.dep_ in {"advcl", "xcomp", "acl", "ccomp"} and c.tag_ == "VB" for c in list(verb.children) + list(noun.children)):
            return False
        if noun.dep_ == "pobj":
            return True
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"for", "under", "within", "of"}):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.lower_ in {"us", "me"} or (obj.text[:1].isupper() and obj.lemma_.lower() in self.institution_nouns) or any(
                        mm.cls in m.ORGANIZATION_CLASSES | {m.COUNTRY, m.INSTRUMENT}
                        for mm in self.mentions_in(min(t.idx for t in obj.subtree), max(t.idx + len(t.text) for t in obj.subtree))):
                    return True
        return False

    def _stance_cues(self, sent: SpacySpan) -> list[ClassReading]:
        """"we have always supported", "we reject those remarks": support or rejection voiced by a speaker;
        "GRETA acknowledges the efforts of", "notes the progress made": an actor's work recognised."""
        cues = []
        spec = self.lexicon.get("Endorsement") or {}
        recognising, objects = set(spec.get("recognition_verbs") or ()), set(spec.get("praise_objects") or ())
        for tok in sent:
            if tok.lemma_.lower() not in recognising or tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
                continue
            praised = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in objects and not self._shared_work(c)]
            if not praised:
                continue
            rank = self.clause_rank(tok, sent)
            if rank is not None:
                cues.append(self._cue("Endorsement", "recognition", self._words(tok, praised[0], limit=4), rank, tok.idx))
        qualities = set(spec.get("credited_qualities") or ())
        for tok in sent:
            # "These innovations reflect the OSCE's leadership": a quality credited to a named actor
            if tok.lemma_.lower() not in qualities or tok.pos_ != "NOUN" or tok.dep_ not in {"dobj", "attr"}:
                continue
            owner = [c for c in tok.children if c.dep_ == "poss"]
            if not owner or self.mention_at(owner[0].idx) is None or any(c.dep_ == "neg" for c in tok.head.children):
                continue
            rank = self.clause_rank(tok, sent)
            if rank is not None:
                cues.append(self._cue("Endorsement", "recognition", self._words(owner[0], tok, limit=6), rank, tok.idx))
        for cls, key in (("Endorsement", "support_verbs"), ("Criticism", "rejection_verbs")):
            verbs = set((self.lexicon.get(cls) or {}).get(key) or ())
            for tok in sent:
                if tok.lemma_.lower() not in verbs or tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
                    continue
                if cls == "Endorsement" and self._greets_occasion(tok):
                    continue
                subject = self._speaking_subject(tok)
                if subject is None or (cls == "Endorsement" and subject.lower_ not in FIRST_PERSON):
                    continue  # "Europol supported an action week" is help given, "we have always supported" a stance
                rank = self.clause_rank(tok, sent)
                if rank is not None:
                    cues.append(self._cue(cls, "stance-verb", self._words(subject, tok), rank, tok.idx))
        return cues

    @staticmethod
    def _shared_work(noun: Token) -> bool:
        """"noted the joint work within the framework of the Memorandum", "our efforts": work the speaker shares in
        or owns is told, no other actor is praised for it."""
        return any((c.dep_ == "amod" and c.lower_ in {"joint", "common", "mutual", "shared"})
                   or (c.dep_ == "poss" and c.lower_ in FIRST_PERSON) for c in noun.children)

    def _lemma_cues(self, sent: SpacySpan) -> list[ClassReading]:
        """Trigger verbs in any inflection ("the Minister commended the police", "GRETA deplored")."""
        cues = []
        for cls in ("Commitment", "Endorsement", "Criticism"):
            lemmas = set((self.lexicon.get(cls) or {}).get("verb_lemmas") or ())
            for tok in sent:
                if tok.pos_ != "VERB" or tok.lemma_.lower() not in lemmas or not self._trigger_reads(tok, cls):
                    continue
                rank = self.clause_rank(tok, sent)
                if rank is None or not self._speech_act_stands(cls, tok):
                    continue
                if cls == "Endorsement" and self._negated(tok):
                    cues.append(self._cue("Criticism", "negated-praise", tok.text, rank, tok.idx))
                else:
                    cues.append(self._cue(cls, f"{cls.lower()}-phrase", tok.text, rank, tok.idx))
        return cues

    def _credit_cues(self, sent: SpacySpan) -> list[ClassReading]:
        """"thanks to the timely prioritization of the Chairmanship, ...": credit given to an actor."""
        phrases = (self.lexicon.get("Endorsement") or {}).get("credit_phrases") or ()
        cues = []
        flat = _flat(sent.text)
        for phrase, pattern in _phrase_regex(tuple(phrases)):
            for match in pattern.finditer(flat):
                start = sent.start_char + match.end()
                after = [t for t in sent if t.idx >= start]
                if not after:
                    continue
                phrase_tokens = [t for t in sent if sent.start_char + match.start() <= t.idx < start]
                objects = [c for t in phrase_tokens for c in t.children if c.dep_ == "pobj"]
                # credit to an actor, or to an instrument ("it is thanks to the Protocol that ...")
                instruments = set((self.lexicon.get("Commitment") or {}).get("document_nouns") or ())
                if any(self.mention_at(t.idx) is not None or self._names_instrument(t) for o in objects for t in o.subtree) \
                        or any(o.lemma_.lower() in instruments and o.text[:1].isupper() for o in objects):
                    rank = self.clause_rank(phrase_tokens[0], sent)
                    if rank is not None:
                        cues.append(self._cue("Endorsement", "credit", sent.text[match.start() : match.end()], rank, sent.start_char + match.start()))
        return cues

    def _decline_cues(self, sent: SpacySpan) -> list[ClassReading]:
        """"the government prosecuted fewer traffickers than the previous year", "authorities identified fewer
        victims": an actor (not the speaker) doing less of a duty than before is a finding against it."""
        cues = []
        for tok in sent:
            if tok.lower_ not in {"fewer", "less"} or not any(t.lower_ == "than" for t in sent):
                continue
            obj = tok.head if tok.dep_ == "amod" else tok
            verb = obj.head
            if obj.dep_ != "dobj" or verb.pos_ != "VERB":
                continue
            subject = self._speaking_subject(verb)
            if subject is None or subject.lower_ in FIRST_PERSON or any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in subject.children):
                continue
            rank = self.clause_rank(verb, sent)
            if rank is not None:
                cues.append(self._cue("Criticism", "failed-duty", self._words(verb, tok, limit=3), rank, tok.idx))
        return cues

    def _abuse_cues(self, sent: SpacySpan) -> list[ClassReading]:
        """"the regime is instrumentalising vulnerable people", "the government exploits migrants": an actor
        (a state, a government, a body) as the subject of a verb of abuse."""
        verbs = set((self.lexicon.get("Criticism") or {}).get("abuse_verbs") or ())
        cues = []
        for tok in sent:
            if tok.lemma_.lower() not in verbs or tok.pos_ != "VERB" or any(c.dep_ in {"neg", "auxpass"} for c in tok.children):
                continue
            subject = self._speaking_subject(tok)
            if subject is None:
                subjects = [c for c in tok.children if c.dep_ == "nsubj"] or (
                    [c for c in tok.head.children if c.dep_ == "nsubj"] if tok.dep_ in {"xcomp", "conj"} else [])
                ruling = set((self.lexicon.get("Criticism") or {}).get("ruling_nouns") or ())
                subject = subjects[0] if subjects and subjects[0].lemma_.lower() in ruling else None
            if subject is None or subject.lower_ in FIRST_PERSON | PRONOUNS_PERSON | PRONOUNS_PLURAL:
                continue
            rank = self.clause_rank(tok, sent)
            if rank is not None:
                cues.append(self._cue("Criticism", "stance-verb", self._words(subject, tok, limit=4), rank, tok.idx))
        cues += self._complicity_cues(sent)
        return cues

    def _complicity_cues(self, sent: SpacySpan) -> list[ClassReading]:
        """"even customs officers took part in this criminal network", "the Red Dawn militia and other armed groups
        engage in human trafficking": a body, a state or those in office as the subject of a verb of taking part in
        the crime. Traffickers or a gang doing so is the crime told, and so is a victim "forced to engage in" it."""
        spec = self.lexicon.get("Criticism") or {}
        verbs = {str(v).lower() for v in spec.get("complicity_verbs") or ()}
        crimes = set(spec.get("crime_nouns") or ()) | set(spec.get("scheme_nouns") or ())
        perpetrators = set(spec.get("perpetrator_nouns") or ())
        holders = set(spec.get("office_nouns") or ())
        cues = []
        for tok in sent:
            if tok.pos_ != "VERB" or any(c.dep_ in {"neg", "auxpass"} for c in tok.children):
                continue
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "with"}]
            phrase = next((f"{tok.lemma_.lower()} {p.lower_}" for p in preps if f"{tok.lemma_.lower()} {p.lower_}" in verbs), None)
            if phrase is None and tok.lemma_.lower() == "take":
                part = any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children)
                phrase = "take part in" if part and any(p.lower_ == "in" for p in preps) else None
            if phrase is None:
                continue
            objects = [o for p in preps if phrase.endswith(p.lower_) for o in p.children if o.dep_ in {"pobj", "pcomp"}]
            if not any(o.lemma_.lower() in crimes | perpetrators or any(t.lemma_.lower() in crimes | perpetrators for t in o.children
                                                                      if t.dep_ in {"compound", "amod"}) for o in objects):
                continue
            subjects = [c for c in tok.children if c.dep_ == "nsubj"] or (
                [c for c in tok.head.children if c.dep_ == "nsubj"] if tok.dep_ == "conj" else [])
            if not subjects or any(t.lemma_.lower() in perpetrators or (t.lemma_.lower() in crimes and t.dep_ in {"compound", "amod"})
                                   for t in subjects[0].subtree):
                continue  # "traffickers", "an organised crime group", "the trafficking gang": the crime told
            named = [mm for t in subjects[0].subtree for mm in [self.mention_at(t.idx)] if mm is not None]
            heads = [t for t in subjects[0].subtree if t.i == subjects[0].i or t.dep_ == "conj"]  # "A, B and other armed groups"
            if not (any(mm.cls in m.ORGANIZATION_CLASSES | {m.COUNTRY} for mm in named) or any(t.lemma_.lower() in holders for t in heads)):
                continue
            rank = self.clause_rank(tok, sent)
            if rank is not None:
                cues.append(self._cue("Criticism", "complicity", self._words(tok, objects[0], limit=5), rank, tok.idx))
        return cues

    def _failed_duty_cues(self, sent: SpacySpan) -> list[ClassReading]:
        """"the government did not meet the minimum standards": a duty negated in the main clause."""
        verbs = set((self.lexicon.get("Criticism") or {}).get("duty_verbs") or ())
        cues = []
        for tok in sent:
            if tok.lemma_.lower() not in verbs or tok.pos_ != "VERB":
                continue
            negation = [c for c in tok.children if c.dep_ == "neg"]
            if not negation or any(c.lower_ in {"must", "should", "need", "cannot"} for c in tok.children if c.dep_ == "aux"):
                continue
            if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in tok.children) or \
                    negation[0].i > 0 and tok.doc[negation[0].i - 1].lower_ == "or":
                continue  # "whether or not they have ratified it": an alternative, not a duty failed
            rank = self.clause_rank(tok, sent)
            if rank is not None:
                auxes = [c for c in tok.children if c.dep_ in {"aux", "neg"} and c.i < tok.i]
                start = min([tok.i] + [a.i for a in auxes])
                cues.append(self._cue("Criticism", "failed-duty", tok.doc[start : tok.i + 1].text, rank, tok.idx))
        return cues

    # ---- figures --------------------------------------------------------------------------------
    def _figure_cue(self, sentence: Span, sent: SpacySpan | None, restrictive: bool = False) -> ClassReading | None:
        """A number that counts something in the clause; dates, spans of time and numbers deep in a modifier do not."""
        spec = self.lexicon.get("Statistic") or {}
        weak = {str(w).lower() for w in spec.get("weak_number_words") or ()}
        depth_limit = int(spec.get("figure_depth") or 4)
        labels = {str(w).lower() for w in spec.get("label_words") or ()}
        text = sentence.text
        chars = list(text)
        tokens = [t for t in sent if t.like_num or t.pos_ == "NUM"] if sent is not None else []
        for tok in tokens:
            start = tok.idx - sentence.start
            if start < 0 or start >= len(text):
                continue
            end = min(len(text), start + len(tok.text))
            after, before = text[end:], text[max(0, start - 40) : start]
            drop = (
                (tok.lower_ in weak and not self._counts_people(tok, spec))
                or DURATION_AFTER.match(after) is not None
                or (DURATION_UNIT.match(after) is not None and DURATION_BEFORE.search(before.lower()) is not None)
                or DATE_PART.match(after) is not None
                or before.endswith("/")
                or (before.endswith("[") and after.startswith("]"))  # a footnote marker "organizations.[2]"
                or (len(tok.text) > 1 and tok.text[0] == "0" and tok.text.isdigit())  # "08000 121700": a number that dials
                or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in labels)
                or self._inside_name(tok)
                or _in_quoted_title(text, start, end)  # 'the conference "10 Years of Combating Trafficking ..."'
                or self._one_of(tok)
                or self._age(tok, text, start, end)
                or RATE_OF_TIME.match(after) is not None  # "working 365 days a year", "24 hours a day": always, no count
                or self._figure_depth(tok, sent) > depth_limit
                or (self.clause_rank(tok, sent) is None and not (restrictive and self._in_restrictive_relative(tok, sent)))
            )
            if drop:
                for i in range(start, end):
                    chars[i] = "x"
        masked = re.sub(r"\[\d{1,3}\]", lambda mt: "x" * len(mt.group(0)), "".join(chars))  # footnote markers "[2]"
        quantity, _ = self.quantity(masked, vague=False)
        kept = [t for t in tokens if sentence.start <= t.idx < sentence.end and masked[t.idx - sentence.start] != "x"]
        if quantity is None:
            # "Forty of the defendants were acquitted": a counted part of a group
            kept = [t for t in kept if t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "of" and not t.text[0].isdigit()
                    and t.lower_ in {str(k).lower() for k in spec.get("number_words") or {}}]
            if not kept:
                fraction = FRACTION.search(text)
                if fraction:
                    # "Nearly half of all victims are EU citizens", "an estimated one-third of trafficking victims"
                    return self._cue("Statistic", "figure-phrase", fraction.group(0).strip(), 0, sentence.start + fraction.start())
                phrase = None
                for candidate, pattern in _phrase_regex(tuple(spec.get("phrases") or ())):
                    found = pattern.search(_flat(text))
                    if found and self._figure_phrase_tells(sent, sentence.start + found.start(), sentence.start + found.end()):
                        phrase = candidate
                        break
                return self._cue("Statistic", "figure-phrase", phrase, 0, sentence.start) if phrase else None
        # the number the figure reader takes: the first kept one it reads as a figure on its own
        first = None
        for candidate in kept:
            alone = list(masked)
            for other in kept:
                if other.i != candidate.i:
                    start = other.idx - sentence.start
                    alone[start : start + len(other.text)] = "x" * len(other.text)
            if self.quantity("".join(alone), vague=False)[0] is not None or candidate.lower_ in {
                    str(k).lower() for k in spec.get("number_words") or {}}:
                first = candidate
                break
        if first is None:
            return self._cue("Statistic", "figure", quantity, 0, sentence.start)
        last = first.head if first.i < first.head.i <= first.i + 4 else first
        while last.head.i != last.i and last.i < last.head.i <= last.i + 3 and last.pos_ == "NUM":
            last = last.head
        return self._cue("Statistic", "figure", first.doc[first.i : last.i + 1].text, 0, first.idx)

    def _figure_phrase_tells(self, sent: SpacySpan | None, start: int, end: int) -> bool:
        """"The number of victims has doubled" tells a figure; "it gives figures of the number of victims" only
        names one: a phrase that names a quantity ("the number of", "the majority of") must head the
        clause's subject or its predicate."""
        if sent is None:
            return True
        head = self._phrase_head(sent, start, end)
        if head is None or head.lemma_.lower() not in QUANTITY_NOUNS:
            return True
        return head.dep_ in SUBJECTS | {"attr", "ROOT"}

    def _in_restrictive_relative(self, token: Token, sent: SpacySpan) -> bool:
        """The token stands in a relative clause with no comma before it ("an industry that generates ..."),
        itself in the main clause."""
        relatives = [a for a in self._ancestors_in(token) if a.dep_ == "relcl"]
        if len(relatives) != 1:
            return False
        relative = relatives[0]
        first = min(t.i for t in relative.subtree)
        if first > 0 and relative.doc[first - 1].text == "," or relative.doc[first].lower_ not in {"that", "which", "who", "whose"}:
            return False
        named = relative.head  # what the relative clause tells of: an argument of the main verb itself
        if named.dep_ == "pobj" and named.head.dep_ == "prep":
            named = named.head  # "we are dealing with an industry that ..."
        return named.dep_ in {"dobj", "attr", "nsubj", "nsubjpass", "oprd", "prep"} and named.head.dep_ == "ROOT" \
            and self.clause_rank(named, sent) == 0

    def _greets_occasion(self, verb: Token) -> bool:
        """"welcome this opportunity", "appreciate the chance to": the object is the occasion itself."""
        occasions = set((self.lexicon.get("Endorsement") or {}).get("occasion_objects") or ())
        return any(c.dep_ == "dobj" and c.lemma_.lower() in occasions for c in verb.children)

    @staticmethod
    def _one_of(tok: Token) -> bool:
        """"one of more than 70 speakers", "one of the 12 member states": the number counts a group that someone or
        something is said to belong to, not what the clause tells."""
        node = tok.head if tok.dep_ in {"nummod", "quantmod"} else tok
        while node.dep_ in {"nummod", "quantmod", "amod", "compound"} and node.head.i != node.i:
            node = node.head
        return node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ == "one"

    @staticmethod
    def _age(tok: Token, text: str, start: int, end: int) -> bool:
        """A person's age, not a count: "the 27 year old South African", "a 16-year-old girl", "Ivo Marsh, 52,"
        (a number set off by commas right after a name)."""
        if AGE_AFTER.match(text[end:]):
            return True
        doc = tok.doc
        before = doc[tok.i - 1] if tok.i > 0 else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        return bool(tok.text.isdigit() and len(tok.text) <= 2 and before is not None and before.text == "," and tok.i > 1
                    and doc[tok.i - 2].pos_ == "PROPN" and doc[tok.i - 2].ent_type_ in {"PERSON", ""}
                    and after is not None and after.text in {",", ".", ";"} and not text[:start].rstrip().endswith(("and ,", "or ,")))

    def _inside_name(self, tok: Token) -> bool:
        """A number that is part of an instrument's or an event's name ("ILO Convention 29", "the 10th Forum")."""
        return any(mm.span.start <= tok.idx < mm.span.end and mm.cls in {m.INSTRUMENT} | m.EVENT_CLASSES for mm in self.mentions)

    @staticmethod
    def _counts_people(tok: Token, spec: dict) -> bool:
        """"four people are sought", "two in three victims", "only five traffickers": a small number word that counts."""
        nouns = set(spec.get("counted_nouns") or ())
        doc = tok.doc
        if tok.i > 0 and doc[tok.i - 1].lower_ in {"all", "the", "these", "those", "both"}:
            return False  # "all three suspects have been bailed": the group already counted, taken up again
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in {"in", "out"} and (doc[tok.i + 2].like_num or doc[tok.i + 2].lower_ == "of"):
            return True
        if tok.lower_ == "one" and not (tok.i > 0 and doc[tok.i - 1].lower_ in {"only", "just", "least"}):
            # "it is about one person having control over another": the indefinite, no count ("one million" counts)
            return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {str(k).lower() for k in spec.get("multipliers") or {}}
        if tok.i > 0 and doc[tok.i - 1].lower_ in set(spec.get("count_markers") or ()):
            return True
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {str(k).lower() for k in spec.get("multipliers") or {}} | {"hundred"}:
            return True  # "one million refugees"
        head = tok.head
        # "wait on average four years": a measured span of time ("for three years" is dropped as context before this)
        return tok.dep_ == "nummod" and (head.lemma_.lower() in nouns or DURATION_UNIT.match(head.text) is not None)

    @staticmethod
    def _figure_depth(tok: Token, sent: SpacySpan) -> int:
        """How far down from its clause a number stands: one step per argument or prepositional phrase
        ("the identification of 14 persons" is near; "a week carried out by agencies from a total of 22
        member states" is inside a participle, as deep as it gets)."""
        depth, node = 0, tok
        while node.head.i != node.i and sent.start <= node.head.i < sent.end and depth < 40:
            if node.dep_ == "acl":
                return 99
            if node.dep_ not in {"nummod", "quantmod", "compound", "advmod", "amod", "prep", "conj", "appos"}:
                depth += 1
            node = node.head
            if node.pos_ in {"VERB", "AUX"} and any(c.dep_ in SUBJECTS for c in node.children):
                break  # the clause the figure belongs to
        return depth

    def _vague_count(self, sentence: Span, sent: SpacySpan | None) -> str | None:
        """"millions of people", "thousands of victims": a count without a number, in the clause itself."""
        spec = self.lexicon.get("Statistic") or {}
        words = sorted((str(w).lower() for w in (spec.get("vague_words") or {})), key=len, reverse=True)
        text = sentence.text
        flat = _flat(text)
        for word in words:
            # "millions of people" counts; "the millions of children" refers to them
            for match in re.finditer(rf"(?<!the )(?<![\w-]){re.escape(word)}\s+of\s+\w+", flat):
                token = self._token_at(sent, sentence.start + match.start())
                if token is not None and token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
                    continue
                if token is not None and (self.clause_rank(token, sent) is None
                                          or self._figure_depth(token, sent) > int(spec.get("figure_depth") or 4)):
                    continue
                return text[match.start() : match.end()]
        return None

    # ---- provenance -----------------------------------------------------------------------------
    @functools.cached_property
    def _confidence(self) -> dict:
        return self.lexicon.get("confidence") or {}

    def _rule_strength(self, rule: str) -> float:
        table = self._confidence.get("class_rules") or {}
        return float(table.get(rule, table.get("default", 0.7)))

    def finish_provenance(self, claims: list[ClaimRecord], strengths: dict[tuple[int, int], float]) -> None:
        """Default claimant rules where attribution left none, and each claim's confidence (class x claimant)."""
        table = self._confidence.get("claimant_rules") or {}
        for claim in claims:
            if claim.cls == "Statistic" and claim.quantity is None and claim.class_rule == "figure" and claim.class_evidence:
                # "Forty of the defendants": the figure the classifier read, where the sentence's first number is none
                claim.quantity, claim.unit = self.quantity(claim.class_evidence)
            if claim.class_rule is None:
                claim.class_rule = "figure-clause" if claim.cls == "Statistic" else "no-trigger"
                claim.class_evidence = claim.quantity if claim.cls == "Statistic" else None
            if claim.claimant_rule is None:
                if claim.claimant is None:
                    claim.claimant_rule = "no-claimant"
                elif claim.claimant == self.speaker_ref:
                    claim.claimant_rule = "document-speaker"
                elif claim.claimant == self.author_ref:
                    claim.claimant_rule = "document-author"
                else:
                    claim.claimant_rule = "context"
            class_strength = strengths.get((claim.span.start, claim.span.end), self._rule_strength(claim.class_rule))
            claimant_strength = float(table.get(claim.claimant_rule, table.get("default", 0.7)))
            claim.confidence = round(class_strength * claimant_strength, 2)
