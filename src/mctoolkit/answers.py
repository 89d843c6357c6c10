"""What a valid answer is, for each type of field: the build's side of one definition.

The browser's side is `docs/assets/javascripts/worksheet/rules.js`; both give the same problems
for every case of `tests/answers/cases.yml` (tests/unit/test_answer_cases.py runs both). The build
uses it to refuse a worked example that the page could not show.

text, textarea, date (YYYY-MM-DD), choice (option id): strings; number, money, scale: numbers;
multichoice, checklist: option ids; table, group: lists of rows {id: answer}. A problem is
(path, code, values): codes "text", "date", "number", "choice", "choices" and "rows" say the
answer is of the wrong kind, "row" a row's stable id (`_row`, see model.ROW_ID) that is no
id, "unknown" names a key the field does not have, "min", "max" and
"length" say a number or a text breaks its field's rules.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Collection
from typing import Any

from mctoolkit.fields import (
    AnswerField,
    Choices,
    Column,
    Field,
    GroupField,
    Range,
    ScaleField,
    TableField,
    TextField,
    options_of,
    parts,
)
from mctoolkit.model import ROW_ID, Worksheet
from mctoolkit.problems import KeyPath

KIND = {
    "text": "text",
    "textarea": "text",
    "date": "date",
    "number": "number",
    "money": "number",
    "scale": "choice",
    "choice": "choice",
    "multichoice": "choices",
    "checklist": "choices",
    "table": "rows",
    "group": "rows",
}
MAX_ROWS = 500

AnswerProblem = tuple[KeyPath, str, dict[str, Any]]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def option_ids(holder: Field | Column) -> list[str]:
    """The answers a choice can hold: option ids, or a scale's points as text."""
    return [o.id for o in options_of(holder)]


def is_row_id(value: Any) -> bool:
    """A row's stable id, as rules.js's isRowId: 1 to 40 letters, digits, "-" or "_"."""
    return isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,40}", value) is not None


def fits_kind(value: Any, holder: Field | Column) -> bool:
    """Does `value` have the kind of answer `holder` holds? (Rows' cells are not looked into.)"""
    kind = KIND.get(holder.type)
    options = option_ids(holder)
    if kind == "text":
        return isinstance(value, str)
    if kind == "date":
        return _is_date(value)
    if kind == "number":
        return _is_number(value)
    if kind == "choice":
        if isinstance(holder, Choices) and holder.options_from_answers:
            return is_row_id(value)  # a row of another worksheet, kept when that row is removed
        if isinstance(holder, ScaleField):
            return _is_number(value) and _number_text(value) in options
        return isinstance(value, str) and value in options
    if kind == "choices":
        return (
            isinstance(value, list)
            and all(isinstance(item, str) and item in options for item in value)
            and len(set(value)) == len(value)
        )
    if kind == "rows":
        return (
            isinstance(value, list)
            and len(value) <= MAX_ROWS
            and all(isinstance(row, dict) for row in value)
        )
    return False


def _number_text(value: float) -> str:
    """A number as JavaScript's String() writes it: 2.0 is "2"."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def as_text(value: Any) -> str:
    """An answer as the page's String() writes it, where it is read as words (a row's label):
    4 and 4.0 are "4", True is "true"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if _is_number(value):
        return _number_text(value)
    return str(value)


def rule_broken(value: Any, holder: Field | Column) -> tuple[str, dict[str, Any]] | None:
    """The rule of its field a value of the right kind breaks, or None."""
    if _is_number(value) and KIND.get(holder.type) == "number" and isinstance(holder, Range):
        if holder.min is not None and value < holder.min:
            return "min", {"min": holder.min}
        if holder.max is not None and value > holder.max:
            return "max", {"max": holder.max}
    longest = holder.max_length if isinstance(holder, TextField) else None
    if isinstance(value, str) and longest is not None and len(value) > longest:
        return "length", {"max": longest}
    return None


def _parts(holder: Field | Column) -> dict[str, Field | Column]:
    return {part.id: part for part in parts(holder)}


