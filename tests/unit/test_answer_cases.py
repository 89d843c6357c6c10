"""One table of what a valid answer is, run through the build's rules and the browser's.

The build refuses a worked example the page could not show (src/mctoolkit/answers.py); the page
reads what a reader types and checks what she stores and imports (numbers.js, rules.js). Both
must agree on every case of tests/answers/cases.yml.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from mctoolkit.answers import answer_problems
from mctoolkit.fields import FIELD_KINDS, Column, Field, Option, Point
from tests.unit.nodejs import run_script

HERE = Path(__file__).resolve().parent
CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (HERE.parent / "answers" / "cases.yml").read_text("utf-8")
)
TYPED, ANSWERS = CASES["typed"], CASES["answers"]


def _field(spec: dict[str, Any], field_id: str = "answer") -> Field:
    """A model field as the page's spec describes it: given only what its kind has."""
    kind = FIELD_KINDS[spec["type"]]
    options = spec.get("options", [])
    scale = spec["type"] == "scale"
    given = {
        "label": {"en": field_id},
        "min": spec.get("min"),
        "max": spec.get("max"),
        "max_length": spec.get("max_length"),
        "options": [Option(id=o, label={"en": o}) for o in options],
        "points": [Point(value=int(o), label={"en": o}) for o in options] if scale else [],
        "columns": [_column(c) for c in spec.get("columns", [])],
        "fields": [_field(member, key) for key, member in spec.get("fields", {}).items()],
    }
    has = {attribute.name for attribute in dataclasses.fields(kind)}
    return kind(
        id=field_id, type=spec["type"], path=(), **{k: v for k, v in given.items() if k in has}
    )


def _column(spec: dict[str, Any]) -> Column:
    return Column(
        id=spec["id"],
        type=spec["type"],
        label={"en": spec["id"]},
        path=(),
        min=spec.get("min"),
        max=spec.get("max"),
        options=[Option(id=o, label={"en": o}) for o in spec.get("options", [])],
        options_from_answers=spec.get("options_from_answers"),
        option_label=spec.get("option_label"),
    )


def _answer_id(case: dict[str, Any]) -> str:
    return json.dumps([case["field"], case["value"]], sort_keys=True, ensure_ascii=False)


def _typed_id(case: dict[str, Any]) -> str:
    return f"{case['language']}:{case['text']!r}"


@pytest.fixture(scope="module")
def browser() -> dict[str, list[Any]]:
    return run_script("answer_cases.mjs", CASES)


def test_the_table_covers_every_type_and_both_languages() -> None:
    types = {case["field"]["type"] for case in CASES["answers"]}
    assert types >= {"text", "textarea", "date", "number", "money", "scale", "choice"}
    assert types >= {"multichoice", "checklist", "table", "group"}
    assert {case["language"] for case in CASES["typed"]} == {"en", "et"}
    assert len({_answer_id(case) for case in CASES["answers"]}) == len(CASES["answers"])
    assert len({_typed_id(case) for case in CASES["typed"]}) == len(CASES["typed"])


@pytest.mark.parametrize("index", range(len(TYPED)), ids=lambda i: _typed_id(TYPED[i]))
def test_the_page_reads_a_typed_number_as_the_table_says(
    index: int, browser: dict[str, list[Any]]
) -> None:
    assert browser["typed"][index] == CASES["typed"][index]["value"]


@pytest.mark.parametrize("index", range(len(ANSWERS)), ids=lambda i: _answer_id(ANSWERS[i]))
def test_the_build_finds_the_problems_the_table_lists(index: int) -> None:
    case = CASES["answers"][index]
    found = answer_problems(case["value"], _field(case["field"]))
    assert [[".".join(map(str, path)), code] for path, code, _ in found] == case["problems"]


@pytest.mark.parametrize("index", range(len(ANSWERS)), ids=lambda i: _answer_id(ANSWERS[i]))
def test_the_page_finds_the_problems_the_table_lists(
    index: int, browser: dict[str, list[Any]]
) -> None:
    assert browser["answers"][index] == CASES["answers"][index]["problems"]
