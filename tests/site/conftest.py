"""A copy of the project that a test may break or edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

PROJECT = (
    "mkdocs.yml",
    "CONTRIBUTING.md",
    "CONTRIBUTING.et.md",
    "docs",
    "data",
    "worksheets",
    "hooks",
    "overrides",
    "src",
)


def copy_project(target: Path) -> Path:
    """Copy the project's sources (not its build or cache) into `target`."""
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy(source, target / name)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project that a test may break."""
    return copy_project(tmp_path)
