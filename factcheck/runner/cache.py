"""Runner, the fact cache: input key -> encoded facts, in an embedded SQLite database.

Input: keys from `work.input_key` (extractor code + everything extraction reads) and encoded
facts (codec.py); and, in two more tables, a run's key (results.py) -> its encoded findings, and
a run's key with its outputs' -> the outputs as written.
Output: the entries found. The database is `<cache_dir>/facts.sqlite`.

- Two runs may share it at once: WAL journal (readers never wait for a writer), a busy
  timeout (a writer waits for the other one), one short transaction per batch.
- A damaged file (not a database, malformed pages) is deleted and rebuilt, and `on_note` says
  so; a damaged entry is the caller's to re-extract (it fails to decode). Anything else that
  stops the cache (a read-only folder, a full disk) turns it off for the run, with a note: the
  cache saves time, it never decides whether a check can run.
- Entries of other extractor versions are deleted when a new version first opens the file,
  so editing the extractors does not grow the file without bound.
"""

from __future__ import annotations

import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from factcheck.runner.settings import CACHE_FILE

LAYOUT_VERSION = "2"  # the tables below; another value drops and recreates them
KEEP_FINDINGS = 8  # findings of the last runs kept (each is one corpus with one rule set)
KEEP_OUTPUTS = 4  # rendered outputs of the last runs kept (an archive's reports are tens of MB)
BUSY_TIMEOUT_S = 60.0  # how long a run waits for another run's write transaction
_BATCH = 500  # keys per SELECT (SQLite allows 32,766 parameters; small batches stay fast)
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_CORRUPT_WORDS = ("malformed", "not a database", "file is encrypted", "corrupt")

Note = Callable[[str], None]


