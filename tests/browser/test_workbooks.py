"""Several named workbooks, one per course: the first made of the answers a browser already has,
others created, renamed, copied, deleted and restored on the workbook page, switched from every
worksheet page, each course's name on its pages and in its files' names; nothing typed lost."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import KEY, Worksheets
from tests.browser.test_workbook_page import SCHEMA, open_workbook, progress
from tests.browser.test_workbook_worksheets import switch_language
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

# Every worksheet page of the workbook (the authors' showcase is not one).
SHEETS = sorted(p.stem for p in (ROOT / "worksheets").glob("*.yml") if p.stem != "showcase")
Write = Callable[..., Path]

# What the one-workbook store (before workbooks) left in a browser: records and the meta.
ONE_WORKBOOK_STORAGE = {
    KEY + "curriculum": {
        "format": 1,
        "worksheet": "curriculum",
        "version": 1,
        "saved": "2026-11-20T09:00:00.000Z",
        "rev": "old.1",
        "answers": {
            "course_title": "Digital marketing for small salons",
            "value_proposition": "Win clients online",
        },
        "computed": {},
        "earlier": {},
    },
    KEY + "learner-persona": {
        "format": 1,
        "worksheet": "learner-persona",
        "version": 1,
        "saved": "2026-11-20T09:05:00.000Z",
        "rev": "old.2",
        "answers": {"course_idea": "Instagram for hairdressers"},
        "computed": {},
        "earlier": {},
    },
    "mctoolkit:meta": {"exported": "2026-11-19T10:00:00.000Z", "edits": 3},
}


def storage(page: Page) -> dict[str, str]:
    return page.evaluate("Object.fromEntries(Object.entries(localStorage))")


def book_menu(page: Page) -> Any:
    return page.locator("select[data-ws-book]")


def chosen(page: Page) -> str:
    return book_menu(page).evaluate("select => select.selectedOptions[0].textContent")


def books(page: Page) -> list[str]:
    return book_menu(page).locator("option").all_inner_texts()


def live(page: Page) -> None:
    """The worksheet page is up again (after a reload, or a switch that opens it again)."""
    expect(page.locator("[data-ws-root].ws--live")).to_have_count(1)


def switch_to(page: Page, name: str) -> None:
    """Choose a workbook in a worksheet page's menu, as a reader does."""
    book_menu(page).select_option(label=name)
    live(page)


def name_in_dialog(page: Page, name: str) -> None:
    dialog = page.locator("dialog[data-ws-dialog]")
    expect(dialog).to_be_visible()
    dialog.locator("input").fill(name)
    dialog.locator('button[value="ok"]').click()
    expect(dialog).to_be_hidden()


def new_workbook(page: Page, ws: Worksheets, name: str) -> None:
    ws.action(page, "book-new").click()
    name_in_dialog(page, name)
    expect(ws.status(page)).to_have_text(f"The workbook “{name}” was created and is open.")


def rename(page: Page, ws: Worksheets, name: str) -> None:
    ws.action(page, "book-rename").click()
    name_in_dialog(page, name)
    expect(ws.status(page)).to_have_text(f"The workbook is now called “{name}”.")


def name_workbook(page: Page, ws: Worksheets, name: str = "Salon marketing") -> None:
    """On the workbook page, the open workbook renamed."""
    open_workbook(page, ws)
    rename(page, ws, name)


def today(page: Page) -> str:
    return page.evaluate("new Date().toISOString().slice(0, 10)")


def write_title(page: Page, ws: Worksheets, title: str, language: str = "en") -> None:
    """The curriculum's course title typed in the open workbook, and saved."""
    ws.open(page, "curriculum", language)
    ws.fill(page, {"course_title": title})
    ws.saved(page)


def seed_one_workbook(page: Page, ws: Worksheets) -> None:
    open_workbook(page, ws)
    page.evaluate(
        "items => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v))",
        {key: json.dumps(value) for key, value in ONE_WORKBOOK_STORAGE.items()},
    )


def test_the_answers_of_a_browser_with_one_workbook_become_the_first_workbook_unchanged(
    page: Page, ws: Worksheets
) -> None:
    seed_one_workbook(page, ws)
    before = storage(page)
    open_workbook(page, ws)
    assert books(page) == ["Unnamed course", "Worked example (read-only)"]
    expect(progress(page, "curriculum")).to_contain_text("2 of 35 questions answered")
    rename(page, ws, "Salon marketing")
    ws.open(page, "curriculum")
    ws.expect_shown(
        page,
        {
            "course_title": "Digital marketing for small salons",
            "value_proposition": "Win clients online",
        },
    )
    ws.open(page, "learner-persona")
    ws.expect_shown(page, {"course_idea": "Instagram for hairdressers"})
    after = {key: json.loads(text) for key, text in storage(page).items()}
    for key in (KEY + "curriculum", KEY + "learner-persona"):
        assert after[key]["answers"] == ONE_WORKBOOK_STORAGE[key]["answers"]
    assert after["mctoolkit:meta"]["exported"] == "2026-11-19T10:00:00.000Z"
    assert set(after) - set(before) == {"mctoolkit:workbooks"}


