"""Decoding plain-text files: UTF-8 (with or without BOM), UTF-16/32 with a BOM, and the
single-byte Western code pages (cp1252, latin-1) that Windows editors still save."""
from __future__ import annotations

import codecs
import unicodedata

from tipgraph.corpus.errors import Unreadable

# A BOM names its encoding outright; UTF-32 first, since its LE BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# cp1252's printable extras in 0x80-0x9F: typographic quotes, dashes, the euro sign ...
_WESTERN_GUESSES = {
    "cp1252", "latin_1", "iso8859_15", "iso8859_2", "iso8859_9", "cp1250", "cp1254", "cp1257", "mac_roman",
    "mac_latin2", "cp850", "cp858", "cp437", "hp_roman8", "iso8859_3", "iso8859_4", "iso8859_10", "iso8859_13",
    "iso8859_14", "iso8859_16", "cp1258", "cp775", "cp863", "cp865",
}
_CP1252_EXTRAS = set(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))


def universal_newlines(text: str) -> str:
    """Line ends as Python's text mode reads them ("\r\n" and "\r" become "\n"), so offsets
    slice the text a user gets from `open(path, encoding=...).read()`."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_western(text: str) -> bool:
    """Every non-ASCII character a Latin letter, a mark, or common punctuation or symbol."""
    for ch in set(text):
        if ch < "\x80" or ch in _CP1252_EXTRAS:
            continue
        category = unicodedata.category(ch)
        if category.startswith("C"):
            return False
        if category.startswith("L") and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises Unreadable with the reason."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise Unreadable(f"starts with a {encoding} byte-order mark but is not {encoding} ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in raw:
        raise Unreadable("binary file (contains NUL bytes); a corpus holds text files only")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    detected = best.encoding if best is not None else None
    # Short Western texts are often guessed as a neighbouring code page; cp1252 (of which
    # latin-1's printable range is a part) is what Windows saves them in.
    if detected is None or detected in _WESTERN_GUESSES:
        for encoding in ("cp1252", "latin-1"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252
                continue
            if _is_western(text):
                return text, encoding
    if best is None or detected is None or best.chaos > 0.2:
        raise Unreadable("not UTF-8 and its encoding cannot be detected; save it as UTF-8")
    return str(best), detected
