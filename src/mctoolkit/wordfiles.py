"""Every worksheet's blank Word template in every language, and one zip of them per language.

Writing a template takes a few tenths of a second, so each is kept under a key made of
everything it is written from (the worksheet's model with its option lists resolved, the
interface texts it uses, the titles of the worksheets it links to, its page, the generator's
code and python-docx's version): a rebuild with nothing changed writes none, and an edit
rewrites only what it touches.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from mctoolkit import cachedir
from mctoolkit.courseplan import chapters, dossier_texts
from mctoolkit.fields import LinkedField
from mctoolkit.model import Worksheet
from mctoolkit.wordinputs import Page, interface_texts
from mctoolkit.workbook import Workbook

# The writers (their code is part of the keys) are imported only when a file must be written:
# python-docx takes longer to import than a build with every file cached takes to find them.
_HERE = Path(__file__).parent
_GENERATOR = [_HERE / "contentcontrol.py", _HERE / "wordtemplate.py"]
_DOSSIER = [_HERE / "dossier.py", _HERE / "courseplan.py"]


@dataclass(frozen=True)
class Download:
    """A file the site offers: its name under `downloads/`, where it is now, its size."""

    name: str
    path: Path
    language: str
    sheet: Worksheet | None = None

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def size_text(size: int, decimal_mark: str = ".") -> str:
    """A file's size as a download link says it: `38 KB`, `1.2 MB` (`1,2 MB` in Estonian)."""
    if size < 1000 * 1024:
        return f"{max(round(size / 1024), 1)} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", decimal_mark)


def template_name(sheet: Worksheet, language: str) -> str:
    """`cost-structure-v1-et.docx`: the worksheet's id, version and language."""
    return f"{sheet.id}-v{sheet.version}-{language}.docx"


# The description templates are not offered as downloads (the browser fills them): they sit
# in a folder of their own under the downloads, apart from the worksheets' templates.
DESCRIPTION_FOLDER = "description"


def description_name(sheet: Worksheet, language: str) -> str:
    """`micro-credential-description-v1-et.docx`: the one-page description's template."""
    return f"{sheet.id}-description-v{sheet.version}-{language}.docx"


# The course plan's template per language (the workbook page's download fills it): in a folder of
# its own under the downloads, like the descriptions'.
DOSSIER_FOLDER = "course-plan"


def dossier_name(language: str) -> str:
    """`course-plan-et.docx`: the whole workbook's template in one language."""
    return f"course-plan-{language}.docx"


def zip_name(language: str) -> str:
    return f"worksheet-templates-{language}.zip"


