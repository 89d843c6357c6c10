"""Turn checked YAML data into the worksheet model."""

from __future__ import annotations

from typing import Any

from mctoolkit.model import CHART_READS, Chart, Column, Field, Option, Point, Section, Worksheet
from mctoolkit.problems import KeyPath
from mctoolkit.source import Source


def _options(items: list[dict[str, Any]] | None) -> list[Option]:
    return [Option(item["id"], item["label"], item.get("help")) for item in items or []]


def _column(data: dict[str, Any], path: KeyPath) -> Column:
    return Column(
        id=data["id"],
        type=data["type"],
        label=data["label"],
        path=path,
        help=data.get("help"),
        required=data.get("required", False),
        unit=data.get("unit"),
        currency=data.get("currency"),
        min=data.get("min"),
        max=data.get("max"),
        step=data.get("step"),
        options=_options(data.get("options")),
        options_from=data.get("options_from"),
        options_from_answers=data.get("options_from_answers"),
        option_label=data.get("option_label"),
        source=data.get("source"),
        via=data.get("via"),
    )


def _field(data: dict[str, Any], path: KeyPath) -> Field:
    simple = {
        key: data[key]
        for key in (
            "label",
            "help",
            "example",
            "placeholder",
            "show_if",
            "max_length",
            "unit",
            "currency",
            "min",
            "max",
            "step",
            "default",
            "options_from",
            "display",
            "min_rows",
            "max_rows",
            "item_label",
            "min_items",
            "max_items",
            "expr",
            "format",
            "decimals",
            "source",
            "via",
            "options_from_answers",
            "option_label",
            "not_before",
            "title",
            "text",
        )
        if key in data
    }
    return Field(
        id=data["id"],
        type=data["type"],
        path=path,
        required=data.get("required", False),
        options=_options(data.get("options")),
        points=[Point(p["value"], p["label"]) for p in data.get("points", [])],
        columns=[_column(c, (*path, "columns", i)) for i, c in enumerate(data.get("columns", []))],
        fields=[_field(f, (*path, "fields", i)) for i, f in enumerate(data.get("fields", []))],
        **simple,
    )


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
