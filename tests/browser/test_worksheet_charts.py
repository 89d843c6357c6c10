"""The charts drawn in a worksheet from the reader's answers: the readiness scores as bars, and
cost against income by the number of learners on the cost structure and the revenue streams.
Each is read through its text equivalent (the table screen readers get) as answers are typed the
way each language writes numbers, follows an answer that changes, keeps axe-core quiet and
prints black on white within an A4 page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import COST_ANSWERS, Worksheets
from tests.browser.test_workbook_worksheets import load_example

pytestmark = pytest.mark.browser

NBSP = "\u00a0"
MINUS = "\u2212"
BREAK_EVEN = "break_even_chart"


def chart(page: Page, chart_id: str) -> Locator:
    return page.locator(f'[data-ws-chart="{chart_id}"]')


def row(page: Page, chart_id: str, first: str) -> Locator:
    """The text equivalent's row whose first cell reads `first`, as a list of its cells."""
    rows = chart(page, chart_id).locator("[data-ws-chart-table] tbody tr")
    header = page.get_by_role("rowheader", name=first, exact=True)
    return rows.filter(has=header).locator("th, td")


def summary(page: Page, chart_id: str) -> Locator:
    return chart(page, chart_id).locator("[data-ws-chart-summary]")


# The readiness self-assessment: Governance 3 and 4, Finance 2, nothing else rated yet.
RATINGS = {"governance_1": 3, "governance_2": 4, "finance_1": 2}


def test_the_readiness_chart_waits_for_a_first_rating(page: Page, ws: Worksheets) -> None:
    ws.open(page, "readiness")
    figure = chart(page, "readiness_chart")
    expect(figure.locator("[data-ws-chart-empty]")).to_be_visible()
    expect(figure.locator("[data-ws-chart-empty]")).to_contain_text("Not enough answers yet")
    expect(figure.locator("svg")).to_have_count(0)
    ws.fill(page, {"staff_2": 2})
    expect(figure.locator("[data-ws-chart-empty]")).to_be_hidden()
    expect(figure.locator("svg rect[data-bar]")).to_have_count(1)


def test_the_readiness_chart_shows_each_dimensions_score_and_the_overall(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "readiness")
    ws.fill(page, RATINGS)
    expect(row(page, "readiness_chart", "Governance")).to_have_text(["Governance", "3.5"])
    expect(row(page, "readiness_chart", "Finance")).to_have_text(["Finance", "2.0"])
    expect(row(page, "readiness_chart", "Staff capacity")).to_have_text(
        ["Staff capacity", "not rated yet"]
    )
    expect(row(page, "readiness_chart", "Overall")).to_have_text(["Overall", "3.0"])
    expect(summary(page, "readiness_chart")).to_have_text(
        "Overall 3.0 on a scale from 1 to 4. Weakest: Finance 2.0."
    )
    expect(chart(page, "readiness_chart").locator("svg rect[data-bar]")).to_have_count(2)
    expect(chart(page, "readiness_chart").locator("svg")).to_contain_text("Overall 3.0")


def test_the_readiness_chart_follows_a_changed_rating(page: Page, ws: Worksheets) -> None:
    ws.open(page, "readiness")
    ws.fill(page, RATINGS)
    expect(row(page, "readiness_chart", "Finance")).to_have_text(["Finance", "2.0"])
    ws.fill(page, {"finance_1": 4})
    expect(row(page, "readiness_chart", "Finance")).to_have_text(["Finance", "4.0"])
    expect(row(page, "readiness_chart", "Overall")).to_have_text(["Overall", "3.7"])
    expect(summary(page, "readiness_chart")).to_contain_text("Weakest: Governance 3.5.")


def test_the_readiness_chart_speaks_estonian_with_decimal_commas(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "readiness", "et")
    ws.fill(page, RATINGS)
    expect(row(page, "readiness_chart", "Juhtimine")).to_have_text(["Juhtimine", "3,5"])
    expect(row(page, "readiness_chart", "Digitaristu")).to_have_text(
        ["Digitaristu", "veel hindamata"]
    )
    expect(summary(page, "readiness_chart")).to_have_text(
        "Kokku 3,0 skaalal 1 kuni 4. Nõrgim: Rahastus 2,0."
    )
    head = chart(page, "readiness_chart").locator("thead th")
    expect(head).to_have_text(["Valdkond", "Tulemus (1–4)"])


def test_the_filled_readiness_chart_has_no_axe_violations(page: Page, ws: Worksheets) -> None:
    load_example(page, ws, "readiness")
    expect(chart(page, "readiness_chart").locator("svg rect[data-bar]")).to_have_count(7)
    assert axe_violations(page, "[data-ws-root]") == []


# The cost structure typed as the published example: 3,500 € fixed, 50 € per learner, 20
# learners, a 20 % mark-up: a fee of 270 €, break-even at 16 learners.


def test_the_cost_structure_chart_marks_the_break_even_and_the_planned_group(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "cost-structure")
    figure = chart(page, BREAK_EVEN)
    expect(figure.locator("[data-ws-chart-empty]")).to_contain_text("Not enough answers yet")
    ws.fill(page, COST_ANSWERS)
    expect(summary(page, BREAK_EVEN)).to_have_text(
        "Break-even at 16 learners; the planned group is 20 learners."
    )
    expect(row(page, BREAK_EVEN, "15")).to_have_text(
        ["15", "4,250.00 EUR", "4,050.00 EUR", f"{MINUS}200.00 EUR"]
    )
    expect(row(page, BREAK_EVEN, "16")).to_have_text(
        ["16", "4,300.00 EUR", "4,320.00 EUR", "20.00 EUR"]
    )
    expect(row(page, BREAK_EVEN, "40")).to_have_text(
        ["40", "5,500.00 EUR", "10,800.00 EUR", "5,300.00 EUR"]
    )
    marks = figure.locator("svg [data-mark]")
    expect(marks).to_have_count(2)
    assert [marks.nth(i).get_attribute("data-mark") for i in range(2)] == ["16", "20"]


