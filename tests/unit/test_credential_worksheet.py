"""The micro-credential description worksheet: last in the workbook, its panel names real fields,
and a worked example may choose an option per language."""

from __future__ import annotations

import re

import pytest

from mctoolkit.model import Worksheet
from mctoolkit.workbook import Workbook, load_workbook
from tests.conftest import ROOT
from tests.unit.project import LANGUAGES, Project

SHEET = "micro-credential"


@pytest.fixture(scope="module")
def workbook() -> Workbook:
    return load_workbook(ROOT, LANGUAGES)


@pytest.fixture(scope="module")
def sheet(workbook: Workbook) -> Worksheet:
    return workbook.worksheets[SHEET]


def panel_ids(sheet: Worksheet, language: str) -> list[str]:
    panel = next(f for f in sheet.all_fields() if f.id == "completeness")
    return re.findall(rf"\(#ws-{SHEET}-(\w+)\)", panel.text[language])


def test_the_description_is_the_last_worksheet_of_the_workbook(workbook):
    in_workbook = [s.id for s in workbook.ordered() if s.workbook]
    assert in_workbook[-1] == SHEET


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_panel_lists_the_eleven_mandatory_elements_then_the_exports_needs(sheet, language):
    ids = panel_ids(sheet, language)
    assert len(ids) == 11 + 7
    assert ids[:11] == [
        "learner_identification", "title", "country", "awarding_body", "issuing", "outcomes",
        "hours", "eqf_level", "assessment_types", "participation_form", "quality_assurance",
    ]  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_element_of_the_panel_is_a_field_of_the_worksheet(sheet, language):
    fields = {f.id for f in sheet.all_fields()}
    assert set(panel_ids(sheet, language)) <= fields


def test_a_value_taken_from_another_worksheet_sits_beside_the_field_that_overrides_it(sheet):
    fields = {f.id: f for f in sheet.all_fields()}
    linked = [f for f in fields.values() if f.type == "linked"]
    assert len(linked) >= 10
    overridden = [f.id[: -len("_from")] for f in linked if f.id[: -len("_from")] in fields]
    assert {"title", "outcomes", "eqf_level", "hours", "assessment_types", "criteria"} <= set(
        overridden
    )


def problems_of_example(tmp_path, example: str) -> list[str]:
    """A worksheet with one language choice, whose worked example is `example`."""
    project = Project(tmp_path)
    project.sheet(
        "lang",
        """
        - {id: language, type: choice, label: {en: L, et: K}, options_from: language}
        """,
    )
    path = project.root / "worksheets" / "lang.yml"
    path.write_text(path.read_text("utf-8") + f"example:\n  language: {example}\n", "utf-8")
    return project.problems()


def test_a_worked_example_may_choose_an_option_per_language(tmp_path):
    assert problems_of_example(tmp_path, "{en: en, et: et}") == []


def test_an_unknown_option_in_a_per_language_example_is_one_clear_line(tmp_path):
    problems = problems_of_example(tmp_path, "{en: en, et: xx}")
    assert len(problems) == 1
    assert problems[0].startswith("worksheets/lang.yml:")
    assert "example.language" in problems[0] and "should be one of" in problems[0]
