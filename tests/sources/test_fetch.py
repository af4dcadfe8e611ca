"""Fetching URLs, against a local HTTP server on 127.0.0.1 only: success, cache, 404, timeout,
oversize, redirects, PDFs and unsupported content; each failure is one warning and the run goes on."""

from __future__ import annotations

import datetime as dt
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import SourceError
from factcheck.models import RefDateOrigin, SourceFormat
from factcheck.sources import FetchSettings, evidence_location, load_sources
from factcheck.sources.fetch import fetch
from tests.sources.makers import news_page, pdf_bytes

ARTICLE = news_page(
    "Truce talks resume in Riyadh",
    ["Delegations met in Riyadh on Tuesday for talks on a 30-day ceasefire.",
     "The front line is 1,200 km long, officials said."],
    published="2025-03-11T08:00:00Z", comments=["It is 3,000 km, not 1,200 km."],
    related=["Talks stalled for 45 days"])
OTHER = news_page(
    "Ceasefire talks in Riyadh",
    ["Negotiators gathered in Riyadh on Tuesday to discuss a 60-day ceasefire.",
     "The front line is 1,200 km long."],
    published="2025-03-11T09:00:00Z")
SLOW_SECONDS = 2.0
BIG = 64 * 1024  # the tests' size limit; /big sends more


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, *args):  # keep pytest output clean
        pass

    def do_GET(self):
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        path = self.path.split("?")[0]
        if path == "/article":
            self._send(200, ARTICLE.encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/other":
            self._send(200, OTHER.encode("utf-8"), "text/html")
        elif path == "/latin1":
            page = news_page("Café talks", ["Le café a coûté 3 euros à Genève le 11 mars 2025."], published="2025-03-11")
            self._send(200, page.encode("cp1252").replace(b'charset="utf-8"', b""), "text/html; charset=windows-1252")
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article?from=moved")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, ARTICLE.encode("utf-8"), "text/html")
        elif path == "/big":
            self._send(200, b"<html><body>" + b"<p>word</p>" * (BIG // 5) + b"</body></html>", "text/html")
        elif path == "/big-chunked":  # no Content-Length: the limit must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(BIG // 1024 + 8):
                self.wfile.write(b"<p>" + b"x" * 1020 + b"</p>")
        elif path == "/report.pdf":
            self._send(200, pdf_bytes([["Annual report", "The pipeline is 1,200 km long."]],
                                      created="D:20250301000000Z"), "application/pdf")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def settings(tmp_path, monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)  # the local server is reached directly, never via a proxy
    return FetchSettings(cache_dir=str(tmp_path / "cache"), timeout=0.5, total_timeout=5, max_bytes=BIG)


def load(urls, settings):
    skipped = []
    try:
        sources = load_sources(urls, on_skip=lambda p, why: skipped.append((p, why)), fetch_settings=settings)
    except SourceError as exc:
        return [], skipped, exc
    return sources, skipped, None


def test_a_page_is_fetched_extracted_dated_and_cited_by_url(server, settings):
    sources, skipped, _ = load([f"{server}/article"], settings)
    assert skipped == []
    (s,) = sources
    assert s.format is SourceFormat.HTML and s.path == f"{server}/article" and s.fetched_url == f"{server}/article"
    assert s.reference_date == dt.date(2025, 3, 11) and s.reference_date_from is RefDateOrigin.HTML_META
    assert "30-day ceasefire" in s.text and "3,000 km" not in s.text and "45 days" not in s.text
    start = s.text.index("1,200 km")
    where = evidence_location(s, type("F", (), {"start": start, "end": start + 8, "line": 3})())
    assert where.startswith(f"{server}/article#:~:text=") and "1%2C200%20km" in where


def test_the_cache_serves_a_page_again_without_the_network(server, settings):
    url = f"{server}/article?cache-test"
    first, _, _ = load([url], settings)
    hits = Handler.hits.get("/article?cache-test", 0)
    offline = settings.model_copy(update={"network": False})
    again, skipped, _ = load([url], offline)
    assert Handler.hits.get("/article?cache-test", 0) == hits == 1
    assert skipped == [] and again[0].text == first[0].text
    assert fetch(url, offline).from_cache


def test_no_fetch_skips_pages_not_in_the_cache(server, settings):
    offline = settings.model_copy(update={"network": False})
    sources, skipped, _ = load([f"{server}/other?never-fetched", f"{server}/article?x"], offline)
    assert sources == [] and len(skipped) == 2
    assert "not in the page cache" in skipped[0][1]
    assert "/other?never-fetched" not in Handler.hits


@pytest.mark.parametrize("path, reason", [
    ("/missing", "HTTP 404 Not Found"),
    ("/slow", "timed out"),
    ("/big", "too large"),
    ("/big-chunked", "too large (over"),
    ("/loop", "too many redirects"),
    ("/image", "unsupported content type image/png"),
])
def test_a_failed_url_is_one_warning_and_the_rest_goes_on(server, settings, path, reason):
    started = time.monotonic()
    sources, skipped, _ = load([f"{server}{path}", f"{server}/other"], settings)
    assert [s.path for s in sources] == [f"{server}/other"]
    assert len(skipped) == 1 and skipped[0][0] == f"{server}{path}" and reason in skipped[0][1]
    assert time.monotonic() - started < SLOW_SECONDS + 1  # the timeout held
    cached = [p.read_text() for p in Path(settings.cache_dir).glob("*.json")]
    assert any("/other" in c for c in cached)
    if path != "/image":  # a failed download is never cached (the image was downloaded, then refused)
        assert not any(path in c for c in cached)


def test_a_refused_connection_is_one_warning(server, settings):
    import socket

    with socket.socket() as sock:  # a port nobody listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    sources, skipped, _ = load([f"http://127.0.0.1:{port}/x", f"{server}/other"], settings)
    assert [s.path for s in sources] == [f"{server}/other"]
    assert skipped[0][0] == f"http://127.0.0.1:{port}/x" and skipped[0][1].startswith("cannot connect")


def test_a_redirect_is_followed_and_the_final_address_is_cited(server, settings):
    (s,), skipped, _ = load([f"{server}/moved"], settings)
    assert skipped == []
    assert s.path == f"{server}/moved" and s.fetched_url == f"{server}/article?from=moved"
    assert evidence_location(s, type("F", (), {"start": 0, "end": 5, "line": 1})()).startswith(s.fetched_url + "#:~:")


def test_declared_charset_and_pdf_responses(server, settings):
    sources, skipped, _ = load([f"{server}/latin1", f"{server}/report.pdf"], settings)
    assert skipped == []
    page, pdf = sources
    assert "coûté 3 euros à Genève" in page.text and page.encoding == "cp1252"
    assert pdf.format is SourceFormat.PDF and "1,200 km" in pdf.text
    assert pdf.reference_date_from is RefDateOrigin.PDF_METADATA and pdf.reference_date == dt.date(2025, 3, 1)


def test_the_same_url_twice_is_read_once(server, settings):
    sources, skipped, _ = load([f"{server}/other", f"{server}/other#section"], settings)
    assert len(sources) == 1
    assert skipped == [(f"{server}/other#section", f"same page as {server}/other (read once)")]


def test_when_every_url_fails_the_run_is_an_error(server, settings):
    sources, skipped, error = load([f"{server}/missing"], settings)
    assert sources == [] and len(skipped) == 1
    assert error is not None and "no source left to check" in str(error)


def test_cli_checks_urls_warns_per_failed_url_and_caches(server, settings, tmp_path):
    runner = CliRunner()
    cache = tmp_path / "pages"
    result = runner.invoke(app, ["check", f"{server}/article", f"{server}/other", f"{server}/missing",
                                 "--fetch-cache", str(cache), "--no-report", "--fail-on", "never", "--no-color"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"factcheck: warning: skipped {server}/missing: HTTP 404 Not Found" in result.output
    assert len(list(cache.glob("*.json"))) == 2  # the two pages fetched, not the 404
    offline = runner.invoke(app, ["check", f"{server}/article", f"{server}/other", "--fetch-cache", str(cache),
                                  "--no-fetch", "--no-report", "--format", "json"], catch_exceptions=False)
    assert offline.exit_code in (0, 1) and '"format": "html"' in offline.stdout
