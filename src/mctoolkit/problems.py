"""Problems found in a partner's files, each reported as one line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Where in a YAML document: keys and list positions, e.g. ("sections", 1, "fields", 3).
KeyPath = tuple[str | int, ...]


def format_path(path: KeyPath) -> str:
    """`("sections", 1, "fields", 3, "label")` -> `sections[1].fields[3].label`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


def _escape(text: str, *, in_property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def github_annotation(problem: Problem) -> str:
    """The problem as a GitHub Actions workflow command: shown on its line in a pull request."""
    where = f"file={_escape(problem.file, in_property=True)}"
    if problem.line:
        where += f",line={problem.line}"
    message = f"{problem.path}: {problem.message}" if problem.path else problem.message
    return f"::error {where},title=mctoolkit check::{_escape(message)}"


class ProblemError(Exception):
    """Raised with every problem found, so that a caller can print one line each."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(map(str, self.problems)))
