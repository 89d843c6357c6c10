"""The search box above a long list of choices (the ISCED-F fields of the micro-credential
description): a word or the digits of a code show the matching fields, the count is announced,
the keyboard reaches the matches, and without the script the list is a plain select."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import Worksheets

pytestmark = pytest.mark.browser

SHEET = "micro-credential"
FIELD = "#ws-micro-credential-isced_field"
# The search box is named by its field: the page has two (the countries are a long list too).
SEARCH = {
    "en": re.compile(r"^Search the list\W+Field of education \(ISCED-F 2013\)$"),
    "et": re.compile(r"^Otsi loendist\W+Õppevaldkond \(ISCED-F 2013\)$"),
}
HAIR = {
    "en": ("hair", "1012 Hair and beauty services", "1 of 56 match"),
    "et": ("juuks", "1012 Juuksuri- ja iluteenused", "Vasteid: 1 / 56"),
}


def shown(page: Page) -> Any:
    return page.locator(f"{FIELD} option:not([hidden])")


@pytest.mark.parametrize("language", ["en", "et"])
def test_a_word_shows_only_the_matching_fields_and_says_how_many(
    ws: Worksheets, language: str
) -> None:
    page = ws.open(ws.tab(), SHEET, language)
    word, field, count = HAIR[language]
    box = page.get_by_role("searchbox", name=SEARCH[language])
    box.fill(word)
    expect(shown(page)).to_have_text([field])
    status = page.locator(f"{FIELD}-filter-count")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text(count)
    assert box.get_attribute("aria-describedby") == f"{FIELD[1:]}-filter-count"


def test_the_digits_of_a_code_and_a_word_without_its_accents_find_a_field(ws: Worksheets) -> None:
    page = ws.open(ws.tab(), SHEET, "et")
    box = page.get_by_role("searchbox", name=SEARCH["et"])
    box.fill("0414")
    expect(shown(page)).to_have_text(["0414 Turundus ja reklaam"])
    box.fill("toiduainete tootlemine")  # "töötlemine", typed without its accents
    expect(shown(page)).to_have_text(["0721 Toiduainete töötlemine"])
    box.fill("")
    expect(shown(page)).to_have_count(57)  # every field, and "Choose…"
    expect(page.locator(FIELD)).not_to_have_attribute("size", "8")


def test_the_keyboard_goes_from_the_search_to_the_matches_and_chooses_one(
    ws: Worksheets,
) -> None:
    page = ws.open(ws.tab(), SHEET, "en")
    box = page.get_by_role("searchbox", name=SEARCH["en"])
    box.fill("engineering")
    expect(page.locator(f"{FIELD}-filter-count")).to_have_text("2 of 56 match")
    box.press("ArrowDown")
    expect(page.locator(FIELD)).to_be_focused()
    page.keyboard.press("ArrowDown")
    ws.saved(page)
    chosen = page.locator(FIELD).evaluate("select => select.selectedOptions[0].textContent")
    assert "engineering" in chosen.lower()
    assert ws.record(page, SHEET)["answers"]["isced_field"] == page.locator(FIELD).input_value()
    box.press("Escape")
    expect(box).to_have_value("")
    expect(shown(page)).to_have_count(57)
    expect(page.locator(FIELD)).to_have_value(ws.record(page, SHEET)["answers"]["isced_field"])


def test_a_short_list_gets_no_search_box(ws: Worksheets) -> None:
    page = ws.open(ws.tab(), SHEET, "en")
    expect(page.locator(".ws-filter")).to_have_count(2)  # the ISCED-F fields and the countries
    expect(page.locator("#ws-micro-credential-eqf_level-filter")).to_have_count(0)


def test_without_the_script_the_fields_are_a_plain_select(browser: Any, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served}worksheets/{SHEET}/")
    expect(page.locator(".ws-filter")).to_have_count(0)
    expect(page.locator(f"{FIELD} option")).to_have_count(57)
    page.locator(FIELD).select_option("f1012")
    expect(page.locator(FIELD)).to_have_value("f1012")
    context.close()


@pytest.mark.parametrize("language", ["en", "et"])
def test_the_search_box_in_use_has_no_axe_violations(ws: Worksheets, language: str) -> None:
    page = ws.open(ws.tab(), SHEET, language)
    page.get_by_role("searchbox", name=SEARCH[language]).fill(HAIR[language][0])
    expect(shown(page)).to_have_count(1)
    assert axe_violations(page) == []
