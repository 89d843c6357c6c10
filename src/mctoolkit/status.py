"""Which translations are done, missing or outdated: the translators' to-do list.

A translation is *outdated* when its source text changed after a translator last confirmed it.
What was confirmed is kept as a short hash of the source text:

- a page twin (`guide/x.et.md`) carries it in its front matter: `source_hash: "1a2b3c4d"`;
- the texts of worksheets and data files keep theirs in `translations.lock.yml`, which the
  tool writes, so that the partners' YAML stays as they wrote it.

`mctoolkit status --mark-current PATH` records the current source of the translations in PATH.
A translation that was never confirmed is *unconfirmed*: written, but not checked against its
source yet.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from mctoolkit import cachedir, frontmatter
from mctoolkit.formcache import code_digest
from mctoolkit.languages import PLACEHOLDER, language_maps
from mctoolkit.problems import KeyPath, Problem
from mctoolkit.source import Source, read_file, read_file_shared, read_text

LOCK_FILE = "translations.lock.yml"
HASH_KEY = "source_hash"
YAML_FOLDERS = ("worksheets", "data")
STATUS_FOLDER = "status"  # the cache folder of the texts' states (see `_file_text_entries`)
STATES = ("translated", "missing", "outdated", "unconfirmed")
_LOCK_HEADER = (
    "# The source text each translation was last confirmed against (a short hash), per file,\n"
    "# text and language. Written by `mctoolkit status --mark-current PATH`: do not edit.\n"
)


def short_hash(text: str) -> str:
    """Eight hex digits of the text's SHA-256, line ends and trailing spaces not counted."""
    normal = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Entry:
    """One translation of one page or text into one language, and where it stands."""

    language: str
    kind: str  # "page" or "text"
    file: str  # the source page, or the YAML file holding the text
    key: str  # for a text, its place in the file; for a page, the translation's file
    line: int
    state: str


@dataclass
class Status:
    source: str
    languages: list[str]
    entries: list[Entry]

    def of(self, language: str, kind: str, state: str) -> list[Entry]:
        return [
            e
            for e in self.entries
            if e.language == language and e.kind == kind and e.state == state
        ]

    def state_of_page(self, twin: str) -> str | None:
        """The state of the page translation in `twin` (`docs/…x.et.md`), if it is one."""
        return self._page_states.get(twin)

    @cached_property
    def _page_states(self) -> dict[str, str]:
        """Each page translation's state by its file: every page asks for its own."""
        states: dict[str, str] = {}
        for entry in self.entries:
            if entry.kind == "page":
                states.setdefault(entry.key, entry.state)
        return states

    def as_json(self) -> dict[str, Any]:
        def page(entry: Entry) -> dict[str, Any]:
            return {"page": entry.file, "translation": entry.key, "state": entry.state}

        def text(entry: Entry) -> dict[str, Any]:
            return {"file": entry.file, "line": entry.line, "key": entry.key, "state": entry.state}

        return {
            "source": self.source,
            "languages": {
                language: {
                    "pages": [
                        page(e) for e in self.entries if e.language == language and e.kind == "page"
                    ],
                    "texts": [
                        text(e) for e in self.entries if e.language == language and e.kind == "text"
                    ],
                }
                for language in self.languages[1:]
            },
        }


# ---- pages ---------------------------------------------------------------------------------


def _recorded_hash(text: str) -> str | None:
    data = read_text(frontmatter.block(text) or "{}", "front matter").data
    value = data.get(HASH_KEY) if isinstance(data, dict) else None
    return str(value) if value is not None else None


def _page_entries(root: Path, languages: list[str]) -> list[Entry]:
    docs = root / "docs"
    entries = []
    sources = [
        page
        for page in sorted(docs.rglob("*.md"))
        if not any(page.name.endswith(f".{language}.md") for language in languages[1:])
    ]
    for page in sources:
        source_hash = short_hash(page.read_text("utf-8"))
        for language in languages[1:]:
            twin = page.with_name(f"{page.stem}.{language}.md")
            key = twin.relative_to(root).as_posix()
            if not twin.is_file():
                state = "missing"
            else:
                text = twin.read_text("utf-8")
                recorded = _recorded_hash(text)
                if PLACEHOLDER in text:
                    state = "missing"
                elif recorded is None:
                    state = "unconfirmed"
                else:
                    state = "translated" if recorded == source_hash else "outdated"
            file = page.relative_to(root).as_posix()
            entries.append(Entry(language, "page", file, key, 0, state))
    return entries


