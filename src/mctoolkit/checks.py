"""Checks of meaning that a schema cannot express: ids, languages, references, charts, the
worked example. They only look: what the model names by reference is filled in before them
(`resolve`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Generator, Iterator, Mapping
from typing import Any

from mctoolkit import expressions
from mctoolkit.answers import KIND, answer_problems, describe, localised
from mctoolkit.fields import (
    ChoiceField,
    Choices,
    Column,
    ComputedField,
    DateField,
    Field,
    GroupField,
    InfoField,
    LinkedField,
    NumberField,
    Option,
    Range,
    ScaleField,
    TableField,
    parts,
)
from mctoolkit.languages import text_problems
from mctoolkit.model import Section, Text, Worksheet
from mctoolkit.problems import KeyPath, Problem
from mctoolkit.resolve import FormulaTypes, OptionLists, linked_to
from mctoolkit.source import Source


def _text_keys(kind: type[Any]) -> list[str]:
    """The attributes of a class of the model that hold a language map, by their annotations."""
    return [a.name for a in dataclasses.fields(kind) if a.type in ("Text", "Text | None")]


def _texts(sheet: Worksheet) -> Iterator[tuple[KeyPath, Text]]:
    """Every language map of a worksheet, with its path."""

    def of(
        holder: Section | Field | Column | Option, path: KeyPath
    ) -> Iterator[tuple[KeyPath, Text]]:
        for key in _text_keys(type(holder)):
            text = getattr(holder, key)
            if isinstance(text, dict):
                yield (*path, key), text
        if isinstance(holder, Choices) and holder.options_from is None:
            for index, option in enumerate(holder.options):
                yield from of(option, (*path, "options", index))
        if isinstance(holder, ScaleField):
            for index, point in enumerate(holder.points):
                yield (*path, "points", index, "label"), point.label
        if isinstance(holder, Section):
            for item in holder.fields:
                yield from of(item, item.path)
        elif not isinstance(holder, Option):
            for part in parts(holder):
                yield from of(part, part.path)

    yield ("title",), sheet.title
    yield ("intro",), sheet.intro
    for section in sheet.sections:
        yield from of(section, section.path)
    for chart in sheet.charts:
        yield (*chart.path, "title"), chart.title


def _duplicates(items: list[Any], source: Source, what: str) -> Iterator[Problem]:
    seen: set[Any] = set()
    for item, path in items:
        if item in seen:
            yield source.problem(path, f"duplicate {what} '{item}'")
        seen.add(item)


def check_worksheet(
    sheet: Worksheet,
    source: Source,
    languages: list[str],
    option_lists: OptionLists,
    sheets: Mapping[str, Worksheet],
    unreadable: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Every problem of meaning in one worksheet that passed the shape check.

    `unreadable` names worksheets whose own problems keep them out of `sheets`: a link to one
    of them is not reported again."""
    problems: list[Problem] = []
    for path, text in _texts(sheet):
        problems.extend(text_problems(text, path, languages, source))
    problems += _check_ids(sheet, source)
    types = FormulaTypes(sheet, sheets)
    for item in sheet.all_fields():
        if linked_to(item, unreadable):
            continue
        problems += _check_field(item, sheet, source, option_lists, (sheets, unreadable))
    problems += _check_cycles(sheet, source)
    problems += _check_charts(sheet, types, source)
    problems += _check_example(sheet, source, languages, option_lists)
    return problems


def _check_ids(sheet: Worksheet, source: Source) -> Iterator[Problem]:
    yield from _duplicates([(s.id, (*s.path, "id")) for s in sheet.sections], source, "section id")
    yield from _duplicates(
        [(f.id, (*f.path, "id")) for f in sheet.top_fields()], source, "field id"
    )
    for item in sheet.all_fields():
        if isinstance(item, GroupField):
            yield from _duplicates(
                [(f.id, (*f.path, "id")) for f in item.fields], source, "field id"
            )
        if isinstance(item, Choices) and item.options:
            yield from _duplicates(
                [(o.id, (*item.path, "options", i, "id")) for i, o in enumerate(item.options)],
                source,
                "option id",
            )
        if isinstance(item, TableField):
            yield from _duplicates(
                [(c.id, (*c.path, "id")) for c in item.columns], source, "column id"
            )
        if isinstance(item, ScaleField):
            yield from _duplicates(
                [(p.value, (*item.path, "points", i, "value")) for i, p in enumerate(item.points)],
                source,
                "scale value",
            )


