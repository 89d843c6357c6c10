"""The course plan: every worksheet of the workbook in one Word document, for a head of
department or a quality committee, written at build time in each language.

It is one blank template, like a worksheet's (`wordtemplate`), and the browser fills it
(worksheet/dossier.js): a title page with the course's name, the day it was made and a summary
table of the course's key figures; a table of contents (a TOC field Word updates when the file
opens); then each worksheet as a chapter (Heading 1). The browser removes the chapters of the
worksheets the reader has not started and fills the others with word.js's `fill`, chapter by
chapter, so each chapter is a content control tagged with its worksheet's id: the fields'
tags inside it are the worksheet's own and cannot clash with another chapter's.

What the browser needs besides the template (each worksheet's fields as its page describes
them, where the summary's figures come from) is published once per language as a classic script
(`dossier_script`), loaded only when the button is pressed; the worked example's values in
another, loaded only for the example's course plan.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

from mctoolkit.contentcontrol import wrap
from mctoolkit.examplevalues import example_values
from mctoolkit.model import Text, Worksheet
from mctoolkit.render import display_fields, source_spec
from mctoolkit.wordtemplate import (
    FILLED_ON_TAG,
    HELP_STYLE,
    FormulaWords,
    Page,
    Writer,
    interface_texts,
    row_property,
)
from mctoolkit.workbook import Workbook

# The tags of the dossier's own content controls: a colon, which no field id holds.
COURSE_TAG = "dossier:course"
SUMMARY_TAG = "dossier:summary"
CONTENTS_TAG = "dossier:contents"
TOC_STYLE = "TOC1"
TOC_FIELD = 'TOC \\o "1-1" \\h \\z \\u'


def chapter_tag(sheet_id: str) -> str:
    return f"dossier:sheet:{sheet_id}"


def figure_tag(key: str) -> str:
    return f"dossier:figure:{key}"


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
    Figure("break_even", ("cost-structure.break_even",)),
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


def _sources(workbook: Workbook, names: tuple[str, ...]) -> list[tuple[str, str]]:
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
    return [f for f in SUMMARY if _sources(workbook, f.sources) and f"dossier_{f.key}" in ui]


class DossierWriter(Writer):
    def __init__(self, workbook: Workbook, language: str, page: Page) -> None:
        self.sheets = chapters(workbook)
        super().__init__(self.sheets[0], workbook, language, page)
        self.texts = {**interface_texts(workbook.ui), **dossier_texts(workbook.ui)}

    def write(self) -> bytes:
        self.setup()
        title = self.ui("dossier_title")
        self.document.core_properties.title = title
        self.document.core_properties.revision = 1
        self.header_and_footer(title)
        self.document.styles["Heading 1"].paragraph_format.page_break_before = True
        self.title_page()
        self.contents()
        for sheet in self.sheets:
            self.chapter(sheet)
        self._update_fields_on_open()
        return self.saved()

    def title_page(self) -> None:
        course = self.heading("", 0)
        wrap(course._p, COURSE_TAG, self.ui("dossier_course"), self.ids)
        self.paragraph(self.ui("dossier_title"), "Subtitle")
        made = self.paragraph(f"{self.ui('dossier_made_on')}: ")
        self._answer_box(FILLED_ON_TAG, self.ui("dossier_made_on"), lines=1, inline_after=made)
        rows = figures(self.workbook)
        if not rows:
            return
        start = self.mark()
        self.paragraph(self.ui("dossier_summary"), "Heading2")
        table: Table = self.document.add_table(rows=len(rows), cols=2)
        table.style = self.document.styles["Table Grid"]
        table.autofit = False
        for row, figure in zip(table.rows, rows, strict=True):
            row_property(row, "w:cantSplit")
            for cell, width in zip(row.cells, (Mm(95), Mm(75)), strict=True):
                cell.width = width
            label, value = (cell.paragraphs[0] for cell in row.cells)
            for paragraph in (label, value):
                paragraph.paragraph_format.space_before = Pt(2)
                paragraph.paragraph_format.space_after = Pt(2)
            label.add_run(self.ui(f"dossier_{figure.key}")).bold = True
            wrap(value._p, figure_tag(figure.key), self.ui(f"dossier_{figure.key}"), self.ids)
        self.wrap_since(start, SUMMARY_TAG, self.ui("dossier_summary"))

    def contents(self) -> None:
        """The table of contents: a TOC field whose result, until Word updates it, lists the
        chapters' titles (one paragraph each, in order, for the browser to leave out some)."""
        start = self.mark()
        heading = self.paragraph(self.ui("dossier_contents"), "TOCHeading")
        heading.paragraph_format.page_break_before = True
        self._toc_style()
        note = self.paragraph("", HELP_STYLE)
        for kind, text in (("begin", None), (None, TOC_FIELD), ("separate", None)):
            run = OxmlElement("w:r")
            if kind:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run.append(char)
            else:
                instruction = OxmlElement("w:instrText")
                instruction.set(qn("xml:space"), "preserve")
                instruction.text = text
                run.append(instruction)
            note._p.append(run)
        note.add_run(self.ui("dossier_contents_note"))
        for sheet in self.sheets:
            self.paragraph(self.t(sheet.title), TOC_STYLE)
        end = self.paragraph()
        run = OxmlElement("w:r")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), "end")
        run.append(char)
        end._p.append(run)
        self.wrap_since(start, CONTENTS_TAG, self.ui("dossier_contents"))

    def _toc_style(self) -> None:
        style = self.document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), TOC_STYLE)
        style.base_style = self.document.styles["Normal"]
        style.paragraph_format.space_after = Pt(4)

    def chapter(self, sheet: Worksheet) -> None:
        self.sheet, self.words = sheet, FormulaWords(sheet, self.ui, self.language)
        start = self.mark()
        self.heading(self.t(sheet.title), 1)
        self.body(level=2)
        self.wrap_since(start, chapter_tag(sheet.id), self.t(sheet.title))

    def _update_fields_on_open(self) -> None:
        """Word asks to update the fields (the table of contents, its page numbers) on opening."""
        settings = self.document.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        later = settings.find(qn("w:compat"))  # the schema's order: updateFields before compat
        if later is not None:
            later.addprevious(update)
        else:
            settings.append(update)


def write_dossier(workbook: Workbook, language: str, page: Page) -> bytes:
    """The blank course plan in `language`, as the bytes of a .docx file."""
    return DossierWriter(workbook, language, page).write()


def dossier_data(workbook: Workbook, language: str) -> dict[str, Any]:
    """What the browser fills the dossier with besides the reader's answers."""

    def how(sheet_id: str, field_id: str) -> dict[str, Any]:
        item = workbook.worksheets[sheet_id].field(field_id)
        assert item is not None  # _sources checked it
        return source_spec(item, workbook, language)

    return {
        "fields": {s.id: display_fields(s, workbook, language) for s in chapters(workbook)},
        "course": _sources(workbook, COURSE_NAME),
        "summary": [
            {
                "key": figure.key,
                "from": [[s, f, how(s, f)] for s, f in _sources(workbook, figure.sources)],
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
