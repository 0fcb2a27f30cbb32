"""What every stage of claim extraction shares: word classes and phrase matching."""
from __future__ import annotations

import functools
import re

from tipgraph import model as m

ACTOR_CLASSES = m.ORGANIZATION_CLASSES | {m.PERSON, m.COUNTRY}
QUOTES_OPEN = "“\"‘«"
QUOTES_CLOSE = "”\"’»"
PRONOUNS_PERSON = {"he", "she"}
PRONOUNS_BODY = {"it"}
PRONOUNS_PLURAL = {"they"}
FIRST_PERSON = {"i", "we", "us", "me", "our", "my"}
RELATIVE = {"which", "who", "that"}
YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")


def normalise(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").lower().split())


@functools.lru_cache(maxsize=256)
def _phrase_patterns(phrases: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple(
        (phrase, re.compile(rf"(?<![\w-]){re.escape(phrase.lower())}(?![\w-])" if phrase[-1].isalnum()
                            else rf"(?<![\w-]){re.escape(phrase.lower())}"))
        for phrase in phrases if phrase
    )


def has_phrase(text: str, phrases) -> str | None:
    """The first phrase found in `text` (lower case) on word boundaries."""
    for phrase, pattern in _phrase_patterns(tuple(phrases or ())):
        if pattern.search(text):
            return phrase
    return None

