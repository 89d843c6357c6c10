"""Typed answers and imported files are data: they never run as script, never become markup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Worksheets

pytestmark = pytest.mark.browser

PAYLOAD = "".join(
    [
        "<script>window.__xss = 1</script>",
        '<img src=x onerror="window.__xss = 2">',
        '"><svg onload="window.__xss = 3"></svg>',
        '\'><iframe srcdoc="<script>parent.__xss = 4</script>"></iframe>',
        "</textarea><b data-injected>bold</b><textarea>",
        "</script><script>window.__xss = 5</script>",
        "javascript:window.__xss = 6 {{7*7}} ${7*7} {reason}",
        "<img src=x onerror=alert(7)>",
    ]
)
DANGER = "script, iframe, img, object, embed, [data-injected], [onerror], [onload], [srcdoc]"
PAGES = [("showcase", "en"), ("showcase", "et"), ("cost-structure", "en"), ("cost-structure", "et")]


class Watch:
    """What a page holds of executable or injected things, and whether any payload ran."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.alerts: list[str] = []
        page.on("dialog", lambda dialog: (self.alerts.append(dialog.message), dialog.dismiss()))

    def census(self) -> dict[str, int]:
        found = self.page.evaluate(
            "danger => [...document.querySelectorAll(danger)].map(el => el.outerHTML.slice(0, 80))",
            DANGER,
        )
        return {html: found.count(html) for html in found}

    def clean(self, baseline: dict[str, int]) -> None:
        assert self.page.evaluate("window.__xss") is None
        assert self.alerts == []
        assert self.census() == baseline
        assert self.page.evaluate("({}).polluted") is None


def baselines(ws: Worksheets) -> dict[tuple[str, str], dict[str, int]]:
    """Each page's own scripts and images, before any answer exists."""
    page = ws.tab()
    found = {}
    for sheet, language in PAGES:
        ws.open(page, sheet, language)
        found[(sheet, language)] = Watch(page).census()
    page.close()
    return found


def walk(page: Page, ws: Worksheets, watch: Watch, baseline: dict) -> None:
    for sheet, language in PAGES:
        ws.open(page, sheet, language)
        watch.clean(baseline[(sheet, language)])
        page.emulate_media(media="print")
        watch.clean(baseline[(sheet, language)])
        page.emulate_media(media="screen")


def type_everywhere(page: Page, ws: Worksheets) -> list[str]:
    """The payload in every text box of the worksheet, with every row and condition shown."""
    if ws.control(page, "participation").count():
        ws.fill(page, {"participation": "online"})
    for add in page.locator('[data-ws-op="add"]').all():
        field = add.get_attribute("data-ws-field") or ""
        count = ws.rows(page, field)
        add.click()  # the reader sees the new row before typing into the rows
        expect(ws.row_locator(page, field)).to_have_count(count + 1)
    boxes = page.locator("form.ws-form :is(input[type=text], textarea):visible")
    names = []
    for index in range(boxes.count()):
        boxes.nth(index).fill(PAYLOAD)
        names.append(boxes.nth(index).get_attribute("name"))
    return names


def test_markup_typed_into_every_text_field_stays_text(page: Page, ws: Worksheets) -> None:
    baseline = baselines(ws)
    watch = Watch(page)
    for sheet in ("showcase", "cost-structure"):
        ws.open(page, sheet)
        names = type_everywhere(page, ws)
        assert len(names) >= 8
        ws.saved(page)
        watch.clean(baseline[(sheet, "en")])
        for name in names:
            expect(ws.control(page, name)).to_have_value(PAYLOAD)
    walk(page, ws, watch, baseline)


def test_markup_in_an_imported_file_stays_text(
    page: Page, ws: Worksheets, write_json: Callable[..., Path]
) -> None:
    baseline = baselines(ws)
    watch = Watch(page)
    ws.open(page)
    sheet = {
        "version": 1,
        "saved": PAYLOAD,
        "answers": {
            "course_title": PAYLOAD,
            "description": PAYLOAD,
            "online_platform": PAYLOAD,
            "participation": "online",
            "modules": [{"name": PAYLOAD}, {"name": PAYLOAD}, {"name": PAYLOAD}],
            "contacts": [{"name": PAYLOAD, "company": PAYLOAD, "role": PAYLOAD, PAYLOAD: PAYLOAD}],
            PAYLOAD: PAYLOAD,
            "__proto__": {"polluted": True},
        },
        "computed": {"module_hours": PAYLOAD, "ekap": PAYLOAD},
        "earlier": {PAYLOAD: {"version": 1, "value": PAYLOAD}, "constructor": {"value": [PAYLOAD]}},
    }
    cost = {
        "version": 1,
        "answers": {"notes": PAYLOAD, "fixed_costs": [{"item": PAYLOAD}]},
        "computed": {"total_cost": PAYLOAD},
    }
    data = {
        "format": "mctoolkit-answers",
        "formatVersion": 1,
        "worksheets": {"showcase": sheet, "cost-structure": cost},
    }
    ws.import_file(page, write_json(data))
    ws.confirm(page)
    expect(ws.control(page, "course_title")).to_have_value(PAYLOAD)
    earlier = page.locator("[data-ws-earlier]")
    expect(earlier.locator("dt").first).to_have_text(PAYLOAD)
    expect(earlier.locator("dt", has_text="__proto__")).to_have_count(1)
    expect(page.locator('output[name="course_cost"]')).to_have_text(PAYLOAD)
    watch.clean(baseline[("showcase", "en")])
    walk(page, ws, watch, baseline)


def test_markup_in_a_refused_file_is_shown_as_text(
    page: Page, ws: Worksheets, write_json: Callable[..., Path]
) -> None:
    ws.open(page)
    baseline = Watch(page).census()
    watch = Watch(page)
    data = {
        "format": "mctoolkit-answers",
        "formatVersion": 1,
        "worksheets": {PAYLOAD: {"version": 1}},
    }
    ws.import_file(page, write_json(data))
    expect(ws.alert(page)).to_contain_text("<script>window.__xss = 1</script>")
    watch.clean(baseline)
