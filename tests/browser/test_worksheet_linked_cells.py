"""A linked column: each row of the assessment plan shows the EQF level of the curriculum's
outcome it chose. The cell follows the choice and the curriculum as they change, shows nothing
when the row is gone, is never stored, and the Word file and the course plan say the level."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import Worksheets
from tests.browser.test_workbook_dossier import chapter_text, take_plan
from tests.browser.test_workbook_page import open_workbook
from tests.browser.test_worked_example import open_example
from tests.browser.test_worksheet_transfer import Write, answers_file
from tests.browser.test_worksheet_word import take
from tests.word import control_text, open_document

pytestmark = pytest.mark.browser

OUTCOMES = [
    {"outcome": "Plans a four-week posting calendar", "level": "eqf4"},
    {"outcome": "Photographs own work with a smartphone", "level": "eqf3"},
    {"outcome": "Reads the statistics of posts"},
    {"outcome": "Sets up an online booking link", "level": "eqf2"},
]
PLAN = "assessment-plan"
WARNING = "#ws-assessment-plan-plan-0-outcome-warning"


def level(page: Page, row: int) -> object:
    return page.locator(f'form.ws-form output[name="plan.{row}.level"]')


def plan_choosing(page: Page, ws: Worksheets, *outcomes: int) -> Page:
    """The curriculum filled; the plan's rows choosing the outcomes numbered `outcomes`."""
    ws.open(page, "curriculum")
    ws.fill(page, {"outcomes": OUTCOMES})
    ws.saved(page)
    plan = ws.open(ws.tab(), PLAN)
    for row, outcome in enumerate(outcomes):
        ws.control(plan, f"plan.{row}.outcome").select_option(label=OUTCOMES[outcome]["outcome"])
    ws.saved(plan)
    return plan


def test_a_chosen_outcome_shows_its_level_and_nothing_is_stored_for_it(
    page: Page, ws: Worksheets
) -> None:
    plan = plan_choosing(page, ws, 1, 2)
    expect(level(plan, 0)).to_have_text("EQF level 3")
    expect(level(plan, 1)).to_have_text("")  # the outcome has no level yet
    expect(level(plan, 2)).to_have_text("")  # no outcome chosen
    expect(level(plan, 0)).to_have_attribute("aria-label", "EQF level (from the curriculum), row 1")
    rows = ws.record(plan, PLAN)["answers"]["plan"]
    assert all("level" not in row for row in rows)
    ws.control(plan, "plan.0.outcome").select_option(label=OUTCOMES[0]["outcome"])
    expect(level(plan, 0)).to_have_text("EQF level 4")
    ws.control(plan, "plan.0.outcome").select_option("")
    expect(level(plan, 0)).to_have_text("")
    assert plan.page_errors == []  # type: ignore[attr-defined]


def test_the_level_follows_the_curriculum_and_is_empty_when_the_outcome_is_removed(
    page: Page, ws: Worksheets
) -> None:
    plan = plan_choosing(page, ws, 0)
    expect(level(plan, 0)).to_have_text("EQF level 4")
    ws.control(page, "outcomes.0.level").select_option("eqf5")
    ws.saved(page)
    expect(level(plan, 0)).to_have_text("EQF level 5")
    plan.reload()
    expect(level(plan, 0)).to_have_text("EQF level 5")
    page.locator('[data-ws-op="remove"][data-ws-field="outcomes"][data-ws-index="0"]').click()
    ws.saved(page)
    expect(plan.locator(WARNING)).to_be_visible()
    expect(level(plan, 0)).to_have_text("")
    plan.reload()
    expect(level(plan, 0)).to_have_text("")
    expect(plan.locator(WARNING)).to_be_visible()
    assert "undefined" not in plan.locator("form.ws-form").inner_text()
    assert "null" not in plan.locator("form.ws-form").inner_text()


def test_the_estonian_page_says_the_level_in_estonian(page: Page, ws: Worksheets) -> None:
    plan_choosing(page, ws, 1)
    estonian = ws.open(ws.tab(), PLAN, "et")
    expect(level(estonian, 0)).to_have_text("EQF tase 3")
    expect(level(estonian, 0)).to_have_attribute("aria-label", "EQF tase (õppekavast), rida 1")


