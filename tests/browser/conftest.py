"""Helpers of the worksheet browser tests: open a worksheet, fill it, read what it stored.

Every helper drives the page as a user would (typing, clicking, choosing) and reads the result
from the page or from the browser's storage, never from the script's own state.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Download, Page, Route, expect

from mctoolkit.model import ROW_ID
from mctoolkit.render import render_worksheet, script_json
from mctoolkit.workbook import load_workbook
from tests.conftest import _QuietHandler, tool

KEY = "mctoolkit:answers:"

# Two cores running Chromium, a build and a server: give assertions that wait more room than 5 s.
expect.set_options(timeout=10_000)

# One answer of every field type of the showcase worksheet, as the page must store them.
SHOWCASE_ANSWERS: dict[str, Any] = {
    "course_title": "Safe welding of thin sheet metal",
    "description": "Line one of a description.\nLine two, after a line break.",
    "hours": 52,
    "fee": 180.5,
    "start_date": "2027-03-01",
    "participation": "online",
    "online_platform": "Moodle",
    "level": "eqf4",
    "assessment": ["practical", "portfolio"],
    "relevance": 4,
    "ready": ["outcomes", "marketing"],
    "modules": [
        {"name": "Planning posts", "hours": 20, "mode": "online"},
        {"name": "Photographing your work", "hours": 26, "mode": "onsite"},
    ],
    "contacts": [{"name": "Mari", "company": "Salong Lumi", "role": "Guest lecture\nand a visit"}],
}

COST_ANSWERS: dict[str, Any] = {
    "fixed_costs": [
        {"item": "Teachers' pay", "amount": 2400},
        {"item": "Course design", "amount": 600},
        {"item": "Marketing", "amount": 500},
    ],
    "variable_costs": [
        {"item": "Printed materials", "amount": 30},
        {"item": "Meals", "amount": 15},
        {"item": "Certificate", "amount": 5},
    ],
    "learners": 20,
    "margin": 20,
    "notes": "Figures from the published example.",
}

# What the published example's costs work out to (3,500 € fixed, 50 € per learner, 20 learners,
# a 20 % mark-up), as the English page writes them.
COST_TOTALS: dict[str, str] = {
    "total_fixed": "3,500.00",
    "variable_per_learner": "50.00",
    "total_variable": "1,000.00",
    "total_cost": "4,500.00",
    "cost_per_learner": "225.00",
    "fee": "270.00",
    "break_even": "16",
    "surplus": "900.00",
}


def without_row_ids(answers: dict[str, Any]) -> dict[str, Any]:
    """Answers with each table row's and group item's stable id left out."""
    return {
        key: [
            {k: v for k, v in row.items() if k != ROW_ID} if isinstance(row, dict) else row
            for row in value
        ]
        if isinstance(value, list)
        else value
        for key, value in answers.items()
    }


def _names(answers: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Control names and the answer each shows: "modules.1.hours" -> 26."""
    for key, value in answers.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for index, row in enumerate(value):
                for sub, cell in row.items():
                    if sub != ROW_ID:  # a row's stable id has no control
                        yield f"{key}.{index}.{sub}", cell
        else:
            yield key, value


# What a download button may load when pressed: its code and libraries, gzipped.
DOWNLOAD_BUDGET = 15 * 1024


def code_bytes(site: Path, urls: list[str]) -> dict[str, int]:
    """Each script under `assets/javascripts/` among `urls`, by its path there, and its size
    gzipped (-9), read from the built `site`; data scripts and documents are not code."""
    marker = "/assets/javascripts/"
    scripts_fetched = (url for url in urls if marker in url and url.endswith(".js"))
    paths = sorted({url.split(marker, 1)[1] for url in scripts_fetched})
    scripts = site / "assets" / "javascripts"
    return {path: len(gzip.compress((scripts / path).read_bytes(), 9)) for path in paths}


def fetched_unpressed(like: Page, button: str) -> set[str]:
    """What a page like `like` fetches on its own, opened afresh in another tab (its start, and
    what a pointer resting on `button` loads), given time: on a busy machine some of it comes
    after the network first goes quiet, and it is no part of what a press of the button costs."""
    fetched: set[str] = set()
    page = like.context.new_page()
    page.on("request", lambda request: fetched.add(request.url))
    page.goto(like.url)
    page.locator(button).hover()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(2000)
    page.wait_for_load_state("networkidle")
    page.close()
    return fetched


