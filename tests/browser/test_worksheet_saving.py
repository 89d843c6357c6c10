"""Answers are saved as the user types and are never lost: reload, leave, language, new tab.

The `ws` fixture (tests/browser/conftest.py) opens, fills and reads worksheet pages.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.conftest import Worksheets

pytestmark = pytest.mark.browser


def test_every_field_type_is_stored_as_typed(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, ws.SHOWCASE_ANSWERS)
    assert ws.stored(page) == ws.SHOWCASE_ANSWERS


def test_the_record_carries_the_worksheet_id_and_version(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, {"course_title": "Welding"})
    ws.saved(page)
    record = ws.record(page)
    assert record is not None
    assert (record["worksheet"], record["version"]) == ("showcase", 1)
    assert record["computed"] == {"fee_cover": 0, "hours_match": 0, "module_hours": 0}


def test_every_answer_is_back_after_a_reload(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, ws.SHOWCASE_ANSWERS)
    ws.saved(page)
    page.reload()
    ws.expect_shown(page, ws.SHOWCASE_ANSWERS)
    assert ws.stored(page) == ws.SHOWCASE_ANSWERS


def test_every_answer_is_back_after_leaving_and_coming_back(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, ws.SHOWCASE_ANSWERS)
    page.get_by_role("link", name="Cost structure").first.click()
    expect(page).to_have_url(ws.url("cost-structure"))
    page.go_back()
    ws.expect_shown(page, ws.SHOWCASE_ANSWERS)


def test_leaving_at_once_after_typing_still_saves(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.control(page, "course_title").fill("Typed just before leaving")
    page.goto(ws.url("cost-structure"))
    assert ws.record(page)["answers"] == {"course_title": "Typed just before leaving"}


def test_what_is_typed_before_the_script_has_started_is_kept(page: Page, ws: Worksheets) -> None:
    held: list[Route] = []
    page.route("**/worksheet/index.js", lambda route: held.append(route))  # a slow connection
    page.goto(ws.url("showcase"), wait_until="commit")
    early = {"course_title": "Typed at once", "participation": "online", "level": "eqf4"}
    ws.fill(page, early)
    expect(page.locator("[data-ws-root].ws--live")).to_have_count(0)
    held[0].continue_()
    expect(page.locator("[data-ws-root].ws--live")).to_have_count(1)
    ws.expect_shown(page, early)
    ws.saved(page)
    assert ws.stored(page) == early


def test_a_row_she_is_typing_in_when_the_script_starts_stays_hers(
    page: Page, ws: Worksheets
) -> None:
    held: list[Route] = []
    page.route("**/worksheet/index.js", lambda route: held.append(route))
    page.goto(ws.url("showcase"), wait_until="commit")
    cell = ws.control(page, "modules.0.name")
    cell.fill("Plann")
    cell.evaluate("el => { el.dataset.typedHere = 'yes'; }")
    held[0].continue_()
    expect(page.locator("[data-ws-root].ws--live")).to_have_count(1)
    expect(cell).to_be_focused()
    expect(cell).to_have_attribute("data-typed-here", "yes")  # the same control, not a new one
    page.keyboard.type("ing")
    expect(page.locator('[data-field="modules"] .ws-row-name')).to_have_count(2)
    assert ws.stored(page) == {"modules": [{"name": "Planning"}, {}]}


def test_a_value_the_browser_restores_on_going_back_never_passes_for_typing(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page)
    ws.fill(page, {"course_title": "Typed in this tab"})
    ws.saved(page)
    record = ws.record(page)
    assert record is not None
    page.goto(ws.url("cost-structure"))
    # Meanwhile another tab stores a newer answer.
    ws.seed(page, "showcase", {**record, "rev": "other", "answers": {"course_title": "Newer"}})
    page.go_back()
    expect(page.locator("[data-ws-root].ws--live")).to_have_count(1)
    expect(ws.control(page, "course_title")).to_have_value("Newer")
    assert ws.stored(page) == {"course_title": "Newer"}


def test_switching_language_and_back_keeps_every_answer(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, ws.SHOWCASE_ANSWERS)
    ws.saved(page)
    page.locator(".md-header .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="et"]').click()
    expect(page).to_have_url(ws.url("showcase", "et"))
    expect(page.locator("html")).to_have_attribute("lang", "et")
    ws.expect_shown(page, ws.SHOWCASE_ANSWERS)
    page.locator(".md-header .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    expect(page).to_have_url(ws.url("showcase"))
    ws.expect_shown(page, ws.SHOWCASE_ANSWERS)


def test_an_answer_typed_in_estonian_shows_in_english(page: Page, ws: Worksheets) -> None:
    ws.open(page, language="et")
    ws.fill(page, {"course_title": "Õhukese lehtmetalli keevitamine", "level": "eqf3"})
    ws.saved(page)
    ws.open(page)
    ws.expect_shown(page, {"course_title": "Õhukese lehtmetalli keevitamine", "level": "eqf3"})


def test_every_answer_is_there_in_a_fresh_tab(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, ws.SHOWCASE_ANSWERS)
    ws.saved(page)
    page.close()
    fresh = ws.open(ws.tab())
    ws.expect_shown(fresh, ws.SHOWCASE_ANSWERS)


def test_answers_are_stored_under_the_worksheet_id_alone(page: Page, ws: Worksheets) -> None:
    ws.open(page, language="et")
    ws.fill(page, {"course_title": "x"})
    ws.saved(page)
    keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('mctoolkit:'))")
    assert sorted(keys) == ["mctoolkit:answers:showcase", "mctoolkit:meta"]


def test_the_status_line_says_the_answers_are_saved(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    expect(ws.status(page)).to_have_text("Your answers are saved in this browser as you type.")
    ws.control(page, "course_title").fill("Welding")
    expect(ws.status(page)).to_have_text("All answers are saved in this browser.")
    expect(page.locator("[data-ws-saved-at]")).to_contain_text("Last saved")


def test_the_status_line_speaks_estonian_on_the_estonian_page(page: Page, ws: Worksheets) -> None:
    ws.open(page, language="et")
    ws.control(page, "course_title").fill("Keevitamine")
    expect(ws.status(page)).to_have_text("Kõik vastused on selles brauseris salvestatud.")


def test_the_real_cost_worksheet_keeps_every_answer(page: Page, ws: Worksheets) -> None:
    ws.open(page, "cost-structure")
    ws.fill(page, ws.COST_ANSWERS)
    assert ws.stored(page, "cost-structure") == ws.COST_ANSWERS
    ws.open(page, "cost-structure", "et")
    ws.expect_shown(page, ws.COST_ANSWERS)


def test_the_tools_appear_only_with_the_script(browser: object, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{served}worksheets/showcase/")
    expect(page.locator("[data-ws-noscript]")).to_be_visible()
    expect(page.locator("[data-ws-toolbar]")).to_be_hidden()
    expect(page.locator("[data-ws-bar]")).to_be_hidden()
    expect(page.locator('[name="course_title"]')).to_be_editable()
    context.close()
