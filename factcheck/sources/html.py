"""Sources stage, web pages: HTML bytes -> Document with the article's main text and its metadata.

Input: the page's bytes, the charset its server or markup declares, and its address when known.
Output: a Document whose text is the article alone — headline, standfirst, body paragraphs,
captions and tables kept; navigation, page header and footer, reader comments and related-article
teasers dropped — as trafilatura extracts it, one paragraph a line; with title, site name, author,
canonical address, and the published and updated days that htmldate reads from the page's markup
(`article:published_time`, JSON-LD `datePublished`, `<time>`), else from its address.

htmldate runs without its free-text search: a date in the page's prose or in a reader's comment is
not the publication date, and the text's own header, dateline and inference handle prose later.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from contextlib import contextmanager
from urllib.parse import urlsplit

from factcheck.models import RefDateOrigin, SourceFormat
from factcheck.sources.decode import SkipSource, decode
from factcheck.sources.document import DatedBy, Document, parse_day

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_NOISY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")
_MIN_WORDS = 4  # an article has at least one line of prose this long
_TITLE_LOOKAHEAD = 3  # the headline counts as present when one of the first lines is it


def looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower()


def load_html(data: bytes, *, where: str, url: str | None = None, charset: str | None = None) -> Document:
    declared = charset or _declared_charset(data)
    decoded = decode(data, declared=declared, where=where)
    markup = _XML_DECLARATION.sub("", decoded.text, count=1)  # lxml refuses str with an encoding declaration
    try:
        with _quiet():
            extracted = _extract(markup, url)
            published, updated = _dates(markup, url)
    except SkipSource:
        raise
    except Exception as exc:  # a parser failing on a hostile page must cost that page only
        raise SkipSource(f"cannot extract the article ({type(exc).__name__}: {exc})", path=where) from None
    body, meta = extracted
    text, title_span = _with_title(body, meta.get("title"))
    outlet = meta.get("sitename") or (urlsplit(url).hostname if url else None)
    return Document(text=text, format=SourceFormat.HTML, encoding=decoded.encoding, encoding_note=decoded.note,
                    title=meta.get("title"), title_span=title_span, outlet=outlet, author=meta.get("author"),
                    url=meta.get("url") or url, published=published, updated=updated)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _extract(markup: str, url: str | None) -> tuple[str, dict]:
    import trafilatura

    # favor_precision: page furniture carries figures too ("index up 3.5%"); the dates are read by
    # _dates, so trafilatura's own date search stays in the markup (its prose search costs seconds)
    doc = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                      favor_precision=True, include_tables=True, include_images=False,
                                      include_links=False, deduplicate=False,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    body = (doc.text or "").strip() if doc is not None else ""
    if not any(len(line.split()) >= _MIN_WORDS for line in body.split("\n")):
        raise SkipSource("no article text found in the page")  # at best a menu ("Home") was left
    meta = {name: _clean(getattr(doc, name, None)) for name in ("title", "sitename", "author", "url")}
    return body, meta


def _dates(markup: str, url: str | None) -> tuple[DatedBy | None, dt.date | None]:
    from htmldate import find_date

    published = updated = None
    found = find_date(markup, extensive_search=False, original_date=True)
    day = parse_day(found) if found else None
    if day:
        published = DatedBy(day=day, origin=RefDateOrigin.HTML_META, confidence="high",
                            note=f"page metadata: published {found}")
    elif url:
        found = find_date("<html><body></body></html>", url=url, extensive_search=False)
        day = parse_day(found) if found else None
        if day:
            published = DatedBy(day=day, origin=RefDateOrigin.URL, confidence="medium",
                                note=f"date in the page address: {url}")
    last = find_date(markup, extensive_search=False, original_date=False)
    last_day = parse_day(last) if last else None
    if last_day and (published is None or last_day != published.day):
        updated = last_day
    return published, updated


def _with_title(body: str, title: str | None) -> tuple[str, tuple[int, int] | None]:
    """The body, led by the headline: where trafilatura kept it, its line; else prepended."""
    if not title:
        return body, None
    want = _norm(title)
    pos = 0
    for _ in range(_TITLE_LOOKAHEAD):
        nl = body.find("\n", pos)
        end = len(body) if nl == -1 else nl
        if _norm(body[pos:end]) == want:
            return body, (pos, end)
        if nl == -1:
            break
        pos = nl + 1
    return f"{title}\n{body}", (0, len(title))


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


@contextmanager
def _quiet():
    """Parsers log what they discard at WARNING; a user sees our one-line skips instead."""
    loggers = [logging.getLogger(name) for name in _NOISY_LOGGERS]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels):
            lg.setLevel(level)
