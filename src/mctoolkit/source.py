"""Read YAML into plain data while remembering the line of every key.

PyYAML's own loaders forget where a value came from and accept duplicate keys;
a partner needs both the line and the duplicate reported.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from mctoolkit import cachedir
from mctoolkit.problems import KeyPath, Problem, format_path

MAX_BYTES = 1_000_000
# libyaml's parser when PyYAML was built with it: about ten times faster, same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 64


@dataclass
class Source:
    """One YAML document: its data and where each part of it stands."""

    file: str
    data: Any = None
    lines: dict[KeyPath, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: KeyPath) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def problem(self, path: KeyPath, message: str) -> Problem:
        return Problem(self.file, self.line_of(path), format_path(path), message)


class _Composer:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.constructor = yaml.SafeLoader("")
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        if id(node) in self.seen:
            raise _Refused(node, "anchors and aliases are not supported; write the value out")
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:
            raise _Refused(node, f"nested more than {MAX_DEPTH} levels deep")
        self.source.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self.constructor.construct_object(key_node)
                if not isinstance(key, str):
                    key = str(key)
                if key in result:
                    raise _Refused(
                        key_node, f"duplicate key '{key}' in {format_path(path) or 'the file'}"
                    )
                self.source.lines[(*path, key)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self.constructor.construct_object(node)


class _Refused(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        self.line = node.start_mark.line + 1
        self.message = message


def read_text(text: str, file: str) -> Source:
    """Parse `text`; on any failure the source carries a problem and no data."""
    source = Source(file)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        source.problems.append(Problem(file, 1, "", f"larger than {MAX_BYTES // 1000} kB"))
        return source
    try:
        node = yaml.compose(text, Loader=_LOADER)
        if node is None:
            source.problems.append(Problem(file, 1, "", "the file is empty"))
            return source
        source.data = _Composer(source).build(node, ())
    except _Refused as refused:
        source.data = None
        source.problems.append(Problem(file, refused.line, "", refused.message))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        reason = error.problem or error.context or "not valid YAML"
        lines = text.splitlines()
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            reason += " (a tab: indent with spaces only)"
        source.problems.append(Problem(file, line, "", f"not valid YAML: {reason}"))
    except yaml.YAMLError as error:
        source.problems.append(Problem(file, 1, "", f"not valid YAML: {error}"))
    except RecursionError:
        source.problems.append(Problem(file, 1, "", f"nested more than {MAX_DEPTH} levels deep"))
    return source


def read_file(path: Path, display: str | None = None) -> Source:
    name = display or path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        source = Source(name)
        source.problems.append(Problem(name, 1, "", "not UTF-8 text"))
        return source
    return read_text(text, name)


_read_before: dict[tuple[str, str], Source] = {}
_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()  # a new reader, new entries


def read_file_shared(path: Path, display: str | None = None) -> Source:
    """`read_file`, parsed once per content: a build reads each worksheet for its checks and
    again for the translation status, and a rebuild reads what has not changed. Kept in the
    process and in the project's cache (`cachedir`) as JSON. The data is shared between callers
    and must not be changed; each gets its own list of problems."""
    name = display or path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return read_file(path, display)
    key = (name, text)
    if key not in _read_before:
        if len(_read_before) > 1000:  # a long `mkdocs serve` session: start afresh
            _read_before.clear()
        _read_before[key] = _remembered(name, text)
    source = _read_before[key]
    return replace(source, problems=list(source.problems))


def _remembered(name: str, text: str) -> Source:
    """`read_text(text, name)`, or what it gave before for the same text (parsing the YAML
    with every key's line is the slowest part of loading a project)."""
    folder = cachedir.folder("yaml")
    if folder is None:
        return read_text(text, name)
    entry = folder / hashlib.sha256(f"{_CODE}\0{name}\0{text}".encode()).hexdigest()
    try:
        saved = json.loads(entry.read_text("utf-8"))
        entry.touch()  # in use: `cachedir.prune` keeps it
        lines = {tuple(path): line for path, line in saved["lines"]}
        return Source(name, saved["data"], lines, [Problem(*p) for p in saved["problems"]])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    source = read_text(text, name)
    try:
        lines_list = [[list(path), line] for path, line in source.lines.items()]
        problems = [[p.file, p.line, p.path, p.message] for p in source.problems]
        saved_text = json.dumps({"data": source.data, "lines": lines_list, "problems": problems})
    except (TypeError, ValueError):
        return source  # a value JSON cannot hold (a YAML date): parsed each time
    if json.loads(saved_text)["data"] == source.data:  # JSON gives back exactly what YAML gave
        cachedir.write_whole(entry, saved_text)
    return source
