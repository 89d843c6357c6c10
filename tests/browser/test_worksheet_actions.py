"""The toolbar: clear (asks first, can be undone), the worked example (can be undone), print."""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Worksheets
from tests.conftest import tool

pytestmark = pytest.mark.browser

LONG = " ".join(f"Sentence {n} of a long answer that must print in full." for n in range(1, 31))


def test_clear_asks_first_and_cancel_changes_nothing(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, ws.SHOWCASE_ANSWERS)
    ws.action(page, "clear").click()
    expect(page.locator("[data-ws-dialog-title]")).to_have_text("Clear this worksheet?")
    ws.confirm(page, accept=False)
    ws.expect_shown(page, ws.SHOWCASE_ANSWERS)
    assert ws.stored(page) == ws.SHOWCASE_ANSWERS
    expect(ws.action(page, "clear")).to_be_focused()


def test_escape_closes_the_question_without_clearing(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, {"course_title": "Keep me"})
    ws.action(page, "clear").click()
    dialog = page.locator("dialog[data-ws-dialog]")
    # The reader sees the question before answering it; the button's code may still be loading.
    expect(dialog.locator('button[value="cancel"]')).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert ws.stored(page) == {"course_title": "Keep me"}


def test_clear_empties_the_worksheet_and_undo_brings_it_back(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, ws.SHOWCASE_ANSWERS)
    ws.action(page, "clear").click()
    ws.confirm(page)
    expect(ws.control(page, "course_title")).to_have_value("")
    expect(ws.status(page)).to_have_text("The worksheet was cleared.")
    assert ws.stored(page) == {}
    assert ws.rows(page, "modules") == 2
    ws.action(page, "undo").click()
    ws.expect_shown(page, ws.SHOWCASE_ANSWERS)
    assert ws.stored(page) == ws.SHOWCASE_ANSWERS


def test_the_worked_example_fills_an_empty_worksheet_at_once(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.action(page, "example").click()
    expect(page.locator("dialog[data-ws-dialog]")).to_be_hidden()
    expect(ws.control(page, "course_title")).to_have_value("Digital marketing for small salons")
    expect(page.locator('output[name="module_hours"]')).to_have_text("46")
    expect(ws.status(page)).to_have_text("The worked example was filled in.")


def test_the_worked_example_is_in_the_page_language(page: Page, ws: Worksheets) -> None:
    ws.open(page, language="et")
    ws.action(page, "example").click()
    expect(ws.control(page, "modules.0.name")).to_have_value("Postituste planeerimine")


def test_the_worked_example_replaces_answers_only_when_asked_and_undo_restores(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "cost-structure")
    mine = {"learners": 7, "notes": "My own notes"}
    ws.fill(page, mine)
    ws.action(page, "example").click()
    ws.confirm(page)
    expect(ws.control(page, "learners")).to_have_value("20")
    expect(page.locator('output[name="fee"]')).to_have_text("270.00")
    ws.action(page, "undo").click()
    ws.expect_shown(page, mine)
    assert ws.stored(page, "cost-structure") == mine


def test_print_to_pdf_contains_the_answers(page: Page, ws: Worksheets, tmp_path) -> None:
    ws.open(page)
    answers = {**ws.SHOWCASE_ANSWERS, "description": LONG}
    ws.fill(page, answers)
    ws.saved(page)
    pdf = tmp_path / "worksheet.pdf"
    page.pdf(path=str(pdf))
    text = subprocess.run(
        [tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for expected in (
        "Safe welding of thin sheet metal",
        "Photographing your work",
        "Salong Lumi",
        "Moodle",
        "2.0",
    ):
        assert expected in flat
    assert "Sentence 30 of a long answer that must print in full." in flat
    for tool_text in ("Export this worksheet", "Required answers", "Add a row"):
        assert tool_text not in flat


def test_print_shows_answers_as_text_and_blanks_to_fill_by_hand(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, {"description": LONG})
    page.emulate_media(media="print")
    description = page.locator('[data-field="description"]')
    expect(description.locator("textarea")).to_be_hidden()
    copy = description.locator(".ws-print")
    expect(copy).to_be_visible()
    expect(copy).to_have_text(LONG)
    box = copy.bounding_box()
    assert box and box["height"] > 100, "the long answer is not clipped to a box"
    blank = page.locator('[data-field="course_title"] .ws-print')
    expect(blank).to_be_visible()
    assert blank.evaluate("el => getComputedStyle(el).borderBottomStyle") == "solid"
    for hidden in ("[data-ws-toolbar]", "[data-ws-bar]", '[data-ws-op="add"]'):
        expect(page.locator(hidden).first).to_be_hidden()
