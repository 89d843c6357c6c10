"""Run one of tests/js's scripts under Node: JSON in on stdin, JSON out on stdout."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "js"


def run_script(name: str, payload: Any) -> Any:
    """What tests/js/<name> writes for `payload`; the test fails when Node is missing or throws."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: the browser's pure modules are tested under Node")
    result = subprocess.run(
        [node, "--no-warnings", str(SCRIPTS / name)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
