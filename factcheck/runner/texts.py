"""Runner, released texts: source texts set aside, compressed, once their facts are extracted.

Input: Sources whose facts are in. Output: the same Sources with `text` emptied, and a
TextStore that gives the text back to the sources a report cites. After extraction only the
reports read a source's text — to place evidence (column, page line, text fragment), and only
for the facts of findings — so a run over an archive need not hold every article in memory.
"""

from __future__ import annotations

import zlib

from factcheck.models import Source

_LEVEL = 1  # fastest: the point is memory, not the last byte


class TextStore:
    def __init__(self) -> None:
        self._texts: dict[int, bytes] = {}

    def release(self, index: int, source: Source) -> None:
        self._texts[index] = zlib.compress(source.text.encode("utf-8", "surrogatepass"), _LEVEL)
        source.text = ""

    def restore(self, sources: list[Source], wanted: set[str] | None = None) -> None:
        """Give back the texts of the sources with these ids (all of them for None)."""
        for index, data in list(self._texts.items()):
            source = sources[index]
            if wanted is None or source.id in wanted:
                source.text = zlib.decompress(data).decode("utf-8", "surrogatepass")
                del self._texts[index]

    def __len__(self) -> int:
        return len(self._texts)
