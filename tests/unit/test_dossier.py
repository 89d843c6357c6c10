"""The course plan's blank template: the whole workbook in one Word document per language, with
a title page, a summary table, a table of contents and one chapter per worksheet."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from mctoolkit.contentcontrol import controls
from mctoolkit.courseplan import SUMMARY, chapters, dossier_data, dossier_script
from mctoolkit.dossier import (
    CONTENTS_TAG,
    COURSE_TAG,
    SUMMARY_TAG,
    TOC_FIELD,
    chapter_tag,
    figure_tag,
    write_dossier,
)
from mctoolkit.wordfiles import write_all
from mctoolkit.wordinputs import Page
from mctoolkit.wordtemplate import FILLED_ON_TAG, plain_text
from mctoolkit.workbook import Workbook, load_workbook
from tests.conftest import ROOT
from tests.unit.project import LANGUAGES, Project
from tests.unit.test_word_templates import HOSTILE, answer_places, page_of, texts
from tests.word import body_text, control_text, ids, open_document, paragraphs, pdf_texts, tags

SITE = {"en": "Micro-credentials e-toolkit", "et": "Mikrokvalifikatsioonide e-tööriistakast"}
TITLE = {"en": "Course plan", "et": "Kursuse kavand"}


def book_page(language: str) -> Page:
    prefix = "" if language == "en" else f"{language}/"
    return Page(SITE[language], f"https://example.org/{prefix}worksheets/")


@pytest.fixture(scope="module")
def workbook() -> Workbook:
    return load_workbook(ROOT, LANGUAGES)


@pytest.fixture(scope="module")
def plans(workbook: Workbook) -> dict[str, bytes]:
    return {lang: write_dossier(workbook, lang, book_page(lang)) for lang in LANGUAGES}


def chapter_controls(document: object) -> list[tuple[str, object]]:
    body = document.element.body  # type: ignore[attr-defined]
    return [(tag, sdt) for tag, sdt in controls(body) if tag.startswith("dossier:sheet:")]


def headings(element: object, style: str) -> list[str]:
    found = []
    for paragraph in element.iter(qn("w:p")):  # type: ignore[attr-defined]
        name = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if name is not None and name.get(qn("w:val")) == style:
            found.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plan_opens_with_a_title_page_in_its_language(
    plans: dict[str, bytes], language: str
) -> None:
    document = open_document(plans[language])
    course = next(sdt for tag, sdt in controls(document.element.body) if tag == COURSE_TAG)
    assert headings(course, "Title") == [""]  # the course's name, written in by the browser
    assert tags(document)[:2] == [COURSE_TAG, FILLED_ON_TAG]
    assert TITLE[language] in paragraphs(document)[:3]
    assert document.sections[0].header.paragraphs[0].text == f"{SITE[language]} · {TITLE[language]}"
    assert document.core_properties.title == TITLE[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_worksheet_of_the_workbook_is_a_chapter_in_its_order_under_its_heading(
    plans: dict[str, bytes], workbook: Workbook, language: str
) -> None:
    document = open_document(plans[language])
    found = chapter_controls(document)
    sheets = chapters(workbook)
    assert [tag for tag, _ in found] == [chapter_tag(sheet.id) for sheet in sheets]
    assert "showcase" not in [sheet.id for sheet in sheets]  # not part of the workbook
    for sheet, (_, sdt) in zip(sheets, found, strict=True):
        assert headings(sdt, "Heading1") == [sheet.title[language]]
        assert headings(sdt, "Heading2") == [s.title[language] for s in sheet.sections]
        inside = {tag for tag, _ in controls(sdt)} - {chapter_tag(sheet.id)}
        assert inside == set(answer_places([f for s in sheet.sections for f in s.fields]))


def test_each_chapter_starts_a_page(plans: dict[str, bytes]) -> None:
    document = open_document(plans["en"])
    assert document.styles["Heading 1"].paragraph_format.page_break_before is True


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_table_of_contents_field_lists_the_chapters_and_word_updates_it_on_opening(
    plans: dict[str, bytes], workbook: Workbook, language: str
) -> None:
    document = open_document(plans[language])
    contents = next(sdt for tag, sdt in controls(document.element.body) if tag == CONTENTS_TAG)
    instructions = [i.text for i in contents.iter(qn("w:instrText"))]
    assert instructions == [TOC_FIELD]
    kinds = [c.get(qn("w:fldCharType")) for c in contents.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert headings(contents, "TOC1") == [sheet.title[language] for sheet in chapters(workbook)]
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    order = [child.tag for child in document.settings.element]
    assert order.index(qn("w:updateFields")) < order.index(qn("w:compat"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_is_a_table_of_tagged_figures_up_front(
    plans: dict[str, bytes], language: str
) -> None:
    document = open_document(plans[language])
    found = tags(document)
    figures = [tag for tag in found if tag.startswith("dossier:figure:")]
    assert figures == [figure_tag(figure.key) for figure in SUMMARY]
    assert (
        found.index(SUMMARY_TAG) < found.index(CONTENTS_TAG) < found.index(chapter_tag("readiness"))
    )
    assert all(text == "" for tag in figures for text in control_text(document, tag))
    labels = {
        "en": [
            "Planned number of learners",
            "Total cost of one run",
            "Surplus (+) or gap (\u2212)",
        ],
        "et": [
            "Kavandatud õppijate arv",
            "Ühe kursuse kogukulu",
            "Ülejääk (+) või puudujääk (\u2212)",
        ],
    }[language]
    summary = next(sdt for tag, sdt in controls(document.element.body) if tag == SUMMARY_TAG)
    text = "".join(t.text or "" for t in summary.iter(qn("w:t")))
    assert all(label in text for label in labels)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_of_the_other_language_and_no_id_twice(
    plans: dict[str, bytes], workbook: Workbook, language: str
) -> None:
    document = open_document(plans[language])
    text = body_text(document)
    other = next(code for code in LANGUAGES if code != language)
    own = [plain_text(t[language]) for s in chapters(workbook) for t in texts(s, workbook)]
    own += [t[language] for k, t in workbook.ui.items() if k.startswith("dossier_")]
    foreign = [
        t[other]
        for k, t in workbook.ui.items()
        if k.startswith("dossier_") and t[other] not in " ".join(own)
    ]
    foreign += [
        plain_text(t[other])
        for s in chapters(workbook)
        for t in (s.title, *(section.title for section in s.sections))
        if t[other] != t[language]
    ]
    assert foreign and [t for t in foreign if t in text] == []
    assert [n for n, count in Counter(ids(document)).items() if count > 1] == []


def test_hostile_texts_give_a_valid_plan_that_shows_them_as_text(
    project: Project, tmp_path: Path
) -> None:
    project.write("worksheets/hostile.yml", HOSTILE)
    workbook = project.load()
    files = []
    for language in LANGUAGES:
        files.append(tmp_path / f"plan-{language}.docx")
        files[-1].write_bytes(write_dossier(workbook, language, book_page(language)))
        text = body_text(open_document(files[-1]))
        assert workbook.worksheets["hostile"].title[language] in text
        assert "\x01" not in text and "\x02" not in text
    pdfs = pdf_texts(files, tmp_path)
    assert "<script>alert(1)</script> & ]]> Title" in pdfs["plan-en"]
    assert "Pealkiri <b>&amp;</b> ]]>" in pdfs["plan-et"]


def test_a_project_without_the_costing_worksheets_has_no_summary_rows_to_fill(
    project: Project,
) -> None:
    project.sheet("solo", "- {id: name, type: text, label: {en: Name, et: Nimi}}\n")
    workbook = project.load()
    document = open_document(write_dossier(workbook, "en", book_page("en")))
    assert SUMMARY_TAG not in tags(document)
    assert dossier_data(workbook, "en")["summary"] == []


def test_the_data_script_gives_each_chapter_its_fields_and_each_figure_its_sources(
    workbook: Workbook,
) -> None:
    script = dossier_script(workbook, "et")
    prefix = '(window.mctoolkitDossier ||= {})["et"] = '
    assert script.startswith(prefix)
    data = json.loads(script[len(prefix) :].rstrip().rstrip(";"))
    assert sorted(data["fields"]) == sorted(sheet.id for sheet in chapters(workbook))
    total = data["fields"]["cost-structure"]["total_cost"]
    assert total["formula"] is True and total["currency"] == "EUR" and "condition" not in total
    fee = next(f for f in data["summary"] if f["key"] == "fee")
    assert fee["from"][0] == [
        "revenue-streams",
        "fee",
        {"type": "money", "format": "money", "decimals": None, "currency": "EUR"},
    ]
    assert data["course"] == [["curriculum", "course_title"], ["micro-credential", "title"]]
    example = dossier_script(workbook, "et", example=True)
    assert example.startswith('(window.mctoolkitExample ||= {})["et"] = ')
    assert "Digiturundus" in example or "digiturundus" in example


def test_a_dossier_text_rewrites_the_course_plans_and_no_worksheet_template(
    project: Project, tmp_path: Path
) -> None:
    project.sheet("solo", "- {id: name, type: text, label: {en: Name, et: Nimi}}\n")
    pages = {("solo", lang): page_of("solo", lang) for lang in LANGUAGES}
    first = write_all(project.load(), LANGUAGES, pages, tmp_path)
    assert [d.name for d in first.dossiers] == ["course-plan-en.docx", "course-plan-et.docx"]
    assert first.dossiers[0].path.exists()
    ui = project.root / "data" / "ui.yml"
    text = ui.read_text("utf-8")
    ui.write_text(text.replace('dossier_title: {en: "Course plan"', 'dossier_title: {en: "Plan"'))
    assert write_all(project.load(), LANGUAGES, pages, tmp_path).written == 2
