"""Render a worksheet of the model as accessible HTML, in one language, at build time."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup

from mctoolkit import cachedir, pagelinks
from mctoolkit.answers import localised, option_ids, progress_questions
from mctoolkit.examplevalues import example_linked, example_values
from mctoolkit.fields import (
    AnswerField,
    Choices,
    Column,
    ComputedField,
    DateField,
    Field,
    GroupField,
    InputField,
    LabelledField,
    LinkedField,
    NumberField,
    Range,
    TableField,
    currency_of,
    label_of,
    options_of,
    parts,
    unit_of,
)
from mctoolkit.markup import render_markdown
from mctoolkit.model import Chart, Text, Worksheet
from mctoolkit.pagelinks import PageLinker
from mctoolkit.workbook import Workbook

Linker = Callable[[str], str]
"""Returns the link, relative to the current page, of a worksheet's page by its id."""

# Widths, in em of the form's text, that a table's columns need to be comfortable to fill:
# a text column twelve characters and more, any other 8 em; the row's buttons 9 em. A table
# needing at most TABLE_EM is a table where it has that much room (the container query in
# worksheet.css), and a stack of cards elsewhere.
COLUMN_EM = {"text": 12, "textarea": 12}
ROW_BUTTONS_EM = 9
TABLE_EM = 38


@dataclass(frozen=True)
class Template:
    """A worksheet's blank Word template as the page links it: address, file name, size."""

    href: str
    name: str
    size: str
    description: Template | None = None  # a worksheet with exports: its one-page description


@cache
def template_environment() -> Environment:
    """The package's Jinja templates, compiled once per process (and cached on disk)."""
    compiled = cachedir.folder("templates")  # compiling the templates is most of a first render
    environment = Environment(
        loader=PackageLoader("mctoolkit", "templates"),
        bytecode_cache=FileSystemBytecodeCache(str(compiled)) if compiled else None,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    # What several kinds of field (and columns) have, asked of the model rather than probed.
    environment.globals.update(unit_of=unit_of, currency_of=currency_of)
    return environment


def script_json(data: Any) -> Markup:
    """JSON safe inside `<script type="application/json">`: no `</script>` can close it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def in_language(text: Text | None, language: str) -> str:
    """A language map's text in `language` (the checks make sure it is there)."""
    if not text:
        return ""
    return text.get(language) or next(iter(text.values()))


@dataclass
class Context:
    """What the templates need to speak one language."""

    workbook: Workbook
    language: str
    page: PageLinker

    def t(self, text: Text | None) -> str:
        return in_language(text, self.language)

    @property
    def example(self) -> dict[str, dict[str, Any]]:
        """Every worksheet's worked example as stored: answers and formulas' values."""
        key = f"example values {self.language}"
        if key not in self.workbook.derived:
            self.workbook.derived[key] = example_values(self.workbook, self.language)
        values: dict[str, dict[str, Any]] = self.workbook.derived[key]
        return values

    def md(self, text: Text | None, inline: bool = False) -> Markup:
        if not text:
            return Markup("")
        return Markup(pagelinks.rewrite(render_markdown(self.t(text), inline=inline), self.page))

    def md_inline(self, text: Text | None) -> Markup:
        return self.md(text, inline=True)

    def ui(self, key: str) -> str:
        return self.t(self.workbook.ui.get(key))

    def table_fits(self, table: TableField) -> bool:
        """Whether the table's columns are comfortable side by side in the widest text column
        of a page; a table that is not shows each row as a card of labelled fields."""
        needed = ROW_BUTTONS_EM + sum(COLUMN_EM.get(c.type, 8) for c in table.columns)
        return needed <= TABLE_EM

    def placeholder(self, item: Field | Column) -> str:
        """The field's own placeholder, or else the default its formulas use while it is empty."""
        if isinstance(item, InputField) and item.placeholder:
            return self.t(item.placeholder)
        default = item.default if isinstance(item, NumberField) else None
        if default is None:
            return ""
        return f"{default:g}".replace(".", self.ui("ws_number_marks")[:1] or ".")


def _column_spec(column: Column, language: str) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "id": column.id,
        "type": column.type,
        "required": column.required,
        "label": in_language(column.label, language),
    }
    if column.options:
        spec["options"] = [o.id for o in column.options]
    if column.options_from_answers:
        spec.update(
            options_from_answers=column.options_from_answers, option_label=column.option_label
        )
    return {**spec, **_limits(column)}


