"""The worksheet model: what a worksheet is once its YAML has been read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from mctoolkit.problems import KeyPath

Text = dict[str, str]
"""A human text in every language of the site: {"en": ..., "et": ...}."""

CHOICE_TYPES = frozenset({"choice", "multichoice", "checklist"})
NUMERIC_TYPES = frozenset({"number", "money", "scale"})


WORKED_OUT = {"worked_out": True}
"""The metadata of an attribute the YAML never gives: where a part stands in its file, or what
`resolve` works out from what the YAML gives. The loader gives every other attribute from the
YAML key of its name."""


@dataclass
class Option:
    id: str
    label: Text
    help: Text | None = None
    uri: str | None = None
    """The entry's concept in an EU vocabulary, for the credential exports."""


@dataclass
class Point:
    value: int
    label: Text


@dataclass
class Column:
    id: str
    type: str
    label: Text
    path: KeyPath = field(metadata=WORKED_OUT)
    help: Text | None = None
    required: bool = False
    unit: Text | None = None
    currency: str | None = None
    min: float | None = None
    max: float | None = None
    step: float | None = None
    options: list[Option] = field(default_factory=list)
    options_from: str | None = None
    options_from_answers: str | None = None
    """worksheet-id.table: the rows of another worksheet's table (or group) are the options."""
    option_label: str | None = None
    """The column (or member) of those rows whose answer names an option."""
    placeholder: Text | None = None
    max_length: int | None = None
    source: str | None = None
    """A linked column: worksheet-id.table.column, the column of another worksheet's rows shown."""
    via: str | None = None
    """A linked column: the column of this table that chooses the row among those rows."""

    @property
    def stores_answer(self) -> bool:
        return self.type != "linked"

    def linked_from(self) -> tuple[str, str, str]:
        """A linked column's source as (worksheet id, table id, column id)."""
        return linked_from(self.source)


def linked_from(source: str | None) -> tuple[str, str, str]:
    """A linked column's (or group member's) source as (worksheet id, table id, column id)."""
    assert source
    sheet_id, table_id, column_id = source.split(".", 2)
    return sheet_id, table_id, column_id


ROW_ID = "_row"
"""The key of a row's stable id in a stored table or group row (no column id starts with "_")."""


@dataclass
class Field:
    """One field of a worksheet; which attributes matter depends on `type`."""

    id: str
    type: str
    path: KeyPath = field(metadata=WORKED_OUT)
    label: Text | None = None
    help: Text | None = None
    example: Text | None = None
    placeholder: Text | None = None
    required: bool = False
    show_if: str | None = None
    condition: dict[str, Any] | None = field(default=None, metadata=WORKED_OUT)
    max_length: int | None = None
    unit: Text | None = None
    currency: str | None = None
    min: float | None = None
    max: float | None = None
    step: float | None = None
    default: float | None = None
    options: list[Option] = field(default_factory=list)
    options_from: str | None = None
    display: str | None = None
    points: list[Point] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    min_rows: int | None = None
    max_rows: int | None = None
    fields: list[Field] = field(default_factory=list)
    item_label: Text | None = None
    min_items: int | None = None
    max_items: int | None = None
    expr: str | None = None
    formula: dict[str, Any] | None = field(default=None, metadata=WORKED_OUT)
    format: str | None = None
    decimals: int | None = None
    source: str | None = None
    """A linked value: worksheet-id.field; a linked member of a group: worksheet-id.table.column."""
    via: str | None = None
    """A linked member of a group: the member of the same group that chooses the row shown."""
    options_from_answers: str | None = None
    """A choice member of a group: worksheet-id.table, whose rows are the options."""
    option_label: str | None = None
    """With options_from_answers: the part of those rows whose answer names each option."""
    not_before: str | None = None
    title: Text | None = None
    text: Text | None = None

    @property
    def stores_answer(self) -> bool:
        return self.type not in ("computed", "linked", "info")

    def linked_from(self) -> tuple[str, str, str]:
        """A linked member's source as (worksheet id, table id, column id)."""
        return linked_from(self.source)


@dataclass
class Section:
    id: str
    title: Text
    path: KeyPath
    fields: list[Field]
    intro: Text | None = None
    show_if: str | None = None
    condition: dict[str, Any] | None = None


CHART_READS = {
    "scores": ("bars", "overall"),
    "break_even": (
        "fixed_cost",
        "cost_per_learner",
        "fixed_income",
        "income_per_learner",
        "group",
        "break_even",
    ),
}
"""The keys of each kind of chart that name fields of its worksheet (a list for "bars")."""


@dataclass
class Chart:
    """A chart drawn in the page from the live answers, after a field of a section."""

    id: str
    type: str
    after: str
    title: Text
    path: KeyPath
    reads: dict[str, str | list[str]]
    """Field ids by the key that names them, as in CHART_READS."""
    scale: tuple[float, float] | None = None

    def fields(self) -> Iterator[tuple[KeyPath, str]]:
        """Each field id the chart reads, with the path of the key that names it."""
        for key, value in self.reads.items():
            if isinstance(value, list):
                for index, field_id in enumerate(value):
                    yield (*self.path, key, index), field_id
            else:
                yield (*self.path, key), value


@dataclass
class Worksheet:
    id: str
    version: int
    title: Text
    intro: Text
    sections: list[Section]
    file: str
    order: int = 100
    workbook: bool = True
    guidance: list[str] = field(default_factory=list)
    example: dict[str, Any] = field(default_factory=dict)
    exports: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)

    def top_fields(self) -> Iterator[Field]:
        """Fields that stand directly in a section (not inside a group)."""
        for section in self.sections:
            yield from section.fields

    def all_fields(self) -> Iterator[Field]:
        """Every field, group members included, parents before children."""

        def walk(fields: list[Field]) -> Iterator[Field]:
            for item in fields:
                yield item
                yield from walk(item.fields)

        for section in self.sections:
            yield from walk(section.fields)

    def field(self, field_id: str) -> Field | None:
        return next((f for f in self.top_fields() if f.id == field_id), None)
