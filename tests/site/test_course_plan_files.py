"""The course plan's files in the built site: the workbook page's button names its template and
its data scripts in the page's language, and each is where it says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.unit.project import LANGUAGES

PREFIX = {"en": "", "et": "et/"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_workbook_page_names_the_course_plan_files_of_its_language(
    site: Path, language: str
) -> None:
    page = site / PREFIX[language] / "worksheets" / "index.html"
    button = re.search(r'<button [^>]*data-ws-action="dossier"[^>]*>', page.read_text("utf-8"))
    assert button
    found = dict(re.findall(r'data-ws-dossier(-[a-z]+)?="([^"]+)"', button.group(0)))
    assert found["-name"] == f"course-plan-{language}.docx"
    wanted = {
        "": site / "downloads" / "course-plan" / f"course-plan-{language}.docx",
        "-data": site / "assets" / f"course-plan.{language}.js",
        "-example": site / "assets" / f"course-plan-example.{language}.js",
    }
    for key, path in wanted.items():
        assert (page.parent / found[key]).resolve() == path.resolve() and path.is_file()
