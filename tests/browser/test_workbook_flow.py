"""A course designer works through the workbook as a user would, typing every answer: persona,
curriculum, cost structure, revenue streams. The revenue page then sets the income against the
cost structure's totals and shows the surplus, or the gap once the group is smaller."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Worksheets

pytestmark = pytest.mark.browser

MINUS = "\u2212"  # a negative amount is written with a minus sign, not a hyphen


def output(page: Page, name: str):
    return page.locator(f'form.ws-form output[name="{name}"]')


def go_to(page: Page, ws: Worksheets, sheet: str) -> None:
    """From the workbook page, by the worksheet's link in its list."""
    page.goto(f"{ws.base}worksheets/")
    page.locator(f'[data-ws-sheet="{sheet}"] a').click()
    expect(page).to_have_url(ws.url(sheet))
    expect(page.locator("[data-ws-root].ws--live")).to_have_count(1)


def type_answers(page: Page, ws: Worksheets, answers: dict[str, Any]) -> None:
    """Key by key into text and number fields; choices are clicked."""
    for name, value in answers.items():
        if isinstance(value, list):
            for option in value:
                ws.control(page, name, option).check()
        elif ws.control(page, name).first.get_attribute("type") == "radio":
            ws.control(page, name, value).check()
        else:
            field = ws.control(page, name)
            field.click()
            field.press("ControlOrMeta+a")
            field.press_sequentially(str(value))


def test_a_designer_types_the_workbook_and_sees_the_surplus_then_the_gap(
    page: Page, ws: Worksheets
) -> None:
    go_to(page, ws, "learner-persona")
    type_answers(
        page,
        ws,
        {
            "course_idea": "Social media for small salons",
            "personas.0.name": "Kadri",
            "primary_persona": "Kadri",
        },
    )
    expect(page.locator("[data-ws-progress-text]")).to_have_text(
        "3 of 4 required answers · 3 of 8 questions answered"
    )

    go_to(page, ws, "curriculum")
    expect(output(page, "persona")).to_have_text("Kadri")
    expect(output(page, "course_idea")).to_have_text("Social media for small salons")
    type_answers(
        page,
        ws,
        {
            "course_title": "Digital marketing for small salons",
            "value_proposition": "Fuller weekdays through posts the owner can keep up.",
            "outcomes.0.outcome": "Plans a four-week posting calendar.",
            "participation_form": "blended",
            "assessment_types": ["portfolio", "oral"],
            "guided_hours": 26,
            "self_directed_hours": 16,
            "work_based_hours": 10,
        },
    )
    expect(output(page, "total_hours")).to_have_text("52")
    expect(output(page, "ekap")).to_have_text("2.0")
    expect(output(page, "ects")).to_have_text("1.9")

    go_to(page, ws, "cost-structure")
    type_answers(
        page,
        ws,
        {
            "fixed_costs.0.item": "Teachers' pay",
            "fixed_costs.0.amount": 2400,
            "fixed_costs.1.item": "Course design",
            "fixed_costs.1.amount": 600,
            "fixed_costs.2.item": "Marketing",
            "fixed_costs.2.amount": 500,
            "variable_costs.0.item": "Licences",
            "variable_costs.0.amount": 20,
            "variable_costs.1.item": "Meals",
            "variable_costs.1.amount": 25,
            "variable_costs.2.item": "Certificate",
            "variable_costs.2.amount": 5,
            "learners": 20,
            "margin": 20,
        },
    )
    expect(output(page, "total_cost")).to_have_text("4,500.00")
    expect(output(page, "fee")).to_have_text("270.00")
    expect(output(page, "break_even")).to_have_text("16")

    go_to(page, ws, "revenue-streams")
    expect(output(page, "cost_fee")).to_have_text("270.00 EUR")
    expect(output(page, "cost_total")).to_have_text("4,500.00 EUR")
    type_answers(
        page,
        ws,
        {
            "fixed_income.0.source": "County grant",
            "fixed_income.0.amount": 800,
            "fixed_income.1.source": "Licence to a partner school",
            "fixed_income.1.amount": 400,
            "fee": 160,
            "other_variable_income.0.item": "Materials fee",
            "other_variable_income.0.amount": 15,
            "learners": 20,
        },
    )
    expect(output(page, "total_income")).to_have_text("4,700.00")
    expect(output(page, "cost_for_group")).to_have_text("4,500.00")
    expect(output(page, "surplus")).to_have_text("200.00")
    expect(output(page, "surplus_per_learner")).to_have_text("10.00")
    expect(page.locator('[data-field="result_surplus"]')).to_be_visible()
    expect(page.locator('[data-field="result_gap"]')).to_be_hidden()

    # Fifteen paying learners instead of the twenty planned: the same costs, less income.
    type_answers(page, ws, {"learners": 15})
    expect(page.locator('[data-field="group_differs"]')).to_be_visible()
    expect(output(page, "cost_for_group")).to_have_text("4,250.00")
    expect(output(page, "surplus")).to_have_text(f"{MINUS}425.00")
    expect(output(page, "surplus_per_learner")).to_have_text(f"{MINUS}28.33")
    expect(page.locator('[data-field="result_gap"]')).to_be_visible()
    expect(page.locator('[data-field="result_surplus"]')).to_be_hidden()
    ws.saved(page)
    assert ws.record(page, "revenue-streams")["computed"]["surplus"] == -425
