"""Storage that fails, two tabs at once, a new worksheet version: no answer is ever lost."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Worksheets

pytestmark = pytest.mark.browser

# Writes to storage fail as the browser would fail them, once window.__storage says so.
REFUSE_WRITES = """
const realSetItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  const names = {full: "QuotaExceededError", refused: "SecurityError"};
  if (window.__storage) throw new DOMException("refused", names[window.__storage]);
  return realSetItem.call(this, key, value);
};
"""


def failing(page: Page, how: str, from_start: bool) -> None:
    page.add_init_script(REFUSE_WRITES + (f"window.__storage = {how!r};" if from_start else ""))


def test_storage_refused_from_the_start_is_reported_with_an_export(
    page: Page, ws: Worksheets
) -> None:
    failing(page, "refused", from_start=True)
    ws.open(page)
    expect(ws.alert(page)).to_be_visible()
    expect(ws.alert(page)).to_contain_text(
        "Not saved: this browser does not let the site keep data"
    )
    expect(
        page.locator("[data-ws-alert]").get_by_role("button", name="Export all answers now")
    ).to_be_visible()
    ws.fill(page, {"course_title": "Only in this page"})
    expect(page.locator("[data-ws-root]")).to_have_attribute("data-ws-state", "failed")
    exported = ws.export(page, "workbook")
    assert exported["worksheets"]["showcase"]["answers"] == {"course_title": "Only in this page"}


def test_storage_refused_on_the_estonian_page_is_reported_in_estonian(
    page: Page, ws: Worksheets
) -> None:
    failing(page, "refused", from_start=True)
    ws.open(page, language="et")
    expect(ws.alert(page)).to_contain_text(
        "Ei salvestatud: see brauser ei luba saidil andmeid hoida"
    )


def test_storage_full_is_reported_at_once_and_the_answer_kept(page: Page, ws: Worksheets) -> None:
    failing(page, "full", from_start=False)
    ws.open(page)
    ws.fill(page, {"course_title": "Saved"})
    ws.saved(page)
    page.evaluate("window.__storage = 'full'")
    ws.fill(page, {"description": "Typed while the storage was full"})
    expect(ws.alert(page)).to_contain_text(
        "Not saved: this browser's storage for the site is full."
    )
    expect(ws.control(page, "description")).to_have_value("Typed while the storage was full")
    exported = ws.export(page)
    assert (
        exported["worksheets"]["showcase"]["answers"]["description"]
        == "Typed while the storage was full"
    )


def test_the_next_change_after_storage_frees_up_saves_everything(
    page: Page, ws: Worksheets
) -> None:
    failing(page, "full", from_start=False)
    ws.open(page)
    page.evaluate("window.__storage = 'full'")
    ws.fill(page, {"description": "Typed while full"})
    expect(ws.alert(page)).to_be_visible()
    page.evaluate("window.__storage = null")
    ws.fill(page, {"course_title": "Space again"})
    expect(ws.alert(page)).to_be_hidden()
    assert ws.stored(page) == {"description": "Typed while full", "course_title": "Space again"}


def test_a_change_in_one_tab_appears_in_the_other(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    other = ws.open(ws.tab())
    ws.fill(
        page,
        {
            "course_title": "From the first tab",
            "modules": [{"name": "A"}, {"name": "B"}, {"name": "C"}],
        },
    )
    ws.expect_shown(
        other,
        {
            "course_title": "From the first tab",
            "modules": [{"name": "A"}, {"name": "B"}, {"name": "C"}],
        },
    )
    expect(ws.status(other)).to_have_text(
        "This worksheet was changed in another tab or window; those answers are shown here now."
    )


def test_two_tabs_typing_at_once_keep_both_answers(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    other = ws.open(ws.tab())
    ws.control(other, "course_title").fill("Typed in the second tab")  # not yet saved there
    ws.control(page, "description").fill("Typed in the first tab")
    ws.control(page, "description").blur()  # saved at once
    both = {"course_title": "Typed in the second tab", "description": "Typed in the first tab"}
    ws.expect_shown(other, both)
    assert ws.stored(other) == both
    ws.expect_shown(page, both)


def test_two_tabs_changing_the_same_answer_say_so(page: Page, ws: Worksheets) -> None:
    page.clock.install()
    ws.open(page)
    other = ws.open(ws.tab())
    # Time stands still in both tabs: the second tab's edit stays unsaved however slow the machine,
    # while the first tab saves at once when its field loses focus.
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    ws.control(other, "course_title").fill("Second tab's title")  # not yet saved there
    ws.control(page, "course_title").fill("First tab's title")
    ws.control(page, "course_title").blur()
    expect(ws.alert(other)).to_have_text(
        "Both tabs changed the same answers. The answers typed here were kept for: Course title."
    )
    page.clock.resume()
    assert ws.stored(other) == {"course_title": "Second tab's title"}
    ws.expect_shown(page, {"course_title": "Second tab's title"})
    expect(ws.status(page)).to_contain_text("changed in another tab")


def test_answers_of_an_earlier_version_are_kept_shown_and_exported(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page)
    ws.fill(page, {"course_title": "Welding", "description": "Written for version 1"})
    ws.saved(page)
    ws.newer_showcase(page)
    page.reload()
    earlier = page.locator("[data-ws-earlier]")
    expect(earlier).to_be_visible()
    expect(earlier.locator("h2")).to_have_text("Answers from an earlier version")
    expect(earlier.locator("dt")).to_have_text("description")
    expect(earlier.locator("dd")).to_have_text("Written for version 1")
    ws.expect_shown(page, {"course_title": "Welding"})
    record = ws.record(page)
    assert record["version"] == 2
    assert record["answers"] == {"course_title": "Welding"}
    assert record["earlier"] == {"description": {"version": 1, "value": "Written for version 1"}}
    exported = ws.export(page)
    assert exported["worksheets"]["showcase"]["earlier"] == record["earlier"]


def test_answers_of_an_earlier_version_go_only_when_discarded_and_can_come_back(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page)
    ws.fill(page, {"description": "Written for version 1"})
    ws.saved(page)
    ws.newer_showcase(page)
    page.reload()
    page.reload()
    expect(page.locator("[data-ws-earlier] dd")).to_have_text("Written for version 1")
    ws.action(page, "discard-earlier").click()
    expect(page.locator("[data-ws-earlier]")).to_be_hidden()
    ws.saved(page)
    assert ws.record(page)["earlier"] == {}
    ws.action(page, "undo").click()
    expect(page.locator("[data-ws-earlier] dd")).to_have_text("Written for version 1")


def test_answers_wiped_from_storage_are_written_again_by_an_open_tab(
    page: Page, ws: Worksheets
) -> None:
    ws.open(page)
    ws.fill(page, {"course_title": "Keep me"})
    ws.saved(page)
    other = ws.tab()
    other.goto(ws.base)
    other.evaluate("localStorage.clear()")
    other.wait_for_function("() => localStorage.getItem('mctoolkit:answers:showcase') !== null")
    assert ws.record(other)["answers"] == {"course_title": "Keep me"}


def test_persistent_storage_is_asked_for_once_answers_exist(page: Page, ws: Worksheets) -> None:
    page.add_init_script(
        "window.__asked = 0;"
        "navigator.storage.persisted = async () => false;"
        "navigator.storage.persist = async () => (window.__asked += 1, true);"
    )
    ws.open(page)
    assert page.evaluate("window.__asked") == 0
    ws.fill(page, {"course_title": "Keep me", "hours": 40})
    ws.saved(page)
    page.wait_for_function("window.__asked === 1")
    ws.fill(page, {"fee": 100})
    ws.saved(page)
    assert page.evaluate("window.__asked") == 1


def test_a_backup_is_offered_after_much_work_since_the_last_export(
    page: Page, ws: Worksheets
) -> None:
    page.add_init_script("localStorage.setItem('mctoolkit:meta', JSON.stringify({edits: 39}))")
    ws.open(page)
    backup = page.locator("[data-ws-backup]")
    expect(backup).to_have_text(
        "Not yet exported to a file. Browsers sometimes delete stored data,"
        " so export now and then to keep a copy."
    )
    ws.fill(page, {"course_title": "The fortieth save"})
    expect(backup).to_have_text(
        "You have written a lot since your last export. Browsers sometimes delete stored data:"
        " export the whole workbook to keep a copy."
    )
    expect(backup).to_have_class("ws-backup ws-backup--due")
