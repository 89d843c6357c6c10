"""A project loaded and checked before, kept between builds while nothing it is made from changed.

Loading the worksheets and data files and checking them takes about a second at ten times the
site's size, on every build, though a rebuild mostly changes pages. A project that loaded
without a problem is kept (`cachedir`, folder `projects`, pickled) under the digest of all it
is made from: the package's code (its checks, models and schemas), the Python that pickled it,
the languages and data files asked for, the name and bytes of every YAML file under
`worksheets/` and `data/`, and the name of every file under `docs/` (the worksheets' links and
guidance must name pages that exist). A project with problems is never kept: they are found and
reported afresh on every build.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

from mctoolkit import cachedir
from mctoolkit.formcache import code_digest
from mctoolkit.project import Project, load_project
from mctoolkit.refdata import KINDS

FOLDER = "projects"


def _key(root: Path, languages: list[str], data_files: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for part in (code_digest(), sys.version, str(root.resolve()), *languages, "", *data_files):
        digest.update(part.encode() + b"\0")
    for folder in ("worksheets", "data"):
        for path in sorted((root / folder).rglob("*.yml")):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    docs = root / "docs"
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
    digest.update(("\0".join(["docs", *pages]) if docs.is_dir() else "").encode())
    return digest.hexdigest()


def _kept(entry: Path) -> Project | None:
    """The project kept in `entry`, or None when there is none or it cannot be read back."""
    try:
        project = pickle.loads(entry.read_bytes())
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
        IndexError,
        KeyError,
    ):
        return None
    return project if isinstance(project, Project) and not project.problems else None


def load(root: Path, languages: list[str], data_files: tuple[str, ...] = KINDS) -> Project:
    """`load_project`, or the project it gave before from the same files with the same code."""
    folder = cachedir.folder(FOLDER)
    if folder is None:
        return load_project(root, languages, data_files)
    entry = folder / _key(root, languages, data_files)
    project = _kept(entry)
    if project is not None:
        entry.touch()  # in use: `cachedir.prune` keeps it
        return project
    project = load_project(root, languages, data_files)
    if not project.problems:
        cachedir.write_whole(entry, pickle.dumps(project, protocol=pickle.HIGHEST_PROTOCOL))
    return project