def test_the_word_file_and_the_course_plan_say_each_rows_level(
    page: Page, ws: Worksheets, tmp_path: Path
) -> None:
    plan = plan_choosing(page, ws, 1, 0)
    document = open_document(take(plan, ws, "word", tmp_path))
    assert control_text(document, "plan.level")[:2] == ["EQF level 3", "EQF level 4"]
    markdown = take(plan, ws, "markdown", tmp_path).read_text("utf-8")
    assert "EQF level 3" in markdown and "EQF level 4" in markdown
    open_workbook(plan, ws)
    course_plan = open_document(take_plan(plan, tmp_path))
    chapter = chapter_text(course_plan, PLAN)
    assert "EQF level 3" in chapter and "EQF level 4" in chapter


def test_the_plan_with_levels_and_a_removed_outcome_has_no_axe_violations(
    page: Page, ws: Worksheets
) -> None:
    plan = plan_choosing(page, ws, 0, 1)
    page.locator('[data-ws-op="remove"][data-ws-field="outcomes"][data-ws-index="0"]').click()
    ws.saved(page)
    expect(plan.locator(WARNING)).to_be_visible()
    expect(level(plan, 1)).to_have_text("EQF level 3")
    assert axe_violations(plan, "[data-ws-root]") == []


def test_a_channel_shows_the_occupation_of_the_persona_it_reaches(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "learner-persona", "et")
    ws.fill(page, {"personas": [{"name": "Kadri", "occupation": "Juuksur, väike salong"}]})
    ws.saved(page)
    channels = ws.open(ws.tab(), "channels", "et")
    ws.control(channels, "channels.0.persona").select_option(label="Kadri")
    cell = channels.locator('form.ws-form output[name="channels.0.occupation"]')
    expect(cell).to_have_text("Juuksur, väike salong")
    expect(cell).to_have_attribute("aria-label", "Persoona amet ja valdkond, rida 1")


def test_the_worked_example_shows_the_levels_without_the_curriculum_opened(
    page: Page, ws: Worksheets
) -> None:
    open_example(page, ws)
    ws.open(page, PLAN)
    expect(page.locator("[data-ws-example-note]")).to_be_visible()
    expect(level(page, 0)).to_have_text("EQF level 4")
    shown = [level(page, row).inner_text() for row in range(5)]
    assert shown == ["EQF level 4", "EQF level 3", "EQF level 4", "EQF level 3", "EQF level 4"]


def levels_file(version: int) -> dict[str, Any]:
    """A workbook file whose plan carries a row's level, as a file written by hand (or by
    another tool) from what the page shows could: the plan of worksheet version `version`."""
    plan = {"plan": [{"outcome": "r1", "level": "EQF level 4"}]}
    return answers_file(
        {
            "curriculum": {"version": 1, "answers": {"outcomes": OUTCOMES[:2]}},
            PLAN: {"version": version, "answers": plan},
        }
    )


@pytest.mark.parametrize("opened", ["curriculum", PLAN])
def test_an_imported_level_is_left_out_quietly_as_the_shown_value_it_is(
    page: Page, ws: Worksheets, write_json: Write, opened: str
) -> None:
    ws.open(page, opened)
    ws.import_file(page, write_json(levels_file(1)))
    ws.confirm(page)
    expect(ws.status(page)).to_have_text("The answers were imported.")
    record = ws.record(page, PLAN)
    assert record is not None
    assert record["answers"]["plan"][0] == {"outcome": "r1", "_row": "r1"}
    assert all("level" not in row for row in record["answers"]["plan"])
    assert record["earlier"] == {}
    plan = ws.open(page, PLAN)
    expect(level(plan, 0)).to_have_text("EQF level 4")
    expect(plan.locator("[data-ws-earlier]")).to_be_hidden()


def test_a_level_in_a_file_of_another_version_is_kept_as_an_earlier_answer(
    page: Page, ws: Worksheets, write_json: Write
) -> None:
    ws.open(page, "curriculum")
    ws.import_file(page, write_json(levels_file(2)))  # the level may have been typed then
    ws.confirm(page)
    expect(ws.status(page)).to_have_text("The answers were imported.")
    record = ws.record(page, PLAN)
    assert record is not None
    assert record["earlier"] == {"plan.0.level": {"version": 2, "value": "EQF level 4"}}