def _mark_page(twin: Path, source_hash: str) -> None:
    """Write `source_hash` into the twin's front matter, the rest of the file as it was."""
    text = twin.read_text("utf-8")
    line = f'{HASH_KEY}: "{source_hash}"'
    block = frontmatter.block(text)
    if block is None:
        return  # a front matter never closed: `check` names it, and it is left as it is
    if not text.startswith("---"):
        twin.write_text(f"---\n{line}\n---\n\n{text}", "utf-8")
        return
    first, rest = text.split("\n", 1)
    pattern = re.compile(rf"^{HASH_KEY}:.*$", re.MULTILINE)
    rest = pattern.sub(line, rest, count=1) if pattern.search(block) else f"{line}\n{rest}"
    twin.write_text(f"{first}\n{rest}", "utf-8")


# ---- texts in YAML -------------------------------------------------------------------------


def text_key(data: Any, path: KeyPath) -> str:
    """A text's place that survives reordering: list items named by their id where they have one.

    `("sections", 0, "fields", 2, "label")` -> `sections[idea].fields[course_idea].label`.
    """
    key, node = "", data
    for part in path:
        if isinstance(part, int):
            item = node[part]
            name = item.get("id") if isinstance(item, dict) else None
            key += f"[{name if isinstance(name, str) else part}]"
        else:
            key += f".{part}" if key else str(part)
        node = node[part]
    return key


def _yaml_files(root: Path) -> list[Path]:
    return [path for folder in YAML_FOLDERS for path in sorted((root / folder).glob("*.yml"))]


def _texts(source: Source, languages: list[str]) -> list[tuple[str, int, dict[str, Any]]]:
    return [
        (text_key(source.data, path), source.line_of(path), mapping)
        for path, mapping in language_maps(source.data, (), languages)
        if isinstance(mapping.get(languages[0]), str)
    ]


def _lock(root: Path) -> tuple[dict[str, dict[str, dict[str, str]]], list[Problem]]:
    path = root / LOCK_FILE
    if not path.is_file():
        return {}, []
    source = read_file(path, LOCK_FILE)
    advice = "resolve the merge, or delete the file and confirm again with --mark-current"
    if source.problems:
        return {}, [Problem(p.file, p.line, "", f"{p.message} ({advice})") for p in source.problems]
    if not isinstance(source.data, dict):
        return {}, [Problem(LOCK_FILE, 1, "", f"should map files to their texts ({advice})")]
    return source.data, []


def lock_problems(root: Path) -> list[Problem]:
    """A lock file that cannot be read (after a merge conflict, say) is named, not guessed at."""
    return _lock(root)[1]


def read_lock(root: Path) -> dict[str, dict[str, dict[str, str]]]:
    """The lock file's hashes; none when it cannot be read (`check` names why)."""
    return _lock(root)[0]


def _write_lock(root: Path, lock: dict[str, dict[str, dict[str, str]]]) -> None:
    ordered = {
        file: {key: dict(sorted(lock[file][key].items())) for key in sorted(lock[file])}
        for file in sorted(lock)
        if lock[file]
    }
    text = yaml.safe_dump(
        ordered, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None
    )
    (root / LOCK_FILE).write_text(_LOCK_HEADER + text, "utf-8")


def _text_state(value: Any, recorded: str | None, source_hash: str) -> str:
    if not isinstance(value, str) or not value.strip() or value.startswith(PLACEHOLDER):
        return "missing"
    if recorded is None:
        return "unconfirmed"
    return "translated" if recorded == source_hash else "outdated"


def _text_entries(root: Path, languages: list[str]) -> list[Entry]:
    lock = read_lock(root)
    code = code_digest()  # once: it looks at every file of the package (a 10x site has 180 YAML)
    entries = []
    for path in _yaml_files(root):
        file = path.relative_to(root).as_posix()
        entries += _file_text_entries(path, file, languages, lock.get(file, {}), code)
    return entries


