"""Everything the site generator asks of the package, behind one small facade."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from html import escape
from pathlib import Path

from mctoolkit import (
    cachedir,
    contributing,
    formcache,
    projectcache,
    refdata,
    searchtext,
    statuspage,
    wordfiles,
)
from mctoolkit.canvas import render_canvas
from mctoolkit.courseplan import chapters, dossier_file, dossier_script
from mctoolkit.formcache import FormCache
from mctoolkit.model import Worksheet
from mctoolkit.overview import CoursePlan, render_workbook
from mctoolkit.problems import Problem, ProblemError
from mctoolkit.project import page_problems
from mctoolkit.refdata import KINDS, ReferenceData
from mctoolkit.render import (
    Template,
    form_anchor,
    in_language,
    render_worksheet,
    shapes_file,
    shapes_script,
)
from mctoolkit.status import STATUS_FOLDER, Status
from mctoolkit.status import status as work_out_status
from mctoolkit.wordfiles import Written
from mctoolkit.wordinputs import Page
from mctoolkit.workbook import Workbook

_WORD = re.compile(r"\w+")
DOWNLOADS = "downloads"  # the built site's folder of files to download
STYLESHEETS = "assets/stylesheets"  # the toolkit's own; site.css is every page's (mkdocs.yml)


def stylesheets(site_href: Callable[[str], str], *names: str) -> str:
    """Links to the stylesheets a form needs, to go with it: the pages without one (guidance,
    the home page) fetch none of them."""
    return "".join(
        f'<link rel="stylesheet" href="{escape(site_href(f"{STYLESHEETS}/{name}.css"))}">'
        for name in names
    )


_PLACEHOLDER = re.compile(r'<div data-ws-placeholder="([^"]+)"></div>')
_HEADING_END = re.compile(r"</h1>")
_STAND_IN = re.compile(r"<!--ws-form (\d+)-->.*?<!--/ws-form \1-->", re.S)


@dataclass
class Notice:
    title: str
    text: str
    link: str = ""


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
    waiting: dict[str, str] = field(default_factory=dict)  # HTML whose stand-in search reads
    _tokens: Iterator[int] = field(default_factory=itertools.count)
    language_names: dict[str, str] = field(default_factory=dict)
    status: Status | None = None  # worked out when a page first needs it, once per build
    site_names: dict[str, str] = field(default_factory=dict)
    site_url: str = ""
    _downloads: Written | None = None
    forms: FormCache = field(init=False)

    def __post_init__(self) -> None:
        self.forms = FormCache(self.workbook)

    def translation_status(self) -> Status:
        if self.status is None:
            self.status = work_out_status(self.root, self.workbook.languages)
        return self.status

    def outdated_notice(self, language: str, twin: str) -> Notice | None:
        """For a translation whose original changed since it was confirmed, a notice saying so."""
        if self.translation_status().state_of_page(twin) != "outdated":
            return None
        ui = self.workbook.ui
        title, text, link = (ui[f"outdated_{key}"][language] for key in ("title", "text", "link"))
        return Notice(title, text, link)

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
            books = {
                language: Page(
                    self.site_names.get(language, ""),
                    self.site_url
                    + (f"{language}/" if language != languages[0] else "")
                    + "worksheets/",
                )
                for language in languages
            }
            folder = cachedir.folder("word") or self.root / ".cache" / "mctoolkit" / "word"
            self._downloads = wordfiles.write_all(self.workbook, languages, pages, folder, books)
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
        description = next(
            (
                Template(
                    f"{href}{wordfiles.DESCRIPTION_FOLDER}/{d.name}",
                    d.name,
                    wordfiles.size_text(d.size, mark),
                )
                for d in self.word_downloads().descriptions
                if d.sheet and d.sheet.id == sheet_id and d.language == language
            ),
            None,
        )
        return Template(href + name, name, wordfiles.size_text(size, mark), description)

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
            shapes = site_href(shapes_file(language()))
            html = self.forms.form(
                (sheet_id, language(), repr(template), shapes),
                {"worksheet": href, "page": page_href},
                lambda links: render_worksheet(
                    sheet,
                    self.workbook,
                    language(),
                    links["worksheet"],
                    links["page"],
                    template,
                    shapes,
                ),
            )
            styled = stylesheets(site_href, "worksheet") + html
            return self._hold(styled, self._outline(sheet, language()))

        def site_link(path: str, text: str) -> str:
            """A link to a file the build writes (not a page), relative to the current page."""
            return f'<a href="{escape(site_href(path))}">{escape(text)}</a>'

        def word_templates() -> str:
            """The downloads page's table: every template in every language, and the zips."""
            return self._hold(self.templates_table(language(), site_href(DOWNLOADS + "/")))

        def workbook() -> str:
            plan = next(
                (d for d in self.word_downloads().dossiers if d.language == language()), None
            )
            dossier = plan and CoursePlan(
                site_href(f"{DOWNLOADS}/{wordfiles.DOSSIER_FOLDER}/{plan.name}"),
                plan.name,
                site_href(dossier_file(language())),
                site_href(dossier_file(language(), example=True)),
            )
            html = render_workbook(self.workbook, language(), href, page_href, dossier or None)
            return self._hold(stylesheets(site_href, "worksheet") + html)

        def canvas() -> str:
            html = render_canvas(self.workbook, language(), href, page_href)
            return self._hold(stylesheets(site_href, "worksheet", "canvas") + html)

        def partners_guide() -> str:
            """The partners' guide (CONTRIBUTING.md, or its twin in the page's language)."""
            name = contributing.source_name(language(), self.workbook.languages[0])
            guide = self.root / name
            if not guide.is_file():
                raise ValueError(f"no {name} beside mkdocs.yml")
            return contributing.as_page(guide.read_text("utf-8"))

        def translation_status() -> str:
            report = self.translation_status()
            return statuspage.render(report, self.workbook.ui, language(), self.language_names)

        return {
            "worksheet": worksheet,
            "workbook": workbook,
            "canvas": canvas,
            "word_templates": word_templates,
            "site_link": site_link,
            "translation_status": translation_status,
            "partners_guide": partners_guide,
            **self.reference.macros(language),
        }

    def _outline(self, sheet: Worksheet, language: str) -> FormOutline:
        sections = [
            (escape(in_language(part.title, language)), f"ws-{sheet.id}--{part.id}")
            for part in sheet.sections
        ]
        ui = self.workbook.ui
        if "credential" in sheet.exports:  # the description's downloads close its form
            title = escape(ui["ws_credential_title"][language])
            sections.append((title, f"{form_anchor(sheet.id)}-credential"))
        title, jump = ui["form_toc"][language], ui["go_to_form"][language]
        return FormOutline(-1, escape(title), form_anchor(sheet.id), sections, jump)

    def templates_table(self, language: str, folder: str) -> str:
        """Every worksheet's template in each language with its size, then one zip a language."""
        ui = self.workbook.ui
        mark = ui.get("ws_number_marks", {}).get(language, ".")[:1] or "."
        downloads = self.word_downloads()

        def size(item: wordfiles.Download) -> str:
            return wordfiles.size_text(item.size, mark)

        def link(item: wordfiles.Download, text: str, name: str = "") -> str:
            href = escape(folder + item.name)
            return f'<a href="{href}" download="{escape(name or item.name)}">{escape(text)}</a>'

        languages = self.workbook.languages
        # a language's name in the page's language; its code until data/ui.yml names it
        names = {code: ui.get(f"language_{code}", {}).get(language, code) for code in languages}
        head = "".join(f'<th scope="col">{escape(names[code])}</th>' for code in languages)
        rows = []
        for sheet in self.workbook.ordered():
            cells = "".join(
                f"<td>{link(d, f'Word ({size(d)})')}</td>"  # the row and column say which
                for code in languages
                for d in downloads.templates
                if d.sheet is sheet and d.language == code
            )
            rows.append(f'<tr><th scope="row">{escape(sheet.title[language])}</th>{cells}</tr>')
        caption = escape(ui["doc_templates_caption"][language])
        sheet_head = escape(ui["workbook_sheet"][language])
        zip_text = ui["doc_templates_zip"][language]
        # The zips are not in the offline copy: their items are left out there.
        zips = "".join(
            "<li data-online-only>"
            + link(z, zip_text.replace("{language}", names[z.language]).replace("{size}", size(z)))
            + "</li>"
            for z in downloads.zips
        )
        # The course plan's blank template: the whole workbook in one document, to print.
        plan_text = ui["templates_plan"][language]
        plans = "".join(
            "<li>"
            + link(
                replace(d, name=f"{wordfiles.DOSSIER_FOLDER}/{d.name}"),
                plan_text.replace("{language}", names[d.language]).replace("{size}", size(d)),
                d.name,
            )
            + "</li>"
            for d in downloads.dossiers
        )
        return (
            f"<table><caption>{caption}</caption>"
            f'<thead><tr><th scope="col">{sheet_head}</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>\n<ul>{zips}{plans}</ul>"
        )

    def write_answer_shapes(self, site_dir: Path) -> None:
        """The data scripts pages load on demand, once per language: every worksheet's answer
        shapes (for the pages' imports) and the course plan's data (for its download)."""
        # Made from the workbook alone: kept like the forms, as rebuilds mostly change pages.
        for language in self.workbook.languages:
            path = site_dir / shapes_file(language)
            path.parent.mkdir(parents=True, exist_ok=True)
            shapes = partial(shapes_script, self.workbook, language)
            path.write_text(self.forms.made(("shapes", language), shapes), "utf-8")
            for example in (False, True) if chapters(self.workbook) else ():
                plan = site_dir / dossier_file(language, example)
                data = partial(dossier_script, self.workbook, language, example)
                plan.write_text(self.forms.made(("plan", language, str(example)), data), "utf-8")

    def _hold(self, html: str, outline: FormOutline | None = None) -> str:
        """A placeholder for `html`: Markdown must not touch a rendered form."""
        # MkDocs fills every page before it writes any: a token is never used twice.
        token = str(next(self._tokens))
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
        """The held HTML's search stand-in, marked, until `put_back` swaps the HTML in."""
        token = match.group(1)
        self.outlines.pop(token, None)
        html = self.rendered.pop(token, "")
        self.waiting[token] = html
        material = f"{self.forms.code}\0{html}"
        stand_in = cachedir.remembered("search", material, lambda: searchtext.stand_in(html))
        return f"<!--ws-form {token}-->{stand_in}<!--/ws-form {token}-->"

    def put_back(self, html: str) -> str:
        """The page as written, each stand-in replaced by the HTML it stood in for (search has
        read the page by now: see `searchtext`)."""
        return _STAND_IN.sub(lambda match: self.waiting.pop(match.group(1), ""), html)


