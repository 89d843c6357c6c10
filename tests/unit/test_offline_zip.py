"""The offline copy's zip is packed again only when one of its inputs changed: a rebuild that
changed none copies the last one, and any change to a file it holds makes it afresh."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mctoolkit import cachedir, offline

DOCS = Path(__file__).resolve().parents[2] / "docs"  # the site's own script sources


@pytest.fixture
def kept(tmp_path: Path) -> Iterator[Path]:
    cachedir.use(tmp_path / "project")
    yield tmp_path / "project" / ".cache" / "mctoolkit" / offline.FOLDER
    cachedir.use(None)


def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "guide").mkdir(parents=True)
    (root / "downloads").mkdir()
    (root / "index.html").write_text('<a href="guide/">Guide</a>', "utf-8")
    (root / "guide" / "index.html").write_text("<p>Costs</p>", "utf-8")
    (root / "downloads" / "sheet-v1-en.docx").write_bytes(b"PK word")
    (root / "downloads" / "templates-en.zip").write_bytes(b"PK templates")
    return root


def pack(root: Path) -> dict[str, bytes]:
    target = root / "downloads" / "copy.zip"
    offline.write_zip(root, target, folder="copy", sources=DOCS)
    with zipfile.ZipFile(target) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def key(root: Path, *parts: str) -> str:
    target = root / "downloads" / "copy.zip"
    return offline.zip_key(offline._members(root, target), *parts)


def test_the_key_changes_with_any_files_content_name_or_presence(tmp_path: Path) -> None:
    root = site(tmp_path)
    first = key(root, "copy")
    assert key(root, "copy") == first
    assert key(root, "other folder") != first
    (root / "guide" / "index.html").write_text("<p>Fees</p>", "utf-8")
    edited = key(root, "copy")
    assert edited != first
    (root / "guide" / "index.html").rename(root / "guide" / "fees.html")
    assert key(root, "copy") != edited
    (root / "extra.css").write_text("", "utf-8")
    assert key(root, "copy") not in (first, edited)


def test_the_zips_of_the_downloads_and_the_zip_itself_are_not_inputs(tmp_path: Path) -> None:
    root = site(tmp_path)
    first = key(root, "copy")
    (root / "downloads" / "templates-en.zip").write_bytes(b"PK other templates")
    (root / "downloads" / "copy.zip").write_bytes(b"PK an older copy")
    assert key(root, "copy") == first


def test_a_rebuild_with_the_same_inputs_copies_the_kept_zip(tmp_path: Path, kept: Path) -> None:
    root = site(tmp_path)
    first = pack(root)
    assert b'href="guide/index.html"' in first["copy/index.html"]
    assert first["copy/downloads/sheet-v1-en.docx"] == b"PK word"
    assert "copy/downloads/sheet-v1-en.docx.js" in first
    assert "copy/downloads/templates-en.zip" not in first
    (entry,) = kept.glob("*.zip")
    with zipfile.ZipFile(entry, "a") as archive:  # marked: a zip packed afresh would lack it
        archive.writestr("copy/kept.txt", "kept")
    (root / "downloads" / "copy.zip").unlink()
    assert pack(root) == {**first, "copy/kept.txt": b"kept"}


def test_a_changed_page_packs_the_zip_afresh_and_keeps_only_it(tmp_path: Path, kept: Path) -> None:
    root = site(tmp_path)
    pack(root)
    (root / "guide" / "index.html").write_text("<p>Fees</p>", "utf-8")
    assert pack(root)["copy/guide/index.html"] == b"<p>Fees</p>"
    assert len(list(kept.glob("*.zip"))) == 1


def test_compressed_formats_are_stored_as_they_are(tmp_path: Path) -> None:
    root = site(tmp_path)
    pack(root)
    with zipfile.ZipFile(root / "downloads" / "copy.zip") as archive:
        kinds = {info.filename: info.compress_type for info in archive.infolist()}
    assert kinds["copy/downloads/sheet-v1-en.docx"] == zipfile.ZIP_STORED
    assert kinds["copy/index.html"] == zipfile.ZIP_DEFLATED
