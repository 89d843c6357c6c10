"""Reading YAML: every failure becomes a problem with a line, never an exception."""

from __future__ import annotations

from pathlib import Path

from mctoolkit.source import MAX_BYTES, read_file, read_text


def messages(text: str) -> list[str]:
    return [str(problem) for problem in read_text(text, "w.yml").problems]


def test_lines_of_keys_and_items_are_remembered() -> None:
    source = read_text("a: 1\nb:\n  - x\n  - y: 2\n", "w.yml")
    assert source.data == {"a": 1, "b": ["x", {"y": 2}]}
    assert source.line_of(("b", 1, "y")) == 4
    assert source.line_of(("b", 7, "missing")) == 2


def test_a_duplicate_key_is_reported_at_its_second_place() -> None:
    assert messages("a: 1\nb: 2\na: 3\n") == ["w.yml:3: duplicate key 'a' in the file"]


def test_a_tab_in_indentation_is_reported_with_its_line() -> None:
    [message] = messages("a:\n\t- b\n")
    assert message.startswith("w.yml:2: not valid YAML: ")
    assert message.endswith("(a tab: indent with spaces only)")


def test_an_empty_file_is_reported() -> None:
    assert messages("# only a comment\n") == ["w.yml:1: the file is empty"]


def test_anchors_and_aliases_are_refused_so_no_file_can_expand_without_bound() -> None:
    assert "anchors and aliases are not supported" in messages("a: &x [1, 2]\nb: *x\n")[0]


def test_deep_nesting_is_reported_not_crashed_on() -> None:
    assert messages("[" * 10_000)[0].startswith("w.yml:")
    assert messages("a: " + "[" * 70 + "]" * 70)[0] == "w.yml:1: nested more than 64 levels deep"


def test_a_huge_file_is_refused_before_parsing() -> None:
    assert "larger than" in messages("a: " + "x" * (MAX_BYTES + 1))[0]


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin.yml"
    path.write_bytes("a: Õ\n".encode("latin-1"))
    assert [p.message for p in read_file(path).problems] == ["not UTF-8 text"]