def _check_options(
    holder: ChoiceField | Column, path: KeyPath, source: Source, option_lists: OptionLists
) -> Iterator[Problem]:
    if holder.options_from is not None:
        if holder.options_from not in option_lists:
            known = ", ".join(sorted(option_lists)) or "none"
            yield source.problem(
                (*path, "options_from"),
                f"no option list '{holder.options_from}' in data (known: {known})",
            )
    elif (isinstance(holder, ChoiceField) or holder.type == "choice") and not holder.options:
        yield source.problem(path, "a choice needs 'options' or 'options_from'")


def _check_range(holder: Field | Column, path: KeyPath, source: Source) -> Iterator[Problem]:
    if not isinstance(holder, Range):
        return
    if holder.min is not None and holder.max is not None and holder.min > holder.max:
        yield source.problem((*path, "min"), f"min {holder.min} is larger than max {holder.max}")
    default = holder.default if isinstance(holder, NumberField) else None
    if default is None:
        return
    if (holder.min is not None and default < holder.min) or (
        holder.max is not None and default > holder.max
    ):
        yield source.problem((*path, "default"), f"default {default} is outside min and max")


def _check_field(
    item: Field,
    sheet: Worksheet,
    source: Source,
    option_lists: OptionLists,
    known: tuple[Mapping[str, Worksheet], frozenset[str]],
) -> list[Problem]:
    """`known`: the worksheets, and those too faulty to check against (see check_worksheet)."""
    sheets = known[0]
    found: list[Problem] = []
    misplaced = _check_in_group_only(item, source)
    found += misplaced
    if isinstance(item, LinkedField) and item.source and not item.via and not misplaced:
        found += _check_link(item, sheet, sheets, source)
    if isinstance(item, DateField) and item.not_before:
        other = sheet.field(item.not_before)
        if not isinstance(other, DateField) or other is item:
            found.append(
                source.problem(
                    (*item.path, "not_before"), f"'{item.not_before}' is no other date field here"
                )
            )
    if isinstance(item, ChoiceField) and not item.options_from_answers:
        found += _check_options(item, item.path, source, option_lists)
    if isinstance(item, GroupField):
        for member in item.fields:  # the members that take from another worksheet's rows
            if (isinstance(member, LinkedField) and member.via) or (
                isinstance(member, ChoiceField) and member.options_from_answers
            ):
                found += _check_from_rows(member, item, sheet, known, source)
        found += _check_fewest(
            item.path, ("min_items", item.min_items), ("max_items", item.max_items), source
        )
    if isinstance(item, TableField):
        for column in item.columns:
            if column.type == "linked" or column.source or column.options_from_answers:
                found += _check_from_rows(column, item, sheet, known, source)
            elif column.type == "choice" or column.options or column.options_from:
                found += _check_options(column, column.path, source, option_lists)
            found += _check_range(column, column.path, source)
        found += _check_fewest(
            item.path, ("min_rows", item.min_rows), ("max_rows", item.max_rows), source
        )
    found += _check_range(item, item.path, source)
    if isinstance(item, ComputedField) and item.path.count("fields") > 1:
        found.append(source.problem(item.path, "a computed value cannot stand inside a group"))
    return found


def _check_fewest(
    path: KeyPath, low: tuple[str, int | None], high: tuple[str, int | None], source: Source
) -> list[Problem]:
    """A table's fewest rows (or a group's items) not above its most."""
    (low_key, a), (high_key, b) = low, high
    if a is not None and b is not None and a > b:
        return [source.problem((*path, low_key), f"{low_key} {a} is larger than {high_key} {b}")]
    return []


def _check_in_group_only(item: Field, source: Source) -> list[Problem]:
    """What only a member of a group takes from another worksheet's rows: a choice among them,
    and a linked value of the row it chose (`via`)."""
    in_group = item.path.count("fields") > 1
    if isinstance(item, LinkedField) and in_group and not item.via:
        text = "a linked value inside a group needs 'via', a choice of the group among rows"
        return [source.problem(item.path, text)]
    if isinstance(item, LinkedField) and item.via and not in_group:
        return [source.problem((*item.path, "via"), "via is for a linked value inside a group")]
    if isinstance(item, ChoiceField) and item.options_from_answers and not in_group:
        text = "options come from answers only in a table's column or a group's member"
        return [source.problem((*item.path, "options_from_answers"), text)]
    return []


