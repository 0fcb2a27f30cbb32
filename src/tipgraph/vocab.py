"""Vocabulary data from `ontology/`: gazetteers and lexicons, loaded once.

Code never lists names, trigger words or keywords itself; it asks this
module, which reads them from YAML files a domain expert can edit.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tipgraph import ontology_dir
from tipgraph.graphio import TipgraphError


@dataclass(frozen=True)
class KnownEntity:
    """An entity known in advance, with every name it goes by."""

    key: str  # "country:ALB", "org:OSCE", "region:Western-Balkans", "instrument:SDGs"
    cls: str
    name: str
    case_sensitive_names: tuple[str, ...]  # acronyms, country names, demonyms
    case_insensitive_names: tuple[str, ...]  # long names, spelled many ways
    context_names: tuple[str, ...] = ()  # ordinary words: match only in a reporting context
    qid: str | None = None
    part_of: str | None = None  # key of the parent
    country: str | None = None  # ISO alpha-3 of a national body
    iso3: str | None = None
    demonyms: tuple[str, ...] = ()
    ambiguous_demonyms: tuple[str, ...] = ()  # shared with another country ("Kyrgyz", "Korean")
    member_countries: tuple[str, ...] = ()
    osce_participating_state: bool = False


@dataclass
class Vocabulary:
    entities: dict[str, KnownEntity]
    lexicons: dict[str, dict] = field(default_factory=dict)
    # city or town name -> ISO alpha-3 of its country, None when towns of that name lie in several
    places: dict[str, str | None] = field(default_factory=dict)

    def lexicon(self, name: str) -> dict:
        return self.lexicons.get(name, {})

    def country_by_iso3(self, iso3: str) -> KnownEntity | None:
        return self.entities.get(f"country:{iso3}")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError:
        return None
    except (OSError, yaml.YAMLError) as exc:
        raise TipgraphError(f"{path}: cannot read vocabulary: {' '.join(str(exc).split())[:200]}") from None


def _split_names(names) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Short or all-capital names must match exactly; long mixed-case names fold case."""
    exact, folded = [], []
    for name in names or ():
        name = str(name).strip()
        if not name:
            continue
        if name.lower() == name or (any(c.islower() for c in name) and len(name.split()) >= 3):
            folded.append(name)
        else:
            exact.append(name)
    return tuple(exact), tuple(folded)


def _countries(data) -> list[KnownEntity]:
    out = []
    for row in data or ():
        demonyms = tuple(row.get("demonyms") or ())
        exact, folded = _split_names([row["name"], *(row.get("aliases") or ())])
        out.append(
            KnownEntity(
                key=f"country:{row['iso3']}",
                cls="Country",
                name=row["name"],
                case_sensitive_names=exact + demonyms,
                case_insensitive_names=folded,
                qid=row.get("qid"),
                iso3=row["iso3"],
                demonyms=demonyms,
                ambiguous_demonyms=tuple(row.get("ambiguous_demonyms") or ()),
                osce_participating_state=bool(row.get("osce_participating_state")),
            )
        )
    return out


def _named(row: dict, key: str, cls: str, **fields) -> KnownEntity:
    """An organisation, region or instrument: acronyms match exactly, names by `_split_names`."""
    exact, folded = _split_names([row["name"], *(row.get("aliases") or ())])
    return KnownEntity(
        key=key,
        cls=cls,
        name=row["name"],
        case_sensitive_names=tuple(row.get("acronyms") or ()) + exact,
        case_insensitive_names=folded,
        qid=row.get("qid"),
        **fields,
    )


def _organizations(data) -> list[KnownEntity]:
    return [
        _named(
            row,
            f"org:{row['id']}",
            row.get("class") or "Organization",
            context_names=tuple(row.get("ambiguous_aliases") or ()),
            part_of=f"org:{row['part_of']}" if row.get("part_of") else None,
            country=row.get("country"),
        )
        for row in data or ()
    ]