def test_the_cost_structure_chart_follows_a_changed_group(page: Page, ws: Worksheets) -> None:
    ws.open(page, "cost-structure")
    ws.fill(page, COST_ANSWERS)
    expect(summary(page, BREAK_EVEN)).to_contain_text("Break-even at 16 learners")
    # 25 learners: 190 € a learner, a fee of 228 €, 3,500 ÷ 178 rounded up is 20.
    ws.fill(page, {"learners": 25})
    expect(summary(page, BREAK_EVEN)).to_have_text(
        "Break-even at 20 learners; the planned group is 25 learners."
    )
    expect(row(page, BREAK_EVEN, "50")).to_have_text(
        ["50", "6,000.00 EUR", "11,400.00 EUR", "5,400.00 EUR"]
    )


def test_the_cost_structure_chart_reads_estonian_numbers(page: Page, ws: Worksheets) -> None:
    ws.open(page, "cost-structure", "et")
    ws.fill(
        page,
        {
            "fixed_costs": [{"amount": "2 400"}, {"amount": "600"}, {"amount": "500"}],
            "variable_costs": [{"amount": "24,5"}, {"amount": "20,5"}, {"amount": "5"}],
            "learners": "20",
            "margin": "20",
        },
    )
    expect(summary(page, BREAK_EVEN)).to_have_text(
        "Tasuvuspunkt on 16 õppijat; kavandatud rühmas on 20 õppijat."
    )
    expect(row(page, BREAK_EVEN, "16")).to_have_text(
        ["16", f"4{NBSP}300,00 EUR", f"4{NBSP}320,00 EUR", "20,00 EUR"]
    )
    head = chart(page, BREAK_EVEN).locator("thead th")
    expect(head).to_have_text(["Õppijaid", "Kogukulu", "Tulud kokku", re.compile("^Ülejääk")])
    expect(chart(page, BREAK_EVEN).locator("svg")).to_contain_text(f"10{NBSP}000")


def test_the_revenue_chart_sets_income_against_the_cost_structures_costs(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "cost-structure", "et")
    ws.open(page, "revenue-streams", "et")
    ws.fill(
        page,
        {
            "fixed_income": [{"amount": "800"}, {"amount": "400"}],
            "fee": "160",
            "other_variable_income": [{"amount": "15"}],
            "learners": "20",
        },
    )
    expect(summary(page, BREAK_EVEN)).to_have_text(
        "Tasuvuspunkt on 19 õppijat; kavandatud rühmas on 20 õppijat."
    )
    expect(row(page, BREAK_EVEN, "18")).to_have_text(
        ["18", f"4{NBSP}400,00 EUR", f"4{NBSP}350,00 EUR", f"{MINUS}50,00 EUR"]
    )
    expect(row(page, BREAK_EVEN, "19")).to_have_text(
        ["19", f"4{NBSP}450,00 EUR", f"4{NBSP}525,00 EUR", "75,00 EUR"]
    )
    # A fee of 200 €: each learner leaves 165 €, and 2,300 € ÷ 165 rounded up is 14.
    ws.fill(page, {"fee": "200"})
    expect(summary(page, BREAK_EVEN)).to_contain_text("Tasuvuspunkt on 14 õppijat")


def test_the_revenue_chart_says_when_no_group_breaks_even(page: Page, ws: Worksheets) -> None:
    load_example(page, ws, "cost-structure")
    ws.open(page, "revenue-streams")
    ws.fill(page, {"fixed_income": [{"amount": "0"}], "fee": "40", "learners": "20"})
    expect(summary(page, BREAK_EVEN)).to_have_text(
        "No break-even: each learner brings in no more than they cost. "
        "The planned group is 20 learners."
    )
    expect(chart(page, BREAK_EVEN).locator("svg [data-break-even]")).to_have_count(0)


def test_the_filled_break_even_charts_have_no_axe_violations(page: Page, ws: Worksheets) -> None:
    load_example(page, ws, "cost-structure")
    expect(chart(page, BREAK_EVEN).locator("svg [data-break-even]")).to_have_count(1)
    assert axe_violations(page, "[data-ws-root]") == []
    load_example(page, ws, "revenue-streams", "et")
    expect(chart(page, BREAK_EVEN).locator("svg [data-break-even]")).to_have_count(1)
    assert axe_violations(page, "[data-ws-root]") == []


def test_a_printed_chart_is_black_on_white_within_an_a4_page(page: Page, ws: Worksheets) -> None:
    load_example(page, ws, "cost-structure")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.emulate_media(media="print")
    drawing = chart(page, BREAK_EVEN).locator("svg")
    expect(drawing).to_be_visible()
    box = drawing.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 794
    colour = drawing.evaluate("svg => getComputedStyle(svg).color")
    assert colour == "rgb(0, 0, 0)"
    expect(summary(page, BREAK_EVEN)).to_be_visible()


def test_the_revenue_chart_marks_the_group_planned_in_the_cost_structure(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "cost-structure")
    ws.open(page, "revenue-streams")
    # A smaller group tried here changes the sums below, not the group the course is planned for.
    ws.fill(page, {"fixed_income": [{"amount": "0"}], "fee": "40", "learners": "12"})
    expect(summary(page, BREAK_EVEN)).to_contain_text("The planned group is 20 learners.")
