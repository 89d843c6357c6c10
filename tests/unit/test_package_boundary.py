"""The package stands on its own: nothing in it imports MkDocs or its plugins."""

from __future__ import annotations

import ast
from pathlib import Path

import mctoolkit

PACKAGE = Path(mctoolkit.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_module_of_the_package_imports_mkdocs() -> None:
    offenders = {
        path.name: sorted(
            name
            for name in imported_modules(path)
            if name.split(".")[0].startswith(("mkdocs", "material"))
        )
        for path in PACKAGE.rglob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}
