"""A worksheet page fetches the code of its optional parts (features.js) only when its spec has
what they serve: the learner persona (texts, choices and a table, no formulas, no values from
other worksheets, no numbers) never fetches the formula evaluator, the linked view or the number
checks, yet works as every page does; the key activities have them all and fetch them."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import Worksheets

# Formulas and conditions, tables, values from other worksheets, number checks, dates in order.
OPTIONAL = {
    "worked.js",
    "evaluate.js",
    "rows.js",
    "linkedview.js",
    "linkedrows.js",
    "typed.js",
    "dates.js",
}


def scripts_at_start(page: Page, ws: Worksheets, sheet: str) -> set[str]:
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url.rsplit("/", 1)[-1]))
    ws.open(page, sheet)
    page.wait_for_load_state("networkidle")
    return set(loaded)


def test_a_page_without_formulas_or_links_fetches_neither(page: Page, ws: Worksheets) -> None:
    fetched = scripts_at_start(page, ws, "learner-persona")
    assert {"index.js", "features.js", "rows.js"} <= fetched
    assert not fetched & (OPTIONAL - {"rows.js"})
    expect(page.locator("[data-ws-progress-text]")).not_to_be_empty()


def test_a_page_with_every_part_fetches_each(page: Page, ws: Worksheets) -> None:
    fetched = scripts_at_start(page, ws, "key-activities")
    assert OPTIONAL - {"dates.js"} <= fetched
    assert "dates.js" not in fetched
