"""The site's ES modules joined into one classic script, for pages opened from disk.

Browsers refuse module scripts on `file://` pages (their origin is opaque), so the offline copy
carries the same code as one classic script. This is not a general bundler: it accepts the
project's own module style and refuses anything else with the file and line, so that a change
of style stops the build instead of writing a script that breaks in the reader's browser.

- `import { a, b as c } from "./x.js";` at the top of a module, of names the other exports
- `export function|async function|const|let|var|class name` declarations
- `export { a, b as c };`, the list a bundler writes at the end of a vendored library
- `import("./x.js")` for code loaded only when needed (joined in, resolved once all has run)
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from mctoolkit.problems import Problem

_NAME = r"[A-Za-z_$][\w$]*"
_STATIC = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)";?[ \t]*$', re.M)
_IMPORTED = re.compile(rf"^({_NAME})(?:\s+as\s+({_NAME}))?$")
_DYNAMIC = re.compile(r'\bimport\(\s*"(\.[^"]+)"\s*\)')
_EXPORT = re.compile(
    r"^export\s+(?:async\s+function\*?|function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)",
    re.M,
)
_EXPORT_LIST = re.compile(
    rf"^export\s*\{{((?:\s*{_NAME}(?:\s+as\s+{_NAME})?\s*,?)*\s*)\}}\s*;?[ \t]*$", re.M
)
# Statements that begin a line with `import` (not `import(` or `import.meta`) or `export`.
_STATEMENT = re.compile(r"^[ \t]*(?:import\b(?!\s*[(.])|export\b)[^\n]*", re.M)
_ANY_DYNAMIC = re.compile(r"\bimport\([^\n)]*\)?")


class ModuleStyleError(ValueError):
    """A module uses a form of import or export that the joiner does not handle."""

    def __init__(self, name: str, line: int, message: str) -> None:
        self.problem = Problem(name, line, "", message)
        super().__init__(str(self.problem))


def _line(source: str, position: int) -> int:
    return source.count("\n", 0, position) + 1


def _check_style(name: str, source: str) -> None:
    """Refuses every import or export statement that the joiner would not rewrite correctly."""
    understood = {
        match.start()
        for pattern in (_STATIC, _EXPORT, _EXPORT_LIST)
        for match in pattern.finditer(source)
    }
    for match in _STATEMENT.finditer(source):
        at = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        if at not in understood:
            unsupported = f"unsupported module syntax: {match.group(0).strip()}"
            raise ModuleStyleError(name, _line(source, at), unsupported)
    literal = {match.start() for match in _DYNAMIC.finditer(source)}
    for match in _ANY_DYNAMIC.finditer(source):
        if match.start() not in literal:
            computed = f"import() of a computed name cannot be joined: {match.group(0)}"
            raise ModuleStyleError(name, _line(source, match.start()), computed)
    for match in _STATIC.finditer(source):
        for item in _import_items(match.group(1)):
            if not _IMPORTED.match(item):
                unsupported = f"unsupported import: {item}"
                raise ModuleStyleError(name, _line(source, match.start()), unsupported)


def _import_items(names: str) -> list[str]:
    """`a, b as c,` -> `["a", "b as c"]`."""
    return [" ".join(part.split()) for part in names.split(",") if part.strip()]


def _listed_exports(source: str) -> list[str]:
    """`export { a, b as c };` as the entries `a`, `c: b` of the module's returned object."""
    entries = []
    for match in _EXPORT_LIST.finditer(source):
        for item in _import_items(match.group(1)):
            local, _, public = item.partition(" as ")
            entries.append(f"{public}: {local}" if public and public != local else local)
    return entries


def _exported_names(source: str) -> set[str]:
    listed = (entry.partition(":")[0] for entry in _listed_exports(source))
    return set(_EXPORT.findall(source)) | set(listed)


def _check_imported_names(modules: dict[str, str]) -> None:
    """Every name a module imports is exported by the other: else it would be `undefined`."""
    for name, source in modules.items():
        for match in _STATIC.finditer(source):
            target = _resolve(name, match.group(2))
            exported = _exported_names(modules[target])
            for item in _import_items(match.group(1)):
                imported = item.split()[0]
                if imported not in exported:
                    missing = f"'{imported}' is not exported by {match.group(2)}"
                    raise ModuleStyleError(name, _line(source, match.start()), missing)


def _resolve(importer: str, target: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(importer), target))


def _modules(root: Path, entry: str) -> dict[str, str]:
    """Every module reachable from `entry`, by path relative to `root`."""
    found: dict[str, str] = {}
    pending = [entry]
    while pending:
        name = pending.pop()
        if name in found:
            continue
        source = (root / name).read_text("utf-8")
        _check_style(name, source)
        found[name] = source
        targets = [m.group(2) for m in _STATIC.finditer(source)] + _DYNAMIC.findall(source)
        pending += [_resolve(name, target) for target in targets]
    _check_imported_names(found)
    return found


def _order(modules: dict[str, str]) -> list[str]:
    """Dependencies before dependants (static imports only; dynamic ones resolve lazily)."""
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in ordered:
            return
        if name in visiting:
            raise ModuleStyleError(name, 1, "modules import each other in a circle")
        visiting.add(name)
        for match in _STATIC.finditer(modules[name]):
            visit(_resolve(name, match.group(2)))
        visiting.discard(name)
        ordered.append(name)

    for name in sorted(modules):
        visit(name)
    return ordered


def _rewrite_imports(name: str, source: str) -> str:
    def key(target: str) -> str:
        return f"modules[{json.dumps(_resolve(name, target))}]"

    def destructure(match: re.Match[str]) -> str:
        # `import { a, b as c }` binds what `const { a, b: c }` binds from the module's object.
        names = ", ".join(item.replace(" as ", ": ") for item in _import_items(match.group(1)))
        return f"const {{ {names} }} = {key(match.group(2))};"

    source = _STATIC.sub(destructure, source)
    # Looked up once the whole script has run, as a module loaded later would be.
    return _DYNAMIC.sub(lambda m: f"Promise.resolve().then(() => {key(m.group(1))})", source)


def join(root: Path, entry: str) -> str:
    """One classic script that runs `entry` as the browser would run the module graph."""
    modules = _modules(root, entry)
    parts = ['"use strict";', "(() => {", "const modules = {};"]
    for name in _order(modules):
        body = _rewrite_imports(name, modules[name])
        exported = _EXPORT.findall(body) + _listed_exports(body)
        body = _EXPORT_LIST.sub("", body)
        body = re.sub(r"^export\s+", "", body, flags=re.M)
        parts += [
            f"// {name}",
            f"modules[{json.dumps(name)}] = (() => {{",
            body,
            f"return {{{', '.join(exported)}}};",
            "})();",
        ]
    parts.append("})();")
    return "\n".join(parts) + "\n"
