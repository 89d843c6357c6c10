"""The one-page canvas: the twelve blocks in the canvas's layout with their worksheets' key
answers from this browser's storage, each block's state, one column on a phone, one landscape
A4 page in print, and the Business Model Canvas's credit."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from mctoolkit.canvas import BLOCKS as CANVAS_BLOCKS
from mctoolkit.workbook import load_workbook
from tests.browser.axe import axe_violations
from tests.browser.conftest import Worksheets
from tests.browser.test_workbook_worksheets import load_example
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

# The whole course plan, in the order a course designer fills it in: the workbook's order.
WORKBOOK = [sheet.id for sheet in load_workbook(ROOT, ["en", "et"]).ordered() if sheet.workbook]
BLOCKS = [block.sheet for block in CANVAS_BLOCKS]
A4_LANDSCAPE = (842, 595)  # points, rounded


def open_canvas(page: Page, ws: Worksheets, language: str = "en") -> None:
    page.goto(f"{ws.base}{'' if language == 'en' else language + '/'}worksheets/canvas/")
    expect(page.locator("[data-ws-canvas].ws-canvas--live")).to_have_count(1)


def block(page: Page, sheet: str):
    return page.locator(f'[data-ws-block="{sheet}"]')


def pdf_pages(page: Page) -> list[tuple[int, int]]:
    """The size of each page of the page printed as PDF, in points."""
    page.emulate_media(media="print")
    data = page.pdf(prefer_css_page_size=True)
    page.emulate_media(media="screen")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    return [(round(float(width)), round(float(height))) for width, height in boxes]


def test_an_empty_canvas_prompts_in_every_block_and_credits_the_business_model_canvas(
    page: Page, ws: Worksheets
) -> None:
    open_canvas(page, ws)
    blocks = page.locator("[data-ws-block]")
    expect(blocks).to_have_count(12)
    numbers = page.locator(".ws-canvas__number").all_inner_texts()
    assert numbers == [str(n) for n in range(1, 13)]
    for sheet in BLOCKS:
        expect(block(page, sheet).locator("[data-ws-block-state]")).to_have_text("Not started")
        expect(block(page, sheet).locator("[data-ws-block-prompt]")).to_be_visible()
        expect(block(page, sheet).locator("h2 a")).to_have_attribute("href", f"../{sheet}/")
    credit = page.locator(".ws-canvas__credit")
    expect(credit).to_contain_text("Osterwalder and Yves Pigneur")
    expect(credit.locator('a[rel="license"]')).to_have_text("CC BY-SA 3.0")


def test_the_whole_workbook_fills_every_block_in_both_languages_and_prints_on_one_page(
    page: Page, ws: Worksheets
) -> None:
    for sheet in WORKBOOK:
        load_example(page, ws, sheet)
    for language, complete, filled in (
        ("en", "Complete", "Started"),
        ("et", "Valmis", "Alustatud"),
    ):
        open_canvas(page, ws, language)
        for sheet in BLOCKS:
            expect(block(page, sheet).locator("[data-ws-block-prompt]")).to_be_hidden()
            expect(block(page, sheet).locator("[data-ws-block-summary]")).to_be_visible()
            state = block(page, sheet).locator("[data-ws-block-state]")
            expect(state).to_have_text(re.compile(f"^({complete}|{filled})$"))
        expect(block(page, "learner-persona").locator("dd").first).to_have_text("Kadri")
        expect(block(page, "cost-structure")).to_contain_text(
            "4,500.00 EUR" if language == "en" else "4\u00a0500,00 EUR"
        )
        expect(block(page, "curriculum")).to_contain_text(
            "EQF level 4" if language == "en" else "EQF tase 4"
        )
        state = block(page, "value-proposition").locator("[data-ws-block-state]")
        expect(state).to_have_text(complete)
        assert pdf_pages(page) == [A4_LANDSCAPE]
    assert axe_violations(page) == []


def test_the_canvas_follows_the_canvas_layout_wide_and_one_column_on_a_phone(
    page: Page, ws: Worksheets
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    open_canvas(page, ws)
    box = {sheet: block(page, sheet).bounding_box() for sheet in BLOCKS}
    assert box["key-partners"]["x"] < box["key-activities"]["x"] < box["value-proposition"]["x"]
    assert (
        box["value-proposition"]["x"]
        < box["learner-relationships"]["x"]
        < box["learner-persona"]["x"]
    )
    assert box["value-proposition"]["y"] < box["curriculum"]["y"] < box["cost-structure"]["y"]
    assert box["cost-structure"]["x"] < box["recognition"]["x"] < box["revenue-streams"]["x"]
    page.set_viewport_size({"width": 390, "height": 844})
    lefts = {round(block(page, sheet).bounding_box()["x"]) for sheet in BLOCKS}
    tops = [block(page, sheet).bounding_box()["y"] for sheet in BLOCKS]
    assert len(lefts) == 1
    assert tops == sorted(tops)


def test_the_canvas_shows_what_another_tab_saves(page: Page, ws: Worksheets) -> None:
    open_canvas(page, ws)
    other = ws.tab()
    ws.open(other, "value-proposition")
    ws.fill(other, {"promise": "Fuller Tuesdays in six weeks"})
    ws.saved(other)
    expect(block(page, "value-proposition").locator("dd")).to_have_text(
        "Fuller Tuesdays in six weeks"
    )
    expect(block(page, "value-proposition").locator("[data-ws-block-state]")).to_have_text(
        "Started"
    )
