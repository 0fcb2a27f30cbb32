"""Attribution: who makes a claim (speaker, quoted or reported actor, pronoun).

Each claim gets a `Source`: the claimant's reference, the name of the rule that
found it (`ClaimRecord.claimant_rule`) and the words it rests on
(`claimant_evidence`), so an analyst can check the reading. The rules, in the
order they are tried:
  quotation             the sentence lies inside a quotation: whoever the quotation is
                        attributed to ('“A. B,” said X.', 'X added: “...', a paragraph
                        ending "X said:" before it) speaks every sentence of it
  reporting-verb        a verb of saying or stance and its subject ("X said that", "X noted
                        the importance", '..., said X.', '..., police said on Tuesday.')
  pronoun               "he"/"she"/"they" as that subject: the person (or the body whose
                        representative spoke) named last
  title-coreference     "the minister", "the Special Representative", "the deputy PM": the person last given that office
  body-coreference      "court officials", "the ministry": the body named before with that noun
  source-anaphor        "the cited source", "Another recommendation": the source named last
  unnamed-speakers      "speakers", "many", "some" in meetings coverage: the body that met
  according-to          "according to X, ..." (third-person genres)
  attribution-phrase    "in the words of X", "as X said"
  introduced-by         the paragraph after one that ends "In the words of X:" / "X says:"
  quotation-continued   a quotation with no attribution of its own, right after X spoke
  continuation          reported speech running on in the same paragraph; in a story with no
                        byline, the source last named
  delayed-source        a news lede told by "police", "officials", "the head of the delegation" or no one:
                        the first source the next two paragraphs give words to
  document-speaker      the speaker of a speech or statement (on-behalf-of: for a group)
  document-publisher    the publisher or issuing body of a press release or report
  document-author       the author of a news story or report
"""
from __future__ import annotations

import bisect
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
    RELATIVE,
)
from tipgraph.extract.metadata import header_lines
from tipgraph.model import EntityMention, Span, reference

OPENING_QUOTES = "“«„"
CLOSING_QUOTES = "”»"


@dataclass(frozen=True)
class Source:
    """Who makes a claim, by which rule, on which words."""

    ref: str
    rule: str
    evidence: str


# a sentence that breaks down the figure just given ("Of that figure, ...", "Of these, ...", "Among them, ...")
FIGURE_ANAPHOR = re.compile(r"(?i)^\W*(?:of|among|out of) (?:that|this|these|those|them|which|whom)(?: (?:figure|number|total|cases|victims))?\s*,")


@dataclass
class Quotation:
    """One quoted passage, perhaps over several paragraphs (each reopening the quotation)."""

    start: int  # the opening mark (or the paragraph start when the mark is missing)
    end: int  # the closing mark, or the end of the last paragraph it runs to
    closed: bool = False
    source: Source | None = None


@dataclass
class Attribution:
    """Who is speaking, as the text runs on."""

    default: Source | None
    last_human: Source | None = None  # the last person (or a body's representative) named as a speaker
    humans: list | None = None  # every such speaker so far, the latest last: "she" may skip a "he"
    last_body: Source | None = None
    last_source: Source | None = None  # the last claimant other than the default
    meeting_body: str | None = None  # "speakers in the General Assembly": the body whose members speak
    previous: Source | None = None  # the previous claim's source
    previous_paragraph: int = -1
    pending: Source | None = None  # "X said:" at the end of a paragraph: the next paragraph is X's
    pending_paragraph: int = -1
    lede_paragraph: int = -1  # the paragraph of the first claim: a news story's lede
    delayed: Source | None = None  # the source the paragraphs after the lede name first
    delayed_sought: bool = False


def _words(text: str) -> str:
    return " ".join(text.split())


