"""The states of a YAML file's texts are kept between builds, and worked out again when the file,
or its hashes in the lock file, change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mctoolkit import cachedir, status
from mctoolkit.source import Source

SHEET = "id: plan\ntitle: {en: Plan, et: Plaan}\nintro: {en: Intro, et: Sissejuhatus}\n"
LANGUAGES = ["en", "et"]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "worksheets").mkdir()
    (tmp_path / "worksheets" / "plan.yml").write_text(SHEET, "utf-8")
    cachedir.use(tmp_path)
    yield tmp_path
    cachedir.use(None)


class Reads:
    """Counts the reads of a YAML file to work out its texts' states."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        read = status.read_file_shared

        def counted(path: Path, display: str | None = None) -> Source:
            self.calls += 1
            return read(path, display)

        monkeypatch.setattr(status, "read_file_shared", counted)


def states(root: Path) -> dict[str, str]:
    return {e.key: e.state for e in status.status(root, LANGUAGES).entries if e.kind == "text"}


def test_unchanged_texts_are_not_read_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = Reads(monkeypatch)
    assert states(project) == states(project) == {"title": "unconfirmed", "intro": "unconfirmed"}
    assert reads.calls == 1


def test_an_edited_text_is_read_again(project: Path) -> None:
    states(project)
    sheet = project / "worksheets" / "plan.yml"
    sheet.write_text(SHEET.replace("et: Plaan", "et: 'TODO: Plaan'"), "utf-8")
    assert states(project)["title"] == "missing"


def test_a_confirmed_translation_is_read_again(project: Path) -> None:
    assert states(project)["title"] == "unconfirmed"
    assert status.mark_current(project, project / "worksheets", LANGUAGES, None) == 2
    assert states(project) == {"title": "translated", "intro": "translated"}
