"""A pull request with mistakes: the test workflow shows each one on its file and line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.site.test_bad_input import edit


def workflow_check_command() -> str:
    """The check line of tools/test.sh, which the test workflow runs."""
    script = (ROOT / "tools" / "test.sh").read_text("utf-8")
    assert "bash tools/test.sh" in (ROOT / ".github/workflows/test.yml").read_text("utf-8")
    return re.search(r"^echo .*; (mctoolkit check .*)$", script, re.MULTILINE)[1]


def test_three_mistakes_give_exactly_three_annotations_on_their_lines(project: Path) -> None:
    # A partner forgets a translation, writes a list where shared data wants a text, and
    # links to a page that does not exist.
    edit(
        project / "worksheets" / "curriculum.yml",
        lambda text: text.replace("  et: Õppekava\n", "", 1),
    )
    edit(
        project / "data" / "partners.yml",
        lambda text: text.replace("    city: Tartu\n", "    city: [Tartu, Tallinn]\n", 1),
    )
    page = project / "docs" / "guide" / "piloting.et.md"
    edit(page, lambda text: text + "\n[Vaata kulusid](kulud.md)\n")
    link_line = len(page.read_text("utf-8").splitlines())
    environment = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    result = subprocess.run(
        ["bash", "-c", workflow_check_command()],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=data/partners.yml,line=9,title=mctoolkit check::"
        "partners[0].city: should be a text, not a list",
        f"::error file=docs/guide/piloting.et.md,line={link_line},title=mctoolkit check::"
        "link 'kulud.md': no such page",
        "::error file=worksheets/curriculum.yml,line=6,title=mctoolkit check::"
        "title: no Estonian text",
        "3 problems found",
    ]
