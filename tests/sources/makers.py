"""Test inputs built in code: news-like HTML pages, minimal PDFs (no PDF library needed), JSONL corpora.

Everything here is written from text a test holds, so a test can compare what the loaders extract
with what went in.
"""

from __future__ import annotations

import html
import json
import textwrap


def news_page(title: str, paragraphs: list[str], *, published: str | None = None, modified: str | None = None,
              json_ld_date: str | None = None, site: str = "Daily Example", author: str | None = "Jane Reporter",
              canonical: str | None = None, comments: list[str] = (), related: list[str] = (),
              headline_in_article: bool = True) -> str:
    """A page shaped like a news site's: header and nav, the article, related teasers, comments, footer."""
    meta = [f'<meta property="og:site_name" content="{html.escape(site)}">',
            f'<meta property="og:title" content="{html.escape(title)}">']
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if modified:
        meta.append(f'<meta property="article:modified_time" content="{modified}">')
    if author:
        meta.append(f'<meta name="author" content="{html.escape(author)}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{html.escape(canonical)}">')
    if json_ld_date:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
              "datePublished": json_ld_date, "publisher": {"@type": "Organization", "name": site}}
        meta.append(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    headline = f"<h1>{html.escape(title)}</h1>" if headline_in_article else ""
    byline = f'<p class="byline">By <a href="/authors/x">{html.escape(author)}</a></p>' if author else ""
    teasers = "\n".join(f'<li><a href="/story/{n}">{html.escape(t)}</a></li>' for n, t in enumerate(related))
    comment_divs = "\n".join(
        f'<div class="comment"><span class="user">reader{n}</span><p>{html.escape(c)}</p></div>'
        for n, c in enumerate(comments))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(site)}</title>
{chr(10).join(meta)}
</head><body>
<header class="site-header"><div class="logo">{html.escape(site)}</div>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="ticker">Markets: index up 3.5% since 1999</div></header>
<main><article class="story">
{headline}
{byline}
<div class="story-body">
{body}
</div>
</article>
<aside class="related"><h2>Related stories</h2><ul>{teasers}</ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>{comment_divs}</section>
</main>
<footer class="site-footer"><p>&copy; 2024 {html.escape(site)}. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
</body></html>
"""


def pdf_bytes(pages: list[list[str]], *, title: str | None = None, author: str | None = None,
              created: str | None = None) -> bytes:
    """A PDF with one text line per item (Helvetica, WinAnsi), readable by any PDF reader."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages)  # contents and page objects come first
    page_ids = []
    for lines in pages:
        ops = [b"BT /F1 10 Tf 13 TL 56 760 Td"]
        for line in lines:
            ops.append(b"(" + _pdf_string(line) + b") Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        contents = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, contents, font)))
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info_items = [(b"Title", title), (b"Author", author), (b"CreationDate", created)]
    info = add(b"<< " + b" ".join(b"/%s (%s)" % (k, _pdf_string(v)) for k, v in info_items if v) + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref)
    return bytes(out)


def _pdf_string(s: str) -> bytes:
    raw = s.encode("cp1252", errors="replace")
    out = bytearray()
    for b in raw:
        if b in b"()\\":
            out += b"\\" + bytes([b])
        elif b < 32 or b > 126:
            out += b"\\%03o" % b
        else:
            out.append(b)
    return bytes(out)


def wrap(text: str, width: int = 90) -> list[str]:
    """Printed lines of a text: each paragraph wrapped at `width`, a blank line between paragraphs."""
    lines: list[str] = []
    for para in text.split("\n"):
        if lines:
            lines.append("")
        lines.extend(textwrap.wrap(para, width, break_long_words=False, break_on_hyphens=False) or [""])
    return lines


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
