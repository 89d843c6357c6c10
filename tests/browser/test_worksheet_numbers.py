"""Number fields read what a person of the page's language types, in any browser locale.

"24,5" on an Estonian page is 24.5, never 245; "1 200,50" is 1200.5; what a language cannot mean
as a number is refused where the reader sees it (marked invalid, a message saying what to type)
and nothing else is stored. Every test runs in an Estonian and in an English browser.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import Worksheets

NBSP = "\u00a0"
MINUS = "\u2212"


@pytest.fixture(params=["et-EE", "en-GB"])
def context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    """A fresh profile whose browser speaks Estonian, or English."""
    created = browser.new_context(locale=request.param, accept_downloads=True)
    yield created
    created.close()


def error_of(page: Page, name: str) -> str:
    return page.locator(f'[name="{name}"]').evaluate(
        "el => document.getElementById(el.id + '-error')?.textContent ?? ''"
    )


@pytest.mark.parametrize(
    ("language", "typed", "stored"),
    [
        ("et", "24,5", 24.5),
        ("et", "1 200,50", 1200.5),
        ("et", f"1{NBSP}200,50", 1200.5),
        ("et", f"{MINUS}5,5", -5.5),
        ("et", "7", 7),
        ("en", "24.5", 24.5),
        ("en", "1,200.50", 1200.5),
        ("en", "-5.5", -5.5),
        ("en", "1 200", 1200),
    ],
)
def test_a_page_stores_exactly_the_number_typed_as_its_language_writes_it(
    page: Page, ws: Worksheets, language: str, typed: str, stored: float
) -> None:
    ws.open(page, "showcase", language)
    ws.control(page, "fee").fill(typed)
    ws.saved(page)
    assert ws.stored(page)["fee"] == stored
    expect(ws.control(page, "fee")).to_have_value(typed)


@pytest.mark.parametrize(
    ("language", "typed", "message"),
    [
        ("et", "1.200", f"Sisesta arv, näiteks 24,5 või 1{NBSP}200,50."),
        ("et", "24,5 eurot", f"Sisesta arv, näiteks 24,5 või 1{NBSP}200,50."),
        ("en", "24,5", "Enter a number, such as 24.5 or 1,200.50."),
        ("en", "1.200,50", "Enter a number, such as 24.5 or 1,200.50."),
    ],
)
def test_a_number_the_language_does_not_write_is_refused_visibly_and_not_stored(
    page: Page, ws: Worksheets, language: str, typed: str, message: str
) -> None:
    ws.open(page, "showcase", language)
    fee = ws.control(page, "fee")
    fee.fill("10")
    ws.saved(page)
    fee.fill(typed)
    expect(fee).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#ws-showcase-fee-error")).to_have_text(message)
    expect(fee).to_have_attribute("aria-describedby", "ws-showcase-fee-unit ws-showcase-fee-error")
    ws.saved(page)
    assert "fee" not in ws.stored(page)
    expect(fee).to_have_value(typed)
    fee.fill("12")
    expect(fee).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#ws-showcase-fee-error")).to_have_count(0)


@pytest.mark.parametrize(("language", "typed"), [("et", "24,5 eurot"), ("en", "24,5")])
def test_a_number_the_language_does_not_write_is_still_there_after_a_reload(
    page: Page, ws: Worksheets, language: str, typed: str
) -> None:
    ws.open(page, "showcase", language)
    ws.control(page, "fee").fill(typed)
    ws.saved(page)
    ws.open(page, "showcase", language)
    fee = ws.control(page, "fee")
    expect(fee).to_have_value(typed)
    expect(fee).to_have_attribute("aria-invalid", "true")
    assert "fee" not in ws.stored(page)
    fee.fill("12")
    ws.saved(page)
    ws.open(page, "showcase", language)
    expect(ws.control(page, "fee")).not_to_have_attribute("aria-invalid", "true")
    assert ws.stored(page)["fee"] == 12


@pytest.mark.parametrize(("language", "shown"), [("et", "1200,5"), ("en", "1200.5")])
def test_a_stored_number_comes_back_as_the_page_language_writes_it(
    page: Page, ws: Worksheets, language: str, shown: str
) -> None:
    ws.open(page, "showcase", language)
    ws.seed(page, "showcase", {"version": 1, "answers": {"fee": 1200.5, "hours": 52}})
    ws.open(page, "showcase", language)
    expect(ws.control(page, "fee")).to_have_value(shown)
    expect(ws.control(page, "hours")).to_have_value("52")


def test_an_estonian_cost_is_carried_into_the_totals_as_typed(page: Page, ws: Worksheets) -> None:
    ws.open(page, "cost-structure", "et")
    ws.control(page, "fixed_costs.0.amount").fill("1 200,50")
    ws.control(page, "fixed_costs.1.amount").fill("99,5")
    expect(page.locator('output[name="total_fixed"]')).to_have_text(f"1{NBSP}300,00")
    ws.saved(page)
    amounts = [row.get("amount") for row in ws.stored(page, "cost-structure")["fixed_costs"]]
    assert amounts[:2] == [1200.5, 99.5]


def test_a_number_out_of_range_says_its_bound_as_the_page_language_writes_it(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "curriculum", "et")
    ects = ws.control(page, "hours_per_ects")
    ects.fill("30,5")
    expect(ects).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#ws-curriculum-hours_per_ects-error")).to_have_text(
        "Sisesta kõige rohkem 30."
    )
