"""Sources stage, PDF: bytes -> Document with the text of every page and where each printed line starts.

Input: a PDF's bytes. Output: a Document whose text is pypdf's text of each page, lines that a
paragraph wraps over joined again (a sentence is the unit extraction reads; "cease-\\nfire" ->
"cease-fire"), pages separated by a blank line; `pages` holds the offset where each page starts
and `line_starts` the offset where each printed line starts, so a fact's evidence cites the page
and the printed line a reader finds it on (`report.pdf p.3:12`). Title, author and creation date
come from the document information dictionary.
"""

from __future__ import annotations

import io
import logging
import re
import statistics

from factcheck.models import RefDateOrigin, SourceFormat
from factcheck.sources.decode import SkipSource
from factcheck.sources.document import DatedBy, Document

PDF_SUFFIXES = (".pdf",)

_WRAP_WIDTH = 0.6  # a line at least this share of the page's long lines is full: it wraps on
_HEADING_WIDTH = 0.8  # a line shorter than this share, without closing punctuation, is a heading
_SENTENCE_END = (".", "!", "?", "\u201d", '"', "\u2019", ")")
_LINE_END = _SENTENCE_END + (",", ";", ":")
_LIST_ITEM = re.compile(r"^\s*(?:[\u2022\u25aa\u25cf\u2013*-]|\d{1,2}[.)])\s")
_NON_TITLES = re.compile(r"(?i)^(?:untitled|microsoft word\b|document\d*$)|\.(?:docx?|pdf|indd|odt|rtf|tex|pptx?)$")


def looks_like_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def load_pdf(data: bytes, *, where: str) -> Document:
    from pypdf import PdfReader

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # pypdf warns about every repaired xref; a skip says what matters
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SkipSource("encrypted PDF (a password is needed to read its text)", path=where)
        page_texts = [page.extract_text() or "" for page in reader.pages]
        info = _info(reader)
    except SkipSource:
        raise
    except Exception as exc:  # a malformed PDF must cost that file only
        raise SkipSource(f"not a readable PDF ({type(exc).__name__}: {exc})", path=where) from None
    finally:
        logger.setLevel(level)
    text, pages, line_starts = reflow(page_texts)
    if not text.strip():
        raise SkipSource("PDF has no text layer (a scan? run OCR first)", path=where)
    return Document(text=text, format=SourceFormat.PDF, encoding="pdf", title=info.get("title"),
                    author=info.get("author"), published=info.get("published"), pages=pages,
                    line_starts=line_starts)


def reflow(page_texts: list[str]) -> tuple[str, list[int], list[int]]:
    """Join the pages' printed lines into paragraphs; return the text, page starts and line starts."""
    printed: list[tuple[int, str, float]] = []  # (page index, line, the page's long-line width)
    for n, raw in enumerate(page_texts):
        lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        lines = [ln for ln in lines if ln] or [""]  # pypdf marks no paragraph gaps: widths and endings tell
        widths = [len(ln) for ln in lines if ln]
        long = _long_line(widths) if widths else 0.0
        printed.extend((n, ln, long) for ln in lines)
    out: list[str] = []
    size = 0
    pages: list[int] = []
    line_starts: list[int] = []
    for i, (page, line, full) in enumerate(printed):
        if i:
            sep = _separator(printed[i - 1][1], line, printed[i - 1][2], page_break=page != printed[i - 1][0])
            out.append(sep)
            size += len(sep)
        if len(pages) <= page:
            pages.append(size)
        if line:
            line_starts.append(size)
        out.append(line)
        size += len(line)
    return "".join(out), pages, line_starts


def _long_line(widths: list[int]) -> float:
    """A page's typical full line: the upper quartile of its line lengths (headings are short)."""
    if len(widths) < 4:
        return max(widths)
    return statistics.quantiles(widths, n=4)[-1]


def _separator(line: str, nxt: str, long: float, *, page_break: bool = False) -> str:
    """What joins two printed lines: nothing (a hyphenated break), a space (a wrapped line) or a break."""
    brk = "\n\n" if page_break else "\n"
    if not line or not nxt or _LIST_ITEM.match(nxt) or len(line) < _WRAP_WIDTH * long:
        return brk  # a short line ends its paragraph
    if line.endswith("-") and not line.endswith(" -") and nxt[:1].islower():
        return ""  # a word or compound broken at the margin: keep its hyphen, drop the break
    if not line.endswith(_LINE_END) and len(line) < _HEADING_WIDTH * long and _opens(nxt):
        return brk  # a headline or heading: shorter than the text, no closing punctuation
    if line.endswith(_SENTENCE_END) and (page_break or len(nxt) < long * _HEADING_WIDTH
                                         and not nxt.endswith(_LINE_END)):
        return brk  # a page or a heading starts after a full stop
    return " "


def _opens(s: str) -> bool:
    return s[:1].isupper() or s[:1].isdigit() or s[:1] in "\"'\u201c\u2018("


def _info(reader) -> dict:
    try:
        meta = reader.metadata
    except Exception:  # a broken information dictionary only costs the metadata
        return {}
    if meta is None:
        return {}
    out: dict = {}
    title = _text(meta.get("/Title"))
    if title and not _NON_TITLES.search(title):
        out["title"] = title
    out["author"] = _text(meta.get("/Author"))
    try:
        created = meta.creation_date
    except Exception:
        created = None
    if created is not None:
        out["published"] = DatedBy(day=created.date(), origin=RefDateOrigin.PDF_METADATA, confidence="medium",
                                   note=f"PDF creation date: {created.date().isoformat()}")
    return out


def _text(value) -> str | None:
    if value is None:
        return None
    s = " ".join(str(value).split())
    return s or None
