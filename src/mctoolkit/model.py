"""The worksheet model: what a worksheet is once its YAML has been read. Its fields, one class
a kind of field, are in `mctoolkit.fields`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from mctoolkit.fields import Field, GroupField, Option, Text
from mctoolkit.problems import KeyPath

__all__ = [
    "CHART_READS",
    "ROW_ID",
    "Chart",
    "Option",
    "Section",
    "Text",
    "Worksheet",
]

ROW_ID = "_row"
"""The key of a row's stable id in a stored table or group row (no column id starts with "_")."""


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
                if isinstance(item, GroupField):
                    yield from walk(item.fields)

        for section in self.sections:
            yield from walk(section.fields)

    def field(self, field_id: str) -> Field | None:
        return next((f for f in self.top_fields() if f.id == field_id), None)
