"""A worksheet of the model as a blank Word document, in one language, written at build time.

The layout has one source: the browser fills this same file's content controls (see
`contentcontrol`) with a reader's answers. Headings are Word headings (the navigation pane and
a table of contents work), help is smaller, tables repeat their header row on every page, and
A4 portrait pages carry the toolkit's name, the worksheet's title and version, the page's web
address and page numbers.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import ClassVar

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from mctoolkit.contentcontrol import Ids, wrap, xml_text
from mctoolkit.expressions import Node
from mctoolkit.fields import (
    AnswerField,
    Choices,
    Column,
    ComputedField,
    ExampledField,
    Field,
    GroupField,
    InfoField,
    LabelledField,
    LinkedField,
    TableField,
    currency_of,
    options_of,
    unit_of,
)
from mctoolkit.markup import render_markdown
from mctoolkit.model import Option, Text, Worksheet
from mctoolkit.render import in_language
from mctoolkit.wordinputs import Page, interface_texts
from mctoolkit.workbook import Workbook

BOX_EMPTY = "☐"
BOX_TICKED = "☒"
FILLED_ON_TAG = "filled-on"
ANSWER_STYLE, HELP_STYLE, LABEL_STYLE, CHOICE_STYLE = "Answer", "Help", "Label", "Choice"
TEXT_LINES = {"textarea": 4}  # lines of writing space; other fields get one
BLANK_ROWS = 5  # rows to write in when a table asks for fewer
BLANK_ITEMS = 2  # items of a group to write in when it asks for fewer
BORDER = {"val": "single", "sz": "4", "space": "4", "color": "808080"}  # an answer's box


# --- Markdown of partners' texts, as Word paragraphs -----------------------------------------

Run = tuple[str, bool, bool]  # text, bold, italic
_SPACE = re.compile(r"\s+")


class _Blocks(HTMLParser):
    """The sanitised HTML of a partner's Markdown as paragraphs of runs (links keep their text)."""

    BLOCKS = frozenset({"p", "li", "h3", "h4", "h5", "blockquote", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[bool, list[Run]]] = []  # (is a list item, runs)
        self.bold = self.italic = 0
        self.item = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.blocks.append((tag == "li", []))
        elif tag in ("strong", "b", "h3", "h4", "h5", "th"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "br":
            self.handle_data("\n")
        elif tag in ("td", "th") and self.blocks and self.blocks[-1][1]:
            self.handle_data("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("strong", "b", "h3", "h4", "h5", "th"):
            self.bold = max(self.bold - 1, 0)
        elif tag in ("em", "i"):
            self.italic = max(self.italic - 1, 0)

    def handle_data(self, data: str) -> None:
        if data != "\n":  # a line break (<br>) stays; HTML's other white space is one space
            data = _SPACE.sub(" ", data)
        if not data.strip() and not (self.blocks and self.blocks[-1][1]):
            return
        if not self.blocks:
            self.blocks.append((False, []))
        self.blocks[-1][1].append((data, self.bold > 0, self.italic > 0))


def markdown_blocks(text: str) -> list[tuple[bool, list[Run]]]:
    """A partner's Markdown as (is a list item, runs) paragraphs, without markup."""
    parser = _Blocks()
    parser.feed(render_markdown(text))
    parser.close()
    return [(item, runs) for item, runs in parser.blocks if "".join(r[0] for r in runs).strip()]


def plain_text(text: str) -> str:
    """A partner's Markdown as the words a reader sees, paragraphs on lines of their own."""
    return "\n".join("".join(r[0] for r in runs) for _, runs in markdown_blocks(text))


# --- Formulas in words -----------------------------------------------------------------------


class FormulaWords:
    """A formula's tree said in the reader's language: labels for ids, words for functions."""

    MINUS = "\u2212"
    SYMBOLS: ClassVar = {"-": MINUS, "*": "\u00d7", "/": "÷", "!=": "≠", "<=": "≤", ">=": "≥"}
    STRENGTH: ClassVar = {"or": 1, "and": 2, "not": 3, "+": 5, "-": 5, "*": 6, "/": 6, "neg": 7}

    def __init__(self, sheet: Worksheet, ui: Callable[..., str], language: str) -> None:
        self.ui, self.language = ui, language
        self.fields = {f.id: f for f in sheet.top_fields()}

    def label(self, field_id: str) -> str:
        item = self.fields.get(field_id)
        if isinstance(item, LabelledField) and item.label:
            return in_language(item.label, self.language)
        return field_id

    def option(self, field_id: str | None, value: str) -> str:
        item = self.fields.get(field_id or "")
        options: list[Option] = item.options if isinstance(item, Choices) else []
        found = next((o for o in options if o.id == value), None)
        return in_language(found.label, self.language) if found else value

    def quote(self, text: str) -> str:
        return self.ui("doc_quote", text=text)

    def say(self, node: Node, parent: int = 0) -> str:
        """`node` in words; in brackets when it binds less tightly than its `parent` operator."""
        if "n" in node:
            number = f"{node['n']:g}"
            return number.replace(".", self.ui("ws_number_marks")[:1] or ".")
        if "s" in node:
            return self.quote(node["s"])
        if "b" in node:
            return self.ui("doc_true" if node["b"] else "doc_false")
        if "ref" in node:
            return self.quote(self.label(node["ref"]))
        if "col" in node:
            return self.quote(f"{self.label(node['col'][0])}: {self._column(*node['col'])}")
        if "fn" in node:
            return self._call(node["fn"], node["a"])
        operator = node["op"]
        strength = self.STRENGTH.get(operator, 4)
        text = self._operator(operator, node["a"], strength)
        return f"({text})" if strength < parent else text

    def _column(self, table: str, column: str) -> str:
        item = self.fields.get(table)
        columns = item.columns if isinstance(item, TableField) else []
        found = next((c for c in columns if c.id == column), None)
        return in_language(found.label, self.language) if found else column

    def _operator(self, operator: str, children: list[Node], strength: int) -> str:
        if operator == "neg":
            return f"{self.MINUS}{self.say(children[0], strength)}"
        if operator == "not":
            return f"{self.ui('doc_not')} {self.say(children[0], strength)}"
        if operator in ("and", "or"):
            return f" {self.ui('doc_' + operator)} ".join(self.say(c, strength) for c in children)
        left, right = children
        if "s" in right and "ref" in left:  # a choice compared with one of its options
            right = {"s": self.option(left["ref"], right["s"])}
        symbol = self.SYMBOLS.get(operator, operator)
        # a - (b - c) and a / (b * c) keep their brackets: the right side binds tighter
        right_strength = strength + 1 if operator in ("-", "/") else strength
        return f"{self.say(left, strength)} {symbol} {self.say(right, right_strength)}"

    def _call(self, name: str, children: list[Node]) -> str:
        said = [self.say(c) for c in children]
        if name in ("sum", "avg", "count", "unchosen") and "col" in children[0]:
            table, column = children[0]["col"]
            column = self._column(table, column)
            return self.ui(f"doc_{name}", table=self.label(table), column=column)
        if name == "count":  # of a list a formula makes, not of a column
            return self.ui("doc_count_of", values=said[0])
        if name in ("min", "max"):
            return self.ui(f"doc_{name}", values=", ".join(said))
        if name == "round":
            if len(said) == 1 or said[1] == "0":
                return self.ui("doc_round_whole", value=said[0])
            return self.ui("doc_round", value=said[0], digits=said[1])
        if name in ("floor", "ceil", "abs"):
            return self.ui(f"doc_{name}", value=said[0])
        if name == "if" and len(said) == 2:  # if(condition, value): no value otherwise
            return self.ui("doc_if_only", condition=said[0], then=said[1])
        if name == "if":
            return self.ui("doc_if", condition=said[0], then=said[1], otherwise=said[2])
        if name == "answered":
            return self.ui("doc_answered", field=self.label(children[0].get("ref", "")))
        if name == "has":
            field_id = children[0].get("ref")
            option = self.option(field_id, children[1]["s"]) if "s" in children[1] else said[1]
            return self.ui("doc_has", field=self.label(field_id or ""), option=option)
        return f"{name}({', '.join(said)})"


# --- The document ------------------------------------------------------------------------------


class Writer:
    """Writes one worksheet into one document; `ids` numbers its content controls."""

    def __init__(self, sheet: Worksheet, workbook: Workbook, language: str, page: Page) -> None:
        self.sheet, self.workbook, self.language, self.page = sheet, workbook, language, page
        self.ids = Ids()
        self.document: DocxDocument = Document()
        self.words = FormulaWords(sheet, self.ui, language)
        self.texts = interface_texts(workbook.ui)

    def t(self, text: Text | None) -> str:
        return xml_text(in_language(text, self.language))

    def ui(self, key: str, **values: object) -> str:
        text = self.t(self.texts[key])
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    # Layout and styles

    def setup(self) -> None:
        document = self.document
        section = document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Mm(20))
        section.top_margin = section.bottom_margin = Mm(20)
        styles = document.styles
        normal = styles["Normal"]
        normal.font.size = Pt(11)
        normal.paragraph_format.space_after = Pt(4)
        defaults = styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if defaults is not None:  # the language Word checks the spelling in
            language = OxmlElement("w:lang")
            language.set(qn("w:val"), self.language)
            defaults.append(language)
        self._style(LABEL_STYLE, bold=True, keep=True, before=8)
        self._style(HELP_STYLE, size=9.5, colour=RGBColor(0x44, 0x44, 0x44), keep=True)
        self._style(CHOICE_STYLE, after=0)
        answer = self._style(ANSWER_STYLE, after=6)
        borders = OxmlElement("w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            border = OxmlElement(f"w:{side}")
            for name, value in BORDER.items():
                border.set(qn(f"w:{name}"), value)
            borders.append(border)
        answer.element.get_or_add_pPr().append(borders)
        core = document.core_properties
        core.title = self.t(self.sheet.title)
        core.author = self.page.site_name
        core.language = self.language
        core.comments = self.page.url
        core.revision = self.sheet.version

    def _style(
        self,
        name: str,
        size: float | None = None,
        bold: bool = False,
        colour: RGBColor | None = None,
        keep: bool = False,
        before: float = 0,
        after: float = 2,
    ) -> ParagraphStyle:
        style: ParagraphStyle = self.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.document.styles["Normal"]
        style.font.bold = bold or None
        if size:
            style.font.size = Pt(size)
        if colour:
            style.font.color.rgb = colour
        style.paragraph_format.keep_with_next = keep
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        return style

    def header_and_footer(self, heading: str | None = None) -> None:
        """The site's name and `heading` (by default the worksheet's title and version) above,
        the page's address and page numbers below."""
        section = self.document.sections[0]
        if heading is None:
            version = self.ui("doc_version", version=self.sheet.version)
            heading = f"{self.t(self.sheet.title)}, {version}"
        header = section.header.paragraphs[0]
        header.text = f"{xml_text(self.page.site_name)} · {heading}"
        header.style = self.document.styles[HELP_STYLE]
        footer = section.footer.paragraphs[0]
        footer.style = self.document.styles[HELP_STYLE]
        footer.add_run(xml_text(self.page.url))
        numbers = section.footer.add_paragraph(style=self.document.styles[HELP_STYLE])
        numbers.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        text = self.ui("doc_page")
        for part in _split_fields(text):
            if part in ("{page}", "{pages}"):
                _field(numbers, "PAGE" if part == "{page}" else "NUMPAGES")
            elif part:
                numbers.add_run(part)

    # Content

    def paragraph(self, text: str = "", style: str | None = None, into: object = None) -> Paragraph:
        """A new paragraph in the style whose id is `style`. The id is set directly: python-docx
        looks a style up by its name with a search of every style, most of a template's time."""
        paragraph: Paragraph = (into or self.document).add_paragraph(text)  # type: ignore[attr-defined]
        if style:
            paragraph._p.style = style
        return paragraph

    def heading(self, text: str, level: int) -> Paragraph:
        return self.paragraph(text, "Title" if level == 0 else f"Heading{level}")

    def write(self) -> bytes:
        self.setup()
        self.header_and_footer()
        document = self.document
        self.heading(self.t(self.sheet.title), 0)
        filled = document.add_paragraph(f"{self.ui('doc_filled_on')}: ")
        self._answer_box(FILLED_ON_TAG, self.ui("doc_filled_on"), lines=1, inline_after=filled)
        self.body(level=1)
        return self.saved()

    def saved(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def body(self, level: int) -> None:
        """The worksheet's introduction and sections, its sections' headings at `level`."""
        self.markdown(self.sheet.intro)
        for section in self.sheet.sections:
            self.heading(self.t(section.title), level)
            self.markdown(section.intro)
            if section.show_if:
                self.paragraph(self.ui("show_only_when"), HELP_STYLE)
            for item in section.fields:
                self.field(item, item.id, level=level + 1)

    def mark(self) -> int:
        """Where the next element of the body will stand (before the section properties)."""
        body = self.document.element.body
        return len(body) - (1 if len(body) and body[-1].tag == qn("w:sectPr") else 0)

    def wrap_since(self, start: int, tag: str, alias: str) -> BaseOxmlElement:
        """Everything written into the body since `mark()` gave `start`, in one content control."""
        added = [e for e in list(self.document.element.body)[start:] if e.tag != qn("w:sectPr")]
        sdt = wrap(added[0], tag, alias, self.ids)
        holder = sdt.find(qn("w:sdtContent"))
        for element in added[1:]:
            holder.append(element)
        return sdt

    def markdown(self, text: Text | None, style: str | None = None) -> None:
        if not text:
            return
        for item, runs in markdown_blocks(self.t(text)):
            paragraph = self.paragraph("", style or ("ListBullet" if item else None))
            for words, bold, italic in runs:
                run = paragraph.add_run()
                for number, line in enumerate(words.split("\n")):
                    if number:
                        run.add_break()
                    run.add_text(line)
                run.bold, run.italic = bold or None, italic or None

    def label(self, item: LabelledField | Column, suffix: str = "") -> str:
        text = self.t(item.label)
        unit = self.t(unit_of(item)) or (currency_of(item) or "")
        if unit:
            text += f" ({unit})"
        if isinstance(item, AnswerField | Column) and item.required:
            text += f" ({self.ui('required')})"
        return text + suffix

    def field(self, item: Field, tag: str, level: int) -> None:
        if isinstance(item, InfoField):
            if item.title:
                self.paragraph(self.t(item.title), LABEL_STYLE)
            self.markdown(item.text)
            return
        if isinstance(item, GroupField):
            self.group(item, tag, level)
            return
        assert isinstance(item, LabelledField)  # every other kind has a label
        self.paragraph(self.label(item), LABEL_STYLE)
        self.markdown(item.help, style=HELP_STYLE)
        if item.show_if:
            self.paragraph(self.ui("show_only_when"), HELP_STYLE)
        if isinstance(item, ExampledField) and item.example:
            example = self.paragraph("", HELP_STYLE)
            example.add_run(f"{self.ui('doc_example')}: ").bold = True
            example.add_run(plain_text(self.t(item.example))).italic = True
        if isinstance(item, ComputedField) and item.formula:
            formula = f"{self.t(item.label)} = {self.words.say(item.formula)}"
            self.paragraph(xml_text(formula), HELP_STYLE)
        if isinstance(item, LinkedField) and item.source:
            self.paragraph(self.linked_from(item.source), HELP_STYLE)
        if isinstance(item, TableField):
            self.table(item, tag)
        elif options_of(item):
            self.choices(item, tag)
        else:
            self._answer_box(tag, self.t(item.label), lines=TEXT_LINES.get(item.type, 1))

    def _answer_box(
        self, tag: str, alias: str, lines: int, inline_after: Paragraph | None = None
    ) -> None:
        """An empty boxed paragraph of `lines` lines inside a content control tagged `tag`."""
        if inline_after is not None:  # a short answer on its label's line, in a run control
            run = inline_after.add_run("_" * 20)
            wrap(run._r, tag, alias, self.ids)
            return
        paragraph = self.paragraph("", ANSWER_STYLE)
        for _ in range(lines - 1):
            paragraph.add_run().add_break()
        wrap(paragraph._p, tag, alias, self.ids)

    def choices(self, item: LabelledField, tag: str) -> None:
        """Tick boxes, one option a line, all in one content control."""
        paragraphs = [
            self.paragraph(f"{BOX_EMPTY} {self.t(o.label)}", CHOICE_STYLE) for o in options_of(item)
        ]
        for paragraph in paragraphs[:-1]:  # a list of options stays on one page
            paragraph.paragraph_format.keep_with_next = True
        sdt = wrap(paragraphs[0]._p, tag, self.t(item.label), self.ids)
        holder = sdt.find(qn("w:sdtContent"))
        for paragraph in paragraphs[1:]:
            holder.append(paragraph._p)

    def table(self, item: TableField, tag: str) -> None:
        columns = item.columns
        rows = max(item.min_rows or 0, BLANK_ROWS)
        if item.max_rows:
            rows = min(rows, item.max_rows)
        table: Table = self.document.add_table(rows=1 + rows, cols=len(columns))
        table.style = self.document.styles["Table Grid"]
        header = table.rows[0]
        row_property(header, "w:tblHeader")  # repeated at the top of every page
        for cell, column in zip(header.cells, columns, strict=True):
            cell.paragraphs[0].add_run(self.label(column)).bold = True
        for row in table.rows:
            row_property(row, "w:cantSplit")
        for row in table.rows[1:]:
            for cell, column in zip(row.cells, columns, strict=True):
                self.cell(cell, column, f"{tag}.{column.id}")
            wrap(row._tr, tag, self.t(item.label), self.ids)
        self.document.add_paragraph()

    def linked_from(self, source: str) -> str:
        """Where a linked value comes from: "Taken from the worksheet “Curriculum”"."""
        sheet = self.workbook.worksheets.get(source.split(".", 1)[0])
        title = self.t(sheet.title) if sheet else source
        return f"{self.ui('linked_from')} {self.words.quote(title)}"

    def cell(self, cell: object, column: Column, tag: str) -> None:
        paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
        if column.type == "linked" and column.source:  # a filled document writes its value here
            paragraph.text = self.linked_from(column.source)
            paragraph._p.style = HELP_STYLE
        options = options_of(column)
        if options:
            paragraph.text = f"{BOX_EMPTY} {self.t(options[0].label)}"
            paragraph._p.style = CHOICE_STYLE
            for option in options[1:]:
                self.paragraph(f"{BOX_EMPTY} {self.t(option.label)}", CHOICE_STYLE, into=cell)
        first = paragraph._p
        sdt = wrap(first, tag, self.t(column.label), self.ids)
        holder = sdt.find(qn("w:sdtContent"))
        for extra in cell.paragraphs:  # type: ignore[attr-defined]  # those left outside it
            holder.append(extra._p)

    def group(self, item: GroupField, tag: str, level: int) -> None:
        self.heading(self.t(item.label), level)
        self.markdown(item.help, style=HELP_STYLE)
        name = self.t(item.item_label) or self.t(item.label)
        items = max(item.min_items or 0, BLANK_ITEMS)
        if item.max_items:
            items = min(items, item.max_items)
        for number in range(1, items + 1):
            start = self.mark()
            self.heading(f"{name} {number}", min(level + 1, 9))
            for member in item.fields:
                self.field(member, f"{tag}.{member.id}", level + 1)
            self.wrap_since(start, tag, name)


def row_property(row: object, name: str) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    properties.append(OxmlElement(name))


def _split_fields(text: str) -> list[str]:
    parts: list[str] = []
    rest = text
    while rest:
        starts = [i for i in (rest.find("{page}"), rest.find("{pages}")) if i >= 0]
        if not starts:
            parts.append(rest)
            break
        start = min(starts)
        end = rest.index("}", start) + 1
        parts += [rest[:start], rest[start:end]]
        rest = rest[end:]
    return parts


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word works out when it shows the page (PAGE, NUMPAGES)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def write_template(sheet: Worksheet, workbook: Workbook, language: str, page: Page) -> bytes:
    """The blank Word template of `sheet` in `language`, as the bytes of a .docx file."""
    return Writer(sheet, workbook, language, page).write()


DESCRIPTION_TAGS = ("title", "other_title", "rows", "rows.label", "rows.value")


class _DescriptionWriter(Writer):
    """The one-page description a worksheet with exports gives people: a title, the title in
    the other language, the day it was made, and a table of element names and values. The
    browser writes the names and values (credential-description.js) into its one blank row."""

    def write(self) -> bytes:
        self.setup()
        self.header_and_footer()
        # One A4 page for a whole description: smaller type and margins than a worksheet's.
        section = self.document.sections[0]
        section.top_margin = section.bottom_margin = Mm(14)
        styles = self.document.styles
        styles["Normal"].font.size = Pt(9)
        styles["Title"].font.size = Pt(20)
        title = self.heading("", 0)
        wrap(title._p, "title", self.t(self.sheet.title), self.ids)
        other = self.paragraph("", "Subtitle")
        wrap(other._p, "other_title", self.t(self.sheet.title), self.ids)
        made = self.paragraph(f"{self.ui('doc_filled_on')}: ", HELP_STYLE)
        self._answer_box(FILLED_ON_TAG, self.ui("doc_filled_on"), lines=1, inline_after=made)
        table: Table = self.document.add_table(rows=1, cols=2)
        table.style = self.document.styles["Table Grid"]
        row = table.rows[0]
        row_property(row, "w:cantSplit")
        table.autofit = False
        for column, cell, width, tag in zip(
            table.columns, row.cells, (Mm(45), Mm(125)), ("label", "value"), strict=True
        ):
            column.width = cell.width = width
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(1)
            if tag == "label":
                paragraph.add_run().bold = True
            wrap(paragraph._p, f"rows.{tag}", self.t(self.sheet.title), self.ids)
        wrap(row._tr, "rows", self.t(self.sheet.title), self.ids)
        return self.saved()


def write_description(sheet: Worksheet, workbook: Workbook, language: str, page: Page) -> bytes:
    """The blank one-page description of `sheet` in `language` (see `_DescriptionWriter`)."""
    return _DescriptionWriter(sheet, workbook, language, page).write()
