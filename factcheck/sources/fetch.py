"""Sources stage, links: an http(s) URL -> the page's bytes, fetched once and kept in a disk cache.

Input: a URL and FetchSettings (cache folder, whether the network may be used, timeout, size and
redirect limits). Output: a Fetched page (final address after redirects, content type, charset,
body). Every failure — HTTP error status, timeout, too large, too many redirects, no connection,
unsupported content — is a SkipSource whose message is the one-line warning the user sees; the rest
of the run goes on.

The cache (default `.factcheck-cache/pages/`) keeps each successful response as `<key>.body` and
`<key>.json`, keyed by the SHA-256 of the URL without its fragment; a cached page is used as is,
so reruns are reproducible and offline. Delete the folder to fetch again.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict

from factcheck import __version__
from factcheck.fsutil import write_atomic_bytes
from factcheck.sources.decode import SkipSource

DEFAULT_CACHE = ".factcheck-cache/pages"
_CHUNK = 64 * 1024


class FetchSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    cache_dir: str | None = DEFAULT_CACHE  # None: no cache
    network: bool = True  # False: only pages already in the cache
    timeout: float = 20.0  # seconds for connecting and for each read
    total_timeout: float = 60.0  # seconds for the whole download
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5


class Fetched(BaseModel):
    url: str  # as given
    final_url: str  # after redirects
    status: int
    content_type: str  # media type, lower-case, without parameters
    charset: str | None = None
    body: bytes
    from_cache: bool = False


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def normalize_url(url: str) -> str:
    """The URL without its fragment, scheme and host lower-cased: two spellings of one page, one key."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def fetch(url: str, settings: FetchSettings) -> Fetched:
    key = hashlib.sha256(normalize_url(url).encode("utf-8")).hexdigest()
    cache = Path(settings.cache_dir) if settings.cache_dir else None
    if cache is not None:
        cached = _from_cache(cache, key, url)
        if cached is not None:
            return cached
    if not settings.network:
        raise SkipSource("not in the page cache, and fetching is off (--no-fetch)", path=url)
    page = _download(url, settings)
    if cache is not None:
        try:
            _store(cache, key, page)
        except OSError:
            pass  # a read-only or full disk costs the cache, not the run
    return page


def _download(url: str, settings: FetchSettings) -> Fetched:
    import httpx

    timeout = httpx.Timeout(settings.timeout)
    headers = {"User-Agent": f"factcheck/{__version__}", "Accept": "text/html,application/xhtml+xml,application/pdf,"
               "text/plain;q=0.9,*/*;q=0.5"}
    started = time.monotonic()
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=settings.max_redirects,
                          headers=headers) as client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise SkipSource(f"HTTP {response.status_code} {response.reason_phrase}".rstrip(), path=url)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > settings.max_bytes:
                raise SkipSource(_too_large(int(declared), settings.max_bytes), path=url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes(_CHUNK):
                size += len(chunk)
                if size > settings.max_bytes:
                    raise SkipSource(_too_large(size, settings.max_bytes, more=True), path=url)
                if time.monotonic() - started > settings.total_timeout:
                    raise SkipSource(f"timed out (download took over {settings.total_timeout:g} s)", path=url)
                chunks.append(chunk)
            media, charset = _content_type(response.headers.get("content-type", ""))
            return Fetched(url=url, final_url=str(response.url), status=response.status_code,
                           content_type=media, charset=charset, body=b"".join(chunks))
    except SkipSource:
        raise
    except httpx.TimeoutException:
        raise SkipSource(f"timed out (no answer within {settings.timeout:g} s)", path=url) from None
    except httpx.TooManyRedirects:
        raise SkipSource(f"too many redirects (at most {settings.max_redirects})", path=url) from None
    except httpx.InvalidURL as exc:
        raise SkipSource(f"invalid URL ({exc})", path=url) from None
    except httpx.ConnectError as exc:
        raise SkipSource(f"cannot connect ({_reason(exc)})", path=url) from None
    except httpx.HTTPError as exc:
        raise SkipSource(f"download failed ({type(exc).__name__}: {_reason(exc)})", path=url) from None


def _too_large(size: int, limit: int, more: bool = False) -> str:
    mb = 1024 * 1024
    return f"too large ({'over ' if more else ''}{size / mb:.1f} MB; at most {limit / mb:.1f} MB)"


def _reason(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "charset" and value:
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _from_cache(cache: Path, key: str, url: str) -> Fetched | None:
    meta_path, body_path = cache / f"{key}.json", cache / f"{key}.body"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        body = body_path.read_bytes()
        if len(body) != meta["size"]:
            return None  # a torn entry: fetch again
        return Fetched(url=url, final_url=meta["final_url"], status=meta["status"],
                       content_type=meta["content_type"], charset=meta.get("charset"), body=body, from_cache=True)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _store(cache: Path, key: str, page: Fetched) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    meta = {"url": page.url, "final_url": page.final_url, "status": page.status,
            "content_type": page.content_type, "charset": page.charset, "size": len(page.body)}
    write_atomic_bytes(cache / f"{key}.body", page.body)  # the body first: the .json marks a complete entry
    write_atomic_bytes(cache / f"{key}.json", json.dumps(meta, indent=1, sort_keys=True).encode("utf-8"))