def _regions(data) -> list[KnownEntity]:
    return [
        _named(row, f"region:{row['id']}", "Region", member_countries=tuple(row.get("countries") or ()))
        for row in data or ()
    ]


def _instruments(data) -> list[KnownEntity]:
    return [_named(row, f"instrument:{row['id']}", "Instrument") for row in data or ()]


_MEMO_FOLDER: list[Path] = []  # where parsed vocabularies are kept (remember_vocabulary_in)
MEMO_PREFIX = "vocabulary-"


def remember_vocabulary_in(folder: Path | None) -> None:
    """Keep the vocabulary this process parses, pickled, in `folder` (a build's cache), and read
    it from there while its files hold the same bytes: parsing the YAML takes a second or two
    of every build, a large part of a rebuild after one document changed."""
    _MEMO_FOLDER[:] = [Path(folder)] if folder is not None else []


def _vocabulary_files(base: Path) -> list[Path]:
    gazetteer = base / "gazetteer"
    names = ("countries.yaml", "organizations.yaml", "regions.yaml", "instruments.yaml", "places.yaml")
    return [gazetteer / name for name in names] + sorted((base / "lexicon").glob("*.yaml"))


def _memo_path(base: Path) -> Path | None:
    """The memo entry for the vocabulary under `base`: named by the digest of this module, the
    YAML library and every file the vocabulary is read from."""
    if not _MEMO_FOLDER or not _MEMO_FOLDER[0].is_dir():
        return None
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(f"\0{yaml.__version__}\0{_LOADER.__name__}".encode())
    for path in _vocabulary_files(base):
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            content = None
        except OSError:
            return None
        digest.update(f"\0{path.relative_to(base).as_posix()}\0{-1 if content is None else len(content)}\0".encode())
        digest.update(content or b"")
    return _MEMO_FOLDER[0] / f"{MEMO_PREFIX}{digest.hexdigest()[:32]}.pickle"


@functools.lru_cache(maxsize=4)
def load_vocabulary(root: str | None = None) -> Vocabulary:
    base = Path(root) if root else ontology_dir()
    memo = _memo_path(base)
    if memo is not None:
        from tipgraph.cache import verified_payload

        with contextlib.suppress(Exception):  # an unreadable or foreign entry: parsed again
            payload = verified_payload(memo.read_bytes())
            if payload is not None:
                vocabulary = pickle.loads(payload)
                if isinstance(vocabulary, Vocabulary):
                    return vocabulary
    vocabulary = _parsed_vocabulary(base)
    if memo is not None:
        from tipgraph.cache import write_entry

        write_entry(memo, pickle.dumps(vocabulary, protocol=pickle.HIGHEST_PROTOCOL))
        for other in memo.parent.glob(f"{MEMO_PREFIX}*.pickle"):
            if other != memo:
                with contextlib.suppress(OSError):
                    other.unlink()
    return vocabulary


def _parsed_vocabulary(base: Path) -> Vocabulary:
    gazetteer = base / "gazetteer"
    entities: dict[str, KnownEntity] = {}
    for reader, file_name in (
        (_countries, "countries.yaml"),
        (_organizations, "organizations.yaml"),
        (_regions, "regions.yaml"),
        (_instruments, "instruments.yaml"),
    ):
        for entity in reader(_read_yaml(gazetteer / file_name)):
            entities[entity.key] = entity
    lexicons = {}
    for path in sorted((base / "lexicon").glob("*.yaml")):
        lexicons[path.stem] = _read_yaml(path) or {}
    places: dict[str, str | None] = {}
    for iso3, names in sorted((_read_yaml(gazetteer / "places.yaml") or {}).items()):
        for name in names or ():
            places[name] = iso3 if places.get(name, iso3) == iso3 else None
    return Vocabulary(entities=entities, lexicons=lexicons, places=places)
