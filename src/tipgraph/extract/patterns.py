"""Compiled regular expressions for patterns the extractors build from vocabulary words.

The lexicons give more than a thousand words that are searched as patterns of their own ("(?<![\\w-])word(?![\\w-])"),
more than `re`'s own cache holds (512): without this cache most of them were compiled again for every
document."""
from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=8192)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


@functools.lru_cache(maxsize=8192)
def word_pattern(word: str, tail: str = "") -> re.Pattern[str]:
    """`word` between word boundaries that count a hyphen as part of a word ("anti-trafficking" holds no
    "trafficking"); `tail` is appended as is."""
    return compiled(rf"(?<![\w-]){re.escape(word)}(?![\w-]){tail}")