def _limits(item: Field | Column) -> dict[str, float]:
    """A number's bounds: the page marks a number beyond them and leaves it out of formulas."""
    if not isinstance(item, Range):
        return {}
    return {
        key: value for key, value in (("min", item.min), ("max", item.max)) if value is not None
    }


def _kept(item: Field) -> bool:
    """Whether an import knows of a field: it stores an answer, or shows a linked value."""
    return item.stores_answer or isinstance(item, LinkedField)


def _stored_shape(item: Field, language: str) -> dict[str, Any]:
    """What an import must know to check a stored answer of another worksheet, and to name it.
    A linked field is there by its type alone: a file's value of it is what the page showed,
    not an answer unknown to the worksheet."""
    if not isinstance(item, AnswerField):  # a linked field: an import keeps no other
        return {"type": item.type}
    shape: dict[str, Any] = {"type": item.type, "label": in_language(item.label, language)}
    if ids := option_ids(item):
        shape["options"] = ids
    if isinstance(item, TableField):
        columns = [
            _column_spec(c, language) if c.stores_answer else {"id": c.id, "type": c.type}
            for c in item.columns
        ]
        shape.update(columns=columns, min_rows=item.min_rows or 0)
    if isinstance(item, GroupField):
        shape["fields"] = {f.id: _stored_shape(f, language) for f in item.fields if _kept(f)}
        shape["min_items"] = item.min_items or 0
    return shape


def answer_shapes(sheet: Worksheet, language: str) -> dict[str, Any]:
    """How each answer of a worksheet is stored: what an import checks a file's answers against,
    with the labels that name them in a message."""
    return {f.id: _stored_shape(f, language) for f in sheet.top_fields() if _kept(f)}


def shapes_file(language: str) -> str:
    """Where the site keeps every worksheet's answer shapes in `language`."""
    return f"assets/answer-shapes.{language}.js"


