"""Entity mentions in one parsed document: gazetteers, rules, then spaCy's NER.

Rules run first and claim their spans; the statistical model fills in what
no rule knows (unknown people, places, bodies) and its usual mistakes on
this genre are filtered by the noise lexicon. Names inside event and
instrument names ("OSCE" in "OSCE Conference on ...") are kept as mentions
of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from tipgraph import model as m
from tipgraph.model import EntityMention, SourceDocument, Span
from tipgraph.nlp import load_model
from tipgraph.vocab import Vocabulary
from tipgraph.extract.patterns import compiled, word_pattern

APOSTROPHES = "'\u2019"
_POSSESSIVE = re.compile(r"[\u2019']s$")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_WORD = re.compile(r"\S+")
# What follows the office in the two office-title patterns of `statistical` ("Minister for ", "Adviser for
# Combating Trafficking in "), searched first: without it the whole pattern cannot match, and its scan for
# hundreds of offices, case-insensitive, in the 120 characters before every name cost the most (same matches).
_COMPLEMENT_TAIL = re.compile(r"\s+(?:for|to)\s+(?:the\s+)?(?:[A-Z][\w’'-]*,?\s+(?:and\s+)?)*$")
_FIELD_TAIL = re.compile(r"\s+(?:of|for|on|to)\s+(?:the\s+)?(?:[A-Z][\w’'-]*,?\s+(?:(?:of|for|in|on|against|the|and)\s+)*)+"
                         r"(?:and|of|in|for|on)\s+(?:the\s+)?$")
# Containers may hold other mentions; everything else claims its span.
CONTAINER_CLASSES = m.EVENT_CLASSES | {m.INSTRUMENT}


@dataclass
class Candidate:
    mention: EntityMention
    priority: int  # higher wins an overlap

    @property
    def start(self) -> int:
        return self.mention.span.start

    @property
    def end(self) -> int:
        return self.mention.span.end


class Matchers:
    """Phrase matchers built once per vocabulary."""

    def __init__(self, vocab: Vocabulary):
        nlp = load_model()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.context = PhraseMatcher(nlp.vocab, attr="ORTH")
        # "the state department": news styles write a body's two-word name in lower case after "the"
        self.lowered = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, entity in sorted(vocab.entities.items()):
            if entity.case_sensitive_names:
                self.exact.add(key, [nlp.make_doc(n) for n in entity.case_sensitive_names])
            if entity.cls in m.ORGANIZATION_CLASSES:
                plain = [n for n in entity.case_sensitive_names if len(n.split()) >= 2 and all(w[:1].isupper() and w[1:].islower() for w in n.split())]
                if plain:
                    self.lowered.add(key, [nlp.make_doc(n) for n in plain])
            if entity.case_insensitive_names:
                self.folded.add(key, [nlp.make_doc(n) for n in entity.case_insensitive_names])
            if entity.context_names:
                self.context.add(key, [nlp.make_doc(n) for n in entity.context_names])
        titles = vocab.lexicon("titles")
        before = sorted(set(titles.get("before_name") or ()), key=lambda t: (-len(t), t))
        self.title_pattern = re.compile(
            r"(?<![\w-])(?P<title>" + "|".join(re.escape(t) for t in before) + r")(?![\w-])"
        ) if before else None
        self.vocatives = {v.lower() for v in titles.get("vocative_only") or ()}
        self.one_word_titles = {t for t in before if " " not in t and t[:1].isupper()}
        self.post_nominals = set(titles.get("after_name") or ())
        noise = vocab.lexicon("noise")
        self.not_entities = {n.lower() for n in noise.get("not_entities") or ()}
        self.not_person_words = set(noise.get("not_person_words") or ())
        self.not_org_heads = set(noise.get("not_org_heads") or ())
        self.not_entity_patterns = [re.compile(p) for p in noise.get("not_entity_patterns") or ()]
        self.span_breaks = [b for b in noise.get("span_breaks") or () if b]
        self.name_particles = {w.lower() for w in noise.get("name_particles") or ()}
        # words that make up titles and offices: a "name" of only these is a title ("Acting Head")
        offices = list(titles.get("offices") or ())
        # (the words before an office's complement: "Minister" of "Minister of Justice", not "Justice")
        self.title_words = {w.lower() for t in before + offices + list(titles.get("office_modifiers") or ())
                            for w in re.findall(r"[\w’'.-]+", re.split(r"\s(?:of|for|on|to|in|at|and|the)\s", t)[0])}
        office_alt = "|".join(re.escape(t) for t in sorted(set(offices) | set(before), key=lambda t: (-len(t), t)))
        self.office_re = re.compile(rf"(?<![\w-])(?:{office_alt})(?![\w-])", re.IGNORECASE) if office_alt else None
        orgs = vocab.lexicon("organizations")
        heads = set(orgs.get("unit_nouns") or ()) | set(orgs.get("ministry_nouns") or ()) | set(orgs.get("body_heads") or ())
        for words in (orgs.get("class_keywords") or {}).values():
            heads.update(words)
        self.body_head_words = {w for h in heads for w in h.split() if w[:1].isupper()}
        strict = set(orgs.get("unit_nouns") or ()) | set(orgs.get("ministry_nouns") or ()) | set(orgs.get("body_heads") or ())
        self.list_head_words = {h.split()[-1] for h in strict if h[:1].isupper()}
        self.list_head_pattern = "|".join(map(re.escape, sorted(self.list_head_words)))  # made once, read per name
        # a known body's names, for a name spelled out of the tokens the phrase matchers read ("Mission to BiH.")
        self.body_by_name = {n: e.key for e in vocab.entities.values() if e.cls in m.ORGANIZATION_CLASSES
                             for n in e.case_sensitive_names}
        self.body_by_name.update({n.lower(): e.key for e in vocab.entities.values() if e.cls in m.ORGANIZATION_CLASSES
                                  for n in e.case_insensitive_names})
        self.country_by_name = {n: e.key for e in vocab.entities.values() if e.cls == m.COUNTRY for n in e.case_sensitive_names}
        self.demonyms = {}
        for entity in vocab.entities.values():
            for d in (*entity.demonyms, *entity.ambiguous_demonyms):
                self.demonyms[d] = entity.key
        reporting = vocab.lexicon("reporting")
        self.before_source = [w.lower() for w in reporting.get("before_source") or ()]
        self.after_source = {w.lower() for w in reporting.get("after_source") or ()}


_MATCHERS: dict[int, tuple[Vocabulary, Matchers]] = {}


def matchers_for(vocab: Vocabulary) -> Matchers:
    cached = _MATCHERS.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        cached = (vocab, Matchers(vocab))
        _MATCHERS[id(vocab)] = cached
    return cached[1]


def canonical_body_name(name: str) -> str:
    """ "Health Ministry" and "Ministry of Health", "Ministry of the Interior" and "Ministry of
    Interior" name one body."""
    name = " ".join(name.split())
    swapped = re.fullmatch(r"(?P<field>[A-Z][\w’'-]*(?: (?:and )?[A-Z][\w’'-]*)*) (?P<noun>Ministry|Department|Directorate)", name)
    if swapped:
        name = f"{swapped.group('noun')} of {swapped.group('field')}"
    return re.sub(r"^(Ministry|Department|Directorate) of the ", r"\1 of ", name)


def clean_name(text: str) -> str:
    text = " ".join(text.split())
    text = _LEADING_ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return text.strip(" ,;:.\"“”‘’'()[]")


def trimmed_span(text: str, start: int, end: int) -> Span:
    """Drop a leading article, a trailing possessive and stray punctuation from a span."""
    piece = text[start:end]
    lead = _LEADING_ARTICLE.match(piece)
    if lead:
        start += lead.end()
    piece = text[start:end]
    poss = re.search(r"[\u2019']s$", piece)
    if poss:
        end -= 2
    while start < end and text[start] in " \n\t,;:\"“”‘’'([*#":
        start += 1
    while end > start and text[end - 1] in " \n\t,;:.\"“”‘’')]*/|":
        end -= 1
    return Span(start, end, text[start:end])


def sentence_bounds(parsed: Doc, char: int) -> tuple[int, int]:
    token = parsed.char_span(char, char + 1, alignment_mode="expand")
    if token is None or len(token) == 0:
        return (char, char)
    sent = token[0].sent
    return (sent.start_char, sent.end_char)


def _is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


