"""A build reuses the loaded worksheets and data only while none of their files has changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from mctoolkit import site
from mctoolkit.problems import ProblemError
from tests.unit.project import LANGUAGES, Project

FIELD = "- {id: name, type: text, label: {en: Name, et: Nimi}}\n"


def test_a_renamed_worksheet_file_is_loaded_again(tmp_path: Path) -> None:
    project = Project(tmp_path)
    path = project.sheet("plan", FIELD)
    assert "plan" in site.load(tmp_path, LANGUAGES).workbook.worksheets
    path.rename(path.with_name("renamed.yml"))  # keeps its time of change, as an editor's move
    with pytest.raises(ProblemError, match=r"should match the file name 'renamed\.yml'"):
        site.load(tmp_path, LANGUAGES)


def test_an_unchanged_project_is_not_loaded_again(tmp_path: Path) -> None:
    Project(tmp_path).sheet("plan", FIELD)
    assert site.load(tmp_path, LANGUAGES) is site.load(tmp_path, LANGUAGES)
