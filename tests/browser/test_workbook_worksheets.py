"""The five worksheets of the workbook, each with its worked example loaded: what it works out,
and what it takes from the worksheets before it, survive a reload and a language switch there
and back, written as each language writes numbers; and axe finds nothing wrong with each one in
use (filled, conditions revealed, a row added)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import Worksheets

pytestmark = pytest.mark.browser

NBSP = "\u00a0"
COURSE_IDEA = "Digital marketing for small salons: a 52-hour blended course"


def output(page: Page, name: str):
    return page.locator(f'form.ws-form output[name="{name}"]')


def load_example(page: Page, ws: Worksheets, sheet: str, language: str = "en") -> None:
    """Open a worksheet and fill in its worked example with its button, as a reader would."""
    ws.open(page, sheet, language)
    ws.action(page, "example").click()
    expect(ws.status(page)).to_contain_text("example" if language == "en" else "äidis")
    ws.saved(page)


def switch_language(page: Page, ws: Worksheets, sheet: str, language: str) -> None:
    """Through the language menu in the header, as a reader switches."""
    page.locator(".md-header .md-select").first.hover()
    page.locator(f'a.md-select__link[hreflang="{language}"]').click()
    expect(page).to_have_url(ws.url(sheet, language))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("[data-ws-root].ws--live")).to_have_count(1)


def expect_outputs(page: Page, texts: dict[str, str]) -> None:
    for name, text in texts.items():
        expect(output(page, name), f"output {name}").to_have_text(text)


def expect_through_reload_and_languages(
    page: Page, ws: Worksheets, sheet: str, english: dict[str, str], estonian: dict[str, str]
) -> None:
    """The outputs read `english` after a reload, `estonian` in Estonian, `english` once back."""
    page.reload()
    expect(page.locator("[data-ws-root].ws--live")).to_have_count(1)
    expect_outputs(page, english)
    switch_language(page, ws, sheet, "et")
    expect_outputs(page, estonian)
    switch_language(page, ws, sheet, "en")
    expect_outputs(page, english)


def test_the_learner_persona_keeps_its_personas_through_reload_and_language_switch(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "learner-persona")
    idea = ws.stored(page, "learner-persona")["course_idea"]
    assert idea.startswith(COURSE_IDEA)
    shown = {"course_idea": idea, "primary_persona": "Kadri", "personas.1.name": "Martin"}

    def expect_kept(given: str) -> None:
        expect(ws.row_locator(page, "personas")).to_have_count(2)
        ws.expect_shown(page, shown)
        expect(page.locator("[data-ws-progress-text]")).to_have_text(given)

    page.reload()
    expect_kept("Complete · 8 of 8 questions answered")
    switch_language(page, ws, "learner-persona", "et")
    expect_kept("Valmis · Vastatud küsimusi: 8/8")
    switch_language(page, ws, "learner-persona", "en")
    expect_kept("Complete · 8 of 8 questions answered")


def test_the_learner_journey_counts_its_steps_and_shows_the_persona_in_both_languages(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "learner-persona")
    load_example(page, ws, "learner-journey")
    taken = {"persona": "Kadri", "steps_described": "8", "open_risks": "1"}
    expect_through_reload_and_languages(page, ws, "learner-journey", taken, taken)
    expect(output(page, "course_idea")).to_contain_text(COURSE_IDEA)


def test_the_curriculum_works_out_workload_and_credits_in_both_languages(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "learner-persona")
    load_example(page, ws, "curriculum")
    common = {"persona": "Kadri", "outcome_count": "5", "module_hours": "52", "total_hours": "52"}
    english = {**common, "guided_share": "50.0", "ekap": "2.0", "ects": "1.9"}
    estonian = {**common, "guided_share": "50,0", "ekap": "2,0", "ects": "1,9"}
    expect_through_reload_and_languages(page, ws, "curriculum", english, estonian)
    expect(output(page, "hours_not_in_parts")).to_have_text("0")
    expect(output(page, "course_idea")).to_contain_text(COURSE_IDEA)
    expect(page.locator('[data-field="stacks_into"]')).to_be_visible()


def test_credits_use_the_default_hours_per_credit_until_the_reader_gives_their_own(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "curriculum")
    expect(ws.control(page, "hours_per_ects")).to_have_attribute("placeholder", "27")
    ws.fill(page, {"guided_hours": "54"})
    expect(output(page, "ects")).to_have_text("2.0")
    ws.fill(page, {"hours_per_ects": "30"})
    expect(output(page, "ects")).to_have_text("1.8")
    ws.fill(page, {"hours_per_ects": ""})
    expect(output(page, "ects")).to_have_text("2.0")
    ws.saved(page)
    assert "hours_per_ects" not in ws.stored(page, "curriculum")


def test_the_cost_structure_example_gives_the_published_totals_fee_and_break_even(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "cost-structure")
    english = {**ws.COST_TOTALS, "margin_per_learner": "45.00"}
    estonian = {
        "total_fixed": f"3{NBSP}500,00",
        "variable_per_learner": "50,00",
        "total_variable": f"1{NBSP}000,00",
        "total_cost": f"4{NBSP}500,00",
        "cost_per_learner": "225,00",
        "fee": "270,00",
        "margin_per_learner": "45,00",
        "break_even": "16",
        "surplus": "900,00",
    }
    expect_through_reload_and_languages(page, ws, "cost-structure", english, estonian)
    ws.expect_shown(page, {"learners": 20, "margin": 20})


def test_the_cost_structure_shows_the_curriculums_hours_for_pricing_teachers_time(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "cost-structure")
    expect(output(page, "guided_hours")).to_have_text("Not filled in yet")
    load_example(page, ws, "curriculum")
    load_example(page, ws, "cost-structure")
    hours = {"guided_hours": "26", "total_hours": "52"}
    expect_through_reload_and_languages(page, ws, "cost-structure", hours, hours)
    link = page.locator('[data-field="guided_hours"] a')
    expect(link).to_have_attribute("href", "../curriculum/")


def test_the_revenue_streams_meet_the_cost_structure_in_both_languages(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "cost-structure")
    load_example(page, ws, "revenue-streams")
    english = {
        "cost_fee": "270.00 EUR",
        "cost_learners": "20",
        "cost_total": "4,500.00 EUR",
        "cost_fixed": "3,500.00 EUR",
        "cost_variable_per_learner": "50.00 EUR",
        "total_fixed_income": "1,200.00",
        "income_per_learner": "175.00",
        "total_variable_income": "3,500.00",
        "total_income": "4,700.00",
        "cost_for_group": "4,500.00",
        "surplus": "200.00",
        "surplus_per_learner": "10.00",
        "contribution": "125.00",
        "break_even_learners": "19",
        "lowest_fee": "150.00",
    }
    estonian = {
        "cost_fee": "270,00 EUR",
        "cost_learners": "20",
        "cost_total": f"4{NBSP}500,00 EUR",
        "cost_fixed": f"3{NBSP}500,00 EUR",
        "cost_variable_per_learner": "50,00 EUR",
        "total_fixed_income": f"1{NBSP}200,00",
        "income_per_learner": "175,00",
        "total_variable_income": f"3{NBSP}500,00",
        "total_income": f"4{NBSP}700,00",
        "cost_for_group": f"4{NBSP}500,00",
        "surplus": "200,00",
        "surplus_per_learner": "10,00",
        "contribution": "125,00",
        "break_even_learners": "19",
        "lowest_fee": "150,00",
    }
    expect_through_reload_and_languages(page, ws, "revenue-streams", english, estonian)
    expect(page.locator('[data-field="result_surplus"]')).to_be_visible()
    expect(page.locator('[data-field="result_gap"]')).to_be_hidden()


# Per worksheet: the worksheets it takes values from, answers that reveal its conditions, and
# the table or group to add a row to.
IN_USE = {
    "learner-persona": ([], {}, "personas"),
    "learner-journey": (["learner-persona"], {}, "journey"),
    "curriculum": (["learner-persona"], {"stackability": "stackable"}, "outcomes"),
    "cost-structure": ([], {}, "fixed_costs"),
    "revenue-streams": (["cost-structure"], {"learners": 15}, "fixed_income"),
}
REVEALED = {
    "curriculum": ["stacks_into"],
    "revenue-streams": ["group_differs", "result_gap", "break_even_learners"],
}


@pytest.mark.parametrize("sheet", list(IN_USE))
def test_each_worksheet_in_use_has_no_axe_violations(
    page: Page, ws: Worksheets, sheet: str
) -> None:
    sources, answers, table = IN_USE[sheet]
    for source in sources:
        load_example(page, ws, source)
    load_example(page, ws, sheet)
    ws.fill(page, answers)
    for field in REVEALED.get(sheet, []):
        expect(page.locator(f'[data-field="{field}"]')).to_be_visible()
    count = ws.rows(page, table)
    page.locator(f'[data-ws-op="add"][data-ws-field="{table}"]').click()
    expect(ws.row_locator(page, table)).to_have_count(count + 1)
    ws.saved(page)
    assert axe_violations(page) == []
