"""The workbook page: the workbook's worksheets in order, with room for the reader's progress."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from mctoolkit.markup import render_markdown
from mctoolkit.model import Worksheet
from mctoolkit.render import Linker, _environment, script_json
from mctoolkit.workbook import Workbook


def _first_paragraph(text: str) -> str:
    return text.strip().split("\n\n", 1)[0]


def _entry(sheet: Worksheet, language: str, link: Linker) -> dict[str, Any]:
    answerable = [f for f in sheet.top_fields() if f.stores_answer]
    return {
        "id": sheet.id,
        "version": sheet.version,
        "title": sheet.title[language],
        "href": link(sheet.id),
        "required": [f.id for f in answerable if f.required],
        "fields": [f.id for f in answerable],
    }


def render_workbook(workbook: Workbook, language: str, link: Linker) -> str:
    """The list of the workbook's worksheets; the browser script adds progress and transfer."""
    sheets = [sheet for sheet in workbook.ordered() if sheet.workbook]
    entries = [_entry(sheet, language, link) for sheet in sheets]
    summaries = [
        Markup(render_markdown(_first_paragraph(sheet.intro[language]), inline=True))
        for sheet in sheets
    ]
    ui = {key: text[language] for key, text in sorted(workbook.ui.items())}
    return (
        _environment()
        .get_template("workbook.html.j2")
        .render(
            rows=list(zip(entries, summaries, strict=True)),
            ui=ui,
            spec=script_json({"language": language, "worksheets": entries}),
            ui_strings=script_json(ui),
        )
    )