class AttributionMixin:
    # -- the document's own voice ---------------------------------------------------------

    def _speaker_reference(self) -> str | None:
        if self.info.speaker and self._speaker_is_office() and self.info.genre in {"Speech", "Statement"}:
            # only an office ("Deputy Secretary General of the Council of Europe,"): the body the speaker says
            # they represent ("I am honoured to represent the Assembly"), if the speech says so
            represented = self._represented_body()
            if represented is not None:
                return represented
        if self.info.speaker:
            return f"Person:{self.info.speaker}"
        if self.info.publisher:
            return self.info.publisher
        if self.info.genre == "NewsArticle":
            return None  # a headline names what the story is about, not who tells it
        if self.info.genre in {"Speech", "Statement"}:
            # no one named delivers it: the body the title credits ("EU Statement on ...",
            # "Statement by the Delegation of Norway"), else the one it is delivered on behalf of
            voice = self._title_voice() or (self.info.on_behalf_of[0] if self.info.on_behalf_of else None)
            if voice:
                return voice
        header = header_lines(self.text, 6)
        end = header[-1].end if header else 0
        # "VIENNA, 25 June (UN Information Service) - Thank you ...": the agency in the dateline issues the text
        dateline = self._AGENCY_DATELINE.match(self.text, end)
        if dateline:
            end = dateline.end()
        for mm in self.mentions:
            if mm.span.start > end:
                break
            if mm.cls in m.ORGANIZATION_CLASSES and mm.cls != m.MEDIA_ORGANIZATION and not self._forum(mm) \
                    and not self._in_occasion(mm):
                return reference(mm)
        return self._issuer()

    def _speaker_is_office(self) -> bool:
        """The speaker metadata gives is an office, not a name ("Deputy Secretary General", "Special Representative
        of the Council of Europe,"): the words before any "of" are all words of titles."""
        office = re.split(r"\s+of\s+", (self.info.speaker or "").strip(" ,;:"), maxsplit=1)[0]
        words = [w for w in re.split(r"[\s-]+", office.lower()) if w]
        titles = self._title_words()
        return bool(words) and all(w in titles for w in words)

    def _represented_body(self) -> str | None:
        """The body a speaker with no name says they speak for: the object of "represent" in a first-person clause
        of the opening paragraphs ("I am particularly honoured to represent the Assembly")."""
        start = self.body_start()
        for sent in self.parsed.sents:
            if sent.end_char <= start:
                continue
            if self.paragraph_index(sent.start_char) > self.paragraph_index(start) + 8:  # salutation lines count
                break
            for tok in sent:
                if tok.lemma_.lower() != "represent" or tok.pos_ != "VERB":
                    continue
                # "I represent", "I am proud to represent", "I am honoured to represent"
                subjects = [c for c in tok.children if c.dep_ == "nsubj"] or (
                    [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}] if tok.dep_ in {"xcomp", "acomp", "advcl"} else [])
                if not subjects and tok.head.dep_ == "acomp":
                    subjects = [c for c in tok.head.head.children if c.dep_ == "nsubj"]
                if not subjects or subjects[0].lower_ not in {"i", "we"}:
                    continue
                for obj in (c for c in tok.children if c.dep_ == "dobj"):
                    words = sorted(obj.subtree, key=lambda t: t.i)
                    actor = self.actor_in_subtree(obj)
                    if actor is not None and actor.cls in m.ORGANIZATION_CLASSES:
                        return reference(actor)
                    body = self._body_named_by(words) or self._body_by_head_word(obj)
                    if body is not None:
                        return body
        return None

    def _body_by_head_word(self, token) -> str | None:
        """"the Assembly", "the Federation": the body named before whose name ends in that word."""
        if not token.text[:1].isupper():
            return None
        found = None
        for mm in self.mentions:
            if mm.span.start >= token.idx:
                break
            head = re.split(r"\s+of\s+", mm.name)[0].split()  # "Parliamentary Assembly (of the Council of Europe)"
            if mm.cls in m.ORGANIZATION_CLASSES and head and head[-1].lower() == token.lower_:
                found = reference(mm)
        return found

    _AGENCY_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]{1,30},[^\n()]{0,30}\([A-Z][^)\n]{1,40}\)\s*[-–—]")
    _OCCASION = re.compile(r"(?i)\b(?:at|to|before|during)\s+(?:the\s+)?(?:(?!\b(?:by|from|of\s+the\s+delegation)\b).)*$")

    def _in_occasion(self, mention: EntityMention) -> bool:
        """A body named in a title line's occasion ("Remarks of the Deputy Director at the 9th High Level
        Forum of the Council of Europe"): the host of the meeting, not who speaks at it."""
        line_start = self.text.rfind("\n", 0, mention.span.start) + 1
        return bool(self._OCCASION.search(self.text[line_start : mention.span.start]))

    _VOICE_BEFORE = re.compile(r"(?i)(?:'s)?\s+(?:joint\s+)?(?:statement|remarks|intervention|address|declaration)\b")
    # "Statement by the delegation of Moldova", "Remarks by the Permanent Mission of X": the body it names speaks for X
    _VOICE_AFTER = re.compile(r"(?i)\b(?:statement|remarks|intervention|address|declaration)\s+(?:by|of|from)\s+(?:the\s+)?"
                              r"(?:(?:delegation|(?:permanent\s+)?mission|government|representatives?)\s+of\s+(?:the\s+)?)?$")

    def _title_voice(self) -> str | None:
        """The actor a title line credits with the words: '<X> Statement ...', 'Statement by <X>'."""
        for line in header_lines(self.text, 6):
            for mm in self.mentions_in(line.start, line.end):
                if mm.cls not in ACTOR_CLASSES or mm.cls == m.PERSON:
                    continue
                before = self.text[line.start : mm.span.start]
                if self._VOICE_BEFORE.match(self.text, mm.span.end) and not re.search(r"\b(?:on|to|at|before)\s+(?:the\s+)?$", before, re.I) \
                        or self._VOICE_AFTER.search(before):
                    return reference(mm)
        return None

    def _forum(self, mention: EntityMention) -> bool:
        """The body a statement is delivered to ('OSCE Permanent Council No. 1449', 'at the 978th Meeting
        of the Permanent Council'), which does not speak it."""
        before = self.text[max(0, mention.span.start - 40) : mention.span.start]
        after = self.text[mention.span.end : mention.span.end + 12]
        return bool(re.search(r"(?i)\b(?:at|to|before|of)\s+(?:the\s+)?(?:\d+\w*\s+)?(?:meeting\s+of\s+the\s+)?$", before)
                    or re.match(r"(?i)\s*(?:no\.|nr\.|#|\d|meeting|session)", after))

    def _issuer(self) -> str | None:
        """The body whose press text this is when no publisher is named: the organisation
        that is the subject of the opening sentences ("Europol supported ...", "In its
        report, GRETA acknowledges ..."), else the one the opening names most."""
        if self.info.genre not in {"PressRelease", "Report"}:
            return None
        start = self.body_start()
        opening = [s for s in self.parsed.sents if s.start_char >= start][:3]
        for sent in opening:
            for tok in sent:
                if tok.dep_ in {"nsubj", "nsubjpass"}:
                    actor = self.subject_actor(tok)
                    if actor is not None and actor.cls in m.ORGANIZATION_CLASSES - {m.MEDIA_ORGANIZATION}:
                        return reference(actor)
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for mm in self.mentions:
            if mm.cls in m.ORGANIZATION_CLASSES - {m.MEDIA_ORGANIZATION}:
                counts[reference(mm)] = counts.get(reference(mm), 0) + 1
                first.setdefault(reference(mm), mm.span.start)
        if not counts:
            return None
        return sorted(counts, key=lambda r: (-counts[r], first[r]))[0]

    def _author_reference(self) -> str | None:
        """The byline's author: a body when the text names it as one ("By U.S. Mission Romania")."""
        if not self.info.author:
            return None
        kind, _, name = self.info.author.partition(":")
        if name and (kind in m.ENTITY_CLASSES or kind.islower()):
            # metadata already gives a reference: "Organization:U.S. Mission X", "mission:USA:in:Romania"
            return self.info.author
        for mm in self.mentions:
            if mm.cls in m.ORGANIZATION_CLASSES and mm.name == self.info.author:
                return reference(mm)
        return f"Person:{self.info.author}"

    def _author_name(self) -> str:
        """The byline as written, for the evidence."""
        return self._as_written(self.author_ref)

    def _as_written(self, ref: str | None) -> str:
        """A reference as the text first writes it ("Canada" for country:CAN), for evidence."""
        for mm in self.mentions:
            if ref in {mm.key, reference(mm)}:
                return _words(mm.span.text)
        return (ref or "").split(":", 1)[-1]

    def _default_source(self) -> Source | None:
        if self.info.genre in {"NewsArticle", "Report"} and self.author_ref:
            return Source(self.author_ref, "document-author", f"byline {self._author_name()}")
        if self.speaker_ref:
            if self.info.speaker and self.info.on_behalf_of:
                groups = ", ".join(self._as_written(r) for r in self.info.on_behalf_of)
                return Source(self.speaker_ref, "on-behalf-of", f"speaker {self.info.speaker}, on behalf of {groups}")
            if self.info.speaker and not self.speaker_ref.startswith("Person:"):
                return Source(self.speaker_ref, "represented-body",
                              f"speaker {self.info.speaker.strip(' ,')} represents {self._as_written(self.speaker_ref)}")
            if self.info.speaker:
                return Source(self.speaker_ref, "document-speaker", f"speaker {self.info.speaker}")
            if self.info.genre in {"Speech", "Statement"} and self.speaker_ref in set(self.info.on_behalf_of):
                return Source(self.speaker_ref, "on-behalf-of", f"on behalf of {self._as_written(self.speaker_ref)}")
            return Source(self.speaker_ref, "document-publisher", f"{self.info.genre} issued by {self._as_written(self.speaker_ref)}")
        if self.author_ref:
            return Source(self.author_ref, "document-author", f"byline {self._author_name()}")
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

    # -- mentions --------------------------------------------------------------------------

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

    def _is_title(self, mention: EntityMention) -> bool:
        """A Person mention that is only an office ("Acting Head", "EU Anti-trafficking Coordinator")."""
        if mention.cls != m.PERSON:
            return False
        words = [w for w in re.split(r"[\s-]+", mention.name.lower()) if w]
        if not words or len(words) > 5:
            return False
        titles = self._title_words()
        return all(w in titles or not w[:1].isalpha() for w in words)

    def _title_words(self) -> set[str]:
        if self._titles is None:
            lexicon = self.vocab.lexicon("titles")
            words: set[str] = set()
            for key in ("before_name",):
                for title in lexicon.get(key) or ():
                    words.update(w for w in re.split(r"[\s-]+", str(title).lower()) if w)
            words.update({"acting", "deputy", "head", "chief", "of", "the", "and", "eu", "un", "osce", "anti", "trafficking"})
            words.update(w.lower() for w in self.attribution_lexicon.get("speaker_roles") or ())
            self._titles = words
        return self._titles

    _titles: set[str] | None = None

    @property
    def _title_abbreviations(self) -> dict[str, str]:
        return {str(k).lower(): str(v).lower() for k, v in (self.attribution_lexicon.get("title_abbreviations") or {}).items()}

    @property
    def _body_nouns(self) -> set[str]:
        return {str(w).lower() for w in self.attribution_lexicon.get("body_nouns") or ()}

    def subject_actor(self, token) -> EntityMention | None:
        """The actor a subject phrase names: the person it names ("Acting Head of the Centre,
        Ana Ruiz"; "The US Ambassador to Albania Yuri Kim"), else its head word's,
        else, through a source noun ("a report by GRETA", "Venezuela's representative"),
        the first actor in it."""
        subtree = sorted(token.subtree, key=lambda t: t.i)
        head = self.mention_at(token.idx)
        if head is not None and (head.cls != m.PERSON or self._is_title(head)):
            # "the Ministry's Head of Research, Kwabena Asante, ...": the person apposed to an office
            apposed = re.match(r"\s*,\s*", self.text[head.span.end : head.span.end + 4])
            person = self.mention_at(head.span.end + apposed.end()) if apposed else None
            if person is not None and person.cls == m.PERSON and not self._is_title(person):
                return person
        people = [self.mention_at(t.idx) for t in subtree]
        people = [p for p in people if p is not None and p.cls == m.PERSON and not self._is_title(p)]
        if head is not None and head.cls in {m.COUNTRY, m.PLACE} and token.pos_ == "PROPN":
            # "Patricia Jordan said", "Mark Israel said": a surname, not a country
            person = self._person_by_surname(token) or self._named_speaker(
                [c for c in token.children if c.dep_ == "compound"] + [token], role_given=True)
            if person is not None:
                return person
        if head is not None and not self._is_title(head) and (head.cls == m.PERSON or not people):
            return head
        if people:
            return people[0]
        for apposed in reversed([t for t in subtree if t.dep_ == "appos" and t.pos_ == "PROPN"]):
            # "The head of ICMPD, Amara Okafor, said": the named head, not the body
            named = self._named_speaker(sorted(apposed.subtree, key=lambda t: t.i))
            if named is not None:
                return named
        lemma = token.lemma_.lower()
        if lemma in self.speaker_roles:
            # "The head of ICMPD, Amara Okafor, said" however the parser joined the name on
            runs = [t for t in subtree if t.pos_ == "PROPN" and t.dep_ in {"conj", "appos"} and self.mention_at(t.idx) is None]
            named = self._named_speaker(sorted(runs[-1].subtree, key=lambda t: t.i), role_given=True) if runs else None
            if named is not None:
                return named
        titled = any(c.dep_ == "compound" and c.lemma_.lower() in self.speaker_roles for c in token.children)
        if lemma in self.source_nouns or token.lower_ in self.source_nouns or lemma in self.speaker_roles or titled:
            # "the Secretary General of Interpol": an office named with its body
            return self.actor_in_subtree(token)
        if token.pos_ == "PROPN":
            return self._person_by_surname(token) or self._named_speaker([token] + [c for c in token.children if c.dep_ == "compound"])
        return None

    def _named_speaker(self, tokens: list, role_given: bool = False) -> EntityMention | None:
        """A speaker the entity pass missed ("Sofia Marques, director of ..., said:"): a name the
        parser tags as a person, as subject of a verb of saying, becomes a Person mention."""
        names: list = []
        for t in sorted(tokens, key=lambda t: t.i):  # the first run of capitalised proper nouns
            if t.pos_ == "PROPN" and t.text[:1].isupper() and (not names or t.i == names[-1].i + 1):
                names.append(t)
            elif names:
                break
        if len(names) < 2 or len(names) > 4:
            return None
        head = names[-1]
        # a person by the parser, or a name given an office in apposition ("Sofia Marques, director of ...")
        roles = self.speaker_roles | self._title_words()
        apposed = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
        if not (role_given or all(t.ent_type_ == "PERSON" for t in names) or any(a.lemma_.lower() in roles for a in apposed)):
            return None
        start, end = names[0].idx, names[-1].idx + len(names[-1].text)
        # a place inside a longer name is part of the name: "Patricia Jordan said"
        if any(mm.span.start < end and start < mm.span.end and not (
                mm.cls in {m.COUNTRY, m.PLACE, m.REGION} and start <= mm.span.start and mm.span.end <= end
                and (mm.span.start, mm.span.end) != (start, end)) for mm in self.mentions):
            return None
        sent = names[0].sent
        mention = EntityMention(m.PERSON, Span(start, end, self.text[start:end]), self.text[start:end],
                                sentence=(sent.start_char, sent.end_char))
        self.mentions = sorted(self.mentions + [mention], key=lambda mm: (mm.span.start, mm.span.end))
        self.mention_sink.append(mention)
        self._actor_at = None
        return mention

    def _person_by_surname(self, token) -> EntityMention | None:
        """'Blinken emphasized': a bare surname names the person given in full before (or, as
        Thai and Icelandic usage has it, a bare given name: 'Somchai' for Somchai Rattana)."""
        found = None
        for mm in self.mentions:
            if mm.span.start >= token.idx:
                break
            words = mm.name.split()
            if mm.cls == m.PERSON and not self._is_title(mm) and (
                    mm.name == token.text or len(words) > 1 and token.text in (words[0], words[-1])):
                found = mm if found is None or len(mm.name) > len(found.name) else found
        return found

    def actor_in_subtree(self, token) -> EntityMention | None:
        for t in sorted(token.subtree, key=lambda t: t.i):
            mm = self.mention_at(t.idx)
            if mm is not None and not self._is_title(mm):
                return mm
        return None

    # -- paragraphs and quotations ---------------------------------------------------------

    def paragraph_index(self, position: int) -> int:
        """Paragraphs end at a blank line, or at a line break after a finished sentence
        (texts that put one paragraph on each line)."""
        if self._paragraph_starts is None:
            starts = [0]
            for match in re.finditer(r"\n[ \t]*(?=\S)", self.text):
                before = self.text[: match.start()].rstrip(" \t")
                after = self.text[match.end() : match.end() + 1]
                last_line = before.split("\n")[-1]
                if not before or before.endswith("\n"):
                    starts.append(match.end())  # after a blank line
                elif re.search(r"[.!?:;”\"»)]$", last_line) or len(last_line) <= 80 or not after.islower():
                    starts.append(match.end())
            self._paragraph_starts = sorted(set(starts))
        return bisect.bisect_right(self._paragraph_starts, position) - 1

    _paragraph_starts: list[int] | None = None

    def paragraph_span(self, position: int) -> tuple[int, int]:
        index = self.paragraph_index(position)
        start = self._paragraph_starts[index]
        end = self._paragraph_starts[index + 1] if index + 1 < len(self._paragraph_starts) else len(self.text)
        return start, end

    def quotations(self) -> list[Quotation]:
        """Every quoted passage of the text. Straight quotes open after a space and close
        before one; a paragraph that opens with a quotation mark while one is open
        continues it; a closing mark with none open closes a quotation begun at the
        paragraph's start, or after the paragraph's last closed quotation."""
        if self._quotations is not None:
            return self._quotations
        found: list[Quotation] = []
        text = self.text
        open_at: int | None = None
        depth = 0
        paragraph_end = -1
        for i, ch in enumerate(text):
            if i >= paragraph_end:
                p_start, paragraph_end = self.paragraph_span(i)
                if open_at is not None:
                    reopens = text[p_start:p_start + 3].lstrip()[:1] in OPENING_QUOTES + '"'
                    if not reopens:
                        found.append(Quotation(open_at, p_start))
                        open_at, depth = None, 0
            if ch in OPENING_QUOTES or ch in CLOSING_QUOTES or ch == '"':
                previous = text[i - 1] if i else " "
                following = text[i + 1] if i + 1 < len(text) else " "
                if ch == '"':
                    opening = (previous.isspace() or previous in "([—–-") and not following.isspace()
                else:
                    opening = ch in OPENING_QUOTES
                if opening:
                    if open_at is None:
                        open_at, depth = i, 1
                    elif text[self.paragraph_span(i)[0]:i].strip():
                        depth += 1  # a quotation inside the quotation
                else:
                    if open_at is None:
                        start = self.paragraph_span(i)[0]
                        if found and found[-1].closed and start <= found[-1].end < i:
                            # '... said, “A.” B, C,” he added': a stray closing mark closes what follows the last
                            # quotation of the paragraph, not the reporting clause before it
                            start = found[-1].end + 1
                        if text[start:i].strip():
                            found.append(Quotation(start, i, closed=True))
                        continue
                    depth -= 1
                    if depth <= 0:
                        found.append(Quotation(open_at, i, closed=True))
                        open_at, depth = None, 0
        if open_at is not None:
            found.append(Quotation(open_at, len(text)))
        # a short quoted phrase ('that “heinous” crime') is a phrase, not a passage
        self._quotations = [q for q in found if len(text[q.start:q.end].split()) >= 4]
        return self._quotations

    _quotations: list[Quotation] | None = None

    def quotation_at(self, position: int) -> Quotation | None:
        for quotation in self.quotations():
            if quotation.start <= position < quotation.end:
                return quotation
        return None

    def _starts_in_quotation(self, sentence: Span) -> Quotation | None:
        lead = len(sentence.text) - len(sentence.text.lstrip(" \t\n" + OPENING_QUOTES + '"'))
        quotation = self.quotation_at(sentence.start + lead)
        if quotation is None or quotation.start > sentence.start + lead:
            return None
        return quotation

    def _outside_quotes(self, tok) -> bool:
        quotation = self.quotation_at(tok.idx)
        return quotation is None

    def quotation_source(self, quotation: Quotation, state: Attribution) -> Source | None:
        """Whom a quotation is attributed to: the words after its closing mark ('“...,” said X.',
        '“...” – X said.'), before its opening mark in the same sentence ('X added: “...'),
        or a paragraph ending "X said:" before it."""
        if quotation.source is not None:
            return quotation.source
        source = None
        if not quotation.closed:
            # '“A. B.' | 'C. D,” points out X.': a quotation carried into the next paragraph without a mark that
            # reopens it, closed there; it is the speaker's who closes it
            carried = next((q for q in self.quotations() if q.start == quotation.end and q.closed
                            and self.text[q.start:q.start + 1] not in OPENING_QUOTES + '"'), None)
            if carried is not None:
                source = self.quotation_source(carried, state)
                if source is not None:
                    quotation.source = source
                    return source
        if quotation.closed:
            sent = self._sentence_at(quotation.end)
            if sent is not None and sent.end_char <= quotation.end + 1:
                # the parser ended the sentence at the closing mark: '...itself,” | noted Anselmi.'
                rest = self.text[quotation.end + 1 : quotation.end + 40]
                following = self._sentence_at(quotation.end + 1 + len(rest) - len(rest.lstrip(" \t")))
                if following is not None and len(following) <= 12 and following.start_char > quotation.end and \
                        self.paragraph_index(following.start_char) == self.paragraph_index(quotation.end) and \
                        (following.text[:1].islower() or self._verb_lemma(following[0])):
                    sent = following
            if sent is not None and sent.end_char > quotation.end + 1:
                source = self.tail_attribution(sent, state, after=quotation.end) or \
                    self.reported_source(sent, state, outside_quotes=True, after=quotation.end)
        if source is None:
            sent = self._sentence_at(quotation.start)
            if sent is not None and sent.start_char < quotation.start:
                source = self.reported_source(sent, state, outside_quotes=True, before=quotation.start)
        if source is None:
            source = self._introduced_by(quotation.start, state)
        quotation.source = source
        return source

    def _sentence_at(self, char: int) -> SpacySpan | None:
        token = self.parsed.char_span(char, char + 1, alignment_mode="expand")
        return token.sent if token is not None and len(token) else None

    def _introduced_by(self, start: int, state: Attribution) -> Source | None:
        """'Olena Marchuk ... says, her son was forced ...:', 'In the words of X:' at the
        end of the paragraph before: the next paragraph is that person's."""
        before = self.text[:start].rstrip()
        before = before.rstrip(OPENING_QUOTES + '"').rstrip()
        if not before.endswith(":"):
            return None
        line_start = self.paragraph_span(len(before) - 1)[0]
        intro = self.parsed.char_span(line_start, len(before), alignment_mode="expand")
        if intro is None:
            return None
        for sent in intro.sents:
            source = self.reported_source(sent, state, speech_reporting=True)
            if source is not None:
                return source
        phrase = self.attribution_phrase(Span(line_start, len(before), self.text[line_start:len(before)]))
        if phrase is not None:
            return phrase
        return None

    # -- reporting verbs -------------------------------------------------------------------

    def _reports(self, tok, third_person: bool) -> bool:
        """Does this verb present what its subject says or thinks?"""
        lemma = tok.lemma_.lower()
        if tok.pos_ not in {"VERB", "AUX"}:
            return False
        if lemma == "make":
            return "clear" in {t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 4]}
        if lemma in self.speech_acts or lemma in self.speech_reporting_verbs:
            return True
        if lemma in self.stance_verbs and third_person:
            return True
        if lemma == "be" and third_person:
            # "Caritas Armenia is satisfied with ...", "GRETA is concerned that ..."
            return any(c.dep_ == "acomp" and c.lemma_.lower() in self.stance_adjectives for c in tok.children)
        if lemma not in self.reporting:
            return False
        # "Canada will continue to fund": only a verb that introduces what was said reports it
        if any(c.dep_ in {"ccomp", "parataxis"} for c in tok.children) or any(
            c.dep_ in {"ccomp", "parataxis"} for t in tok.children if t.dep_ in {"acomp", "oprd", "dobj"} for c in t.children
        ):
            return True
        # '..., police said.', '“...” – Ivan Petrenko said.': a verb after the words it reports
        previous = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
        subject_before = previous is not None and previous.dep_ in {"nsubj"} and tok.i - 1 > tok.sent.start
        return tok.dep_ == "parataxis" or (previous is not None and (previous.is_punct or subject_before)
                                           and tok.i > tok.sent.start + 2 and not any(c.dep_ == "dobj" for c in tok.children))

    def _person_reports_that(self, verb) -> bool:
        """'Ms. Ana Ruiz, the Goodwill Ambassador, commented that ...': in any genre, a verb of stance with a
        "that"-clause and a person named as its subject reports what that person said."""
        if not any(c.dep_ == "ccomp" for c in verb.children):
            return False
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        actor = self.subject_actor(subject) if subject is not None and subject.pos_ == "PROPN" else None
        return actor is not None and actor.cls == m.PERSON and reference(actor) not in self.own_voice

    def reported_source(self, sent: SpacySpan | None, state: Attribution, outside_quotes: bool = False,
                        after: int | None = None, before: int | None = None, speech_reporting: bool = False) -> Source | None:
        """The person or body a reporting verb attributes the sentence to."""
        if sent is None:
            return None
        third_person = self.news or speech_reporting
        root_subjects = [c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
        speaker_leads = bool(root_subjects) and root_subjects[0].lower_ in FIRST_PERSON
        for tok in sent:
            if after is not None and tok.idx <= after or before is not None and tok.idx >= before:
                continue
            if outside_quotes and not self._outside_quotes(tok):
                continue
            if not self._reports(tok, third_person or tok.lemma_.lower() in self.speech_reporting_verbs
                                 or self._person_reports_that(tok)):
                continue
            if speaker_leads and tok is not sent.root and not outside_quotes:
                return None  # "I praise Maria, who told her story to the BBC": the speaker's claim
            subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not subjects and tok.dep_ in {"conj", "advcl"} and tok.head.pos_ in {"VERB", "AUX"}:
                # "He cautioned ... and rejected ...": the subject of the first verb
                subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if not subjects and tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() == "quote":
                subjects = [c for c in tok.head.head.children if c.dep_ == "nsubjpass"]  # "X was quoted as saying"
            if not subjects and tok.dep_ == "ROOT":
                # "..., the Group of Experts (GRETA) welcomes ...": the parse lost the subject
                clause = max([sent.start_char] + [t.idx + 1 for t in sent if t.i < tok.i and t.text == ","])
                preceding = [mm for mm in self.mentions_in(clause, tok.idx) if mm.cls in ACTOR_CLASSES - {m.COUNTRY}
                             and not self._is_title(mm)]
                if preceding and not self.text[preceding[-1].span.end : tok.idx].strip(" )\u2019's"):
                    if reference(preceding[-1]) not in self.own_voice:
                        return Source(reference(preceding[-1]), "reporting-verb", _words(f"{preceding[-1].span.text} {tok.text}"))
                if any(c.dep_ == "csubj" and c.tag_ == "VBG" and c.i < tok.i for c in tok.children):
                    # "Speaking for the African Group, the representative of Kenya said": the phrase after the
                    # participle's comma is the subject the parse hung on the participle
                    phrase = [t for t in sent if clause <= t.idx < tok.idx and t.pos_ in {"NOUN", "PROPN"}
                              and not (clause <= t.head.idx < tok.idx)]
                    if len(phrase) == 1:
                        source = self._subject_source(phrase[0], tok, state)
                        if source is not None:
                            return source
            if not subjects and tok.dep_ in {"ROOT", "conj"}:
                # "On the eve of the Day, the Head of the Office, Ambassador Ana Ruiz, praised ...": a person set off
                # by commas right before the verb is the subject the parse lost
                apposed = self._apposed_person_before(tok)
                if apposed is not None and reference(apposed) not in self.own_voice:
                    return Source(reference(apposed), "reporting-verb", _words(f"{apposed.span.text}, {tok.text}"))
            if not subjects:
                continue
            subject = subjects[0]
            while len(subjects) > 1 and subjects[1].i == subject.i + 1:
                # "The deputy[nsubj] PM[nsubj] said": one noun phrase the parse split in two; its head is the last
                subjects = subjects[1:]
                subject = subjects[0]
            source = self._subject_source(subject, tok, state)
            if source is not None:
                return source
            if subject.lower_ in FIRST_PERSON:
                return None
        return None

    def _apposed_person_before(self, verb) -> EntityMention | None:
        """The person named between commas right before a verb (', Ambassador Ana Ruiz, praised')."""
        before = self.text[: verb.idx].rstrip()
        if not before.endswith(",") or verb.tag_ not in {"VBD", "VBZ"}:
            return None  # "Dr. Novak, thank you for ...": a name called on before the speaker's own verb
        end = len(before) - 1
        for mm in reversed(self.mentions_in(max(0, end - 80), end + 1)):
            if mm.cls != m.PERSON or self._is_title(mm) or self.text[mm.span.end : end].strip():
                continue
            opening = self.text[max(0, mm.span.start - 40) : mm.span.start]
            # the name, perhaps after its title, opens right after a comma
            if re.search(r",\s*(?:[A-Z][\w.-]*\s+){0,3}$", opening):
                return mm
        return None

    def _subject_source(self, subject, verb, state: Attribution) -> Source | None:
        lower = subject.lower_
        if verb.tag_ in {"VB", "VBP"} and subject.tag_ == "NNP" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
            return None  # "Dr. Novak, thank you": a singular name with a base-form verb is called on, not the subject
        said = f"{_words(' '.join(t.text for t in sorted(subject.subtree, key=lambda t: t.i)))} {verb.text}"
        if subject.dep_ == "nsubjpass" and subject.head.lemma_.lower() == "quote":
            # "Devkota was quoted by local media as saying ...": the one quoted speaks, not the outlet
            actor = self.subject_actor(subject)
            if actor is not None and reference(actor) not in self.own_voice:
                return Source(reference(actor), "reporting-verb", said)
            return None
        if subject.dep_ == "nsubjpass":
            # "Greece has been criticised by the State Department": the agent speaks
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            actor = self.subject_actor(agents[0]) if agents else None
            if actor is not None and reference(actor) not in self.own_voice:
                return Source(reference(actor), "reporting-verb", f"{verb.text} by {actor.span.text}")
            return None
        if lower in FIRST_PERSON:
            return None
        if lower in RELATIVE and verb.dep_ == "relcl":
            # the antecedent, not what the clause mentions: "a report by X, which noted"
            antecedent = verb.head
            actor = self.mention_at(antecedent.idx)
            if actor is None and antecedent.dep_ == "appos":
                actor = self.mention_at(antecedent.head.idx)
            if actor is None:
                inside = set(t.i for t in verb.subtree)
                for t in sorted(antecedent.subtree, key=lambda t: t.i):
                    if t.i not in inside and self.mention_at(t.idx) is not None:
                        actor = self.mention_at(t.idx)
                        break
            return Source(reference(actor), "reporting-verb", f"{actor.span.text}, {subject.text} {verb.text}") if actor else None
        if lower in PRONOUNS_PERSON:
            human = self._person_antecedent(lower, state) or self._person_mentioned_before(subject.idx, lower)
            if human:
                return Source(human.ref, "pronoun", f"{subject.text} {verb.text}: {subject.text} = {_antecedent(human)}")
            return None
        if lower in PRONOUNS_BODY | PRONOUNS_PLURAL:
            candidates = [c for c in (state.last_human, state.last_body) if c] if lower in PRONOUNS_PLURAL else [state.last_body] if state.last_body else []
            if not candidates:
                return None
            chosen = candidates[-1] if lower in PRONOUNS_BODY else self._latest(candidates)
            return Source(chosen.ref, "pronoun", f"{subject.text} {verb.text}: {subject.text} = {_antecedent(chosen)}")
        phrase = _words(" ".join(t.lower_ for t in sorted(subject.subtree, key=lambda t: t.i)))
        if any(phrase == a or phrase.startswith(a + " ") for a in self.attribution_lexicon.get("source_anaphors") or ()) \
                and not self.actor_in_subtree(subject):
            if state.last_source:
                return Source(state.last_source.ref, "source-anaphor", f"{said}: {phrase} = {_antecedent(state.last_source)}")
            return None
        if subject.lemma_.lower() in self.source_nouns and subject.lemma_.lower() not in self.speaker_roles \
                and subject.lemma_.lower() not in self.institution_nouns \
                and not (subject.lemma_.lower() in self._body_nouns and state.last_source and state.last_source.ref.startswith("Person:")) \
                and not self.actor_in_subtree(subject) and state.last_source and \
                any(c.dep_ in {"det", "poss"} and c.lower_ in {"another", "the", "this", "these", "her", "his", "its", "their"} for c in subject.children):
            # "Another recommendation is to ...", "Her report found": the source named before
            return Source(state.last_source.ref, "source-anaphor", f"{said}: {phrase} = {_antecedent(state.last_source)}")
        if self._unnamed_speakers(subject):
            body = self._meeting_body(subject, state)
            if body:
                return Source(body, "unnamed-speakers", f"{said} ({body})")
            return None
        actor = self.subject_actor(subject)
        if actor is None and (subject.lemma_.lower() in self.speaker_roles or subject.lower_ in self._title_abbreviations) \
                and subject.lower_ not in {"head"}:
            # "the Special Representative called on ...", "the Minister said": the person last given that title
            titled = self._titled_person(subject)
            if titled:
                return Source(titled, "title-coreference", f"{said}: {phrase} = {titled.split(':', 1)[-1]}")
        if actor is None and self.news and subject.pos_ == "NOUN" and (subject.lemma_.lower() in self.speaker_roles or
                                                                   subject.lemma_.lower() in self.institution_nouns or
                                                                   any(t.lower_ == "the" for t in subject.children)):
            body = self._body_named_by(sorted(subject.subtree, key=lambda t: t.i))
            if body is not None:
                return Source(body, "body-coreference", f"{said}: {phrase} = {body}")
            earlier = self._source_named_with(subject, state)
            if earlier is not None:
                return Source(earlier.ref, "body-coreference", f"{said}: {phrase} = {_antecedent(earlier)}")
        if actor is None:
            return None
        if reference(actor) in self.own_voice:
            return None  # "Canada will ...", "The United States supports ...": the speaker's side
        return Source(reference(actor), "reporting-verb", said)

    def _source_named_with(self, subject, state: Attribution) -> Source | None:
        """'The Azerbaijani delegation announced ... The delegation stressed that': "the <noun>" takes up the
        last body or source whose own subject had that head noun."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in subject.children):
            return None
        noun = subject.lemma_.lower()
        for earlier in (state.last_body, state.last_source):
            if earlier is None or earlier.rule not in {"reporting-verb", "body-coreference"}:
                continue
            said_by = earlier.evidence.split(":")[0].lower().split()
            if noun in said_by[:-1] or subject.lower_ in said_by[:-1]:
                return earlier
        return None

    def _said_noun_subject(self, sent: SpacySpan | None, state: Attribution) -> Source | None:
        """'Another recommendation is to strengthen ...': what the last source said, continued."""
        if sent is None or state.last_source is None:
            return None
        said_nouns = set(self.attribution_lexicon.get("said_nouns") or ())
        for subject in (c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}):
            if subject.lemma_.lower() in said_nouns and not self.actor_in_subtree(subject) and any(
                    c.dep_ in {"det", "poss"} and c.lower_ in {"another", "the", "this", "these", "her", "his", "its", "their"}
                    for c in subject.children):
                phrase = _words(" ".join(t.text for t in sorted(subject.subtree, key=lambda t: t.i)))
                return Source(state.last_source.ref, "source-anaphor", f"{phrase} = {_antecedent(state.last_source)}'s")
        return None

    def _latest(self, candidates: list[Source]) -> Source:
        return candidates[-1]

    def _unnamed_speakers(self, subject) -> bool:
        words = set(self.attribution_lexicon.get("unnamed_speakers") or ())
        if subject.lower_ not in words and subject.lemma_.lower() not in words:
            return False
        # "speakers", "many", "some delegations" -- not "Many NGOs" or "some countries such as Italy"
        mention = self.mention_at(subject.idx)
        return mention is None or mention.span.text.lower() == subject.lower_

    def _meeting_body(self, subject, state: Attribution) -> str | None:
        for t in subject.subtree:
            mm = self.mention_at(t.idx)
            if mm is not None and mm.cls in m.ORGANIZATION_CLASSES and mm.span.text.lower() != subject.lower_:
                state.meeting_body = reference(mm)
                return state.meeting_body
        if state.meeting_body is None and state.default is not None and not state.default.ref.startswith("Person:") \
                and self.info.genre in {"PressRelease", "NewsArticle"} and self.author_ref is None:
            # meetings coverage headed by the body that met ("Security Council Holds Open Debate ...")
            return state.default.ref
        return state.meeting_body

    def _titled_person(self, subject, anywhere: bool = False) -> str | None:
        """'the Special Representative': the last person named before with that title (or, for
        whom a statement welcomes, the one the text names with it anywhere, as in its title line)."""
        abbreviations = self._title_abbreviations
        words = [w for t in subject.subtree if t.pos_ in {"PROPN", "NOUN", "ADJ"}
                 for w in (abbreviations.get(t.lower_) or t.lower_).split()]
        if not words or (subject.lower_ not in self._title_words() and subject.lower_ not in abbreviations):
            return None
        best = None
        for mm in self.mentions:
            if mm.span.start >= subject.idx and (not anywhere or best is not None):
                break
            if mm.cls != m.PERSON or self._is_title(mm) or mm.span.start <= subject.idx < mm.span.end:
                continue
            context = (mm.title or "") + " " + self.text[max(0, mm.span.start - 120) : mm.span.start]
            context = context.lower().split(".")[-1]
            # "Mrs Ama Owusu, Deputy Gender Minister, said": the title set after the name, between commas
            apposed = re.match(r",\s*([^,.;:\n]{3,80})", self.text[mm.span.end : mm.span.end + 90])
            context += " " + (apposed.group(1).lower() if apposed else "")
            if all(w in context for w in words):
                best = reference(mm)
        return best

    def _verb_lemma(self, tok) -> str | None:
        """The reporting lemma of a word, whatever the tagger made of it ("informs" as a noun)."""
        lower = tok.lower_
        if tok.pos_ not in {"VERB", "AUX"} and not (tok.pos_ == "NOUN" and lower.endswith("s")):
            return None  # "State Registry" is no verb; "informs" tagged as a noun still is
        if tok.pos_ == "NOUN" and (tok.dep_ in {"pobj", "dobj", "compound", "poss"} or any(c.dep_ == "nummod" for c in tok.children)):
            return None  # "including 22 EU member states": a counted noun or an object is no verb ("the source states" is)
        candidates = {tok.lemma_.lower(), lower, lower[:-1], lower[:-2], lower[:-3] + "y" if lower.endswith("ied") else lower}
        if lower in {"said", "says"}:
            return "say"
        if lower in {"told", "tells"}:
            return "tell"
        for lemma in candidates:
            if lemma in self.reporting or lemma in self.speech_acts or lemma in self.stance_verbs:
                return lemma
        return None

    @property
    def _inverting_verbs(self) -> set[str]:
        """Verbs of saying that stand before their subject ('..., said the Minister', '..., added Ruiz')."""
        return set(self.attribution_lexicon.get("inverting_verbs") or ())

    def tail_attribution(self, sent: SpacySpan | None, state: Attribution, after: int | None = None) -> Source | None:
        """'..., said X.', '...,” X added.', '... – Ivan Petrenko said.', '..., informs, on Wednesday,
        the Directorate ...': a verb of saying after the words it reports, next to its speaker."""
        if sent is None:
            return None
        tokens = [t for t in sent if after is None or t.idx > after]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens.pop()
        boundaries = [i for i, t in enumerate(tokens) if t.text in {",", "”", '"', "–", "—", "-", "»", ",”", ",\""}
                      or t.text.endswith(("”", '"')) and t.is_punct]
        if after is not None:
            boundaries = [-1] + boundaries
        for b in reversed(boundaries):
            piece = [t for t in tokens[b + 1:] if not t.is_space]
            while piece and piece[0].is_punct:
                piece = piece[1:]
            if not piece or len(piece) > 25:
                continue
            reporting = [k for k, t in enumerate(piece) if self._verb_lemma(t) and t.lower_ != "according"]
            # the verb at an edge first: "the cited source states", "said X"
            edges = [k for k in reporting if k in {0, len(piece) - 1}]
            verb_at = (edges or reporting or [None])[-1 if edges else 0]
            if verb_at is None:
                continue
            verb, rest = piece[verb_at], piece[verb_at + 1:]
            # "said on Thursday", "said today", "he said, urging ...", "told reporters in the capital":
            # what follows the verb is not its subject
            adjunct = not rest or rest[0].is_punct or rest[0].pos_ == "ADP" and len(rest) <= 6 or (
                len(rest) <= 3 and all(t.ent_type_ in {"DATE", "TIME"} or t.pos_ == "ADV" for t in rest)) or (
                verb.lemma_.lower() in {"tell", "inform"} and rest[0].pos_ != "PROPN")
            if verb_at == 0 and (verb.tag_ == "VBG" or verb.tag_ == "VBN" and rest and rest[0].pos_ == "ADP"):
                # "urging States to adhere", "accused of recruiting the workers": a participle, not an inverted "said X"
                continue
            if verb_at == 0 and verb.lemma_.lower() not in self._inverting_verbs and any(
                    c.dep_ in {"dobj", "ccomp", "xcomp"} and c in rest for c in verb.children):
                # "..., Ambassador X, praised today the Government's efforts": what follows a verb of stance
                # is its object; only verbs of saying put their subject after them ("..., said the Minister")
                continue
            if verb_at == 0 and not (adjunct and after is not None):
                subject = rest
                while subject and (subject[0].is_punct or subject[0].pos_ in {"ADP", "NOUN"} and subject[0].lower_ in {"on", "in", "at"}):
                    subject = subject[1:]
            elif verb_at == 0:
                subject = [t for t in tokens[:b + 1] if not t.is_punct and not t.is_space]  # "X, head of Y, told reporters"
            elif adjunct and verb_at <= 14:
                subject = piece[:verb_at]
            else:
                continue
            source = self._phrase_source(subject, verb, state)
            if source is not None:
                return source
        return None

    def _phrase_source(self, words: list, verb, state: Attribution) -> Source | None:
        """The speaker a short phrase names ("Acting Head of the Centre, Ana Ruiz", "she",
        "the representative of the Red Cross", "the cited source", "court officials")."""
        if not words:
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        said = _words(f"{verb.text} {self.text[start:end]}" if verb.i < words[0].i else f"{self.text[start:end]} {verb.text}")
        lowered = _words(self.text[start:end].lower())
        if lowered in PRONOUNS_PERSON and state.last_human:
            human = self._person_antecedent(lowered, state)
            return Source(human.ref, "pronoun", f"{said}: {lowered} = {_antecedent(human)}")
        if lowered in FIRST_PERSON | PRONOUNS_PERSON | PRONOUNS_BODY | PRONOUNS_PLURAL:
            return None
        if any(lowered == a or lowered.startswith(a + " ") for a in self.attribution_lexicon.get("source_anaphors") or ()):
            if state.last_source:
                return Source(state.last_source.ref, "source-anaphor", f"{said}: {lowered} = {_antecedent(state.last_source)}")
            return None
        if len(words) <= 2 and self._unnamed_speakers(words[-1]):
            # "..., speakers said today": the body whose members spoke
            body = self._meeting_body(words[-1], state)
            if body:
                return Source(body, "unnamed-speakers", f"{said} ({self._as_written(body)})")
            return None
        actors = [mm for mm in self.mentions_in(start, end) if mm.cls in ACTOR_CLASSES and not self._is_title(mm)]
        people = [mm for mm in actors if mm.cls == m.PERSON]
        if people:
            return Source(reference(people[-1]), "reporting-verb", said)
        for t in words:
            if t.pos_ == "PROPN":
                person = self._person_by_surname(t)
                if person is not None:
                    return Source(reference(person), "reporting-verb", said)
        person = self._named_speaker(words)
        if person is not None:
            return Source(reference(person), "reporting-verb", said)
        bodies = [mm for mm in actors if mm.cls != m.COUNTRY]
        if not bodies and any(t.lemma_.lower() in self.speaker_roles for t in words):
            bodies = actors  # "said Venezuela's representative"
        if bodies and reference(bodies[0]) not in self.own_voice:
            return Source(reference(bodies[0]), "reporting-verb", said)
        if not actors:
            body = self._body_named_by(words)
            if body is not None:
                return Source(body, "body-coreference", said)
        return None

    def _body_named_by(self, words: list) -> str | None:
        """'court officials said', 'the ministry said': the body named before whose name has that noun."""
        nouns = [t.text.lower() for t in words if t.pos_ == "NOUN" and t.lemma_.lower() not in self.speaker_roles]
        if not nouns or any(t.pos_ == "PROPN" and t.dep_ != "compound" for t in words):
            return None
        found, later = None, None
        for mm in self.mentions:
            names = mm.name.lower().split()
            if mm.span.start >= words[0].idx:
                # none before: the only such body the text names at all
                if found is None and mm.cls in m.ORGANIZATION_CLASSES and any(
                        n in names or len(n) >= 6 and any(w[:6] == n[:6] for w in names) for n in nouns):
                    if later not in (None, reference(mm)):
                        return None
                    later = reference(mm)
                continue
            # "prosecutors" for the Crown Prosecution Service, "the court" for the Criminal Court
            if mm.cls in m.ORGANIZATION_CLASSES and any(n in names or len(n) >= 6 and any(w[:6] == n[:6] for w in names) for n in nouns):
                found = reference(mm)
        return found or later

    def according_to(self, sentence: Span, sent: SpacySpan | None) -> Source | None:
        """'According to the Interior Ministry board member, MP Pavlo Hrytsenko, ...'."""
        if sent is None or not self.news:
            return None
        lower = sentence.text.lower()
        for phrase in self.attribution_lexicon.get("according_to") or ():
            at = lower.find(phrase)
            if at < 0 or self.quotation_at(sentence.start + at):
                continue
            position = sentence.start + at + len(phrase)
            tokens = [t for t in sent if t.idx >= position]
            if not tokens:
                continue
            head = tokens[0]
            while head.head.idx >= position and head.head is not head and head.head.idx < position + 200 and head.dep_ not in {"pobj"}:
                head = head.head
            actor = self.subject_actor(head)
            if actor is None:
                actor = next((mm for mm in self.mentions_in(position, sentence.end) if mm.cls in ACTOR_CLASSES and not self._is_title(mm)
                              and ("," in self.text[mm.span.end : mm.span.end + 2] or mm.span.start - position < 60)), None)
            if actor is None and head.pos_ == "NOUN":
                # "According to the police, ...": the body named before with that noun
                body = self._body_named_by(sorted(head.subtree, key=lambda t: t.i))
                if body is not None and body not in self.own_voice:
                    return Source(body, "according-to", f"{phrase} {_words(' '.join(t.text for t in head.subtree))} = {body}")
            if actor is not None and reference(actor) not in self.own_voice:
                named = _words(self.text[position : min(sentence.end, position + 80)].split(",")[0])
                return Source(reference(actor), "according-to", f"{phrase} {named}")
        return None

    def attribution_phrase(self, sentence: Span) -> Source | None:
        """'to recall Sister Bottani, ...', 'In the words of X:': the words that follow are that person's."""
        for phrase in self.lexicon.get("attribution_phrases") or ():
            for match in re.finditer(rf"\b{phrase}\s+", sentence.text, re.IGNORECASE):
                at = sentence.start + match.end()
                actor = self.mention_at(at)
                if actor is None:
                    actor = next((mm for mm in self.mentions_in(at, min(sentence.end, at + 80)) if mm.cls == m.PERSON and not self._is_title(mm)), None)
                if actor is not None and actor.cls == m.PERSON:
                    return Source(reference(actor), "attribution-phrase", f"{match.group(0).strip()} {actor.span.text}")
        return None

    # -- the pass over the claims ----------------------------------------------------------

    # "Statement by Lluis Ortega, President of the Assembly" on a line of its own: a heading over the words below it
    SECTION_HEADING = re.compile(
        r"(?im)^[ \t]*(?:joint\s+)?(?:statement|remarks|speech|address|message|declaration|intervention|comments?|quotes?)"
        r"\s+(?:by|of|from)\s+(?P<who>[^\n]{3,200}?)[ \t]*$")

    def section_headings(self) -> list[tuple[int, int, Source]]:
        """Headings that give the voice of the section under them ("Statement by X, Secretary General of Y",
        then X's quoted statement, then "Statement by Z, ..."): a release that carries several statements.
        (line start, line end, the one it names: a person, else the body that is not the occasion.)"""
        if self._sections is not None:
            return self._sections
        found = []
        for match in self.SECTION_HEADING.finditer(self.text):
            line = match.group(0).strip()
            if line[-1:] in ".!?;:" or (self.info.speaker and not self._speaker_is_office() and match.start() < self.body_start()):
                continue  # a sentence, or the title line that names the document's own speaker (by name)
            named = [mm for mm in self.mentions_in(match.start("who"), match.end()) if mm.cls in ACTOR_CLASSES
                     and not self._is_title(mm) and not self._in_occasion(mm) and not self._forum(mm)]
            people = [mm for mm in named if mm.cls == m.PERSON]
            if not people:
                # "Statement by Ilse Varga, President of ...": a name the entity pass missed, given its office
                name = self.parsed.char_span(match.start("who"), match.end(), alignment_mode="expand")
                person = self._named_speaker(list(name), role_given=True) if name is not None and "," in match.group("who") else None
                people = [person] if person is not None else []
            who = people[0] if people else next((mm for mm in named if mm.cls != m.COUNTRY), None)
            if who is not None:
                found.append((match.start(), match.end(), Source(reference(who), "section-speaker", f"under the heading: {_words(line)[:80]}")))
        self._sections = found
        return found

    _sections: list | None = None

    def section_source(self, position: int) -> Source | None:
        """The voice of the section a position lies in, if a heading gives one."""
        current = None
        for start, end, source in self.section_headings():
            if end <= position:
                current = source
        return current

    def attribute(self, sentence: Span, sent: SpacySpan | None, state: Attribution) -> Source | None:
        section = self.section_source(sentence.start)
        if section is not None and state.default is not section:
            # a new statement under its own heading: its words are its speaker's, nothing goes on from the one before
            state.default, state.previous, state.pending = section, None, None
        paragraph = self.paragraph_index(sentence.start)
        new_paragraph = paragraph != state.previous_paragraph
        if new_paragraph and state.pending_paragraph != paragraph:
            # "In the words of X:" / "X said:" closing the paragraph before: this paragraph is X's
            introduced = self._introduced_by(self._paragraph_starts[paragraph], state)
            if introduced is not None:
                state.pending, state.pending_paragraph = introduced, paragraph
        quotation = self._starts_in_quotation(sentence)
        source = None
        if quotation is not None:
            source = self.quotation_source(quotation, state)
            if source is not None and source.rule not in {"quotation"}:
                source = Source(source.ref, "quotation", f"quoted: {source.evidence}")
        if source is None:
            source = self.reported_source(sent, state, outside_quotes=quotation is not None)
        if source is None and quotation is None and self.news:
            source = self.tail_attribution(sent, state)
        if source is None:
            source = self.attribution_phrase(sentence) or self.according_to(sentence, sent)
        if source is None:
            source = self._said_noun_subject(sent, state)
        if source is None and state.pending is not None and paragraph == state.pending_paragraph:
            source = Source(state.pending.ref, "introduced-by", f"after: {state.pending.evidence}")
        if source is None and quotation is not None and state.previous is not None and state.previous is not state.default \
                and paragraph - state.previous_paragraph <= 1:
            # '“...,” said X. “...”': a quotation with no attribution of its own goes on in X's voice
            source = Source(state.previous.ref, "quotation-continued", _base_evidence(state.previous))
        if source is None and state.previous is not None and state.previous is not state.default \
                and FIGURE_ANAPHOR.match(sentence.text):
            # "Of that figure, 88 percent were women": a breakdown of the figure just given, in the same voice
            source = Source(state.previous.ref, "continuation", _base_evidence(state.previous))
        if source is None and not new_paragraph and state.previous is not None and state.previous is not state.default:
            if self.news or re.match(r"(?i)^[\"“]?(they|he|she)\b", sentence.text):
                source = Source(state.previous.ref, "continuation", _base_evidence(state.previous))
        if source is None and state.default is None and self.news and state.last_source is not None:
            # a story with no byline: its unattributed sentences go on from the source it last named
            source = Source(state.last_source.ref, "continuation", _base_evidence(state.last_source))
        if state.lede_paragraph < 0:
            state.lede_paragraph = paragraph
        if self.info.genre == "NewsArticle" and paragraph == state.lede_paragraph and quotation is None and (
                (source is None and state.default is None)
                or self._generic_speaker(sent) and (source is None or source.ref.startswith("country:"))):
            # a lede told by "police" or "the head of the delegation", or by no one: the source the story names next
            delayed = self._delayed_source(state)
            if delayed is not None:
                source = delayed
        if source is None:
            source = state.default
        self._remember(source, sent, state)
        state.previous_paragraph = paragraph
        return source

    def _generic_speaker(self, sent: SpacySpan | None) -> bool:
        """A verb of saying whose subject is an unnamed office or institution ("police said", "officials
        said", "The head of the Swiss delegation says"): no person is named as the one who speaks."""
        if sent is None:
            return False
        generic = self.speaker_roles | self.institution_nouns | set(self.attribution_lexicon.get("generic_sources") or ())
        for tok in sent:
            if not self._verb_lemma(tok):
                continue
            for subject in (c for c in tok.children if c.dep_ == "nsubj"):
                if subject.lemma_.lower() in generic or subject.lower_ in generic:
                    actor = self.subject_actor(subject)
                    if actor is None or actor.cls == m.COUNTRY:  # "the head of the Swiss delegation"
                        return True
        return False

    def _speaks_for_office(self, source: Source) -> bool:
        """A body, or a person given an office where they speak ("Ion Rusu, head of the unit", "the chief
        inspector, Ana Ruiz"), not a witness or a victim quoted by name."""
        if not source.ref.startswith("Person:"):
            return True
        roles = self.speaker_roles | self._title_words() - {"of", "the", "and", "anti", "trafficking"}
        words = re.findall(r"[\w-]+", source.evidence.lower())
        if any(w in roles or w.rstrip("s") in roles for w in words):
            return True
        # the office given where the text names the person ("Deputy Minister Jakub Skiba", "Jakub Skiba, Deputy Minister of ...")
        for mm in self.mentions:
            if reference(mm) != source.ref:
                continue
            before = self.text[max(0, mm.span.start - 30) : mm.span.start].split("\n")[-1]
            after = self.text[mm.span.end : mm.span.end + 40].split(".")[0] if self.text[mm.span.end : mm.span.end + 1] == "," else ""
            titled = re.findall(r"[\w-]+", f"{mm.title or ''} {before} {after}".lower())
            if any(w in roles - {"member"} for w in titled):
                return True
        return False

    def _delayed_source(self, state: Attribution) -> Source | None:
        """The first person or body the two paragraphs after the lede give words to ('"...," X told reporters',
        'X said', 'According to X, ...'): news names the source of its lede next."""
        if state.delayed_sought:
            return state.delayed
        state.delayed_sought = True
        first = state.lede_paragraph + 1
        if first >= len(self._paragraph_starts or []):
            return None
        start = self._paragraph_starts[first]
        last = min(first + 2, len(self._paragraph_starts))
        end = self._paragraph_starts[last] if last < len(self._paragraph_starts) else len(self.text)
        for sent in self.parsed.sents:
            if sent.end_char <= start:
                continue
            if sent.start_char >= end:
                break
            fresh = Attribution(default=None)
            span = Span(sent.start_char, sent.end_char, sent.text)
            quotation = self._starts_in_quotation(span)
            found = None
            if quotation is not None:
                kept = quotation.source
                found = self.quotation_source(quotation, fresh)
                quotation.source = kept  # read ahead without a speaker history: not the quotation's reading
            found = found or self.reported_source(sent, fresh) or self.according_to(span, sent)
            if found is not None and found.rule in {"quotation", "reporting-verb", "according-to"} \
                    and not found.ref.startswith("country:") and found.ref not in self.own_voice \
                    and self._speaks_for_office(found):
                state.delayed = Source(found.ref, "delayed-source", f"the lede's source, named next: {found.evidence}")
                return state.delayed
        return None

    def _remember(self, source: Source | None, sent: SpacySpan | None, state: Attribution) -> None:
        state.previous = source
        if source is None or source is state.default:
            named = self._last_named_person(sent, state)
            if named:
                self._note_human(state, named)
            return
        if source.rule != "continuation":
            state.last_source = source
        if source.ref.startswith("Person:") or source.rule in {"pronoun"} and state.last_human and source.ref == state.last_human.ref:
            self._note_human(state, source)
        elif source.ref != self.author_ref:
            # "Venezuela's representative said ... He cautioned": a body's speaker is a "he"
            if sent is not None and any(t.dep_ == "nsubj" and t.lemma_.lower() in self.speaker_roles for t in sent):
                self._note_human(state, source)
            else:
                state.last_body = source
        named = self._last_named_person(sent, state)
        if named and not source.ref.startswith("Person:"):
            self._note_human(state, named)

    def _note_human(self, state: Attribution, source: Source) -> None:
        state.last_human = source
        state.humans = [h for h in state.humans or [] if h.ref != source.ref] + [source]

    def _person_antecedent(self, pronoun: str, state: Attribution) -> Source | None:
        """'she' / 'he': the latest speaker not known to be of the other gender, known from a
        title ("Ms.", "spokeswoman", "Mr.") or from a pronoun that took them up before."""
        wanted = "f" if pronoun.lower() == "she" else "m"
        for human in reversed(state.humans or []):
            gender = self._gender(human.ref)
            if gender in {None, wanted}:
                self._genders.setdefault(human.ref, wanted)
                return human
        return state.last_human

    def _person_mentioned_before(self, position: int, pronoun: str) -> Source | None:
        """'I would like to thank Ms. Ana Ruiz ... She said, "...': with no speaker yet to take it up, "she" or
        "he" is the last person the text named, in this paragraph or the one before, not of the other gender
        and not the document's own speaker."""
        wanted = "f" if pronoun.lower() == "she" else "m"
        paragraph = self.paragraph_index(position)
        for mm in reversed(self.mentions):
            if mm.span.start >= position:
                continue
            if self.paragraph_index(mm.span.start) < paragraph - 1:
                break
            ref = reference(mm)
            if mm.cls != m.PERSON or self._is_title(mm) or ref in self.own_voice or ref == self.speaker_ref:
                continue
            if self._gender(ref) in {None, wanted}:
                return Source(ref, "named", mm.span.text)
        return None

    def _gender(self, ref: str) -> str | None:
        if ref in self._genders:
            return self._genders[ref]
        cues = self.attribution_lexicon.get("gender_cues") or {}
        for mm in self.mentions:
            if reference(mm) != ref:
                continue
            words = re.findall(r"[\w.]+", f"{mm.title or ''} {self.text[max(0, mm.span.start - 40) : mm.span.start]} {mm.span.text}".lower())
            for gender, listed in (("f", cues.get("female") or ()), ("m", cues.get("male") or ())):
                if any(w in listed for w in words[-4:]):
                    self._genders[ref] = gender
                    return gender
        return None

    @property
    def _genders(self) -> dict[str, str]:
        if self._gender_of is None:
            self._gender_of = {}
        return self._gender_of

    _gender_of: dict[str, str] | None = None

    def _last_named_person(self, sent: SpacySpan | None, state: Attribution) -> Source | None:
        """The person a following "he" or "she" most likely means: the last one named as a subject."""
        if sent is None:
            return None
        found = None
        for tok in sent:
            if tok.dep_ in {"nsubj", "nsubjpass"}:
                actor = self.subject_actor(tok)
                if actor is not None and actor.cls == m.PERSON and not self._is_title(actor):
                    found = Source(reference(actor), "named", actor.span.text)
        return found

    def _source_in(self, sentence: Span) -> str | None:
        for mm in self.mentions_in(sentence.start, sentence.end):
            if mm.cls in ACTOR_CLASSES - {m.COUNTRY}:
                return reference(mm)
        return None


def _base_evidence(source: Source) -> str:
    """What a continued claim rests on: the words that attributed the first one."""
    evidence = source.evidence
    return evidence if evidence.startswith("continues ") else f"continues {source.rule}: {evidence}"


def _antecedent(source: Source) -> str:
    return source.ref.split(":", 1)[-1] if source.ref.startswith("Person:") else source.ref
