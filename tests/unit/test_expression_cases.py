"""One table of expression cases, run through the Python reference and the browser's evaluator.

The page carries parsed trees and the browser evaluates them (evaluate.js); exports and checks
evaluate them in Python. Both must give the same answer for every case in
tests/expressions/cases.yml, including every blank and odd input.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from mctoolkit.expressions import evaluate, parse
from tests.unit.nodejs import run_script

HERE = Path(__file__).resolve().parent
CASES_FILE = HERE.parent / "expressions" / "cases.yml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text("utf-8"))


def _same(actual: Any, expected: Any) -> bool:
    """Equal in value and kind: 2 and 2.0 agree, True and 1 do not, NaN never appears."""
    if isinstance(expected, bool) or isinstance(actual, bool) or expected is None:
        return actual is expected if expected is None or isinstance(expected, bool) else False
    if isinstance(expected, int | float):
        return isinstance(actual, int | float) and math.isfinite(actual) and actual == expected
    return actual == expected and type(actual) is type(expected)


def _case_id(case: dict[str, Any]) -> str:
    return f"{case['expr']} | {json.dumps(case['values'], sort_keys=True)}"


@pytest.fixture(scope="module")
def javascript_results() -> dict[str, Any]:
    payload = [{"tree": parse(case["expr"]), "values": case["values"]} for case in CASES]
    answers = run_script("evaluate_cases.mjs", payload)
    return {_case_id(case): answer for case, answer in zip(CASES, answers, strict=True)}


def test_the_table_is_not_empty_and_has_no_duplicates() -> None:
    ids = [_case_id(case) for case in CASES]
    assert len(ids) > 100
    assert len(ids) == len(set(ids)), "a case appears twice in cases.yml"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_python_reference_gives_the_expected_result(case: dict[str, Any]) -> None:
    actual = evaluate(parse(case["expr"]), case["values"])
    assert _same(actual, case["expected"]), f"Python gave {actual!r}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_browser_evaluator_gives_the_expected_result(
    case: dict[str, Any], javascript_results: dict[str, Any]
) -> None:
    answer = javascript_results[_case_id(case)]
    assert "error" not in answer, f"JavaScript threw {answer.get('error')}"
    assert _same(answer["value"], case["expected"]), f"JavaScript gave {answer['value']!r}"
