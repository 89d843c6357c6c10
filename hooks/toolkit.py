"""MkDocs glue for the e-toolkit: the package does the work, this file only adapts it.

- loads and checks the worksheets once per build (the build stops on any problem),
- registers the macros that pages call (`worksheet`, the reference-data tables),
- swaps each worksheet's placeholder for its HTML after Markdown has run,
- insists that every page has its translation, or says that it is not yet translated.

What one build holds between events is one `Build`; the toolkit's settings are read from
`extra: toolkit:` in mkdocs.yml (`mctoolkit.siteconfig.Settings`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.commands.build import _build_theme_template, get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url
from mkdocs_macros import errors as macro_errors

from mctoolkit import (
    ProblemError,
    downloads,
    minify,
    notfound,
    offline,
    pagelinks,
    searchindex,
    siteconfig,
    wordfiles,
)
from mctoolkit import site as toolkit
from mctoolkit.classic import ModuleStyleError
from mctoolkit.site import FormOutline

_ALTERNATE_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')

log = logging.getLogger("mkdocs.hooks.toolkit")


@dataclass
class Build:
    """What a build (or `mkdocs serve`'s builds) holds from one event to the next."""

    command: str = "build"
    settings: siteconfig.Settings = field(default_factory=siteconfig.Settings)
    site: toolkit.Site | None = None  # loaded in on_config; kept while no file changes
    listed: downloads.Downloads | None = None
    files: Files | None = None  # the language being built's files
    nav: Navigation | None = None
    env: Environment | None = None
    macro_failures: list[str] = field(default_factory=list)  # one line each, for PluginError
    _pages_by_url: tuple[Files | None, dict[str, File]] = (None, {})
    pages_with_sizes: set[Path] = field(default_factory=set)  # written pages that list downloads

    @property
    def loaded(self) -> toolkit.Site:
        assert self.site is not None, "on_config loads the site before any page"
        return self.site

    @property
    def offline_copy(self) -> downloads.Download | None:
        return self.listed.offline_copy if self.listed else None

    @property
    def language_files(self) -> Files:
        assert self.files is not None, "on_files comes before any page"
        return self.files

    def page_at(self, url: str) -> File | None:
        """The language's page at `url`: looked up in a table made once per language, as
        pages link to many others."""
        files = self.language_files
        if self._pages_by_url[0] is not files:
            table: dict[str, File] = {}
            for page in files.documentation_pages():
                table.setdefault(page.url, page)
            self._pages_by_url = (files, table)
        return self._pages_by_url[1].get(url)


_build = Build()


def on_startup(command: str, dirty: bool) -> None:
    _build.command = command


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    current = getattr(i18n, "current_language", None) if i18n else None
    language: str = current or config.theme.get("language", "en")
    return language


def _languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme.get("language", "en")]
    entries = sorted(i18n.config.languages, key=lambda entry: not entry.default)
    return [entry.locale for entry in entries]


def _site_names(config: MkDocsConfig) -> dict[str, str]:
    """The site's name in each language (mkdocs-static-i18n's per-language `site_name`)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {_languages(config)[0]: config.site_name}
    return {e.locale: e.site_name or config.site_name for e in i18n.config.languages}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # `toolkit.load` runs `mctoolkit check`'s checks: every problem of every file, at once.
    root = Path(config.config_file_path).parent
    # mkdocs-static-i18n builds each further language inside the first one's build, with the
    # same files: what was loaded, checked and worked out for the first serves them all.
    if not _inner_build(config):
        _forget_the_last_builds_search_index(config)
    if not (_inner_build(config) and _build.site is not None):
        try:
            _build.settings = siteconfig.settings(Path(config.config_file_path))
            _build.site = toolkit.load(root, _languages(config), _build.settings.data_files)
            _build.listed = downloads.load(root, _languages(config), config.site_url)
        except ProblemError as error:
            raise PluginError("\n".join(map(str, error.problems))) from None
    site = _build.loaded
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        site.language_names = {e.locale: e.name for e in i18n.config.languages}
    site.site_names = _site_names(config)
    site.site_url = config.site_url or ""
    _build.macro_failures.clear()
    macros = config.plugins.get("macros")
    if macros is not None:
        functions = site.macros(
            language=lambda: _language(config),
            href=lambda sheet_id: _worksheet_href(sheet_id, macros.page, config),
            site_href=lambda path: get_relative_url(path, macros.page.url),
            page_href=lambda file: _page_href(file, macros.page, config),
        )
        file_href = lambda path: get_relative_url(path, macros.page.url)  # noqa: E731
        functions.update(_download_macros(config, file_href))
        known = getattr(macros, "macros", {}) or {}
        macros.register_macros({k: v for k, v in functions.items() if k not in known})
    return config


def _download_macros(config: MkDocsConfig, href: Callable[[str], str]) -> dict[str, Any]:
    listed = _build.listed
    assert listed is not None, "loaded with the site"
    return {
        "downloads": lambda: listed.render(_language(config), href),
        "offline_copy_link": lambda text: listed.offline_copy_link(_language(config), href, text),
    }


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The worksheet schema is published with the site, for editors and other tools.
    schemas = Path(toolkit.__file__).parent / "schema"
    for schema in sorted(schemas.glob("*.schema.json")):
        files.append(File(f"schema/{schema.name}", str(schemas.parent), config.site_dir, False))
    _build.files = files
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _build.nav = nav
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # mkdocs-static-i18n builds each language into one site folder, and each build writes
    # `404.html` at its root: the last language would win. Only the default language keeps
    # the root one; the others get theirs in their own folder (see on_post_build).
    templates = config.theme.static_templates
    if _language(config) == _languages(config)[0]:
        templates.add("404.html")
    else:
        templates.discard("404.html")
    _build.env = env
    return env


def _page_href(file: str, page: Page, config: MkDocsConfig, missing: str = "") -> str:
    """The link from `page` to the page of `file` (under `docs/`) in the same language."""
    language, languages = _language(config), _languages(config)
    prefix = "" if language == languages[0] else f"{language}/"
    wanted = prefix + pagelinks.page_url(file)
    target = _build.page_at(wanted)
    if target is None:
        raise PluginError(missing or f"docs/{page.file.src_uri}: no page docs/{file} to link to")
    return get_relative_url(target.url, page.url)


def _worksheet_href(sheet_id: str, page: Page, config: MkDocsConfig) -> str:
    """The link from `page` to the worksheet's page in the same language."""
    missing = f"worksheets/{sheet_id}.yml has no page docs/worksheets/{sheet_id}.md"
    return _page_href(f"worksheets/{sheet_id}.md", page, config, missing)


