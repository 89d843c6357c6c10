"""Table rows and repeated groups: add, remove with undo, reorder by keyboard and by mouse."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Worksheets

pytestmark = pytest.mark.browser

MODULES = [
    {"name": "First", "hours": 1},
    {"name": "Second", "hours": 2},
    {"name": "Third", "hours": 3},
]


def button(page: Page, op: str, field: str = "modules", index: int | None = None):
    where = "" if index is None else f'[data-ws-index="{index}"]'
    return page.locator(f'[data-ws-op="{op}"][data-ws-field="{field}"]{where}')


def expect_names(page: Page, names: list[str]) -> None:
    """The table's module names, top to bottom, once the page has caught up."""
    cells = page.locator('form.ws-form [data-field="modules"] [data-ws-rows] input[name$=".name"]')
    expect(cells).to_have_count(len(names))
    for index, name in enumerate(names):
        expect(cells.nth(index)).to_have_value(name)


def test_a_row_is_added_by_keyboard_and_gets_the_focus(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    assert ws.rows(page, "modules") == 2
    button(page, "add").focus()
    page.keyboard.press("Enter")
    expect(ws.control(page, "modules.2.name")).to_be_focused()
    assert ws.rows(page, "modules") == 3
    expect(ws.control(page, "modules.2.name")).to_have_attribute("aria-label", "Module, row 3")
    expect(ws.status(page)).to_have_text("Row 3 added.")


def test_an_added_row_with_an_answer_is_there_after_a_reload(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, {"modules": MODULES})
    ws.saved(page)
    page.reload()
    # The form is built from storage once its script runs: wait for it as a reader sees it.
    expect(page.locator("[data-ws-root].ws--live")).to_have_count(1)
    expect(ws.row_locator(page, "modules")).to_have_count(3)
    ws.expect_shown(page, {"modules": MODULES})


def test_a_removed_row_comes_back_with_undo(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, {"modules": MODULES})
    button(page, "remove", index=1).click()
    expect(ws.status(page)).to_have_text("“Second” removed.")
    expect_names(page, ["First", "Third"])
    assert ws.stored(page)["modules"] == [MODULES[0], MODULES[2]]
    ws.action(page, "undo").click()
    expect(ws.action(page, "undo")).to_be_hidden()
    expect_names(page, ["First", "Second", "Third"])
    assert ws.stored(page)["modules"] == MODULES
    expect(ws.control(page, "modules.1.name")).to_be_focused()


def test_a_removed_row_without_a_written_answer_is_named_by_its_place(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page)
    ws.fill(page, {"modules": [{"name": "First"}, {"name": "Second"}, {"hours": 2}]})
    button(page, "remove", index=2).click()
    expect(ws.status(page)).to_have_text("Row 3 removed.")


def test_a_removed_persona_is_named_by_her_name(page: Page, ws: Worksheets) -> None:
    ws.open(page, "learner-persona", "et")
    ws.fill(page, {"personas": [{"name": "Kadri"}, {"name": "Liis"}]})
    button(page, "remove", "personas", 1).click()
    expect(ws.status(page)).to_have_text("„Liis“ eemaldati.")
    ws.action(page, "undo").click()
    ws.expect_shown(page, {"personas": [{"name": "Kadri"}, {"name": "Liis"}]})


def test_undo_is_withdrawn_once_the_user_types_again(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, {"modules": MODULES})
    button(page, "remove", index=2).click()
    expect(ws.action(page, "undo")).to_be_visible()
    ws.control(page, "course_title").fill("New answer")
    expect(ws.action(page, "undo")).to_be_hidden()


def test_rows_are_reordered_by_keyboard(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, {"modules": MODULES})
    button(page, "down", index=0).focus()
    page.keyboard.press("Enter")
    expect_names(page, ["Second", "First", "Third"])
    expect(button(page, "down", index=1)).to_be_focused()
    page.keyboard.press("Space")
    expect_names(page, ["Second", "Third", "First"])
    expect(button(page, "up", index=2)).to_be_focused()
    expect(ws.status(page)).to_have_text("Row moved to place 3.")
    page.keyboard.press("Enter")
    expect(ws.status(page)).to_have_text("Row moved to place 2.")
    expect_names(page, ["Second", "First", "Third"])
    assert [row["name"] for row in ws.stored(page)["modules"]] == ["Second", "First", "Third"]


def test_rows_are_reordered_by_mouse(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, {"modules": MODULES})
    button(page, "up", index=2).click()
    expect_names(page, ["First", "Third", "Second"])
    expect(ws.control(page, "modules.1.hours")).to_have_value("3")
    expect(page.locator('output[name="module_hours"]')).to_have_text("6")


def test_the_first_and_last_rows_cannot_move_further(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    expect(button(page, "up", index=0)).to_be_disabled()
    expect(button(page, "down", index=1)).to_be_disabled()


def test_a_table_never_goes_below_its_fewest_rows(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    expect(button(page, "remove", index=0)).to_be_disabled()
    button(page, "add").click()
    expect(button(page, "remove", index=0)).to_be_enabled()


def test_row_buttons_say_which_row_they_act_on(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    expect(button(page, "remove", index=1)).to_have_accessible_name("Remove this row: row 2")
    expect(button(page, "add")).to_have_accessible_name("Add a row to “Modules”")


def test_a_group_item_is_added_removed_and_restored(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    contacts = [{"name": "Mari"}, {"name": "Jaan"}]
    ws.fill(page, {"contacts": contacts})
    expect(page.locator('[data-field="contacts"] legend [data-ws-number]').nth(1)).to_have_text("2")
    button(page, "remove", "contacts", 0).click()
    expect(ws.status(page)).to_have_text("“Mari” removed.")
    assert ws.stored(page)["contacts"] == [{"name": "Jaan"}]
    ws.action(page, "undo").click()
    expect(ws.status(page)).to_have_text("Undone: the answers are back as they were.")
    assert ws.stored(page)["contacts"] == contacts
    ws.expect_shown(page, {"contacts": contacts})