class EntityExtractor:
    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        self.matchers = matchers_for(vocab)
        self.events = vocab.lexicon("events")
        self.instruments = vocab.lexicon("instruments")
        self.orgs = vocab.lexicon("organizations")
        self._parsed_ents: list = []  # the parse's entities, while `statistical` reads them
        self._doc: Doc | None = None
        outlet_nouns = sorted(self.orgs.get("outlet_nouns") or (), key=len, reverse=True)
        self._outlet_noun_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, outlet_nouns)) + r")[ \t]+$", re.IGNORECASE) \
            if outlet_nouns else None

    # -- gazetteers -------------------------------------------------------
    def gazetteer(self, parsed: Doc, text: str) -> list[Candidate]:
        found = []
        hits = [(key, s, e) for key, s, e in self.matchers.exact(parsed)]
        hits += [(key, s, e) for key, s, e in self.matchers.folded(parsed)]
        hits += [(key, s, e) for key, s, e in self.matchers.lowered(parsed)
                 if parsed[s:e].text.islower() and s > 0 and parsed[s - 1].lower_ == "the"]
        nlp_strings = parsed.vocab.strings
        person_ends = {ent.end: ent.start for ent in parsed.ents if ent.label_ == "PERSON"}
        for match_id, s, e in hits:
            key = nlp_strings[match_id]
            span = parsed[s:e]
            if self.vocab.entities[key].cls in {m.COUNTRY, m.PLACE, m.REGION} and self._ends_a_personal_name(parsed, s, e, person_ends):
                continue  # "Ambassador Owen Holland", "Ana Di Malta": a surname, not a country
            if self.vocab.entities[key].cls == m.COUNTRY and span.text in self.matchers.demonyms \
                    and re.search(r"\bin\s+$", text[max(0, span.start_char - 4) : span.start_char]) \
                    and re.match(r"\s*(?:[),;]|and\s+[A-Z])", text[span.end_char : span.end_char + 8]):
                continue  # "(PROTEX, in Spanish)", "published in French, Russian and English": a language
            if self.vocab.entities[key].cls == m.COUNTRY and re.match(r"\s?\$\s?\d", text[span.end_char : span.end_char + 4]):
                continue  # "US $32 billion", "NZ$ 40": a currency, not the country
            if span.text.isupper() and len(span.text) <= 3 and span.text.lower() in {"us"}:
                # "US" in an all-capital line may be the pronoun.
                line = text[text.rfind("\n", 0, span.start_char) + 1 : text.find("\n", span.end_char) % (len(text) + 1)]
                if line.isupper():
                    continue
            entity = self.vocab.entities[key]
            if entity.cls == m.INSTRUMENT and s > 0 and parsed[s - 1].text[:1].isupper() and not parsed[s - 1].is_sent_start \
                    and parsed[s - 1].text not in {"The", "This", "That", "Our", "Its", "Their"} \
                    and not any(s0 < s <= e0 for _, s0, e0 in hits):
                continue  # "the National Action Plan to Combat Trafficking ...": a longer, national name
            found.append(self._known(entity, text, span.start_char, span.end_char, priority=100 + len(span)))
        # "Canada‚Äôs", "Canadaâ€™s": a possessive whose apostrophe a wrong code page garbled is one token
        for token in parsed:
            garbled = re.search(r"(?:‚Äô|â€™)s$", token.text)
            key = self.matchers.body_by_name.get(token.text[: garbled.start()]) or self.matchers.country_by_name.get(token.text[: garbled.start()]) \
                if garbled else None
            if key is not None:
                found.append(self._known(self.vocab.entities[key], text, token.idx, token.idx + garbled.start(), priority=100))
        for match_id, s, e in self.matchers.context(parsed):
            span = parsed[s:e]
            before = text[max(0, span.start_char - 30) : span.start_char].lower().rstrip()
            after = parsed[e].lower_ if e < len(parsed) else ""
            if any(before.endswith(w) for w in self.matchers.before_source) or after in self.matchers.after_source:
                entity = self.vocab.entities[nlp_strings[match_id]]
                found.append(self._known(entity, text, span.start_char, span.end_char, priority=60))
        return found

    def _ends_a_personal_name(self, parsed: Doc, s: int, e: int, person_ends: dict[int, int]) -> bool:
        """A place name closing a person's name: behind a family-name particle that follows a given
        name ("Di Malta"), or the last word of a name the parser reads as a person's, after a
        capitalised word that is no title ("Owen Holland", but not "Ambassador Holland")."""
        particle = parsed[s - 1] if s >= 1 else None
        if particle is not None and particle.lower_ in self.matchers.name_particles and (
                particle.text[:1].isupper() and not particle.is_sent_start  # "..., Di Malta said"
                or particle.text[:1].isupper() and particle.is_sent_start and e < len(parsed) and parsed[e].lemma_ in {"say", "tell", "add", "note"}
                or s >= 2 and parsed[s - 2].text[:1].isupper() and parsed[s - 2].is_alpha and parsed[s - 2].lower_ not in self.matchers.title_words):
            return True
        start = person_ends.get(e)
        if start is None or start >= s:
            return False
        before = parsed[s - 1]
        if re.fullmatch(r"[A-Z]\.", before.text):
            return True  # "Ruth K. Jordan": a middle initial stands inside a person's name only
        return before.is_alpha and before.text[:1].isupper() and before.lower_ not in self.matchers.title_words \
            and not self.matchers.folded(parsed[s - 1 : s])

    def _known(self, entity, text, start, end, priority) -> Candidate:
        span = Span(start, end, text[start:end])
        mention = EntityMention(entity.cls, span, entity.name, key=entity.key)
        parent = self.vocab.entities.get(entity.part_of) if entity.part_of else None
        if parent is not None and self._names_parent_unit(span.text, parent):
            mention.attrs["parent_named"] = parent.key
        return Candidate(mention, priority)

    def _names_parent_unit(self, surface: str, parent) -> bool:
        """ "OSCE Mission to Moldova" names the OSCE: a unit (mission, office, centre) under its body's name."""
        units = self.orgs.get("unit_nouns") or ()
        if not any(word_pattern(u).search(surface) for u in units):
            return False
        return any(surface.startswith(n + " ") for n in parent.case_sensitive_names)

    # -- governments, ministries, missions -------------------------------
    def government_bodies(self, text: str, countries: list[Candidate]) -> list[Candidate]:
        found = []
        nouns = "|".join(re.escape(n) for n in self.orgs.get("government_nouns") or ())
        label = self.orgs.get("government_label") or "Government of {country}"
        for c in countries:
            iso3 = c.mention.key.split(":", 1)[1]
            country = self.vocab.entities[c.mention.key]
            after = re.match(rf"\s+(?:{nouns})\b", text[c.end :]) if nouns else None
            if after:  # "Albanian government", "the Serbian authorities", "the US administration"
                found.append(self._gov(iso3, country, text, c.start, c.end + after.end(), label))
                continue
            body = self._national_body(text, c, iso3, country) or self._demonym_body(text, c, iso3)
            if body is not None:
                found.append(body)
                continue
            before = re.search(rf"\b(?:{nouns}) of (?:the )?$", text[max(0, c.start - 30) : c.start])
            if before:
                start = c.start - (len(text[max(0, c.start - 30) : c.start]) - before.start())
                found.append(self._gov(iso3, country, text, start, c.end, label))
        return found

    def _national_body(self, text: str, c: Candidate, iso3: str, country) -> Candidate | None:
        """ "Greek police", "the Moldovan border police": a national body named by its country."""
        nouns = sorted(self.orgs.get("national_body_nouns") or (), key=len, reverse=True)
        if not nouns:
            return None
        after = re.match(r"\s+(" + "|".join(re.escape(n) for n in nouns) + r")\b", text[c.end :])
        if not after:
            return None
        noun = after.group(1)
        if re.match(r"\s+(?:officers?|officials?|agents?|staff|personnel|chiefs?|recruits|cadets)\b", text[c.end + after.end() :]):
            return None  # "training for Serbian police officers": people of the service, not the service
        article = "the " if country.name in set(self.orgs.get("names_with_article") or ()) else ""
        label = (self.orgs.get("national_body_label") or "{noun} of {country}").format(
            noun=noun[0].upper() + noun[1:].lower(), country=article + country.name)
        end = c.end + after.end()
        span = Span(c.start, end, text[c.start : end])
        key = f"govbody:{iso3}:{label}"
        return Candidate(EntityMention(m.GOVERNMENT_BODY, span, label, key=key, attrs={"country": iso3}), priority=80)

    def _demonym_body(self, text: str, c: Candidate, iso3: str) -> Candidate | None:
        """ "the Spanish Presidency", "The Argentine National Gendarmerie", "the Swedish National Council for Crime
        Prevention", "the Azerbaijani delegation": a body named by its country's adjective, named as written. An
        office ("the French Minister") and a name that ends in no body's word ("Philippine Airlines") are not one."""
        adjective = text[c.start : c.end]
        if adjective not in self.matchers.demonyms:
            return None
        rest = text[c.end : c.end + 160]
        delegation = "|".join(re.escape(n) for n in self.orgs.get("demonym_delegation_nouns") or ())
        lower = re.match(rf"[ \t]+(?:{delegation})(?![\w-])(?![ \t]+(?:to|of)\b)", rest) if delegation else None
        if lower:
            end = c.end + lower.end()
        else:
            word = r"[A-Z][\w’'-]*"
            named = re.match(rf"((?:[ \t]+{word})+?)(?P<tail>[ \t]+(?:for|of|on|against)[ \t]+(?:the[ \t]+)?{word}"
                             rf"(?:[ \t]+(?:(?:and|of|for|in|on|against|the)[ \t]+)*{word})*)?(?![\w’'-]|[ \t]+[A-Z])", rest)
            if not named:
                return None
            words = named.group(1).split()
            heads = set(self.orgs.get("demonym_body_heads") or ()) | self.matchers.body_head_words
            offices = [w for w in words if w.lower() in self.matchers.title_words and w not in heads and w.lower() not in {"national", "general", "regional"}]
            if words[-1] not in heads or offices or words[0] in self.matchers.not_org_heads \
                    or set(words) & set(self.orgs.get("ministry_nouns") or ()):
                return None  # "the Armenian Ministry of Justice": a ministry's own rule keeps the country out of its name
            end = c.end + named.end()
        span = Span(c.start, end, text[c.start : end])
        name = clean_name(span.text)
        cls = self.org_class(name)
        if cls in {m.ORGANIZATION, m.INTERNATIONAL_ORGANIZATION}:
            cls = m.GOVERNMENT_BODY  # "European", "Commission" words aside: a state's own body
        key = f"govbody:{iso3}:{canonical_body_name(name)}" if cls == m.GOVERNMENT_BODY else None
        return Candidate(EntityMention(cls, span, name, key=key, attrs={"country": iso3} if cls == m.GOVERNMENT_BODY else {}), priority=78)

    def _gov(self, iso3, country, text, start, end, label) -> Candidate:
        span = Span(start, end, text[start:end])
        article = "the " if country.name in set(self.orgs.get("names_with_article") or ()) else ""
        name = label.format(country=article + country.name)
        return Candidate(EntityMention(m.GOVERNMENT_BODY, span, name, key=f"gov:{iso3}"), priority=80)

    def ministries(self, text: str, countries: list[Candidate], doc_country: str | None) -> list[Candidate]:
        found = []
        nouns = self.orgs.get("ministry_nouns") or []
        skip = set(self.orgs.get("not_name_words") or ())
        noun_re = "|".join(re.escape(n) for n in nouns)
        cap = r"[A-Z][\w’'-]*"
        patterns = [
            rf"\b(?:{cap} )*(?:{noun_re}) (?:of|for) (?:the )?{cap}(?:,? (?:and |of |for |the )*{cap})*",
            rf"(?:{cap} )+(?:{noun_re})\b",
        ]
        for pattern in patterns:
            compiled = re.compile(pattern)
            position = 0
            while True:
                match = compiled.search(text, position)
                if match is None:
                    break
                start, end = match.start(), match.end()
                # "Ministry of Interior’s Department for ...": two bodies, the second part of the first
                possessive = re.search(r"[’']s\s+(?=[A-Z])", text[start:end])
                if possessive and any(w in self.matchers.list_head_words for w in text[start + possessive.end() : end].split()):
                    end = start + possessive.start()
                # "the Ministry of Justice, Eduard Serbenco,": a comma continues a name only in a list
                # closed by "and" ("Ministry of Labour, Social Affairs and Family")
                piece = text[start:end]
                first_comma = piece.find(", ")
                if first_comma > 0 and not re.search(r"\band\s+[A-Z]", piece[first_comma:].split(",")[1] if piece.count(",") == 1 else piece[first_comma:]):
                    end = start + first_comma
                    piece = text[start:end]
                # "Ministry of Labour, Youth and Migration, the Foreign Affairs Ministry, ...": a list of
                # bodies ends the name where an item has a body's head word of its own
                for sep in re.finditer(r",\s+(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", piece):
                    rest = re.split(r",|\s+and\s+", piece[sep.end():])[0]
                    if any(w in self.matchers.list_head_words for w in rest.split()):
                        end = start + sep.start()
                        break
                # the next search starts where this name ends: a list cut here may name more bodies
                position = max(end, match.start() + 1)
                words = text[start:end].split(" ")
                # "Accra, May 4, GNA- The Ministry of ...": a name begins after an article or a word run into a dash
                head = next((i for i, w in enumerate(words) if w in nouns), len(words) - 1)
                cut = max((i + 1 for i, w in enumerate(words[:head]) if w in skip or w.endswith(("-", "–"))), default=0)
                for w in words[:cut]:
                    start += len(w) + 1
                words = words[cut:]
                country_key = None
                for c in countries:  # "Albanian Interior Ministry": the country is not part of the name
                    if c.start == start and c.end < end:
                        country_key = c.mention.key
                        start = c.end + 1
                    elif start < c.start and c.end <= end and re.search(r"\bof (?:the )?$", text[start : c.start]):
                        country_key = c.mention.key  # "Department of the Border Watch of Moravia"
                if len(text[start:end].split()) < 2:
                    continue
                if "State Department" in text[start:end]:
                    continue
                span = Span(start, end, text[start:end])
                if country_key is None:
                    country_key = self._nearest_country(countries, start, text) or (
                        f"country:{doc_country}" if doc_country else None
                    )
                iso3 = country_key.split(":", 1)[1] if country_key else None
                key = f"govbody:{iso3}:{canonical_body_name(span.text)}" if iso3 else None
                mention = EntityMention(m.GOVERNMENT_BODY, span, span.text, key=key, attrs={"country": iso3} if iso3 else {})
                found.append(Candidate(mention, priority=75))
        return found

    def missions(self, text: str, countries: list[Candidate]) -> list[Candidate]:
        found = []
        nouns = "|".join(re.escape(n) for n in sorted(self.orgs.get("mission_nouns") or (), key=len, reverse=True))
        if not nouns:
            return found
        for c in countries:
            after = re.match(rf"\s+(?P<noun>{nouns}) to (?:the )?(?P<org>[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)", text[c.end :])
            if after:
                start, end = c.start, c.end + after.end()
                span = Span(start, end, text[start:end])
                country = self.vocab.entities[c.mention.key]
                name = f"{country.name} {after.group('noun')} to the {after.group('org')}"
                key = f"mission:{country.iso3}:{after.group('org')}"
                found.append(
                    Candidate(EntityMention(m.GOVERNMENT_BODY, span, name, key=key, attrs={"country": country.iso3, "to": after.group("org")}), 85)
                )
            # "the American Embassy in Chisinau", "U.S. Mission Romania": a mission in the host country
            seat = re.match(rf"\s+(?P<noun>{nouns})(?: in| to)?(?: the)? (?P<place>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*)", text[c.end :])
            if seat and not after:
                place = seat.group("place")
                host = next((o for o in countries if o.start == c.end + seat.start("place")), None)
                preposition = re.match(rf"\s+{re.escape(seat.group('noun'))} (?:in|to)\b", text[c.end :])
                if host is not None or (preposition and place in self.vocab.places):
                    start, end = c.start, c.end + seat.end()
                    span = Span(start, end, text[start:end])
                    country = self.vocab.entities[c.mention.key]
                    key = f"mission:{country.iso3}:in:{place}"
                    name = clean_name(span.text)
                    found.append(Candidate(EntityMention(m.GOVERNMENT_BODY, span, name, key=key, attrs={"country": country.iso3, "in": place}), 85))
            before = re.search(rf"(?P<noun>{nouns}) of (?:the )?$", text[max(0, c.start - 40) : c.start])
            tail = re.match(r" to (?:the )?(?P<org>[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)", text[c.end :])
            if before and tail:
                start = c.start - (len(text[max(0, c.start - 40) : c.start]) - before.start())
                end = c.end + tail.end()
                country = self.vocab.entities[c.mention.key]
                name = f"{country.name} {before.group('noun')} to the {tail.group('org')}"
                key = f"mission:{country.iso3}:{tail.group('org')}"
                found.append(
                    Candidate(EntityMention(m.GOVERNMENT_BODY, Span(start, end, text[start:end]), name, key=key, attrs={"country": country.iso3, "to": tail.group("org")}), 85)
                )
        return found

    def units_of_known(self, text: str, known: list[Candidate]) -> list[Candidate]:
        """ "the Human Rights Committee of the Lithuanian Seimas", "the Anti-Trafficking Unit of the National Police":
        capitalised words ending in a body's head noun, "of" a known body, are a unit of it."""
        heads = sorted({w for w in (*(self.orgs.get("unit_nouns") or ()), *(self.orgs.get("body_heads") or ())) if " " not in w})
        if not heads:
            return []
        pattern = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]*[ \t]+){1,4}(?:" + "|".join(map(re.escape, heads)) + r"))[ \t]+of[ \t]+(?:the[ \t]+)?$")
        found = []
        for c in known:
            key = c.mention.key or ""
            if not key.startswith("org:") or c.mention.cls not in m.ORGANIZATION_CLASSES:
                continue
            before = pattern.search(text[max(0, c.start - 120) : c.start])
            if not before:
                continue
            words = before.group(1).split()
            while words and words[0] in {"The", "This", "Its", "Their", "Our"}:
                words.pop(0)
            if len(words) < 2 or self._only_title_words(words):
                continue
            start = c.start - (len(text[max(0, c.start - 120) : c.start]) - before.start(1)) + (len(before.group(1)) - len(" ".join(words)))
            piece = text[start : c.end]
            if "\n" in piece:
                continue
            parent = self.vocab.entities[key]
            name = clean_name(piece)
            mention = EntityMention(parent.cls if parent.cls != m.INTERNATIONAL_ORGANIZATION else m.INTERNATIONAL_ORGANIZATION,
                                    Span(start, c.end, piece), name, key=f"unit:{parent.key}:{name}", attrs={"part_of": parent.key})
            found.append(Candidate(mention, priority=90))
        return found

    def sub_bodies(self, text: str, known: list[Candidate]) -> list[Candidate]:
        """ "OSCE Centre in Bishkek", "IOM’s Regional Office for the EU", "UN Trust Fund for Victims of
        Human Trafficking", "Anti-Mafia Directorate - Palermo Section": a unit named after a known body."""
        units = sorted(self.orgs.get("unit_nouns") or (), key=len, reverse=True)
        if not units:
            return []
        unit_re = "|".join(re.escape(u) for u in units)
        word = r"[A-Z][\w’'-]*"
        pattern = re.compile(
            rf"(?:[’']s)?(?:\s+-\s+|\s+)(?P<mod>(?:{word}\s+){{0,3}}?)(?P<unit>{unit_re})"
            rf"(?P<tail>\s+(?:to|in|for|on|of|at)\s+(?:the\s+)?{word}(?:\s+(?:(?:of|for|and(?!\s+the\b)|on|in|the|against|to)\s+)*{word})*)?(?![\w-])"
        )
        found = []
        for c in known:
            key = c.mention.key or ""
            if not key.startswith("org:"):
                continue
            if any(o is not c and o.start == c.start and o.end > c.end for o in known):
                continue  # a longer known name starts here ("OSCE Mission to Montenegro")
            match = pattern.match(text[c.end : c.end + 160])
            if not match or not (match.group("mod").strip() or match.group("tail")):
                continue
            end = c.end + match.end()
            if match.group("tail"):
                # "Regional Office for Asia and the Pacific": the tail runs to the end of the place it names
                end = max([k.end for k in known if k.start < end < k.end and k.mention.cls in {m.REGION, m.COUNTRY, m.PLACE}
                           and k.start >= c.end], default=end)
            piece = text[c.start : end]
            if "\n" in piece:
                continue
            parent = self.vocab.entities[key]
            name = clean_name(re.sub(r"\s+", " ", piece.replace("’s ", " ").replace("'s ", " ")))
            spelled = self.matchers.body_by_name.get(clean_name(piece)) or self.matchers.body_by_name.get(clean_name(piece).lower())
            if spelled is not None:
                found.append(self._known(self.vocab.entities[spelled], text, c.start, end, priority=95))
                continue
            mention = EntityMention(parent.cls, Span(c.start, end, piece), name, key=f"unit:{parent.key}:{name}",
                                    attrs={"part_of": parent.key, "aliases": [clean_name(piece)]})
            found.append(Candidate(mention, priority=90))
        return found

    def possessive_offices(self, text: str) -> list[Candidate]:
        """ "the General Prosecutor’s Office", "the Ombudsman's office": an office named by its holder."""
        found = []
        # "the Prosecutor’s Office for Human Trafficking and Exploitation": the field it is for goes with its name
        tail = r"(?:[ \t]+(?:for|on|against)[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]*(?:[ \t]+(?:(?:and|of|in|on|for|against|the)[ \t]+)*[A-Z][\w’'-]*)*)?"
        for match in re.finditer(r"(?<![\w-])((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)[’']s\s+([Oo]ffice)\b" + tail, text):
            words = match.group(1).split()
            while words and words[0] in {"The", "This", "That"}:
                words.pop(0)
            if not words or not self._only_title_words(words):
                continue
            start = match.end(1) - len(" ".join(words))
            span = Span(start, match.end(), text[start : match.end()])
            found.append(Candidate(EntityMention(m.GOVERNMENT_BODY, span, clean_name(span.text)), priority=72))
        return found

    @staticmethod
    def _nearest_country(countries: list[Candidate], position: int, text: str) -> str | None:
        line_start = text.rfind("\n\n", 0, position)
        best = None
        for c in countries:
            if line_start <= c.start < position:
                best = c.mention.key
        return best

    # -- people with a title ---------------------------------------------
    def titled_people(self, text: str) -> list[Candidate]:
        found = []
        pattern = self.matchers.title_pattern
        if pattern is None:
            return found
        for match in pattern.finditer(text):
            title = match.group("title")
            pos = match.end()
            # "US Ambassador to Albania Yuri Kim": an office held towards a country or body.
            office = re.match(r" (?:to|of|for|in) (?:the )?(?:[A-Z][\w.’'-]*)(?: [A-Z][\w.’'-]*)*?(?=(?:,? [A-Z]))", text[pos:])
            words = []
            cursor = pos
            name_start = None
            for candidate_start in ([pos + office.end()] if office else []) + [pos]:
                words, cursor = self._name_words(text, candidate_start)
                if candidate_start != pos and len(words) < 2:
                    words = []  # "Chairman of the Minsk Process": after an office's complement, a full name or none
                if words and all(w.lower() in self.matchers.title_words for w in words):
                    words = []  # "Director of ILO Regional Office": office words, no name
                if words:
                    name_start = candidate_start
                    if candidate_start != pos:
                        title = text[match.start() : candidate_start].strip(" ,")
                    break
            if not words:
                continue
            full = text[match.start() : cursor]
            if full.lower() in self.matchers.vocatives or title.lower() + " " + words[0].lower() in self.matchers.vocatives:
                continue
            name_span_start = name_start + (len(text[name_start:cursor]) - len(text[name_start:cursor].lstrip(" ,")))
            name = " ".join(words)
            if name.lower() in self.matchers.not_entities or self._only_title_words(title.split() + words):
                continue
            if re.match(r"[’']s\s+[Oo]ffice\b", text[cursor:]):
                continue  # "General Prosecutor’s office" names a body
            # "Ambassador to Albania Yuri Kim": the office names a country, which is a mention of its own
            span_start = name_span_start if name_start != pos else match.start()
            span = Span(span_start, cursor, text[span_start:cursor])
            mention = EntityMention(m.PERSON, span, name, title=title, attrs={"name_start": name_span_start, "title_start": match.start()})
            found.append(Candidate(mention, priority=70))
        return found

    def _name_words(self, text: str, pos: int) -> tuple[list[str], int]:
        """Capitalised words (and initials) right after `pos`, stopping at punctuation or a line end."""
        words = []
        cursor = pos
        # "Chargé d'Affaires, a.i. Harry R. Kamian" carries its comma in the title itself;
        # "Madam Chairperson, Secretary General X" is two people addressed, not a name
        rest = re.match(r" ", text[pos:])
        if not rest:
            return [], pos
        cursor = pos + rest.end()
        for match in re.finditer(r"([^\W\d_][\w’'-]*\.?)( |(?=[,;:.!?\n’'\u2013)*_]|$))", text[cursor:]):
            if match.start() != sum(len(w) + 1 for w in words):
                break
            word = match.group(1)
            possessive = re.search(r"[’']s$", word)
            if possessive:
                word = word[: possessive.start()]
            if not word or not word[0].isupper() or word in self.matchers.not_person_words:
                break
            # "Lord Maurice Morrow Lord Maurice Morrow DUP": a caption repeats the titled name and adds the party's
            # acronym; a title or an acronym after a name is no part of it
            bare_word = word.rstrip(".")
            if len(words) >= 2 and (word in self.matchers.one_word_titles
                                    or len(bare_word) >= 2 and bare_word.isupper() and not all(w.isupper() for w in words)):
                break
            if possessive:
                words.append(word)
                break
            bare = word.rstrip(".")
            if word.endswith(".") and len(bare) > 1 and not bare.isupper():
                words.append(bare)
                break
            words.append(word if len(bare) == 1 else bare)
            if match.group(2) != " ":
                break
        if not words:
            return [], pos
        end = cursor + len(" ".join(words))
        return words, end

    # -- events ------------------------------------------------------------
    def named_phrases(self, parsed: Doc, keywords: dict[str, str], cls_for, numbered: bool = False) -> list[tuple[int, int, str]]:
        """Capitalised multi-word names that hold a keyword (events, instruments). `numbered`: the keyword may
        take the number of its series ("Convention 29 on Forced Labour", "Resolution 2467", "resolution 64/293")."""
        connectors = set(self.events.get("connectors") or ())
        generic = {w.lower() for w in self.events.get("generic_modifiers") or ()}
        headline_verbs = {w.lower() for w in self.events.get("headline_verbs") or ()}
        lowercase_complement = set(self.events.get("lowercase_complement") or ())
        results = []
        tokens = list(parsed)
        keyword_first = {}
        for keyword in keywords:
            parts = keyword.split()
            keyword_first.setdefault(parts[0], []).append(parts)
        for i, token in enumerate(tokens):
            for parts in keyword_first.get(token.text, ()):
                if [t.text for t in tokens[i : i + len(parts)]] != parts:
                    continue
                k_end = i + len(parts)
                left = i
                while left > 0:
                    prev = tokens[left - 1]
                    if prev.is_space or "\n" in prev.whitespace_ or "\n" in prev.text:
                        break
                    if prev.text[:1].isupper() or re.match(r"^\d+(?:st|nd|rd|th)?$", prev.text):
                        if prev.text in {"The", "This", "That", "Our", "A", "An"}:
                            break
                        # Title Case headlines: "IOM Missions Across Europe Mark EU Anti-Trafficking Day",
                        # "IOM Director General Statement on World Day ..."
                        if prev.pos_ in {"VERB", "AUX", "ADP"} or prev.text in self.matchers.not_org_heads \
                                or prev.lower_ in headline_verbs:
                            break
                        left -= 1
                        continue
                    # "Technical Co-ordination Meeting": a capitalised word broken by a hyphen ("Co", "-", "ordination")
                    if prev.is_alpha and prev.is_lower and left - 3 >= 0 and tokens[left - 2].text in {"-", "‑"} \
                            and not tokens[left - 2].whitespace_ and not tokens[left - 3].whitespace_ \
                            and tokens[left - 3].text[:1].isupper() and "\n" not in tokens[left - 4].whitespace_ if left - 4 >= 0 else False:
                        left -= 3
                        continue
                    # "High-Level Conference": a hyphen inside one capitalised word
                    if prev.text in {"-", "‑", "–"} and not prev.whitespace_ and left - 2 >= 0 \
                            and not tokens[left - 2].whitespace_ and (tokens[left - 2].text[:1].isupper()
                                                                      or re.fullmatch(r"\d{4}", tokens[left - 2].text)):
                        left -= 2  # "High-Level Conference", "2013-2016 National Programme"
                        continue
                    # "Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Bill": a
                    # bracketed part of a statute's short title, between capitalised words
                    if prev.text == ")" and left == i:
                        opening = next((j for j in range(left - 2, max(-1, left - 14), -1) if tokens[j].text == "("), None)
                        inner = tokens[opening + 1 : left - 1] if opening is not None else []
                        if opening is not None and opening >= 1 and len(inner) >= 2 and tokens[opening - 1].text[:1].isupper() \
                                and all(t.text[:1].isupper() or t.text in connectors or t.text in {"of", "for", "and", "in", "on", "the"} for t in inner) \
                                and not any("\n" in t.whitespace_ for t in tokens[opening - 1 : left]):
                            left = opening
                            continue
                    # "Council of Europe Convention": a connector between capitalised words
                    # "Alliance against Trafficking in Persons Conference"
                    if prev.text in {"of", "for", "and", "against", "in", "on"} and left - 2 >= 0 and tokens[left - 2].text[:1].isupper() \
                            and "\n" not in tokens[left - 2].whitespace_ and left < i \
                            and tokens[left - 2].text not in self.matchers.not_org_heads:  # not "Statement on World Day"
                        left -= 2
                        continue
                    break
                if tokens[left].text == "(":
                    left = i  # "Asia Europe Meeting (ASEM) Seminar": no name ran on before the bracket
                # "Conference Services": a keyword followed by a capitalised noun is not the head of a name.
                series = numbered and k_end + 1 < len(tokens) and tokens[k_end].text in {"No", "No."} \
                    and re.fullmatch(r"\d{1,4}|\.", tokens[k_end + 1].text) is not None
                if k_end < len(tokens) and tokens[k_end].text[:1].isupper() and "\n" not in tokens[k_end - 1].whitespace_ \
                        and not re.match(r"^\d", tokens[k_end].text) and not series:
                    continue
                right = k_end
                # "ILO Convention 29 on Forced Labour", "Convention No. 182": the instrument's number in its series
                number = re.fullmatch(r"\d{1,4}(?:/\d{1,4})?", tokens[k_end].text) if numbered and k_end < len(tokens) \
                    and "\n" not in tokens[k_end - 1].whitespace_ else None
                dot = 1 if k_end + 2 < len(tokens) and tokens[k_end].text == "No" and tokens[k_end + 1].text == "." else 0
                if numbered and number is None and k_end + 1 + dot < len(tokens) and tokens[k_end].text in {"No.", "No", "no."} \
                        and re.fullmatch(r"\d{1,4}", tokens[k_end + 1 + dot].text):
                    right = k_end + 2 + dot
                elif number is not None:
                    right = k_end + 1
                while right < len(tokens):
                    tok = tokens[right]
                    if "\n" in tokens[right - 1].whitespace_ or tok.is_space:
                        break
                    if numbered and tok.text == "and" and right + 1 < len(tokens) and tokens[right + 1].text in keyword_first:
                        break  # "... of Child Labour and Convention No. 138": the next instrument begins

                    if tok.text in {"-", "–"} and (tok.whitespace_ or tokens[right - 1].whitespace_):
                        break  # "... in Persons – July 30, 2022": a dash between clauses
                    if tok.text in connectors or tok.text[:1].isupper() or re.match(r"^\d{4}(?:-\d{4})?$", tok.text) or tok.text in {"-", "–"}:
                        right += 1
                        continue
                    # "Inspection Co-operation": a capitalised word broken by a hyphen ("Co", "-", "operation")
                    if tok.is_alpha and tok.is_lower and right >= 2 and tokens[right - 1].text in {"-", "‑"} \
                            and not tokens[right - 1].whitespace_ and not tokens[right - 2].whitespace_ and tokens[right - 2].text[:1].isupper():
                        right += 1
                        continue
                    break
                while right > k_end and (tokens[right - 1].text in connectors or tokens[right - 1].text in {"-", "–"}):
                    right -= 1
                # "the World Day against trafficking in persons": a lower-case complement of the keyword
                if right == k_end and k_end < len(tokens) and tokens[k_end].text in {"against", "for", "of", "on"} \
                        and " ".join(parts) in lowercase_complement:
                    edge = k_end + 1
                    while edge < len(tokens) and edge - k_end <= 5 and (tokens[edge].is_lower and tokens[edge].is_alpha) \
                            and "\n" not in tokens[edge - 1].whitespace_:
                        edge += 1
                    while edge > k_end + 1 and tokens[edge - 1].text in connectors:
                        edge -= 1
                    if edge > k_end + 1:
                        right = edge
                words_before = [t.text.lower() for t in tokens[left:i]]
                # "the national conference" names nothing; "the National Referral Mechanism" does
                if right == k_end and all(w in generic for w in words_before) and (len(parts) == 1 or not words_before):
                    continue
                if right - left < 2:
                    continue
                results.append((tokens[left].idx, tokens[right - 1].idx + len(tokens[right - 1].text), " ".join(parts)))
        return results

    def events_in(self, parsed: Doc, text: str) -> list[Candidate]:
        keywords = self.events.get("keywords") or {}
        found = []
        for start, end, keyword in self.named_phrases(parsed, keywords, None, numbered=True):
            quoted_end = _quoted_title_end(text, end)
            span = trimmed_span(text, start, quoted_end)
            name = clean_name(span.text)
            if quoted_end > end and span.end < quoted_end:
                span = Span(span.start, quoted_end, text[span.start : quoted_end])  # the closing mark stays with its title
                name = _LEADING_ARTICLE.sub("", " ".join(span.text.split()))
            cls = keywords[keyword]
            found.append(Candidate(EntityMention(cls, span, name, attrs={"keyword": keyword}), priority=65))
        return found

    def described_events(self, parsed: Doc, text: str) -> list[Candidate]:
        """ "a two-day workshop on conducting interviews ...", "the launch of the national action plan
        ...", "a co-ordination meeting of representatives of ...": an event a text describes in lower case,
        when it is the occasion (in the title or the opening sentences) or something organised or held."""
        nouns = {k.lower(): v for k, v in (self.events.get("described_nouns") or {}).items()}
        verbs = {v.lower() for v in self.events.get("described_verbs") or ()}
        name_preps = {p.lower() for p in self.events.get("described_name_preps") or ()}
        need_of = {n.lower() for n in self.events.get("described_need_of") or ()}
        if not nouns:
            return []
        # the title lines and the first two sentences of running text
        prose = [s for s in parsed.sents if len([t for t in s if t.is_alpha]) >= 8 and "\n" not in s.text.strip()]
        lead_end = prose[min(1, len(prose) - 1)].end_char if prose else len(text)
        found, seen = [], set()
        earlier: dict[str, Candidate] = {}
        for token in parsed:
            lemma = token.lower_
            if lemma not in nouns or token.pos_ not in {"NOUN", "PROPN"} or not token.text.islower():
                continue
            if token.dep_ == "compound" and token.head.lower_ in nouns and token.head.pos_ in {"NOUN", "PROPN"} and token.head.text.islower():
                continue  # "a training course", "a workshop session": the event is read at the phrase's head, the last noun
            if lemma in need_of and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
                # "the event, held on 17 and 18 November": the event the text is about
                generic_anaphor = lemma == "event" and found and all(c.dep_ in {"det", "punct"} for c in token.lefts) \
                    and any(c.lower_ in {"the", "this"} for c in token.lefts)
                if not generic_anaphor:
                    continue
                before = found[-1].mention
                span = Span(token.idx, token.idx + len(token.text), token.text)
                found.append(Candidate(EntityMention(before.cls, span, before.name, attrs={
                    "keyword": token.text, "described": True, "refers_to": before.name}), priority=54))
                continue
            governor = token.head
            chain = {governor.lemma_.lower(), governor.lower_}
            if governor.dep_ in {"prep", "agent"}:
                chain |= {governor.head.lemma_.lower(), governor.head.lower_}
            chain |= {c.lemma_.lower() for c in token.children if c.dep_ == "acl"}
            numbered = any(re.fullmatch(r"\d+(?:st|nd|rd|th)", c.text) for c in token.lefts)
            head_text = text[min([c.left_edge.idx for c in token.lefts if c.dep_ != "det"] + [token.idx]) : token.idx + len(token.text)]
            # "a training course": "the training" names it too, and "the training course" is still the course named before
            modifiers = [c.lower_ for c in token.lefts if c.dep_ == "compound" and c.lower_ in nouns]
            bare = not any(c.dep_ == "prep" and c.lower_ in name_preps and (not modifiers or c.i == token.i + 1) for c in token.rights) and (
                all(c.dep_ in {"det", "punct"} or c.lower_ in modifiers for c in token.lefts)
                or lemma in earlier and head_text in earlier[lemma].mention.name)
            if bare and lemma in earlier:
                # "The meeting was organized by ...": the event named before
                before = earlier[lemma].mention
                span = Span(token.idx + len(token.text) - len(head_text), token.idx + len(token.text), head_text)
                found.append(Candidate(EntityMention(before.cls, span, before.name, attrs={
                    "keyword": token.text, "described": True, "refers_to": before.name,
                    "aliases": self._entitled(text, span.end)}), priority=54))
                continue
            if token.idx >= lead_end and not chain & verbs and not numbered:
                continue
            left = token.i
            for child in sorted(token.lefts, key=lambda c: -c.i):
                if child.dep_ in {"amod", "compound", "nummod", "npadvmod"} and child.i == left - 1 or \
                        child.dep_ in {"amod", "compound", "nummod"} and child.right_edge.i == left - 1:
                    left = child.left_edge.i
                elif child.dep_ == "punct" and child.i == left - 1:
                    continue
                else:
                    break
            while left < token.i and (parsed[left].dep_ in {"det", "poss", "punct"} or parsed[left].ent_type_ == "DATE" and parsed[left].like_num and parsed[left + 1].text != "-"):
                left += 1
            right = token.i
            for child in token.rights:
                if child.dep_ != "prep" or child.lower_ not in name_preps or child.i != right + 1:
                    break
                pobj_ents = {t.ent_type_ for t in child.subtree}
                if pobj_ents & {"DATE", "TIME", "GPE", "LOC", "FAC"} and child.lower_ in {"on", "in", "at"}:
                    break
                right = child.right_edge.i
            for t in parsed[token.i : right + 1]:  # a name ends at a comma or a line end
                if t.text in {",", ";", "(", "–", "—"} or t.is_space:
                    right = t.i - 1
                    break
                if "\n" in t.whitespace_:
                    right = t.i
                    break
            while right > token.i and parsed[right].is_punct:
                right -= 1
            start, end = parsed[left].idx, parsed[right].idx + len(parsed[right].text)
            span = Span(start, end, text[start:end])
            if "\n" in span.text or (lemma, span.text) in seen:
                continue
            seen.add((lemma, span.text))
            head = text[parsed[left].idx : token.idx + len(token.text)]
            aliases = sorted({span.text, head, token.text, *modifiers, *self._entitled(text, end)} - {""})
            candidate = Candidate(EntityMention(nouns[lemma], span, clean_name(span.text),
                                                attrs={"keyword": token.text, "described": True, "aliases": aliases, "head": head}), priority=66)
            headline = earlier.get(lemma) or next((earlier[w] for w in modifiers if w in earlier), None)
            if headline is not None and "\n" in text[headline.end : candidate.start] and candidate.start < lead_end \
                    and "\n" not in text[: headline.start].strip("\n \t#*"):
                # "Skopje conference urges ..." over "... hosted an international conference on ...": the
                # headline's event is the one the first sentence names in full
                old = headline.mention.name
                for other in [headline, *found]:
                    if other.mention.name == old:
                        other.mention.name = candidate.mention.name
                        other.mention.attrs["refers_to"] = candidate.mention.name
                earlier[lemma] = candidate
            found.append(candidate)
            earlier.setdefault(lemma, candidate)
            for modifier in modifiers:
                earlier.setdefault(modifier, candidate)  # "a training course ... The training was opened by": the same
        return found

    @staticmethod
    def _entitled(text: str, position: int) -> list[str]:
        """ "The conference, entitled ‘Path Breaking Strategies ...’": the title an event is given."""
        title = re.match(r",?\s+(?:entitled|titled|called|named|themed)\s+[‘'“\"]([^’'”\"\n]{4,160})[’'”\"]", text[position : position + 200])
        return [title.group(1).strip(" ,.")] if title else []

    # -- instruments ---------------------------------------------------------
    def instruments_in(self, parsed: Doc, text: str, people: list[Candidate]) -> list[Candidate]:
        keywords = {k: m.INSTRUMENT for k in self.instruments.get("keywords") or ()}
        keyword_re = "|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True))
        found = []
        for start, end, keyword in self.named_phrases(parsed, keywords, None, numbered=True):
            # "the Criminal Code and the Anti-Trafficking Law": two instruments
            pair = re.fullmatch(rf"(.*?\b(?:{keyword_re}))(\s+and\s+(?:the\s+)?)(.*\b(?:{keyword_re})\b.*)", text[start:end]) if keyword_re else None
            # "ILO Convention 182 on the Worst Forms of Child Labour and Convention No. 138": the second begins with its keyword
            pair = pair or (re.fullmatch(rf"(.*?\b(?:{keyword_re})\b.*?)(\s+and\s+(?:the\s+)?)((?:{keyword_re})\b.*)", text[start:end])
                            if keyword_re else None)
            pieces = [(start, start + len(pair.group(1))), (end - len(pair.group(3)), end)] if pair else [(start, end)]
            for a, b in pieces:
                span = trimmed_span(text, a, b)
                if len(span.text.split()) < 2:
                    continue
                found.append(Candidate(EntityMention(m.INSTRUMENT, span, clean_name(span.text)), priority=64))
        # "in the just adopted resolution 2388", "resolutions 2331 (2016) and 2388 (2017)": a numbered resolution
        # written in lower case, as the United Nations write them, is an instrument of its own
        for match in re.finditer(r"(?<![\w-])(resolutions?)[ \t]+(\d{1,4}(?:/\d{1,4})?(?:[ \t]+\(\d{4}\))?"
                                 r"(?:(?:,[ \t]+|,?[ \t]+and[ \t]+)\d{1,4}(?:/\d{1,4})?(?:[ \t]+\(\d{4}\))?)*)(?![\w/-])", text):
            for number in re.finditer(r"\d{1,4}(?:/\d{1,4})?(?![\d/])(?![ \t]*\))", match.group(2)):
                first = number.start() == 0
                start = match.start(1) if first else match.start(2) + number.start()
                end = match.start(2) + number.end()
                name = f"resolution {number.group()}"
                found.append(Candidate(EntityMention(m.INSTRUMENT, Span(start, end, text[start:end]), name), priority=64))
        # A quoted title that holds an instrument keyword: “Flexible Model Guidelines for ...”, ‘Protocol to ...’
        for match in re.finditer(r"[“\"]([A-Z][^”\"\n]{8,200}?)[.,]?[”\"]|(?:(?<=\s)|^)[‘']([A-Z][^’'\n]{8,200}?)[.,]?[’'](?![\w])", text):
            if match.group(1) is None:
                inner = match.group(2)
                if any(compiled(rf"\b{re.escape(k)}\b").search(inner) for k in keywords):
                    start = match.start(2)
                    span = trimmed_span(text, start, start + len(inner))
                    found.append(Candidate(EntityMention(m.INSTRUMENT, span, clean_name(span.text)), priority=66))
                continue
            inner = match.group(1)
            if any(compiled(rf"\b{re.escape(k)}\b").search(inner) for k in keywords):
                start = match.start(1)
                span = trimmed_span(text, start, start + len(inner))
                found.append(Candidate(EntityMention(m.INSTRUMENT, span, clean_name(span.text)), priority=66))
        # "President Biden's recent decree on the Western Balkans"
        owned = "|".join(re.escape(n) for n in sorted(self.instruments.get("owned_nouns") or (), key=len, reverse=True))
        anaphors = self.instruments.get("anaphors") or {}
        first_by_owner: dict[str, EntityMention] = {}
        if owned:
            for person in sorted(people, key=lambda p: p.start):
                after = re.match(
                    rf"[’']s (?:(?:recent|new|latest|landmark|historic|first) )?(?P<noun>{owned})(?P<topic> (?:on|against|for) (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*)?\b",
                    text[person.end :],
                )
                if not after:
                    continue
                noun_start = person.end + after.start("noun")
                end = person.end + after.end()
                noun = after.group("noun")
                topic = (after.group("topic") or "").strip()
                owner = person.mention.name
                earlier = first_by_owner.get(owner)
                if earlier is not None and not topic and noun in anaphors.get(earlier.attrs["noun"], ()):
                    name = earlier.name
                elif topic:
                    name = f"{noun[0].upper()}{noun[1:]} {topic}"
                else:
                    name = f"{owner}’s {noun}"
                span = Span(noun_start, end, text[noun_start:end])
                aliases = [text[person.start : end], text[noun_start:end], noun]
                mention = EntityMention(m.INSTRUMENT, span, name, attrs={"noun": noun, "owner": owner, "aliases": aliases})
                first_by_owner.setdefault(owner, mention)
                found.append(Candidate(mention, priority=67))
        return found

    def instrument_anaphora(self, parsed: Doc, text: str, instruments: list[Candidate]) -> list[Candidate]:
        """'the order', 'the ordinance' after an owned instrument refer back to it."""
        anaphors = self.instruments.get("anaphors") or {}
        owned = [c for c in instruments if c.mention.attrs.get("noun")]
        found = []
        if not owned:
            return found
        nouns = sorted({n for names in anaphors.values() for n in names} | set(anaphors), key=len, reverse=True)
        pattern = re.compile(r"\b(?:the|this|that) (" + "|".join(re.escape(n) for n in nouns) + r")\b")
        for match in pattern.finditer(text):
            before = [c for c in owned if c.end <= match.start()]
            if not before:
                continue
            target = before[-1]
            noun = match.group(1)
            if noun not in anaphors.get(target.mention.attrs["noun"], ()) and noun != target.mention.attrs["noun"]:
                continue
            start, end = match.start(1), match.end(1)
            mention = EntityMention(m.INSTRUMENT, Span(start, end, noun), target.mention.name, attrs={"refers_to": (target.start, target.end)})
            found.append(Candidate(mention, priority=30))
        return found

    # -- spaCy's NER -----------------------------------------------------------
    def _joined_ents(self, parsed: Doc, text: str) -> list[tuple[str, int, int]]:
        """spaCy's entities as (label, start, end); "Nordic Group" + "of" + "Friends of Victims
        Human Trafficking" is one body when the first part ends in a body's head word."""
        ents = [(e.label_, e.start_char, e.end_char) for e in parsed.ents]
        out: list[tuple[str, int, int]] = []
        for label, start, end in ents:
            # "Anna" + "van der" + "Berg": family-name particles in lower case inside one person's name
            particles = "|".join(map(re.escape, sorted(self.matchers.name_particles)))
            if out and label == "PERSON" and out[-1][0] == "PERSON" and (
                    re.fullmatch(rf"(?: (?:{particles}))+ ", text[out[-1][2]:start])
                    or text[out[-1][2]:start] == " " and re.search(rf" (?:{particles})$", text[out[-1][1]:out[-1][2]])):
                out[-1] = (label, out[-1][1], end)
                continue
            if out and label == "ORG" and out[-1][0] == "ORG":
                prev_label, prev_start, prev_end = out[-1]
                gap = text[prev_end:start]
                last = text[prev_start:prev_end].split()[-1]
                if re.fullmatch(r" of (?:the )?", gap) and last in self.matchers.list_head_words | {"Group", "Friends"}:
                    out[-1] = (label, prev_start, end)
                    continue
            out.append((label, start, end))
        # "... Group of Friends United" + "against Forced Labour": a body's name runs on over its purpose
        joined = []
        for label, start, end in out:
            if label == "ORG" and any(w in self.matchers.list_head_words | {"Group", "Friends"} for w in text[start:end].split()):
                tail = re.match(r"\s+(?:against|for|on|of)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:(?:of|and|in|for|on|against|the)\s+)*[A-Z][\w’'-]*)*", text[end : end + 120])
                if tail and "\n" not in tail.group():
                    end += tail.end()
            if joined and joined[-1][2] > start:
                if end > joined[-1][2] and joined[-1][0] == "ORG":
                    joined[-1] = (joined[-1][0], joined[-1][1], end)
                continue
            joined.append((label, start, end))
        return joined

    def statistical(self, parsed: Doc, text: str) -> list[Candidate]:
        found = []
        self._parsed_ents = list(parsed.ents)
        self._doc = parsed
        # words the document also writes in lower case are common nouns ("Response", "Slavery")
        lower_words = {t.text for t in parsed if t.text.isalpha() and t.text.islower()}
        places = self.vocab.places
        for label, ent_start, end in self._joined_ents(parsed, text):
            # spaCy runs names together across a line end, a quotation mark or a dash
            for mark in self.matchers.span_breaks:
                cut = text.find(mark, ent_start + 1, end)
                if cut > 0:
                    end = cut
            # "the Coastal Prosecutor’s Office for Labour Exploitation (COPLE, in Spanish)": a bracket the name
            # does not close is its acronym's, read apart
            bracket = text.find("(", ent_start + 1, end)
            if bracket > 0 and text.find(")", bracket, end) < 0:
                end = bracket
            span = trimmed_span(text, ent_start, end)
            # "Plymouth Crown Court on Oct. 24": a date after the name is no part of it
            dated = re.search(r"\s+(?:on|in|since|from|until|by)\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+)?\d", span.text)
            if dated and dated.start() > 0:
                span = trimmed_span(text, span.start, span.start + dated.start())
            # "Abuja at the weekend": a name does not end in a lower-case word
            tail = re.search(r"(?:\s+(?!(?:province|region|district|county|city|state|oblast|municipality)$)[a-z][\w’'-]*)+$", span.text)
            if tail and tail.start() > 0:
                span = trimmed_span(text, span.start, span.start + tail.start())
            name = clean_name(span.text)
            # "the Court of Appeal", "the Office of Public Prosecutions": spaCy may take only what follows the head
            if label == "ORG" and self.matchers.list_head_words:
                head = re.search(r"(?<![\w’'-])((?:[A-Z][\w’'-]*[ \t]+)*(?:" + self.matchers.list_head_pattern
                                 + r"))[ \t]+of[ \t]+(?:the[ \t]+)?$", text[max(0, span.start - 80) : span.start])
                if head:
                    span = trimmed_span(text, span.start - (len(text[max(0, span.start - 80) : span.start]) - head.start(1)), span.end)
                    name = clean_name(span.text)
            # "Response to Home Affairs Committee": a document's word before the body it answers
            lead = re.match(r"(\S+)\s+(?:to|of|on|for|by)\s+(?:the\s+)?(?=[A-Z])", name)
            if lead and lead.group(1).lower() in self.matchers.not_entities and lead.group(1) not in self.matchers.list_head_words:
                span = trimmed_span(text, span.start + lead.end(), span.end)
                name = clean_name(span.text)
            if not name or name.lower() in self.matchers.not_entities or name.lower() in self.matchers.vocatives:
                continue
            if any(p.fullmatch(name) for p in self.matchers.not_entity_patterns):
                continue
            if re.match(r"\s?\$\s?\d", text[span.end : span.end + 4]):
                continue  # "US $32 billion": a currency
            if label == "ORG" and name.split()[-1] in self.matchers.not_org_heads:
                continue  # "Keynote Address", "Annual Report": a document or event, not a body
            if label == "ORG" and len(name.split()) >= 2 and name.split()[-1] not in self.matchers.body_head_words \
                    and not name.isupper() and _title_case_line(text, span.start):
                continue  # "Argentina: Security Forces Rescue Human Trafficking Victims": a headline's words, not a body
            if label == "ORG" and len(words := name.split()) == 1 and not name.isupper():
                token = next((t for t in self._doc if t.idx == span.start), None) if self._doc is not None else None
                if token is not None and token.pos_ == "ADJ" and token.is_sent_start:
                    continue  # "Key ministry officials will ...": an adjective opening a sentence
            if not name[0].isupper() or len(name) < 2:
                continue
            words = name.split()
            if label in {"ORG", "PERSON", "GPE", "LOC", "NORP", "WORK_OF_ART"}:
                if self._only_title_words(words):
                    continue  # "Acting Head", "Permanent Representative": an office, not its holder
                if self._demonym(name):
                    continue  # "Kyrgyz", "Bangladeshis": a people, not a place
                if len(words) == 1 and name.lower() in lower_words \
                        and not name.isupper() and name not in places and name not in self.matchers.body_head_words:
                    continue
            if name in self.matchers.post_nominals:
                continue  # "Ph.D.; OON": an honour after a name
            if label in {"ORG", "GPE", "NORP"} and self.matchers.office_re is not None and \
                    not any(w in self.matchers.list_head_words for w in words):
                before = text[max(0, span.start - 120) : span.start]
                complement = re.search(
                    "(?i:" + self.matchers.office_re.pattern + r")(?:\s+of\s+[A-Z][\w ]*?)?" + _COMPLEMENT_TAIL.pattern,
                    before) if _COMPLEMENT_TAIL.search(before) else None
                if complement and not any(w.strip(",") in self.matchers.list_head_words for w in complement.group().split()):
                    continue  # the field or the bodies an office is for ("Minister for Social Services")
                # "Minister of Foreign Affairs and International Cooperation", "Adviser for Combating Trafficking in
                # Persons and Smuggling of Migrants": a later part of the field an office's title names
                field = re.search("(?i:" + self.matchers.office_re.pattern + ")" + _FIELD_TAIL.pattern,
                                  before) if _FIELD_TAIL.search(before) else None
                if field and "\n" not in field.group() and not any(w.strip(",") in self.matchers.list_head_words for w in field.group().split()):
                    continue
            # "the Chowdury judgment", "the Palermo case": a name that modifies a document or a case
            if label in {"ORG", "PERSON", "GPE"} and re.match(r"\s+(?:judgment|judgement|ruling|case|verdict|report|decision)\b", text[span.end : span.end + 12]):
                continue
            # "The conference, entitled ‘Path Breaking Strategies ...’": part of a title, not a body
            if re.search(r"(?:entitled|titled|called|named|themed)\s+[‘'“\"][^’'”\"\n]{0,160}$", text[max(0, span.start - 180) : span.start]) \
                    and label in {"ORG", "PERSON", "WORK_OF_ART", "GPE"}:
                continue
            outlet = self._outlet_noun_re.search(text[max(0, span.start - 40) : span.start]) if self._outlet_noun_re else None
            if outlet and label in {"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "GPE", "NORP"}:
                # "Swedish newspaper Dagens Nyheter reported": the outlet the noun says the name is
                found.append(Candidate(EntityMention(m.MEDIA_ORGANIZATION, span, name, attrs={"outlet_noun": True}), priority=21))
                continue
            if label in {"ORG", "WORK_OF_ART", "PRODUCT", "GPE"} and self._person_in_context(name, span, text):
                found.append(Candidate(EntityMention(m.PERSON, span, name), priority=20))
                continue
            if label == "ORG" and len(words) == 1 and not name.isupper() and name not in self.matchers.body_head_words \
                    and re.search(r"\b(?:in|at|from|to|near)\s+(?:[A-Z][\w’'-]+,\s+)*[A-Z][\w’'-]+,?\s+and\s+$", text[max(0, span.start - 60) : span.start]):
                # "homes in Leeds, Garforth and Rothwell": the last of a list of places
                found.append(Candidate(EntityMention(m.PLACE, span, name, attrs=self._place_attrs(name)), priority=10))
                continue
            if label in {"ORG", "PERSON"} and name in places and (label == "ORG" or len(words) == 1 and self._place_context(text, span)):
                found.append(Candidate(EntityMention(m.PLACE, span, name, attrs=self._place_attrs(name)), priority=10))
                continue
            if label == "PERSON":
                credit = re.fullmatch(r"([^/]+?)\s*/\s*([^\W\d_][^/]*)", span.text)
                if credit and re.match(r"[ \t*_]*[Bb]y\s+$", text[text.rfind("\n", 0, span.start) + 1 : span.start]):
                    # "By Eduardo Szklarz/Diálogo": a byline's reporter and the outlet, joined by a slash
                    person = trimmed_span(text, span.start, span.start + len(credit.group(1)))
                    outlet = trimmed_span(text, span.start + credit.start(2), span.end)
                    found.append(Candidate(EntityMention(m.PERSON, person, clean_name(person.text)), priority=20))
                    found.append(Candidate(EntityMention(m.MEDIA_ORGANIZATION, outlet, clean_name(outlet.text)), priority=20))
                    continue
                if any(w in self.matchers.not_person_words for w in words) or len(words) > 4:
                    continue
                if len(words) == 1 and (name in self.instruments.get("keywords") or () or name.endswith("s") and name[:-1] in (self.instruments.get("keywords") or ())):
                    continue  # "two of its three Protocols": the kind of a document, not a person

                # "in Dakar", "Dakar, 12 March 2024 -": a one-word "person" where places stand
                if len(words) == 1 and self._place_context(text, span):
                    found.append(Candidate(EntityMention(m.PLACE, span, name, attrs=self._place_attrs(name)), priority=10))
                    continue
                found.append(Candidate(EntityMention(m.PERSON, span, name), priority=20))
            elif label == "ORG":
                if name.isupper() and len(name) <= 2:
                    continue
                # "Mission’s Organized Crime Police Adviser", "EU Anti-Trafficking Coordinator": an office
                if " of " not in name and words[-1].lower() in self.matchers.title_words \
                        and words[-1] not in self.matchers.list_head_words and len(words) > 1:
                    continue
                # "the National Police Ivan Petrenko": a body's name runs into the name of its officer
                officer = re.search(r"^(?P<body>.*\b(?:" + self.matchers.list_head_pattern + r"))\s+(?P<person>[A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*){1,2})$", name) \
                    if self.matchers.list_head_words else None
                if officer and not any(w in self.matchers.body_head_words or w.lower() in self.matchers.title_words for w in officer.group("person").split()):
                    cut = span.start + span.text.rfind(officer.group("person"))
                    person_span = Span(cut, span.end, text[cut : span.end])
                    found.append(Candidate(EntityMention(m.PERSON, person_span, person_span.text), priority=20))
                    span = trimmed_span(text, span.start, cut)
                    name = clean_name(span.text)
                # "the ICT team", "the Conference Services team": the body is the team, not the acronym
                team = re.match(r" (?:team|unit|section|department|division|desk)\b", text[span.end : span.end + 12])
                if team:
                    span = Span(span.start, span.end + team.end(), text[span.start : span.end + team.end()])
                    name = span.text
                for part in self._list_items(span, text):
                    part_name = clean_name(part.text)
                    found.append(Candidate(EntityMention(self.org_class(part_name), part, part_name), priority=15))
            elif label in {"GPE", "LOC"}:
                found.append(Candidate(EntityMention(m.PLACE, span, name, attrs=self._place_attrs(name)), priority=10))
            elif label == "LAW":
                keywords = self.instruments.get("keywords") or ()
                if any(word_pattern(k).search(name) for k in keywords):
                    found.append(Candidate(EntityMention(m.INSTRUMENT, span, name), priority=12))
        return found

    @staticmethod
    def _place_context(text: str, span: Span) -> bool:
        """ "in Dakar", "Dakar, 12 March 2024 -", "12 May 2022, Yerevan –": where places stand."""
        return bool(
            re.search(r"\b(?:in|at|from|to|near)\s+$", text[max(0, span.start - 6) : span.start])
            or re.match(r",\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}", text[span.end : span.end + 24])
            or re.search(r"\d{4},\s*$", text[max(0, span.start - 8) : span.start]) and re.match(r"\s*[–—-]\s", text[span.end : span.end + 4])
            # "in Chisinau and Balti, Moldova": the last of a list of places
            or re.search(r"\b(?:in|at|from|to|near)\s+(?:[A-Z][\w’'-]+,\s+)*[A-Z][\w’'-]+,?\s+and\s+$", text[max(0, span.start - 60) : span.start])
        )

    def _place_attrs(self, name: str) -> dict:
        iso3 = self.vocab.places.get(name)
        return {"country": iso3} if iso3 else {}

    def _only_title_words(self, words: list[str]) -> bool:
        content = [re.sub(r"^(?:ex-|Ex-)", "", w) for w in words if w.lower() not in {"of", "the", "and", "for", "to", "in"}]
        if any(w in self.matchers.list_head_words for w in content):
            return False  # "Metropolitan Police": a body, though "Metropolitan" is a title too
        return bool(content) and all(w.lower().strip(".,") in self.matchers.title_words for w in content) \
            and not any(w.isupper() and len(w) > 1 for w in content)

    def _demonym(self, name: str) -> bool:
        demonyms = self.matchers.demonyms
        return name in demonyms or (name.endswith("s") and name[:-1] in demonyms)

    def _person_in_context(self, name: str, span: Span, text: str) -> bool:
        """ "Amara Okafor", "Dario Kovač" tagged ORG: a two- or three-word name with no
        word of a body, next to an office ("X, head of ..."; "The head of Y, X,") or a speech verb."""
        # "Maud de Boer-Buquicchio": a family-name particle in lower case is part of the name
        words = [w for w in name.split() if not (w.islower() and w in self.matchers.name_particles)]
        if not 2 <= len(words) <= 3 or self.matchers.office_re is None or words[0] != name.split()[0]:
            return False
        if not all(re.fullmatch(r"[^\W\d_][^\W\d_’'-]*(?:-[^\W\d_]+)*", w) and w[0].isupper() and not w.isupper() for w in words):
            return False
        if any(w in self.matchers.body_head_words or w.lower() in self.matchers.title_words for w in words):
            return False
        if name in self.vocab.places or any(w in self.matchers.demonyms for w in words):
            return False
        after = text[span.end : span.end + 80]
        before = text[max(0, span.start - 100) : span.start]
        # "Petr Tancos, Nela Dzurkova and Katerina Kerujova": the last of a list of people
        listed = re.search(r"(?:,|,?\s+and)\s+$", before)
        if listed and any(e.label_ == "PERSON" and e.end_char == span.start - len(listed.group()) for e in self._parsed_ents):
            return True
        office_after = re.match(r",\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w’'-]+\s+){0,3}?(?=\S)", after)
        if office_after and self.matchers.office_re.match(after[office_after.end():]):
            return True
        if re.match(r"\s+(?:said|says|told|added|noted|stated|explained)\b", after):
            return True
        # "Erol Özakçay Príncipe, US Mission to the OSCE, delivers a joint statement": a name, then the body it
        # serves between commas, then a verb of speaking
        serves = re.match(r",\s+(?:the\s+)?[A-Z][^,\n]{1,60}?,\s+(?:delivers|delivered|said|says|told|added|noted|stated|explained)\b", after)
        if serves and any(w in self.matchers.body_head_words for w in re.findall(r"[\w-]+", serves.group())):
            return True
        lead = re.search(r"([^.;:!?\n]*),\s*$", before)
        return bool(lead and self.matchers.office_re.search(lead.group(1)) and re.search(r"^\s*,?\s*(?:on (?:his|her) part|who)\b|^,", after))

    def _list_items(self, span: Span, text: str) -> list[Span]:
        """ "Customs, Social Protection Ministry": a run of bodies spaCy read as one splits at commas
        when the item after a comma has a body's head word of its own."""
        if ", " not in span.text:
            return [span]
        pieces, cursor = [], span.start
        for match in re.finditer(r",\s+(?:and\s+)?", span.text):
            rest = span.text[match.end():].split(",")[0]
            if any(w in self.matchers.list_head_words for w in rest.split()):
                pieces.append((cursor, span.start + match.start()))
                cursor = span.start + match.end()
        pieces.append((cursor, span.end))
        out = []
        for a, b in pieces:
            piece = trimmed_span(text, a, b)
            if piece.text and piece.text[0].isupper():
                out.append(piece)
        return out or [span]

    def org_class(self, name: str) -> str:
        for cls, words in (self.orgs.get("class_keywords") or {}).items():
            for word in words:
                if word_pattern(word).search(name):
                    return cls
        return m.ORGANIZATION


_QUOTES = {"“": "”", "‘": "’'", '"': '"', "'": "'", "«": "»"}
_MINOR_WORDS = {"a", "an", "the", "and", "or", "of", "for", "in", "on", "at", "to", "by", "with", "from", "as", "into", "over", "after", "against"}


def _title_case_line(text: str, position: int) -> bool:
    """The line holding `position` is a headline in Title Case: every word but the minor ones capitalised."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    words = re.findall(r"[^\W\d_][\w’'-]*", text[start : end if end >= 0 else len(text)])
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    return len(content) >= 4 and all(w[0].isupper() for w in content)


def _quoted_title_end(text: str, end: int) -> int:
    """Where a name goes on into the quoted title of its theme ("Open Debate on the “Maintenance of International
    Peace and Security: ...”", "Seminar entitled ‘...’"): the end of the closing quotation mark on the line."""
    # a typographic opening mark right after the name opens its title too ("Discussion Forum «...»")
    lead = re.match(r"\s+(?:on|entitled|titled|called|themed)\s+(?:the\s+)?([“‘\"'«])|\s+([“«])", text[end : end + 30])
    if not lead:
        return end
    opening = lead.group(1) or lead.group(2)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    # a closing mark not inside a word ("women’s" is no end)
    closing = re.compile("[" + re.escape(_QUOTES[opening]) + r"](?![\w])")
    found = closing.search(text, end + lead.end(), min(line_end, end + lead.end() + 300))
    return found.end() if found else end


def _is_container(c: Candidate) -> bool:
    key = c.mention.key or ""
    return c.mention.cls in CONTAINER_CLASSES or key.startswith(("gov:", "govbody:", "mission:", "org:", "unit:", "region:"))


def _may_nest(inner: Candidate, outer: Candidate) -> bool:
    """A known entity inside a longer name is mentioned too ("Council of Europe" in
    "Council of Europe Convention ..."); inside an organisation's name only when it
    is written out in full, not as a modifier acronym ("UN" in "UN Security Council")."""
    if (outer.mention.key or "").startswith("region:"):
        # "the OSCE region": the area of a body's states names the body
        return bool(inner.mention.key) and inner.mention.cls in m.ORGANIZATION_CLASSES
    if (outer.mention.key or "").startswith(("unit:", "mission:")) and inner.mention.cls == m.PLACE and not _is_container(inner):
        return True  # "Chisinau" in "the American Embassy in Chisinau"
    if outer.mention.cls in m.EVENT_CLASSES and inner.mention.key and inner.mention.cls in m.ORGANIZATION_CLASSES:
        return True  # "a training for investigators of the Ministry of Internal Affairs"
    if outer.mention.cls in m.EVENT_CLASSES and inner.mention.cls in {m.PLACE, m.COUNTRY} and not _is_container(inner):
        return True  # "Bucharest" in "the December 2001 OSCE Ministerial Council in Bucharest"
    if outer.mention.cls in m.EVENT_CLASSES and inner.mention.cls == m.INSTRUMENT:
        return True  # "the High-Level Meeting on the Appraisal of the Global Plan of Action to ...": what it reviews
    if not inner.mention.key or _is_container(inner) and not (inner.mention.key or "").startswith(("org:", "region:")):
        return False
    if (outer.mention.key or "").startswith(("unit:", "mission:")) and inner.mention.cls in {m.PLACE, m.COUNTRY}:
        return True  # "Chisinau" in "the American Embassy in Chisinau"
    if (outer.mention.key or "").startswith("unit:"):
        return True  # "OSCE" in "OSCE Centre in Bishkek": the body the unit is part of
    if (outer.mention.key or "").startswith("org:"):
        # "OSCE" in "OSCE Mission to Moldova" names the parent; "UN" in "UN Security Council" is a modifier
        outer_known_parent = outer.mention.attrs.get("parent_named")
        return len(inner.mention.span.text.split()) >= 2 or inner.mention.key == outer_known_parent
    return True


def _resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the best non-overlapping set; containers may hold known entities."""
    ordered = sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    kept: list[Candidate] = []
    for cand in ordered:
        clash = False
        for other in kept:
            if not (cand.start < other.end and other.start < cand.end):
                continue
            inside_other = other.start <= cand.start and cand.end <= other.end and (cand.start, cand.end) != (other.start, other.end)
            holds_other = cand.start <= other.start and other.end <= cand.end and (cand.start, cand.end) != (other.start, other.end)
            if inside_other and _is_container(other) and _may_nest(cand, other):
                continue
            if holds_other and _is_container(cand) and _may_nest(other, cand):
                continue
            clash = True
            break
        if not clash:
            kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, c.end, c.mention.cls))


def _dateline_places(text: str) -> list[Candidate]:
    """ "Riga, 4 October 2022" and "Dakar, 12 March 2024 -": the place a document was dated at."""
    from tipgraph.extract.metadata import parse_date

    found = []
    for match in re.finditer(r"(?m)^[ \t*_#]*([A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,2}),\s+([^\n]{6,30})", text):
        dated = parse_date(match.group(2))
        if dated is None or dated[1] != 0 or re.fullmatch(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", match.group(1)):
            continue
        start, end = match.start(1), match.end(1)
        found.append(Candidate(EntityMention(m.PLACE, Span(start, end, text[start:end]), text[start:end]), priority=11))
    # "WASHINGTON (NewsNation) — Secretary ...": an agency dateline in capitals
    for match in re.finditer(r"(?m)^[ \t*_#]*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})\s*\([^()\n]{2,40}\)\s*[—–-]\s", text):
        start, end = match.start(1), match.end(1)
        name = " ".join(w.capitalize() for w in text[start:end].split())
        found.append(Candidate(EntityMention(m.PLACE, Span(start, end, text[start:end]), name), priority=11))
    # "21 September 2023, Chisinau – The Secretary of State ...": the date first
    for match in re.finditer(r"(?m)^[ \t*_#]*([^\n,]{6,30}),\s+([A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,2})\s+[–—-]\s", text):
        dated = parse_date(match.group(1))
        if dated is None or dated[1] != 0:
            continue
        start, end = match.start(2), match.end(2)
        found.append(Candidate(EntityMention(m.PLACE, Span(start, end, text[start:end]), text[start:end]), priority=11))
    return found


def _capital_datelines(text: str, vocab: Vocabulary) -> list[Candidate]:
    """ "LYON, France – ...", "VIENNA, 25 June (UN Information Service) - ...", "TULSA (AP) — ...": a
    dateline's town in capitals, known to the places gazetteer, over whatever the parser made of it."""
    from tipgraph.extract.metadata import parse_date

    found = []
    for match in re.finditer(r"(?m)^[ \t*_#]*([A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,2})(?=\s*[,(:]|\s+[—–-]\s)", text):
        name = " ".join("-".join(part.capitalize() for part in word.split("-")) for word in match.group(1).split())
        line_end = text.find("\n", match.end())
        rest = text[match.end() : line_end if line_end >= 0 else len(text)]
        # "ZHANATAS, July 31:", "ASTANA, MARCH 18, NEWSWIRE.": a town in capitals before the day of the
        # dateline is the dateline's town, known to the gazetteer or not
        day = re.match(r",[ \t]+([^,:\n]{3,24})[,:.]", rest)
        dated = day is not None and len(match.group(1)) > 2 and (
            parse_date(day.group(1)) is not None
            or re.fullmatch(r"(?i:" + MONTHS + r")\.?[ \t]+\d{1,2}", day.group(1)) is not None)
        # "LONDON: State prosecutors ...": a known town in capitals before a colon opens the story
        known = name in vocab.places and (re.search(r"\s[—–-]\s", rest[:90]) or re.match(r":[ \t]+[A-Z]", rest))
        if not (dated or known):
            continue
        start, end = match.start(1), match.end(1)
        country = vocab.places.get(name)
        found.append(Candidate(EntityMention(m.PLACE, Span(start, end, text[start:end]), name,
                                             attrs={"country": country} if country else {}), priority=25))
    return found


def _agency_datelines(text: str, vocab: Vocabulary) -> list[Candidate]:
    """ "ASTANA. KAZINFORM - ...": a wire dateline of a town and an agency, both in capitals, stopped by a
    full stop and a dash, near the top of a story; "By X LONDON (Agency) - ...": a known town in capitals before
    the agency in brackets, wherever the byline put it on the line."""
    found = []
    for match in re.finditer(r"(?<![\w-])([A-Z][A-Z’'.-]{2,}(?: [A-Z][A-Z’'.-]+){0,2})[ \t]+\([^()\n]{2,60}\)[ \t]*[—–-][ \t]", text[:600]):
        town = " ".join("-".join(part.capitalize() for part in word.split("-")) for word in match.group(1).split())
        if town in vocab.places:
            country = vocab.places[town]
            found.append(Candidate(EntityMention(m.PLACE, Span(match.start(1), match.end(1), match.group(1)), town,
                                                 attrs={"country": country} if country else {}), priority=25))
    # "Accra, May 4, GNA - The Ministry ...": a wire's acronym after the place and day of its dateline
    from tipgraph.extract.metadata import parse_date

    for match in re.finditer(r"(?m)^[ \t*_#]*[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,2},[ \t]+([^,\n]{3,24}),[ \t]+([A-Z]{2,8})[ \t]*[—–-]", text[:600]):
        if parse_date(match.group(1)) is None and not re.fullmatch(MONTHS + r"\.?[ \t]+\d{1,2}", match.group(1)):
            continue
        agency = match.group(2)
        key = vocab_body_key(vocab, agency)
        if key is not None:
            known = vocab.entities[key]
            found.append(Candidate(EntityMention(known.cls, Span(match.start(2), match.end(2), agency), known.name, key=key,
                                                 attrs={"dateline": True}), priority=26))
        else:
            found.append(Candidate(EntityMention(m.MEDIA_ORGANIZATION, Span(match.start(2), match.end(2), agency), agency,
                                                 attrs={"dateline": True}), priority=26))
    for match in re.finditer(r"(?<![\w-])([A-Z][A-Z’'-]+(?: [A-Z][A-Z’'-]+){0,2})\.[ \t]+([A-Z][A-Z.-]*[A-Z])[ \t]+[—–-][ \t]", text[:600]):
        town = " ".join("-".join(part.capitalize() for part in word.split("-")) for word in match.group(1).split())
        agency = match.group(2)
        agency_name = agency if len(agency) <= 4 else agency.capitalize()
        found.append(Candidate(EntityMention(m.PLACE, Span(match.start(1), match.end(1), match.group(1)), town,
                                             attrs={"dateline": True}), priority=26))
        found.append(Candidate(EntityMention(m.MEDIA_ORGANIZATION, Span(match.start(2), match.end(2), agency), agency_name,
                                             attrs={"dateline": True}), priority=26))
    return found


def vocab_body_key(vocab: Vocabulary, name: str) -> str | None:
    """The key of the known body `name` is a name or acronym of, if any."""
    return matchers_for(vocab).body_by_name.get(name) or matchers_for(vocab).body_by_name.get(name.lower())


def _one_sense_for_datelines(kept: list[Candidate]) -> None:
    """The town of a dateline is that town wherever the text names it again ("visited Nur-Sultan"), whatever
    class the parser gave the later mention."""
    towns = {c.mention.name for c in kept if c.mention.cls == m.PLACE and c.mention.attrs.get("dateline")}
    agencies = {c.mention.name.lower(): c.mention.name for c in kept if c.mention.cls == m.MEDIA_ORGANIZATION and c.mention.attrs.get("dateline")}
    for cand in kept:
        mention = cand.mention
        if mention.key:
            continue
        if mention.name in towns and mention.cls != m.PLACE:
            mention.cls = m.PLACE
        elif mention.name.lower() in agencies and mention.cls != m.MEDIA_ORGANIZATION:
            mention.cls, mention.name = m.MEDIA_ORGANIZATION, agencies[mention.name.lower()]


def _holds_office(text: str, person: EntityMention, office: str) -> bool:
    """The person is named with the office: as a title ("Special Representative X"), after it in its
    sentence ("the Special Representative and Co-ordinator for ..., Dr. X") or just before it ("X, the
    Special Representative")."""
    if office.lower() in (person.title or "").lower():
        return True
    start = person.attrs.get("title_start", person.span.start)
    before = re.split(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bProf)[.!?]\s|\n", text[max(0, start - 200) : start])[-1]
    apposed = re.match(rf",\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){{0,3}}{re.escape(office)}", text[person.span.end : person.span.end + 80])
    return office in before or apposed is not None


def _unnamed_offices(text: str, kept: list[Candidate], vocab: Vocabulary) -> list[Candidate]:
    """ "thanks the OSCE's Special Representative on Combatting Trafficking in Human Beings", "Thank you,
    Special Representative,": an office of one holder that the text names no one with stands for
    its holder, a person named by the office (its fullest form in the text)."""
    offices = sorted(set(vocab.lexicon("titles").get("mandate_offices") or ()), key=lambda o: (-len(o), o))
    if not offices:
        return []
    people = [c.mention for c in kept if c.mention.cls == m.PERSON]
    alternation = "|".join(re.escape(o) for o in offices)
    pattern = re.compile(rf"(?<![\w-])(?P<office>{alternation})(?P<topic>\s+(?:on|for)\s+[A-Z][\w’'-]*"
                         rf"(?:\s+(?:(?:in|of|and|against|the)\s+)*[A-Z][\w’'-]*)*)?(?![\w-])")
    found: list[tuple[int, int, str]] = []
    signed = any(re.fullmatch(r"[ \t*_#]*", text[text.rfind("\n", 0, p.span.start) + 1 : p.span.start])
                 and re.fullmatch(r"[ \t*_,.]*", text[p.span.end : (text.find("\n", p.span.end) + 1 or len(text) + 1) - 1])
                 for p in people)
    for match in pattern.finditer(text):
        office = match.group("office")
        start, end = match.start(), match.end()
        if any(_holds_office(text, p, office) for p in people):
            return []  # someone holds it here: "the Special Representative" is that person
        if any(c.start <= start and end <= c.end and c.mention.cls != m.PERSON and (c.start, c.end) != (start, end)
               and c.priority > 20 for c in kept):
            continue  # part of a longer name: "Office of the Special Representative"
        if re.match(r"(?:,[ \t]*|[ \t]+)(?:(?:Dr|Mr|Mrs|Ms|Prof|Ambassador|Judge)\.?\s+)?[A-Z][\w’'-]+\s+[A-Z]", text[end : end + 40]) \
                and not re.match(r",?\s*(?:for|on|and|to|of)\b", text[end : end + 6]):
            continue  # "Special Representative Maria Grazia Giammarinaro": a person's title
        title_end = text.find("\n", len(text) - len(text.lstrip()))
        if start < title_end and (re.search(r"\b(?:with|to)\s+the\s+$", text[:start]) or signed):
            # a title naming whom it answers ("Interactive dialogue with the Special Rapporteur"), or the
            # office of the one who signs on a line of their own ("Secretary-General's Message ... / A. Name")
            continue
        if re.search(r"(?i)\b(?:previous|former|late|outgoing|first|next|new|future)\s+(?:[A-Z][\w’'-]*\s+)?$", text[max(0, start - 30) : start]):
            continue  # "the previous Special Representative's visit": another holder than the one addressed
        found.append((start, end, " ".join(text[start:end].split())))
    if not found:
        return []
    fullest = {}
    for _, _, name in found:
        office = next(o for o in offices if name.startswith(o))
        if len(name) > len(fullest.get(office, "")):
            fullest[office] = name
    return [Candidate(EntityMention(m.PERSON, Span(start, end, text[start:end]),
                                    fullest[next(o for o in offices if name.startswith(o))],
                                    attrs={"office_holder": True}),
                      priority=22)
            for start, end, name in found]


def _described_events_named(kept: list[Candidate]) -> None:
    """ "this regional workshop" after "Regional Multidisciplinary Thematic Workshop on ...": a described
    event whose words all stand in an event named in the text is that event."""
    named = [c.mention for c in kept if c.mention.cls in m.EVENT_CLASSES and not c.mention.attrs.get("described")]
    for cand in kept:
        mention = cand.mention
        if not mention.attrs.get("described"):
            continue
        words = set(re.findall(r"[\w-]+", (mention.attrs.get("head") or mention.span.text).lower()))
        keyword = (mention.attrs.get("keyword") or "").lower()
        for event in named:
            name_words = set(re.findall(r"[\w-]+", event.name.lower()))
            if keyword in name_words and words <= name_words:
                old = mention.name
                for other in kept:  # "this event" said of it names the same one
                    if other.mention.attrs.get("refers_to") == old:
                        other.mention.name, other.mention.cls = event.name, event.cls
                        other.mention.attrs["refers_to"] = event.name
                mention.name = event.name
                mention.cls = event.cls
                mention.attrs["refers_to"] = event.name
                break


def _short_event_names(kept: list[Candidate]) -> None:
    """ "the World Day" after "the United Nations World Day against Trafficking in Persons": an event's
    name written as a run of the words of the one longer event name holding it is that event."""
    events = [c.mention for c in kept if c.mention.cls in m.EVENT_CLASSES]
    for mention in events:
        if mention.attrs.get("described") or len(mention.name.split()) < 2:
            continue
        short = f" {mention.name.lower()} "
        longer = {e.name: e for e in events if len(e.name) > len(mention.name) and short in f" {e.name.lower()} "}
        if len(longer) == 1:
            event = next(iter(longer.values()))
            mention.name, mention.cls = event.name, event.cls


MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


def _dated_sessions(text: str, kept: list[Candidate], vocab: Vocabulary) -> list[Candidate]:
    """ "the December 2001 OSCE Ministerial Council in Bucharest": a council named with a date is
    its meeting of that date (and place)."""
    words = {w.lower() for w in vocab.lexicon("relations").get("meeting_body_words") or ()}
    found = []
    for cand in kept:
        mention = cand.mention
        if mention.cls not in m.ORGANIZATION_CLASSES or mention.span.text.split()[-1].lower() not in words:
            continue
        date = re.search(rf"(?:(?<=\s)|^)(?P<date>(?:{MONTHS}\s+)?\d{{4}})\s+$", text[max(0, cand.start - 20) : cand.start])
        if not date:
            continue
        start = cand.start - (len(text[max(0, cand.start - 20) : cand.start]) - date.start("date"))
        end = cand.end
        place = re.match(r"\s+in\s+", text[end : end + 5])
        if place:
            where = next((c for c in kept if c.start == end + place.end() and c.mention.cls in {m.PLACE, m.COUNTRY}), None)
            if where is not None:
                end = where.end
        span = Span(start, end, text[start:end])
        meeting = EntityMention(m.MEETING, span, clean_name(span.text),
                                attrs={"keyword": mention.span.text.split()[-1], "date_text": date.group("date")})
        found.append(Candidate(meeting, priority=cand.priority + 1))
    return found


def _country_offices(text: str, kept: list[Candidate], vocab: Vocabulary) -> list[Candidate]:
    """ "IOM Belarus has completed ...", "UNICEF Moldova Representative X": an international body's name
    followed by a country's is its office in that country, part of the body and seated there."""
    found = []
    for cand in kept:
        body = cand.mention
        if body.cls != m.INTERNATIONAL_ORGANIZATION or not (body.key or "").startswith("org:"):
            continue
        country = next((c for c in kept if c.start == cand.end + 1 and c.mention.cls == m.COUNTRY and c.mention.key), None)
        if country is None or text[cand.end] != " ":
            continue
        known = vocab.entities.get(country.mention.key)
        if known is None or country.mention.span.text in set(known.demonyms) | set(known.ambiguous_demonyms):
            continue  # "the OSCE Albanian ...": an adjective, not the office's seat
        if re.match(r"\s*(?:,|and\b|or\b|-|–)", text[country.end : country.end + 5]) or re.search(r"(?i)\bbetween\s+(?:the\s+)?$", text[max(0, cand.start - 12) : cand.start]):
            continue  # "between the EU and Moldova", "IOM Belarus and Ukraine"
        name = f"{body.span.text} {country.mention.span.text}"
        parent = vocab.entities[body.key]
        mention = EntityMention(parent.cls, Span(cand.start, country.end, text[cand.start : country.end]), name,
                                key=f"unit:{parent.key}:{name}", attrs={"part_of": parent.key, "country": known.iso3, "country_office": True})
        found.append(Candidate(mention, priority=cand.priority + 1))
    return found


def _bare_parliaments(text: str, kept: list[Candidate], vocab: Vocabulary, doc_country: str | None) -> list[Candidate]:
    """ "adopted in the first reading by Parliament": the country's parliament, named by its noun."""
    found = []
    taken = [(c.start, c.end) for c in kept]
    for match in re.finditer(r"(?<![\w-])(?<!European )(?<!\. )Parliament(?![\w-])", text):
        if any(a <= match.start() < b for a, b in taken) or not re.search(r"\b(?:by|the|of|to|in|and)\s+$", text[max(0, match.start() - 5) : match.start()]):
            continue
        span = Span(match.start(), match.end(), match.group())
        country = vocab.country_by_iso3(doc_country) if doc_country else None
        if country is not None:
            article = "the " if country.name in set(vocab.lexicon("organizations").get("names_with_article") or ()) else ""
            label = f"Parliament of {article}{country.name}"
            mention = EntityMention(m.GOVERNMENT_BODY, span, label, key=f"govbody:{country.iso3}:{label}", attrs={"country": country.iso3})
        else:
            mention = EntityMention(m.GOVERNMENT_BODY, span, "Parliament")
        found.append(Candidate(mention, priority=12))
    return found


def _short_units(text: str, kept: list[Candidate], vocab: Vocabulary) -> list[Candidate]:
    """ "jointly organized by the OSCE Mission, ...": a body's unit named short, when the text names
    one unit of that body with that noun in full ("the OSCE Mission to Moldova")."""
    units = sorted(vocab.lexicon("organizations").get("unit_nouns") or (), key=len, reverse=True)
    if not units:
        return []
    unit_re = "|".join(re.escape(u) for u in units)

    def parent_of(mention: EntityMention) -> str | None:
        known = vocab.entities.get(mention.key) if mention.key else None
        return mention.attrs.get("part_of") or (known.part_of if known else None)

    found = []
    for cand in kept:
        key = cand.mention.key or ""
        if not key.startswith("org:") or cand.mention.attrs.get("parent_named") is not None:
            continue
        short = re.match(rf"\s+({unit_re})(?![\w-])(?!\s+(?:to|in|for|of|on|at)\b)", text[cand.end : cand.end + 40])
        if not short:
            continue
        noun = short.group(1)
        full = {c.mention.key: c.mention for c in kept if c.mention.key and c.mention.key != key and parent_of(c.mention) == key
                and re.search(rf"(?<![\w-]){re.escape(noun)}(?![\w-])", c.mention.name)}
        if len(full) != 1:
            continue
        unit = next(iter(full.values()))
        end = cand.end + short.end()
        mention = EntityMention(unit.cls, Span(cand.start, end, text[cand.start : end]), unit.name, key=unit.key,
                                attrs={k: v for k, v in unit.attrs.items() if k in {"part_of", "country"}} | {"parent_named": key})
        found.append(Candidate(mention, priority=cand.priority + 1))
    return found


def _bare_unit_nouns(text: str, kept: list[Candidate], head_words: set[str]) -> None:
    """ "The Group is planning ..." after "the OSCE Group of Friends on ...": a unit's noun alone after "the" is
    the one unit the text names with that noun; "the Gendarmerie reported" after "The Argentine National
    Gendarmerie", whatever class the parser gave it: a body's head noun alone is the one body it heads."""
    for cand in kept:
        mention = cand.mention
        if mention.key or mention.cls not in m.ORGANIZATION_CLASSES | {m.PLACE} or len(mention.name.split()) != 1:
            continue
        definite = re.search(r"(?:^|\s)(?:the|The)\s+$", text[max(0, mention.span.start - 5) : mention.span.start])
        if not definite and mention.name not in head_words:
            continue  # "Gendarmerie agents rescued ...": a body's head word needs no article to name it
        units = {c.mention.key: c.mention for c in kept if (c.mention.key or "").startswith("unit:") and c.start < mention.span.start
                 and re.search(rf"(?<![\w-]){re.escape(mention.name)}(?![\w-])", c.mention.name)} \
            if mention.cls != m.PLACE else {}
        if not units:
            units = {(c.mention.key or c.mention.name): c.mention for c in kept
                     if c.mention.cls in m.ORGANIZATION_CLASSES and c.start < mention.span.start
                     and len(c.mention.name.split()) >= 2 and c.mention.name.split()[-1] == mention.name}
        if len(units) == 1:
            unit = next(iter(units.values()))
            mention.key, mention.cls, mention.name = unit.key, unit.cls, unit.name
            mention.attrs = {k: v for k, v in unit.attrs.items() if k in {"part_of", "country"}}


def _definite_short_bodies(text: str, kept: list[Candidate], vocab: Vocabulary) -> list[Candidate]:
    """ "We commend the Office of the Special Representative ... we value the Office’s input", "the OSCE Mission
    to Moldova ... The Mission also ...": a body's head noun, capitalised after "the", is the one body named
    before with that noun."""
    orgs = vocab.lexicon("organizations")
    nouns = sorted({w for w in (*(orgs.get("unit_nouns") or ()), *(orgs.get("body_heads") or ())) if " " not in w})
    if not nouns:
        return []
    pattern = re.compile(r"(?<![\w-])(?:the|The)\s+(" + "|".join(map(re.escape, nouns)) + r")(?![\w-])(?!\s+(?:of|for|to|on|in|at)\b)(?!\s+[A-Z])")
    taken = [(c.start, c.end) for c in kept]
    found = []
    for match in pattern.finditer(text):
        start, end = match.start(1), match.end(1)
        if any(a < end and start < b for a, b in taken):
            continue
        before = {c.mention.key: c.mention for c in kept if c.end <= start and c.mention.cls in m.ORGANIZATION_CLASSES
                  and (c.mention.key or "").startswith(("org:", "unit:", "govbody:"))
                  and re.search(rf"(?<![\w-]){re.escape(match.group(1))}(?![\w-])", c.mention.name)}
        if len(before) != 1:
            continue
        body = next(iter(before.values()))
        found.append(Candidate(EntityMention(body.cls, Span(start, end, text[start:end]), body.name, key=body.key,
                                             attrs={k: v for k, v in body.attrs.items() if k in {"part_of", "country"}}), priority=21))
    return found


def _surnames_of_people(kept: list[Candidate]) -> None:
    """ "said Braathu" tagged as an organisation or place: a one-word name that is the surname of a
    person the text names in full is that person."""
    surnames = {}
    for cand in kept:
        words = cand.mention.name.split()
        if cand.mention.cls == m.PERSON and len(words) > 1:
            surnames.setdefault(words[-1], cand.mention.name)
    for cand in kept:
        mention = cand.mention
        if not mention.key and mention.cls in m.ORGANIZATION_CLASSES | {m.PLACE} and mention.name in surnames \
                and not mention.attrs.get("country") and not mention.attrs.get("venue_line"):
            mention.cls = m.PERSON
            mention.name = surnames[mention.name]


def _apposed_offices(text: str, kept: list[Candidate], title_words: set[str]) -> None:
    """ "Mrs Lariba Abudu, Deputy Gender Minister, said": an office in apposition right after a person's name
    names that person, not another one."""
    people = [c for c in kept if c.mention.cls == m.PERSON and len(c.mention.name.split()) >= 2]
    for cand in kept:
        mention = cand.mention
        words = mention.name.split()
        if mention.cls != m.PERSON or mention.title or not words or words[-1].lower() not in title_words:
            continue
        before = re.search(r",[ \t]+(?:the[ \t]+)?(?:[A-Z][\w’'-]*[ \t]+){0,2}$", text[max(0, cand.start - 60) : cand.start])
        if not before:
            continue
        end = cand.start - len(before.group())
        holder = next((p for p in people if p.end == end and p is not cand), None)
        if holder is not None:
            mention.name = holder.mention.name


def _one_sense_per_name(kept: list[Candidate]) -> None:
    """A name the text gives a person's title ("Ms. Grizelda Grootboom") or an outlet's noun ("the newspaper Dagens
    Nyheter") names that person or outlet wherever it stands, whatever class the parser gave it there."""
    titled = {c.mention.name for c in kept if c.mention.cls == m.PERSON and "title_start" in c.mention.attrs}
    outlets = {c.mention.name for c in kept if c.mention.cls == m.MEDIA_ORGANIZATION and c.mention.attrs.get("outlet_noun")}
    for cand in kept:
        mention = cand.mention
        if mention.key:
            continue
        if mention.name in titled and mention.cls in m.ORGANIZATION_CLASSES | {m.PLACE}:
            mention.cls = m.PERSON
        elif mention.name in outlets and mention.cls in m.ORGANIZATION_CLASSES | {m.PERSON, m.PLACE} - {m.MEDIA_ORGANIZATION}:
            mention.cls = m.MEDIA_ORGANIZATION


# the nouns English uses for a division of a country or a settlement, before "of" or after the name in lower case
_REGION_NOUNS = r"province|region|district|state|county|oblast|prefecture|governorate|canton|voivodeship"
_SETTLEMENT_NOUNS = r"city|town|village|municipality|township"


def _places_by_their_nouns(text: str, kept: list[Candidate], demonyms: dict[str, str]) -> list[Candidate]:
    """ "the southern province of Ak Zhol", "Zhanatas district", "a Leeds-based charity", "Ann Lee, 53, of Ak
    Zhol": a name the noun of a province or a town, "-based" or a news story's age-and-home apposition shows to be
    a place is that place wherever the text repeats it, whatever class the parser gave it there."""
    found: dict[str, str] = {}
    countries: dict[str, str] = {}
    for cand in kept:
        mention = cand.mention
        if mention.key or mention.cls not in {m.PERSON, m.ORGANIZATION, m.PLACE}:
            continue
        words = mention.name.split()
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() and not w.isupper() for w in words):
            continue
        before = text[max(0, mention.span.start - 40) : mention.span.start]
        after = text[mention.span.end : mention.span.end + 24]
        noun_before = re.search(rf"\b(?:({_REGION_NOUNS})|{_SETTLEMENT_NOUNS})[ \t]+of[ \t]+$", before)
        noun_after = re.match(rf"(?:[’']s)?[ \t]+(?:({_REGION_NOUNS})|{_SETTLEMENT_NOUNS})\b", after)
        cls = None
        if noun_before or noun_after:
            cls = m.REGION if (noun_before or noun_after).group(1) else m.PLACE
            # "the northern Kazakh province of Ak Zhol": the country its people's adjective names
            people = re.search(r"(?<![\w-])([A-Z][\w-]+)[ \t]+\S+[ \t]+of[ \t]+$", before) if noun_before else None
            key = demonyms.get(people.group(1)) if people else None
            if key and key.startswith("country:"):
                countries.setdefault(mention.name, key.split(":", 1)[1])
        elif re.match(r"[ \t-]based\b", after, re.IGNORECASE) \
                or re.search(r"[A-Z][\w’'-]+,[ \t]+\d{1,3},[ \t]+(?:of|from)[ \t]+$", before):
            cls = m.PLACE
        if cls is not None and (mention.cls != m.PLACE or cls == m.REGION):
            found.setdefault(mention.name, cls)
        elif mention.cls == m.PLACE and len(words) >= 2:
            found.setdefault(mention.name, m.PLACE)  # "Port Kessel City": a name of more words than a surname
    names = {c.mention.name: c.mention for c in kept if c.mention.cls in {m.PLACE, m.REGION, m.COUNTRY}}
    for cand in kept:
        mention = cand.mention
        # "Ak Zhol's Department of ...": a province's name before a possessive is no body of its country
        if mention.key and not (mention.key.startswith("govbody:") and mention.name in found):
            continue
        if mention.name in found and mention.cls in {m.PERSON, m.ORGANIZATION, m.GOVERNMENT_BODY, m.PLACE} \
                and (mention.cls != m.GOVERNMENT_BODY or re.match(r"[’']s\b", text[mention.span.end : mention.span.end + 2])):
            mention.cls, mention.key = found[mention.name], None
            if mention.name in countries:
                mention.attrs = {**mention.attrs, "country": countries[mention.name]}
        # "Zhanatas city" beside "Zhanatas": the town the noun follows
        bare = re.fullmatch(rf"(.+?)[ \t]+(?:{_REGION_NOUNS}|{_SETTLEMENT_NOUNS})", mention.name)
        if mention.cls in {m.PLACE, m.REGION} and bare and bare.group(1) in names:
            same = names[bare.group(1)]
            mention.name, mention.cls, mention.key = same.name, same.cls, same.key
            mention.attrs = {**same.attrs, **mention.attrs}
    # "in Zhanatas city of Ak Zhol" before "Ak Zhol state police": a place the text names where the parser
    # saw nothing is the same place
    taken = [(c.start, c.end) for c in kept]
    places = {c.mention.name: c.mention for c in kept if c.mention.cls in {m.PLACE, m.REGION} and not c.mention.key
              and (c.mention.name in found or c.mention.attrs.get("by_noun"))}
    for name, mention in sorted(places.items()):
        for match in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                kept.append(Candidate(EntityMention(mention.cls, Span(match.start(), match.end(), name), name,
                                                    attrs=dict(mention.attrs)), priority=9))
    kept.sort(key=lambda c: (c.start, c.end, c.mention.cls))
    # "the northern Kazakh province of ...": a people's adjective before the noun names no place
    return [c for c in kept if not (c.mention.cls in {m.PLACE, m.REGION} and not c.mention.key and re.fullmatch(
        rf"(\S+)[ \t]+(?:{_REGION_NOUNS}|{_SETTLEMENT_NOUNS})", c.mention.name) and c.mention.name.split()[0] in demonyms)]


def _regions_before_their_nouns(text: str, kept: list[Candidate], matchers: Matchers) -> list[Candidate]:
    """ "trafficked to Gujarat state", "of Kano state police": a capitalised name the parser left alone, after a
    lower-case word and before the lower-case noun of a division of a country, is that division."""
    taken = sorted((c.start, c.end) for c in kept)
    found = []
    for match in re.finditer(rf"(?<=[a-z,][ \t])([A-Z][a-z][\w’'-]*(?:[ \t]+[A-Z][a-z][\w’'-]*){{0,2}})[ \t]+"
                             rf"(?:state|province|district|county|oblast|region)\b(?![ \t]+of\b)", text):
        start, end = match.start(1), match.end(1)
        words = match.group(1).split()
        if any(s < end and start < e for s, e in taken):
            continue
        if any(w in matchers.demonyms or w.lower() in matchers.title_words or w in matchers.body_head_words
               or w.lower() in matchers.not_entities for w in words):
            continue
        found.append(Candidate(EntityMention(m.REGION, Span(start, end, match.group(1)), match.group(1), attrs={"by_noun": True}), priority=9))
    return found


def _place_police(text: str, kept: list[Candidate]) -> list[Candidate]:
    """ "Zhanatas police", "Ak Zhol state police": the police force of a province or a town, named by it
    in lower case, is a body of its own beside the place."""
    found = []
    for cand in kept:
        if cand.mention.cls not in {m.PLACE, m.REGION}:
            continue
        force = re.match(r"[ \t]+(?:(?:state|provincial|city|district|county|regional|municipal)[ \t]+)?police\b",
                         text[cand.end : cand.end + 30])
        if not force:
            continue
        end = cand.end + force.end()
        name = text[cand.start : end]
        attrs = {"country": cand.mention.attrs["country"]} if cand.mention.attrs.get("country") else {}
        found.append(Candidate(EntityMention(m.GOVERNMENT_BODY, Span(cand.start, end, name), name, attrs=attrs), priority=15))
    return found


def _short_ministries(kept: list[Candidate]) -> None:
    """ "the Gender Ministry" after "the Ministry of Gender, Children and Social Protection": a ministry named by
    the first portfolio of a ministry the text names in full is that ministry."""
    full = [c.mention for c in kept if c.mention.cls == m.GOVERNMENT_BODY and c.mention.key]
    for cand in kept:
        mention = cand.mention
        if mention.cls != m.GOVERNMENT_BODY or not mention.key:
            continue
        short = canonical_body_name(mention.name)
        longer = {o.key: o for o in full if o.key != mention.key
                  and re.match(re.escape(short) + r"(?:,|\s+and\s)", canonical_body_name(o.name))}
        if len(longer) == 1:
            other = next(iter(longer.values()))
            mention.key, mention.name = other.key, other.name
            mention.attrs.update({k: v for k, v in other.attrs.items() if k == "country"})


def _short_names_of_known(kept: list[Candidate]) -> None:
    """ "the 2003 Action Plan", "the Global Plan of Action": a short form of an instrument or body
    named in full in the same text, all of whose words the full name has, is that one."""
    classes = {m.INSTRUMENT} | m.ORGANIZATION_CLASSES
    # known names first, then longer names of the text ("the National Action Plan" after "the National
    # Action Plan to Combat Human Trafficking and Slavery 2015-2019"); a body only with the same head word
    fuller = sorted((c.mention for c in kept if c.mention.cls in classes),
                    key=lambda mm: (mm.key is None, -len(mm.name), mm.span.start))
    for cand in kept:
        mention = cand.mention
        if mention.key or mention.cls not in classes:
            continue
        words = {w for w in re.findall(r"[a-z][\w-]*", mention.name.lower()) if w not in {"the", "of", "to", "and", "on", "in", "for"}}
        if len(words) < 2:
            continue
        for other in fuller:
            if other is mention or other.name == mention.name or len(other.name) <= len(mention.name):
                continue
            same_family = (other.cls == m.INSTRUMENT) == (mention.cls == m.INSTRUMENT)
            if not other.key and other.cls != m.INSTRUMENT and other.name.split()[-1] != mention.name.split()[-1]:
                continue  # "National Police" is not the "National Police Academy"
            if same_family and words <= set(re.findall(r"[a-z][\w-]*", other.name.lower())):
                mention.key, mention.cls, mention.name = other.key, other.cls, other.name
                break


def _short_names_of_parts(kept: list[Candidate], vocab: Vocabulary) -> None:
    """ "the General Assembly" where the text names the UN: a body's name without its parent's ("UN General
    Assembly" less "UN") is that body when the parent is named in the same text."""
    named = {c.mention.key for c in kept if c.mention.key}
    short: dict[str, str] = {}
    for entity in vocab.entities.values():
        parent = vocab.entities.get(entity.part_of) if entity.part_of else None
        if parent is None or parent.key not in named or entity.cls not in m.ORGANIZATION_CLASSES:
            continue
        for name in (*entity.case_sensitive_names, *entity.case_insensitive_names):
            for prefix in (*parent.case_sensitive_names, *parent.case_insensitive_names):
                if name.startswith(prefix + " ") and len(name[len(prefix) + 1 :].split()) >= 2:
                    short.setdefault(name[len(prefix) + 1 :], entity.key)
    for cand in kept:
        mention = cand.mention
        key = short.get(mention.name) if not mention.key and mention.cls in m.ORGANIZATION_CLASSES else None
        if key is not None:
            known = vocab.entities[key]
            mention.key, mention.cls, mention.name = known.key, known.cls, known.name


def _towns_after_prepositions(text: str, parsed: Doc, vocab: Vocabulary, matchers: Matchers) -> list[Candidate]:
    """ "a training for 30 inspectors in Novi Sad": a town the model missed, where places stand."""
    lower_words = {t.text for t in parsed if t.is_lower}
    found = []
    for match in re.finditer(r"\b(?:in|at|near|from)\s+([A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2})(?![\w’'-]| [A-Z])", text):
        name = match.group(1)
        if name not in vocab.places or re.fullmatch(MONTHS, name) or name.lower() in lower_words \
                or name.lower() in matchers.not_entities or name in matchers.body_head_words:
            continue
        start, end = match.start(1), match.end(1)
        found.append(Candidate(EntityMention(m.PLACE, Span(start, end, name), name, attrs={"country": vocab.places[name]} if vocab.places[name] else {}), priority=9))
    return found


def _venues(text: str, kept: list[Candidate], vocab: Vocabulary) -> list[Candidate]:
    """ "OECD Conference Center, Paris", "at the Palais de l’Europe": a building where people meet is a place,
    not a body, though it bears a body's name."""
    orgs = vocab.lexicon("organizations")
    heads = sorted(orgs.get("venue_heads") or (), key=len, reverse=True)
    openers = sorted(orgs.get("venue_openers") or (), key=len, reverse=True)
    if not heads and not openers:
        return kept
    head_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, heads)) + r")$") if heads else None
    found = []
    if heads:
        named = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'-]*[ \t]+)+(?:" + "|".join(map(re.escape, heads)) + r")(?![\w-])")
        for match in named.finditer(text):
            span = trimmed_span(text, match.start(), match.end())
            found.append(Candidate(EntityMention(m.PLACE, span, clean_name(span.text), attrs={"venue": True}), priority=66))
    if openers:
        opened = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, openers)) + r")\s+(?:de|des|du|di|della|of|of the)\s+(?:l[’']|la\s+|le\s+)?"
                            r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
        for match in opened.finditer(text):
            span = Span(match.start(), match.end(), match.group())
            found.append(Candidate(EntityMention(m.PLACE, span, clean_name(span.text), attrs={"venue": True}), priority=66))
    if found:
        kept = _resolve_overlaps(kept + found)
    for cand in kept:
        mm = cand.mention
        if mm.cls in m.ORGANIZATION_CLASSES and head_re is not None and head_re.search(mm.span.text) and len(mm.span.text.split()) > 2:
            cand.mention = EntityMention(m.PLACE, mm.span, mm.name, sentence=mm.sentence, attrs={"venue": True})
    return kept