def _check_from_rows(
    part: Column | LinkedField | ChoiceField,
    holder: TableField | GroupField,
    sheet: Worksheet,
    known: tuple[Mapping[str, Worksheet], frozenset[str]],
    source: Source,
) -> list[Problem]:
    """A linked column or member, or a choice among another worksheet's rows, of the table or
    group `holder`; not checked against a worksheet too faulty to read."""
    sheets, unreadable = known
    if isinstance(part, LinkedField) or (
        isinstance(part, Column) and (part.type == "linked" or part.via)
    ):
        reference = part.source
    else:
        reference = part.options_from_answers
    if reference and reference.split(".")[0] in unreadable:
        return []
    if isinstance(part, Column | LinkedField) and (part.type == "linked" or part.source):
        return list(_check_linked_column(part, holder, sheet, sheets, source))
    assert isinstance(part, Column | ChoiceField)
    return list(_check_rows_source(part, sheet, sheets, source))


def _other_field(
    reference: str,
    sheet: Worksheet,
    sheets: Mapping[str, Worksheet],
    source: Source,
    where: tuple[KeyPath, str],
) -> Generator[Problem, None, Field | None]:
    """The field `reference` (`worksheet.field`) names in another worksheet; its problems
    (at `where`'s path; its text when it names this worksheet) yielded, None when not found."""
    path, own = where
    sheet_id, field_id = reference.split(".", 1)
    if sheet_id == sheet.id:
        yield source.problem(path, own)
        return None
    target = sheets.get(sheet_id)
    if target is None:
        yield source.problem(
            path, f"no worksheet '{sheet_id}' (known: {', '.join(sorted(sheets))})"
        )
        return None
    found = target.field(field_id)
    if found is None:
        yield source.problem(path, f"worksheet '{sheet_id}' has no field '{field_id}'")
    return found


def _check_link(
    item: LinkedField, sheet: Worksheet, sheets: Mapping[str, Worksheet], source: Source
) -> Iterator[Problem]:
    assert item.source
    path = (*item.path, "source")
    own = "a linked value comes from another worksheet, not this one"
    found = yield from _other_field(item.source, sheet, sheets, source, (path, own))
    if found is None:
        return
    if isinstance(found, InfoField):
        yield source.problem(path, f"'{item.source}' is an information block and holds no value")
    elif isinstance(found, LinkedField):
        yield source.problem(
            path, f"'{item.source}' is itself linked; link to its source '{found.source}' instead"
        )


def _check_rows_source(
    column: Column | ChoiceField, sheet: Worksheet, sheets: Mapping[str, Worksheet], source: Source
) -> Iterator[Problem]:
    """A choice among the rows of another worksheet's table or group, named by one of its parts."""
    assert column.options_from_answers
    path = (*column.path, "options_from_answers")
    if column.type != "choice":
        yield source.problem(
            path, f"options come from answers only for a choice, not a {column.type}"
        )
        return
    if column.options or column.options_from:
        yield source.problem(path, "give options_from_answers, or options, or options_from: one")
        return
    own = "options from answers come from another worksheet, not this one"
    found = yield from _other_field(column.options_from_answers, sheet, sheets, source, (path, own))
    if found is None:
        return
    if not isinstance(found, TableField | GroupField):
        yield source.problem(
            path, f"'{column.options_from_answers}' is a {found.type}, not a table or group"
        )
        return
    names = [part.id for part in parts(found) if part.stores_answer]
    if column.option_label not in names:
        yield source.problem(
            (*column.path, "option_label"),
            f"'{column.options_from_answers}' has no column '{column.option_label}'"
            f" (known: {', '.join(names)})",
        )


def _check_linked_column(
    column: Column | LinkedField,
    table: TableField | GroupField,
    sheet: Worksheet,
    sheets: Mapping[str, Worksheet],
    source: Source,
) -> Iterator[Problem]:
    """A cell (or a group's member) that shows a column of the row of another worksheet that
    `via` (a choice among that worksheet's rows, in the same table or group) chose."""
    kind = "column" if isinstance(column, Column) else "value"
    if column.type != "linked":
        yield source.problem((*column.path, "source"), "source and via are for a linked column")
        return
    if not column.source or not column.via:
        yield source.problem(column.path, f"a linked {kind} needs 'source' and 'via'")
        return
    if isinstance(column, Column) and column.required:  # progress would wait for no answer
        yield source.problem((*column.path, "required"), f"a linked {kind} is shown, not answered")
    via = next((c for c in parts(table) if c.id == column.via), None)
    if not isinstance(via, Choices) or not via.options_from_answers:
        choices = [c.id for c in parts(table) if isinstance(c, Choices) and c.options_from_answers]
        yield source.problem(
            (*column.path, "via"),
            f"'{column.via}' is no choice among another worksheet's rows in this {table.type}"
            f" (known: {', '.join(choices) or 'none'})",
        )
        return
    sheet_id, table_id, column_id = column.linked_from()
    if via.options_from_answers != f"{sheet_id}.{table_id}":
        yield source.problem(
            (*column.path, "source"),
            f"'{column.via}' chooses rows of '{via.options_from_answers}',"
            f" not of '{sheet_id}.{table_id}'",
        )
        return
    path = (*column.path, "source")
    own = f"a linked {kind} comes from another worksheet, not this one"
    found = yield from _other_field(f"{sheet_id}.{table_id}", sheet, sheets, source, (path, own))
    if not isinstance(found, TableField | GroupField):
        return  # the via choice's own check names the table's problems
    names = [part.id for part in parts(found) if part.stores_answer]
    if column_id not in names:
        yield source.problem(
            path, f"'{sheet_id}.{table_id}' has no column '{column_id}' (known: {', '.join(names)})"
        )