def _file_text_entries(
    path: Path, file: str, languages: list[str], recorded: dict[str, dict[str, str]], code: str
) -> list[Entry]:
    """The states of one YAML file's texts, kept (`cachedir`, folder `status`) under the digest
    of the file's bytes, its hashes in the lock file, the languages and the package's code:
    every build asks for the status page, and reading every worksheet again was most of it."""

    def work_out() -> str:
        source = read_file_shared(path, file)
        if source.problems:
            return "[]"  # `check` names what is wrong with it
        found = []
        for key, line, mapping in _texts(source, languages):
            source_hash = short_hash(mapping[languages[0]])
            for language in languages[1:]:
                state = _text_state(
                    mapping.get(language), recorded.get(key, {}).get(language), source_hash
                )
                found.append([language, key, line, state])
        return json.dumps(found, ensure_ascii=False)

    content = hashlib.sha256(path.read_bytes()).hexdigest()
    material = [code, file, languages, recorded, content]
    kept_as = json.dumps(material, sort_keys=True, default=str)
    kept = json.loads(cachedir.remembered(STATUS_FOLDER, kept_as, work_out))
    return [Entry(language, "text", file, key, line, state) for language, key, line, state in kept]


# ---- the whole project ---------------------------------------------------------------------


def status(root: Path, languages: list[str]) -> Status:
    entries = _page_entries(root, languages) + _text_entries(root, languages)
    return Status(languages[0], languages, entries)


def mark_current(root: Path, target: Path, languages: list[str], language: str | None) -> int:
    """Confirm the translations in `target` (a file or a folder) as current; how many."""
    chosen = [language] if language else languages[1:]
    target = target.resolve()
    count = 0
    lock = read_lock(root)
    inside = [target] if target.is_file() else sorted(p for p in target.rglob("*") if p.is_file())
    for path in inside:
        relative = path.relative_to(root.resolve()).as_posix()
        if path.suffix == ".md" and relative.startswith("docs/"):
            count += _mark_pages(path, languages, chosen)
        elif path.suffix == ".yml" and relative.split("/")[0] in YAML_FOLDERS:
            count += _mark_texts(path, relative, languages, chosen, lock)
    _write_lock(root, lock)
    return count


def _mark_pages(page: Path, languages: list[str], chosen: list[str]) -> int:
    """Mark a twin page, or every existing twin of a source page."""
    for language in languages[1:]:
        if page.name.endswith(f".{language}.md"):
            if language not in chosen:
                return 0
            source = page.with_name(page.name[: -len(f".{language}.md")] + ".md")
            if not source.is_file():
                return 0
            _mark_page(page, short_hash(source.read_text("utf-8")))
            return 1
    return sum(
        _mark_pages(page.with_name(f"{page.stem}.{language}.md"), languages, chosen)
        for language in chosen
        if page.with_name(f"{page.stem}.{language}.md").is_file()
    )


def _mark_texts(
    path: Path,
    file: str,
    languages: list[str],
    chosen: list[str],
    lock: dict[str, dict[str, dict[str, str]]],
) -> int:
    source = read_file(path, file)
    if source.problems:
        return 0
    count = 0
    known = lock.setdefault(file, {})
    present = set()
    for key, _line, mapping in _texts(source, languages):
        present.add(key)
        for language in chosen:
            value = mapping.get(language)
            if isinstance(value, str) and value.strip() and not value.startswith(PLACEHOLDER):
                known.setdefault(key, {})[language] = short_hash(mapping[languages[0]])
                count += 1
    for gone in set(known) - present:  # texts that no longer exist
        del known[gone]
    return count


def describe(report: Status, names: dict[str, str]) -> list[str]:
    """The status as lines of text for a person."""
    lines = [f"Source language: {names.get(report.source, report.source)} ({report.source})"]
    for language in report.languages[1:]:
        lines += ["", f"{names.get(language, language)} ({language})"]
        for kind, label in (("page", "pages"), ("text", "texts in worksheets and data")):
            counts = ", ".join(f"{len(report.of(language, kind, s))} {s}" for s in STATES)
            lines.append(f"  {label}: {counts}")
            for state in ("missing", "outdated"):
                for entry in report.of(language, kind, state):
                    lines.append(f"    {state:<11} {_where(entry)}")
            unconfirmed: dict[str, int] = {}
            for entry in report.of(language, kind, "unconfirmed"):
                where = entry.key if kind == "page" else entry.file
                unconfirmed[where] = unconfirmed.get(where, 0) + 1
            for where, count in unconfirmed.items():
                many = f" ({count} texts)" if kind == "text" else ""
                lines.append(f"    {'unconfirmed':<11} {where}{many}")
    return lines


def _where(entry: Entry) -> str:
    if entry.kind == "page":
        return entry.file if entry.state == "missing" else entry.key
    return f"{entry.file}:{entry.line}: {entry.key}"
