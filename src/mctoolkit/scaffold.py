"""`mctoolkit new page` and `mctoolkit new worksheet`: the files a new page or worksheet needs.

Every language gets its file at once; each text still to be written or translated is a
`TODO:` placeholder that `mctoolkit check` names, so nothing half-done reaches the site.
Nothing is ever overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mctoolkit.languages import PLACEHOLDER, language_name

_PAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*$")
_SHEET_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_NAV_ENTRY = re.compile(r"^(\s*)- (?:[^:]+: )?(\S+\.md)\s*$")


class ScaffoldError(Exception):
    """Why nothing was written."""


@dataclass
class Written:
    files: list[str]
    nav: bool


def _name(language: str) -> str:
    return language_name(language).strip("'")


def _todo(what: str, language: str, source: str) -> str:
    """The placeholder for `what` in `language`: written in the source, translated elsewhere."""
    if language == source:
        return f"{PLACEHOLDER} {what}"
    return f"{PLACEHOLDER} {_name(language)} for: {what}"


def _page_file(name: str, language: str, source: str) -> str:
    return f"{name}.md" if language == source else f"{name}.{language}.md"


def _page_text(name: str, language: str, languages: list[str]) -> str:
    source = languages[0]
    if language == source:
        body = f"{PLACEHOLDER} write this page."
    else:
        body = (
            f"{PLACEHOLDER} translate docs/{name}.md into "
            f"{_name(language)}, then confirm it with "
            f"`mctoolkit status --mark-current docs/{name}.{language}.md`."
        )
    return f"# {_todo('the title of the page', language, source)}\n\n{body}\n"


def _sheet_page_text(sheet_id: str, language: str, languages: list[str]) -> str:
    title = _todo("the title of the worksheet", language, languages[0])
    intro = _todo("what the worksheet helps to answer, and how to use it", language, languages[0])
    return (
        f"---\nrender_macros: true\n---\n\n# {title}\n\n{intro}\n\n"
        f'{{{{ worksheet("{sheet_id}") }}}}\n'
    )


def _texts(what: str, languages: list[str], indent: str) -> str:
    return "".join(
        f'\n{indent}{language}: "{_todo(what, language, languages[0])}"' for language in languages
    )


def _sheet_text(sheet_id: str, languages: list[str]) -> str:
    return (
        "# yaml-language-server: $schema=../src/mctoolkit/schema/worksheet.schema.json\n"
        f"id: {sheet_id}\n"
        "version: 1\n"
        f"title:{_texts('the title of the worksheet', languages, '  ')}\n"
        f"intro:{_texts('what the worksheet is for, in two or three sentences', languages, '  ')}\n"
        "sections:\n"
        "  - id: main\n"
        f"    title:{_texts('the title of the first section', languages, '      ')}\n"
        "    fields:\n"
        "      - id: first_question\n"
        "        type: textarea\n"
        f"        label:{_texts('the first question', languages, '          ')}\n"
        f"        help:{_texts('a hint on how to answer it', languages, '          ')}\n"
    )


def add_to_nav(config: Path, file: str) -> bool:
    """Add `file` to an explicit `nav:`, after the last entry of its folder; False without one."""
    lines = config.read_text("utf-8").splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "nav:"), None)
    if start is None:
        return False
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].strip() and lines[i][0] != " "),
        len(lines),
    )
    folder = file.rsplit("/", 1)[0] + "/" if "/" in file else ""
    place, indent = None, "  "
    for index in range(start + 1, end):
        match = _NAV_ENTRY.match(lines[index])
        if match and folder and match.group(2).startswith(folder):
            place, indent = index + 1, match.group(1)
    if place is None:  # no page of its folder yet: at the end of the nav, at the top level
        place = end
        while place > start + 1 and not lines[place - 1].strip():
            place -= 1
    lines.insert(place, f"{indent}- {file}\n")
    config.write_text("".join(lines), "utf-8")
    return True


def _write_all(root: Path, files: dict[str, str], config: Path, nav_file: str) -> Written:
    existing = [name for name in files if (root / name).exists()]
    if existing:
        raise ScaffoldError(f"{', '.join(existing)} already exist(s): nothing was written")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return Written(list(files), add_to_nav(config, nav_file))


def new_page(root: Path, config: Path, name: str, languages: list[str]) -> Written:
    """`guide/x` -> `docs/guide/x.md` and a twin per language, and a nav entry."""
    name = name.removeprefix("docs/").removesuffix(".md")
    if not _PAGE_NAME.match(name):
        raise ScaffoldError(
            f"'{name}' is not a page name: use lowercase letters, digits and '-', "
            "folders separated by '/', as in guide/funding"
        )
    files = {
        f"docs/{_page_file(name, language, languages[0])}": _page_text(name, language, languages)
        for language in languages
    }
    return _write_all(root, files, config, f"{name}.md")


def new_worksheet(root: Path, config: Path, sheet_id: str, languages: list[str]) -> Written:
    """`x` -> `worksheets/x.yml`, its page in every language, and a nav entry."""
    if not _SHEET_ID.match(sheet_id):
        raise ScaffoldError(
            f"'{sheet_id}' is not a worksheet id: use lowercase letters, digits and '-', "
            "starting with a letter, as in funding-plan"
        )
    name = f"worksheets/{sheet_id}"
    files = {f"{name}.yml": _sheet_text(sheet_id, languages)}
    for language in languages:
        files[f"docs/{_page_file(name, language, languages[0])}"] = _sheet_page_text(
            sheet_id, language, languages
        )
    return _write_all(root, files, config, f"{name}.md")
