"""What the course plan holds besides its Word file: its chapters (the workbook's worksheets),
the key figures of its summary and where each comes from, and the data the browser fills it with
(`dossier_script`), published once per language and loaded only when the button is pressed.

Kept apart from the Word writer (`dossier`) so that a build whose templates are all cached
never imports python-docx.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from mctoolkit.examplevalues import example_values
from mctoolkit.model import Text, Worksheet
from mctoolkit.render import display_fields, source_spec
from mctoolkit.workbook import Workbook


@dataclass(frozen=True)
class Figure:
    """A row of the summary: its label is the interface text `dossier_<key>`; its value the
    first of `sources` ("worksheet.field") the reader has answered. A zero is no figure where
    `zero_counts` is false (a workload or a cost of nothing means nothing is filled yet)."""

    key: str
    sources: tuple[str, ...]
    zero_counts: bool = True


SUMMARY = (
    Figure("learners", ("cost-structure.learners", "revenue-streams.learners")),
    Figure("hours", ("curriculum.total_hours",), zero_counts=False),
    Figure("ekap", ("curriculum.ekap",), zero_counts=False),
    Figure("ects", ("curriculum.ects",), zero_counts=False),
    Figure("total_cost", ("cost-structure.total_cost",), zero_counts=False),
    Figure("fee", ("revenue-streams.fee", "cost-structure.fee")),
    # The learners the fee above needs: the revenue streams' count takes their fee and other
    # income; the cost structure's holds only where no revenue stream is filled in.
    Figure("break_even", ("revenue-streams.break_even_learners", "cost-structure.break_even")),
    Figure("surplus", ("revenue-streams.surplus", "cost-structure.surplus")),
)
# Where the course's name comes from, the first answered one; else the workbook's name.
COURSE_NAME = ("curriculum.course_title", "micro-credential.title")


def dossier_texts(ui: dict[str, Text]) -> dict[str, Text]:
    """The interface texts the dossier's template uses besides a worksheet template's."""
    return {key: text for key, text in ui.items() if key.startswith("dossier_")}


def chapters(workbook: Workbook) -> list[Worksheet]:
    """The workbook's worksheets, in its order: the dossier's chapters."""
    return [sheet for sheet in workbook.ordered() if sheet.workbook]


def sources(workbook: Workbook, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """The sources among `names` that this workbook has (a project may have other worksheets)."""
    found = []
    for name in names:
        sheet_id, field_id = name.split(".", 1)
        sheet = workbook.worksheets.get(sheet_id)
        if sheet is not None and sheet.workbook and sheet.field(field_id) is not None:
            found.append((sheet_id, field_id))
    return found


def figures(workbook: Workbook) -> list[Figure]:
    """The summary's rows this workbook can fill."""
    ui = workbook.ui
    return [f for f in SUMMARY if sources(workbook, f.sources) and f"dossier_{f.key}" in ui]


def dossier_data(workbook: Workbook, language: str) -> dict[str, Any]:
    """What the browser fills the dossier with besides the reader's answers."""

    def how(sheet_id: str, field_id: str) -> dict[str, Any]:
        item = workbook.worksheets[sheet_id].field(field_id)
        assert item is not None  # _sources checked it
        return source_spec(item, workbook, language)

    return {
        "fields": {s.id: display_fields(s, workbook, language) for s in chapters(workbook)},
        "course": sources(workbook, COURSE_NAME),
        "summary": [
            {
                "key": figure.key,
                "from": [[s, f, how(s, f)] for s, f in sources(workbook, figure.sources)],
                "zero": figure.zero_counts,
            }
            for figure in figures(workbook)
        ],
    }


def example_data(workbook: Workbook, language: str) -> dict[str, Any]:
    """The worked example's values of each chapter (answers and formulas' values), by id."""
    ids = {sheet.id for sheet in chapters(workbook)}
    return {k: v for k, v in example_values(workbook, language).items() if k in ids}


def dossier_file(language: str, example: bool = False) -> str:
    """Where the site keeps the dossier's data in `language` (or the worked example's)."""
    return f"assets/course-plan{'-example' if example else ''}.{language}.js"


def dossier_script(workbook: Workbook, language: str, example: bool = False) -> str:
    """The dossier's data in `language` as a classic script (it loads from `file://` too); with
    `example`, the worked example's values, which only the example's course plan loads."""
    data = (example_data if example else dossier_data)(workbook, language)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    name = "mctoolkitExample" if example else "mctoolkitDossier"
    return f"(window.{name} ||= {{}})[{json.dumps(language)}] = {text};\n"
