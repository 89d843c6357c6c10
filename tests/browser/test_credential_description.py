"""The micro-credential description for people: shown on its page, printed alone on one A4 page
(Chromium's PDF read back with pdftotext), and downloaded as Word (opened with python-docx and
LibreOffice), in the page's language, coded values by their labels, missing elements marked."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import Worksheets
from tests.browser.test_credential_exports import SHEET, fill_workbook
from tests.conftest import tool
from tests.word import body_text, open_document, pdf_texts

pytestmark = pytest.mark.browser

# What the worked example's description says, in each page language.
SAYS = {
    "en": {
        "title": "Digital marketing for small salons",
        "level": "EQF level 4",
        "field": "0414 Marketing and advertising",
        "outcomes": [
            "Plans a four-week posting calendar",
            "Reads the basic statistics of posts and bookings",
        ],
        "workload": "52 hours (1.9 ECTS credits, 2 EKAP)",
    },
    "et": {
        "title": "Digiturundus väikestele salongidele",
        "level": "EQF tase 4",
        "field": "0414 Turundus ja reklaam",
        "outcomes": [
            "Planeerib salongi sotsiaalmeedia jaoks nelja nädala postituskalendri",
            "Loeb postituste ja broneeringute põhistatistikat",
        ],
        "workload": "52 tundi (1,9 ECTS-ainepunkti, 2 EKAP)",
    },
}
URI = "http://data.europa.eu/"


def flat(text: str) -> str:
    return " ".join(text.split())


def show(page: Page) -> None:
    page.locator('[data-ws-action="description-show"]').click()
    expect(page.locator("[data-ws-description]")).to_be_visible()


def printed(page: Page, folder: Path) -> list[str]:
    """The printout's pages, each as one line of words."""
    pdf = folder / "description.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        [tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [flat(part) for part in text.split("\f") if part.strip()]


def word_file(page: Page, folder: Path) -> Path:
    with page.expect_download() as download:
        page.locator('[data-ws-action="description-word"]').click()
    target = folder / download.value.suggested_filename
    download.value.save_as(target)
    return target


@pytest.mark.parametrize("language", ["en", "et"])
def test_the_printed_description_is_one_page_with_title_level_and_outcomes(
    ws: Worksheets, language: str, tmp_path: Path
) -> None:
    page = ws.tab()
    fill_workbook(ws, page, language)
    show(page)
    pages = printed(page, tmp_path)
    assert len(pages) == 1, pages
    text = pages[0]
    says = SAYS[language]
    for words in [says["title"], says["level"], says["field"], says["workload"], *says["outcomes"]]:
        assert words in text
    assert URI not in text  # coded values by their labels
    assert "Näidise Kutsehariduskeskus" in text
    # Only the description prints: not the form, its panel or its buttons.
    panel_title = {"en": "Mandatory elements", "et": "Kohustuslikud elemendid"}[language]
    assert panel_title not in text
    assert page.locator('[data-ws-action="description-print"]').inner_text() not in text


@pytest.mark.parametrize("language", ["en", "et"])
def test_the_word_description_opens_in_libreoffice_and_says_the_same(
    ws: Worksheets, language: str, tmp_path: Path
) -> None:
    page = ws.tab()
    fill_workbook(ws, page, language)
    file = word_file(page, tmp_path)
    assert file.name.startswith(f"micro-credential-description-{language}-")
    says = SAYS[language]
    document = flat(body_text(open_document(file)))
    for words in [says["title"], says["level"], says["field"], says["workload"], *says["outcomes"]]:
        assert words in document
    assert URI not in document
    expect(page.locator("[data-ws-credential-status]")).to_contain_text(
        {"en": "description was made", "et": "Kirjeldus on Wordi failina loodud"}[language]
    )
    converted = flat(pdf_texts([file], tmp_path)[file.stem])
    assert says["title"] in converted and says["outcomes"][1] in converted
    pdf = tmp_path / f"{file.stem}.pdf"
    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout


