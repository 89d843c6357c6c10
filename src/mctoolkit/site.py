"""Everything the site generator asks of the package, behind one small facade."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from mctoolkit import cachedir, refdata, wordfiles
from mctoolkit.overview import render_workbook
from mctoolkit.problems import Problem, ProblemError
from mctoolkit.refdata import ReferenceData, load_reference
from mctoolkit.render import Template, render_worksheet
from mctoolkit.wordfiles import Written
from mctoolkit.wordtemplate import Page
from mctoolkit.workbook import Workbook, load_workbook

_WORD = re.compile(r"\w+")
DOWNLOADS = "downloads"  # the built site's folder of files to download
_PLACEHOLDER = re.compile(r'<div data-ws-placeholder="([^"]+)"></div>')


@dataclass
class Notice:
    title: str
    text: str


@dataclass
class Site:
    root: Path
    workbook: Workbook
    reference: ReferenceData
    rendered: dict[str, str] = field(default_factory=dict)
    acronyms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    site_names: dict[str, str] = field(default_factory=dict)
    site_url: str = ""
    _downloads: Written | None = None

    def word_downloads(self) -> Written:
        """Every worksheet's blank Word template per language and a zip per language, made
        (or found in the cache) on first use; `site_names` and `site_url` name the pages."""
        if self._downloads is None:
            languages = self.workbook.languages
            pages = {
                (sheet_id, language): Page(
                    self.site_names.get(language, ""),
                    self.site_url
                    + (f"{language}/" if language != languages[0] else "")
                    + f"worksheets/{sheet_id}/",
                )
                for sheet_id in self.workbook.worksheets
                for language in languages
            }
            folder = cachedir.folder("word") or self.root / ".cache" / "mctoolkit" / "word"
            self._downloads = wordfiles.write_all(self.workbook, languages, pages, folder)
        return self._downloads

    def template(self, sheet_id: str, language: str, href: str) -> Template:
        """The worksheet's template in `language` as its page links it (`href` from there)."""
        name = next(
            d.name
            for d in self.word_downloads().templates
            if d.sheet and d.sheet.id == sheet_id and d.language == language
        )
        size = next(d.size for d in self.word_downloads().templates if d.name == name)
        mark = self.workbook.ui.get("ws_number_marks", {}).get(language, ".")[:1] or "."
        return Template(href + name, name, wordfiles.size_text(size, mark))

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
            template = self.template(sheet_id, language(), site_href(DOWNLOADS + "/"))
            return self._hold(
                render_worksheet(sheet, self.workbook, language(), href, page_href, template)
            )

        def site_link(path: str, text: str) -> str:
            """A link to a file the build writes (not a page), relative to the current page."""
            return f'<a href="{escape(site_href(path))}">{escape(text)}</a>'

        def word_templates() -> str:
            """The downloads page's table: every template in every language, and the zips."""
            return self._hold(self.templates_table(language(), site_href(DOWNLOADS + "/")))

        def workbook() -> str:
            return self._hold(render_workbook(self.workbook, language(), href, page_href))

        return {
            "worksheet": worksheet,
            "workbook": workbook,
            "word_templates": word_templates,
            "site_link": site_link,
            **self.reference.macros(language),
        }

    def templates_table(self, language: str, folder: str) -> str:
        """Every worksheet's template in each language with its size, then one zip a language."""
        ui = self.workbook.ui
        mark = ui.get("ws_number_marks", {}).get(language, ".")[:1] or "."
        downloads = self.word_downloads()

        def size(item: wordfiles.Download) -> str:
            return wordfiles.size_text(item.size, mark)

        def link(item: wordfiles.Download, text: str) -> str:
            return f'<a href="{escape(folder + item.name)}" download>{escape(text)}</a>'

        languages = self.workbook.languages
        names = {code: ui[f"language_{code}"][language] for code in languages}
        head = "".join(f'<th scope="col">{escape(names[code])}</th>' for code in languages)
        rows = []
        for sheet in self.workbook.ordered():
            cells = "".join(
                f"<td>{link(d, f'{d.name} ({size(d)})')}</td>"
                for code in languages
                for d in downloads.templates
                if d.sheet is sheet and d.language == code
            )
            rows.append(f'<tr><th scope="row">{escape(sheet.title[language])}</th>{cells}</tr>')
        caption = escape(ui["doc_templates_caption"][language])
        sheet_head = escape(ui["workbook_sheet"][language])
        zip_text = ui["doc_templates_zip"][language]
        zips = "".join(
            "<li>"
            + link(z, zip_text.replace("{language}", names[z.language]).replace("{size}", size(z)))
            + "</li>"
            for z in downloads.zips
        )
        return (
            f'<table class="ws-downloads"><caption>{caption}</caption>'
            f'<thead><tr><th scope="col">{sheet_head}</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>\n<ul>{zips}</ul>"
        )

    def _hold(self, html: str) -> str:
        """A placeholder for `html`: Markdown must not touch a rendered form."""
        token = str(len(self.rendered))
        self.rendered[token] = html
        return f'\n\n<div data-ws-placeholder="{token}"></div>\n\n'

    def fill_placeholders(self, html: str) -> str:
        """Put each worksheet's HTML where its macro stood, after Markdown has run."""
        return _PLACEHOLDER.sub(lambda match: self.rendered.pop(match.group(1), ""), html)


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


__all__ = ["Notice", "Problem", "ProblemError", "Site", "load"]
