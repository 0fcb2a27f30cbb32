"""Saved web pages: the article's main text and its metadata, by trafilatura."""
from __future__ import annotations

import re

from tipgraph.corpus.encoding import decode, universal_newlines
from tipgraph.corpus.errors import Unreadable
from tipgraph.corpus.sidecar import calendar_date

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _page_source(raw: bytes) -> str:
    """The page as text, in the charset its <meta> declares, else as a text file is decoded."""
    declared = _CHARSET.search(raw[:4096])
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(raw)[0]


def read_html(raw: bytes) -> tuple[str, dict[str, str]]:
    """(main text with the headline as its first line, metadata: title, author, date, publisher, source_url)."""
    import trafilatura

    source = _page_source(raw)
    if not source.strip():
        return "", {}
    try:
        extracted = trafilatura.bare_extraction(
            source, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False,
        )
    except Exception as exc:  # lxml and trafilatura raise many types for broken markup
        raise Unreadable(f"cannot extract the page's text: {type(exc).__name__}: {' '.join(str(exc).split())[:120]}") from None
    if extracted is None:
        return "", {}
    text = universal_newlines(extracted.text or "").strip()
    meta: dict[str, str] = {}
    title = " ".join((extracted.title or "").split())
    author = " ".join((extracted.author or "").split()).split(";")[0].strip()
    sitename = " ".join((extracted.sitename or "").split())
    # The page's own header, as printed above the story, where extraction dropped it:
    # headline, byline and site name, so the text's cues (and its entities) see them too.
    header = []
    if title:
        header.append(title)
        if text.startswith(title):
            text = text[len(title):].lstrip("\n")
    if author and author not in text[:2000]:
        header.append(f"By {author}")
    if sitename and sitename not in text[:2000]:
        header.append(sitename)
    if header:
        text = "\n".join(header) + ("\n\n" + text if text else "")
    text = text.strip()
    if title:
        meta["title"] = title
    if author:
        meta["author"] = author
    if extracted.date and calendar_date(extracted.date):
        meta["date"] = extracted.date
    if sitename:
        meta["publisher"] = sitename
    # og:type "article" or a schema.org NewsArticle, with a byline: the page says it is a news story
    pagetype = (extracted.pagetype or "").lower()
    if pagetype.endswith("newsarticle") or (pagetype == "article" and author):
        meta["genre"] = "NewsArticle"
    if extracted.url and re.match(r"https?://\S+$", extracted.url):
        meta["source_url"] = extracted.url
    return text, meta