def test_a_new_workbook_starts_empty_and_each_keeps_its_own_answers(
    page: Page, ws: Worksheets
) -> None:
    write_title(page, ws, "Salon marketing")
    open_workbook(page, ws)
    new_workbook(page, ws, "Hair colouring")
    expect(progress(page, "curriculum")).to_have_text("Not started")
    ws.open(page, "curriculum")
    assert chosen(page) == "Hair colouring"
    ws.expect_shown(page, {"course_title": ""})
    ws.fill(page, {"course_title": "Colouring safely"})
    ws.saved(page)
    switch_to(page, "Unnamed course")
    ws.expect_shown(page, {"course_title": "Salon marketing"})
    switch_to(page, "Hair colouring")
    ws.expect_shown(page, {"course_title": "Colouring safely"})


def test_switching_workbooks_on_a_worksheet_page_keeps_what_was_just_typed(
    page: Page, ws: Worksheets
) -> None:
    name_workbook(page, ws)
    new_workbook(page, ws, "Hair colouring")
    ws.open(page, "learner-persona")
    ws.control(page, "course_idea").fill("Typed just before switching")
    switch_to(page, "Salon marketing")
    switch_to(page, "Hair colouring")
    ws.expect_shown(page, {"course_idea": "Typed just before switching"})


@pytest.mark.parametrize("language", ["en", "et"])
def test_the_course_name_is_on_every_worksheet_page(
    page: Page, ws: Worksheets, language: str
) -> None:
    name_workbook(page, ws)
    for sheet in SHEETS:
        ws.open(page, sheet, language)
        assert chosen(page) == "Salon marketing"
        expect(page.locator("[data-ws-root]")).to_have_attribute(
            "data-ws-course", "Salon marketing"
        )


def test_the_open_workbook_stays_open_after_reload_and_a_language_switch(
    page: Page, ws: Worksheets
) -> None:
    open_workbook(page, ws)
    new_workbook(page, ws, "Hair colouring")
    write_title(page, ws, "Colouring safely")
    page.reload()
    live(page)
    assert chosen(page) == "Hair colouring"
    switch_language(page, ws, "curriculum", "et")
    live(page)
    assert chosen(page) == "Hair colouring"
    ws.expect_shown(page, {"course_title": "Colouring safely"})


def test_the_answers_file_is_named_after_the_course_and_carries_its_name(
    page: Page, ws: Worksheets
) -> None:
    name_workbook(page, ws)
    write_title(page, ws, "Instagram for salons")
    with page.expect_download() as download:
        ws.action(page, "export-workbook").click()
    assert download.value.suggested_filename == f"salon-marketing-{today(page)}.json"
    exported = json.loads(Path(download.value.path()).read_text("utf-8"))
    Draft202012Validator(SCHEMA).validate(exported)
    assert exported["formatVersion"] == 2
    assert exported["workbook"] == {"name": "Salon marketing"}


@pytest.mark.parametrize(
    ("language", "action", "name"),
    [
        ("en", "export-sheet", "salon-marketing-curriculum-{}.json"),
        ("et", "export-sheet", "salon-marketing-oppekava-{}.json"),
        ("et", "export-workbook", "salon-marketing-{}.json"),
    ],
)
def test_a_worksheets_file_is_named_after_the_course_and_its_title_in_the_pages_language(
    page: Page, ws: Worksheets, language: str, action: str, name: str
) -> None:
    name_workbook(page, ws)
    ws.open(page, "curriculum", language)
    ws.fill(page, {"course_title": "Instagram for salons"})
    with page.expect_download() as download:
        ws.action(page, action).click()
    assert download.value.suggested_filename == name.format(today(page))


@pytest.mark.parametrize(("language", "name"), [("en", "workbook"), ("et", "toovihik")])
def test_an_unnamed_workbooks_file_takes_the_pages_word_for_workbook(
    page: Page, ws: Worksheets, language: str, name: str
) -> None:
    write_title(page, ws, "Instagram for salons", language)
    open_workbook(page, ws, language)
    with page.expect_download() as download:
        ws.action(page, "export-workbook").click()
    assert download.value.suggested_filename == f"{name}-{today(page)}.json"


def test_a_copy_has_the_same_answers_and_changes_apart_from_the_original(
    page: Page, ws: Worksheets
) -> None:
    name_workbook(page, ws)
    write_title(page, ws, "Instagram for salons")
    open_workbook(page, ws)
    ws.action(page, "book-copy").click()
    expect(ws.status(page)).to_have_text("The copy “Salon marketing (copy)” was made and is open.")
    assert chosen(page) == "Salon marketing (copy)"
    ws.open(page, "curriculum")
    ws.expect_shown(page, {"course_title": "Instagram for salons"})
    ws.fill(page, {"course_title": "Changed in the copy"})
    ws.saved(page)
    assert ws.stored(page, "curriculum") == {"course_title": "Instagram for salons"}