def answer_problems(value: Any, holder: Field | Column, path: KeyPath = ()) -> list[AnswerProblem]:
    """Every problem of `value` as an answer to `holder`, at `path`."""
    if value is None or value == "":
        return []
    if not fits_kind(value, holder):
        return [(path, KIND.get(holder.type, "unknown"), {})]
    broken = rule_broken(value, holder)
    if broken:
        return [(path, *broken)]
    if KIND.get(holder.type) != "rows":
        return []
    parts = _parts(holder)
    found: list[AnswerProblem] = []
    for index, row in enumerate(value):
        for key, cell in row.items():
            part = parts.get(key)
            if key == ROW_ID:
                if not is_row_id(cell):
                    found.append(((*path, index, key), "row", {}))
            elif part is None:
                found.append(((*path, index, key), "unknown", {}))
            else:
                found.extend(answer_problems(cell, part, (*path, index, key)))
    return found


def _figure(number: float) -> str:
    return f"{number:g}"


def describe(code: str, values: dict[str, Any], holder: Field | Column | None) -> str:
    """A problem in words for the build's one-line report."""
    options = ", ".join(option_ids(holder)) if holder is not None else ""
    shown = holder is not None and not holder.stores_answer  # a linked column: never an answer
    return {
        "text": "should be a text (or a language map)",
        "date": "should be a date written YYYY-MM-DD, such as 2027-01-31, in quotes",
        "number": "should be a number",
        "choice": f"should be one of {options}",
        "choices": f"should be a list of option ids, each once ({options})",
        "rows": f"should be a list of at most {MAX_ROWS} rows, each a mapping",
        "row": f"a row's id ({ROW_ID}) should be 1 to 40 letters, digits, '-' or '_'",
        "unknown": f"a linked {'column' if isinstance(holder, Column) else 'value'} is shown,"
        " not filled in"
        if shown
        else "no field or column of this name",
        "min": f"should be {_figure(values.get('min', 0))} or more",
        "max": f"should be {_figure(values.get('max', 0))} or less",
        "length": f"should be at most {values.get('max')} characters long",
    }[code]


def localised(value: Any, language: str, languages: Collection[str] = ()) -> Any:
    """A worked example's language maps resolved to the page's language.

    A map of `languages` that lacks `language` gives its first text: its missing
    translation is reported on its own, and the answer is still checked as a text.
    """
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        if language in value:
            return value[language]
        if languages and set(value) <= set(languages):
            return next(iter(value.values()))
    if isinstance(value, dict):
        return {key: localised(item, language, languages) for key, item in value.items()}
    if isinstance(value, list):
        return [localised(item, language, languages) for item in value]
    return value


def progress_questions(sheet: Worksheet) -> list[dict[str, Any]]:
    """What a worksheet's progress counts, the same on its page and on the workbook page.

    Every answerable field is a question; one shown only on a condition counts once answered
    (the workbook page works out no conditions). A required field counts among the required
    answers, and so do the required columns or members of a table's rows or a group's items:
    in every row holding an answer, or else in the first row the form always shows.
    """
    always = {f.id for s in sheet.sections if not s.condition for f in s.fields if not f.condition}
    questions = []
    for item in sheet.top_fields():
        if not isinstance(item, AnswerField):
            continue
        fewest = item.min_rows if isinstance(item, TableField) else None
        if isinstance(item, GroupField):
            fewest = item.min_items
        questions.append(
            {
                "id": item.id,
                "always": item.id in always,
                "required": item.required,
                "parts": [
                    p.id for p in parts(item) if isinstance(p, Column | AnswerField) and p.required
                ],
                "fewest": fewest or 0,
            }
        )
    return questions


def with_row_ids(rows: list[Any]) -> list[Any]:
    """Rows of the worked example with the stable ids the page gives rows that have none: "r1",
    "r2", … by their number (answers.js's giveRowIds). A row's own id is kept."""
    return [
        {**row, ROW_ID: row.get(ROW_ID) if is_row_id(row.get(ROW_ID)) else f"r{index + 1}"}
        if isinstance(row, dict)
        else row
        for index, row in enumerate(rows)
    ]
