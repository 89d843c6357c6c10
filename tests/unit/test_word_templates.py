"""The blank Word templates: written from the worksheet model, one per worksheet and language."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from mctoolkit.fields import Field, GroupField, InfoField, TableField, label_of, options_of
from mctoolkit.model import Text, Worksheet
from mctoolkit.wordfiles import template_name, write_all
from mctoolkit.wordinputs import Page
from mctoolkit.wordtemplate import (
    DESCRIPTION_TAGS,
    FILLED_ON_TAG,
    plain_text,
    write_description,
    write_template,
)
from mctoolkit.workbook import Workbook, load_workbook
from tests.conftest import ROOT
from tests.unit.project import LANGUAGES, Project
from tests.word import body_text, control_text, ids, open_document, pdf_texts, tags

SITE = {"en": "Micro-credentials e-toolkit", "et": "Mikrokvalifikatsioonide e-tööriistakast"}


def page_of(sheet_id: str, language: str) -> Page:
    prefix = "" if language == "en" else f"{language}/"
    return Page(SITE[language], f"https://example.org/{prefix}worksheets/{sheet_id}/")


def page(sheet: Worksheet, language: str) -> Page:
    return page_of(sheet.id, language)


@pytest.fixture(scope="module")
def workbook() -> Workbook:
    return load_workbook(ROOT, LANGUAGES)


@pytest.fixture(scope="module")
def templates(workbook: Workbook) -> dict[tuple[str, str], bytes]:
    return {
        (sheet.id, language): write_template(sheet, workbook, language, page(sheet, language))
        for sheet in workbook.ordered()
        for language in LANGUAGES
    }


CASES = [
    (path.stem, language)
    for path in sorted((ROOT / "worksheets").glob("*.yml"))
    for language in LANGUAGES
]


def texts(sheet: Worksheet, workbook: Workbook) -> Iterator[Text]:
    """Every human text a template shows as written: titles, labels, options."""
    yield sheet.title
    for section in sheet.sections:
        yield section.title
    for item in sheet.all_fields():
        yield from (t for t in (label_of(item), _item_label(item), _title(item)) if t)
        yield from (option.label for option in options_of(item))
        for column in item.columns if isinstance(item, TableField) else []:
            yield column.label
            yield from (option.label for option in column.options)


def _item_label(item: Field) -> Text | None:
    return item.item_label if isinstance(item, GroupField) else None


def _title(item: Field) -> Text | None:
    return item.title if isinstance(item, InfoField) else None


@pytest.mark.parametrize(("sheet_id", "language"), CASES)
def test_a_template_opens_with_its_title_version_address_and_page_numbers(
    templates: dict[tuple[str, str], bytes], workbook: Workbook, sheet_id: str, language: str
) -> None:
    document = open_document(templates[(sheet_id, language)])
    sheet = workbook.worksheets[sheet_id]
    title = sheet.title[language]
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == title
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.styles["Normal"].font.size.pt == 11
    header = section.header.paragraphs[0].text
    version = {"en": "version 1", "et": "versioon 1"}[language]
    assert header == f"{SITE[language]} · {title}, {version}"
    footer = section.footer._element.xml
    assert page(sheet, language).url in footer
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer


@pytest.mark.parametrize(("sheet_id", "language"), CASES)
def test_every_label_and_option_is_there_in_its_language_and_none_of_the_other(
    templates: dict[tuple[str, str], bytes], workbook: Workbook, sheet_id: str, language: str
) -> None:
    text = body_text(open_document(templates[(sheet_id, language)]))
    sheet = workbook.worksheets[sheet_id]
    other = next(code for code in LANGUAGES if code != language)
    own = [plain_text(t[language]) for t in texts(sheet, workbook)]
    assert [t for t in own if t not in text] == []
    foreign = [
        plain_text(t[other])
        for t in texts(sheet, workbook)
        if t[other] != t[language] and not any(t[other] in mine for mine in own)
    ]
    assert foreign and [t for t in foreign if t in text] == []


def answer_places(fields: list[Field], prefix: str = "") -> Iterator[str]:
    for item in fields:
        if item.type == "info":
            continue
        yield prefix + item.id
        if isinstance(item, TableField):
            for column in item.columns:
                yield f"{prefix}{item.id}.{column.id}"
        if isinstance(item, GroupField):
            yield from answer_places(item.fields, f"{prefix}{item.id}.")


@pytest.mark.parametrize(("sheet_id", "language"), CASES)
def test_every_answer_place_is_a_content_control_tagged_with_its_field_id(
    templates: dict[tuple[str, str], bytes], workbook: Workbook, sheet_id: str, language: str
) -> None:
    document = open_document(templates[(sheet_id, language)])
    sheet = workbook.worksheets[sheet_id]
    found = set(tags(document))
    wanted = {FILLED_ON_TAG, *answer_places([f for s in sheet.sections for f in s.fields])}
    assert found == wanted
    numbers = ids(document)
    assert [n for n, count in Counter(numbers).items() if count > 1] == []


def test_a_table_has_a_repeated_header_row_and_each_row_is_a_tagged_control(
    templates: dict[tuple[str, str], bytes],
) -> None:
    document = open_document(templates[("cost-structure", "en")])
    table = document.tables[0]
    xml = table._tbl.xml
    assert "<w:tblHeader/>" in xml.split("</w:tr>")[0]
    assert [c.text for c in table.rows[0].cells] == ["Cost item", "Amount (EUR)"]
    assert tags(document).count("fixed_costs") == 5  # rows to write in
    assert tags(document).count("fixed_costs.amount") == 5


def test_sections_are_word_headings_and_help_is_smaller(
    templates: dict[tuple[str, str], bytes], workbook: Workbook
) -> None:
    document = open_document(templates[("cost-structure", "et")])
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [s.title["et"] for s in workbook.worksheets["cost-structure"].sections]
    help_style = document.styles["Help"]
    assert help_style.font.size.pt < document.styles["Normal"].font.size.pt


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "Total cost of one run = “Total fixed costs” + “Variable costs for the whole group”",
        ),
        ("et", "Ühe kursuse kogukulu = „Püsikulud kokku“ + „Muutuvkulud kogu rühma kohta“"),
    ],
)
def test_a_computed_value_says_its_formula_in_words(
    templates: dict[tuple[str, str], bytes], language: str, said: str
) -> None:
    text = body_text(open_document(templates[("cost-structure", language)]))
    assert said in text


def test_a_formula_keeps_only_the_brackets_it_needs(
    templates: dict[tuple[str, str], bytes],
) -> None:
    text = body_text(open_document(templates[("cost-structure", "en")]))
    fee = "“Cost per learner” \u00d7 (1 + “Margin (mark-up on cost)” ÷ 100), rounded to 2 decimal"
    assert fee in text
    assert "the sum of the column “Amount” in “Fixed costs of one run”" in text


def test_a_value_worked_out_only_on_a_condition_says_so(
    templates: dict[tuple[str, str], bytes],
) -> None:
    text = body_text(open_document(templates[("cost-structure", "en")]))
    assert "otherwise not worked out" in text
    assert "muidu ei arvutata" in body_text(open_document(templates[("cost-structure", "et")]))


def test_a_linked_value_names_the_worksheet_it_comes_from(
    templates: dict[tuple[str, str], bytes],
) -> None:
    assert "Taken from the worksheet “Curriculum”" in body_text(
        open_document(templates[("cost-structure", "en")])
    )
    assert "Võetud töölehelt „Õppekava“" in body_text(
        open_document(templates[("cost-structure", "et")])
    )


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Taken from the worksheet “Curriculum”"),
        ("et", "Võetud töölehelt „Õppekava“"),
    ],
)
def test_a_linked_column_names_in_each_blank_cell_the_worksheet_it_comes_from(
    templates: dict[tuple[str, str], bytes], language: str, said: str
) -> None:
    cells = control_text(open_document(templates[("assessment-plan", language)]), "plan.level")
    assert cells and all(cell == said for cell in cells)


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Its EQF level (from the curriculum)\nTaken from the worksheet “Curriculum”"),
        ("et", "Selle EQF tase (õppekavast)\nVõetud töölehelt „Õppekava“"),
    ],
)
def test_a_linked_member_of_a_group_names_in_each_item_the_worksheet_it_comes_from(
    templates: dict[tuple[str, str], bytes], language: str, said: str
) -> None:
    document = open_document(templates[("showcase", language)])
    assert body_text(document).count(said) == 2  # each of the two blank contacts
    assert len(control_text(document, "contacts.outcome_level")) == 2


def test_choices_are_tick_boxes_and_examples_are_shown(
    templates: dict[tuple[str, str], bytes],
) -> None:
    document = open_document(templates[("showcase", "en")])
    assert control_text(document, "participation") == [
        "☐ On site\n☐ Online\n☐ Blended (online and on site)\n☐ Work-based (at a workplace)\n"
        "☐ Volunteering"
    ]
    assert "Example: Digital marketing for small salons" in body_text(document)


HOSTILE = """\
id: hostile
version: 3
title: {en: "<script>alert(1)</script> & ]]> Title", et: "Pealkiri <b>&amp;</b> ]]>"}
intro: {en: "Intro <w:t>not xml</w:t> {{ field }}", et: "Sissejuhatus \\x01 lõpp"}
sections:
  - id: main
    title: {en: "Main \\"quoted\\" & <em>", et: "Põhi </script>"}
    fields:
      - id: name
        type: text
        label: {en: "Name\\x02\\x1f & <tag> ]]>", et: "Nimi <![CDATA[x]]>"}
      - id: pick
        type: choice
        label: {en: "Pick & choose", et: "Vali"}
        options:
          - {id: a, label: {en: "A <b>", et: "A & B"}}
