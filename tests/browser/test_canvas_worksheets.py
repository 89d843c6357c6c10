"""The canvas's own worksheets (value proposition, channels, learner relationships, key
activities, key resources, key partners, recognition) and those around the canvas: each filled
with its worked example and by typing, what it works out and what it takes from the worksheets
before it survive a reload and a language switch there and back."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import Worksheets
from tests.browser.test_workbook_worksheets import (
    expect_outputs,
    expect_through_reload_and_languages,
    load_example,
    output,
)

pytestmark = pytest.mark.browser

NBSP = "\u00a0"
PROMISE = "In six weeks of evenings, small-salon owners learn to bring in weekday bookings"


def field(page: Page, name: str):
    return page.locator(f'form.ws-form [data-field="{name}"]')


def test_the_value_proposition_counts_unanswered_pains_and_shows_the_persona(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "learner-persona")
    load_example(page, ws, "value-proposition")
    expect(output(page, "pains_open")).to_have_text("0")
    ws.fill(page, {"pains": [{}, {}, {}, {}, {"pain": "Cannot find the price on the page"}]})
    ws.saved(page)
    shown = {"persona": "Kadri", "pains_open": "1"}
    expect_through_reload_and_languages(page, ws, "value-proposition", shown, shown)
    assert ws.stored(page, "value-proposition")["promise"].startswith(PROMISE)


def test_the_channels_show_the_timeline_and_cost_against_the_start_date(
    page: Page, ws: Worksheets
) -> None:
    for sheet in ("learner-persona", "value-proposition", "learner-journey", "channels"):
        load_example(page, ws, sheet)
    common = {
        "persona": "Kadri",
        "course_start": "2026-03-02",
        "channel_count": "5",
        "earliest_weeks": "8",
        "latest_weeks": "6",
    }
    english = {**common, "channels_cost": "500.00"}
    estonian = {**common, "channels_cost": "500,00"}
    expect_through_reload_and_languages(page, ws, "channels", english, estonian)
    expect(output(page, "promise")).to_contain_text(PROMISE[:20])
    expect(field(page, "too_late")).to_be_hidden()


def test_the_channels_warn_when_marketing_starts_less_than_eight_weeks_ahead(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "channels")
    ws.fill(page, {"channels": [{"channel": "Leaflets", "weeks_before": "4", "cost": "120.5"}]})
    expect(field(page, "too_late")).to_be_visible()
    expect(output(page, "channels_cost")).to_have_text("120.50")
    ws.fill(page, {"channels": [{"weeks_before": "10"}]})
    expect(field(page, "too_late")).to_be_hidden()


def test_learner_relationships_name_the_phases_without_support(page: Page, ws: Worksheets) -> None:
    ws.open(page, "learner-relationships")
    ws.fill(page, {"before_support": [{"support": "Advice call"}]})
    expect(output(page, "phases_without")).to_have_text("2")
    expect(field(page, "gap_note")).to_be_visible()


def test_learner_relationships_example_has_support_in_every_phase_in_both_languages(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "learner-persona")
    load_example(page, ws, "learner-relationships")
    shown = {
        "persona": "Kadri",
        "before_count": "2",
        "during_count": "3",
        "after_count": "2",
        "phases_without": "0",
    }
    expect_through_reload_and_languages(page, ws, "learner-relationships", shown, shown)
    expect(field(page, "gap_note")).to_be_hidden()


# Per worksheet: the worksheets it takes values from, answers that reveal its conditions, and
# the table to add a row to.
IN_USE = {
    "value-proposition": (["learner-persona"], {}, "pains"),
    "channels": (["value-proposition", "learner-journey"], {}, "channels"),
    "learner-relationships": ([], {}, "before_support"),
    "key-activities": (["curriculum"], {}, "activities"),
    "key-resources": (["curriculum"], {}, "resources"),
    "key-partners": ([], {}, "partners"),
}


@pytest.mark.parametrize("sheet", list(IN_USE))
def test_each_canvas_worksheet_in_use_has_no_axe_violations(
    page: Page, ws: Worksheets, sheet: str
) -> None:
    sources, answers, table = IN_USE[sheet]
    for source in sources:
        load_example(page, ws, source)
    load_example(page, ws, sheet)
    ws.fill(page, answers)
    count = ws.rows(page, table)
    page.locator(f'[data-ws-op="add"][data-ws-field="{table}"]').click()
    expect(ws.row_locator(page, table)).to_have_count(count + 1)
    ws.saved(page)
    assert axe_violations(page) == []


def test_activities_resources_and_partners_price_their_rows_and_meet_the_cost_structure(
    page: Page, ws: Worksheets
) -> None:
    for sheet in ("curriculum", "channels", "key-activities", "key-resources", "key-partners"):
        load_example(page, ws, sheet)
    ws.open(page, "key-activities")
    expect(output(page, "curriculum_hours")).to_have_text("26")
    english = {"activity_hours": "90", "activities_fixed": "3,000.00", "unpriced": "0"}
    estonian = {"activity_hours": "90", "activities_fixed": f"3{NBSP}000,00", "unpriced": "0"}
    expect_through_reload_and_languages(page, ws, "key-activities", english, estonian)
    ws.open(page, "key-resources")
    expect(output(page, "resources_per_learner")).to_have_text("25.00")
    ws.open(page, "key-partners")
    expect_outputs(
        page, {"partner_count": "3", "needs_named": "2", "partners_per_learner": "25.00"}
    )
    load_example(page, ws, "cost-structure")
    english = {
        "named_fixed": "3,500.00",
        "named_per_learner": "50.00",
        "channels_cost": "500.00 EUR",
    }
    estonian = {
        "named_fixed": f"3{NBSP}500,00",
        "named_per_learner": "50,00",
        "channels_cost": "500,00 EUR",
    }
    expect_through_reload_and_languages(page, ws, "cost-structure", english, estonian)
    expect(field(page, "carried_missing")).to_be_hidden()


def test_the_cost_structure_says_when_other_worksheets_name_costs_it_lacks(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "key-partners")
    ws.fill(page, {"partners": [{"partner": "Caterer", "cost_per_learner": "25"}]})
    ws.saved(page)
    ws.open(page, "cost-structure")
    expect(output(page, "named_per_learner")).to_have_text("25.00")
    expect(field(page, "carried_missing")).to_be_visible()
    ws.fill(page, {"variable_costs": [{"item": "Lunch", "amount": "25"}]})
    expect(field(page, "carried_missing")).to_be_hidden()