def test_deleting_asks_first_and_cancelling_keeps_the_workbook(page: Page, ws: Worksheets) -> None:
    name_workbook(page, ws)
    ws.action(page, "book-delete").click()
    expect(page.locator("[data-ws-dialog-title]")).to_have_text(
        "Delete the workbook “Salon marketing”?"
    )
    ws.confirm(page, accept=False)
    assert books(page)[0] == "Salon marketing"


def test_a_deleted_workbook_comes_back_with_undo_and_with_its_answers(
    page: Page, ws: Worksheets
) -> None:
    write_title(page, ws, "Instagram for salons")
    name_workbook(page, ws)
    new_workbook(page, ws, "Hair colouring")
    book_menu(page).select_option(label="Salon marketing")
    ws.action(page, "book-delete").click()
    ws.confirm(page)
    expect(ws.status(page)).to_have_text("The workbook “Salon marketing” was deleted.")
    assert books(page) == ["Hair colouring", "Worked example (read-only)"]
    assert ws.record(page, "curriculum") is not None  # kept until it can no longer come back
    ws.action(page, "undo").click()
    expect(ws.status(page)).to_have_text("The workbook “Salon marketing” is back and open.")
    assert chosen(page) == "Salon marketing"
    expect(progress(page, "curriculum")).to_contain_text("1 of 35 questions answered")


def test_a_deleted_workbook_can_be_restored_after_a_reload(page: Page, ws: Worksheets) -> None:
    write_title(page, ws, "Instagram for salons")
    name_workbook(page, ws)
    ws.action(page, "book-delete").click()
    ws.confirm(page)
    expect(ws.status(page)).to_have_text("The workbook “Salon marketing” was deleted.")
    assert books(page) == ["Unnamed course", "Worked example (read-only)"]
    ws.open(page, "curriculum")
    ws.expect_shown(page, {"course_title": ""})
    open_workbook(page, ws)
    page.get_by_role("button", name="Restore “Salon marketing”").click()
    expect(ws.status(page)).to_have_text("The workbook “Salon marketing” is back and open.")
    ws.open(page, "curriculum")
    ws.expect_shown(page, {"course_title": "Instagram for salons"})


def test_an_unnamed_workbook_takes_the_course_name_of_an_imported_file(
    page: Page, ws: Worksheets, write_json: Write
) -> None:
    file = {
        "format": "mctoolkit-answers",
        "formatVersion": 2,
        "scope": "workbook",
        "workbook": {"name": "Salon marketing"},
        "worksheets": {"curriculum": {"version": 1, "answers": {"course_title": "From the file"}}},
    }
    Draft202012Validator(SCHEMA).validate(file)
    open_workbook(page, ws)
    ws.import_file(page, write_json(file))
    expect(page.locator("[data-ws-dialog-body]")).to_contain_text(
        "This workbook will be called “Salon marketing”, as in the file."
    )
    ws.confirm(page)
    expect(ws.status(page)).to_have_text("The answers were imported.")
    assert chosen(page) == "Salon marketing"
    ws.open(page, "curriculum")
    ws.expect_shown(page, {"course_title": "From the file"})


def test_a_new_workbook_refused_by_full_storage_is_reported_and_loses_nothing(
    page: Page, ws: Worksheets
) -> None:
    write_title(page, ws, "Instagram for salons")
    open_workbook(page, ws)
    before = storage(page)
    page.evaluate(
        """() => {
          const full = new DOMException("full", "QuotaExceededError");
          Storage.prototype.setItem = () => { throw full; };
        }"""
    )
    ws.action(page, "book-new").click()
    name_in_dialog(page, "Hair colouring")
    expect(ws.alert(page)).to_contain_text(
        "Not saved: this browser's storage for the site is full."
    )
    assert books(page) == ["Unnamed course", "Worked example (read-only)"]
    assert storage(page) == before


@pytest.mark.parametrize(("language", "scheme"), [("en", "light"), ("et", "dark")])
def test_the_workbooks_tools_have_no_axe_violations(
    page: Page, ws: Worksheets, language: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    name_workbook(page, ws)
    new_workbook(page, ws, "Hair colouring")
    ws.action(page, "book-delete").click()
    ws.confirm(page)
    open_workbook(page, ws, language)
    expect(page.locator("[data-ws-removed]")).to_be_visible()
    assert axe_violations(page, "[data-ws-workbook]") == []
    ws.action(page, "book-rename").click()
    expect(page.locator("dialog[data-ws-dialog] input")).to_be_focused()
    assert axe_violations(page, "[data-ws-workbook]") == []
