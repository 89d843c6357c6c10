"""The one-page canvas: the twelve blocks of the MicroCreds Business Model Canvas in its layout,
each with its worksheet's title, a prompt, a link and the key answers the browser script shows
from the answers stored in this browser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mctoolkit import pagelinks
from mctoolkit.fields import TableField, label_of, unit_of
from mctoolkit.model import Worksheet
from mctoolkit.overview import sheet_entry
from mctoolkit.pagelinks import PageLinker
from mctoolkit.render import Context, Linker, script_json, shown_spec, template_environment
from mctoolkit.workbook import Workbook


@dataclass(frozen=True)
class Block:
    number: int
    sheet: str
    summary: tuple[str, ...]
    """Field ids, or "table.column" for the column of a table, shown as the block's summary."""


# In the order a team fills them; the stylesheet places them in the canvas's layout.
BLOCKS = (
    Block(1, "learner-persona", ("primary_persona", "course_idea")),
    Block(2, "value-proposition", ("promise",)),
    Block(3, "channels", ("channels.channel", "earliest_weeks", "channels_cost")),
    Block(4, "learner-relationships", ("contact_person", "during_count", "after_count")),
    Block(5, "learner-journey", ("course_start", "steps_described", "open_risks")),
    Block(6, "curriculum", ("course_title", "eqf_level", "total_hours", "outcome_count")),
    Block(7, "key-activities", ("activities.activity", "activity_hours")),
    Block(8, "key-resources", ("resources.resource", "resources_per_learner")),
    Block(9, "key-partners", ("partners.partner", "partners_per_learner")),
    Block(10, "cost-structure", ("total_cost", "fee", "break_even")),
    Block(11, "revenue-streams", ("fee", "total_income", "surplus")),
    Block(12, "recognition", ("stackability", "counts_towards", "recognisers_count")),
)

_FIRST_SENTENCE = re.compile(r"^(.+?[.?!])(?:\s|$)", re.S)


def _prompt(intro: str) -> str:
    """The first sentence of a worksheet's introduction, without Markdown emphasis."""
    text = " ".join(intro.split())
    match = _FIRST_SENTENCE.match(text)
    return (match.group(1) if match else text).replace("**", "")


def _summary_spec(sheet: Worksheet, key: str, context: Context) -> dict[str, Any]:
    field_id, _, column_id = key.partition(".")
    item = sheet.field(field_id)
    if item is None:
        raise KeyError(f"canvas: worksheet '{sheet.id}' has no field '{field_id}'")
    if column_id:
        columns = item.columns if isinstance(item, TableField) else []
        column = next(c for c in columns if c.id == column_id)
        return {
            "id": field_id,
            "column": column_id,
            "label": context.t(label_of(item)),
            **shown_spec(column, context),
        }
    spec = {"id": field_id, "label": context.t(label_of(item)), **shown_spec(item, context)}
    if unit := unit_of(item):
        spec["unit"] = context.t(unit)
    return spec


def render_canvas(
    workbook: Workbook,
    language: str,
    link: Linker,
    page: PageLinker = lambda file: f"../{pagelinks.page_url(file)}",
) -> str:
    """The twelve blocks in the canvas's layout; the script fills in state and summaries."""
    context = Context(workbook, language, page)
    blocks = []
    for block in BLOCKS:
        sheet = workbook.worksheets[block.sheet]
        blocks.append(
            {
                **sheet_entry(sheet, language, link),
                "number": block.number,
                "prompt": _prompt(sheet.intro[language]),
                "summary": [_summary_spec(sheet, key, context) for key in block.summary],
            }
        )
    keys = ("workbook_not_started", "workbook_started", "workbook_complete", "ws_number_marks")
    ui = {key: text[language] for key, text in sorted(workbook.ui.items())}
    strings = {key: ui[key] for key in keys if key in ui}
    return (
        template_environment()
        .get_template("canvas.html.j2")
        .render(
            blocks=blocks,
            ui=ui,
            spec=script_json({"language": language, "blocks": blocks}),
            ui_strings=script_json(strings),
        )
    )