_Stamp = frozenset[tuple[str, int, int]]
# The cache folders whose entries no build has used for a while are removed (`cachedir.prune`).
_CACHED = (
    "valid",
    "yaml",
    "search",
    formcache.FOLDER,
    formcache.SCRIPTS,
    projectcache.FOLDER,
    STATUS_FOLDER,
)
_cache: dict[tuple[Path, tuple[str, ...], tuple[str, ...]], tuple[_Stamp, Site]] = {}


def _yaml_files_stamp(root: Path) -> _Stamp:
    """Each worksheet and data file's name, time of change and size: a renamed, added, removed
    or edited file changes it (`mkdocs serve` keeps a renamed file's time of change)."""
    folders = [root / "worksheets", root / "data"]
    return frozenset(
        (p.relative_to(root).as_posix(), stat.st_mtime_ns, stat.st_size)
        for folder in folders
        if folder.exists()
        for p in folder.rglob("*.yml")
        for stat in [p.stat()]
    )


def load(root: Path, languages: list[str], data_files: tuple[str, ...] = KINDS) -> Site:
    """Load the site's worksheets and data; reuse the last load while no file has changed."""
    cachedir.use(root)
    for kind in _CACHED:
        cachedir.prune(kind)
    key = (root.resolve(), tuple(languages), data_files)
    stamp = _yaml_files_stamp(root)
    # The pages are checked on every build (it takes milliseconds); the worksheets and data
    # only when one of them changed. Together they are `check_project`, what `check` runs.
    problems = page_problems(root, languages)
    cached = _cache.get(key)
    if cached and cached[0] == stamp and not problems:
        cached[1].status = None  # pages may have changed since
        cached[1].forms.new_build()  # and the package's templates
        return cached[1]
    project = projectcache.load(root, languages, data_files)  # kept while nothing changed
    problems += project.problems
    if problems or project.workbook is None or project.reference is None:
        raise ProblemError(problems)
    site = Site(root, project.workbook, project.reference)
    _cache[key] = (stamp, site)
    return site


__all__ = ["FormOutline", "Notice", "Problem", "ProblemError", "Site", "load"]
