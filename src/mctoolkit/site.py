"""Everything the site generator asks of the package, behind one small facade."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path

from mctoolkit import cachedir, refdata
from mctoolkit.model import Worksheet
from mctoolkit.overview import render_workbook
from mctoolkit.problems import Problem, ProblemError
from mctoolkit.refdata import ReferenceData, load_reference
from mctoolkit.render import form_anchor, in_language, render_worksheet
from mctoolkit.workbook import Workbook, load_workbook

_WORD = re.compile(r"\w+")
_PLACEHOLDER = re.compile(r'<div data-ws-placeholder="([^"]+)"></div>')
_HEADING_END = re.compile(r"</h1>")


@dataclass
class Notice:
    title: str
    text: str


@dataclass
class FormOutline:
    """A worksheet's form on a page, for the page's table of contents.

    `position` is where its placeholder stands in the page's HTML before `fill_placeholders`,
    `anchor` the id of the form's start, `sections` each section's title and id, `jump` the text
    of the link to the form under the page's title.
    """

    position: int
    title: str
    anchor: str
    sections: list[tuple[str, str]]
    jump: str


@dataclass
class Site:
    root: Path
    workbook: Workbook
    reference: ReferenceData
    rendered: dict[str, str] = field(default_factory=dict)
    acronyms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    outlines: dict[str, FormOutline] = field(default_factory=dict)

    def abbreviations(self, language: str, markdown: str) -> str:
        """Markdown abbreviation lines that explain the glossary's acronyms `markdown` uses."""
        # Only those it uses: a page without any is spared the abbreviation pass altogether.
        if language not in self.acronyms:
            self.acronyms[language] = refdata.abbreviations(self.reference, language)
        used = set(_WORD.findall(markdown))
        lines = [f"*[{key}]: {text}" for key, text in self.acronyms[language] if key in used]
        return "\n\n" + "\n".join(lines) + "\n" if lines else ""

    def untranslated_notice(self, language: str) -> Notice:
        ui = self.workbook.ui
        return Notice(ui["untranslated_title"][language], ui["untranslated_text"][language])

    def macros(
        self,
        language: Callable[[], str],
        href: Callable[[str], str],
        site_href: Callable[[str], str],
        page_href: Callable[[str], str],
    ) -> dict[str, Callable[..., str]]:
        """The functions pages may call, bound to the page being built.

        `href` links to a worksheet's page by its id, `site_href` to a file the build writes,
        `page_href` to a page by its file under `docs/`; all in the page's language.
        """

        def worksheet(sheet_id: str) -> str:
            sheet = self.workbook.worksheets.get(sheet_id)
            if sheet is None:
                known = ", ".join(sorted(self.workbook.worksheets))
                raise ValueError(f"no worksheet '{sheet_id}' (known: {known})")
            html = render_worksheet(sheet, self.workbook, language(), href, page_href)
            return self._hold(html, self._outline(sheet, language()))

        def site_link(path: str, text: str) -> str:
            """A link to a file the build writes (not a page), relative to the current page."""
            return f'<a href="{escape(site_href(path))}">{escape(text)}</a>'

        def workbook() -> str:
            return self._hold(render_workbook(self.workbook, language(), href, page_href))

        return {
            "worksheet": worksheet,
            "workbook": workbook,
            "site_link": site_link,
            **self.reference.macros(language),
        }

    def _outline(self, sheet: Worksheet, language: str) -> FormOutline:
        sections = [
            (escape(in_language(part.title, language)), f"ws-{sheet.id}--{part.id}")
            for part in sheet.sections
        ]
        ui = self.workbook.ui
        title, jump = ui["form_toc"][language], ui["go_to_form"][language]
        return FormOutline(-1, escape(title), form_anchor(sheet.id), sections, jump)

    def _hold(self, html: str, outline: FormOutline | None = None) -> str:
        """A placeholder for `html`: Markdown must not touch a rendered form."""
        token = str(len(self.rendered))
        self.rendered[token] = html
        if outline:
            self.outlines[token] = outline
        return f'\n\n<div data-ws-placeholder="{token}"></div>\n\n'

    def form_outlines(self, html: str) -> list[FormOutline]:
        """The forms of worksheets `html` will hold, where their placeholders stand in it."""
        return [
            replace(self.outlines[match.group(1)], position=match.start())
            for match in _PLACEHOLDER.finditer(html)
            if match.group(1) in self.outlines
        ]

    def fill_placeholders(self, html: str) -> str:
        """Put each worksheet's HTML where its macro stood, after Markdown has run, and a link
        to the page's first form under the page's title."""
        held = [self.outlines[t] for t in _PLACEHOLDER.findall(html) if t in self.outlines]
        first = held[0] if held else None
        html = _PLACEHOLDER.sub(self._take, html)
        if first is None:
            return html
        link = f'<p class="ws-go-to-form"><a href="#{first.anchor}">{escape(first.jump)}</a></p>'
        return _HEADING_END.sub(lambda match: match.group(0) + link, html, count=1)

    def _take(self, match: re.Match[str]) -> str:
        self.outlines.pop(match.group(1), None)
        return self.rendered.pop(match.group(1), "")


_cache: dict[tuple[Path, tuple[str, ...]], tuple[float, Site]] = {}


def _newest_change(root: Path) -> float:
    folders = [root / "worksheets", root / "data"]
    times = [
        p.stat().st_mtime for folder in folders if folder.exists() for p in folder.rglob("*.yml")
    ]
    return max(times, default=0.0) + len(times)


def load(root: Path, languages: list[str]) -> Site:
    """Load the site's worksheets and data; reuse the last load while no file has changed."""
    cachedir.use(root)
    key = (root.resolve(), tuple(languages))
    stamp = _newest_change(root)
    cached = _cache.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    problems: list[Problem] = []
    try:
        workbook = load_workbook(root, languages)
    except ProblemError as error:
        problems += error.problems
        workbook = None
    reference, reference_problems = load_reference(root, languages, workbook.ui if workbook else {})
    problems += reference_problems
    if problems or workbook is None:
        raise ProblemError(problems)
    site = Site(root, workbook, reference)
    _cache[key] = (stamp, site)
    return site


__all__ = ["FormOutline", "Notice", "Problem", "ProblemError", "Site", "load"]
