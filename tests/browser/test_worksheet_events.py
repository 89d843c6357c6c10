"""A worksheet tells other parts of its page what happens to its answers, as events on its root.

`ws:changed` (detail: worksheet, cause) when the answers change; `ws:saved` (detail: worksheet,
rev, saved) when they are stored. See docs/assets/javascripts/worksheet/index.js.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Worksheets

pytestmark = pytest.mark.browser

LISTEN = """() => {
  window.heard = [];
  const root = document.querySelector("[data-ws-root]");
  for (const type of ["ws:changed", "ws:saved"]) {
    root.addEventListener(type, (event) => window.heard.push({ type, ...event.detail }));
  }
}"""


def heard(page: Page, type_: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = page.evaluate("() => window.heard")
    return [event for event in events if event["type"] == type_]


def test_typing_tells_of_a_change_then_of_the_save(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    page.evaluate(LISTEN)
    ws.control(page, "course_title").fill("Welding")
    ws.saved(page)
    changes = heard(page, "ws:changed")
    edit = {"type": "ws:changed", "worksheet": "showcase", "cause": "edit"}
    assert changes and changes[-1] == edit
    record = ws.record(page)
    assert record is not None
    assert heard(page, "ws:saved")[-1] == {
        "type": "ws:saved",
        "worksheet": "showcase",
        "rev": record["rev"],
        "saved": record["saved"],
    }


def test_a_row_added_is_told_as_a_change_of_rows(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    page.evaluate(LISTEN)
    page.locator('[data-ws-op="add"][data-ws-field="modules"]').click()
    expect(ws.status(page)).to_contain_text("added")
    assert [event["cause"] for event in heard(page, "ws:changed")] == ["rows"]


def test_clearing_is_told_as_the_answers_replaced(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, {"course_title": "Welding"})
    ws.saved(page)
    page.evaluate(LISTEN)
    ws.action(page, "clear").click()
    ws.confirm(page)
    expect(ws.control(page, "course_title")).to_have_value("")
    assert [event["cause"] for event in heard(page, "ws:changed")] == ["replace"]
    assert heard(page, "ws:saved")


def test_another_tabs_save_is_told_as_a_change_from_the_other_tab(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page)
    other = ws.open(ws.tab())
    other.evaluate(LISTEN)
    ws.fill(page, {"course_title": "From the first tab"})
    ws.saved(page)
    ws.expect_shown(other, {"course_title": "From the first tab"})
    assert heard(other, "ws:changed")[-1]["cause"] == "other-tab"