# A group's linked member: each employer contact of the showcase shows the EQF level of the
# curriculum's outcome it chose, as a row of the assessment plan does.

CONTACT_LEVEL = 'form.ws-form output[name="contacts.0.outcome_level"]'
CONTACT_WARNING = "#ws-showcase-contacts-0-outcome-warning"


def contact_choosing(page: Page, ws: Worksheets, outcome: int, language: str = "en") -> Page:
    """The curriculum filled; the showcase's first contact choosing the outcome `outcome`."""
    ws.open(page, "curriculum")
    ws.fill(page, {"outcomes": OUTCOMES})
    ws.saved(page)
    showcase = ws.open(ws.tab(), "showcase", language)
    ws.control(showcase, "contacts.0.outcome").select_option(label=OUTCOMES[outcome]["outcome"])
    ws.saved(showcase)
    return showcase


def test_a_groups_linked_member_shows_the_chosen_rows_value_never_stored_and_empty_when_gone(
    page: Page, ws: Worksheets
) -> None:
    showcase = contact_choosing(page, ws, 1)
    cell = showcase.locator(CONTACT_LEVEL)
    expect(cell).to_have_text("EQF level 3")
    chosen = ws.record(showcase)["answers"]["contacts"][0]["outcome"]  # type: ignore[index]
    assert "outcome_level" not in ws.record(showcase)["answers"]["contacts"][0]  # type: ignore[index]
    ws.control(page, "outcomes.1.level").select_option("eqf5")
    ws.saved(page)
    expect(cell).to_have_text("EQF level 5")
    page.locator('[data-ws-op="remove"][data-ws-field="outcomes"][data-ws-index="1"]').click()
    ws.saved(page)
    expect(showcase.locator(CONTACT_WARNING)).to_be_visible()
    expect(cell).to_have_text("")
    showcase.reload()
    expect(showcase.locator(CONTACT_WARNING)).to_be_visible()
    expect(showcase.locator(CONTACT_LEVEL)).to_have_text("")
    assert ws.record(showcase)["answers"]["contacts"][0]["outcome"] == chosen  # type: ignore[index]
    assert axe_violations(showcase, "[data-ws-root]") == []


def test_the_estonian_page_says_a_contacts_level_in_estonian(page: Page, ws: Worksheets) -> None:
    showcase = contact_choosing(page, ws, 0, "et")
    expect(showcase.locator(CONTACT_LEVEL)).to_have_text("EQF tase 4")


def test_the_word_file_and_its_markdown_say_a_contacts_outcome_and_level(
    page: Page, ws: Worksheets, tmp_path: Path
) -> None:
    showcase = contact_choosing(page, ws, 1)
    document = open_document(take(showcase, ws, "word", tmp_path))
    assert control_text(document, "contacts.outcome_level") == ["EQF level 3"]
    assert control_text(document, "contacts.outcome") == [OUTCOMES[1]["outcome"]]
    markdown = take(showcase, ws, "markdown", tmp_path).read_text("utf-8")
    assert "EQF level 3" in markdown and OUTCOMES[1]["outcome"] in markdown


def test_the_worked_example_shows_a_contacts_level_without_the_curriculum_opened(
    page: Page, ws: Worksheets
) -> None:
    open_example(page, ws)
    ws.open(page, "showcase")
    expect(page.locator(CONTACT_LEVEL)).to_have_text("EQF level 3")
    expect(ws.control(page, "contacts.0.outcome").locator("option:checked")).to_contain_text(
        "Photographs and edits pictures"
    )


def test_a_contact_with_a_long_outcome_chosen_fits_a_phone(page: Page, ws: Worksheets) -> None:
    showcase = contact_choosing(page, ws, 1)
    showcase.set_viewport_size({"width": 390, "height": 800})
    expect(showcase.locator(CONTACT_LEVEL)).to_have_text("EQF level 3")
    assert showcase.evaluate("document.documentElement.scrollWidth") <= 390
