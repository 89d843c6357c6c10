"""The worked example: looked at as a read-only workbook of its own, in every worksheet, without
touching the reader's answers; taken into her own work only with what it replaces kept, to be
brought back after navigation and reload."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import Worksheets
from tests.browser.test_workbook_page import open_workbook
from tests.browser.test_workbooks import SHEETS, book_menu, chosen, live, storage, switch_to

pytestmark = pytest.mark.browser

MINE = {"course_idea": "Pottery for beginners"}


def fill_mine(page: Page, ws: Worksheets) -> None:
    """Her own persona and costs: what the example must never change."""
    ws.open(page, "learner-persona")
    ws.fill(page, {**MINE, "primary_persona": "Marko"})
    ws.saved(page)
    ws.open(page, "cost-structure")
    ws.fill(page, {"learners": 8, "margin": 5})
    ws.saved(page)


def open_example(page: Page, ws: Worksheets) -> None:
    open_workbook(page, ws)
    ws.action(page, "example-open").click()
    expect(page.locator("[data-ws-example-note]")).to_be_visible()


def test_reading_the_whole_example_changes_no_stored_answer_of_the_reader(
    page: Page, ws: Worksheets
) -> None:
    fill_mine(page, ws)
    before = storage(page)
    open_example(page, ws)
    for sheet in SHEETS:
        ws.open(page, sheet)
        expect(page.locator("[data-ws-example-note]")).to_contain_text(
            "You are looking at the worked example"
        )
        assert chosen(page) == "Worked example (read-only)"
    ws.open(page, "learner-persona")
    ws.expect_shown(page, {"primary_persona": "Kadri"})
    page.locator("[data-ws-example-note] button").click()
    live(page)
    expect(page.locator("[data-ws-example-note]")).to_have_count(0)
    ws.expect_shown(page, {**MINE, "primary_persona": "Marko"})
    assert storage(page) == before


def test_the_example_cannot_be_edited(page: Page, ws: Worksheets) -> None:
    fill_mine(page, ws)
    open_example(page, ws)
    ws.open(page, "learner-persona")
    expect(ws.control(page, "course_idea")).not_to_be_editable()
    expect(page.locator('[data-ws-op="add"]').first).to_be_disabled()
    expect(ws.action(page, "clear")).to_be_hidden()
    expect(ws.action(page, "import")).to_be_hidden()


def test_the_examples_worksheets_link_to_each_other_not_to_the_readers_answers(
    page: Page, ws: Worksheets
) -> None:
    fill_mine(page, ws)
    open_example(page, ws)
    ws.open(page, "revenue-streams")  # its source, the cost structure, never opened
    expect(page.locator("[data-ws-example-note]")).to_be_visible()
    expect(page.locator('output[name="cost_total"]')).to_have_text("4,500.00 EUR")


def test_the_example_is_left_from_the_worksheets_workbook_menu_too(
    page: Page, ws: Worksheets
) -> None:
    fill_mine(page, ws)
    ws.open(page, "learner-persona")
    book_menu(page).select_option(label="Worked example (read-only)")
    expect(page.locator("[data-ws-example-note]")).to_be_visible()
    ws.expect_shown(page, {"primary_persona": "Kadri"})
    switch_to(page, "Unnamed course")
    ws.expect_shown(page, {**MINE, "primary_persona": "Marko"})


def test_the_example_is_looked_at_in_estonian_too(page: Page, ws: Worksheets) -> None:
    open_workbook(page, ws, "et")
    ws.action(page, "example-open").click()
    ws.open(page, "learner-persona", "et")
    expect(page.locator("[data-ws-example-note]")).to_contain_text("Vaatad näidistöövihikut")
    assert chosen(page) == "Näidistöövihik (ainult lugemiseks)"


def test_answers_the_example_replaced_come_back_after_navigation_and_reload(
    page: Page, ws: Worksheets
) -> None:
    fill_mine(page, ws)
    ws.open(page, "learner-persona")
    ws.action(page, "example").click()
    ws.confirm(page)
    expect(ws.status(page)).to_have_text("The worked example was filled in.")
    ws.expect_shown(page, {"primary_persona": "Kadri"})
    ws.open(page, "curriculum")
    ws.open(page, "learner-persona")
    page.reload()
    live(page)
    ws.action(page, "restore-replaced").click()
    expect(ws.status(page)).to_have_text("Your answers from before the example are back.")
    ws.expect_shown(page, {**MINE, "primary_persona": "Marko"})
    assert ws.stored(page, "learner-persona") == {**MINE, "primary_persona": "Marko"}
    expect(page.locator("[data-ws-replaced]")).to_be_hidden()


@pytest.mark.parametrize("language", ["en", "et"])
def test_the_example_and_the_note_on_replaced_answers_have_no_axe_violations(
    page: Page, ws: Worksheets, language: str
) -> None:
    fill_mine(page, ws)
    ws.open(page, "learner-persona", language)
    ws.action(page, "example").click()
    ws.confirm(page)
    expect(page.locator("[data-ws-replaced]")).to_be_visible()
    assert axe_violations(page, "[data-ws-root]") == []
    book_menu(page).select_option(index=book_menu(page).locator("option").count() - 1)
    expect(page.locator("[data-ws-example-note]")).to_be_visible()
    assert axe_violations(page, "[data-ws-root]") == []
