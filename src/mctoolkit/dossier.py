"""The course plan: every worksheet of the workbook in one Word document, for a head of
department or a quality committee, written at build time in each language.

It is one blank template, like a worksheet's (`wordtemplate`), and the browser fills it
(worksheet/dossier.js): a title page with the course's name, the day it was made and a summary
table of the course's key figures; a table of contents (a TOC field Word updates when the file
opens); then each worksheet as a chapter (Heading 1). The browser removes the chapters of the
worksheets the reader has not started and fills the others with word.js's `fill`, chapter by
chapter, so each chapter is a content control tagged with its worksheet's id: the fields'
tags inside it are the worksheet's own and cannot clash with another chapter's.

What the browser needs besides the template, and what the plan's chapters and figures are, is
in `courseplan`.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

from mctoolkit.contentcontrol import wrap
from mctoolkit.courseplan import chapters, dossier_texts, figures
from mctoolkit.model import Worksheet
from mctoolkit.wordinputs import Page, interface_texts
from mctoolkit.wordtemplate import (
    FILLED_ON_TAG,
    HELP_STYLE,
    FormulaWords,
    Writer,
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