def _generator_key() -> str:
    digest = hashlib.sha256(metadata.version("python-docx").encode())
    for path in _GENERATOR:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _digest(material: object) -> str:
    text = json.dumps(material, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _key(
    sheet: Worksheet, model: str, workbook: Workbook, language: str, page: Page, shared: str
) -> str:
    """The key of `sheet`'s template in `language`: `model` is the digest of the worksheet's
    model, `shared` of what every template is written from (the generator, interface texts)."""
    linked = {
        f.source.split(".", 1)[0]
        for f in sheet.all_fields()
        if isinstance(f, LinkedField) and f.source
    }
    sources = {i: workbook.worksheets[i].title for i in sorted(linked) if i in workbook.worksheets}
    material = {
        "sheet": model,
        "titles": sources,
        "language": language,
        "page": dataclasses.asdict(page),
        "shared": shared,
    }
    return _digest(material)[:20]


class _Kept:
    """The cache folder's files, listed once per build: each file finds its older versions in
    the list (listing the folder again for each took 0.2 s at ten times the site's size)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.present = {entry.name for entry in folder.iterdir()}
        self.versions: dict[tuple[str, str], set[str]] = {}
        for name in self.present:
            if name.count(".") == 2:  # `stem.key.suffix`
                stem, _, suffix = name.split(".")
                self.versions.setdefault((stem, suffix), set()).add(name)

    def keep(self, name: str, key: str) -> tuple[Path, bool]:
        """The cached file for `name` under `key`, and whether it must be written; old ones go."""
        stem, suffix = name.rsplit(".", 1)
        path = self.folder / f"{stem}.{key}.{suffix}"
        for old in self.versions.pop((stem, suffix), set()) - {path.name}:
            (self.folder / old).unlink()
            self.present.discard(old)
        missing = path.name not in self.present
        self.present.add(path.name)  # the caller writes it when missing
        return path, missing


@dataclass
class Written:
    """The downloads of one build, and how many files had to be written for it."""

    templates: list[Download]
    zips: list[Download]
    written: int = 0
    # the one-page description's template, of each worksheet with exports, per language
    descriptions: list[Download] = field(default_factory=list)
    # the course plan's template per language
    dossiers: list[Download] = field(default_factory=list)


def write_all(
    workbook: Workbook,
    languages: list[str],
    pages: dict[tuple[str, str], Page],
    folder: Path,
    books: dict[str, Page] | None = None,
) -> Written:
    """Every worksheet's template per language, a zip per language and the course plan's
    template per language, cached in `folder`.

    `pages` gives, per (worksheet id, language), the site's name and the page's address;
    `books` the workbook page's per language (by default beside the worksheets' pages).
    """
    folder.mkdir(parents=True, exist_ok=True)
    kept = _Kept(folder)
    shared = _digest({"generator": _generator_key(), "ui": interface_texts(workbook.ui)})
    # A model's digest, once per worksheet: its repr spells out every value (the model holds
    # no sets, whose order would change between runs) and is ten times quicker than `asdict`.
    models = {s.id: hashlib.sha256(repr(s).encode()).hexdigest() for s in workbook.ordered()}
    result = Written([], [])
    for language in languages:
        members: list[Download] = []
        keys: dict[str, str] = {}
        for sheet in workbook.ordered():
            page = pages[(sheet.id, language)]
            name = template_name(sheet, language)
            key = keys[sheet.id] = _key(sheet, models[sheet.id], workbook, language, page, shared)
            path, missing = kept.keep(name, key)
            if missing:
                from mctoolkit.wordtemplate import write_template

                cachedir.write_whole(path, write_template(sheet, workbook, language, page))
                result.written += 1
            members.append(Download(name, path, language, sheet))
            if sheet.exports:
                made = _description(sheet, workbook, (language, page), kept, key, result)
                result.descriptions.append(made)
        result.templates += members
        zip_key = hashlib.sha256(" ".join(m.path.name for m in members).encode()).hexdigest()
        path, missing = kept.keep(zip_name(language), zip_key[:20])
        if missing:
            packed = io.BytesIO()
            with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
                for member in members:
                    archive.write(member.path, member.name)
            cachedir.write_whole(path, packed.getvalue())
            result.written += 1
        result.zips.append(Download(zip_name(language), path, language))
        if chapters(workbook):
            book = (books or {}).get(language) or _book_page(workbook, pages, language)
            made = _dossier(workbook, (language, book), keys, kept, result)
            result.dossiers.append(made)
    return result


def _book_page(workbook: Workbook, pages: dict[tuple[str, str], Page], language: str) -> Page:
    """The workbook page beside the first worksheet's page (`.../worksheets/<id>/`)."""
    first = pages[(chapters(workbook)[0].id, language)]
    return dataclasses.replace(first, url=first.url.rstrip("/").rsplit("/", 1)[0] + "/")


def _dossier(
    workbook: Workbook,
    where: tuple[str, Page],
    keys: dict[str, str],
    kept: _Kept,
    result: Written,
) -> Download:
    """The course plan's template in a language, for the workbook page (`where`), kept under a
    key of its chapters' templates' keys (each worksheet as its own template writes it) and of
    what only the plan uses: its texts, its page and its own code."""
    language, page = where
    material = {
        "chapters": [keys[sheet.id] for sheet in chapters(workbook)],
        "ui": dossier_texts(workbook.ui),
        "page": dataclasses.asdict(page),
        "code": [hashlib.sha256(path.read_bytes()).hexdigest() for path in _DOSSIER],
    }
    name = dossier_name(language)
    path, missing = kept.keep(name, _digest(material)[:20])
    if missing:
        from mctoolkit.dossier import write_dossier

        cachedir.write_whole(path, write_dossier(workbook, language, page))
        result.written += 1
    return Download(name, path, language)


def _description(
    sheet: Worksheet,
    workbook: Workbook,
    where: tuple[str, Page],
    kept: _Kept,
    key: str,
    result: Written,
) -> Download:
    """The one-page description's template of `sheet` in a language, for a page (`where`),
    cached under the key of the worksheet's own template: both change with the same things."""
    language, page = where
    name = description_name(sheet, language)
    path, missing = kept.keep(name, key)
    if missing:
        from mctoolkit.wordtemplate import write_description

        cachedir.write_whole(path, write_description(sheet, workbook, language, page))
        result.written += 1
    return Download(name, path, language, sheet)


def copy_into(written: Written, folder: Path) -> None:
    """Put the downloads into the built site's `folder` (hard links where the disk allows)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / DESCRIPTION_FOLDER).mkdir(exist_ok=True)
    (folder / DOSSIER_FOLDER).mkdir(exist_ok=True)
    placed = [(d, folder / d.name) for d in [*written.templates, *written.zips]]
    placed += [(d, folder / DESCRIPTION_FOLDER / d.name) for d in written.descriptions]
    placed += [(d, folder / DOSSIER_FOLDER / d.name) for d in written.dossiers]
    for download, target in placed:
        target.unlink(missing_ok=True)
        try:
            target.hardlink_to(download.path)
        except OSError:
            target.write_bytes(download.path.read_bytes())
