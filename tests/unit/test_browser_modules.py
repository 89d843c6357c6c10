"""The browser's pure modules, tested under Node with its own test runner (tests/js/*.test.mjs)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, tool

SUITES = sorted((ROOT / "tests" / "js").glob("*.test.mjs"))


@pytest.mark.parametrize("suite", SUITES, ids=[suite.name for suite in SUITES])
def test_the_node_suite_passes(suite: Path) -> None:
    result = subprocess.run(
        [tool("node"), "--test", str(suite)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
