"""The worked example's values, worked out by the build, are the page's: a worksheet shows the
example's linked values without its sources opened first."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from mctoolkit.examplevalues import example_values
from mctoolkit.fields import ComputedField
from mctoolkit.render import render_worksheet
from mctoolkit.workbook import Workbook, load_workbook
from tests.conftest import ROOT
from tests.unit.nodejs import run_script
from tests.unit.project import LANGUAGES, Project


@pytest.fixture(scope="module")
def workbook() -> Workbook:
    return load_workbook(ROOT, LANGUAGES)


def page_spec(workbook: Workbook, sheet_id: str, language: str) -> dict[str, Any]:
    """The spec a worksheet's page carries, as the browser reads it."""
    fragment = render_worksheet(workbook.worksheets[sheet_id], workbook, language)
    found = re.search(
        r'<script type="application/json" class="ws-spec">(.*?)</script>', fragment, re.S
    )
    assert found, "no spec on the page"
    return json.loads(found.group(1))


def test_the_revenue_streams_example_carries_the_cost_structures_total(workbook: Workbook) -> None:
    spec = page_spec(workbook, "revenue-streams", "en")
    assert spec["example_linked"]["cost_total"] == 4500


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_example_plan_shows_each_chosen_outcomes_level_from_the_curriculum(
    workbook: Workbook, language: str
) -> None:
    spec = page_spec(workbook, "assessment-plan", language)
    levels = spec["example_linked"]["plan.level"]
    outcomes = example_values(workbook, language)["curriculum"]["outcomes"]
    assert levels == {row["_row"]: row["level"] for row in outcomes if row.get("level")}
    assert {row["outcome"] for row in spec["example"]["plan"]} <= set(levels)


def test_the_example_channels_show_the_chosen_personas_occupation(workbook: Workbook) -> None:
    occupations = page_spec(workbook, "channels", "et")["example_linked"]["channels.occupation"]
    personas = example_values(workbook, "et")["learner-persona"]["personas"]
    assert occupations["r1"] == personas[0]["occupation"]


def test_a_worksheet_with_no_linked_fields_carries_no_example_links(workbook: Workbook) -> None:
    assert "example_linked" not in page_spec(workbook, "learner-persona", "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_works_out_every_example_as_the_build_does(
    workbook: Workbook, language: str
) -> None:
    built = example_values(workbook, language)
    sheets = [
        s
        for s in workbook.ordered()
        if any(isinstance(f, ComputedField) and f.formula for f in s.top_fields())
    ]
    assert len(sheets) > 5
    cases = []
    for sheet in sheets:
        spec = page_spec(workbook, sheet.id, language)
        section_of = {f.id: s.id for s in sheet.sections for f in s.fields}
        cases.append(
            {
                "spec": spec,
                "answers": spec["example"],
                "linked": spec.get("example_linked", {}),
                "sectionOf": section_of,
            }
        )
    in_page = run_script("solve_cases.mjs", cases)
    for sheet, values in zip(sheets, in_page, strict=True):
        formulas = [f.id for f in sheet.top_fields() if isinstance(f, ComputedField) and f.formula]
        page = {fid: values.get(fid) for fid in formulas if values.get(fid) is not None}
        build = {fid: built[sheet.id][fid] for fid in formulas if fid in built[sheet.id]}
        assert page == build, sheet.id


SOURCE = """\
- {id: hours, type: number, label: {en: Hours, et: Tunnid}}
- {id: rate, type: number, default: 27, label: {en: Rate, et: Määr}}
- id: paid
  type: choice
  label: {en: Paid, et: Tasuline}
  options:
    - {id: "yes", label: {en: Paid, et: Tasuline}}
    - {id: "no", label: {en: Free, et: Tasuta}}
- {id: fee, type: number, show_if: "paid == 'yes'", label: {en: Fee, et: Tasu}}
- {id: ects, type: computed, expr: "hours / rate", format: number, label: {en: ECTS, et: EAP}}
- id: income
  type: computed
  expr: "if(answered(fee), fee, 0)"
  format: number
  label: {en: Income, et: Tulu}
"""
MIDDLE = """\
- {id: ects, type: linked, source: source.ects, label: {en: ECTS, et: EAP}}
- {id: double, type: computed, expr: "ects * 2", format: number, label: {en: Twice, et: Kaks}}
"""
LAST = "- {id: double, type: linked, source: middle.double, label: {en: Twice, et: Kaks}}\n"


def test_a_default_a_hidden_field_and_a_chain_of_links_are_worked_out_as_on_the_page(
    tmp_path: Path,
) -> None:
    project = Project(tmp_path)
    source = project.sheet("source", SOURCE)
    source.write_text(source.read_text("utf-8") + 'example: {hours: 54, paid: "no", fee: 100}\n')
    project.sheet("middle", MIDDLE)
    project.sheet("last", LAST)
    values = example_values(project.load(), "en")
    assert values["source"]["ects"] == 2  # 54 hours at the default 27 hours per credit
    assert values["source"]["income"] == 0  # the fee is hidden while the course is free
    assert values["last"] == {}  # "last" has no example of its own
    assert values["middle"]["double"] == 4
