"""The site's ES modules joined into one classic script, for pages opened from disk.

Browsers refuse module scripts on `file://` pages (their origin is opaque), so the offline copy
carries the same code as one classic script. This is not a general bundler: it accepts the
project's own module style and refuses anything else, so that a change of style fails loudly.

- `import { a, b } from "./x.js";` at the top of a module
- `export function|async function|const|let|var|class name` declarations
- `export { a, b as c };`, the list a bundler writes at the end of a vendored library
- `import("./x.js")` for code loaded only when needed (joined in, resolved once all has run)
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

_STATIC = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)";?[ \t]*$', re.M)
_DYNAMIC = re.compile(r'\bimport\(\s*"(\.[^"]+)"\s*\)')
_EXPORT = re.compile(
    r"^export\s+(?:async\s+function\*?|function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)",
    re.M,
)
_NAME = r"[A-Za-z_$][\w$]*"
_EXPORT_LIST = re.compile(
    rf"^export\s*\{{((?:\s*{_NAME}(?:\s+as\s+{_NAME})?\s*,?)*\s*)\}}\s*;?[ \t]*$", re.M
)
_UNSUPPORTED = re.compile(
    r"^\s*(?:export\s+(?:default|\*)|export\s*\{[^}]*\}\s*from|import\s+(?!\{)[^(]|import\s*\*)",
    re.M,
)


class ModuleStyleError(ValueError):
    """A module uses a form of import or export that the joiner does not handle."""


def _stray_export_list(source: str) -> re.Match[str] | None:
    """An `export {` that is not a plain list of names (a re-export, say)."""
    listed = {m.start() for m in _EXPORT_LIST.finditer(source)}
    return next(
        (m for m in re.finditer(r"^\s*export\s*\{[^\n]*", source, re.M) if m.start() not in listed),
        None,
    )


def _listed_exports(source: str) -> list[str]:
    """`export { a, b as c };` as the entries `a`, `c: b` of the module's returned object."""
    entries = []
    for match in _EXPORT_LIST.finditer(source):
        for item in filter(None, (part.strip() for part in match.group(1).split(","))):
            local, _, public = (word.strip() for word in item.partition(" as "))
            entries.append(f"{public}: {local}" if public and public != local else local)
    return entries


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
        bad = _UNSUPPORTED.search(source) or _stray_export_list(source)
        if bad:
            raise ModuleStyleError(f"{name}: unsupported module syntax: {bad.group(0).strip()}")
        found[name] = source
        targets = [m.group(2) for m in _STATIC.finditer(source)] + _DYNAMIC.findall(source)
        pending += [_resolve(name, target) for target in targets]
    return found


def _order(modules: dict[str, str]) -> list[str]:
    """Dependencies before dependants (static imports only; dynamic ones resolve lazily)."""
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in ordered:
            return
        if name in visiting:
            raise ModuleStyleError(f"{name}: modules import each other in a circle")
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

    source = _STATIC.sub(lambda m: f"const {{{m.group(1).strip()}}} = {key(m.group(2))};", source)
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
