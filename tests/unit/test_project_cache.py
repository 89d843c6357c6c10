"""A project that loaded without a problem is kept between builds, and given back only while
every file it is made from, and the code that made it, are the same."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mctoolkit import cachedir, projectcache
from mctoolkit.project import Project as Loaded
from tests.unit.project import LANGUAGES, Project

FIELD = "- {id: name, type: text, label: {en: Name, et: Nimi}}\n"
LINKED = "- {id: name, type: text, label: {en: '[Name](guide/costs.md)', et: Nimi}}\n"


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    cachedir.use(tmp_path)
    yield tmp_path / ".cache" / "mctoolkit" / projectcache.FOLDER
    cachedir.use(None)


class Counter:
    """Counts the loads that read and check the files (a build with nothing kept)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        load_project = projectcache.load_project

        def counted(root: Path, languages: list[str], data_files: tuple[str, ...]) -> Loaded:
            self.calls += 1
            return load_project(root, languages, data_files)

        monkeypatch.setattr(projectcache, "load_project", counted)


def test_an_unchanged_project_is_read_from_the_cache(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Project(tmp_path).sheet("plan", FIELD)
    loads = Counter(monkeypatch)
    first, again = (projectcache.load(tmp_path, LANGUAGES) for _ in range(2))
    assert loads.calls == 1 and again is not first
    assert again.workbook is not None and first.workbook is not None
    assert repr(again.workbook) == repr(first.workbook)


def loads_after(change: Callable[[], None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many times the project was read and checked to load it, `change` it, load it again."""
    loads = Counter(monkeypatch)
    projectcache.load(tmp_path, LANGUAGES)
    change()
    assert projectcache.load(tmp_path, LANGUAGES).workbook is not None
    return loads.calls


def test_an_edited_worksheet_is_loaded_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = Project(tmp_path)
    project.sheet("plan", FIELD)
    assert (
        loads_after(
            lambda: project.sheet("plan", FIELD + FIELD.replace("name", "role")),
            tmp_path,
            monkeypatch,
        )
        == 2
    )
    workbook = projectcache.load(tmp_path, LANGUAGES).workbook
    assert workbook is not None and len(workbook.worksheets["plan"].sections[0].fields) == 2


def test_an_edited_data_file_loads_the_project_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Project(tmp_path).sheet("plan", FIELD)
    ui = tmp_path / "data" / "ui.yml"
    assert (
        loads_after(
            lambda: ui.write_text(ui.read_text("utf-8") + "\n", "utf-8"), tmp_path, monkeypatch
        )
        == 2
    )


def test_a_removed_page_that_a_worksheet_links_is_found(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Project(tmp_path).sheet("plan", LINKED)
    page = tmp_path / "docs" / "guide" / "costs.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Costs\n", "utf-8")
    assert not projectcache.load(tmp_path, LANGUAGES).problems
    page.unlink()
    problems = [str(problem) for problem in projectcache.load(tmp_path, LANGUAGES).problems]
    assert any("no page docs/guide/costs.md" in problem for problem in problems)


def test_a_project_with_problems_is_not_kept(cache: Path, tmp_path: Path) -> None:
    Project(tmp_path).sheet("plan", FIELD.replace("et: Nimi", "et: ''"))
    for _ in range(2):
        assert projectcache.load(tmp_path, LANGUAGES).problems
    assert not cache.exists() or not list(cache.iterdir())


def test_other_code_loads_the_project_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Project(tmp_path).sheet("plan", FIELD)

    def change() -> None:
        monkeypatch.setattr(projectcache, "code_digest", lambda: "other code")

    assert loads_after(change, tmp_path, monkeypatch) == 2


def test_a_damaged_entry_loads_the_project_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Project(tmp_path).sheet("plan", FIELD)

    def damage() -> None:
        (entry,) = cache.iterdir()
        entry.write_bytes(entry.read_bytes()[:100])

    assert loads_after(damage, tmp_path, monkeypatch) == 2
