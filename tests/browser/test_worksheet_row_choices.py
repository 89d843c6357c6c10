"""A choice among another worksheet's rows: the assessment plan chooses the curriculum's outcomes.
The choice follows its outcome when it is moved or reworded, tells when it was removed (and keeps
the answer), survives a reload and an export and import, and the plan names the outcomes no row
assesses, in English and in Estonian."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import Worksheets
from tests.browser.test_workbook_page import open_workbook
from tests.browser.test_worksheet_word import take
from tests.word import body_text, open_document

pytestmark = pytest.mark.browser

OUTCOMES = [
    {"outcome": "Plans a four-week posting calendar"},
    {"outcome": "Photographs own work with a smartphone"},
    {"outcome": "Reads the statistics of posts"},
    {"outcome": "Sets up an online booking link"},
]
PLAN = "assessment-plan"


def fill_curriculum(page: Page, ws: Worksheets) -> None:
    ws.open(page, "curriculum")
    ws.fill(page, {"outcomes": OUTCOMES})
    ws.saved(page)


def choose(page: Page, ws: Worksheets, row: int, outcome: str) -> None:
    ws.control(page, f"plan.{row}.outcome").select_option(label=outcome)


def chosen(page: Page, ws: Worksheets, row: int) -> object:
    """The text of the option a row of the plan shows as chosen."""
    return ws.control(page, f"plan.{row}.outcome").locator("option:checked")


def unassessed(page: Page) -> object:
    return page.locator('output[name="unassessed_outcomes"]')


def plan_with_two_choices(page: Page, ws: Worksheets) -> Page:
    fill_curriculum(page, ws)
    plan = ws.open(ws.tab(), PLAN)
    choose(plan, ws, 0, OUTCOMES[1]["outcome"])
    choose(plan, ws, 1, OUTCOMES[0]["outcome"])
    ws.saved(plan)
    return plan


def test_the_plan_offers_the_curriculums_outcomes_and_names_those_not_assessed(
    page: Page, ws: Worksheets
) -> None:
    plan = plan_with_two_choices(page, ws)
    expect(unassessed(plan)).to_have_text(f"{OUTCOMES[2]['outcome']}; {OUTCOMES[3]['outcome']}")
    expect(plan.locator('output[name="unassessed"]')).to_have_text("2")
    choose(plan, ws, 2, OUTCOMES[3]["outcome"])
    plan.locator('[data-ws-op="add"][data-ws-field="plan"]').click()
    choose(plan, ws, 3, OUTCOMES[2]["outcome"])
    expect(plan.locator('output[name="unassessed"]')).to_have_text("0")
    expect(unassessed(plan)).to_be_hidden()


def test_a_choice_follows_its_outcome_when_it_is_reworded_and_moved(
    page: Page, ws: Worksheets
) -> None:
    plan = plan_with_two_choices(page, ws)
    stored = ws.record(plan, PLAN)["answers"]["plan"][0]["outcome"]
    ws.control(page, "outcomes.1.outcome").fill("Photographs and edits own work")
    page.locator('[data-ws-op="up"][data-ws-field="outcomes"][data-ws-index="1"]').click()
    ws.saved(page)
    expect(chosen(plan, ws, 0)).to_have_text("Photographs and edits own work")
    assert ws.record(plan, PLAN)["answers"]["plan"][0]["outcome"] == stored
    plan.reload()
    expect(chosen(plan, ws, 0)).to_have_text("Photographs and edits own work")


def test_a_removed_outcome_is_told_of_and_the_choice_is_kept(page: Page, ws: Worksheets) -> None:
    plan = plan_with_two_choices(page, ws)
    before = ws.record(plan, PLAN)["answers"]["plan"][1]["outcome"]
    page.locator('[data-ws-op="remove"][data-ws-field="outcomes"][data-ws-index="0"]').click()
    ws.saved(page)
    note = plan.locator("#ws-assessment-plan-plan-1-outcome-warning")
    expect(note).to_have_text(
        "The row you chose is no longer in “Curriculum”: it was removed there."
        " Your choice is kept until you choose again."
    )
    expect(ws.control(plan, "plan.1.outcome")).to_have_attribute(
        "aria-describedby", "ws-assessment-plan-plan-1-outcome-warning"
    )
    plan.reload()
    expect(note).to_be_visible()
    assert ws.record(plan, PLAN)["answers"]["plan"][1]["outcome"] == before
    estonian = ws.open(ws.tab(), PLAN, "et")
    expect(estonian.locator("#ws-assessment-plan-plan-1-outcome-warning")).to_have_text(
        "Valitud rida pole enam töölehel „Õppekava“: see on sealt eemaldatud."
        " Sinu valik jääb alles, kuni valid uuesti."
    )
    expect(estonian.locator('output[name="unassessed_outcomes"]')).to_have_text(
        f"{OUTCOMES[2]['outcome']}; {OUTCOMES[3]['outcome']}"
    )


def test_the_choices_come_back_with_an_exported_answers_file(
    page: Page, ws: Worksheets, write_json
) -> None:
    plan = plan_with_two_choices(page, ws)
    before = ws.record(plan, PLAN)["answers"]["plan"]
    exported = ws.export(plan, "sheet")
    ws.action(plan, "clear").click()
    ws.confirm(plan)
    expect(chosen(plan, ws, 0)).to_have_text("Choose…")
    ws.import_file(plan, write_json(exported))
    ws.confirm(plan)
    expect(chosen(plan, ws, 0)).to_have_text(OUTCOMES[1]["outcome"])
    assert ws.record(plan, PLAN)["answers"]["plan"] == before


def test_an_answers_file_without_row_ids_keeps_every_answer(
    page: Page, ws: Worksheets, write_json
) -> None:
    ws.open(page, "curriculum")
    old = {
        "format": "mctoolkit-answers",
        "formatVersion": 2,
        "exported": "2026-01-31T10:00:00.000Z",
        "scope": "workbook",
        "workbook": {"name": ""},
        "worksheets": {"curriculum": {"version": 1, "answers": {"outcomes": OUTCOMES}}},
    }
    ws.import_file(page, write_json(old))
    ws.confirm(page)
    ws.expect_shown(page, {"outcomes": OUTCOMES})
    assert ws.stored(page, "curriculum")["outcomes"] == OUTCOMES
    plan = ws.open(ws.tab(), PLAN)
    choose(plan, ws, 0, OUTCOMES[2]["outcome"])
    expect(unassessed(plan)).to_have_text(
        f"{OUTCOMES[0]['outcome']}; {OUTCOMES[1]['outcome']}; {OUTCOMES[3]['outcome']}"
    )


def test_the_filled_plan_with_a_removed_outcome_has_no_axe_violations(
    page: Page, ws: Worksheets
) -> None:
    plan = plan_with_two_choices(page, ws)
    page.locator('[data-ws-op="remove"][data-ws-field="outcomes"][data-ws-index="0"]').click()
    ws.saved(page)
    expect(plan.locator("#ws-assessment-plan-plan-1-outcome-warning")).to_be_visible()
    assert axe_violations(plan, "[data-ws-root]") == []


def test_a_copy_of_the_workbook_keeps_the_choices(page: Page, ws: Worksheets) -> None:
    plan = plan_with_two_choices(page, ws)
    plan.close()
    open_workbook(page, ws)
    ws.action(page, "book-copy").click()
    expect(ws.status(page)).to_contain_text("was made and is open")
    ws.open(page, PLAN)
    expect(chosen(page, ws, 0)).to_have_text(OUTCOMES[1]["outcome"])
    expect(chosen(page, ws, 1)).to_have_text(OUTCOMES[0]["outcome"])


def test_the_word_file_names_each_chosen_outcome_by_its_words(
    page: Page, ws: Worksheets, tmp_path: Path
) -> None:
    plan = plan_with_two_choices(page, ws)
    text = body_text(open_document(take(plan, ws, "word", tmp_path)))
    assert OUTCOMES[1]["outcome"] in text and OUTCOMES[0]["outcome"] in text
    assert not re.search(r"\br\d+\b", text)
