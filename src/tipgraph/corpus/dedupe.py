"""The same article saved twice: identical or near-identical texts are one document.

Near-identical means most word 5-grams shared (Jaccard >= 0.8), or nearly all of the
shorter text's 5-grams in the longer one with lengths close (a page saved as .html and
as .txt, where one copy keeps a few lines of navigation the other lost)."""
from __future__ import annotations

import hashlib
import re
from array import array
from collections import defaultdict
from itertools import islice

_WORD = re.compile(r"\w+")
_SKETCH = 48
JACCARD = 0.8
CONTAINMENT = 0.95
LENGTH_RATIO = 0.75
# Both tests need at least 8/9 of the shorter text's shingles in the other (a Jaccard of 0.8
# does: 1.8 shared >= 0.8 (a + b) >= 1.6 small). A pair is first tried on this share of them:
# when those alone miss more than a ninth of its shingles, it is not one text, without the
# full comparison (most candidate pairs end there).
SAMPLE = 0.2


def _shingles(text: str) -> set[int]:
    words = _WORD.findall(text.casefold())
    if len(words) < 5:
        words = [" ".join(words)] if words else []
        return {int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "big") for w in words}
    return {
        int.from_bytes(hashlib.blake2b(" ".join(words[i : i + 5]).encode(), digest_size=8).digest(), "big")
        for i in range(len(words) - 4)
    }


class DuplicateMemo:
    """What an earlier reading of a corpus learnt, for the next one (tipgraph.cache keeps it).

    Whether two texts are one text depends on those two texts alone, so the verdicts an
    earlier run reached on pairs of texts that are still there hold again: only pairs with
    a new text are compared. Texts are known by their sha256; the memo holds, for every
    text of the last run, its sketch and its shingles (to compare it with a new text), and
    the pairs of them that were found to be one text."""

    def __init__(self) -> None:
        self.sketches: dict[bytes, tuple[int, ...]] = {}
        self.shingles: dict[bytes, bytes] = {}  # sorted shingles as array("Q") bytes
        self.same: set[tuple[bytes, bytes]] = set()  # (smaller digest, larger digest)


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def duplicate_groups(texts: list[str], memo: DuplicateMemo | None = None) -> list[list[int]]:
    """Groups of indexes (each sorted, groups in order of their first) of texts that are one text.

    With a `memo` of an earlier run, pairs of texts that run saw are not compared again; the
    memo is then made to describe this run's texts. The groups are the same either way."""
    digests = [_digest(t) for t in texts] if memo is not None else []
    known = set(memo.sketches) if memo is not None else set()
    shingle_sets: dict[int, set[int]] = {}
    samples: dict[int, set[int]] = {}

    def shingles_of(i: int) -> set[int]:
        found = shingle_sets.get(i)
        if found is None:
            if memo is not None and digests[i] in known:
                found = set(array("Q", memo.shingles[digests[i]]))
            else:
                found = _shingles(texts[i])
            shingle_sets[i] = found
        return found

    def sample_of(i: int) -> set[int]:
        found = samples.get(i)
        if found is None:
            shingles = shingles_of(i)
            found = samples[i] = set(islice(shingles, int(len(shingles) * SAMPLE) + 1))
        return found

    def one_text(i: int, j: int) -> bool:
        a, b = shingles_of(i), shingles_of(j)
        return _one_text(a, b, sample_of(i) if len(a) <= len(b) else sample_of(j))

    sketches: list[tuple[int, ...]] = []
    for i in range(len(texts)):
        if memo is not None and digests[i] in known:
            sketches.append(memo.sketches[digests[i]])
        else:
            sketches.append(tuple(sorted(shingles_of(i))[:_SKETCH]))
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
    for i, sketch in enumerate(sketches):
        for value in sketch:
            index[value].append(i)
    if memo is None:
        compared: set[tuple[int, int]] = set()
        for members in index.values():
            for a_pos, i in enumerate(members):
                for j in members[a_pos + 1 :]:
                    if (i, j) not in compared:
                        compared.add((i, j))
                        if one_text(i, j):
                            union(i, j)
    else:
        # Pairs of texts the earlier run saw: its verdicts. The same text twice is one text
        # (it has shingles when it has a sketch). Only pairs with a new text are compared.
        where: dict[bytes, list[int]] = defaultdict(list)
        for i, digest in enumerate(digests):
            where[digest].append(i)
        for members in where.values():
            for j in members[1:]:
                if sketches[j]:
                    union(members[0], j)
        same = {pair for pair in memo.same if pair[0] in where and pair[1] in where}
        for a, b in same:
            union(where[a][0], where[b][0])
        for digest, members in where.items():
            if digest in known:
                continue
            i = members[0]
            for j in sorted({j for value in sketches[i] for j in index[value]}):
                if digests[j] == digest or (digests[j] not in known and digests[j] < digest):
                    continue  # itself, or a pair of new texts met from the other one
                if one_text(i, j):
                    union(i, j)
                    same.add((min(digest, digests[j]), max(digest, digests[j])))
        for digest, members in where.items():
            if digest not in known:
                memo.sketches[digest] = sketches[members[0]]
                memo.shingles[digest] = array("Q", sorted(shingles_of(members[0]))).tobytes()
        for digest in [d for d in memo.sketches if d not in where]:
            del memo.sketches[digest], memo.shingles[digest]
        memo.same = same
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _one_text(a: set[int], b: set[int], sample: set[int] | None = None) -> bool:
    """`sample`: some of the shingles of the one with fewer (SAMPLE)."""
    if not a or not b:
        return False
    small, large = sorted((len(a), len(b)))
    if 4 * small < 3 * large:  # neither test can hold (a Jaccard of 0.8 needs small/large >= 0.8)
        return False
    if sample is not None:
        smaller, other = (a, b) if len(a) <= len(b) else (b, a)
        if 9 * (len(sample) - len(sample & other)) > len(smaller):
            return False
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) >= JACCARD or (
        shared / small >= CONTAINMENT and small / large >= LENGTH_RATIO
    )