def test_a_missing_mandatory_element_is_marked_missing_not_left_out(
    ws: Worksheets, tmp_path: Path
) -> None:
    page = ws.tab()
    fill_workbook(ws, page, "en")
    for name in ("awarding_body", "quality_assurance"):
        ws.control(page, name).fill("")
    ws.saved(page)
    show(page)
    missing = page.locator(".ws-description__missing")
    expect(missing).to_have_count(2)
    terms = page.locator(".ws-description__list dt:has(+ .ws-description__missing)")
    expect(terms).to_have_text(["Awarding body", "Type of quality assurance"])
    expect(missing.first).to_contain_text("Missing")
    document = body_text(open_document(word_file(page, tmp_path)))
    assert document.count("Missing: still to be written") == 2


def test_an_optional_element_without_an_answer_is_left_out(ws: Worksheets) -> None:
    page = ws.tab()
    fill_workbook(ws, page, "en")
    ws.control(page, "further_information").fill("")
    ws.saved(page)
    show(page)
    expect(page.locator(".ws-description__list")).not_to_contain_text("Further information")
    expect(page.locator(".ws-description__list")).to_contain_text("Type of quality assurance")


def test_hostile_answers_stay_text_in_the_description(ws: Worksheets, tmp_path: Path) -> None:
    page = ws.tab()
    ws.open(page, SHEET, "en")
    hostile = '<img src=x onerror="window.hacked=1"> & "ü" 🧑‍🏫'
    ws.fill(page, {"title": hostile, "further_information": hostile})
    ws.saved(page)
    show(page)
    expect(page.locator(".ws-description__title")).to_have_text(hostile)
    assert page.locator(".ws-description img").count() == 0
    document = body_text(open_document(word_file(page, tmp_path)))
    assert '<img src=x onerror="window.hacked=1"> & "ü"' in document
    assert page.evaluate("window.hacked") is None


def test_the_worksheets_own_print_button_prints_the_whole_worksheet_again(
    ws: Worksheets, tmp_path: Path
) -> None:
    page = ws.tab()
    fill_workbook(ws, page, "en")
    show(page)
    page.evaluate("() => { window.print = () => {}; }")  # the dialog itself is the browser's
    ws.action(page, "print").click()
    expect(page.locator("[data-ws-description]")).to_be_hidden()
    assert "Mandatory elements" in " ".join(printed(page, tmp_path))


@pytest.mark.parametrize(("language", "scheme"), [("en", "light"), ("et", "dark")])
def test_the_shown_description_has_no_axe_violations(ws: Worksheets, language, scheme):
    page = ws.tab()
    page.emulate_media(color_scheme=scheme)
    fill_workbook(ws, page, language)
    ws.control(page, "awarding_body").fill("")
    ws.saved(page)
    show(page)
    expect(page.locator('[data-ws-action="description-show"]')).to_have_attribute(
        "aria-expanded", "true"
    )
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "micro-credential description"), ("et", "Mikrokvalifikatsiooni kirjeldus")],
)
def test_the_recognition_worksheet_links_to_the_description(
    ws: Worksheets, language: str, text: str
) -> None:
    page = ws.open(ws.tab(), "recognition", language)
    link = page.locator(".ws-intro a", has_text=text)
    expect(link).to_have_count(1)
    link.click()
    expect(page).to_have_url(ws.url(SHEET, language))


def test_the_shown_description_follows_the_answers_as_they_change(ws: Worksheets) -> None:
    page = ws.tab()
    fill_workbook(ws, page, "en")
    show(page)
    ws.control(page, "further_information").fill("Bring your own phone.")
    expect(page.locator(".ws-description__list")).to_contain_text("Bring your own phone.")


def test_its_print_button_prints_the_description_alone(ws: Worksheets) -> None:
    page = ws.tab()
    fill_workbook(ws, page, "en")
    show(page)
    page.evaluate("() => { window.printed = 0; window.print = () => window.printed++; }")
    page.locator('[data-ws-action="description-print"]').click()
    page.wait_for_function("window.printed === 1")
    expect(page.locator("html")).to_have_attribute("data-ws-print", "description")
    page.locator('[data-ws-action="description-show"]').click()  # hidden again: the page prints
    expect(page.locator("html")).not_to_have_attribute("data-ws-print", "description")
