"""The same article saved twice: identical or near-identical texts are one document.

Near-identical means most word 5-grams shared (Jaccard >= 0.8), or nearly all of the
shorter text's 5-grams in the longer one with lengths close (a page saved as .html and
as .txt, where one copy keeps a few lines of navigation the other lost)."""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict

_WORD = re.compile(r"\w+")
_SKETCH = 48
JACCARD = 0.8
CONTAINMENT = 0.95
LENGTH_RATIO = 0.75


def _shingles(text: str) -> set[int]:
    words = _WORD.findall(text.casefold())
    if len(words) < 5:
        words = [" ".join(words)] if words else []
        return {int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "big") for w in words}
    return {
        int.from_bytes(hashlib.blake2b(" ".join(words[i : i + 5]).encode(), digest_size=8).digest(), "big")
        for i in range(len(words) - 4)
    }


def duplicate_groups(texts: list[str]) -> list[list[int]]:
    """Groups of indexes (each sorted, groups in order of their first) of texts that are one text."""
    shingles = [_shingles(t) for t in texts]
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    # candidate pairs share an entry of their bottom-k sketch; only those are compared in full
    index: dict[int, list[int]] = defaultdict(list)
    for i, sh in enumerate(shingles):
        for value in sorted(sh)[:_SKETCH]:
            index[value].append(i)
    compared: set[tuple[int, int]] = set()
    for members in index.values():
        for a_pos, i in enumerate(members):
            for j in members[a_pos + 1 :]:
                if (i, j) in compared:
                    continue
                compared.add((i, j))
                a, b = shingles[i], shingles[j]
                if not a or not b:
                    continue
                shared = len(a & b)
                small, large = sorted((len(a), len(b)))
                if shared / (len(a) + len(b) - shared) >= JACCARD or (
                    shared / small >= CONTAINMENT and small / large >= LENGTH_RATIO
                ):
                    union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])
