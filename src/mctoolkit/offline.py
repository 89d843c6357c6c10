"""A copy of the built site that works opened from disk (`file://`), packed as one zip.

What changes from the served site, and why:
- links to folders end in `index.html`: a browser shows a folder listing for `guide/`;
- the search index is also a script (`search_index.js`, read by Material on `file://`), and the
  search worker runs through the vendored iframe-worker shim (workers are refused on `file://`);
- the site's ES modules run as one classic script (`classic.join`): modules are refused too.
  It is joined from the modules' sources, whose lines the joiner reads (the site's copies are
  minified), and minified in turn;
- each Word template has a script twin (`x.docx.js`) that the Word download reads its bytes
  from, since `fetch` is refused as well; the other downloads (zips) are left out.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
import shutil
import sys
import zipfile
from importlib import resources
from pathlib import Path

from mctoolkit import cachedir
from mctoolkit.classic import join
from mctoolkit.formcache import code_digest
from mctoolkit.minify import minified

ENTRY = "assets/javascripts/toolkit.js"
OFFLINE_ENTRY = "assets/javascripts/toolkit.offline.js"
SHIM = "assets/javascripts/iframe-worker.js"
SKIPPED = (".gz", ".map")

# A link's attribute, found by its name (a pattern that starts with text is searched for fast, one
# that starts with `\s` is tried at every character) and kept only after a space: `data-href`
# and the like stay as they are.
_LINKS = (re.compile(r'href="([^"]*)"'), re.compile(r'src="([^"]*)"'))
_MODULE = re.compile(r'<script src="([^"]*)assets/javascripts/toolkit\.js" type="module"></script>')
_BUNDLE = re.compile(r'<script src="([^"]*)assets/javascripts/bundle\.')
# What a page says online only (a link to this very zip), and what it says inside the zip.
_ONLINE_ONLY = re.compile(r"<(p|li) data-online-only>.*?</\1>", re.S)
_OFFLINE_ONLY = " data-offline-only hidden>"


def file_link(url: str) -> str:
    """`guide/` -> `guide/index.html`, keeping any query and fragment; other links unchanged."""
    if not url or url.startswith(("#", "/", "data:", "mailto:", "javascript:")) or "://" in url:
        return url
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    path, rest = url[:cut], url[cut:]
    if path in ("", ".", "..") or path.endswith("/"):
        path = (path.rstrip("/") + "/" if path not in ("", ".") else "") + "index.html"
        if path.startswith("./"):
            path = path[2:]
    return path + rest


# Every page links the same menu: each link is worked out once.
_file_link = functools.lru_cache(maxsize=4096)(file_link)


def _relink(match: re.Match[str]) -> str:
    start = match.start()
    if not start or not match.string[start - 1].isspace():
        return match.group(0)
    head = match.start(1) - start
    return f'{match.group(0)[:head]}{_file_link(match.group(1))}"'


def offline_page(html: str) -> str:
    html = _ONLINE_ONLY.sub("", html).replace(_OFFLINE_ONLY, " data-offline-only>")
    for links in _LINKS:
        html = links.sub(_relink, html)
    html = _MODULE.sub(lambda m: f'<script src="{m.group(1)}{OFFLINE_ENTRY}"></script>', html)
    return _BUNDLE.sub(
        lambda m: f'<script src="{m.group(1)}{SHIM}"></script>\n{m.group(0)}', html, count=1
    )


def file_script(path: Path) -> str:
    """A classic script that hands a file's bytes to the page: `file://` pages cannot fetch."""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"(window.mctoolkitFiles ||= {{}})[{json.dumps(path.name)}] = {json.dumps(data)};\n"


def _search_script(index_json: str) -> str:
    index = json.loads(index_json)
    for doc in index["docs"]:
        doc["location"] = file_link(doc["location"] or ".")
    return "var __index = " + json.dumps(index, ensure_ascii=False)


# Formats that are compressed already: deflating them again costs time and saves nothing.
STORED = frozenset({".docx", ".zip", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2"})
FOLDER = "offline"  # the cache folder of the last zip written (see `write_zip`)


def _members(site_dir: Path, target: Path) -> list[tuple[Path, str]]:
    """The built files the offline copy is made from, each with its path in the site."""
    itself = target.resolve()
    downloads = target.parent.relative_to(site_dir).as_posix() + "/"
    members = []
    for path in sorted(site_dir.rglob("*")):
        if path.is_dir() or path.suffix in SKIPPED:
            continue
        if path.name == itself.name and path.resolve() == itself:
            continue
        relative = path.relative_to(site_dir).as_posix()
        # Of the downloads, their pages come along, and the Word templates for the pages'
        # "Download as Word"; the other zips do not.
        if relative.startswith(downloads) and path.suffix not in (".html", ".docx"):
            continue
        members.append((path, relative))
    return members


def zip_key(members: list[tuple[Path, str]], *parts: str) -> str:
    """A digest of everything the zip is made from: every member's path and content, the
    `parts` (its folder, the joined script, the shim), and the package's code that turns them
    into the zip's files (`formcache.code_digest`)."""
    digest = hashlib.sha256()
    for part in (code_digest(), sys.version, *parts):
        digest.update(part.encode() + b"\0")
    for path, relative in members:
        content = path.read_bytes()
        digest.update(f"{relative}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def write_zip(site_dir: Path, target: Path, folder: str, sources: Path) -> None:
    """Pack the offline copy of `site_dir` into `target`, under one top-level `folder`;
    `sources` is the folder the site's own scripts were built from (`docs/`).

    A rebuild that changed none of the zip's inputs copies the last zip, kept in the project's
    cache: packing it is most of what the build adds at the end, and it depends only on what
    `zip_key` digests. Its files carry the first build's times; their content is the same."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shim = resources.files("mctoolkit.vendor").joinpath("iframe-worker/shim.js").read_text("utf-8")
    script = minified(OFFLINE_ENTRY, join(sources, ENTRY))
    members = _members(site_dir, target)
    kept = cachedir.folder(FOLDER)
    if kept is None:
        _pack(members, target, folder, script, shim)
        return
    where = target.relative_to(site_dir).as_posix()  # which of the files are downloads
    entry = kept / f"{zip_key(members, folder, where, script, shim)}.zip"
    if entry.is_file():
        entry.touch()
        shutil.copyfile(entry, target)
        return
    _pack(members, target, folder, script, shim)
    for old in kept.glob("*.zip"):  # one site, one offline copy: an older zip is of no use
        old.unlink(missing_ok=True)
    part = entry.with_suffix(".part")
    shutil.copyfile(target, part)
    part.replace(entry)  # whole or not at all, as `cachedir.write_whole`


def _pack(
    members: list[tuple[Path, str]], target: Path, folder: str, script: str, shim: str
) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for path, relative in members:
            name = f"{folder}/{relative}"
            if path.suffix == ".html":
                archive.writestr(name, offline_page(path.read_text("utf-8")))
            elif path.name == "search_index.json":
                archive.writestr(
                    name[: -len(".json")] + ".js", _search_script(path.read_text("utf-8"))
                )
            elif path.suffix in STORED:
                archive.write(path, name, zipfile.ZIP_STORED)
            else:
                archive.write(path, name)
            if path.suffix == ".docx":  # its script twin, for the pages' "Download as Word"
                archive.writestr(f"{name}.js", file_script(path))
        archive.writestr(f"{folder}/{OFFLINE_ENTRY}", script)
        archive.writestr(f"{folder}/{SHIM}", shim)