def _venue_lines(text: str, labels: list[str]) -> list[Candidate]:
    """ "Location: Dialogue, National Circuit Barton": a header line naming where a speech was given."""
    if not labels:
        return []
    alternation = "|".join(re.escape(w) for w in labels)
    found = []
    for match in re.finditer(rf"(?m)^[ \t*_#]*(?:{alternation})[ \t]*:[ \t*_]*([A-Z][^\n]{{1,100}}?)[ \t*_]*$", text):
        start, end = match.start(1), match.end(1)
        span = Span(start, end, text[start:end])
        found.append(Candidate(EntityMention(m.PLACE, span, clean_name(span.text), attrs={"venue_line": True}), priority=95))
    return found


def _names_a_person(parsed: Doc, candidate: Candidate) -> bool:
    """In Title Case headlines a title may be followed by a verb ("Ambassador Calls on ...")."""
    name_start = candidate.mention.attrs.get("name_start", candidate.start)
    span = parsed.char_span(name_start, candidate.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    return span[-1].pos_ == "PROPN" or any(e.label_ == "PERSON" for e in span.ents) or len(span) == 1 and span[0].ent_type_ == "PERSON"


def _adopt_parenthesised_acronyms(text: str, kept: list[Candidate]) -> list[Candidate]:
    """'Long Name (ACR)': the long name is a name of whatever ACR names, and ACR alone later in
    the text names it too; 'lower-case words (ACR)' defines a term, not a body."""
    by_start = {c.start: c for c in kept}
    dropped = set()
    for cand in kept:
        acr = cand.mention.span.text
        if cand.mention.key or not re.fullmatch(r"[A-Z]{2,6}", acr) or text[cand.start - 1 : cand.start] != "(":
            continue
        words = re.findall(r"[\w-]+", text[max(0, cand.start - 120) : cand.start - 1])[-len(acr) :]
        if len(words) == len(acr) and all(w[0].islower() for w in words) and \
                "".join(w[0] for w in words).upper() == acr:
            dropped.add(acr)  # "facilitated illegal immigration (FII)"
    kept = [c for c in kept if not (c.mention.span.text in dropped and not c.mention.key)]
    by_start = {c.start: c for c in kept}
    added: list[Candidate] = []
    for cand in kept:
        # "(UNIAP,)", "(PROTEX, in Spanish)": a note after the acronym inside its brackets
        tail = re.match(r" ?\((?P<acr>[A-Z][A-Za-z.-]{1,12})(?:,[^()\n]{0,30})?\)", text[cand.end : cand.end + 48])
        if not tail:
            continue
        letters = [ch for ch in tail.group("acr") if ch.isalpha()]
        if cand.mention.cls in {m.PLACE, m.COUNTRY, m.REGION, m.PERSON} or sum(ch.isupper() for ch in letters) * 2 < len(letters):
            continue  # "SARAJEVO (Reuters)": a dateline and its agency, not a name and its acronym
        if re.fullmatch(r"[A-Z]{2,6}", cand.mention.span.text):
            continue  # "... Project in the GMS (UNIAP)": an acronym has no acronym of its own; the bracket is the longer name's
        if "," in tail.group() and tail.group("acr")[0].lower() != clean_name(cand.mention.span.text)[:1].lower():
            continue
        acronym = by_start.get(cand.end + tail.start("acr"))
        if acronym is None and cand.mention.cls in m.ORGANIZATION_CLASSES and re.fullmatch(r"[A-Z][A-Z-]{1,9}", tail.group("acr")):
            # "the Department for Fighting Organized Crime (DFOC)" where no extractor found DFOC
            added.extend(_acronym_mentions(text, tail.group("acr"), cand))
            continue
        if acronym is None or acronym.mention.span.text != tail.group("acr") or acronym is cand:
            continue
        if acronym.mention.key:
            cand.mention.key = acronym.mention.key
            cand.mention.cls = acronym.mention.cls
            cand.mention.name = acronym.mention.name
        elif cand.mention.key or cand.mention.cls in m.ORGANIZATION_CLASSES:
            # "the Department for Combating Organized Crime (DCCO)": every bare DCCO is that body
            for other in kept:
                if other.mention.span.text == acronym.mention.span.text and not other.mention.key:
                    other.mention.key = cand.mention.key
                    other.mention.cls = cand.mention.cls
                    other.mention.name = cand.mention.name
                    other.mention.attrs.update({k: v for k, v in cand.mention.attrs.items() if k in {"country", "part_of"}})
                    if not cand.mention.key:
                        other.mention.attrs["expansion"] = cand.mention.name
            cand.mention.attrs["acronym"] = acronym.mention.span.text
        else:
            acronym.mention.attrs["expansion"] = cand.mention.name
            cand.mention.attrs["acronym"] = acronym.mention.name
    if added:
        kept = _resolve_overlaps(kept + added)
    return kept


def _acronym_mentions(text: str, acronym: str, expansion: Candidate) -> list[Candidate]:
    """Every occurrence of an acronym defined in brackets after a body's name, as that body."""
    found = []
    for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
        mention = EntityMention(expansion.mention.cls, Span(match.start(), match.end(), acronym), expansion.mention.name,
                                key=expansion.mention.key,
                                attrs={k: v for k, v in expansion.mention.attrs.items() if k in {"country", "part_of"}})
        if not expansion.mention.key:
            mention.attrs["expansion"] = expansion.mention.name
        found.append(Candidate(mention, priority=expansion.priority))
    return found


def extract_entities(document: SourceDocument, parsed: Doc, vocab: Vocabulary) -> list[EntityMention]:
    """Every entity mention in one document, in text order."""
    text = document.text
    extractor = EntityExtractor(vocab)
    known = extractor.gazetteer(parsed, text)
    countries = [c for c in known if c.mention.cls == m.COUNTRY]
    country_counts: dict[str, int] = {}
    for c in countries:
        country_counts[c.mention.key] = country_counts.get(c.mention.key, 0) + 1
    doc_country = None
    if country_counts:
        doc_country = sorted(country_counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0].split(":")[1]
    people = [p for p in extractor.titled_people(text) if _names_a_person(parsed, p)]
    datelines = _dateline_places(text) + _capital_datelines(text, vocab) + _agency_datelines(text, vocab) \
        + _towns_after_prepositions(text, parsed, vocab, extractor.matchers)
    instruments = extractor.instruments_in(parsed, text, people)
    candidates = (
        known
        + extractor.government_bodies(text, countries)
        + extractor.ministries(text, countries, doc_country)
        + extractor.missions(text, countries)
        + extractor.sub_bodies(text, known)
        + extractor.units_of_known(text, known)
        + extractor.possessive_offices(text)
        + people
        + extractor.events_in(parsed, text)
        + extractor.described_events(parsed, text)
        + instruments
        + extractor.statistical(parsed, text)
        + datelines
        + _venue_lines(text, list(vocab.lexicon("events").get("venue_labels") or ()))
    )
    kept = _resolve_overlaps(candidates)
    kept_instruments = [c for c in kept if c.mention.cls == m.INSTRUMENT]
    anaphora = extractor.instrument_anaphora(parsed, text, kept_instruments)
    kept = _resolve_overlaps(kept + anaphora)
    kept = _adopt_parenthesised_acronyms(text, kept)
    _described_events_named(kept)
    _short_event_names(kept)
    extra = _dated_sessions(text, kept, vocab) + _bare_parliaments(text, kept, vocab, doc_country) + _short_units(text, kept, vocab) \
        + _unnamed_offices(text, kept, vocab) + _country_offices(text, kept, vocab)
    if extra:
        kept = _resolve_overlaps(kept + extra)
    _short_names_of_known(kept)
    _short_ministries(kept)
    _short_names_of_parts(kept, vocab)
    _bare_unit_nouns(text, kept, extractor.matchers.body_head_words)
    short_bodies = _definite_short_bodies(text, kept, vocab)
    if short_bodies:
        kept = _resolve_overlaps(kept + short_bodies)
    _surnames_of_people(kept)
    _apposed_offices(text, kept, extractor.matchers.title_words)
    _one_sense_per_name(kept)
    regions = _regions_before_their_nouns(text, kept, extractor.matchers)
    if regions:
        kept = sorted(kept + regions, key=lambda c: (c.start, c.end, c.mention.cls))
    kept = _places_by_their_nouns(text, kept, extractor.matchers.demonyms)
    kept = sorted(kept + _place_police(text, kept), key=lambda c: (c.start, c.end, c.mention.cls))
    kept = _venues(text, kept, vocab)
    _one_sense_for_datelines(kept)
    mentions = []
    for cand in kept:
        mention = cand.mention
        mention.sentence = sentence_bounds(parsed, mention.span.start)
        mentions.append(mention)
    return mentions
