"""Full dates written in a document: found by shape, read and checked by python-dateutil.

The patterns only find where a date may be written ("29 July 2021",
"November 10, 2016", "19.12.2013", "24 january / 2023", "July 30/August 31 2020");
dateutil reads the month names and ordinals and rejects what is not on the
calendar ("31 February 2021" is not a date).
"""
from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as date_parser

_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
# bodies with French as an official language (the Council of Europe, the UN in Geneva) stamp texts in it:
# "New York, lundi 10 mars 2014"; written day first only
_FRENCH_MONTHS = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
                  "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12}
_MONTH = rf"(?P<month>(?:{_MONTH_NAMES})\.?)"
_MONTH_DAY_FIRST = rf"(?P<month>(?:{_MONTH_NAMES}|{'|'.join(_FRENCH_MONTHS)})\.?)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|2\d)\d{2})"
# a second day (or month and day) after the first: "July 30/August 31 2020", "17-18 November 2003"
_SECOND_DAY = rf"(?:\s*[/–-]\s*(?:(?:{_MONTH_NAMES})\.?\s+)?\d{{1,2}}(?:st|nd|rd|th)?)?"
_SECOND_DAY_FIRST = r"(?:\s*(?:[/–-]|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"

DATE_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<mnum>\d{{2}})-(?P<day>\d{{2}})\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}{_SECOND_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    # ("Saturday 4th, April 2020": a comma after an ordinal day)
    re.compile(rf"\b{_DAY}{_SECOND_DAY_FIRST}(?:(?<=st|nd|rd|th|ST|ND|RD|TH),)?\s+(?:of\s+)?{_MONTH_DAY_FIRST}(?:\s*[,/]\s*|\s+){_YEAR}\b",
               re.IGNORECASE),
    # day-first numeric dates are the European form these documents use ("19.12.2013")
    re.compile(rf"\b(?P<day>\d{{1,2}})\.(?P<mnum>\d{{1,2}})\.{_YEAR}\b"),
    # a year first is always followed by its month: "2022 12 05", "2022.12.05", "2022/12/05"
    re.compile(rf"\b{_YEAR}(?P<sep>[ ./])(?P<mnum>\d{{2}})(?P=sep)(?P<day>\d{{2}})\b(?![./]\d)"),
]
# "18/10/2013" is day first and "10/18/2013" month first, as the number over twelve shows; "06/01/2023" is
# either, and is read only as another date or a month the text names shows (`find_dates(context=...)`)
_SLASHED = re.compile(rf"\b(?P<first>\d{{1,2}})/(?P<second>\d{{1,2}})/{_YEAR}\b")
# a month named with a day ("8-15 May", "May 8"): "may" and "march" alone are verbs
_NAMED_MONTH = re.compile(rf"\d(?:st|nd|rd|th)?\s+(?P<after>{_MONTH_NAMES})\b|\b(?P<before>{_MONTH_NAMES})\.?\s+\d{{1,2}}\b",
                          re.IGNORECASE)
_DEFAULT = datetime(2000, 1, 1)


def _read(match: re.Match) -> str | None:
    """The ISO date a pattern match writes, or None when it is not on the calendar."""
    groups = match.groupdict()
    month = groups.get("mnum") or groups["month"].rstrip(".")
    month = str(_FRENCH_MONTHS.get(month.lower(), month))
    try:
        when = date_parser.parse(f"{groups['day']} {month} {groups['year']}", dayfirst=True, default=_DEFAULT)
    except (ValueError, OverflowError):
        return None
    return when.date().isoformat()


def _on_calendar(year: str, month: int, day: int) -> str | None:
    try:
        return datetime(int(year), month, day).date().isoformat()
    except ValueError:
        return None


def _slash_order(context: str) -> str | None:
    """ "day" or "month": which comes first in the slashed dates of `context`, as one over twelve shows."""
    for match in _SLASHED.finditer(context):
        first, second = int(match.group("first")), int(match.group("second"))
        if first > 12 >= second:
            return "day"
        if second > 12 >= first:
            return "month"
    return None


