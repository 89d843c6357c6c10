"""A value that breaks its field's rules stays where it was typed, marked, and counts in no formula.

What a formula cannot work out shows "—", and its note says why; dates that contradict each other
are warned of.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import Worksheets


def output(page: Page, name: str) -> object:
    return page.locator(f'output[name="{name}"]')


def note(page: Page, sheet: str, name: str) -> object:
    return page.locator(f"#ws-{sheet}-{name}-note")


def test_a_number_above_its_bound_is_kept_but_left_out_of_the_formulas(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "curriculum")
    ws.fill(page, {"guided_hours": 60, "hours_per_ects": 35})
    expect(ws.control(page, "hours_per_ects")).to_have_attribute("aria-invalid", "true")
    expect(output(page, "total_hours")).to_have_text("60")
    expect(output(page, "ects")).to_have_text("—")
    expect(note(page, "curriculum", "ects")).to_have_text(
        "Not worked out until you correct: “Hours per ECTS credit”."
    )
    ws.saved(page)
    assert ws.stored(page, "curriculum")["hours_per_ects"] == 35
    assert "ects" not in ws.record(page, "curriculum")["computed"]
    ws.fill(page, {"hours_per_ects": 30})
    expect(output(page, "ects")).to_have_text("2.0")
    expect(note(page, "curriculum", "ects")).to_have_text("Worked out from your answers")


def test_a_negative_number_counts_in_no_total_and_no_share(page: Page, ws: Worksheets) -> None:
    ws.open(page, "curriculum")
    ws.fill(page, {"guided_hours": -5, "self_directed_hours": 16})
    expect(ws.control(page, "guided_hours")).to_have_attribute("aria-invalid", "true")
    for name in ("total_hours", "guided_share", "ekap", "ects"):
        expect(output(page, name)).to_have_text("—")
    expect(note(page, "curriculum", "guided_share")).to_have_text(
        "Not worked out until you correct: “Guided learning”."
    )
    expect(ws.control(page, "guided_hours")).to_have_value("-5")


def test_an_unreadable_number_blanks_the_formulas_that_read_it(page: Page, ws: Worksheets) -> None:
    ws.open(page, "curriculum", "et")
    ws.fill(page, {"guided_hours": "20", "self_directed_hours": "1.000"})
    expect(output(page, "total_hours")).to_have_text("—")
    expect(note(page, "curriculum", "total_hours")).to_have_text(
        "Ei arvutata, kuni oled parandanud: „Iseseisev õpe“."
    )


def test_a_bad_cell_of_a_table_blanks_only_the_totals_of_its_column(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "cost-structure")
    ws.fill(page, {"fixed_costs": [{"amount": 1000}, {"amount": -200}], "learners": 10})
    expect(output(page, "total_fixed")).to_have_text("—")
    expect(note(page, "cost-structure", "total_fixed")).to_have_text(
        "Not worked out until you correct: “Fixed costs of one run: Amount”."
    )
    ws.fill(page, {"variable_costs": [{"amount": 10}]})
    expect(output(page, "variable_per_learner")).to_have_text("10.00")
    expect(output(page, "total_variable")).to_have_text("100.00")


def test_a_course_ending_before_it_starts_is_warned_of(page: Page, ws: Worksheets) -> None:
    ws.open(page, "learner-journey")
    ws.fill(page, {"course_start": "2027-03-02", "course_end": "2027-02-20"})
    warning = page.locator("#ws-learner-journey-course_end-warning")
    expect(warning).to_have_text("This date is before “Course starts”. Check the dates.")
    end = ws.control(page, "course_end")
    expect(end).to_have_attribute("aria-describedby", "ws-learner-journey-course_end-warning")
    ws.saved(page)
    assert ws.stored(page, "learner-journey")["course_end"] == "2027-02-20"
    ws.fill(page, {"course_end": "2027-04-12"})
    expect(warning).to_have_count(0)


def test_applications_closing_before_marketing_starts_is_warned_of_in_estonian(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "learner-journey", "et")
    ws.fill(page, {"marketing_start": "2027-01-05", "applications_close": "2026-12-20"})
    expect(page.locator("#ws-learner-journey-applications_close-warning")).to_have_text(
        "See kuupäev on varasem kui „Turunduse algus“. Kontrolli kuupäevi."
    )
