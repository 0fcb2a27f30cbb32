"""PDF files: text boxes in reading order by pdfminer.six, with running headers and footers
dropped, lines of a paragraph joined and words hyphenated at line ends mended."""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from tipgraph.corpus.errors import Unreadable

# A box in the top or bottom band of a page that recurs on most pages is a running header or footer.
_MARGIN_BAND = 0.12
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
_HYPHENATED = re.compile(r"(\w)-$")


@dataclass
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    y0: float
    in_margin: bool

    @property
    def key(self) -> str:
        """Its text with numbers blanked: "Page 3 of 40" and "Page 4 of 40" are one footer."""
        return re.sub(r"\d+", "#", " ".join(self.text.split()).lower())


def join_lines(lines: list[str]) -> str:
    """One paragraph from its printed lines: "traf-" + "ficking" is "trafficking";
    "anti-" + "Trafficking" keeps its hyphen; other lines join with a space."""
    text = ""
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if not text:
            text = line
        elif _HYPHENATED.search(text) and line[0].islower():
            text = text[:-1] + line
        elif text.endswith(("-", "–", "/")) and not text.endswith(" -"):
            text += line
        else:
            text += " " + line
    return text


def _lines(raw: bytes) -> tuple[list[list[_Line]], int]:
    """The printed lines of each page in reading order (pdfminer's), and the page count."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

    pages: list[list[_Line]] = []
    for number, page in enumerate(extract_pages(io.BytesIO(raw), laparams=LAParams())):
        height = page.height or 1
        lines: list[_Line] = []
        for element in page:
            if not isinstance(element, LTTextContainer):
                continue
            for line in element if not isinstance(element, LTTextLine) else [element]:
                if not isinstance(line, LTTextLine):
                    continue
                text = " ".join(line.get_text().split())
                if text:
                    in_margin = line.y0 > height * (1 - _MARGIN_BAND) or line.y1 < height * _MARGIN_BAND
                    lines.append(_Line(number, text, line.x0, line.x1, line.y0, in_margin))
        pages.append(lines)
    return pages, len(pages)


_ENDS_SENTENCE = re.compile(r"""[.!?:;]["'”’)\]]*$""")


def _paragraphs(page: list[_Line]) -> list[list[_Line]]:
    """Lines grouped into paragraphs: a paragraph ends at a wider gap than the page's line
    pitch, at a jump back up (a new column or box), or after a short line (a paragraph's
    last line, or a heading)."""
    if not page:
        return []
    gaps = sorted(a.y0 - b.y0 for a, b in zip(page, page[1:]) if a.y0 - b.y0 > 0)
    pitch = gaps[len(gaps) // 2] if gaps else 0
    left = min(line.x0 for line in page)
    right = max(line.x1 for line in page)
    short = left + 0.75 * (right - left)
    groups: list[list[_Line]] = [[page[0]]]
    for previous, line in zip(page, page[1:]):
        gap = previous.y0 - line.y0
        hyphenated = _HYPHENATED.search(previous.text) and line.text[:1].islower()
        if gap <= 0 or (pitch and gap > 1.3 * pitch) or (previous.x1 < short and not hyphenated):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def read_pdf(raw: bytes) -> tuple[str, dict[str, str]]:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        pages, count = _lines(raw)
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise Unreadable("encrypted PDF; save an unprotected copy") from None
    except (PDFSyntaxError, PSException) as exc:
        raise Unreadable(f"not a readable PDF: {' '.join(str(exc).split())[:120] or type(exc).__name__}") from None
    except Exception as exc:  # pdfminer raises many types for damaged files
        raise Unreadable(f"not a readable PDF: {type(exc).__name__}: {' '.join(str(exc).split())[:120]}") from None
    recurring = Counter(key for page in pages for key in {line.key for line in page if line.in_margin})
    paragraphs: list[str] = []
    for page in pages:
        body = [
            line for line in page
            if not (line.in_margin and (_PAGE_NUMBER.match(line.text) or (count >= 2 and recurring[line.key] >= max(2, count // 2))))
        ]
        for number, group in enumerate(_paragraphs(body)):
            paragraph = join_lines([line.text for line in group])
            if number == 0 and paragraphs and not _ENDS_SENTENCE.search(paragraphs[-1]) and not paragraphs[-1].isupper():
                # a paragraph running on over the page break
                paragraphs[-1] = join_lines([paragraphs[-1], paragraph])
            else:
                paragraphs.append(paragraph)
    return "\n\n".join(p for p in paragraphs if p), {}