def _check_charts(sheet: Worksheet, types: FormulaTypes, source: Source) -> Iterator[Problem]:
    """A chart stands in a section of its worksheet and reads numbers of its worksheet."""
    yield from _duplicates([(c.id, (*c.path, "id")) for c in sheet.charts], source, "chart id")
    for chart in sheet.charts:
        if sheet.field(chart.after) is None:
            yield source.problem(
                (*chart.path, "after"),
                f"no field '{chart.after}' in a section of this worksheet to draw the chart after",
            )
        if chart.scale and chart.scale[0] >= chart.scale[1]:
            low, high = chart.scale
            yield source.problem((*chart.path, "min"), f"min {low} is not below max {high}")
        for path, field_id in chart.fields():
            kind = types.of(field_id)
            if kind is None:
                yield source.problem(path, f"no field '{field_id}' in this worksheet")
            elif kind != expressions.NUMBER:
                yield source.problem(
                    path, f"a chart reads numbers, and '{field_id}' is not one ({kind})"
                )


def _check_cycles(sheet: Worksheet, source: Source) -> Iterator[Problem]:
    formulas = {f.id: f for f in sheet.top_fields() if isinstance(f, ComputedField) and f.formula}
    state: dict[str, str] = {}

    def visit(field_id: str, trail: list[str]) -> list[str] | None:
        if state.get(field_id) == "done":
            return None
        if state.get(field_id) == "open":
            return [*trail[trail.index(field_id) :], field_id]
        state[field_id] = "open"
        formula = formulas[field_id].formula or {}
        for ref in sorted(expressions.references(formula)):
            if ref in formulas:
                cycle = visit(ref, [*trail, field_id])
                if cycle:
                    return cycle
        state[field_id] = "done"
        return None

    for field_id, item in formulas.items():
        cycle = visit(field_id, [])
        if cycle:
            yield source.problem(
                (*item.path, "expr"),
                "computed values depend on each other in a circle: " + " -> ".join(cycle),
            )
            return


def _check_example(
    sheet: Worksheet, source: Source, languages: list[str], option_lists: OptionLists
) -> Iterator[Problem]:
    for key, value in sheet.example.items():
        path = ("example", key)
        item = sheet.field(key)
        if item is None or not item.stores_answer:
            yield source.problem(path, f"no field '{key}' to fill in this worksheet")
            continue
        yield from _check_answer(item, value, path, source, languages)


def _check_answer(
    holder: Field | Column, value: Any, path: KeyPath, source: Source, languages: list[str]
) -> Iterator[Problem]:
    """A worked example's answer: its language maps, then the rules every answer keeps."""
    yield from _language_map_problems(holder, value, path, source, languages)
    parts = _parts_of(holder)
    said: set[str] = set()
    for language in languages:  # a choice may be given per language: each must be an option
        for where, code, values in answer_problems(
            localised(value, language, languages), holder, path
        ):
            part = parts.get(str(where[-1])) if len(where) > len(path) else holder
            problem = source.problem(where, describe(code, values, part))
            if str(problem) not in said:
                said.add(str(problem))
                yield problem


def _parts_of(holder: Field | Column) -> dict[str, Field | Column]:
    """A table's columns or a group's members, by id."""
    return {part.id: part for part in parts(holder)}


def _language_map_problems(
    holder: Field | Column, value: Any, path: KeyPath, source: Source, languages: list[str]
) -> Iterator[Problem]:
    """A text may be written in every language; rows are looked into, cell by cell."""
    if KIND.get(holder.type) == "text" and isinstance(value, dict):
        yield from text_problems(value, path, languages, source)
    elif isinstance(holder, Field) and KIND.get(holder.type) == "rows" and isinstance(value, list):
        parts = _parts_of(holder)
        for index, row in enumerate(value):
            for key, cell in row.items() if isinstance(row, dict) else ():
                if key in parts:
                    yield from _language_map_problems(
                        parts[key], cell, (*path, index, key), source, languages
                    )