def printed_pages(page: Page, tmp_path: Path) -> list[str]:
    """The text of each printed page, its words joined by single spaces."""
    pdf = tmp_path / "printout.pdf"
    page.pdf(path=str(pdf))
    text = subprocess.run(
        [tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(part.split()) for part in text.split("\f") if part.strip()]


class Worksheets:
    """What a test does with worksheet pages in one browser profile (the `ws` fixture)."""

    SHOWCASE_ANSWERS = SHOWCASE_ANSWERS
    COST_ANSWERS = COST_ANSWERS
    COST_TOTALS = COST_TOTALS

    def __init__(self, context: BrowserContext, base: str) -> None:
        self.context = context
        self.base = base

    def url(self, sheet: str = "showcase", language: str = "en") -> str:
        prefix = "" if language == "en" else f"{language}/"
        return f"{self.base}{prefix}worksheets/{sheet}/"

    def tab(self) -> Page:
        """Another tab of the same browser profile; script errors in it fail the test too."""
        page = self.context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.page_errors = errors  # type: ignore[attr-defined]
        return page

    def open(self, page: Page, sheet: str = "showcase", language: str = "en") -> Page:
        page.goto(self.url(sheet, language))
        expect(page.locator("[data-ws-root].ws--live")).to_have_count(1)
        return page

    # --- Filling, as a user does ----------------------------------------------------------

    def control(self, page: Page, name: str, value: Any = None) -> Any:
        form = page.locator("form.ws-form")
        if value is None:
            return form.locator(f'[name="{name}"]')
        return form.locator(f'[name="{name}"][value="{value}"]')

    def row_locator(self, page: Page, field: str) -> Any:
        wrapper = page.locator(f'form.ws-form [data-field="{field}"]')
        return wrapper.locator("[data-ws-rows] > tr, [data-ws-items] > fieldset")

    def rows(self, page: Page, field: str) -> int:
        return self.row_locator(page, field).count()

    def fill(self, page: Page, answers: dict[str, Any]) -> None:
        """Type, tick and choose every answer; rows are added with the Add button when needed."""
        for key, value in answers.items():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                while (count := self.rows(page, key)) < len(value):
                    page.locator(f'[data-ws-op="add"][data-ws-field="{key}"]').click()
                    expect(self.row_locator(page, key)).to_have_count(count + 1)
        for name, value in _names(answers):
            if isinstance(value, list):
                for option in value:
                    self.control(page, name, option).check()
                continue
            target = self.control(page, name)
            kind = target.first.evaluate("el => el.tagName === 'SELECT' ? 'select' : el.type")
            if kind == "select":
                target.select_option(str(value))
            elif kind == "radio":
                self.control(page, name, value).check()
            else:
                target.fill(str(value))

    def expect_shown(self, page: Page, answers: dict[str, Any]) -> None:
        """Every answer is back in its control."""
        for name, value in _names(answers):
            if isinstance(value, list):
                for option in value:
                    expect(self.control(page, name, option)).to_be_checked()
                continue
            target = self.control(page, name)
            kind = target.first.evaluate(
                "el => el.tagName === 'SELECT' ? 'select'"
                " : el.dataset.wsNumber !== undefined ? document.documentElement.lang : el.type"
            )
            if kind == "radio":
                expect(self.control(page, name, value)).to_be_checked()
            elif kind in ("en", "et"):  # a number, written as the page's language writes it
                shown = str(value).replace(".", "," if kind == "et" else ".")
                expect(target).to_have_value(re.compile(rf"^{re.escape(shown)}([.,]0+)?$"))
            else:
                expect(target).to_have_value(str(value))

    # --- Reading what was stored ----------------------------------------------------------

    def saved(self, page: Page) -> None:
        """Wait until every edit of the page is in storage."""
        expect(page.locator("[data-ws-root]").first).to_have_attribute("data-ws-state", "saved")

    def record(self, page: Page, sheet: str = "showcase") -> dict[str, Any] | None:
        return page.evaluate("key => JSON.parse(localStorage.getItem(key))", KEY + sheet)

    def stored(self, page: Page, sheet: str = "showcase") -> dict[str, Any]:
        """The answers as the reader gave them, rows' stable ids left out (`record` has them)."""
        self.saved(page)
        record = self.record(page, sheet)
        return without_row_ids(record["answers"]) if record else {}

    def seed(self, page: Page, sheet: str, record: dict[str, Any]) -> None:
        page.evaluate(
            "([key, value]) => localStorage.setItem(key, value)", [KEY + sheet, json.dumps(record)]
        )

    def newer_showcase(self, page: Page) -> None:
        """Serve the showcase as its next version would be: version 2, `description` removed."""

        def spec(match: re.Match[str]) -> str:
            data = json.loads(match.group(2))
            data["version"] = data["workbook"]["showcase"]["version"] = 2
            del data["fields"]["description"]
            return match.group(1) + str(script_json(data)) + match.group(3)

        def serve(route: Route) -> None:
            response = route.fetch()
            html = re.sub(
                r'<div class="ws-field[^"]*" data-field="description">.*?</div>\s*</div>',
                "",
                response.text(),
                count=1,
                flags=re.S,
            )
            html = html.replace('data-version="1"', 'data-version="2"')
            html = re.sub(
                r'(<script type="application/json" class="ws-spec">)(.*?)(</script>)',
                spec,
                html,
                flags=re.S,
            )
            route.fulfill(response=response, body=html)

        page.route(re.compile(r".*/worksheets/showcase/(index\.html)?$"), serve)

    # --- Tools ----------------------------------------------------------------------------

    def action(self, page: Page, name: str) -> Any:
        return page.locator(f'[data-ws-action="{name}"]').first

    def confirm(self, page: Page, accept: bool = True) -> None:
        """Answer the page's question. The page acts on the answer a moment after the dialog
        closes (its close event is queued), so wait for what the action shows, not for this."""
        dialog = page.locator("dialog[data-ws-dialog]")
        expect(dialog).to_be_visible()
        dialog.locator(f'button[value="{"ok" if accept else "cancel"}"]').click()
        expect(dialog).to_be_hidden()

    def export(self, page: Page, scope: str = "sheet") -> dict[str, Any]:
        with page.expect_download() as download:
            self.action(page, f"export-{scope}").click()
        saved: Download = download.value
        return json.loads(Path(saved.path()).read_text("utf-8"))

    def import_file(self, page: Page, path: Path) -> None:
        with page.expect_file_chooser() as chooser:
            self.action(page, "import").click()
        chooser.value.set_files(str(path))

    def status(self, page: Page) -> Any:
        return page.locator("[data-ws-status]")

    def alert(self, page: Page) -> Any:
        """The text of the warning the page shows (storage failing, an import refused...)."""
        return page.locator("[data-ws-alert-text]")


@pytest.fixture
def ws(context: BrowserContext, served: str) -> Iterator[Worksheets]:
    helper = Worksheets(context, served)
    yield helper
    for other in context.pages:
        errors = getattr(other, "page_errors", [])
        assert not errors, f"script errors on a page: {errors}"


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[..., Path]:
    """A file of the given data (or text) to import."""

    def write(data: Any, name: str = "answers.json") -> Path:
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
        return path

    return write


# Two small worksheets, the second taking a table and a choice from the first: the real ones
# link only a number so far. Rendered by the package alone, without MkDocs.
LINKED_WORKSHEETS = {
    "source": """
id: source
version: 1
title: {en: Learning outcomes, et: Õpiväljundid}
intro: {en: Outcomes., et: Väljundid.}
sections:
  - id: main
    title: {en: Outcomes, et: Väljundid}
    fields:
      - id: outcomes
        type: table
        label: {en: Outcomes, et: Väljundid}
        columns:
          - {id: text, type: text, label: {en: Outcome, et: Väljund}}
          - id: level
            type: choice
            label: {en: Level, et: Tase}
            options:
              - {id: basic, label: {en: Basic, et: Algtase}}
              - {id: advanced, label: {en: Advanced, et: Edasijõudnu}}
      - id: mode
        type: choice
        label: {en: Mode, et: Vorm}
        options:
          - {id: online, label: {en: Online, et: Veebis}}
          - {id: onsite, label: {en: On site, et: Kohapeal}}
""",
    "target": """
id: target
version: 1
title: {en: Assessment, et: Hindamine}
intro: {en: Assessment., et: Hindamine.}
sections:
  - id: main
    title: {en: Taken over, et: Üle võetud}
    fields:
      - id: their_outcomes
        type: linked
        label: {en: Outcomes, et: Väljundid}
        source: source.outcomes
      - {id: their_mode, type: linked, label: {en: Mode, et: Vorm}, source: source.mode}
""",
}


@pytest.fixture(scope="session")
def linked_site(tmp_path_factory: pytest.TempPathFactory, root: Path) -> Iterator[str]:
    """The two linked worksheets as pages `source/` and `target/`, served; yields the base URL."""
    project = tmp_path_factory.mktemp("linked")
    (project / "worksheets").mkdir()
    (project / "data").mkdir()
    shutil.copy(root / "data" / "ui.yml", project / "data" / "ui.yml")
    for sheet_id, text in LINKED_WORKSHEETS.items():
        (project / "worksheets" / f"{sheet_id}.yml").write_text(text, "utf-8")
    workbook = load_workbook(project, ["en", "et"])
    site = project / "site"
    shutil.copytree(root / "docs" / "assets", site / "assets")
    for sheet_id, sheet in workbook.worksheets.items():
        fragment = render_worksheet(sheet, workbook, "en", lambda other: f"../{other}/")
        page = site / sheet_id / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Linked</title>'
            '<link rel="stylesheet" href="../assets/stylesheets/worksheet.css"></head>'
            f"<body><main>{fragment}</main>"
            '<script type="module" src="../assets/javascripts/toolkit.js"></script></body></html>',
            "utf-8",
        )
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
