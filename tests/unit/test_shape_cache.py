"""Data seen valid before skips its schema check; nothing else is ever remembered as valid."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mctoolkit import cachedir, shape
from mctoolkit.source import read_text

SCHEMA = {"type": "object", "properties": {"hours": {"type": "number"}}, "required": ["hours"]}


@pytest.fixture
def remembered(tmp_path: Path) -> Iterator[Path]:
    cachedir.use(tmp_path)
    yield tmp_path / ".cache" / "mctoolkit" / "valid"
    cachedir.use(None)


def test_valid_data_is_remembered_once_checked(remembered: Path) -> None:
    assert shape.check_shape(read_text("hours: 4\n", "a.yml"), SCHEMA) == []
    assert len(list(remembered.iterdir())) == 1
    assert shape.check_shape(read_text("hours: 4\n", "b.yml"), SCHEMA) == []
    assert len(list(remembered.iterdir())) == 1


def test_data_with_problems_is_reported_every_time_and_never_remembered(
    remembered: Path,
) -> None:
    for _ in range(2):
        problems = shape.check_shape(read_text("hours: four\n", "a.yml"), SCHEMA)
        assert [str(p) for p in problems] == ["a.yml:1: hours: should be a number, not a text"]
    assert list(remembered.iterdir()) == []


def test_a_changed_schema_checks_remembered_data_again(remembered: Path) -> None:
    assert shape.check_shape(read_text("hours: 4\n", "a.yml"), SCHEMA) == []
    stricter = {**SCHEMA, "properties": {"hours": {"type": "number", "maximum": 3}}}
    problems = shape.check_shape(read_text("hours: 4\n", "a.yml"), stricter)
    assert [str(p) for p in problems] == ["a.yml:1: hours: 4 is out of range (maximum 3)"]


def test_remembered_data_unused_for_a_month_is_forgotten_and_used_data_kept(
    remembered: Path,
) -> None:
    assert shape.check_shape(read_text("hours: 4\n", "a.yml"), SCHEMA) == []
    assert shape.check_shape(read_text("hours: 5\n", "b.yml"), SCHEMA) == []
    month_ago = time.time() - cachedir.UNUSED_FOR - 60
    for marker in remembered.iterdir():
        os.utime(marker, (month_ago, month_ago))
    assert shape.check_shape(read_text("hours: 4\n", "a.yml"), SCHEMA) == []  # used again
    cachedir.prune("valid")
    assert len(list(remembered.iterdir())) == 1
    assert shape.check_shape(read_text("hours: 5\n", "b.yml"), SCHEMA) == []
    assert len(list(remembered.iterdir())) == 2
