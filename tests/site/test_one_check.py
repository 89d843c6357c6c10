"""`mctoolkit check` is the build's check: the same problems, every one of them, in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from mctoolkit.cli import main
from tests.conftest import build_site
from tests.site.test_bad_input import edit


def build_problems(project: Path) -> list[str]:
    """The problem lines the build stopped with (the log's first line carries its level)."""
    result = build_site(project / "site", config=project / "mkdocs.yml")
    assert result.returncode != 0, "the build should have stopped"
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("ERROR"))
    return [lines[start].split("-  ", 1)[1], *lines[start + 1 :]]


def check_problems(project: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["check", "--root", str(project)]) == 1
    *problems, count = capsys.readouterr().out.splitlines()
    assert count == f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found"
    return problems


def test_a_broken_data_file_stops_check_and_build_alike(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary = project / "data" / "glossary.yml"
    edit(glossary, lambda text: text.replace("  - id: eqf", "  - idd: eqf"))
    expected = [
        "data/glossary.yml:102: terms[14]: missing 'id'",
        "data/glossary.yml:102: terms[14].idd: unknown key (check its spelling)",
    ]
    assert check_problems(project, capsys) == expected
    assert build_problems(project) == expected


def test_every_kind_of_mistake_of_every_file_is_reported_in_one_run(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One worksheet with a shape error, a missing translation and a link to no page ...
    edit(
        project / "worksheets" / "learner-persona.yml",
        lambda text: (
            text.replace("version: 1\n", "version: one\n")
            .replace("  et: Õppija persoona\n", "")
            .replace(
                "What the course is about", "What the [course](guide/no-such-page.md) is about"
            )
        ),
    )
    # ... and a page with a wrong front matter key and a link to no page, and one untranslated.
    about = project / "docs" / "about" / "index.md"
    edit(about, lambda text: f"---\nrender_macro: true\n---\n{text}\n[gone](no-such-page.md)\n")
    link_line = len(about.read_text("utf-8").splitlines())
    (project / "docs" / "guide" / "piloting.et.md").unlink()
    problems = check_problems(project, capsys)
    assert problems == [
        "docs/about/index.md:2: front matter.render_macro: unknown key (known: description, "
        "hide, icon, render_macros, search, source_hash, status, template, title, translation)",
        f"docs/about/index.md:{link_line}: link 'no-such-page.md': no such page",
        "docs/guide/piloting.md: no Estonian translation (add guide/piloting.et.md, "
        "or mark the page 'translation: pending' in its front matter)",
        "worksheets/learner-persona.yml:4: version: should be a whole number, not a text",
        "worksheets/learner-persona.yml:6: title: no Estonian text",
        "worksheets/learner-persona.yml:33: sections[0].fields[0].help.en: "
        "link 'guide/no-such-page.md': no page docs/guide/no-such-page.md",
    ]
    assert build_problems(project) == problems
