"""Where the package remembers work between builds: the project's `.cache/mctoolkit/`."""

from __future__ import annotations

from pathlib import Path

_root: list[Path] = []


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
