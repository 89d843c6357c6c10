"""Download as Word and as Markdown: the page's blank template filled with the reader's answers,
taken as a person takes a download, then opened with python-docx and with LibreOffice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Worksheets
from tests.word import body_text, control_text, ids, open_document, paragraphs

pytestmark = pytest.mark.browser

NBSP = "\u00a0"
HOSTILE = "Kõrvits & <Šokk> \"žürii\" 'õun' ]]> <w:t>x</w:t>"


def take(page: Page, ws: Worksheets, action: str, folder: Path) -> Path:
    """Press a download button; the file as the browser saved it."""
    with page.expect_download() as download:
        ws.action(page, action).click()
    target = folder / download.value.suggested_filename
    download.value.save_as(target)
    return target


def test_word_download_holds_every_kind_of_answer(
    page: Page, ws: Worksheets, tmp_path: Path
) -> None:
    ws.open(page)
    ws.fill(page, ws.SHOWCASE_ANSWERS)
    saved = take(page, ws, "word", tmp_path)
    assert re.fullmatch(r"showcase-\d{4}-\d{2}-\d{2}\.docx", saved.name)
    document = open_document(saved)
    answer = lambda tag: control_text(document, tag)  # noqa: E731
    assert answer("course_title") == ["Safe welding of thin sheet metal"]
    assert answer("description") == ["Line one of a description.\nLine two, after a line break."]
    assert answer("hours") == ["52"]
    assert answer("fee") == ["180.50"]
    assert answer("start_date") == ["March 1, 2027"]
    assert answer("participation")[0].split("\n")[:2] == ["☐ On site", "☒ Online"]
    assert "☒ Practical assessment" in answer("assessment")[0]
    assert "☒ Portfolio" in answer("assessment")[0]
    assert "☐ Written examination" in answer("assessment")[0]
    assert answer("modules.name") == ["Planning posts", "Photographing your work"]
    assert answer("modules.hours") == ["20", "26"]
    assert "☒ Online" in answer("modules.mode")[0] and "☒ On site" in answer("modules.mode")[1]
    assert answer("contacts.role") == ["Guest lecture\nand a visit"]
    assert answer("module_hours") == ["46"]
    assert re.fullmatch(r"Filled in on: \w+ \d+, \d{4}", paragraphs(document)[1])
    numbers = ids(document)
    assert len(numbers) == len(set(numbers))  # cloned rows got fresh ids
    assert "undefined" not in body_text(document) and "NaN" not in body_text(document)
