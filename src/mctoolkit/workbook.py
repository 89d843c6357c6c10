"""Load every worksheet of a project, with the shared data they refer to, and check them all."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mctoolkit import pagelinks
from mctoolkit.checks import check_worksheet
from mctoolkit.languages import language_maps, text_problems
from mctoolkit.loader import build_worksheet
from mctoolkit.model import Option, Text, Worksheet
from mctoolkit.problems import Problem, ProblemError
from mctoolkit.resolve import OptionLists, resolve_worksheet
from mctoolkit.shape import check_shape, schema
from mctoolkit.source import Source, read_file_shared

OPTIONS_FILE = "data/options.yml"
UI_FILE = "data/ui.yml"


@dataclass
class Workbook:
    """All worksheets of a site, in workbook order, with the texts the pages need."""

    worksheets: dict[str, Worksheet]
    languages: list[str]
    option_lists: dict[str, list[Option]] = field(default_factory=dict)
    ui: dict[str, Text] = field(default_factory=dict)
    # What is worked out from the whole workbook once per build (the worked example's values
    # per language), not again for each page that needs it.
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def ordered(self) -> list[Worksheet]:
        return sorted(self.worksheets.values(), key=lambda sheet: (sheet.order, sheet.id))


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def independent_problems(source: Source, languages: list[str]) -> list[Problem]:
    """The language maps' problems of a file whose shape is wrong, found without a model."""
    return [
        problem
        for path, text in language_maps(source.data, (), languages)
        for problem in text_problems(text, path, languages, source)
    ]


def _read(path: Path, root: Path, schema_name: str) -> Source:
    source = read_file_shared(path, _display(path, root))
    if not source.problems:
        source.problems += check_shape(source, schema(schema_name))
    return source


def load_option_lists(
    root: Path, languages: list[str]
) -> tuple[dict[str, list[Option]], list[Problem]]:
    path = root / OPTIONS_FILE
    if not path.exists():
        return {}, []
    source = _read(path, root, "options")
    if source.problems:
        return {}, source.problems + independent_problems(source, languages)
    problems: list[Problem] = []
    lists: dict[str, list[Option]] = {}
    for name, items in source.data["lists"].items():
        seen: set[str] = set()
        for index, item in enumerate(items):
            where = ("lists", name, index)
            if item["id"] in seen:
                problems.append(
                    source.problem((*where, "id"), f"duplicate option id '{item['id']}'")
                )
            seen.add(item["id"])
            problems += text_problems(item["label"], (*where, "label"), languages, source)
        lists[name] = [Option(i["id"], i["label"], i.get("help"), i.get("uri")) for i in items]
    return lists, problems


def load_ui(root: Path, languages: list[str]) -> tuple[dict[str, Text], list[Problem]]:
    source = _read(root / UI_FILE, root, "ui")
    if source.problems:
        return {}, source.problems + independent_problems(source, languages)
    problems: list[Problem] = []
    for key, text in source.data["strings"].items():
        problems += text_problems(text, ("strings", key), languages, source)
    return source.data["strings"], problems


def _page_problems(source: Source, docs: Path, languages: list[str]) -> list[Problem]:
    """The guidance pages and the pages its texts link to must exist."""
    guidance = source.data.get("guidance") if isinstance(source.data, dict) else None
    problems = [
        source.problem(("guidance", index), f"no page docs/{page}")
        for index, page in enumerate(guidance if isinstance(guidance, list) else [])
        if isinstance(page, str) and not (docs / page).is_file()
    ]
    texts = [
        ((*path, language), text)
        for path, mapping in language_maps(source.data, (), languages)
        for language, text in mapping.items()
        if isinstance(text, str)
    ]
    for path, text in texts:
        for target in pagelinks.local_targets(text):
            page = pagelinks.page_file(target)
            if not page.endswith(".md"):
                message = "write a link to a page of this site as its file, e.g. guide/costs.md"
                problems.append(source.problem(path, f"link '{target}': {message}"))
            elif not (docs / page).is_file():
                problems.append(source.problem(path, f"link '{target}': no page docs/{page}"))
    return problems


def load_workbook(root: Path, languages: list[str], folder: str = "worksheets") -> Workbook:
    """Load and check everything; raise ProblemError listing every problem found."""
    option_lists, problems = load_option_lists(root, languages)
    ui, ui_problems = load_ui(root, languages)
    problems += ui_problems
    sources: list[tuple[Source, Worksheet]] = []
    unreadable: set[str] = set()
    for path in sorted((root / folder).glob("*.yml")):
        source = _read(path, root, "worksheet")
        problems += source.problems
        if source.problems:
            # The model cannot be built, but what does not depend on it is still reported.
            unreadable.add(path.stem)
            problems += independent_problems(source, languages)
            if (root / "docs").is_dir() and source.data is not None:
                problems += _page_problems(source, root / "docs", languages)
            continue
        sheet = build_worksheet(source)
        if path.stem != sheet.id:
            problems.append(
                source.problem(
                    ("id",), f"the id '{sheet.id}' should match the file name '{path.stem}.yml'"
                )
            )
        sources.append((source, sheet))
    sheets: dict[str, Worksheet] = {}
    for source, sheet in sources:
        if sheet.id in sheets:
            problems.append(
                source.problem(
                    ("id",), f"worksheet id '{sheet.id}' is also used by {sheets[sheet.id].file}"
                )
            )
        sheets.setdefault(sheet.id, sheet)
    faulty = frozenset(unreadable)
    for source, sheet in sources:  # every model whole before any check looks across them
        problems += resolve_worksheet(sheet, source, option_lists, sheets, faulty)
    for source, sheet in sources:
        problems += check_worksheet(sheet, source, languages, option_lists, sheets, faulty)
        if (root / "docs").is_dir():
            problems += _page_problems(source, root / "docs", languages)
    if problems:
        raise ProblemError(problems)
    return Workbook(sheets, languages, option_lists, ui)


__all__ = ["OptionLists", "Workbook", "load_workbook"]
