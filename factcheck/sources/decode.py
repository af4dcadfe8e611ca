"""Sources stage, bytes -> text: read a file within a size limit, tell binary from text, decode it.

Input: a path (or bytes already read). Output: `Decoded(text, encoding, note)` or a `SkipSource`
saying why the file is left out. The decoded text is kept exactly as decoded (CRLF line endings
included) so that fact offsets and line numbers point into what the user has.

Decision order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; else valid UTF-8; else a
charset the document declares (HTML `<meta charset>`, an HTTP header) if it decodes; else
charset-normalizer's detection; else Windows-1252 with replacement characters. UTF-16 without a
BOM is recognised by its NUL-byte pattern; other NUL or control bytes mean a binary file.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import NamedTuple

from factcheck.errors import SourceError

MAX_FILE_BYTES = 200 * 1024 * 1024  # larger local files are skipped: they are not articles
_SNIFF = 8192  # bytes looked at to tell binary from text
_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
# C0 controls that never occur in text (tab, LF, VT, FF, CR and ESC excluded)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


class SkipSource(SourceError):
    """A source that is left out of the run with a warning (empty, binary, vanished...)."""


class Decoded(NamedTuple):
    text: str
    encoding: str  # Python codec name of what was used: utf-8, utf-16, cp1252, ...
    note: str  # how it was decided, for the source's record


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes; a SkipSource if it vanished, cannot be read, is not a regular file or is too big."""
    try:
        # O_NONBLOCK: opening a FIFO that slipped through must not hang the run
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise SkipSource("vanished before it could be read", path=str(path)) from None
    except OSError as exc:
        raise SkipSource(f"cannot read ({exc.strerror or exc})", path=str(path)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SkipSource("not a regular file", path=str(path))
        if info.st_size > limit:
            raise SkipSource(f"too large ({info.st_size // (1024 * 1024)} MB; at most {limit // (1024 * 1024)} MB)",
                             path=str(path))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise SkipSource(f"cannot read ({exc.strerror or exc})", path=str(path)) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise SkipSource(f"too large (over {limit // (1024 * 1024)} MB)", path=str(path))
    return data


def decode(data: bytes, *, declared: str | None = None, where: str = "") -> Decoded:
    """Decode `data` as described in the module docstring; SkipSource for empty or binary data."""
    if not data.strip():
        raise SkipSource("empty file", path=where or None)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(codec), name, f"{name} (byte-order mark)")
            except UnicodeDecodeError as exc:
                raise SkipSource(f"not valid {name} despite its byte-order mark ({exc.reason} at byte "
                                 f"{exc.start + len(bom)})", path=where or None) from None
    head = data[:_SNIFF]
    if b"\x00" in head:
        codec = _bomless_utf16(head)
        if codec is None:
            raise SkipSource("binary file, not text (NUL bytes)", path=where or None)
        try:
            return Decoded(data.decode(codec), "utf-16", f"{codec} (no byte-order mark; NUL-byte pattern)")
        except UnicodeDecodeError:
            raise SkipSource("binary file, not text (NUL bytes)", path=where or None) from None
    if len(head) - len(head.translate(None, _CONTROL)) > max(2, len(head) // 100):  # control bytes in it
        raise SkipSource("binary file, not text (control bytes)", path=where or None)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        codec = _codec(declared)
        if codec and codec not in ("utf-8", "utf-16", "utf-32"):
            try:
                return Decoded(data.decode(codec), codec, f"{codec} (declared by the document)")
            except UnicodeDecodeError:
                pass
    return _detect(data)


def _bomless_utf16(head: bytes) -> str | None:
    """utf-16-le/-be when NULs fill one byte of most pairs (ASCII-range text without a BOM)."""
    head = head[: len(head) // 2 * 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    pairs = len(even)
    if odd.count(0) >= 0.9 * pairs and even.count(0) <= 0.05 * pairs:
        return "utf-16-le"
    if even.count(0) >= 0.9 * pairs and odd.count(0) <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


_CHAOS_TIE = 0.01  # detections this close in charset-normalizer's "chaos" are equally plausible


def _detect(data: bytes) -> Decoded:
    """charset-normalizer's least chaotic decoding; Windows-1252 when it gives that same text.

    Its own ranking weighs language coherence, which on English news with a few curly quotes can
    favour a DOS code page (cp852) that turns every quote into a letter; among equally clean
    candidates the one Windows-1252 reproduces exactly is the common case, and is named so."""
    from charset_normalizer import from_bytes

    matches = sorted(from_bytes(data), key=lambda m: (m.chaos, -m.coherence))
    if matches:
        least = matches[0].chaos
        tied = [m for m in matches if m.chaos <= least + _CHAOS_TIE]
        chosen = next((m for m in tied if "cp1252" in m.could_be_from_charset), None)
        codec = "cp1252" if chosen else (_codec(matches[0].encoding) or matches[0].encoding)
        try:
            return Decoded(data.decode(codec), codec, f"{codec} (detected by charset-normalizer; not valid UTF-8)")
        except (UnicodeDecodeError, LookupError):
            pass
    return Decoded(data.decode("cp1252", errors="replace"), "cp1252",
                   "cp1252 with replacement characters (no encoding fits; not valid UTF-8)")
