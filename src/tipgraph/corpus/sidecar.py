"""metadata.yaml: per-document metadata, every value checked before it is used."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from tipgraph.graphio import TipgraphError
from tipgraph.model import GENRES

SIDECAR_NAMES = ("metadata.yaml", "metadata.yml")
SIDECAR_KEYS = {"title", "date", "genre", "speaker", "author", "publisher", "source_url", "place"}
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>\"{}|\\^`]+")


class _Loader(yaml.SafeLoader):
    """YAML without its timestamp type: a date stays the text written, checked here with the
    file, key and value named (PyYAML itself fails on "2022-13-45" naming none of them)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def calendar_date(value: str) -> str | None:
    """`value` when it is YYYY, YYYY-MM or YYYY-MM-DD and a day of the calendar, else None."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return value


def _checked_value(path: Path, file_name: str, key: str, value) -> str:
    where = f"{path}: {key} {value!r} for {file_name!r}"
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, dict, set)):
        raise TipgraphError(f"{where} must be a single value, not a {type(value).__name__}")
    text = " ".join(str(value).split())
    if not text:
        raise TipgraphError(f"{where} is empty")
    if key == "date":
        # YAML's own timestamp form allows "2022-3-3"; the graph's dates are zero-padded
        padded = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", text)
        if padded:
            text = "-".join([padded.group(1)] + [f"{int(g):02d}" for g in padded.groups()[1:] if g])
    if key == "date" and calendar_date(text) is None:
        raise TipgraphError(f"{where} is not a calendar date (YYYY-MM-DD, YYYY-MM or YYYY)")
    if key == "genre" and text not in GENRES:
        raise TipgraphError(f"{where} is not one of {list(GENRES)}")
    if key == "source_url" and not _URL.fullmatch(text):
        raise TipgraphError(f"{where} is not an absolute URL")
    return text


def read_sidecar(folder: Path) -> dict[str, dict]:
    for name in SIDECAR_NAMES:
        path = folder / name
        if not path.is_file():
            continue
        try:
            data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_Loader) or {}
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
            first_line = " ".join(str(exc).split())[:200]
            raise TipgraphError(f"{path}: cannot read metadata: {first_line}") from None
        if not isinstance(data, dict):
            raise TipgraphError(f"{path}: expected a mapping of file name to metadata")
        checked: dict[str, dict] = {}
        for file_name, meta in data.items():
            if not isinstance(meta, dict):
                raise TipgraphError(f"{path}: metadata for {file_name!r} must be a mapping")
            unknown = set(meta) - SIDECAR_KEYS
            if unknown:
                raise TipgraphError(
                    f"{path}: unknown metadata key(s) {sorted(map(str, unknown))} for {file_name!r}"
                    f" (known: {sorted(SIDECAR_KEYS)})"
                )
            checked[str(file_name)] = {
                key: _checked_value(path, str(file_name), key, value) for key, value in meta.items() if value is not None
            }
        return checked
    return {}
