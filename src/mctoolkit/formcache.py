"""Rendered worksheet forms kept between builds, so that a rebuild renders only what changed.

Rendering the forms is the largest part of the toolkit's own build time. A form is made from
the workbook (every worksheet, option list and interface text: one digest for all), the
package's code and templates, the libraries that turn partners' Markdown into HTML, and the
addresses its links resolve to from the page it is on. The first are the entry's key; the
addresses are recorded with the entry and asked again before it is reused, so a form whose page
moved, or whose linked pages did, is rendered afresh.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from mctoolkit import cachedir
from mctoolkit.workbook import Workbook

Linker = Callable[[str], str]
FOLDER = "forms"
SCRIPTS = "scripts"  # the site's data scripts made from the workbook (see `FormCache.made`)
_LIBRARIES = ("jinja2", "markdown", "nh3", "markupsafe")


_CODE_SUFFIXES = {".py", ".j2", ".json"}
_digests: dict[tuple[tuple[str, int, int], ...], str] = {}


def code_digest() -> str:
    """The package's code and templates and the versions of the libraries rendering uses.

    Worked out again when a file of the package changes (by its time of change and size):
    `mkdocs serve` watches the package, and Jinja reads an edited template afresh."""
    package = Path(__file__).parent
    files = sorted(p for p in package.rglob("*") if p.suffix in _CODE_SUFFIXES and p.is_file())
    stamp = tuple((p.as_posix(), s.st_mtime_ns, s.st_size) for p in files for s in [p.stat()])
    if stamp not in _digests:
        digest = hashlib.sha256()
        for name in _LIBRARIES:
            digest.update(f"{name} {metadata.version(name)}\0".encode())
        for path in files:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
        _digests.clear()
        _digests[stamp] = digest.hexdigest()
    return _digests[stamp]


class _Recorder:
    """A linker that remembers what it was asked and what it answered."""

    def __init__(self, linker: Linker) -> None:
        self.linker = linker
        self.answers: dict[str, str] = {}

    def __call__(self, target: str) -> str:
        self.answers[target] = self.linker(target)
        return self.answers[target]


class FormCache:
    """The forms of one workbook, looked up by worksheet, language and the form's other inputs."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self._workbook_digest: str | None = None
        self.code = code_digest()

    def new_build(self) -> None:
        """Look at the package's files again (`mkdocs serve` keeps this between builds)."""
        self.code = code_digest()

    def _material(self, parts: tuple[str, ...]) -> str:
        if self._workbook_digest is None:  # a model's repr spells out every value it holds
            self._workbook_digest = hashlib.sha256(repr(self.workbook).encode()).hexdigest()
        return "\0".join((self.code, self._workbook_digest, *parts))

    def _key(self, parts: tuple[str, ...]) -> str:
        return hashlib.sha256(self._material(parts).encode()).hexdigest()

    def made(self, parts: tuple[str, ...], make: Callable[[], str]) -> str:
        """What `make` makes from the workbook with the package's code (`parts` naming which),
        kept like the forms and made again when either changes: the site's data scripts."""
        return cachedir.remembered(SCRIPTS, self._material(parts), make)

    def form(
        self,
        parts: tuple[str, ...],
        links: dict[str, Linker],
        render: Callable[[dict[str, Linker]], str],
    ) -> str:
        """The form `render` makes with `links`, or the one it made before from the same
        `parts` (what the form is made from besides the workbook), while every link it
        resolved then resolves to the same address now."""
        folder = cachedir.folder(FOLDER)
        if folder is None:
            return render(links)
        entry = folder / self._key(parts)
        kept = _read(entry)
        if kept is not None and _same_links(kept[0], links):
            entry.touch()  # in use: `cachedir.prune` keeps it
            return kept[1]
        recorders = {name: _Recorder(linker) for name, linker in links.items()}
        html = render(dict(recorders))
        answers = {name: recorder.answers for name, recorder in recorders.items()}
        cachedir.write_whole(
            entry, json.dumps({"links": answers, "html": html}, ensure_ascii=False)
        )
        return html


def _same_links(kept: dict[str, dict[str, str]], links: dict[str, Linker]) -> bool:
    return kept.keys() == links.keys() and all(
        links[name](target) == address
        for name, answers in kept.items()
        for target, address in answers.items()
    )


def _read(entry: Path) -> tuple[dict[str, dict[str, str]], str] | None:
    """The links an entry recorded and its form; None when there is none or it is damaged."""
    try:
        kept = json.loads(entry.read_text("utf-8"))
        links, html = kept["links"], kept["html"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if isinstance(links, dict) and all(isinstance(a, dict) for a in links.values()):
        return (links, html) if isinstance(html, str) else None
    return None
