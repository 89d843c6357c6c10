"""Worksheets on real screens: a phone (390 px), a laptop (1280 px) and a wide screen (1920 px).

Every text box is wide enough to write in, every row's buttons are on screen, and the bar
that follows the reader down the page stays small.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import Worksheets

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280, 1920)
LANGUAGES = ("en", "et")
FEWEST_CHARACTERS = 12

# The controls a reader types or chooses in, and the text of 12 characters of their font.
NARROW_BOXES = """fewest => {
  const boxes = document.querySelectorAll(
    "form.ws-form :is(input:not([type=radio], [type=checkbox], [type=file]), textarea, select)");
  const narrow = [];
  for (const box of boxes) {
    if (!box.checkVisibility()) continue;
    const probe = document.createElement("span");
    probe.style.cssText = "position: absolute; visibility: hidden; white-space: pre";
    probe.style.font = getComputedStyle(box).font;
    probe.textContent = "0".repeat(fewest);
    document.body.append(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    const width = box.getBoundingClientRect().width;
    const shown = `${box.name}: ${Math.round(width)} px, needs ${Math.round(needed)}`;
    if (width < needed) narrow.push(shown);
  }
  return narrow;
}"""

# Row buttons that lie outside the window, or outside a box that scrolls sideways.
HIDDEN_ACTIONS = """() => {
  const out = [];
  const right = document.documentElement.clientWidth;
  for (const button of document.querySelectorAll("form.ws-form [data-ws-op]")) {
    if (!button.checkVisibility()) continue;
    const box = button.getBoundingClientRect();
    let clipped = box.left < 0 || box.right > right;
    for (let el = button.parentElement; el && !clipped; el = el.parentElement) {
      if (getComputedStyle(el).overflowX === "visible") continue;
      const frame = el.getBoundingClientRect();
      clipped = box.left < frame.left - 0.5 || box.right > frame.right + 0.5;
    }
    const where = `${Math.round(box.left)}-${Math.round(box.right)} px`;
    if (clipped) out.push(`${button.title || button.textContent.trim()} (${where})`);
  }
  return out;
}"""


def worksheet_ids(site: Path) -> list[str]:
    """Every page of the site with a worksheet's form (the showcase too)."""
    pages = (site / "worksheets").glob("*/index.html")
    return sorted(p.parent.name for p in pages if "data-ws-root" in p.read_text("utf-8"))


def open_with_rows(page: Page, ws: Worksheets, sheet: str, language: str) -> None:
    """The worksheet with one more row in every table and group: none is empty."""
    ws.open(page, sheet, language)
    for add in page.locator('form.ws-form [data-ws-op="add"]').all():
        field = add.get_attribute("data-ws-field") or ""
        rows = ws.rows(page, field)
        add.click()
        expect(ws.row_locator(page, field)).to_have_count(rows + 1)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_text_box_is_at_least_twelve_characters_wide_and_row_buttons_on_screen(
    page: Page, ws: Worksheets, site: Path, width: int, language: str
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    problems: dict[str, list[str]] = {}
    sheets = worksheet_ids(site)
    for sheet in sheets:
        open_with_rows(page, ws, sheet, language)
        found = page.evaluate(NARROW_BOXES, FEWEST_CHARACTERS) + page.evaluate(HIDDEN_ACTIONS)
        if found:
            problems[sheet] = found
    assert len(sheets) >= 5
    assert problems == {}, "\n".join(f"{sheet}: {found}" for sheet, found in problems.items())


@pytest.mark.parametrize("width", (390, 1280))
def test_every_worksheet_with_rows_has_no_axe_violations_on_a_phone_and_a_laptop(
    page: Page, ws: Worksheets, site: Path, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for sheet in worksheet_ids(site):
        open_with_rows(page, ws, sheet, "et")
        found = axe_violations(page, "[data-ws-root]")
        if found:
            problems[sheet] = found
    assert problems == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_table_wide_enough_shows_its_column_headings_once_and_on_a_phone_in_each_cell(
    page: Page, ws: Worksheets, language: str
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    ws.open(page, "cost-structure", language)
    table = page.locator("table.ws-table--fits").first
    expect(table.locator("thead th").first).to_be_visible()
    expect(table.locator(".ws-cell-label").first).to_be_hidden()
    page.set_viewport_size({"width": 390, "height": 900})
    expect(table.locator(".ws-cell-label").first).to_be_visible()
    expect(table.locator("thead th").first).not_to_be_in_viewport()


# The bar's visible parts: each one line high, all side by side.
BAR_LINES = """() => {
  const bar = document.querySelector("[data-ws-bar]");
  const parts = [...bar.querySelectorAll("p, span, button, progress")]
    .filter((el) => el.checkVisibility());
  const line = parseFloat(getComputedStyle(bar).lineHeight);
  const boxes = parts.map((el) => el.getBoundingClientRect());
  return {
    height: bar.getBoundingClientRect().height,
    tallest: Math.max(...parts.filter((el) => el.matches("p, span"))
      .map((el) => el.getBoundingClientRect().height)),
    line,
    oneRow: Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom)),
  };
}"""


def saved_on_a_phone(page: Page, ws: Worksheets, language: str) -> None:
    """The cost structure on a phone, one answer typed and saved."""
    page.set_viewport_size({"width": 390, "height": 800})
    ws.open(page, "cost-structure", language)
    ws.control(page, "learners").fill("20")
    ws.saved(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_status_bar_is_one_line(page: Page, ws: Worksheets, language: str) -> None:
    saved_on_a_phone(page, ws, language)
    ws.action(page, "clear").click()
    ws.confirm(page)
    expect(page.locator('[data-ws-action="undo"]')).to_be_visible()  # the fullest bar there is
    bar = page.evaluate(BAR_LINES)
    assert bar["oneRow"], bar
    assert bar["tallest"] < 1.5 * bar["line"], bar
    assert bar["height"] <= 60, bar


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_bar_keeps_room_for_the_status_and_shows_progress_as_a_meter(
    page: Page, ws: Worksheets, language: str
) -> None:
    saved_on_a_phone(page, ws, language)
    width = page.locator("[data-ws-bar]").bounding_box()["width"]
    status = page.locator("[data-ws-status]")
    expect(status).not_to_be_empty()
    assert status.bounding_box()["width"] > 0.5 * width
    assert page.locator("[data-ws-bar] progress").bounding_box()["width"] > 40
    words = page.locator("[data-ws-progress-text]")
    expect(words).not_to_be_empty()  # heard, not shown
    assert words.bounding_box()["width"] <= 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_table_of_contents_lists_the_forms_sections_and_a_link_on_top_leads_to_the_form(
    page: Page, ws: Worksheets, site: Path, language: str
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    for sheet in worksheet_ids(site):
        ws.open(page, sheet, language)
        sections = page.locator("form.ws-form > section.ws-section")
        wanted = [f"#{section_id}" for section_id in sections.evaluate_all("s => s.map(e => e.id)")]
        toc = page.locator(".md-sidebar--secondary .md-nav__link")
        listed = toc.evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert wanted and all(href in listed for href in wanted), (sheet, listed)
        jump = page.locator("article h1 + p.ws-go-to-form a")
        expect(jump).to_have_attribute("href", f"#wst-{sheet}")
        jump.click()
        expect(page.locator("[data-ws-root]")).to_be_in_viewport()
        assert page.evaluate("scrollY") > 0
