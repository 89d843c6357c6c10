"""A throwaway project folder holding the worksheets a test writes."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from mctoolkit.problems import ProblemError
from mctoolkit.workbook import Workbook, load_workbook
from tests.conftest import ROOT

LANGUAGES = ["en", "et"]

MINIMAL = """\
id: {id}
version: 1
title: {{en: Title, et: Pealkiri}}
intro: {{en: Intro, et: Sissejuhatus}}
sections:
  - id: main
    title: {{en: Main, et: Põhiosa}}
    fields:
"""


def minimal(sheet_id: str, fields: str) -> str:
    """A valid worksheet around the given fields (YAML list items, unindented)."""
    return MINIMAL.format(id=sheet_id) + textwrap.indent(textwrap.dedent(fields), "      ")


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "data").mkdir(parents=True, exist_ok=True)
        (root / "worksheets").mkdir(exist_ok=True)
        # The shared data every project has: `check` reads all of it, as the build does.
        for path in (ROOT / "data").glob("*.yml"):
            shutil.copy(path, root / "data" / path.name)

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.write_text(text, "utf-8")
        return path

    def sheet(self, sheet_id: str, fields: str) -> Path:
        return self.write(f"worksheets/{sheet_id}.yml", minimal(sheet_id, fields))

    def load(self) -> Workbook:
        return load_workbook(self.root, LANGUAGES)

    def problems(self) -> list[str]:
        try:
            self.load()
        except ProblemError as error:
            return [str(problem) for problem in error.problems]
        return []