class FactCache:
    """Encoded facts by input key; every method degrades to "nothing cached" rather than raise."""

    def __init__(self, folder: str | Path, extractor: str, on_note: Note | None = None):
        self.path = Path(folder) / CACHE_FILE
        self.extractor = extractor
        self.note = on_note or (lambda message: None)
        self.conn: sqlite3.Connection | None = None
        self.hits = 0
        self.stored = 0
        self._guard(self._open, "open")

    # ---------------------------------------------------------------- public

    def get_many(self, keys: Iterable[str]) -> dict[str, str]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, str] = {}

        def read() -> None:
            assert self.conn is not None
            for i in range(0, len(wanted), _BATCH):
                batch = wanted[i:i + _BATCH]
                marks = ",".join("?" * len(batch))
                for key, payload in self.conn.execute(
                        f"SELECT key, payload FROM facts WHERE key IN ({marks})", batch):
                    try:
                        found[key] = zlib.decompress(payload).decode("ascii")
                    except (zlib.error, UnicodeDecodeError, TypeError):
                        continue  # a damaged entry is a miss; re-extracting overwrites it

        if self.conn is not None and wanted:
            self._guard(read, "read")
        self.hits += len(found)
        return found

    def put_many(self, items: list[tuple[str, str]]) -> None:
        if self.conn is None or not items:
            return
        rows = [(key, self.extractor, zlib.compress(text.encode("ascii"), 1)) for key, text in items]

        def write() -> None:
            assert self.conn is not None
            with self.conn:
                self.conn.executemany("INSERT OR REPLACE INTO facts (key, extractor, payload) VALUES (?, ?, ?)",
                                      rows)

        if self._guard(write, "write"):
            self.stored += len(rows)

    def get_findings(self, key: str) -> str | None:
        return self._get_run("findings", key)

    def put_findings(self, key: str, text: str) -> None:
        self._put_run("findings", key, text, KEEP_FINDINGS)

    def get_outputs(self, key: str) -> str | None:
        return self._get_run("outputs", key)

    def put_outputs(self, key: str, text: str) -> None:
        self._put_run("outputs", key, text, KEEP_OUTPUTS)

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except sqlite3.Error:
                pass
            self.conn = None

    def __enter__(self) -> FactCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---------------------------------------------------------------- internals

    def _get_run(self, table: str, key: str) -> str | None:
        """A run's entry (ASCII text, stored compressed), or None when absent or damaged."""
        found: list[str] = []

        def read() -> None:
            assert self.conn is not None
            row = self.conn.execute(f"SELECT payload FROM {table} WHERE key = ?", (key,)).fetchone()
            if row is not None:
                try:
                    found.append(zlib.decompress(row[0]).decode("ascii"))
                except (zlib.error, UnicodeDecodeError, TypeError):
                    pass

        if self.conn is not None:
            self._guard(read, "read")
        return found[0] if found else None

    def _put_run(self, table: str, key: str, text: str, keep: int) -> None:
        """Store a run's entry, keeping the last `keep` runs' entries of the table."""
        if self.conn is None:
            return
        payload = zlib.compress(text.encode("ascii"), 1)

        def write() -> None:
            assert self.conn is not None
            with self.conn:
                self.conn.execute(f"INSERT OR REPLACE INTO {table} (key, payload) VALUES (?, ?)", (key, payload))
                self.conn.execute(f"DELETE FROM {table} WHERE rowid NOT IN "
                                  f"(SELECT rowid FROM {table} ORDER BY rowid DESC LIMIT ?)", (keep,))

        self._guard(write, "write")

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # statements that write open a transaction of their own (`with conn:` commits it); the
        # busy timeout makes a second run wait for that lock instead of failing
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
        self.conn = conn
        _enter_wal(conn)
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL keeps the file consistent; a crash loses at most a batch
        with conn:
            conn.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = conn.execute("SELECT value FROM meta WHERE name = 'layout'").fetchone()
            if row is not None and row[0] != LAYOUT_VERSION:
                conn.execute("DROP TABLE IF EXISTS facts")
                conn.execute("DROP TABLE IF EXISTS findings")
                conn.execute("DROP TABLE IF EXISTS outputs")
            conn.execute("CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, extractor TEXT NOT NULL, "
                         "payload BLOB NOT NULL)")
            conn.execute("CREATE TABLE IF NOT EXISTS findings (key TEXT PRIMARY KEY, payload BLOB NOT NULL)")
            conn.execute("CREATE TABLE IF NOT EXISTS outputs (key TEXT PRIMARY KEY, payload BLOB NOT NULL)")
            conn.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('layout', ?)", (LAYOUT_VERSION,))
            row = conn.execute("SELECT value FROM meta WHERE name = 'extractor'").fetchone()
            if row is None or row[0] != self.extractor:
                conn.execute("DELETE FROM facts WHERE extractor != ?", (self.extractor,))
                conn.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('extractor', ?)", (self.extractor,))

    def _guard(self, action: Callable[[], None], what: str) -> bool:
        """Run a database action; rebuild the file if it is damaged, turn the cache off if it fails."""
        try:
            action()
            return True
        except sqlite3.DatabaseError as exc:
            if not _is_corrupt(exc):
                self._disable(f"fact cache {self.path}: cannot {what} ({exc}); running without it")
                return False
            reason = str(exc)
        except OSError as exc:
            self._disable(f"fact cache {self.path}: cannot {what} ({exc.strerror or exc}); running without it")
            return False
        self._rebuild(reason)
        if what == "open":
            return self.conn is not None
        return False  # the new file holds nothing yet: the caller extracts, and writes again

    def _rebuild(self, reason: str) -> None:
        self.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            except OSError:
                pass
        try:
            self._open()
        except (sqlite3.Error, OSError) as exc:
            self._disable(f"fact cache {self.path}: was damaged ({reason}) and cannot be rebuilt ({exc}); "
                          "running without it")
            return
        self.note(f"fact cache {self.path}: was damaged ({reason}); rebuilt it (facts are extracted again)")

    def _disable(self, message: str) -> None:
        self.close()
        self.note(message)


def _enter_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL, waiting for another run that is doing the same.

    SQLite does not call the busy handler for a journal-mode change, so two runs opening a new
    cache at once see "database is locked" at once; waiting here is the busy timeout's job.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.01
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    text = str(exc).lower()
    return any(word in text for word in _CORRUPT_WORDS)
