"""No input, however malformed, makes the loader raise anything but a list of problems."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mctoolkit.problems import ProblemError
from mctoolkit.workbook import load_workbook
from tests.conftest import ROOT
from tests.unit.project import LANGUAGES, Project

VALID = (ROOT / "worksheets" / "showcase.yml").read_text("utf-8")
SHEETS = sorted((ROOT / "worksheets").glob("*.yml"))
LINE = re.compile(r"^worksheets/showcase\.yml:\d+: ")

# Fragments partners plausibly type by mistake, and some no one would.
FRAGMENTS = [
    "\t",
    ":",
    "- ",
    "{",
    "}",
    "[",
    "]",
    "'",
    '"',
    "&a ",
    "*a",
    "\n",
    "  ",
    "#",
    "!!python/object ",
    "%",
    "@",
    "\x00",
    "é",
    "0x",
    "null",
    "~",
    "---\n",
    "? ",
    "|\n",
    ">-\n",
    "  - id: x\n",
]


def load(project: Project, text: str) -> None:
    # The showcase links to other worksheets: give it the real ones so that only the edit fails.
    for other in SHEETS:
        if other.name != "showcase.yml" and not (project.root / "worksheets" / other.name).exists():
            project.write(f"worksheets/{other.name}", other.read_text("utf-8"))
    (project.root / "worksheets" / "showcase.yml").write_text(text, "utf-8")
    try:
        load_workbook(project.root, LANGUAGES)
    except ProblemError as error:
        for problem in error.problems:
            assert LINE.match(str(problem)) or str(problem).startswith(
                "worksheets/showcase.yml: "
            ), problem


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    position=st.integers(0, len(VALID)), cut=st.integers(0, 40), fragment=st.sampled_from(FRAGMENTS)
)
def test_any_edit_of_a_valid_worksheet_gives_problems_not_tracebacks(
    tmp_path: Path, position: int, cut: int, fragment: str
) -> None:
    project = Project(tmp_path / "p")
    load(project, VALID[:position] + fragment + VALID[position + cut :])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_arbitrary_text_gives_problems_not_tracebacks(tmp_path: Path, text: str) -> None:
    load(Project(tmp_path / "p"), text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    key=st.sampled_from(["id", "version", "title", "intro", "sections", "example", "order"]),
    value=json_values,
)
def test_any_value_under_any_top_level_key_gives_problems_not_tracebacks(
    tmp_path: Path, key: str, value: object
) -> None:
    import yaml

    data = yaml.safe_load(VALID)
    data[key] = value
    load(
        Project(tmp_path / "p"),
        yaml.safe_dump(data, allow_unicode=True),
    )


def test_the_unedited_showcase_has_no_problems(project: Project) -> None:
    load(project, VALID)
    assert project.problems() == []


def test_a_very_long_string_is_refused_beyond_the_schema_limit(project: Project) -> None:
    text = VALID.replace(
        "Course title, et: Kursuse nimetus", "Course title " + "x" * 30_000 + ", et: K"
    )
    (project.root / "worksheets" / "showcase.yml").write_text(text, "utf-8")
    try:
        load_workbook(project.root, LANGUAGES)
    except ProblemError as error:
        assert any("longer than 20000 characters" in str(p) for p in error.problems)
    else:
        raise AssertionError("a 30,000-character label should be refused")
