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
    "recognition": (["curriculum"], {}, "stacking_paths"),
    "assessment-plan": (["curriculum"], {}, "plan"),
    "quality-assurance": ([], {}, None),
    "readiness": ([], {}, None),
    "pilot-evaluation": (["cost-structure", "revenue-streams"], {}, "changes"),
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
    if table:
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


def test_recognition_shows_the_curriculums_level_and_credits_and_counts_recognisers(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "curriculum")
    load_example(page, ws, "recognition")
    english = {"eqf_level": "EQF level 4", "ekap": "2.0", "ects": "1.9", "recognisers_count": "2"}
    estonian = {"eqf_level": "EQF tase 4", "ekap": "2,0", "ects": "1,9", "recognisers_count": "2"}
    expect_through_reload_and_languages(page, ws, "recognition", english, estonian)
    expect(field(page, "counts_towards")).to_be_visible()
    ws.fill(page, {"stackability": "standalone"})
    expect(field(page, "counts_towards")).to_be_hidden()
    ws.saved(page)
    assert ws.stored(page, "recognition")["counted_ekap"] == 2


def test_the_assessment_plan_lists_the_curriculums_outcomes_and_names_the_unassessed(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "curriculum")
    ws.open(page, "assessment-plan")
    # the worked example's outcomes, stored without ids, are numbered r1, r2, ... when read
    plan = [{"outcome": "r1", "method": "portfolio"}, {"outcome": "r2", "method": "practical"}]
    ws.fill(page, {"plan": plan})
    ws.saved(page)
    shown = {"outcome_count": "5", "assessed_count": "2", "unassessed": "3"}
    expect_through_reload_and_languages(page, ws, "assessment-plan", shown, shown)
    rows = field(page, "outcomes").locator(".ws-linked-rows tbody tr")
    expect(rows).to_have_count(5)
    expect(rows.first).to_contain_text("Plans a four-week posting calendar")
    expect(field(page, "unassessed_outcomes").locator("output")).to_contain_text(
        "Writes and publishes posts"
    )
    expect(field(page, "unassessed_note")).to_be_visible()


def test_the_assessment_plan_example_assesses_every_outcome(page: Page, ws: Worksheets) -> None:
    load_example(page, ws, "curriculum")
    load_example(page, ws, "assessment-plan")
    shown = {"outcome_count": "5", "assessed_count": "5", "unassessed": "0"}
    expect_through_reload_and_languages(page, ws, "assessment-plan", shown, shown)
    expect(field(page, "unassessed_note")).to_be_hidden()


def test_the_quality_checklist_counts_the_principles_met(page: Page, ws: Worksheets) -> None:
    load_example(page, ws, "quality-assurance")
    shown = {"principles_count": "8", "principles_open": "2"}
    expect_through_reload_and_languages(page, ws, "quality-assurance", shown, shown)
    ws.fill(page, {"principles_met": ["authentic", "information_guidance"]})
    expect(output(page, "principles_open")).to_have_text("0")
    expect(field(page, "all_met")).to_be_visible()


def test_readiness_scores_each_dimension_and_advises_on_the_weakest(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "readiness")
    english = {
        "score_governance": "3.3",
        "score_quality": "3.0",
        "score_staff": "2.3",
        "score_finance": "2.3",
        "rated": "21",
        "score_overall": "2.8",
        "score_lowest": "2.3",
    }
    estonian = {key: value.replace(".", ",") for key, value in english.items()}
    expect_through_reload_and_languages(page, ws, "readiness", english, estonian)
    expect(field(page, "advice_staff")).to_be_visible()
    expect(field(page, "advice_finance")).to_be_visible()
    expect(field(page, "advice_governance")).to_be_hidden()
    expect(field(page, "advice_finance").locator('a[href="../cost-structure/"]')).to_have_count(1)
    ws.fill(page, {"finance_1": 4, "finance_2": 4})
    expect(output(page, "score_finance")).to_have_text("3.7")
    expect(field(page, "advice_finance")).to_be_hidden()


def test_the_pilot_evaluation_sets_the_first_run_against_the_plan(
    page: Page, ws: Worksheets
) -> None:
    for sheet in ("curriculum", "cost-structure", "revenue-streams", "pilot-evaluation"):
        load_example(page, ws, sheet)
    common = {
        "planned_learners": "20",
        "break_even": "19",
        "enrolment_rate": "90%",
        "completion_rate": "89%",
        "workload_difference": "6",
        "changes_count": "2",
    }
    english = {**common, "cost_difference": "20.00", "actual_result": "\u2212170.00"}
    estonian = {**common, "cost_difference": "20,00", "actual_result": "\u2212170,00"}
    expect_through_reload_and_languages(page, ws, "pilot-evaluation", english, estonian)
    expect(field(page, "below_break_even")).to_be_visible()