@event_priority(10)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _build.files = files  # the language's own files (on_files came before the i18n plugin's)
    # Front matter, links and translations were checked with everything else in on_config.
    language = _language(config)
    if _build.settings.explains_acronyms(page.file.src_uri):
        markdown += _build.loaded.abbreviations(language, markdown)
    locale = getattr(page.file, "locale", language)
    if locale == language:
        return _outdated_notice(page, language, _languages(config)[0]) + markdown
    notice = _build.loaded.untranslated_notice(language)
    return f'!!! warning "{notice.title}"\n    {notice.text}\n\n{markdown}'


def _outdated_notice(page: Page, language: str, source: str) -> str:
    """On a translation whose original changed since it was confirmed, say so, with a link."""
    notice = _build.loaded.outdated_notice(language, f"docs/{page.file.src_uri}")
    if notice is None:
        return ""
    original = pagelinks.page_url(page.file.src_uri.replace(f".{language}.md", ".md"))
    href = get_relative_url(original or "./", page.url)
    link = f'<a href="{href}" hreflang="{source}">{notice.link}</a>'
    return f'!!! note "{notice.title}"\n    {notice.text} {link}\n\n'


def _template_line(error: BaseException, markdown: str, page: Page) -> int:
    """The line in the page's file where a macro failed (front matter counted)."""
    line: int | None = getattr(error, "lineno", None)
    traceback = error.__traceback__
    while line is None and traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    if line is None or page.file.abs_src_path is None:
        return 0
    text = Path(page.file.abs_src_path).read_text("utf-8")
    start = text.find(markdown[:200]) if markdown else -1
    return line + (text.count("\n", 0, start) if start > 0 else 0)


@macro_errors.format_error.register
def _one_line(error: Exception, markdown: str, page: Page) -> str:
    # The macros plugin would print a traceback and go on with this text as the page's; a
    # partner needs the file, line and cause, and the build stops once the page is converted.
    line = _template_line(error, markdown, page)
    where = f"docs/{page.file.src_uri}:{line}" if line else f"docs/{page.file.src_uri}"
    _build.macro_failures.append(f"{where}: {error}")
    return f"{where}: {error}"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _build.macro_failures:
        raise PluginError(_build.macro_failures[0])
    site = _build.loaded
    for outline in site.form_outlines(html):
        _add_to_toc(page.toc, outline, html)
    return site.fill_placeholders(html)


def _add_to_toc(toc: TableOfContents, outline: FormOutline, html: str) -> None:
    """The form's sections in the table of contents, after the heading that comes before it."""
    entry = AnchorLink(outline.title, outline.anchor, 2)
    entry.children = [AnchorLink(title, anchor, 3) for title, anchor in outline.sections]
    items = toc.items[0].children if len(toc.items) == 1 and toc.items[0].level == 1 else toc.items
    found = [html.find(f'id="{item.id}"') for item in items]
    ahead = [n for n, at in enumerate(found) if -1 < at < outline.position]
    items.insert(ahead[-1] + 1 if ahead else 0, entry)


def _site_relative(link: str, config: MkDocsConfig) -> str:
    """`/toolkit/et/` -> `et/`: mkdocs-static-i18n writes the home pages' language links from
    the site's address, which leads out of the site under another sub-path or from disk."""
    root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    return link.removeprefix(root) if link.startswith(root) else link


