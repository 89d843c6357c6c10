"""Every worksheet's answer shapes are published once per language, not carried by each page:
a page grows with its own worksheet, not with the number of worksheets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mctoolkit.render import answer_shapes
from mctoolkit.workbook import load_workbook
from tests.conftest import ROOT
from tests.unit.project import LANGUAGES

PREFIX = {"en": "", "et": "et/"}


def spec_of(page: Path) -> dict:
    found = re.search(r'class="ws-spec">(.*?)</script>', page.read_text("utf-8"), re.S)
    assert found, page
    return json.loads(found.group(1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_worksheet_page_names_the_shapes_of_its_language_and_carries_none(
    site: Path, language: str
) -> None:
    page = site / PREFIX[language] / "worksheets" / "cost-structure" / "index.html"
    spec = spec_of(page)
    assert (page.parent / spec["shapes"]).resolve() == site / f"assets/answer-shapes.{language}.js"
    assert all(set(entry) == {"title", "version"} for entry in spec["workbook"].values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_published_shapes_are_every_worksheets(site: Path, language: str) -> None:
    script = (site / f"assets/answer-shapes.{language}.js").read_text("utf-8")
    head = f'(window.mctoolkitShapes ||= {{}})["{language}"] = '
    assert script.startswith(head)
    published = json.loads(script[len(head) :].rstrip().rstrip(";"))
    workbook = load_workbook(ROOT, LANGUAGES)
    expected = {s.id: answer_shapes(s, language) for s in workbook.ordered()}
    assert published == json.loads(json.dumps(expected))
