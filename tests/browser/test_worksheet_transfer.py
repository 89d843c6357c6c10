"""Export and import: a documented file, a round trip that gives back exactly what was there,
and every bad file refused with a clear message and nothing changed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from playwright.sync_api import Page, expect

from tests.browser.conftest import Worksheets, without_row_ids
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SCHEMA = json.loads(
    (ROOT / "docs" / "assets" / "schemas" / "answers.schema.json").read_text("utf-8")
)
Write = Callable[..., Path]


def answers_file(worksheets: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "format": "mctoolkit-answers",
        "formatVersion": 1,
        "exported": "2027-01-31T10:00:00.000Z",
        "scope": "workbook",
        "worksheets": worksheets,
        **extra,
    }


def refused(page: Page, ws: Worksheets, path: Path, message: str) -> None:
    """Importing `path` says `message`, and nothing at all changes."""
    before = page.evaluate("JSON.stringify(localStorage)")
    ws.import_file(page, path)
    expect(ws.alert(page)).to_have_text(message)
    expect(page.locator("dialog[data-ws-dialog]")).to_be_hidden()
    assert page.evaluate("JSON.stringify(localStorage)") == before
    ws.expect_shown(page, {"course_title": "Mine"})


@pytest.fixture
def filled(page: Page, ws: Worksheets) -> Page:
    ws.open(page)
    ws.fill(page, {"course_title": "Mine"})
    ws.saved(page)
    return page


def test_the_exported_file_follows_the_published_schema(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    ws.fill(page, ws.SHOWCASE_ANSWERS)
    exported = ws.export(page)
    Draft202012Validator(SCHEMA).validate(exported)
    assert exported["scope"] == "worksheet"
    answers = exported["worksheets"]["showcase"]["answers"]
    assert without_row_ids(answers) == ws.SHOWCASE_ANSWERS
    assert all(row["_row"] for row in answers["modules"])  # each row's stable id travels along


def test_export_clear_import_gives_back_exactly_what_was_there(
    page: Page, ws: Worksheets, write_json: Write
) -> None:
    ws.open(page)
    ws.fill(page, ws.SHOWCASE_ANSWERS)
    ws.saved(page)
    before = ws.record(page)
    exported = ws.export(page)
    ws.action(page, "clear").click()
    ws.confirm(page)
    expect(ws.status(page)).to_have_text("The worksheet was cleared.")
    assert ws.stored(page) == {}
    ws.import_file(page, write_json(exported))
    ws.confirm(page)
    expect(ws.status(page)).to_have_text("The answers were imported.")
    ws.expect_shown(page, ws.SHOWCASE_ANSWERS)
    after = ws.record(page)
    assert {k: after[k] for k in ("answers", "computed", "earlier", "version")} == {
        k: before[k] for k in ("answers", "computed", "earlier", "version")
    }


def test_the_whole_workbook_travels_as_one_file(
    page: Page, ws: Worksheets, write_json: Write
) -> None:
    ws.open(page, "cost-structure")
    ws.fill(page, ws.COST_ANSWERS)
    ws.open(page)
    ws.fill(page, ws.SHOWCASE_ANSWERS)
    exported = ws.export(page, "workbook")
    Draft202012Validator(SCHEMA).validate(exported)
    assert {"showcase", "cost-structure"} <= set(exported["worksheets"])
    page.evaluate("localStorage.clear()")
    ws.open(page, language="et")
    ws.import_file(page, write_json(exported))
    items = page.locator("[data-ws-dialog-body] li")
    expect(items.filter(has_text="Kulude struktuur")).to_have_text(
        "Kulude struktuur: muutub 0, lisandub 5, kaob 0"
    )
    ws.confirm(page)
    ws.expect_shown(page, ws.SHOWCASE_ANSWERS)
    expect(page.locator('output[name="course_cost"]')).to_have_text("4\u00a0500,00 EUR")
    ws.open(page, "cost-structure")
    ws.expect_shown(page, ws.COST_ANSWERS)


def test_the_import_preview_counts_changes_and_cancel_changes_nothing(
    filled: Page, ws: Worksheets, write_json: Write
) -> None:
    path = write_json(
        answers_file(
            {"showcase": {"version": 1, "answers": {"course_title": "Theirs", "hours": 10}}}
        )
    )
    ws.import_file(filled, path)
    expect(filled.locator("[data-ws-dialog-body] li")).to_have_text(
        "Field-type showcase: 1 changed, 1 new, 0 removed"
    )
    ws.confirm(filled, accept=False)
    assert ws.stored(filled) == {"course_title": "Mine"}
    ws.expect_shown(filled, {"course_title": "Mine"})


def test_an_import_can_be_undone(filled: Page, ws: Worksheets, write_json: Write) -> None:
    ws.import_file(
        filled,
        write_json(
            answers_file({"showcase": {"version": 1, "answers": {"course_title": "Theirs"}}})
        ),
    )
    ws.confirm(filled)
    ws.expect_shown(filled, {"course_title": "Theirs"})
    ws.action(filled, "undo").click()
    ws.expect_shown(filled, {"course_title": "Mine"})
    assert ws.stored(filled) == {"course_title": "Mine"}


def test_a_refused_file_takes_the_place_of_the_last_import_s_message_and_undo(
    filled: Page, ws: Worksheets, write_json: Write
) -> None:
    theirs = answers_file({"showcase": {"version": 1, "answers": {"course_title": "Theirs"}}})
    ws.import_file(filled, write_json(theirs))
    ws.confirm(filled)
    expect(ws.status(filled)).to_have_text("The answers were imported.")
    expect(ws.action(filled, "undo")).to_be_visible()
    ws.import_file(filled, write_json("not json", "broken.json"))
    expect(ws.alert(filled)).to_have_text(
        "Nothing was imported: the file is not a JSON file, or it is damaged."
    )
    expect(ws.status(filled)).not_to_contain_text("imported")
    expect(ws.action(filled, "undo")).to_be_hidden()
    ws.expect_shown(filled, {"course_title": "Theirs"})


def test_a_damaged_file_is_refused(filled: Page, ws: Worksheets, write_json: Write) -> None:
    path = write_json('{"format": "mctoolkit-answers", "worksheets": {"showcase": ')
    refused(
        filled, ws, path, "Nothing was imported: the file is not a JSON file, or it is damaged."
    )


def test_a_foreign_file_is_refused(filled: Page, ws: Worksheets, write_json: Write) -> None:
    path = write_json({"name": "some other program's file", "worksheets": {"showcase": {}}})
    refused(
        filled, ws, path, "Nothing was imported: the file is not an answers file of this toolkit."
    )


def test_a_file_of_a_newer_format_is_refused(
    filled: Page, ws: Worksheets, write_json: Write
) -> None:
    path = write_json(answers_file({"showcase": {"version": 1, "answers": {}}}, formatVersion=3))
    refused(
        filled,
        ws,
        path,
        "Nothing was imported: the file was made by a newer version of the toolkit;"
        " update the toolkit first.",
    )


def test_an_oversized_file_is_refused_unread(
    filled: Page, ws: Worksheets, write_json: Write
) -> None:
    huge = answers_file(
        {"showcase": {"version": 1, "answers": {"description": "x" * (2 * 1024 * 1024)}}}
    )
    refused(
        filled,
        ws,
        write_json(huge),
        "Nothing was imported: the file is larger than 2 MB, too large to be an answers file.",
    )


def test_a_file_with_an_unknown_worksheet_is_refused(
    filled: Page, ws: Worksheets, write_json: Write
) -> None:
    path = write_json(
        answers_file(
            {
                "showcase": {"version": 1, "answers": {}},
                "no-such-sheet": {"version": 1, "answers": {}},
            }
        )
    )
    refused(
        filled,
        ws,
        path,
        "Nothing was imported:"
        " the file holds a worksheet this toolkit does not have: “no-such-sheet”.",
    )


@pytest.mark.parametrize(
    ("answers", "where"),
    [
        ({"hours": "many"}, "“Workload” should be a number"),
        (
            {"participation": "by pigeon"},
            "“Form of participation” should be one of the choices offered",
        ),
        ({"assessment": "oral"}, "“Types of assessment” should be a list of the choices offered"),
        ({"start_date": "next spring"}, "“First start date” should be a date such as 2027-01-31"),
        ({"modules": {"name": "x"}}, "“Modules” should be a list of rows"),
        ({"modules": [{"hours": "ten"}]}, "“Modules, row 1, Hours” should be a number"),
        ({"contacts": [{"name": 5}]}, "“Employer contacts, row 1, Name” should be a text"),
        ({"course_title": ["a", "list"]}, "“Course title” should be a text"),
    ],
    ids=["number", "choice", "choices", "date", "rows", "cell", "item", "text"],
)
def test_a_file_with_an_answer_of_the_wrong_kind_is_refused(
    filled: Page, ws: Worksheets, write_json: Write, answers: dict[str, Any], where: str
) -> None:
    path = write_json(
        answers_file({"showcase": {"version": 1, "answers": {"course_title": "Theirs", **answers}}})
    )
    refused(
        filled, ws, path, f"Nothing was imported: in “Field-type showcase”, the answer {where}."
    )


def test_a_wrong_answer_for_another_worksheet_is_refused_too(
    filled: Page, ws: Worksheets, write_json: Write
) -> None:
    path = write_json(
        answers_file(
            {"cost-structure": {"version": 1, "answers": {"learners": "twenty", "margin": "high"}}}
        )
    )
    refused(
        filled,
        ws,
        path,
        "Nothing was imported: in “Cost structure”, the answer “Planned number of learners”"
        " should be a number."
        " (The file has 1 more answers like this.)",
    )


def test_the_other_worksheets_answer_shapes_load_only_when_a_file_is_imported(
    filled: Page, ws: Worksheets, write_json: Write
) -> None:
    asked: list[str] = []
    filled.on("request", lambda request: asked.append(request.url))
    filled.reload()
    ws.saved(filled)
    assert not [url for url in asked if "answer-shapes" in url]
    path = write_json(answers_file({"cost-structure": {"version": 1, "answers": {"learners": 20}}}))
    ws.import_file(filled, path)
    expect(filled.locator("dialog[data-ws-dialog]")).to_be_visible()
    assert [url for url in asked if url.endswith("assets/answer-shapes.en.js")]


def test_an_import_is_refused_when_the_answer_shapes_cannot_be_loaded(
    filled: Page, ws: Worksheets, write_json: Write
) -> None:
    filled.route("**/answer-shapes.*.js", lambda route: route.abort())
    path = write_json(answers_file({"cost-structure": {"version": 1, "answers": {"learners": 20}}}))
    refused(
        filled,
        ws,
        path,
        "Nothing was imported: the page could not load the description of the worksheets'"
        " answers. Reload the page and try again.",
    )


def test_answers_of_an_older_version_that_no_longer_fit_are_kept_aside(
    page: Page, ws: Worksheets, write_json: Write
) -> None:
    ws.newer_showcase(page)
    ws.open(page)
    old = {"course_title": "Old title", "description": "Written for version 1", "hours": "forty"}
    ws.import_file(page, write_json(answers_file({"showcase": {"version": 1, "answers": old}})))
    ws.confirm(page)
    expect(ws.status(page)).to_have_text("The answers were imported.")
    record = ws.record(page)
    assert record is not None
    assert record["version"] == 2
    assert record["answers"] == {"course_title": "Old title"}
    assert record["earlier"] == {
        "description": {"version": 1, "value": "Written for version 1"},
        "hours": {"version": 1, "value": "forty"},
    }
    expect(page.locator("[data-ws-earlier]")).to_be_visible()


def test_an_export_says_when_it_was_made(page: Page, ws: Worksheets) -> None:
    ws.open(page)
    backup = page.locator("[data-ws-backup]")
    expect(backup).to_contain_text("Not yet exported to a file.")
    ws.fill(page, {"course_title": "x"})
    ws.export(page, "workbook")
    expect(backup).to_contain_text("Last exported to a file")
    assert page.evaluate("JSON.parse(localStorage.getItem('mctoolkit:meta')).edits") == 0
