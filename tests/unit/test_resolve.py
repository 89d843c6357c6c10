"""Resolving makes a worksheet's model whole (formulas parsed, option lists in place) before
any check reads it; the checks then only look."""

from __future__ import annotations

from mctoolkit.checks import check_worksheet
from mctoolkit.loader import build_worksheet
from mctoolkit.model import Worksheet
from mctoolkit.problems import Problem
from mctoolkit.resolve import OptionLists, resolve_worksheet
from mctoolkit.source import Source, read_file
from mctoolkit.workbook import load_option_lists
from tests.unit.project import LANGUAGES, Project

FIELDS = """\
- {id: hours, type: number, label: {en: Hours, et: Tunnid}}
- {id: mode, type: choice, options_from: assessment-type, label: {en: Mode, et: Vorm}}
- {id: double, type: computed, expr: "hours * 2", label: {en: Double, et: Kahekordne}}
- {id: note, type: text, show_if: "hours > 10", label: {en: Note, et: Märkus}}
"""


def resolved(
    project: Project, fields: str = FIELDS
) -> tuple[Worksheet, Source, OptionLists, list[Problem]]:
    path = project.sheet("plan", fields)
    source = read_file(path, "worksheets/plan.yml")
    sheet = build_worksheet(source)
    option_lists, _ = load_option_lists(project.root, LANGUAGES)
    problems = resolve_worksheet(sheet, source, option_lists, {"plan": sheet})
    return sheet, source, option_lists, problems


def test_resolving_parses_formulas_and_puts_each_named_option_list_in_place(
    project: Project,
) -> None:
    sheet, _, option_lists, problems = resolved(project)
    assert problems == []
    fields = {item.id: item for item in sheet.all_fields()}
    assert fields["double"].formula is not None
    assert fields["note"].condition is not None
    assert fields["mode"].options == option_lists["assessment-type"]


def test_a_formula_that_cannot_be_resolved_is_a_problem_of_resolving(project: Project) -> None:
    fields = '- {id: double, type: computed, expr: "hours * 2", label: {en: D, et: K}}\n'
    sheet, _, _, problems = resolved(project, fields)
    assert [p.message for p in problems] == ["no field 'hours' in this worksheet"]
    assert next(sheet.all_fields()).formula is None


def test_the_checks_leave_the_model_as_resolving_made_it(project: Project) -> None:
    sheet, source, option_lists, _ = resolved(project)
    before = repr(sheet)
    check_worksheet(sheet, source, LANGUAGES, option_lists, {"plan": sheet})
    assert repr(sheet) == before
