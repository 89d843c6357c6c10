"""YAML read once per content: the process and the project's cache give what parsing gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mctoolkit import cachedir, source
from mctoolkit.source import read_file, read_file_shared


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    cachedir.use(tmp_path)
    source._read_before.clear()
    yield tmp_path / ".cache" / "mctoolkit" / "yaml"
    cachedir.use(None)
    source._read_before.clear()


def fresh_read(path: Path) -> source.Source:
    source._read_before.clear()  # as a new build would: only the disk remembers
    return read_file_shared(path, "worksheets/a.yml")


def test_a_remembered_file_reads_as_parsing_it_does(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("id: a\nsections:\n  - id: s\n    fields: [{id: f, type: text}]\n", "utf-8")
    first, second = fresh_read(path), fresh_read(path)
    assert len(list(cache.iterdir())) == 1
    parsed = read_file(path, "worksheets/a.yml")
    assert second.data == first.data == parsed.data
    assert second.lines == parsed.lines and second.line_of(("sections", 0, "fields", 0)) == 4


def test_a_remembered_problem_is_named_again(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("id: a\nid: b\n", "utf-8")
    fresh_read(path)
    again = fresh_read(path)
    assert [str(p) for p in again.problems] == [
        "worksheets/a.yml:2: duplicate key 'id' in the file"
    ]


def test_an_edited_file_is_read_anew(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("id: a\n", "utf-8")
    fresh_read(path)
    path.write_text("id: b\n", "utf-8")
    assert fresh_read(path).data == {"id": "b"}


def test_each_reader_gets_its_own_problems_list(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("id: a\n", "utf-8")
    read_file_shared(path).problems.append(source.Problem("x", 1, "", "added by a check"))
    assert read_file_shared(path).problems == []


def test_a_value_json_cannot_hold_is_parsed_each_time_not_changed(
    cache: Path, tmp_path: Path
) -> None:
    path = tmp_path / "a.yml"
    path.write_text("start: 2026-09-01\n", "utf-8")
    first = fresh_read(path)
    assert fresh_read(path).data == first.data == read_file(path).data
    assert not cache.exists() or not list(cache.iterdir())
