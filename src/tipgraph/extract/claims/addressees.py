"""Addressees: who is urged, thanked or criticised, and the roles countries play."""
from __future__ import annotations

import functools
import re

import yaml

from spacy.tokens import Span as SpacySpan

from tipgraph import model as m
from tipgraph import ontology_dir
from tipgraph.extract.affiliations import speaking_country
from tipgraph.extract.claims.common import ACTOR_CLASSES
from tipgraph.model import EntityMention, Span, reference
from tipgraph.extract.patterns import compiled


@functools.lru_cache(maxsize=1)
def _ambiguous_demonyms() -> tuple[tuple[str, str], ...]:
    """Demonyms that also name a people ("Kazakh", "Kurdish"): before "authorities" or
    "government" they mean the state, so addressees may read them."""
    rows = yaml.safe_load((ontology_dir() / "gazetteer" / "countries.yaml").read_text(encoding="utf-8")) or ()
    return tuple((d, row["iso3"]) for row in rows for d in row.get("ambiguous_demonyms") or ())


class AddresseesMixin:
    @property
    def addressee_lexicon(self) -> dict:
        return self.vocab.lexicon("addressees")

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
        if people:
            return reference(people[-1])
        # "Response to Home Affairs Committee report on ...": the body answered
        bodies = [mm for mm in self.mentions if mm.cls in m.ORGANIZATION_CLASSES and start <= mm.span.start < start + len(title)
                  and reference(mm) not in self.own_voice]
        return reference(bodies[0]) if bodies else None

    def addressees(self, cls: str, sentence: Span, sent: SpacySpan | None, claimant: str | None) -> list[str]:
        if cls not in {"CallToAction", "Endorsement", "Criticism"} or sent is None:
            return []
        found: list[str] = []
        if cls == "CallToAction":
            verb = self.appeal_verb(sent)
            if verb is not None:
                for child in verb.children:
                    if child.dep_ in {"dobj", "prep", "dative", "obj"} or child.dep_ == "prt":
                        phrase = child
                        if child.dep_ in {"prep", "prt", "dative"}:
                            phrase = next((g for g in child.children if g.dep_ == "pobj"), child)
                        named = self.addressee_of(phrase, claimant)
                        if named:
                            found.extend(named)
                            break
            if not found:
                found.extend(self._appeal_object(sent, claimant))
            if not found:
                found.extend(self._recommended_to(sent, claimant))
            if not found:
                match = re.search(r"\b(?:time|need|responsibility|call) for (.{2,80}?) to\b", sentence.text)
                if match:
                    actor = next((mm for mm in self.mentions_in(sentence.start + match.start(1), sentence.start + match.end(1)) if mm.cls in ACTOR_CLASSES), None)
                    if actor:
                        found.append(reference(actor))
            if not found:
                found.extend(self._wished_subject(sent, claimant))
            if not found:
                found.extend(self._obliged_subject(sent, claimant))
            if not found:
                found.extend(self._appealed_owner(sent, claimant))
            state = getattr(self, "attribution_state", None)
            continues = state is not None and state.previous is not None and state.previous.rule in {
                "source-anaphor", "continuation", "quotation-continued"}
            if not found and continues and self._last_called[0] == claimant:
                found.extend(self._last_called[1])  # "Another recommendation is to ...": to the same addressee
            if found:
                self._last_called = (claimant, list(found))
        elif cls == "Endorsement":
            # a public body does not praise its own state: "The US placed Myanmar ... on its list" (State Department)
            state = self._claimant_state(claimant)
            found.extend(a for a in self.endorsed(sentence, sent, claimant) if a != state)
            for subject in (t for t in sent if t.dep_ == "nsubj") if not found and state else ():
                named = self.mention_at(subject.idx)
                if named is not None and reference(named) == state:
                    found.extend(self._object_actors(subject.head, claimant))  # the state of the body speaking acts on these
                    break
        elif cls == "Criticism":
            found.extend(self._criticised(sent, claimant))
        if not found and cls in {"CallToAction", "Endorsement"}:
            found.extend(self._second_person(sent, claimant))
        if not found and cls in {"CallToAction", "Endorsement"}:
            found.extend(self._reported_country(claimant, sentence))
        return found

    def _second_person(self, sent: SpacySpan, claimant: str | None) -> list[str]:
        """An appeal or praise that speaks to "you" with no one else named ("Ambassador X, the work of your
        team is essential to ..."): it is aimed at the one addressed, the person a reply answers or the
        last one hailed by name."""
        for tok in sent:
            if tok.lower_ not in {"you", "your", "yours"} or tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"thank", "thanks"}:
                continue
            addressed = self._addressed_as_you(tok.idx, claimant)
            if addressed and addressed != claimant:
                return [addressed]
            return []
        return []

    def _reported_country(self, claimant: str | None, sentence: Span) -> list[str]:
        """A release or story about one country ("concluded a visit to Norway"): what a visitor there urges or
        praises with no one named ("national referral mechanisms should be established") is aimed at that
        country. Not in a statement, whose unnamed appeals go to all its listeners."""
        if self.info.genre in {"Speech", "Statement"}:
            return []
        counts: dict[str, int] = {}
        for mm in self.mentions:
            if mm.cls == m.COUNTRY:
                counts[reference(mm)] = counts.get(reference(mm), 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return []
        country = ranked[0][0]
        if country == claimant or self._own_voice_of(country, claimant) or country in self._speaker_countries() \
                or country == self._claimant_state(claimant):
            return []
        iso = country.split(":", 1)[1]
        if claimant and (claimant.startswith((f"gov:{iso}", f"govbody:{iso}:", f"mission:{iso}")) or any(
                mm.attrs.get("country") == iso and reference(mm) == claimant for mm in self.mentions)):
            return []  # the state's own officials and bodies speaking of it
        named = any(reference(mm) == country for mm in self.mentions_in(sentence.start, sentence.end))
        if not named and claimant and claimant.startswith("Person:") and self._official_of(claimant, country):
            return []  # "Kazakhstan Foreign Minister X": "we have to be united" is the state speaking
        return [country]

    def _claimant_state(self, claimant: str | None) -> str | None:
        """The country of a claimant that is a public body ("govbody:ALB:...", the State Department)."""
        if not claimant:
            return None
        if claimant.startswith(("gov:", "govbody:", "mission:")):
            return "country:" + claimant.split(":")[1]
        known = self.vocab.entities.get(claimant)
        return f"country:{known.country}" if known is not None and known.country else None

    def _official_of(self, person: str, country: str) -> bool:
        """Whether the text names the person with an office of the country ("Kazakhstan Foreign Minister X",
        "the Estonian Minister X", "X, Minister of Justice of Estonia")."""
        surname = person.split(":", 1)[1].split()[-1]
        for mm in self.mentions:
            if mm.cls != m.PERSON or not (reference(mm) == person or mm.name.split()[-1] == surname):
                continue
            start = mm.attrs.get("title_start", mm.span.start)
            window = (max(0, start - 40), mm.span.end + 80)
            if not (mm.title or mm.attrs.get("title_start") is not None or re.match(r",\s+(?:the\s+)?[A-Z]", self.text[mm.span.end : mm.span.end + 8])):
                continue
            if any(c.cls == m.COUNTRY and reference(c) == country and window[0] <= c.span.start < window[1]
                   and self.paragraph_index(c.span.start) == self.paragraph_index(mm.span.start) for c in self.mentions):
                return True
        return False

    def _addressed_as_you(self, position: int, claimant: str | None) -> str | None:
        """Who "you" is: the person a reply answers (its title line), else the last person or office
        the speaker addressed before ("Thank you, Special Representative, for ...", "Dear Dr. Lind,")."""
        if self.doc_addressee:
            return self.doc_addressee
        addressed = None
        for mm in self.mentions:
            if mm.span.start >= position:
                break
            if mm.cls != m.PERSON or reference(mm) == claimant or self._names_no_one(mm):
                continue
            line_start = self.text.rfind("\n", 0, mm.span.start) + 1
            before = self.text[line_start : mm.span.start]
            after = self.text[mm.span.end : mm.span.end + 2]
            if re.match(r"\s*[,!:]", after) and re.search(r"(?i)(?:^\s*|\bthank you,\s*|\bthanks,\s*|\b(?:dear|madam|madame|mr\.?|ms\.?|mrs\.?)\s+)$", before):
                addressed = reference(mm)
        return addressed

    def _names_no_one(self, mention: EntityMention) -> bool:
        """A title standing alone ("Acting Head"), unless it is an office standing for its one holder."""
        return self._is_title(mention) and not mention.attrs.get("office_holder")

    def _criticised(self, sent: SpacySpan, claimant: str | None) -> list[str]:
        """Who a criticism blames: the object of a verb of blame ("we condemn X"); the subject
        ("Russia's war ... has caused"), through a pronoun to its antecedent ("they do not always
        possess ..."); the object when the subject is the critic or its report ("The US placed
        X on its list of worst offenders"); the complement of "be" after a generic subject
        ("Other nations demoted were X and Y"); else the document's focus country."""
        blaming = set(self.attribution_lexicon.get("blame_verbs") or ())
        objects = [c for t in sent if t.lemma_.lower() in blaming for c in t.children if c.dep_ in {"dobj", "obj"}]
        for obj in objects:
            named = self.addressee_of(obj, claimant)
            if named:
                return named[:1]
        # "placed X on its list of worst offenders", "X were demoted in the ranking": the one listed
        findings = set(self.addressee_lexicon.get("finding_nouns") or ())
        for verb in sent:
            if verb.pos_ == "VERB" and any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in findings
                                                                    for g in c.children) for c in verb.children):
                named = self._object_actors(verb, claimant)
                if named:
                    return named
        # "A report by X found that prosecutions were rare in Albania": not the finder, the found
        subjects = [t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and not self._verb_reports(t.head)]
        for tok in subjects:
            if tok.lower_ == "it" and (tok.head.lemma_ == "be" or any(c.dep_ in {"ccomp", "xcomp"} for c in tok.head.children)):
                continue  # "It is regrettable that ...": no one, the clause that follows
            if tok.lower_ in self.CRITIC_PRONOUNS:
                if self._critic_speaks(tok, claimant):
                    named = self._object_actors(tok.head, claimant)
                    if named:
                        return named
                    continue
                main = tok.head.dep_ == "ROOT" or tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT"
                named = self._subject_antecedent(tok, claimant) if main else []
                if named:
                    return named
                continue
            if self._critic_speaks(tok, claimant):
                named = self._object_actors(tok.head, claimant)
                if named:
                    return named
                continue
            named = self.addressee_of(tok, claimant)
            if named:
                return named[:1]
            # the parse may hang "were X" off another verb: any complement of "be" after the subject
            for attr in (t for t in sent if t.dep_ == "attr" and t.head.lemma_ == "be" and t.i > tok.i):
                named = self.addressee_of(attr, claimant)
                if named:
                    return named
        fallback = self.focus_country
        if fallback and fallback != claimant and fallback not in self._speaker_countries():
            return [fallback]
        return []

    CRITIC_PRONOUNS = {"i", "we", "they", "it", "he", "she"}

    def _verb_reports(self, verb) -> bool:
        """A verb that reports what follows ("found that ...", "said ..."), not one that
        merely shares a reporting verb's spelling ("has continued to cause")."""
        return verb.lemma_ in self.reporting and any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children)

    def _critic_speaks(self, subject, claimant: str | None) -> bool:
        """The subject is the critic: "we", the claimant itself, or its report or list."""
        if subject.lower_ in {"i", "we"}:
            return True
        mention = self.mention_at(subject.idx)
        if mention is not None and (reference(mention) == claimant or reference(mention) in self.own_voice):
            return True
        return subject.lemma_.lower() in set(self.addressee_lexicon.get("finding_nouns") or ())

    def _object_actors(self, verb, claimant: str | None, deps=frozenset({"dobj", "obj"})) -> list[str]:
        for child in verb.children:
            if child.dep_ in deps:
                named = self.addressee_of(child, claimant)
                if named:
                    return named
        return []

    def _subject_antecedent(self, pronoun, claimant: str | None) -> list[str]:
        """'The Ministry is responsible for ... . Its staff is often ... . However, they do not
        always ...': back through the subjects of the paragraph's sentences, past subjects that
        are pronouns or owned by one ("its staff"), to the first that names an actor."""
        paragraph = self.paragraph_index(pronoun.idx)
        sentence = pronoun.sent
        while sentence.start > 0:
            sentence = self.parsed[sentence.start - 1].sent
            if self.paragraph_index(sentence.start_char) != paragraph:
                return []
            subject = next((t for t in sentence.root.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is None:
                continue
            owned_by_pronoun = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)
            if subject.pos_ == "PRON" or owned_by_pronoun:
                continue
            if subject.lemma_.lower() in set(self.addressee_lexicon.get("finding_nouns") or ()):
                return []  # "The report found ... . It noted ...": the report, no actor
            named = self.addressee_of(subject, claimant)[:1]
            person = bool(named) and named[0].startswith("Person:")
            return named if person == (pronoun.lower_ in {"he", "she"}) else []
        return []

    def _speaker_countries(self) -> set[str]:
        """The country a speech or statement speaks for ("UK statement to the OSCE", "the UK and I"),
        which its criticism does not fall back on."""
        if self.info.genre not in {"Speech", "Statement"}:
            return set()
        found = {r for r in self.own_voice if r.startswith("country:")}
        title = self.info.title or ""
        start = self.text.find(title) if title else -1
        for mm in self.mentions:
            if mm.cls != m.COUNTRY:
                continue
            after = self.text[mm.span.end : mm.span.end + 40]
            in_title = start >= 0 and start <= mm.span.start < start + len(title)
            if in_title and re.match(r"(?i)\s+(?:statement|delegation|intervention|remarks|speech)\b", after):
                found.add(reference(mm))
            elif re.match(r"\s+and\s+I\b", after):
                found.add(reference(mm))
        return found

    def addressee_of(self, token, claimant: str | None) -> list[str]:
        """The actors a noun phrase names as addressee: the person in it ("the Special
        Representative, Ms. X"), a pronoun's antecedent ("thank her"), "the <demonym>
        authorities" or "the government"/"the country" (the focus country's government),
        an office named before ("the Special Representative"), the owner of "the role of X"."""
        lower = token.lower_
        if lower in {"her", "him"}:
            person = self._person_before(token.idx, claimant)
            return [person] if person else []
        if lower in {"you", "your"}:
            addressed = self._addressed_as_you(token.idx, claimant)
            return [addressed] if addressed else []
        if token.pos_ == "NOUN" and self.mention_at(token.idx) is None and any(
                c.dep_ == "poss" and c.lower_ == "your" for c in token.children):
            addressed = self._addressed_as_you(token.idx, claimant)  # "your office's leadership"
            if addressed:
                return [addressed]
        subtree = sorted(token.subtree, key=lambda t: t.i)
        if not subtree:
            return []
        start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
        covering = self.mention_at(end - 1)
        end = max(end, covering.span.end) if covering is not None else end
        # "welcoming the Special Representative ..., Dr. Helga Lindqvist, back": the apposition
        # (the office's name may run on past the parse's phrase: "... Co-ordinator for Combating Trafficking, Dr. X")
        apposed = re.match(r"(?:\s+(?:for|of|on|in|against|and|to)\s+[A-Z][^,.;:()\n]{0,100}?)?\s*,\s*", self.text[end : end + 130])
        if apposed:
            person = self.mention_at(end + apposed.end())
            if person is not None and person.cls == m.PERSON and not self._is_title(person) and reference(person) != claimant:
                return [reference(person)]
        if self.mention_at(token.idx) is None and token.pos_ == "PROPN":
            person = self._person_by_surname(token)  # "Manas, who held a key post, participated ..."
            if person is not None and reference(person) != claimant:
                return [reference(person)]
        if self.mention_at(token.idx) is None and token.pos_ == "NOUN":
            # "the conclusions of the Special Representative", "steps taken by the Greek authorities"
            # "Russia's war of aggression against Ukraine": the owner before the noun comes first
            for child in sorted(token.children, key=lambda c: c.dep_ != "poss"):
                owner = next((g for g in child.children if g.dep_ == "pobj"), None) if child.dep_ == "prep" and child.lower_ in {"of", "by"} else None
                if child.dep_ == "poss" and child.pos_ != "PRON":
                    owner = child
                if child.dep_ in {"acl"}:
                    agent = next((a for a in child.children if a.dep_ == "agent"), None)
                    owner = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
                if owner is not None:
                    named = self.addressee_of(owner, claimant)
                    if named:
                        return named
        inside = [mm for mm in self.mentions_in(start, end) if mm.cls in ACTOR_CLASSES and reference(mm) != claimant
                  and not self._names_no_one(mm) and not self._own_voice_of(reference(mm), claimant)]
        # "The OSCE Presence in Albania": the unit, not the body its name begins with
        inside = [mm for mm in inside if not any(o is not mm and o.span.start <= mm.span.start and mm.span.end <= o.span.end
                                                 and (o.span.start, o.span.end) != (mm.span.start, mm.span.end) for o in inside)]
        people = [mm for mm in inside if mm.cls == m.PERSON]
        governments = [mm for mm in inside if (mm.key or "").startswith("gov:")]
        if people:
            return [reference(people[0])]
        if governments:
            return [reference(governments[0])]
        if token.lower_ in self._title_words() and inside and all(mm.span.end <= token.idx for mm in inside):
            # "welcomes the newly appointed OSCE Special Representative": the person in that office, not the OSCE
            titled = self._titled_person(token, anywhere=True)
            if titled and titled != claimant:
                return [titled]
        definite = any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "its", "their", "this", "that"} or c.dep_ == "poss"
                       for c in token.children) or bool(inside)
        if token.lemma_.lower() in set(self.attribution_lexicon.get("government_nouns") or ()) and definite and len(
                [mm for mm in inside if mm.cls != m.COUNTRY]) <= 1:
            country = next((mm for mm in inside if mm.cls == m.COUNTRY), None)
            iso = (country.key or "").split(":")[-1] if country is not None else None
            demonym = next((self._demonyms().get(t.text) for t in subtree if t.text in self._demonyms()), None)
            if iso is None and demonym:
                iso = demonym  # "the Kazakh authorities", whatever the entity pass made of "Kazakh"
                country = next((mm for mm in self.mentions if mm.key == f"country:{iso}"), None)
                if country is None and not inside:
                    return [f"country:{iso}"] if f"country:{iso}" != claimant else []
            elif inside and not [mm for mm in inside if mm.cls == m.COUNTRY]:
                return self._with_coordinated(inside[0], token, claimant)
            iso = iso or (self.focus_country or "").split(":")[-1]
            government = next((mm for mm in self.mentions if mm.key == f"gov:{iso}"), None) if iso else None
            if government is not None and reference(government) != claimant:
                return [reference(government)]
            target = reference(country) if country is not None else self.focus_country
            return [target] if target and target != claimant else []
        if not inside and token.pos_ in {"NOUN", "PROPN"}:
            titled = self._titled_person(token)
            if titled and titled != claimant:
                return [titled]
        if not inside and token.pos_ == "PROPN":
            person = self._person_by_surname(token)
            if person is not None and reference(person) != claimant:
                return [reference(person)]
        if inside:
            first = inside[0]
            if first.cls == m.COUNTRY and self._modifies_next(first) and len(inside) > 1:
                first = inside[1]
            return self._with_coordinated(first, token, claimant)
        return []

    def _own_voice_of(self, ref: str, claimant: str | None) -> bool:
        """Whether `ref` is the voice the claim is said in: the issuing body and its country for
        the document's own words, but not for a third party it quotes ("Judge X praised the
        Mission", in the Mission's own release, praises the Mission)."""
        if ref not in self.own_voice and ref != self._speaking_country():
            return False
        return claimant is None or claimant in self.own_voice or claimant == self.speaker_ref or claimant == self._speaking_country()

    def _speaking_country(self) -> str | None:
        """The country a statement speaks for by its stance verbs ("Sweden welcomes the report")."""
        if self.info.genre not in {"Speech", "Statement"}:
            return None
        if not hasattr(self, "_speaking_country_ref"):
            self._speaking_country_ref = speaking_country(self.text, self.parsed, self.mentions, self.vocab.lexicon("events_relations"))
        return self._speaking_country_ref

    def _demonyms(self) -> dict[str, str]:
        """'Kazakh' -> 'KAZ': the gazetteer's demonyms."""
        if self._demonym_map is None:
            self._demonym_map = dict(_ambiguous_demonyms())
            self._demonym_map.update({d: e.iso3 for e in self.vocab.entities.values() if e.iso3 for d in e.demonyms})
        return self._demonym_map

    _demonym_map: dict[str, str] | None = None

    def _person_before(self, position: int, claimant: str | None) -> str | None:
        """'thank her': the last person named before, other than the claimant."""
        found = None
        for mm in self.mentions:
            if mm.span.start >= position:
                break
            if mm.cls == m.PERSON and not self._names_no_one(mm) and reference(mm) != claimant:
                found = reference(mm)
        return found

    def _appeal_object(self, sent: SpacySpan, claimant: str | None) -> list[str]:
        """The object of any appeal verb ("the Special Representative called on the Moldovan
        Government to ..."), whoever its subject."""
        verbs = (self.lexicon.get("CallToAction") or {}).get("appeal_verbs") or ()
        for tok in sent:
            for phrase in verbs:
                words = phrase.lower().split()
                if tok.lower_ != words[0] or [t.lower_ for t in tok.doc[tok.i : tok.i + len(words)]] != words:
                    continue
                for child in tok.children:
                    target = child
                    if child.dep_ in {"prep", "prt", "dative"}:
                        target = next((g for g in child.children if g.dep_ == "pobj"), None)
                    elif child.dep_ not in {"dobj", "obj"}:
                        continue
                    if target is not None:
                        named = self.addressee_of(target, claimant)
                        if named:
                            return named
        return []

    def _recommended_to(self, sent: SpacySpan, claimant: str | None) -> list[str]:
        """'published recommendations to the Moldovan Government', 'its appeal to X'."""
        said_nouns = set(self.attribution_lexicon.get("said_nouns") or ())
        for tok in sent:
            if tok.lemma_.lower() in said_nouns:
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in {"to", "for"}:
                        target = next((g for g in prep.children if g.dep_ == "pobj"), None)
                        if target is not None:
                            named = self.addressee_of(target, claimant)
                            if named:
                                return named
        return []

    def _wished_subject(self, sent: SpacySpan, claimant: str | None) -> list[str]:
        """ "We hope the Georgian government and civil society will come up with a strategy", "we expect the
        authorities to act": the subject of what the speaker wishes done is urged."""
        wishing = set(self.addressee_lexicon.get("wish_verbs") or ())
        for tok in sent:
            if tok.lemma_.lower() not in wishing or tok.pos_ not in {"VERB", "AUX"}:
                continue
            if not any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in tok.children):
                continue
            for clause in (c for c in tok.children if c.dep_ in {"ccomp", "xcomp"}):
                subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
                if not subjects and clause.dep_ == "xcomp":
                    subjects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
                if subjects and subjects[0].lower_ not in {"i", "we", "it", "this", "that", "there", "they"}:
                    named = self.addressee_of(subjects[0], claimant)
                    if named:
                        return named
        return []

    def _obliged_subject(self, sent: SpacySpan, claimant: str | None) -> list[str]:
        """'UNODC and member states may wish to take a closer look', 'The authorities should ...':
        the subject of a verb of obligation is urged."""
        obliging = set(self.attribution_lexicon.get("obligation_words") or ())
        for tok in sent:
            if tok.lower_ not in obliging:
                continue
            verb = tok.head if tok.dep_ == "aux" else tok
            # "a process that should be continued within the UN", "... must be prosecuted by the courts"
            if any(c.dep_ == "auxpass" for c in verb.children):
                for child in verb.children:
                    if child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ == "within":
                        agent = next((g for g in child.children if g.dep_ == "pobj"), None)
                        named = self.addressee_of(agent, claimant) if agent is not None else []
                        if named:
                            return named
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects and subjects[0].lower_ not in {"i", "we", "it", "this", "that", "there"}:
                named = self.addressee_of(subjects[0], claimant)
                if named:
                    return named
            # the parse lost the subject: the actors named just before the modal, in its clause
            clause_start = max([sent.start_char] + [t.idx + 1 for t in sent if t.i < tok.i and t.text in {",", ";", ":"}])
            before = [mm for mm in self.mentions_in(clause_start, tok.idx) if mm.cls in ACTOR_CLASSES
                      and reference(mm) != claimant and reference(mm) not in self.own_voice and not self._is_title(mm)]
            # "the Georgian government and civil society will ...": the government, not the country inside its name
            before = [mm for mm in before if not any(o is not mm and o.span.start <= mm.span.start and mm.span.end <= o.span.end
                                                     and (o.span.start, o.span.end) != (mm.span.start, mm.span.end) for o in before)]
            if before:
                return [reference(before[0])]
        return []

    def _appealed_owner(self, sent: SpacySpan, claimant: str | None) -> list[str]:
        """'Petrakis emphasized the role of the Interior Ministry in ...': the owner of the role is urged."""
        nouns = set(self.addressee_lexicon.get("appeal_nouns") or ())
        for tok in sent:
            if tok.lemma_.lower() in nouns and tok.dep_ in {"dobj", "obj", "nsubj", "nsubjpass"}:
                for prep in tok.children:
                    owner = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep.dep_ == "prep" and prep.lower_ == "of" else None
                    named = self.addressee_of(owner, claimant) if owner is not None else []
                    if named:
                        return named
        return []

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
                 "salute", "recognize", "gratitude", "grateful", "proud", "pleased", "encourage", "delighted",
                 "supporter"}

    def endorsed(self, sentence: Span, sent: SpacySpan, claimant: str | None) -> list[str]:
        """Who is thanked or praised: "you" in a reply, the first actor after the praise, else the one praised before."""
        vocative = re.search(r"\b(?:Mr|Mrs|Ms|Madam)\.? (?!Ambassador\b)[A-Z]", sentence.text)
        if self.doc_addressee and not vocative and re.search(r"\bthank you\b|\byour\b", sentence.text, re.IGNORECASE):
            return self._endorse([self.doc_addressee])
        endorsing = self.ENDORSING | set(self.attribution_lexicon.get("endorsing_words") or ())
        trigger = next((t for t in sent if t.lemma_.lower() in endorsing or t.lower_ in endorsing), None)
        if trigger is None:
            # "The government demonstrated increasing efforts", "... are among the steps taken by X"
            for tok in sent:
                if tok.dep_ == "agent":
                    owner = next((g for g in tok.children if g.dep_ == "pobj"), None)
                    named = self.addressee_of(owner, claimant) if owner is not None else []
                    if named:
                        return self._endorse(named)
            for subject in (c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}):
                named = self.addressee_of(subject, claimant)
                if named and named[0] == self._claimant_state(claimant):
                    # "The US placed Myanmar, Uzbekistan, ... on its list": the state of the body speaking acts on others
                    named = self._object_actors(sent.root, claimant)
                if named:
                    return self._endorse(named)
            return list(self._last_endorsed)
        after = self.text[trigger.idx : sentence.end]
        if self.doc_addressee and re.match(r"(?i)\w+\s+(?:\w+\s+)?(?:you\b|your\b)", after):
            return self._endorse([self.doc_addressee])
        # every word of praise in turn: "We were pleased to welcome your office to ...": welcomed, the office
        triggers = [trigger] + [t for t in sent if t.i > trigger.i and t.pos_ == "VERB" and (t.lemma_.lower() in endorsing or t.lower_ in endorsing)]
        objects = [c for praise in triggers for c in praise.children if c.dep_ in {"dobj", "obj"}] + [
            g for praise in triggers for c in praise.children if c.dep_ == "prep" and c.lower_ in {"of", "to", "with"}
            for g in c.children if g.dep_ == "pobj"]
        for obj in objects:
            # a person, a pronoun or a government the praise names outright ("welcome the
            # Special Representative, Ms. X", "thank her", "the Greek authorities")
            named = self.addressee_of(obj, claimant)
            if named and (named[0].startswith(("Person:", "gov:")) or obj.lower_ in {"her", "him"}):
                return self._endorse(named)
        # "The Home Affairs Committee is right to recognise ...": the subject is praised
        verb = trigger.head.head if trigger.head.lower_ in {"right", "correct", "wise"} else trigger.head
        if any(c.dep_ == "acomp" and c.lower_ in {"right", "correct", "wise"} for c in verb.children):
            for subject in (c for c in verb.children if c.dep_ in {"nsubj"}):
                named = self.addressee_of(subject, claimant)
                if named:
                    return self._endorse(named)
        for mm in self.mentions_in(trigger.idx, sentence.end):
            if mm.cls not in ACTOR_CLASSES or reference(mm) == claimant or reference(mm) == self._claimant_state(claimant):
                continue
            outer = self.mention_at(mm.span.start)
            if outer is not None and outer is not mm and outer.span.end > mm.span.end and outer.span.start == mm.span.start:
                continue  # "the OSCE Mission to Montenegro": the mission, not the OSCE
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
    _last_called: tuple[str | None, list[str]] = (None, [])

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
                if phrase.lower() not in flat:
                    continue
                for match in compiled(rf"(?<![\w-]){re.escape(phrase.lower())}").finditer(flat):
                    before = [c for c in countries if c.span.end <= sentence.start + match.start()]
                    if before:
                        roles.append((reference(before[-1]), role))
        for role, phrases in (self.lexicon.get("country_roles_after") or {}).items():
            for phrase in phrases:
                for match in compiled(rf"(?<![\w-]){re.escape(phrase.lower())}\s").finditer(flat):
                    position = sentence.start + match.end()
                    # the countries listed right after the phrase: "to Germany and Italy"
                    for country in countries:
                        gap = self.text[position : country.span.start]
                        if country.span.start >= position and re.fullmatch(r"(?:[\w\s,]*?(?:,|\band\b|\bor\b)\s*)?(?:the\s+)?", gap) and len(gap) < 60:
                            roles.append((reference(country), role))
        return sorted(set(roles))
