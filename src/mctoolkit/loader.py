"""Turn checked YAML data into the worksheet model."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from mctoolkit.fields import FIELD_KINDS, Column, Field, Option, Point
from mctoolkit.model import CHART_READS, Chart, Section, Worksheet
from mctoolkit.problems import KeyPath
from mctoolkit.source import Source


def _options(items: list[dict[str, Any]]) -> list[Option]:
    return [Option(item["id"], item["label"], item.get("help")) for item in items]


def _given(kind: type[Column] | type[Field], data: dict[str, Any], path: KeyPath) -> dict[str, Any]:
    """The attributes of `kind` that the YAML gives, each under its own name: read from the
    model's definition, so that a new attribute needs no line here. A list of parts is built
    into the model's parts."""
    given = {
        attribute.name: data[attribute.name]
        for attribute in dataclasses.fields(kind)
        if attribute.name in data and not attribute.metadata.get("worked_out")
    }
    built: dict[str, Callable[[list[Any]], list[Any]]] = {
        "options": _options,
        "points": lambda items: [Point(p["value"], p["label"]) for p in items],
        "columns": lambda items: [_column(c, (*path, "columns", i)) for i, c in enumerate(items)],
        "fields": lambda items: [_field(f, (*path, "fields", i)) for i, f in enumerate(items)],
    }
    return {key: built[key](value) if key in built else value for key, value in given.items()}


def _column(data: dict[str, Any], path: KeyPath) -> Column:
    return Column(**_given(Column, data, path), path=path)


def _field(data: dict[str, Any], path: KeyPath) -> Field:
    kind = FIELD_KINDS[data["type"]]
    return kind(**_given(kind, data, path), path=path)


def _chart(data: dict[str, Any], path: KeyPath) -> Chart:
    scale = (data["min"], data["max"]) if "min" in data else None
    reads = {key: data[key] for key in CHART_READS[data["type"]] if key in data}
    return Chart(data["id"], data["type"], data["after"], data["title"], path, reads, scale)


def build_worksheet(source: Source) -> Worksheet:
    """Build the model of a worksheet whose data has passed the shape check."""
    data = source.data
    sections = [
        Section(
            id=s["id"],
            title=s["title"],
            path=("sections", i),
            intro=s.get("intro"),
            show_if=s.get("show_if"),
            fields=[_field(f, ("sections", i, "fields", j)) for j, f in enumerate(s["fields"])],
        )
        for i, s in enumerate(data["sections"])
    ]
    return Worksheet(
        id=data["id"],
        version=data["version"],
        title=data["title"],
        intro=data["intro"],
        sections=sections,
        file=source.file,
        order=data.get("order", 100),
        workbook=data.get("workbook", True),
        guidance=data.get("guidance", []),
        example=data.get("example", {}),
        exports=data.get("exports", []),
        charts=[_chart(c, ("charts", i)) for i, c in enumerate(data.get("charts", []))],
    )
