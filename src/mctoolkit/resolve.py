"""The model made whole before any check reads it: each formula (a computed value's, a
condition's) parsed and typed against the fields it reads, and each option list a choice names
(`options_from`) put in its place. What cannot be resolved is a problem of its own; the checks
(`checks`) then only look.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mctoolkit import expressions
from mctoolkit.expressions import ExpressionError
from mctoolkit.fields import (
    NUMERIC_TYPES,
    Choices,
    ComputedField,
    Field,
    GroupField,
    InfoField,
    LinkedField,
    TableField,
)
from mctoolkit.model import Option, Worksheet
from mctoolkit.problems import KeyPath, Problem
from mctoolkit.source import Source

OptionLists = Mapping[str, list[Option]]


def linked_to(item: Field, unreadable: frozenset[str]) -> bool:
    """A linked value of a worksheet too faulty to read: its own problems are named already."""
    return bool(
        isinstance(item, LinkedField) and item.source and item.source.split(".")[0] in unreadable
    )


def resolve_worksheet(
    sheet: Worksheet,
    source: Source,
    option_lists: OptionLists,
    sheets: Mapping[str, Worksheet],
    unreadable: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Fill in `sheet`'s formulas and option lists; the problems of those that cannot be."""
    problems: list[Problem] = []
    types = FormulaTypes(sheet, sheets)
    for section in sheet.sections:
        if section.show_if:
            path = (*section.path, "show_if")
            section.condition = _formula(section.show_if, path, types, source, problems)
    for item in sheet.all_fields():
        if linked_to(item, unreadable):
            continue
        if item.show_if:
            path = (*item.path, "show_if")
            item.condition = _formula(item.show_if, path, types, source, problems)
        if isinstance(item, ComputedField) and item.expr:
            expect = expressions.TEXT if item.format == "text" else expressions.NUMBER
            path = (*item.path, "expr")
            item.formula = _formula(item.expr, path, types, source, problems, expect)
        columns = item.columns if isinstance(item, TableField) else []
        for holder in [item, *columns]:
            if isinstance(holder, Choices):
                _fill_options(holder, option_lists)
    return problems


def _fill_options(holder: Choices, option_lists: OptionLists) -> None:
    """A choice's options from the list it names (an unknown list is the checks' to name)."""
    if holder.options_from is not None and holder.options_from in option_lists:
        holder.options = option_lists[holder.options_from]


@dataclass
class FormulaTypes:
    """The expression type of each top-level field, as formulas see it."""

    sheet: Worksheet
    sheets: Mapping[str, Worksheet]

    def of(self, field_id: str, seen: frozenset[str] = frozenset()) -> str | None:
        found = self.sheet.field(field_id)
        return None if found is None else _field_type(found, self.sheets, seen)

    def column(self, table_id: str, column_id: str) -> str | None:
        found = self.sheet.field(table_id)
        if not isinstance(found, TableField):
            return None
        column = next((c for c in found.columns if c.id == column_id), None)
        if column is None:
            return None
        if column.options_from_answers:
            return expressions.ROW_COLUMN
        if not column.stores_answer:  # shown from another worksheet, not in the stored rows
            return "linked column, which no formula reads"
        return (
            expressions.NUMBER_COLUMN if column.type in NUMERIC_TYPES else expressions.TEXT_COLUMN
        )


def _field_type(item: Field, sheets: Mapping[str, Worksheet], seen: frozenset[str]) -> str:
    if item.type in NUMERIC_TYPES:
        return expressions.NUMBER
    if item.type in ("multichoice", "checklist"):
        return expressions.LIST
    if isinstance(item, TableField | GroupField):
        return expressions.TABLE
    if isinstance(item, ComputedField):
        return expressions.TEXT if item.format == "text" else expressions.NUMBER
    if isinstance(item, LinkedField) and item.source and item.source not in seen:
        sheet_id, field_id = item.source.split(".", 1)
        target = sheets.get(sheet_id)
        found = target.field(field_id) if target else None
        if found is not None:
            return _field_type(found, sheets, seen | {item.source})
    if isinstance(item, InfoField):
        return "information block"
    return expressions.TEXT


def _formula(
    text: str,
    path: KeyPath,
    types: FormulaTypes,
    source: Source,
    problems: list[Problem],
    expect: str = expressions.BOOL,
) -> dict[str, Any] | None:
    """The parsed formula `text` if it reads known fields and gives `expect`."""
    try:
        tree = expressions.parse(text)
        kind = expressions.check(tree, types.of, types.column)
    except ExpressionError as error:
        problems.append(source.problem(path, str(error)))
        return None
    if kind != expect and not (
        expect == expressions.TEXT and kind in (expressions.NUMBER, expressions.LIST)
    ):
        problems.append(source.problem(path, f"should give {expect}, but gives {kind}"))
        return None
    return tree
