"""What `mctoolkit new` writes: `check` names every placeholder, and once they are filled in,
the site builds with the new page and worksheet in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from mctoolkit.cli import main
from tests.conftest import build_site


def test_check_names_every_placeholder_and_the_filled_files_build(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(project)
    assert main(["new", "page", "guide/funding", "--root", root]) == 0
    assert main(["new", "worksheet", "funding-plan", "--root", root]) == 0
    written = [
        project / "docs/guide/funding.md",
        project / "docs/guide/funding.et.md",
        project / "docs/worksheets/funding-plan.md",
        project / "docs/worksheets/funding-plan.et.md",
        project / "worksheets/funding-plan.yml",
    ]
    placeholders = sum(f.read_text("utf-8").count("TODO:") for f in written)
    capsys.readouterr()
    assert main(["check", "--root", root]) == 1
    problems = capsys.readouterr().out.splitlines()[:-1]
    assert len(problems) == placeholders == 18
    assert all("placeholder" in problem for problem in problems), problems
    for file in written:  # the partner writes the texts
        file.write_text(file.read_text("utf-8").replace("TODO: ", "Written: "), "utf-8")
    assert main(["check", "--root", root]) == 0
    result = build_site(project / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    estonian = (project / "site/et/worksheets/funding-plan/index.html").read_text("utf-8")
    assert "Written: Estonian for: the first question" in estonian
    page = (project / "site/guide/funding/index.html").read_text("utf-8")
    assert "Written: the title of the page" in page
