"""What a reader can download, listed on the downloads page in each language.

The list starts from `data/downloads.yml`; whatever else the build writes for download (a Word
template per worksheet, say) is one more `Download` appended to `Downloads.files`. The build
writes the files after the pages, so a page carries a placeholder for each file's size, which
`fill_sizes` replaces once the file exists.

The offline copy cannot offer itself: the page written for the site says both things, one of
them hidden (`data-online-only`, `data-offline-only`), and `offline.offline_page` keeps the one
that is true inside the zip.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

import yaml

from mctoolkit.problems import Problem, ProblemError

DATA = "data/downloads.yml"
_SIZE = re.compile(r'<span data-size="([^"]+)"></span>')
_LANGUAGE = re.compile(r'<html lang="([a-z]+)"')


@dataclass(frozen=True)
class Download:
    path: str  # under the site's root
    title: Mapping[str, str]
    text: Mapping[str, str]
    offline_copy: bool = False


@dataclass
class Downloads:
    files: list[Download]
    this_is_the_offline_copy: Mapping[str, str]
    online_at: Mapping[str, str]
    site_url: str | None = None

    @property
    def offline_copy(self) -> Download | None:
        """The offline copy of the whole site, where `data/downloads.yml` lists one."""
        return next((item for item in self.files if item.offline_copy), None)

    def render(self, language: str, href: Callable[[str], str]) -> str:
        """The list of downloads, in `language`, linked from the page through `href`."""
        items = "".join(self._item(item, language, href) for item in self.files)
        return f'<ul class="toolkit-downloads">{items}</ul>'

    def _item(self, item: Download, language: str, href: Callable[[str], str]) -> str:
        link = (
            f'<a href="{escape(href(item.path))}" download>{escape(item.title[language])}</a>'
            f' <span data-size="{escape(item.path)}"></span><br>{escape(item.text[language])}'
        )
        if not item.offline_copy:
            return f"<li>{link}</li>"
        return f"<li data-online-only>{link}</li>" + self._here(language, "li")

    def offline_copy_link(self, language: str, href: Callable[[str], str], text: str) -> str:
        """A paragraph linking the offline copy online; inside it, what it is instead."""
        item = self.offline_copy
        if item is None:
            raise ValueError(f"{DATA} lists no download with 'offline_copy: true'")
        link = f'<strong><a href="{escape(href(item.path))}" download>{escape(text)}</a></strong>'
        size = f' <span data-size="{escape(item.path)}"></span>'
        return f"<p data-online-only>{link}{size}</p>" + self._here(language, "p")

    def _here(self, language: str, tag: str) -> str:
        text = escape(self.this_is_the_offline_copy[language])
        if self.site_url:
            url = escape(self.site_url)
            text += f' {escape(self.online_at[language])} <a href="{url}">{url}</a>'
        return f"<{tag} data-offline-only hidden>{text}</{tag}>"


def load(root: Path, languages: list[str], site_url: str | None) -> Downloads:
    path = root / DATA
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
        files = [Download(**entry) for entry in data["downloads"]]
        downloads = Downloads(files, data["this_is_the_offline_copy"], data["online_at"])
    except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
        raise ProblemError([Problem(DATA, 0, "downloads", f"unreadable: {error}")]) from None
    for index, item in enumerate(downloads.files):
        for key in ("title", "text"):
            missing = [lang for lang in languages if lang not in getattr(item, key)]
            if missing:
                where = f"downloads.{index}.{key}"
                raise ProblemError([Problem(DATA, 0, where, f"no text in {', '.join(missing)}")])
    downloads.site_url = site_url
    return downloads


def human_size(size: int, language: str) -> str:
    """`1234567` -> `1.2 MB` (`1,2 MB` in Estonian)."""
    value, unit = (size / 1_000_000, "MB") if size >= 1_000_000 else (size / 1000, "kB")
    text = f"{value:.1f}"
    return f"({text.replace('.', ',') if language == 'et' else text} {unit})"


def fill_sizes(html: str, site_dir: Path) -> str:
    """Each size placeholder of a built page, with the size of its file if it exists yet."""
    match = _LANGUAGE.search(html)
    language = match.group(1) if match else "en"

    def size(found: re.Match[str]) -> str:
        path = site_dir / found.group(1)
        if not path.is_file():
            return found.group(0)
        text = human_size(path.stat().st_size, language)
        return f'<span data-size="{found.group(1)}">{text}</span>'

    return _SIZE.sub(size, html)
