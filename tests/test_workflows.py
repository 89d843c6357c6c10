"""The GitHub workflows pass actionlint and pin every action to a version."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import ROOT, tool


def test_workflows_pass_actionlint() -> None:
    result = subprocess.run(
        [tool("node"), "tests/js/actionlint.mjs"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_an_exact_version() -> None:
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        for action in re.findall(r"uses:\s*(\S+)", workflow.read_text("utf-8")):
            assert re.search(r"@(v\d+\.\d+\.\d+|[0-9a-f]{40})$", action), (
                f"{workflow.name}: {action}"
            )


def test_continuous_integration_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"```bash\n(.*?)```", readme, re.S)[1]
    command = [line for line in block.splitlines() if line.strip() and not line.startswith("#")][1]
    assert command in (ROOT / ".ci" / "run").read_text("utf-8")
    assert command in (ROOT / ".github" / "workflows" / "test.yml").read_text("utf-8")
