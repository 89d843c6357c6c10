"""The workbook page: the workbook's worksheets in order, the reader's progress in each, and the
whole workbook exported or imported as one answers file (by the browser script)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from mctoolkit import pagelinks
from mctoolkit.answers import progress_questions
from mctoolkit.markup import render_markdown
from mctoolkit.model import Worksheet
from mctoolkit.pagelinks import PageLinker
from mctoolkit.render import Linker, answer_shapes, browser_texts, script_json, template_environment
from mctoolkit.workbook import Workbook


def _first_paragraph(text: str) -> str:
    return text.strip().split("\n\n", 1)[0]


def sheet_entry(sheet: Worksheet, language: str, link: Linker) -> dict[str, Any]:
    """A row's worksheet, with what its progress counts (see answers.progress_questions)."""
    return {
        "id": sheet.id,
        "version": sheet.version,
        "title": sheet.title[language],
        "href": link(sheet.id),
        "questions": progress_questions(sheet),
    }


@dataclass(frozen=True)
class CoursePlan:
    """The course plan's download as the workbook page links it: its template's address and
    file name, and the addresses of its data scripts (`dossier.dossier_script`): the course
    plan's, and the worked example's values."""

    template: str
    name: str
    data: str
    example: str


def render_workbook(
    workbook: Workbook,
    language: str,
    link: Linker,
    page: PageLinker = lambda file: f"../{pagelinks.page_url(file)}",
    plan: CoursePlan | None = None,
) -> str:
    """The list of the workbook's worksheets, with the tools the browser script brings to life.

    `link` addresses the worksheets' pages, `page` the pages their summaries link to; both
    relative to the workbook page (by default `worksheets/`). `plan` is the course plan's
    download (none without a template for it)."""
    sheets = [sheet for sheet in workbook.ordered() if sheet.workbook]
    entries = [sheet_entry(sheet, language, link) for sheet in sheets]
    summaries = [
        Markup(
            pagelinks.rewrite(
                render_markdown(_first_paragraph(sheet.intro[language]), inline=True), page
            )
        )
        for sheet in sheets
    ]
    ui = {key: text[language] for key, text in sorted(workbook.ui.items())}
    # What an import checks, as on a worksheet page: the workbook's worksheets and their answers.
    shapes = {
        sheet.id: {
            "title": sheet.title[language],
            "version": sheet.version,
            "fields": answer_shapes(sheet, language),
        }
        for sheet in sheets
    }
    strings = browser_texts(workbook, language)
    strings.update({key: text for key, text in ui.items() if key.startswith("workbook_")})
    return (
        template_environment()
        .get_template("workbook.html.j2")
        .render(
            rows=list(zip(entries, summaries, strict=True)),
            ui=ui,
            spec=script_json({"language": language, "worksheets": entries, "workbook": shapes}),
            ui_strings=script_json(strings),
            plan=plan,
        )
    )