def shapes_script(workbook: Workbook, language: str) -> str:
    """Every worksheet's answer shapes in `language`, published once rather than on each page,
    and loaded when an import needs them: a classic script, which loads from `file://` too."""
    shapes = {sheet.id: answer_shapes(sheet, language) for sheet in workbook.ordered()}
    data = json.dumps(shapes, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"(window.mctoolkitShapes ||= {{}})[{json.dumps(language)}] = {data};\n"


def shown_spec(item: Field | Column, context: Context) -> dict[str, Any]:
    """How to show a value of another worksheet here: option labels, column labels, format."""
    spec: dict[str, Any] = {"type": item.type}
    labels = {o.id: context.t(o.label) for o in options_of(item)}
    if labels:
        spec["labels"] = labels
    if parts(item):
        spec["columns"] = [
            {"id": p.id, "label": context.t(p.label), **shown_spec(p, context)}
            for p in parts(item)
            if p.stores_answer and isinstance(p, Column | LabelledField)
        ]
    if isinstance(item, ComputedField):
        spec.update(format=item.format or item.type, decimals=item.decimals, currency=item.currency)
    elif item.type == "money":
        spec.update(format=item.type, decimals=None, currency=currency_of(item))
    return spec


def _field_spec(item: Field, sheet: Worksheet, context: Context, link: Linker) -> dict[str, Any]:
    required = isinstance(item, AnswerField) and item.required
    spec: dict[str, Any] = {"type": item.type, "required": required, **_limits(item)}
    if item.condition:
        spec["condition"] = item.condition
    if isinstance(item, NumberField) and item.default is not None:
        spec["default"] = item.default
    if isinstance(item, DateField) and item.not_before:
        spec["not_before"] = item.not_before
    if isinstance(item, ComputedField) and item.formula:
        spec.update(
            formula=item.formula,
            format=item.format or "number",
            decimals=item.decimals,
            currency=item.currency,
        )
    if isinstance(item, TableField):
        spec["columns"] = [
            {**_column_spec(c, context.language), **_linked_column_spec(c, context)}
            for c in item.columns
        ]
        spec["min_rows"] = item.min_rows or 0
    if isinstance(item, GroupField):
        spec["fields"] = {  # an item's labels name its answers in an import's message
            f.id: {**_field_spec(f, sheet, context, link), "label": context.t(label_of(f))}
            for f in item.fields
        }
        spec["min_items"] = item.min_items or 0
    if ids := option_ids(item):
        spec["options"] = ids
    if isinstance(item, Choices):
        if sheet.exports and any(o.uri for o in item.options):  # what the exports write
            spec["codes"] = {o.id: {"uri": o.uri, "label": o.label} for o in item.options if o.uri}
        if item.options_from_answers:  # a group's member choosing among another worksheet's rows
            spec.update(
                options_from_answers=item.options_from_answers, option_label=item.option_label
            )
    if isinstance(item, LinkedField):
        spec.update(_linked_spec(item, context, link))
    return spec


def _linked_spec(item: LinkedField, context: Context, link: Linker) -> dict[str, Any]:
    """Where a linked value comes from."""
    if item.via:  # a group's member showing a column of the row that choice chose
        return _linked_column_spec(item, context)
    if not item.source:
        return {}
    sheet_id, field_id = item.source.split(".", 1)
    source_sheet = context.workbook.worksheets[sheet_id]
    source_field = source_sheet.field(field_id)
    source: dict[str, Any] = {
        "worksheet": sheet_id,
        "field": field_id,
        "href": link(sheet_id),
        "title": context.t(source_sheet.title),
        "type": source_field.type if source_field else "text",
    }
    if source_field:
        source["shows"] = shown_spec(source_field, context)
    return {"source": source}


def _linked_column_spec(column: Column | LinkedField, context: Context) -> dict[str, Any]:
    """Where a linked column's cells (or a group's linked member) come from, and how their
    values are said."""
    if column.type != "linked" or not column.source:
        return {}
    sheet_id, table_id, column_id = column.linked_from()
    table = context.workbook.worksheets[sheet_id].field(table_id)
    shown = next((p for p in (parts(table) if table else []) if p.id == column_id), None)
    where = {"worksheet": sheet_id, "field": table_id, "column": column_id}
    return {
        "via": column.via,
        "source": {**where, **({"shows": shown_spec(shown, context)} if shown else {})},
    }


def _currency(item: Field | None, workbook: Workbook) -> str | None:
    """The currency of a money value, followed to its worksheet when it is linked."""
    if isinstance(item, LinkedField) and item.source:
        sheet_id, field_id = item.source.split(".", 1)
        return _currency(workbook.worksheets[sheet_id].field(field_id), workbook)
    return currency_of(item) if item is not None else None


def chart_spec(chart: Chart, sheet: Worksheet, context: Context) -> dict[str, Any]:
    """What the script draws a chart from: the fields it reads, their labels, its scale."""
    ids = [field_id for _, field_id in chart.fields()]
    labels = {field_id: context.t(label_of(sheet.field(field_id))) for field_id in ids}
    currency = next(filter(None, (_currency(sheet.field(i), context.workbook) for i in ids)), None)
    spec: dict[str, Any] = {"id": chart.id, "type": chart.type, "reads": chart.reads}
    spec["labels"] = labels
    if chart.scale:
        spec["min"], spec["max"] = chart.scale
    if currency:
        spec["currency"] = currency
    return spec


def _charts_spec(sheet: Worksheet, context: Context) -> dict[str, Any]:
    charts = [chart_spec(chart, sheet, context) for chart in sheet.charts]
    return {"charts": charts} if charts else {}


def worksheet_spec(
    sheet: Worksheet, context: Context, link: Linker, shapes: str = ""
) -> dict[str, Any]:
    """What the browser script needs: the parsed formulas and conditions, never source text;
    `shapes` addresses the other worksheets' answer shapes (`shapes_script`)."""
    return {
        "id": sheet.id,
        "version": sheet.version,
        "language": context.language,
        "title": context.t(sheet.title),
        "sections": [{"id": s.id, "condition": s.condition} for s in sheet.sections if s.condition],
        "fields": {f.id: _field_spec(f, sheet, context, link) for f in sheet.top_fields()},
        "questions": progress_questions(sheet),
        "example": localised(sheet.example, context.language),
        # The example's linked values, so that the example needs no other worksheet opened first.
        **(
            {"example_linked": linked} if (linked := example_linked(sheet, context.example)) else {}
        ),
        **({"exports": sheet.exports} if sheet.exports else {}),
        **_charts_spec(sheet, context),
        "workbook": {
            other.id: {"title": context.t(other.title), "version": other.version}
            for other in context.workbook.ordered()
            if other.workbook or other.id == sheet.id
        },
        "shapes": shapes,
    }


def _for_display(spec: dict[str, Any]) -> dict[str, Any]:
    """A field's spec as a filled Word document reads it: no conditions, bounds or formulas
    (a formula's value comes computed; `formula` only says that it is one)."""
    shown = {k: v for k, v in spec.items() if k not in ("condition", "codes", "min", "max")}
    if "formula" in shown:
        shown["formula"] = True
    if "fields" in shown:
        shown["fields"] = {k: _for_display(v) for k, v in shown["fields"].items()}
    return shown


def display_fields(sheet: Worksheet, workbook: Workbook, language: str) -> dict[str, Any]:
    """A worksheet's fields as its page's spec describes them to word.js (`fill`, `sayer`), for
    a page that shows the worksheet without its form (the workbook page's course plan)."""
    context = Context(workbook, language, lambda file: file)
    return {
        f.id: _for_display(_field_spec(f, sheet, context, lambda other: other))
        for f in sheet.top_fields()
    }


def source_spec(item: Field | Column, workbook: Workbook, language: str) -> dict[str, Any]:
    """How a value of `item` is said elsewhere: option labels, column labels, format."""
    return shown_spec(item, Context(workbook, language, lambda file: file))


# Texts the browser script reads besides its own `ws_…` keys (shared with the rendered form).
BROWSER_KEYS = frozenset(
    {
        "example",
        "row",
        "add_row",
        "remove_row",
        "move_up",
        "move_down",
        "add_item",
        "remove_item",
        "computed",
        "linked_empty",
        "blank",
        "workbook_not_started",  # a worksheet's progress is said in the workbook page's words
        "workbook_started",
        "workbook_required",
        "workbook_complete",
        "workbook_answered",
    }
)


def browser_texts(workbook: Workbook, language: str) -> dict[str, str]:
    """Only the interface texts the script needs: a page carries no other page's words."""
    return {
        key: text.get(language, "")
        for key, text in sorted(workbook.ui.items())
        if key.startswith("ws_") or key in BROWSER_KEYS
    }


def form_anchor(sheet_id: str) -> str:
    """The id of a worksheet's form on its page (ids of the tools start with "wst-": no field or
    section id can take them)."""
    return f"wst-{sheet_id}"


def render_worksheet(
    sheet: Worksheet,
    workbook: Workbook,
    language: str,
    link: Linker = lambda sheet_id: f"../{sheet_id}/",
    page: PageLinker = lambda file: f"../../{pagelinks.page_url(file)}",
    word: Template | None = None,
    shapes: str | None = None,
) -> str:
    """The worksheet's `<form>` and its spec, as one HTML fragment.

    `link` addresses other worksheets' pages, `page` the pages partners' texts link to; both
    relative to the page the worksheet is on (by default `worksheets/<id>/`). `word` is the
    worksheet's blank Word template, linked above the form and filled by "Download as Word".
    `shapes` addresses the answer shapes an import loads (by default beside the site's assets).
    """
    if shapes is None:
        shapes = f"../../{shapes_file(language)}"
    context = Context(workbook, language, page)
    template = template_environment().get_template("worksheet.html.j2")
    return template.render(
        sheet=sheet,
        c=context,
        spec=script_json(worksheet_spec(sheet, context, link, shapes)),
        ui_strings=script_json(browser_texts(workbook, language)),
        link=link,
        tool=form_anchor(sheet.id),
        books_href=page("worksheets/index.md"),
        word=word,
    )
