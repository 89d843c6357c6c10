"""The options a choice offers from another worksheet's rows: the build (for the worked example)
and the page number rows without ids alike, and name each option by the same row."""

from __future__ import annotations

from typing import Any

import pytest

from mctoolkit.examplevalues import row_options, row_values
from mctoolkit.workbook import load_workbook
from tests.conftest import ROOT
from tests.unit.nodejs import run_script

CASES: list[dict[str, Any]] = [
    {"rows": [{"outcome": "Plans"}, {"outcome": "Reads"}], "label": "outcome"},
    {"rows": [{"outcome": "Plans"}, {"level": "eqf4"}, {"outcome": "Reads"}], "label": "outcome"},
    {
        "rows": [{"outcome": "Plans", "_row": "n1"}, {"outcome": "Reads", "_row": "r7"}],
        "label": "outcome",
    },
    {"rows": [{"name": "Kadri"}, "not a row", {"name": ""}], "label": "name"},
    {"rows": None, "label": "outcome"},
    {
        "rows": [{"outcome": "Plans", "level": "eqf4"}, {"level": "3"}, {"outcome": "R"}],
        "label": "level",
    },
    # A label that is a number (or a yes/no) reads as the page writes it: the text "4", not 4.
    {"rows": [{"level": 4}, {"level": 4.5}, {"level": 4.0}, {"level": 0}], "label": "level"},
    {"rows": [{"done": True}, {"done": False}], "label": "done"},
]


@pytest.fixture(scope="module")
def browser() -> list[Any]:
    return list(run_script("row_options_cases.mjs", CASES))


@pytest.mark.parametrize("index", range(len(CASES)))
def test_the_build_and_the_page_offer_the_same_rows(browser: list[Any], index: int) -> None:
    case = CASES[index]
    assert row_options(case["rows"], case["label"]) == browser[index]["options"]


@pytest.mark.parametrize("index", range(len(CASES)))
def test_the_build_and_the_page_link_the_same_values_by_row(browser: list[Any], index: int) -> None:
    case = CASES[index]
    assert row_values(case["rows"], case["label"]) == browser[index]["values"]


def test_the_worked_examples_plan_assesses_every_outcome_of_the_curriculum() -> None:
    workbook = load_workbook(ROOT, ["en", "et"])
    outcomes = workbook.worksheets["curriculum"].example["outcomes"]
    chosen = [row["outcome"] for row in workbook.worksheets["assessment-plan"].example["plan"]]
    assert sorted(chosen) == sorted(option["id"] for option in row_options(outcomes, "outcome"))
