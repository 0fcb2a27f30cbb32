"""Claims in one document: who urged, committed, counted, praised or criticised what.

Every substantive sentence of the body becomes a claim of one of six
classes, chosen by the trigger lexicon in `ontology/lexicon/claims.yaml`.
The claimant is the speaker of a speech or statement; in news, the person
or body a reporting verb or a quotation attributes the words to (pronouns
go to the last one named), else the author. Addressees come from the
parse (the object of "urge", "thank", "commend"...), figures from numbers.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from tipgraph import model as m
from tipgraph.extract.metadata import header_lines
from tipgraph.model import ClaimRecord, DocumentInfo, EntityMention, reference, RelationFact, SourceDocument, Span
from tipgraph.vocab import Vocabulary

ACTOR_CLASSES = m.ORGANIZATION_CLASSES | {m.PERSON, m.COUNTRY}
QUOTES_OPEN = "“\"‘«"
QUOTES_CLOSE = "”\"’»"
PRONOUNS_PERSON = {"he", "she"}
PRONOUNS_BODY = {"it"}
PRONOUNS_PLURAL = {"they"}
FIRST_PERSON = {"i", "we", "us", "me", "our", "my"}
RELATIVE = {"which", "who", "that"}
YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")



def _normalise(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").lower().split())


@functools.lru_cache(maxsize=256)
def _phrase_patterns(phrases: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple(
        (phrase, re.compile(rf"(?<![\w-]){re.escape(phrase.lower())}(?![\w-])" if phrase[-1].isalnum()
                            else rf"(?<![\w-]){re.escape(phrase.lower())}"))
        for phrase in phrases if phrase
    )


def _has_phrase(text: str, phrases) -> str | None:
    """The first phrase found in `text` (lower case) on word boundaries."""
    for phrase, pattern in _phrase_patterns(tuple(phrases or ())):
        if pattern.search(text):
            return phrase
    return None


@dataclass
class Attribution:
    """Who is speaking, as the text runs on."""

    default: str | None
    last_person: tuple[int, str] | None = None
    last_body: tuple[int, str] | None = None
    quote_speaker: str | None = None


class ClaimExtractor:
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

    # -- document-level facts ---------------------------------------------------
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

    # -- sentences ------------------------------------------------------------------
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
            flat = _normalise(re.sub(r"[*_#]", "", piece))
            if len(flat.split()) < min_words or any(p.search(flat) for p in skip):
                continue
            if _has_phrase(flat, (self.lexicon.get("Endorsement") or {}).get("courtesies")) == flat:
                continue
            if flat.endswith(":") and self._introduces_quote(start, end):
                continue  # "Speaking at the conference, Kim said:": the quotation that follows is the claim
            for clause in self._clauses(start, end, min_words):
                clause_flat = _normalise(re.sub(r"[*_#]", "", clause.text))
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

    # -- classification --------------------------------------------------------------
    def classify(self, sentence: Span, sent: SpacySpan | None) -> str:
        flat = _normalise((self.governing.get(sentence.start, "") + " " + sentence.text).replace("*", ""))
        for cls in self.lexicon.get("precedence") or m.CLAIM_CLASSES:
            spec = self.lexicon.get(cls) or {}
            if cls == "Assertion":
                break
            if _has_phrase(flat, spec.get("not_if")):
                flat_checked = re.sub("|".join(re.escape(p) for p in spec.get("not_if")), " ", flat)
            else:
                flat_checked = flat
            if cls == "CallToAction":
                verb = self.appeal_verb(sent)
                if verb is not None or _has_phrase(flat_checked, spec.get("phrases")):
                    return cls
                continue
            if cls == "Statistic":
                if self.quantity(sentence.text, vague=False)[0] is not None or _has_phrase(flat_checked, spec.get("phrases")):
                    return cls
                continue
            if _has_phrase(flat_checked, spec.get("phrases")):
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

    # -- figures ---------------------------------------------------------------------
    _MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
    _MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b")
    _MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$")

    def quantity(self, text: str, vague: bool = True) -> tuple[str | None, str | None]:
        spec = self.lexicon.get("Statistic") or {}
        words = {str(k).lower(): v for k, v in (spec.get("number_words") or {}).items()}
        if vague:
            words.update({str(k).lower(): v for k, v in (spec.get("vague_words") or {}).items()})
        multipliers = {str(k).lower(): v for k, v in (spec.get("multipliers") or {}).items()}
        flat = text.replace("\u2019", "'")
        for match in re.finditer(r"(?<![\w.-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(%|per ?cent|percent))?(?:\s+(thousand|million|billion))?(?![\w-])", flat):
            number, percent, scale = match.group(1), match.group(2), match.group(3)
            if not percent and YEAR.match(number):
                continue
            before = flat[max(0, match.start() - 12) : match.start()]
            if re.search(r"(?:Article|No\.|Resolution|Decision|Tier|\bat)\s*$", before):
                continue
            if self._MONTH_AFTER.match(flat[match.end() :]) or self._MONTH_BEFORE.search(before):
                continue
            value = Decimal(number.replace(",", ""))
            if scale:
                value *= multipliers.get(scale.lower(), 1)
            unit = "percent" if percent else self._unit_after(flat, match.end())
            return _decimal_text(value), unit
        lowered = flat.lower()
        for word in sorted(words, key=len, reverse=True):
            match = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])(?! of\b)", lowered)
            if match:
                value = Decimal(str(words[word]))
                end = match.end()
                scale = re.match(r"\s+(thousand|million|billion)\b", lowered[end:])
                if scale:
                    value *= multipliers.get(scale.group(1), 1)
                    end += scale.end()
                return _decimal_text(value), self._unit_after(flat, end)
        return None, None

    @staticmethod
    def _unit_after(text: str, position: int) -> str | None:
        following = re.match(r"\s*(?:of\s+(?:the\s+)?)?(?:[a-z-]+\s+){0,2}?([a-z]+s)\b", text[position : position + 60])
        return following.group(1) if following else None

    @staticmethod
    def period(text: str) -> str | None:
        years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text)
        if not years:
            return None
        if len(set(years)) == 1:
            return years[0]
        return f"{min(years)}/{max(years)}"

    # -- attribution -----------------------------------------------------------------
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

    # -- addressees ---------------------------------------------------------------------
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

    # -- the pass ------------------------------------------------------------------------
    def extract(self) -> list[ClaimRecord]:
        state = Attribution(default=(self.author_ref if self.info.genre == "NewsArticle" else None) or self.speaker_ref)
        claims: list[ClaimRecord] = []
        previous_paragraph = -1
        previous_claimant: str | None = None
        figures_source: dict[int, str] = {}
        paragraph_of: list[int] = []
        source_phrases = (self.lexicon.get("Statistic") or {}).get("source_phrases") or ()
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

            cls = self.classify(sentence, sent)
            about = sorted({reference(mm) for mm in self.mentions_in(sentence.start, sentence.end)})
            claim = ClaimRecord(cls=cls, span=sentence, claimant=claimant, about=about)
            claim.addressees = self.addressees(cls, sentence, sent, claimant)
            claim.roles = self.roles(sentence)
            if cls == "Statistic":
                claim.quantity, claim.unit = self.quantity(sentence.text)
                claim.period = self.period(sentence.text)
            claims.append(claim)
            paragraph_of.append(paragraph)
            if _has_phrase(_normalise(sentence.text), source_phrases):
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
        return claims

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

    def _figure_clause(self, sentence: Span, cls: str, claimant: str | None) -> ClaimRecord | None:
        """', which affects millions of people': a figure in a relative clause is a statistic of its own."""
        if cls == "Statistic":
            return None
        match = re.search(r",\s+((?:which|who|that)\b[^,;]*)", sentence.text)
        if not match:
            return None
        quantity, unit = self.quantity(match.group(1))
        if quantity is None:
            return None
        start = sentence.start + match.start(1)
        end = sentence.start + match.end(1)
        while end > start and self.text[end - 1] in " .;:!?":
            end -= 1
        span = Span(start, end, self.text[start:end])
        about = sorted({reference(mm) for mm in self.mentions_in(start, end)})
        return ClaimRecord(cls="Statistic", span=span, claimant=claimant, about=about, quantity=quantity, unit=unit, period=self.period(span.text))

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


def _decimal_text(value: Decimal) -> str:
    try:
        normal = value.normalize()
    except InvalidOperation:
        return str(value)
    text = format(normal, "f")
    return text


def extract_claims(
    document: SourceDocument, parsed: Doc, mentions: list[EntityMention], info: DocumentInfo, vocab: Vocabulary
) -> list[ClaimRecord]:
    return ClaimExtractor(document, parsed, mentions, info, vocab).extract()


def extract_group_statement(document: SourceDocument, mentions: list[EntityMention], vocab: Vocabulary) -> list[RelationFact]:
    """'on behalf of the European Union'; 'The candidate countries ... align themselves with this statement'."""
    lexicon = vocab.lexicon("claims")
    text = document.text
    facts: list[RelationFact] = []
    for pattern in lexicon.get("on_behalf_patterns") or ():
        for match in re.finditer(pattern, text):
            start, end = match.start("group"), match.end("group")
            for mm in mentions:
                if start <= mm.span.start < end and mm.cls in ACTOR_CLASSES:
                    facts.append(RelationFact("doc:", "onBehalfOf", reference(mm), span=Span(start, end, text[start:end])))
                    break
    for pattern in lexicon.get("alignment_patterns") or ():
        for match in re.finditer(pattern, text):
            start, end = match.start("list"), match.end("list")
            for mm in mentions:
                if start <= mm.span.start < end and mm.cls == m.COUNTRY:
                    facts.append(RelationFact("doc:", "alignedActor", reference(mm)))
    return facts
