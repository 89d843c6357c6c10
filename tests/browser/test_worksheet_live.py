"""The live form: computed values, conditions, progress, values linked from other worksheets."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Worksheets

pytestmark = pytest.mark.browser


def output(page: Page, name: str):
    return page.locator(f'form.ws-form output[name="{name}"]')


def test_computed_values_follow_the_answers_as_they_are_typed(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    expect(output(page, "ekap")).to_have_text("—")
    ws.control(page, "hours").fill("52")
    expect(output(page, "ekap")).to_have_text("2.0")
    ws.fill(page, {"modules": [{"hours": 20}, {"hours": 26}]})
    expect(output(page, "module_hours")).to_have_text("46")
    expect(output(page, "hours_match")).to_have_text("6")
    ws.control(page, "modules.1.hours").fill("")
    expect(output(page, "module_hours")).to_have_text("20")
    expect(output(page, "hours_match")).to_have_text("32")


def test_computed_values_are_written_in_the_page_language(page: Page, ws: Worksheets) -> None:
    ws.open(page, language="et")
    ws.control(page, "hours").fill("40")
    expect(output(page, "ekap")).to_have_text("1,5")


def test_the_cost_worksheet_works_out_fee_and_break_even(page: Page, ws: Worksheets) -> None:
    ws.open(page, "cost-structure")
    ws.fill(page, ws.COST_ANSWERS)
    for name, text in ws.COST_TOTALS.items():
        expect(output(page, name)).to_have_text(text)


def test_a_blank_input_leaves_a_computed_value_blank_not_an_error(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "cost-structure")
    ws.fill(page, {"fixed_costs": [{"amount": 1000}]})
    expect(output(page, "total_fixed")).to_have_text("1,000.00")
    expect(output(page, "cost_per_learner")).to_have_text("—")


def test_break_even_without_a_fee_is_blank_and_says_why_never_zero(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "cost-structure")
    ws.fill(page, {"fixed_costs": [{"amount": 1000}]})
    expect(output(page, "break_even")).to_have_text("—")
    expect(page.locator("#ws-cost-structure-break_even-note")).to_have_text(
        "Worked out once you answer: “Planned number of learners”, “Margin (mark-up on cost)”."
    )
    ws.fill(page, {"learners": 10, "margin": 20})
    expect(output(page, "break_even")).to_have_text("9")
    expect(page.locator("#ws-cost-structure-break_even-note")).to_have_text(
        "Worked out from your answers"
    )


def test_break_even_that_no_group_reaches_is_blank_and_says_why(page: Page, ws: Worksheets) -> None:
    ws.open(page, "cost-structure", "et")
    ws.fill(page, {"fixed_costs": [{"amount": "0"}], "learners": "10", "margin": "0"})
    ws.fill(page, {"variable_costs": [{"amount": "200"}]})
    expect(output(page, "break_even")).to_have_text("—")
    expect(page.locator("#ws-cost-structure-break_even-note")).to_have_text(
        "Nende vastuste põhjal ei saa seda arvutada."
    )


def test_a_condition_shows_a_field_only_when_it_holds(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    platform = page.locator('[data-field="online_platform"]')
    expect(platform).to_be_hidden()
    ws.fill(page, {"participation": "blended"})
    expect(platform).to_be_visible()
    ws.fill(page, {"participation": "onsite"})
    expect(platform).to_be_hidden()


def test_a_hidden_answer_is_kept_and_comes_back_with_its_field(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, {"participation": "online", "online_platform": "Moodle"})
    ws.fill(page, {"participation": "onsite"})
    assert ws.stored(page)["online_platform"] == "Moodle"
    page.reload()
    expect(page.locator('[data-field="online_platform"]')).to_be_hidden()
    ws.fill(page, {"participation": "online"})
    ws.expect_shown(page, {"online_platform": "Moodle"})


def test_the_progress_bar_counts_questions_and_required_answers(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    text = page.locator("[data-ws-progress-text]")
    expect(text).to_have_text("Not started · 0 of 12 questions answered")
    ws.fill(page, {"course_title": "Welding", "hours": 40})
    expect(text).to_have_text("2 of 4 required answers · 2 of 12 questions answered")
    expect(page.locator("progress")).to_have_js_property("value", 2)
    ws.fill(page, {"participation": "work_based"})
    expect(text).to_have_text("3 of 4 required answers · 3 of 12 questions answered")
    ws.fill(page, {"modules": [{"name": "Planning"}]})
    expect(text).to_have_text("Started · 4 of 12 questions answered")


def test_a_linked_value_comes_from_the_other_worksheet(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    expect(output(page, "course_cost")).to_have_text("Not filled in yet")
    ws.open(page, "cost-structure")
    ws.fill(page, ws.COST_ANSWERS)
    ws.saved(page)
    ws.open(page)
    expect(output(page, "course_cost")).to_have_text("4,500.00 EUR")
    link = page.locator('[data-field="course_cost"] .ws-note a')
    expect(link).to_have_text("Cost structure")
    expect(link).to_have_attribute("href", "../cost-structure/")
    ws.fill(page, {"fee": 300})
    expect(output(page, "fee_cover")).to_have_text("15")


def test_a_linked_value_follows_the_other_worksheet_live(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    other = ws.open(ws.tab(), "cost-structure")
    ws.fill(other, {"fixed_costs": [{"amount": 1000}], "learners": 10})
    expect(output(page, "course_cost")).to_have_text("1,000.00 EUR")
    ws.fill(other, {"variable_costs": [{"amount": 10}]})
    expect(output(page, "course_cost")).to_have_text("1,100.00 EUR")


def test_a_number_out_of_range_is_kept_and_marked(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    hours = ws.control(page, "hours")
    hours.fill("2000")
    expect(hours).to_have_attribute("aria-invalid", "true")
    message = page.locator("#ws-showcase-hours-error")
    expect(message).to_have_text("Enter 1000 or less.")
    expect(hours).to_have_attribute(
        "aria-describedby", "ws-showcase-hours-unit ws-showcase-hours-error"
    )
    assert ws.stored(page)["hours"] == 2000
    hours.fill("100")
    expect(message).to_have_count(0)
    expect(hours).not_to_have_attribute("aria-invalid", "true")


def test_a_linked_table_shows_read_only_with_its_labels(page: Page, linked_site: str) -> None:
    page.goto(f"{linked_site}source/")
    form = page.locator("form.ws-form")
    form.locator('[name="outcomes.0.text"]').fill("Plans a social media post")
    form.locator('[name="outcomes.0.level"]').select_option("advanced")
    form.locator('[name="outcomes.1.text"]').fill("Photographs a haircut")
    form.locator('[name="mode"][value="onsite"]').check()
    expect(page.locator("[data-ws-root]")).to_have_attribute("data-ws-state", "saved")
    page.goto(f"{linked_site}target/")
    expect(page.locator('output[name="their_mode"]')).to_have_text("On site")
    expect(page.locator('output[name="their_outcomes"]')).to_have_text("Rows: 3")
    table = page.locator('[data-field="their_outcomes"] table')
    expect(table.locator("th")).to_have_text(["Outcome", "Level"])
    expect(table.locator("tbody tr").first.locator("td")).to_have_text(
        ["Plans a social media post", "Advanced"], use_inner_text=True
    )
    expect(table).to_have_accessible_name("Outcomes")
    expect(table.locator("input, select, textarea")).to_have_count(0)
    expect(page.locator('[data-field="their_outcomes"] .ws-note a')).to_have_attribute(
        "href", "../source/"
    )


def test_a_narrow_linked_table_names_each_cell_by_its_column(page: Page, linked_site: str) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{linked_site}source/")
    page.locator('form.ws-form [name="outcomes.0.text"]').fill("Plans a social media post")
    expect(page.locator("[data-ws-root]")).to_have_attribute("data-ws-state", "saved")
    page.goto(f"{linked_site}target/")
    cells = page.locator('[data-field="their_outcomes"] table tbody tr').first.locator("td")
    expect(cells).to_have_text(
        ["Outcome\nPlans a social media post", "Level\n—"], use_inner_text=True
    )
