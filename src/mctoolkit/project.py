"""Everything the build checks, in one call: `mctoolkit check` and the site hook both use it.

Worksheets, the shared data in `data/`, and every page under `docs/` (front matter, links to
other pages, translations). Every problem of every file is reported in one run: a file whose
shape is wrong still has its missing translations and broken links listed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from mctoolkit import frontmatter, pagelinks, translations
from mctoolkit.languages import PLACEHOLDER, language_name
from mctoolkit.problems import Problem, ProblemError
from mctoolkit.refdata import KINDS, ReferenceData, load_reference
from mctoolkit.status import lock_problems
from mctoolkit.workbook import Workbook, load_workbook

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")


@dataclass
class Project:
    """The site's worksheets and reference data, or the problems that keep them from loading."""

    workbook: Workbook | None
    reference: ReferenceData | None
    problems: list[Problem] = field(default_factory=list)


def load_project(root: Path, languages: list[str], data_files: tuple[str, ...] = KINDS) -> Project:
    """Load and check the worksheets and the data files; the problems of all of them."""
    problems: list[Problem] = []
    try:
        workbook: Workbook | None = load_workbook(root, languages)
    except ProblemError as error:
        problems += error.problems
        workbook = None
    ui = workbook.ui if workbook else {}
    reference, reference_problems = load_reference(root, languages, ui, data_files)
    problems += reference_problems
    return Project(workbook, None if reference_problems else reference, problems)


def _twin_source(page: Path, languages: list[str]) -> tuple[Path, str | None]:
    """`guide/x.et.md` -> (`guide/x.md`, "et"); a default-language page -> (itself, None)."""
    for language in languages[1:]:
        if page.name.endswith(f".{language}.md"):
            return page.with_name(page.name[: -len(f".{language}.md")] + ".md"), language
    return page, None


def _link_problems(
    text: str, page: Path, docs: Path, languages: list[str], pages: frozenset[str]
) -> list[Problem]:
    """Links from a page to another page of the site must reach a file under `docs/`.

    `pages` are the pages found under `docs/` (as `os.path.normpath` spells them): a link to
    one of them is found without asking the disk, as every page links many."""
    display = f"docs/{page.relative_to(docs).as_posix()}"
    prose = _INLINE_CODE.sub("", _FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text))
    problems = []
    for number, line in enumerate(prose.splitlines(), 1):
        for target in pagelinks.local_targets(line):
            file = pagelinks.page_file(target)
            if not file.endswith(".md") or "{" in file:
                continue
            near = Path(os.path.normpath(page.parent / file))
            if str(near) in pages or str(_twin_source(near, languages)[0]) in pages:
                continue
            wanted = (page.parent / file).resolve()
            twin = _twin_source(wanted, languages)[0]
            if not wanted.is_file() and not twin.is_file():
                problems.append(Problem(display, number, "", f"link '{target}': no such page"))
    return problems


def _placeholder_problems(text: str, display: str) -> list[Problem]:
    return [
        Problem(display, number, "", f"still a '{PLACEHOLDER}' placeholder: write this line")
        for number, line in enumerate(text.splitlines(), 1)
        if PLACEHOLDER in line
    ]


def page_problems(root: Path, languages: list[str]) -> list[Problem]:
    """Problems of every page under `docs/` (front matter, links, placeholders, translations)
    and of the translations' lock file."""
    docs = root / "docs"
    problems: list[Problem] = lock_problems(root)
    if not docs.is_dir():
        return problems
    found = sorted(docs.rglob("*.md"))
    pages = frozenset(os.path.normpath(page) for page in found)
    for page in found:
        display = f"docs/{page.relative_to(docs).as_posix()}"
        text = page.read_text("utf-8")
        problems += frontmatter.check(text, display)
        problems += _link_problems(text, page, docs, languages, pages)
        problems += _placeholder_problems(text, display)
    for gap in translations.gaps(docs, languages):
        if not gap.marked_pending:
            twin = f"{gap.page[: -len('.md')]}.{gap.language}.md"
            problems.append(
                Problem(
                    f"docs/{gap.page}",
                    0,
                    "",
                    f"no {language_name(gap.language)} translation (add {twin}, "
                    "or mark the page 'translation: pending' in its front matter)",
                )
            )
    return problems


def check_project(
    root: Path, languages: list[str], data_files: tuple[str, ...] = KINDS
) -> list[Problem]:
    """Every problem the site build would stop on, of every file, sorted and without repeats."""
    loaded = load_project(root, languages, data_files)
    return sorted(set(loaded.problems + page_problems(root, languages)))


__all__ = ["PLACEHOLDER", "Project", "check_project", "load_project", "page_problems"]