"""


def test_hostile_texts_give_a_valid_file_that_shows_them_as_text(
    project: Project, tmp_path: Path
) -> None:
    project.write("worksheets/hostile.yml", HOSTILE)
    workbook = project.load()
    sheet = workbook.worksheets["hostile"]
    files = []
    for language in LANGUAGES:
        data = write_template(sheet, workbook, language, page(sheet, language))
        document = open_document(data)
        files.append(tmp_path / template_name(sheet, language))
        files[-1].write_bytes(data)
        text = body_text(document)
        assert sheet.title[language] in text
        assert "\x01" not in text and "\x02" not in text
    assert "Name & <tag> ]]>" in body_text(open_document(files[0]))
    assert "☐ A <b>" in body_text(open_document(files[0]))
    pdfs = pdf_texts(files, tmp_path)
    assert "<script>alert(1)</script> & ]]> Title" in pdfs[files[0].stem]
    assert "Pealkiri <b>&amp;</b> ]]>" in pdfs[files[1].stem]


def test_libreoffice_opens_the_templates_and_shows_their_text(
    templates: dict[tuple[str, str], bytes], workbook: Workbook, tmp_path: Path
) -> None:
    chosen = [("cost-structure", "et"), ("learner-persona", "en"), ("showcase", "en")]
    files = []
    for sheet_id, language in chosen:
        files.append(tmp_path / template_name(workbook.worksheets[sheet_id], language))
        files[-1].write_bytes(templates[(sheet_id, language)])
    pdfs = pdf_texts(files, tmp_path)
    assert sorted(pdfs) == sorted(f.stem for f in files)
    flat = {name: re.sub(r"\s+", " ", text) for name, text in pdfs.items()}
    assert "Kulude struktuur" in flat["cost-structure-v1-et"]
    assert "Lehekülg 1/" in flat["cost-structure-v1-et"]
    assert "Persona 1" in flat["learner-persona-v1-en"]
    assert "Page 1 of" in flat["showcase-v1-en"]


def test_a_rebuild_writes_only_the_templates_whose_worksheet_changed(
    project: Project, tmp_path: Path
) -> None:
    for path in (ROOT / "worksheets").glob("*.yml"):
        shutil.copy(path, project.root / "worksheets")
    sheets = [path.stem for path in (ROOT / "worksheets").glob("*.yml")]
    pages = {(s, lang): page_of(s, lang) for s in sheets for lang in LANGUAGES}
    cache = tmp_path / "cache"
    first = write_all(project.load(), LANGUAGES, pages, cache)
    # each worksheet in two languages, the description's template in two, two zips, and the
    # course plan in two
    assert first.written == 2 * len(sheets) + 2 + 2 + 2
    assert [d.name for d in first.descriptions] == [
        f"micro-credential-description-v1-{lang}.docx" for lang in LANGUAGES
    ]
    again = write_all(project.load(), LANGUAGES, pages, cache)
    assert again.written == 0
    assert [d.path for d in again.templates] == [d.path for d in first.templates]
    source = project.root / "worksheets" / "cost-structure.yml"
    text = source.read_text("utf-8")
    source.write_text(text.replace("What does one run of the course cost", "What does it cost"))
    changed = write_all(project.load(), LANGUAGES, pages, cache)
    # its two templates, the two zips that hold them and the two course plans, its chapter
    assert changed.written == 2 + 2 + 2
    assert len(list(cache.glob("cost-structure-v1-en.*.docx"))) == 1  # the stale one is gone
    assert {d.name for d in changed.templates} == {
        f"{s}-v1-{lang}.docx" for s in sheets for lang in LANGUAGES
    }


def test_a_choice_column_offers_every_option_in_each_cells_control(
    templates: dict[tuple[str, str], bytes],
) -> None:
    document = open_document(templates[("showcase", "en")])
    cells = control_text(document, "modules.mode")
    assert cells[0].split("\n") == [
        "☐ On site",
        "☐ Online",
        "☐ Blended (online and on site)",
        "☐ Work-based (at a workplace)",
        "☐ Volunteering",
    ]


def test_an_interface_text_no_template_uses_is_not_part_of_their_key(
    project: Project, tmp_path: Path
) -> None:
    project.sheet("solo", "- {id: name, type: text, label: {en: Name, et: Nimi}}\n")
    pages = {("solo", lang): page_of("solo", lang) for lang in LANGUAGES}
    write_all(project.load(), LANGUAGES, pages, tmp_path)
    ui = project.root / "data" / "ui.yml"
    text = ui.read_text("utf-8")
    ui.write_text(text.replace('example: {en: "Example answer"', 'example: {en: "Sample"'))
    assert write_all(project.load(), LANGUAGES, pages, tmp_path).written == 0
    ui.write_text(text.replace('doc_example: {en: "Example"', 'doc_example: {en: "For example"'))
    # its two templates, the two zips, the course plan in two languages
    assert write_all(project.load(), LANGUAGES, pages, tmp_path).written == 2 + 2 + 2


FIND_CACHED = """
import sys
from pathlib import Path
from mctoolkit.wordfiles import write_all
from mctoolkit.wordinputs import Page
from mctoolkit.workbook import load_workbook

