"""Figures: the quantity, unit and period a statistic cites."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from tipgraph.extract.claims.common import YEAR
from tipgraph.model import ClaimRecord, Span, reference
from tipgraph.extract.patterns import word_pattern


_UNIT_WORDS = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
               "sixteen|seventeen|eighteen|nineteen")
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALE_WORDS = "hundred|thousand|million|billion"
# a run of number words that starts with a count ("two hundred", "one hundred and fifty",
# "twenty-five"); a bare "hundreds" or "a hundred" is left to the lexicon's words
_NUMBER_RUN = re.compile(
    rf"\b(?:{_UNIT_WORDS}|{_TENS_WORDS})\b(?:(?:[\s-]+|\s+and\s+)(?:{_UNIT_WORDS}|{_TENS_WORDS}|{_SCALE_WORDS})\b)*(?![\w-])",
    re.IGNORECASE,
)


def number_words_to_digits(text: str, smallest: int = 3) -> str:
    """Numbers written in words as digits, parsed by text2num: "two hundred victims" ->
    "200 victims", "one hundred and fifty" -> "150", "seventy percent" -> "70 percent".
    Counts below `smallest` stay words ("one of the", "two countries" are left to the lexicon)."""
    from text_to_num import text2num

    def replace(match: re.Match) -> str:
        words = match.group()
        try:
            value = text2num(" ".join(words.lower().split()), "en")
        except ValueError:
            return words
        return str(value) if value >= smallest else words

    return _NUMBER_RUN.sub(replace, text)


def decimal_text(value: Decimal) -> str:
    try:
        normal = value.normalize()
    except InvalidOperation:
        return str(value)
    text = format(normal, "f")
    return text


class FiguresMixin:
    _MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"

    _MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b")

    _MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$")

    def quantity(self, text: str, vague: bool = True) -> tuple[str | None, str | None]:
        spec = self.lexicon.get("Statistic") or {}
        words = {str(k).lower(): v for k, v in (spec.get("number_words") or {}).items()}
        if vague:
            words.update({str(k).lower(): v for k, v in (spec.get("vague_words") or {}).items()})
        multipliers = {str(k).lower(): v for k, v in (spec.get("multipliers") or {}).items()}
        flat = number_words_to_digits(text.replace("\u2019", "'"))
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
            return decimal_text(value), unit
        lowered = flat.lower()
        for word in sorted(words, key=len, reverse=True):
            match = word_pattern(word, r"(?! of\b)").search(lowered) if word in lowered else None
            if match:
                value = Decimal(str(words[word]))
                end = match.end()
                scale = re.match(r"\s+(thousand|million|billion)\b", lowered[end:])
                if scale:
                    value *= multipliers.get(scale.group(1), 1)
                    end += scale.end()
                return decimal_text(value), self._unit_after(flat, end)
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
