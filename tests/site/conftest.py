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


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project that a test may break."""
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        elif source.exists():
            shutil.copy(source, tmp_path / name)
    return tmp_path
