"""The worked example's values, worked out at build time, so that a worksheet shows the
example's values linked from other worksheets without the reader opening those first.

`solve` is the page's `solve` (worksheet/evaluate.js) for answers the checks accepted:
conditions and formulas take turns until the hidden fields settle. The two are held together
by tests/unit/test_example_values.py, which runs every worksheet's example through both.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from mctoolkit.answers import as_text, localised, with_row_ids
from mctoolkit.expressions import Node, answered, evaluate, options_key, references
from mctoolkit.fields import (
    Choices,
    ComputedField,
    Field,
    GroupField,
    Link,
    LinkedField,
    NumberField,
    TableField,
    parts,
)
from mctoolkit.model import ROW_ID, Worksheet
from mctoolkit.workbook import Workbook

TURNS = 5  # as in the page: conditions that never settle stop after this many turns


def _tidy(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _formula(item: Field) -> Node | None:
    """A computed value's parsed formula; None for every other kind of field."""
    return item.formula if isinstance(item, ComputedField) else None


def _source(item: Field) -> str | None:
    """What a linked value shows: worksheet-id.field (or .table.column in a group)."""
    return item.source if isinstance(item, LinkedField) else None


def _ordered(formulas: list[Field]) -> list[Field]:
    """Each formula after the formulas it reads."""
    by_id = {f.id: f for f in formulas}
    done: set[str] = set()
    ordered: list[Field] = []

    def visit(field_id: str) -> None:
        if field_id in done or field_id not in by_id:
            return
        done.add(field_id)
        formula: Node = _formula(by_id[field_id]) or {}
        for name in sorted(references(formula)):
            visit(name)
        ordered.append(by_id[field_id])

    for formula in formulas:
        visit(formula.id)
    return ordered


def solve(
    sheet: Worksheet, answers: Mapping[str, Any], linked: Mapping[str, Any]
) -> dict[str, Any]:
    """Every top field's value: answers (or defaults), linked values and formulas' results."""
    fields = list(sheet.top_fields())
    section_of = {f.id: s.id for s in sheet.sections for f in s.fields}
    formulas = _ordered([f for f in fields if _formula(f)])
    hidden: set[str] = set()
    values: dict[str, Any] = {}
    for _ in range(TURNS):

        def off(field_id: str, hidden: set[str] = hidden) -> bool:
            return field_id in hidden or f"section:{section_of.get(field_id)}" in hidden

        values = {key: options for key, options in linked.items() if "." in key}  # unchosen()
        for f in fields:
            if off(f.id) or _formula(f):
                continue
            value = (linked if isinstance(f, LinkedField) else answers).get(f.id)
            default = f.default if isinstance(f, NumberField) else None
            values[f.id] = value if answered(value) or default is None else default
        for f in formulas:
            values[f.id] = None if off(f.id) else _tidy(evaluate(_formula(f) or {}, values))
        conditions = [(s.condition, f"section:{s.id}") for s in sheet.sections]
        conditions += [(f.condition, f.id) for f in fields]
        now = {
            key
            for condition, key in conditions
            if condition and evaluate(condition, values) is not True
        }
        settled = now == hidden
        hidden = now
        if settled:
            break
    return values


def _has_rows(sheet: Worksheet, field_id: str) -> bool:
    found = sheet.field(field_id)
    return isinstance(found, TableField | GroupField)


def row_options(rows: Any, label: str) -> list[dict[str, Any]]:
    """The options a choice offers from another worksheet's rows: each row whose `label` part is
    answered, by its stable id, its label as text (linkedrows.js's rowOptions)."""
    if not isinstance(rows, list):
        return []
    return [
        {"id": row[ROW_ID], "label": as_text(row[label])}
        for row in with_row_ids(rows)
        if isinstance(row, dict) and answered(row.get(label))
    ]


def row_values(rows: Any, column: str) -> dict[str, Any]:
    """Each row's answer in `column`, by the row's stable id: what a linked column shows of the
    row its choice names (linkedrows.js's rowValues)."""
    if not isinstance(rows, list):
        return {}
    return {
        row[ROW_ID]: row[column]
        for row in with_row_ids(rows)
        if isinstance(row, dict) and answered(row.get(column))
    }


def rows_linked(item: Field, rows_of: Callable[[str], Any]) -> dict[str, Any]:
    """What `item`'s columns (or a group's members) take from other worksheets' rows
    (`rows_of("sheet.table")`): the options of its row choices and the values its linked
    columns show, by options_key."""
    linked: dict[str, Any] = {}
    for column in parts(item):  # a table's columns or a group's members
        if isinstance(column, Choices) and column.options_from_answers and column.option_label:
            rows = rows_of(column.options_from_answers)
            linked[options_key(item.id, column.id)] = row_options(rows, column.option_label)
        if isinstance(column, Link) and column.type == "linked" and column.source and column.via:
            sheet_id, table_id, column_id = column.linked_from()
            rows = rows_of(f"{sheet_id}.{table_id}")
            linked[options_key(item.id, column.id)] = row_values(rows, column_id)
    return linked


def example_values(workbook: Workbook, language: str) -> dict[str, dict[str, Any]]:
    """Each worksheet's example as the page stores it: its answers, and its formulas' values."""
    found: dict[str, dict[str, Any]] = {}

    def values_of(sheet: Worksheet, trail: frozenset[str]) -> dict[str, Any]:
        if sheet.id in found:
            return found[sheet.id]
        answers = {
            key: with_row_ids(value) if _has_rows(sheet, key) else value
            for key, value in localised(sheet.example, language).items()
            if answered(value)
        }
        linked = {}
        for f in sheet.top_fields():
            source = _source(f)
            if source and source.split(".", 1)[0] not in trail:
                linked[f.id] = linked_value(source, trail | {sheet.id})
            linked.update(rows_linked(f, lambda rows: linked_value(rows, trail | {sheet.id})))
        solved = solve(sheet, answers, linked)
        computed = {
            f.id: solved[f.id]
            for f in sheet.top_fields()
            if _formula(f) and solved.get(f.id) is not None
        }
        found[sheet.id] = {**computed, **answers}
        return found[sheet.id]

    def linked_value(source: str, trail: frozenset[str]) -> Any:
        sheet_id, field_id = source.split(".", 1)
        return values_of(workbook.worksheets[sheet_id], trail).get(field_id)

    for sheet in workbook.ordered():
        values_of(sheet, frozenset())
    return found


def example_linked(sheet: Worksheet, values: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The example's values of `sheet`'s linked fields, from the other worksheets' examples, and
    what its columns take from another worksheet's rows (under expressions.options_key)."""
    linked = {}
    for f in sheet.top_fields():
        if source := _source(f):
            sheet_id, field_id = source.split(".", 1)
            value = values.get(sheet_id, {}).get(field_id)
            if value is not None:
                linked[f.id] = value
        linked.update(rows_linked(f, lambda rows: _value_in(values, rows)))
    return linked


def _value_in(values: Mapping[str, Mapping[str, Any]], reference: str) -> Any:
    sheet_id, field_id = reference.split(".", 1)
    return values.get(sheet_id, {}).get(field_id)
