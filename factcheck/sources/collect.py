"""Sources stage, what to read: the paths and URLs a user gave -> Inputs, each once, in a stable order.

Input: the command line's paths (files, folders, http(s) URLs). Output: Inputs, and skips told to
`on_skip(path, reason)`. A path given that does not exist is an error (SourceError); everything met
while walking a folder that cannot be used is a skip, and the rest of the run goes on.

Folders are walked in sorted order; hidden files and folders (`.git`, `.factcheck-cache`) are
left out, and so are files of other kinds (images, the `sources.yaml` manifest). Symbolic links
to folders are followed once: a link back to a folder being walked (a loop) or to a folder walked
already is not followed again. The same file reached twice — given twice, inside a folder also
given, or through a link — is read once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from factcheck.errors import SourceError
from factcheck.models import StrEnum
from factcheck.sources.fetch import is_url, normalize_url
from factcheck.sources.html import HTML_SUFFIXES
from factcheck.sources.jsonl import JSONL_SUFFIXES
from factcheck.sources.pdf import PDF_SUFFIXES
from factcheck.sources.text import TEXT_SUFFIXES

SOURCE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES + JSONL_SUFFIXES

OnSkip = Callable[[str, str], None]


class InputKind(StrEnum):
    FILE = "file"
    URL = "url"


class Input(NamedTuple):
    kind: InputKind
    shown: str  # the path or URL as the user will see it in reports
    path: Path | None = None


def collect(paths: list[str], on_skip: OnSkip) -> list[Input]:
    out: list[Input] = []
    first_shown: dict[object, str] = {}
    walked: set[tuple[int, int]] = set()
    for given in paths:
        if is_url(given):
            items = [Input(InputKind.URL, given)]
        else:
            p = Path(given)
            if not p.exists():
                if p.is_symlink():
                    raise SourceError("broken symbolic link (its target does not exist)", path=given)
                raise SourceError("no such file or folder", path=given)
            items = _walk(p, given, on_skip, walked) if p.is_dir() else [Input(InputKind.FILE, given, p)]
        for item in items:
            key = normalize_url(item.shown) if item.kind is InputKind.URL else _identity(item.path)
            if key is None:
                on_skip(item.shown, "vanished before it could be read")
                continue
            if key in first_shown:
                what = "page" if item.kind is InputKind.URL else "file"
                on_skip(item.shown, f"same {what} as {first_shown[key]} (read once)")
                continue
            first_shown[key] = item.shown
            out.append(item)
    return out


def _identity(path: Path | None):
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _walk(root: Path, shown_root: str, on_skip: OnSkip, walked: set[tuple[int, int]]) -> list[Input]:
    """The source files under `root`, sorted by their path below it; iterative, so depth is no limit."""
    found: list[tuple[tuple[str, ...], Input]] = []
    root_id = _identity(root)
    if root_id in walked:
        on_skip(shown_root, "folder walked already (read once)")
        return []
    walked.add(root_id)
    stack: list[tuple[Path, tuple[str, ...], frozenset]] = [(root, (), frozenset({root_id}))]
    while stack:
        folder, rel, ancestors = stack.pop()
        shown_folder = str(Path(shown_root, *rel))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            on_skip(shown_folder, f"cannot read folder ({exc.strerror or exc})")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child_rel = rel + (entry.name,)
            shown = str(Path(shown_root, *child_rel))
            try:
                is_dir = entry.is_dir()  # follows links
                is_file = not is_dir and entry.is_file()
            except OSError as exc:
                on_skip(shown, f"cannot read ({exc.strerror or exc})")
                continue
            if is_dir:
                ident = _identity(Path(entry.path))
                if ident in ancestors:
                    on_skip(shown, "symbolic link loop (not followed)")
                elif ident in walked:
                    on_skip(shown, "folder reached twice through a link (walked once)")
                elif ident is not None:
                    walked.add(ident)
                    stack.append((Path(entry.path), child_rel, ancestors | {ident}))
                continue
            if not entry.name.lower().endswith(SOURCE_SUFFIXES):
                continue
            if is_file:
                found.append((child_rel, Input(InputKind.FILE, shown, Path(entry.path))))
            elif entry.is_symlink():
                on_skip(shown, "broken symbolic link (its target does not exist)")
            else:
                on_skip(shown, "not a regular file")
    return [item for _, item in sorted(found, key=lambda x: x[0])]
