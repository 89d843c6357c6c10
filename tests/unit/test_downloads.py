"""The list of downloads, and what the offline copy says in place of a link to itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mctoolkit import downloads
from mctoolkit.offline import offline_page
from mctoolkit.problems import ProblemError

ROOT = Path(__file__).resolve().parents[2]


def listed(site_url: str | None) -> downloads.Downloads:
    return downloads.load(ROOT, ["en", "et"], site_url)


def test_inside_the_offline_copy_the_link_to_itself_becomes_where_the_site_is_online() -> None:
    html = listed("https://school.example/toolkit/").offline_copy_link(
        "et", lambda path: f"../../{path}", "Laadi alla"
    )
    inside = offline_page(f'<html lang="et"><body>{html}</body></html>')
    assert ".zip" not in inside and "hidden" not in inside
    assert "Sa loed võrguühenduseta koopiat." in inside
    assert re.search(r'Tööriistakast veebis: <a href="https://school.example/toolkit/">', inside)


def test_without_the_sites_address_the_offline_copy_only_says_what_it_is() -> None:
    html = listed(None).render("en", lambda path: path)
    inside = offline_page(html)
    assert "<a " not in inside and "You are reading the offline copy." in inside


@pytest.mark.parametrize(
    ("online", "inside"),
    [
        ('<a href="guide/">', '<a href="guide/index.html">'),
        ('<a\thref="../#top">', '<a\thref="../index.html#top">'),
        ('<img\nsrc="./?v=1">', '<img\nsrc="index.html?v=1">'),
        (
            '<a href="x/" title="y/"><img src="y/">',
            '<a href="x/index.html" title="y/"><img src="y/index.html">',
        ),
        (
            '<a data-href="x/" href="https://a.example/">',
            '<a data-href="x/" href="https://a.example/">',
        ),
        ('href="x/" is text', 'href="x/" is text'),
    ],
)
def test_in_the_offline_copy_links_to_folders_name_their_page(online: str, inside: str) -> None:
    assert offline_page(online) == inside


def test_another_download_is_one_more_entry_in_the_list() -> None:
    listing = listed(None)
    listing.files.append(
        downloads.Download(
            "downloads/costs.docx", {"en": "Costs", "et": "Kulud"}, {"en": "", "et": ""}
        )
    )
    html = listing.render("et", lambda path: path)
    assert '<li><a href="downloads/costs.docx" download>Kulud</a>' in html


@pytest.mark.parametrize(
    ("size", "language", "shown"),
    [(1_340_000, "en", "(1.3 MB)"), (1_340_000, "et", "(1,3 MB)"), (20_500, "en", "(20.5 kB)")],
)
def test_sizes_are_written_as_the_reader_writes_numbers(
    size: int, language: str, shown: str
) -> None:
    assert downloads.human_size(size, language) == shown


def test_a_download_without_its_estonian_title_is_named_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    text = (
        (ROOT / downloads.DATA)
        .read_text("utf-8")
        .replace("      et: Kogu tööriistakast", "      xx: Kogu")
    )
    (tmp_path / downloads.DATA).write_text(text, "utf-8")
    with pytest.raises(ProblemError) as error:
        downloads.load(tmp_path, ["en", "et"], None)
    assert str(error.value) == "data/downloads.yml: downloads.0.title: no text in et"
