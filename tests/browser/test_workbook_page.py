"""The workbook page: each worksheet's progress in this browser, in both languages and as other
tabs save; the whole workbook exported and imported as one answers file, with the same checks,
preview and refusals as on a worksheet page."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import Worksheets, printed_pages
from tests.browser.test_workbook_worksheets import load_example
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SHEETS = ["learner-persona", "learner-journey", "curriculum", "cost-structure", "revenue-streams"]
SCHEMA = json.loads(
    (ROOT / "docs" / "assets" / "schemas" / "answers.schema.json").read_text("utf-8")
)
Write = Callable[..., Path]


def open_workbook(page: Page, ws: Worksheets, language: str = "en") -> Page:
    page.goto(f"{ws.base}{'' if language == 'en' else language + '/'}worksheets/")
    expect(page.locator("[data-ws-workbook].ws-workbook--live")).to_have_count(1)
    return page


def progress(page: Page, sheet: str) -> Any:
    return page.locator(f'[data-ws-sheet="{sheet}"] [data-ws-sheet-progress]')


def progress_texts(page: Page) -> dict[str, str]:
    return {sheet: progress(page, sheet).inner_text() for sheet in SHEETS}


def part_filled(page: Page, ws: Worksheets) -> None:
    """The persona's example (complete), one curriculum answer, the journey's dates only."""
    load_example(page, ws, "learner-persona")
    ws.open(page, "curriculum")
    ws.fill(page, {"course_title": "Digital marketing for small salons"})
    ws.saved(page)
    ws.open(page, "learner-journey")
    ws.fill(page, {"course_start": "2027-03-01"})
    ws.saved(page)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            {
                "learner-persona": "Complete\n8 of 8 questions answered",
                "learner-journey": "Started\n1 of 10 questions answered",
                "curriculum": "1 of 7 required answers\n1 of 35 questions answered",
                "cost-structure": "Not started",
                "revenue-streams": "Not started",
            },
        ),
        (
            "et",
            {
                "learner-persona": "Valmis\nVastatud küsimusi: 8/8",
                "learner-journey": "Alustatud\nVastatud küsimusi: 1/10",
                "curriculum": "Kohustuslikud vastused: 1/7\nVastatud küsimusi: 1/35",
                "cost-structure": "Alustamata",
                "revenue-streams": "Alustamata",
            },
        ),
    ],
)
def test_the_workbook_page_shows_the_progress_in_each_worksheet(
    page: Page, ws: Worksheets, language: str, expected: dict[str, str]
) -> None:
    part_filled(page, ws)
    open_workbook(page, ws, language)
    assert progress_texts(page) == expected
    expect(progress(page, "learner-persona")).to_have_attribute("data-ws-state", "complete")
    expect(progress(page, "curriculum")).to_have_attribute("data-ws-state", "started")
    expect(progress(page, "cost-structure")).to_have_attribute("data-ws-state", "empty")


@pytest.mark.parametrize(("language", "complete"), [("en", "Complete"), ("et", "Valmis")])
def test_the_worked_example_shows_every_worksheet_filled_without_visiting_them(
    page: Page, ws: Worksheets, language: str, complete: str
) -> None:
    open_workbook(page, ws, language)
    ws.action(page, "example-open").click()
    for sheet in SHEETS:
        expect(progress(page, sheet)).to_have_attribute("data-ws-state", "complete")
        expect(progress(page, sheet)).to_contain_text(complete)
    ws.action(page, "example-leave").click()
    expect(progress(page, "cost-structure")).to_have_attribute("data-ws-state", "empty")


def test_on_a_phone_each_worksheet_is_a_card_the_page_does_not_scroll_sideways(
    page: Page, ws: Worksheets
) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    open_workbook(page, ws, "et")
    row = page.locator('[data-ws-sheet="readiness"]')
    name, about = row.locator("th").bounding_box(), row.locator("td").first.bounding_box()
    status = progress(page, "readiness").bounding_box()
    assert name and about and status
    assert name["x"] + name["width"] <= status["x"]  # the name beside its progress, not under it
    assert about["y"] >= name["y"] + name["height"]  # what it answers below, the whole width
    assert about["width"] > 300
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate("document.querySelector('.ws-workbook table').scrollWidth") <= 390


def test_the_printed_workbook_page_is_its_text_and_the_list_with_several_worksheets_a_page(
    page: Page, ws: Worksheets, tmp_path: Path
) -> None:
    open_workbook(page, ws, "et")
    ws.action(page, "example-open").click()
    expect(progress(page, "cost-structure")).to_have_attribute("data-ws-state", "complete")
    pages = printed_pages(page, tmp_path)
    whole = " ".join(pages)
    assert whole.index("Ühe kursuse kavandamise töölehed") < whole.index("1. Kooli valmisoleku")
    assert "22/22" in whole  # the readiness worksheet's progress in the example
    page.emulate_media(media="print")
    for button in ("example-leave", "book-new", "dossier", "export-workbook"):
        expect(ws.action(page, button)).to_be_hidden()
    rows = page.locator("[data-ws-sheet]").count()
    assert len(pages) <= rows // 2


def test_the_worksheet_bar_and_the_workbook_page_say_the_same_progress(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "learner-persona")
    ws.fill(page, {"course_idea": "Social media for small salons"})
    ws.saved(page)
    bar = page.locator("[data-ws-progress-text]").inner_text()
    open_workbook(page, ws)
    assert progress(page, "learner-persona").inner_text().replace("\n", " · ") == bar


def test_a_required_name_inside_a_persona_is_counted_among_the_required_answers(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page, "learner-persona")
    ws.fill(page, {"course_idea": "Social media for small salons", "primary_persona": "x"})
    bar = page.locator("[data-ws-progress-text]")
    expect(bar).to_contain_text("2 of 4 required answers")
    ws.fill(page, {"personas": [{"name": "Liis"}]})
    expect(bar).to_contain_text("3 of 4 required answers")


def test_a_fully_answered_worksheet_without_required_fields_is_complete(
    page: Page, ws: Worksheets
) -> None:
    load_example(page, ws, "learner-journey")
    expect(page.locator("[data-ws-progress-text]")).to_contain_text("Complete")
    open_workbook(page, ws)
    expect(progress(page, "learner-journey")).to_have_attribute("data-ws-state", "complete")


def test_the_progress_follows_answers_saved_in_another_tab(page: Page, ws: Worksheets) -> None:
    open_workbook(page, ws)
    expect(progress(page, "cost-structure")).to_have_text("Not started")
    other = ws.open(ws.tab(), "cost-structure")
    ws.fill(other, {"margin": 20})
    ws.saved(other)
    expect(progress(page, "cost-structure")).to_have_text(
        "0 of 1 required answers\n1 of 5 questions answered", use_inner_text=True
    )
    ws.fill(other, {"learners": 20})
    ws.saved(other)
    expect(progress(page, "cost-structure")).to_have_text(
        "Started\n2 of 5 questions answered", use_inner_text=True
    )
    other.evaluate("localStorage.clear()")
    expect(progress(page, "cost-structure")).to_have_text("Not started")


def test_the_tools_stay_hidden_without_the_script(browser: Any, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served}worksheets/")
    expect(page.locator("[data-ws-toolbar]")).to_be_hidden()
    expect(page.locator("table")).to_be_visible()
    context.close()


def test_export_clear_import_gives_back_every_worksheets_answers(
    page: Page, ws: Worksheets, write_json: Write
) -> None:
    for sheet in SHEETS:
        load_example(page, ws, sheet)
    before = {sheet: ws.record(page, sheet) for sheet in SHEETS}
    open_workbook(page, ws)
    exported = ws.export(page, "workbook")
    Draft202012Validator(SCHEMA).validate(exported)
    assert exported["scope"] == "workbook"
    assert set(exported["worksheets"]) == set(SHEETS)
    expect(page.locator("[data-ws-backup]")).to_contain_text("Last exported to a file")

    page.evaluate("localStorage.clear()")
    page.reload()
    assert set(progress_texts(page).values()) == {"Not started"}
    ws.import_file(page, write_json(exported))
    items = page.locator("[data-ws-dialog-body] li")
    expect(items).to_have_count(5)
    expect(items.filter(has_text="Cost structure")).to_have_text(
        "Cost structure: 0 changed, 5 new, 0 removed"
    )
    ws.confirm(page)
    expect(ws.status(page)).to_have_text("The answers were imported.")
    expect(progress(page, "revenue-streams")).to_contain_text("Complete")
    for sheet in SHEETS:
        after = ws.record(page, sheet)
        for key in ("version", "answers", "computed", "earlier"):
            assert after[key] == before[sheet][key], (sheet, key)
    ws.open(page, "revenue-streams")
    expect(page.locator('output[name="surplus"]')).to_have_text("200.00")


def test_an_import_on_the_workbook_page_can_be_undone(
    page: Page, ws: Worksheets, write_json: Write
) -> None:
    ws.open(page, "cost-structure")
    ws.fill(page, {"learners": 12})
    ws.saved(page)
    open_workbook(page, ws)
    mine = page.evaluate("JSON.stringify(localStorage)")
    theirs = {
        "format": "mctoolkit-answers",
        "formatVersion": 1,
        "scope": "workbook",
        "worksheets": {
            "cost-structure": {"version": 1, "answers": {"learners": 30}},
            "learner-persona": {"version": 1, "answers": {"primary_persona": "Mari"}},
        },
    }
    ws.import_file(page, write_json(theirs))
    ws.confirm(page)
    expect(ws.status(page)).to_have_text("The answers were imported.")
    assert ws.record(page, "cost-structure")["answers"] == {"learners": 30}
    ws.action(page, "undo").click()
    expect(ws.status(page)).to_have_text("Undone: the answers are back as they were.")
    assert page.evaluate("JSON.stringify(localStorage)") == mine
    expect(progress(page, "learner-persona")).to_have_text("Not started")


BAD_FILES = {
    "damaged": (
        '{"format": "mctoolkit-answers", "worksheets": {',
        "the file is not a JSON file, or it is damaged.",
    ),
    "foreign": (
        {"name": "another program's file", "worksheets": {}},
        "the file is not an answers file of this toolkit.",
    ),
    "unknown worksheet": (
        {
            "format": "mctoolkit-answers",
            "formatVersion": 1,
            "worksheets": {
                "curriculum": {"version": 1, "answers": {"course_title": "Theirs"}},
                "no-such-sheet": {"version": 1, "answers": {}},
            },
        },
        "the file holds a worksheet this toolkit does not have: “no-such-sheet”.",
    ),
    "wrong kind": (
        {
            "format": "mctoolkit-answers",
            "formatVersion": 1,
            "worksheets": {
                "curriculum": {"version": 1, "answers": {"course_title": "Theirs"}},
                "cost-structure": {"version": 1, "answers": {"learners": "twenty"}},
            },
        },
        "in “Cost structure”, the answer “Planned number of learners” should be a number.",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_refused_on_the_workbook_page_with_nothing_changed(
    page: Page, ws: Worksheets, write_json: Write, case: str
) -> None:
    part_filled(page, ws)
    open_workbook(page, ws)
    storage = page.evaluate("JSON.stringify(localStorage)")
    shown = progress_texts(page)
    data, reason = BAD_FILES[case]
    ws.import_file(page, write_json(data))
    expect(ws.alert(page)).to_have_text(f"Nothing was imported: {reason}")
    expect(page.locator("dialog[data-ws-dialog]")).to_be_hidden()
    assert page.evaluate("JSON.stringify(localStorage)") == storage
    assert progress_texts(page) == shown


def test_exporting_an_empty_workbook_says_there_is_nothing_to_export(
    page: Page, ws: Worksheets
) -> None:
    open_workbook(page, ws, "et")
    downloads: list[Any] = []
    page.on("download", lambda download: downloads.append(download))
    ws.action(page, "export-workbook").click()
    expect(ws.status(page)).to_have_text(
        "Selles brauseris pole veel ühtegi vastust, mida eksportida."
    )
    assert downloads == []


def test_each_page_loads_only_its_own_script(page: Page, ws: Worksheets) -> None:
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url.rsplit("/", 1)[-1]))
    ws.open(page, "cost-structure")
    assert "index.js" in loaded and "workbook.js" not in loaded
    loaded.clear()
    open_workbook(page, ws)
    assert "workbook.js" in loaded and "index.js" not in loaded


@pytest.mark.parametrize("language", ["en", "et"])
def test_the_workbook_page_in_use_has_no_axe_violations(
    page: Page, ws: Worksheets, write_json: Write, language: str
) -> None:
    part_filled(page, ws)
    open_workbook(page, ws, language)
    assert axe_violations(page) == []
    ws.import_file(
        page,
        write_json(
            {
                "format": "mctoolkit-answers",
                "formatVersion": 1,
                "worksheets": {"cost-structure": {"version": 1, "answers": {"learners": 20}}},
            }
        ),
    )
    expect(page.locator("dialog[data-ws-dialog]")).to_be_visible()
    assert axe_violations(page) == []


def test_storage_refused_is_reported_on_the_workbook_page(page: Page, ws: Worksheets) -> None:
    page.add_init_script(
        "Storage.prototype.setItem = () => { throw new DOMException('no', 'SecurityError'); };"
    )
    open_workbook(page, ws)
    expect(ws.alert(page)).to_have_text(
        "This browser does not let the site keep data (private browsing or a privacy setting),"
        " so your progress cannot be shown and no answers can be imported here."
    )


def test_an_import_that_storage_cannot_hold_is_stored_not_at_all(
    page: Page, ws: Worksheets, write_json: Write
) -> None:
    part_filled(page, ws)
    # The second worksheet of the import does not fit in storage any more.
    page.add_init_script(
        """
        const realSetItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (window.__writes !== undefined && ++window.__writes === 2) {
            throw new DOMException("full", "QuotaExceededError");
          }
          return realSetItem.call(this, key, value);
        };
        """
    )
    open_workbook(page, ws)
    storage = page.evaluate("({...localStorage})")
    theirs = {
        "learner-persona": {"version": 1, "answers": {"primary_persona": "Mari"}},
        "cost-structure": {"version": 1, "answers": {"learners": 30}},
    }
    ws.import_file(
        page, write_json({"format": "mctoolkit-answers", "formatVersion": 1, "worksheets": theirs})
    )
    page.evaluate("window.__writes = 0")
    ws.confirm(page)
    expect(ws.alert(page)).to_contain_text(
        "Not saved: this browser's storage for the site is full."
    )
    assert page.evaluate("({...localStorage})") == storage
    expect(progress(page, "learner-persona")).to_contain_text("Complete")
