"""Where the package remembers work between builds: the project's `.cache/mctoolkit/`."""

from __future__ import annotations

import time
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