def _slashed(match: re.Match, context: str | None) -> str | None:
    first, second, year = int(match.group("first")), int(match.group("second")), match.group("year")
    if first > 12 or first == second:
        return _on_calendar(year, second, first)
    if second > 12:
        return _on_calendar(year, first, second)
    if context is None:
        return None
    order = _slash_order(context)
    if order:
        return _on_calendar(year, second, first) if order == "day" else _on_calendar(year, first, second)
    # a text is dated after what it reports: the reading whose month alone is not before the latest month the
    # text names ("between 8-15 May" under "06/01/2023" is 1 June, not 6 January)
    named = [date_parser.parse(f"1 {m.group('after') or m.group('before')} 2000", default=_DEFAULT).month
             for m in _NAMED_MONTH.finditer(context)]
    if not named:
        return None
    latest = max(named)
    readings = [(second, first), (first, second)]  # (month, day) day first, month first
    after = [(month, day) for month, day in readings if month >= latest]
    if len(after) != 1:
        return None
    return _on_calendar(year, *after[0])


def find_dates(text: str, context: str | None = None) -> list[tuple[str, int, int]]:
    """Every full date in `text` as (ISO date, start, end), in text order, without overlaps; `context` (the
    whole text) reads a slashed date whose numbers do not say which is the day."""
    found: list[tuple[str, int, int]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for _, start, end in found):
                continue
            iso = _read(match)
            if iso is not None:
                found.append((iso, match.start(), match.end()))
    for match in _SLASHED.finditer(text):
        if any(match.start() < end and start < match.end() for _, start, end in found):
            continue
        iso = _slashed(match, context)
        if iso is not None:
            found.append((iso, match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


def parse_date(text: str, context: str | None = None) -> tuple[str, int, int] | None:
    """The first full date in `text` as (ISO date, start, end)."""
    found = find_dates(text, context)
    return found[0] if found else None


_STAMP = re.compile(rf"^(?:(?:date|published|posted|updated)\s*:?\s*)?(?:{_MONTH}\s+)?{_YEAR}\.?$", re.IGNORECASE)
# "the 2024 World Day Against Trafficking in Persons": an annual occasion named with its year
_OCCASION_YEAR = re.compile(rf"\bthe\s+{_YEAR}\s+(?:[A-Z][\w’'-]+)")
# "the 2012 UNODC Global Trafficking in Persons Report", "the 2003 OSCE Action Plan": the year of a report or
# of an instrument, not of the text
_REPORT_AFTER = re.compile(r"(?:[\w’'-]+\s+){0,7}(?:Reports?|Plan|Strategy|Convention|Protocol|Declaration|Resolution|"
                           r"Programme|Program|Agenda|Memorandum|Law|Act|Decision)\b")


def stamp_month_or_year(line: str) -> str | None:
    """A header line that is only a month and year or a year ("May 2022", "2019") as YYYY-MM or YYYY."""
    match = _STAMP.match(line.strip())
    if not match:
        return None
    if match.group("month"):
        try:
            when = date_parser.parse(f"1 {match.group('month').rstrip('.')} {match.group('year')}", default=_DEFAULT)
        except (ValueError, OverflowError):
            return None
        return when.strftime("%Y-%m")
    return match.group("year")


def occasion_year(paragraph: str) -> str | None:
    """The year of the occasion a report's lede names ("at the 2024 World Day ..."), when it names one year."""
    found = list(_OCCASION_YEAR.finditer(paragraph))
    years = {match.group("year") for match in found}
    if len(years) != 1 or all(_REPORT_AFTER.match(paragraph, match.end("year") + 1) for match in found):
        return None
    return years.pop()


# a year a title writes for its occasion: "World Day Against Trafficking in Persons 2024: ...", "2019 Speech on ..."
_TITLE_YEAR = re.compile(r"(?<![\w(/.-])(?P<year>(?:19|20)\d{2})(?![\w)/.-])")
_YEAR_OF_SOMETHING_ELSE = re.compile(r"(?i)\b(?:since|until|before|after|by|from|in|of|to|through|resolution|decision|"
                                     r"no\.?|number|meeting|session)\s+$")


def title_year(line: str) -> str | None:
    """The one year a title line names for its occasion, not a year it says is another's ("since 2000",
    "the 2003 Action Plan", "Resolution 2388 (2017)")."""
    years = []
    for match in _TITLE_YEAR.finditer(line):
        if _YEAR_OF_SOMETHING_ELSE.search(line[: match.start()]) or _REPORT_AFTER.match(line, match.end() + 1):
            return None
        years.append(match.group("year"))
    return years[0] if len(set(years)) == 1 else None
