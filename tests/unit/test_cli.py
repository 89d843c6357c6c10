"""The package's command line: the same checks as the build, and the translation to-do list."""

from __future__ import annotations

from pathlib import Path

import pytest

from mctoolkit.cli import main
from mctoolkit.problems import Problem, github_annotation
from tests.conftest import ROOT
from tests.unit.project import Project


def test_check_passes_on_the_project_itself(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(ROOT)]) == 0
    assert "worksheets checked in en, et: no problems" in capsys.readouterr().out


def test_check_prints_one_line_per_problem_and_fails(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.sheet("plan", "- {id: name, type: text, label: {en: Name}}\n")
    project.sheet("other", "- {id: x, type: number}\n")
    (project.root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    assert main(["check", "--root", str(project.root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "worksheets/other.yml:9: sections[0].fields[0]: missing 'label'",
        "worksheets/plan.yml:9: sections[0].fields[0].label: no Estonian text",
        "2 problems found",
    ]


def test_translations_lists_pages_without_their_twin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "done.md").write_text("# Done\n")
    (tmp_path / "docs" / "done.et.md").write_text("# Valmis\n")
    (tmp_path / "docs" / "later.md").write_text("---\ntranslation: pending\n---\n# Later\n")
    (tmp_path / "docs" / "forgotten.md").write_text("# Forgotten\n")
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    assert main(["translations", "--root", str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "docs/forgotten.md: no Estonian translation (missing: the build stops)",
        "docs/later.md: no Estonian translation (marked pending)",
        "2 page(s) without a translation",
    ]


def test_a_github_annotation_escapes_what_would_end_it_early() -> None:
    problem = Problem("docs/a,b.md", 3, "title", "100% wrong\nhere: see")
    assert github_annotation(problem) == (
        "::error file=docs/a%2Cb.md,line=3,title=mctoolkit check::title: 100%25 wrong%0Ahere: see"
    )
    assert github_annotation(Problem("data/x.yml", 0, "", "missing")) == (
        "::error file=data/x.yml,title=mctoolkit check::missing"
    )


@pytest.mark.parametrize("command", ["check", "status", "translations"])
def test_a_broken_mkdocs_yml_is_one_line_naming_its_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - i18n:\n    a: b: c\n", "utf-8"
    )
    assert main([command, "--root", str(tmp_path)]) == 1
    assert (
        capsys.readouterr().out
        == "mkdocs.yml:4: not valid YAML: mapping values are not allowed here\n"
    )


def test_a_language_without_its_locale_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = (
        "plugins:\n  - i18n:\n      languages:\n"
        "        - {locale: en, default: true}\n        - {name: Suomi}\n"
    )
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    assert main(["check", "--root", str(tmp_path)]) == 1
    assert capsys.readouterr().out == "mkdocs.yml: plugins.i18n.languages: each needs a 'locale'\n"
