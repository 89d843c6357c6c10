"""axe-core finds nothing wrong with a worksheet in use: filled, a condition revealed, a row
added, in both languages and both colour schemes, and with its dialog open."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import Worksheets

pytestmark = pytest.mark.browser


def in_use(page: Page, ws: Worksheets, language: str = "en") -> None:
    ws.open(page, language=language)
    ws.fill(page, ws.SHOWCASE_ANSWERS)  # online participation reveals the platform field
    expect(page.locator('[data-field="online_platform"]')).to_be_visible()
    rows = ws.rows(page, "modules")
    page.locator('[data-ws-op="add"][data-ws-field="modules"]').click()
    expect(ws.row_locator(page, "modules")).to_have_count(rows + 1)
    ws.control(page, "hours").fill("5000")  # an error message on show
    ws.saved(page)


@pytest.mark.parametrize(("language", "scheme"), [("en", "light"), ("et", "dark")])
def test_a_worksheet_in_use_has_no_axe_violations(
    page: Page, ws: Worksheets, language: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    in_use(page, ws, language)
    assert axe_violations(page, "[data-ws-root]") == []


def test_the_worksheet_dialog_has_no_axe_violations(page: Page, ws: Worksheets) -> None:
    in_use(page, ws)
    ws.action(page, "clear").click()
    expect(page.locator("dialog[data-ws-dialog]")).to_be_visible()
    assert axe_violations(page, "[data-ws-root]") == []


def test_the_cost_worksheet_with_its_example_has_no_axe_violations(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "cost-structure")
    ws.action(page, "example").click()
    assert axe_violations(page, "[data-ws-root]") == []