root, folder = Path(sys.argv[1]), Path(sys.argv[2])
workbook = load_workbook(root, ["en", "et"])
pages = {(s, lang): Page("Toolkit", f"https://example.org/{s}/") for s in workbook.worksheets
         for lang in ("en", "et")}
written = write_all(workbook, ["en", "et"], pages, folder).written
print(written, any(name.split(".")[0] == "docx" for name in sys.modules))
"""


def test_a_build_that_finds_every_file_cached_does_not_load_python_docx(
    project: Project, tmp_path: Path
) -> None:
    project.sheet("solo", "- {id: name, type: text, label: {en: Name, et: Nimi}}\n")
    arguments = [sys.executable, "-c", FIND_CACHED, str(project.root), str(tmp_path / "word")]
    first = subprocess.run(arguments, capture_output=True, text=True, check=True)
    assert first.stdout.split() == ["6", "True"]  # two templates, two zips, two course plans
    again = subprocess.run(arguments, capture_output=True, text=True, check=True)
    assert again.stdout.split() == ["0", "False"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_description_template_is_a_title_and_one_row_to_repeat_on_an_a4_page(
    workbook: Workbook, language: str
) -> None:
    sheet = workbook.worksheets["micro-credential"]
    document = open_document(write_description(sheet, workbook, language, page(sheet, language)))
    assert tags(document) == [*DESCRIPTION_TAGS[:2], FILLED_ON_TAG, *DESCRIPTION_TAGS[2:]]
    assert len(document.tables) == 1  # its one row is the control tagged "rows"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert sheet.title[language] in section.header.paragraphs[0].text
    assert control_text(document, "title") == [""]  # the browser writes the title


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "how many there are of the options no row chooses in the column “Learning outcome” "
            "of “Assessment of each outcome”",
        ),
        (
            "et",
            "nende arv: valikud, mida tabeli „Iga õpiväljundi hindamine“ veerus „Õpiväljund“ "
            "ükski rida ei vali",
        ),
    ],
)
def test_the_outcomes_no_row_assesses_are_said_in_words(
    templates: dict[tuple[str, str], bytes], language: str, said: str
) -> None:
    text = body_text(open_document(templates[("assessment-plan", language)]))
    assert said in text and "unchosen(" not in text and "count(" not in text
