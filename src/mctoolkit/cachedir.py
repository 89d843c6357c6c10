"""Where the package remembers work between builds: the project's `.cache/mctoolkit/`."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path

_root: list[Path] = []
UNUSED_FOR = 30 * 24 * 3600
"""Seconds after which a remembered entry that no build has used is removed (see `prune`)."""


def use(project: Path | None) -> None:
    """Remember work under `project`'s cache folder from now on (None: remember nothing)."""
    _root[:] = [project / ".cache" / "mctoolkit"] if project else []


def folder(name: str) -> Path | None:
    """The cache folder for one kind of work, created on demand; None when none is in use."""
    if not _root:
        return None
    path = _root[0] / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def prune(name: str, now: float | None = None) -> None:
    """Remove the entries of one kind of work that no build has used for `UNUSED_FOR` seconds:
    whoever reuses an entry touches it, so the folder holds what recent builds needed."""
    path = folder(name)
    if path is None:
        return
    oldest = (time.time() if now is None else now) - UNUSED_FOR
    for entry in path.iterdir():
        if entry.is_file() and entry.stat().st_mtime < oldest:
            entry.unlink(missing_ok=True)


def write_whole(entry: Path, content: str | bytes) -> None:
    """Write an entry whole or not at all: a build stopped half-way leaves no half entry."""
    part = entry.with_suffix(".part")
    part.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    part.replace(entry)


def remembered(name: str, material: str, make: Callable[[], str]) -> str:
    """What `make` gives, kept under the digest of `material` (everything it is made from) in
    the cache folder `name`, and given back while `material` stays the same."""
    path = folder(name)
    if path is None:
        return make()
    entry = path / hashlib.sha256(material.encode()).hexdigest()
    try:
        text = entry.read_text("utf-8")
        entry.touch()  # in use: `prune` keeps it
        return text
    except OSError:
        pass
    text = make()
    write_whole(entry, text)
    return text