@event_priority(-10)  # after mkdocs-static-i18n (50) has set the page's language links
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    # mkdocs-static-i18n sets them as an attribute, which the templates read first.
    for alternate in getattr(config.extra, "alternate", None) or []:
        alternate["link"] = _site_relative(alternate["link"], config) or "./"
    return context


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """The "page not found" page is written relative to the site's root (see `notfound`)."""
    if template_name != "404.html":
        return context
    relative = get_context(context["nav"], _build.language_files, config, base_url="")
    for key in ("base_url", "extra_css", "extra_javascript"):
        context[key] = relative[key]
    # Each language's home page (the templates read the attribute before the key).
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    default = _languages(config)[0]
    # An attribute mkdocs-static-i18n adds to the config, unknown to its type.
    config.extra.alternate = [  # type: ignore[attr-defined]
        {**alternate, "link": "./" if alternate["lang"] == default else f"{alternate['lang']}/"}
        for alternate in alternates
    ]
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "sitemap.xml" and not config.site_url:
        return ""  # a sitemap lists full addresses: only a build given SITE_URL writes one
    if template_name != "404.html":
        return output
    language = _language(config)
    own = "404.html" if language == _languages(config)[0] else f"{language}/404.html"
    files = _build.language_files
    sections = {file.dest_uri.split("/")[0] for file in files if "/" in file.dest_uri}
    sections.update(_languages(config)[1:], ["search", toolkit.DOWNLOADS])
    offline_copy = _build.offline_copy
    if offline_copy is not None and "/" in offline_copy.path:
        sections.add(offline_copy.path.split("/")[0])
    return notfound.with_site_root(_ALTERNATE_LINK.sub("", output), own, sorted(sections))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The forms in place of their search stand-ins (see `searchtext`), and a translated
    page's search pointed at its own language's index (see `searchindex`)."""
    # Material fetches `sitemap.xml` beside every `<link rel="alternate">`; with links to the
    # same page in another language that is a 404 on every page. The language menu stays.
    output = _ALTERNATE_LINK.sub("", _build.loaded.put_back(output))
    if 'data-size="' in output:  # its downloads' sizes are known once every file is written
        _build.pages_with_sizes.add(Path(page.file.abs_dest_path))
    language, languages = _language(config), _languages(config)
    if language == languages[0]:
        return output
    return searchindex.rebase_config(output, language)


def _forget_the_last_builds_search_index(config: MkDocsConfig) -> None:
    """Make Material's search index afresh in each build, also under `mkdocs serve --dirty`.

    Under a dirty rebuild Material keeps the last build's index and swaps in the entries of the
    one page it rebuilt; but mkdocs-static-i18n hands it every language's entries, so each
    rebuild doubled the index and the plugin's quadratic removal of duplicates made the fifth
    rebuild of the real site take 24 s. Without the last index, a dirty preview's search knows
    the rebuilt pages only (MkDocs warns that a dirty build is inexact). No public setting does
    this: `tests/unit/test_mkdocs_private.py` fails if the attribute is renamed, and
    `tests/site/test_rebuild.py` if dirty rebuilds grow the index again.
    """
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index_prev"):
        search.search_index_prev = None


def _inner_build(config: MkDocsConfig) -> bool:
    """True while mkdocs-static-i18n builds another language inside the default one's build."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


@event_priority(-110)  # after mkdocs-static-i18n (-100) has written the index of all languages
def on_post_build(config: MkDocsConfig) -> None:
    site_dir, docs_dir, languages = Path(config.site_dir), Path(config.docs_dir), _languages(config)
    if _inner_build(config):
        translated = config.copy()
        translated.site_dir = str(site_dir / _language(config))
        _write_theme_page("404.html", translated)
        return
    # Every language is written now: the default language's build ends last.
    split = searchindex.split(site_dir, languages[0], languages[1:])
    site = _build.loaded
    wordfiles.copy_into(site.word_downloads(), site_dir / toolkit.DOWNLOADS)
    site.write_answer_shapes(site_dir)
    minify.minify_site(docs_dir, site_dir)
    _fill_download_sizes(site_dir)
    # `mkdocs serve` skips the zip: a partner's preview needs no offline copy.
    offline_copy = _build.offline_copy
    if split and _build.command == "build" and offline_copy is not None:
        zip_path = site_dir / offline_copy.path
        try:
            offline.write_zip(site_dir, zip_path, folder=zip_path.stem, sources=docs_dir)
        except ModuleStyleError as error:  # names a file under docs/
            raise PluginError(f"{docs_dir.name}/{error}") from None
        _fill_download_sizes(site_dir)


def _write_theme_page(name: str, config: MkDocsConfig) -> None:
    """Write the theme's page `name` (`404.html`) with `config`, as MkDocs writes its own.

    MkDocs has no public way to write a theme page again into another folder (a translated
    language's); its private `_build_theme_template` does exactly that, and
    `tests/unit/test_mkdocs_private.py` fails loudly if its name or parameters change.
    """
    assert _build.env is not None and _build.nav is not None, "on_env and on_nav came first"
    _build_theme_template(name, _build.env, _build.language_files, config, _build.nav)


def _fill_download_sizes(site_dir: Path) -> None:
    for path in sorted(_build.pages_with_sizes):
        if path.is_file():  # `mkdocs serve` may have dropped a page since
            html = path.read_text("utf-8")
            path.write_text(downloads.fill_sizes(html, site_dir), "utf-8")
