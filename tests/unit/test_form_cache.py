"""Rendered forms are kept between builds and given back only while everything they are made
from is the same: the workbook, the form's own inputs and the addresses its links resolve to."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mctoolkit import cachedir, formcache
from mctoolkit.formcache import FOLDER, FormCache, Linker
from mctoolkit.workbook import Workbook


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    cachedir.use(tmp_path)
    yield tmp_path / ".cache" / "mctoolkit" / FOLDER
    cachedir.use(None)


class Renderer:
    """A stand-in for rendering a form: it follows one link and counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, links: dict[str, Linker]) -> str:
        self.calls += 1
        return f"<form>{self.calls} {links['worksheet']('cost-structure')}</form>"


def workbook(title: str = "Cost structure") -> Workbook:
    return Workbook(worksheets={}, languages=["en", "et"], ui={"title": {"en": title}})


def linker(prefix: str = "../") -> Callable[[str], str]:
    return lambda sheet_id: f"{prefix}{sheet_id}/"


def test_a_form_with_the_same_inputs_is_rendered_once(cache: Path) -> None:
    render = Renderer()
    for _ in range(2):  # a new build: only the disk remembers
        html = FormCache(workbook()).form(("a", "en"), {"worksheet": linker()}, render)
    assert render.calls == 1
    assert html == "<form>1 ../cost-structure/</form>"


def test_a_changed_workbook_renders_the_form_again(cache: Path) -> None:
    render = Renderer()
    FormCache(workbook()).form(("a", "en"), {"worksheet": linker()}, render)
    html = FormCache(workbook("Costs")).form(("a", "en"), {"worksheet": linker()}, render)
    assert render.calls == 2 and html.startswith("<form>2")


def test_other_inputs_of_the_form_render_it_again(cache: Path) -> None:
    render = Renderer()
    FormCache(workbook()).form(("a", "en"), {"worksheet": linker()}, render)
    FormCache(workbook()).form(("a", "et"), {"worksheet": linker()}, render)
    assert render.calls == 2


def test_a_link_that_now_leads_elsewhere_renders_the_form_again(cache: Path) -> None:
    render = Renderer()
    FormCache(workbook()).form(("a", "en"), {"worksheet": linker()}, render)
    html = FormCache(workbook()).form(("a", "en"), {"worksheet": linker("../../")}, render)
    assert html == "<form>2 ../../cost-structure/</form>"


def test_a_damaged_entry_is_rendered_again(cache: Path) -> None:
    render = Renderer()
    FormCache(workbook()).form(("a", "en"), {"worksheet": linker()}, render)
    for entry in cache.iterdir():
        entry.write_text('{"links": {"worksheet": {}}', "utf-8")
    html = FormCache(workbook()).form(("a", "en"), {"worksheet": linker()}, render)
    assert html == "<form>2 ../cost-structure/</form>"


def test_without_a_cache_folder_every_form_is_rendered(tmp_path: Path) -> None:
    cachedir.use(None)
    render = Renderer()
    for _ in range(2):
        FormCache(workbook()).form(("a", "en"), {"worksheet": linker()}, render)
    assert render.calls == 2 and not (tmp_path / ".cache").exists()


def test_an_edited_template_renders_the_form_again_in_the_next_build(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    render = Renderer()
    forms = FormCache(workbook())  # kept between builds, as `mkdocs serve` keeps it
    forms.form(("a", "en"), {"worksheet": linker()}, render)
    monkeypatch.setattr(formcache, "code_digest", lambda: "the package after an edit")
    forms.form(("a", "en"), {"worksheet": linker()}, render)
    assert render.calls == 1  # within one build the package is looked at once
    forms.new_build()
    forms.form(("a", "en"), {"worksheet": linker()}, render)
    assert render.calls == 2


def test_a_data_script_is_made_once_while_the_workbook_and_code_stay_the_same(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []

    def make() -> str:
        made.append("made")
        return f"script {len(made)}"

    for _ in range(2):  # a new build: only the disk remembers
        assert FormCache(workbook()).made(("shapes", "en"), make) == "script 1"
    assert FormCache(workbook()).made(("shapes", "et"), make) == "script 2"
    assert FormCache(workbook("Costs")).made(("shapes", "en"), make) == "script 3"
    monkeypatch.setattr(formcache, "code_digest", lambda: "the package after an edit")
    assert FormCache(workbook()).made(("shapes", "en"), make) == "script 4"
