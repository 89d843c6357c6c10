"""Reading Word files in tests: their text and content controls (python-docx), and their PDF
text after LibreOffice has converted them (as a person opening them in an office suite would)."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn

from mctoolkit.contentcontrol import controls


def open_document(data: bytes | Path) -> Document:
    return docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))


def _text(element: object) -> str:
    """The text of runs under `element`: line breaks as newlines, tabs as tabs."""
    kinds = {qn("w:br"): "\n", qn("w:tab"): "\t"}
    return "".join(
        node.text or "" if node.tag == qn("w:t") else kinds[node.tag]
        for node in element.iter(qn("w:t"), qn("w:br"), qn("w:tab"))  # type: ignore[attr-defined]
    )


def paragraphs(document: Document) -> list[str]:
    """Every paragraph's text in the body, tables and content controls included, in order."""
    return [_text(paragraph) for paragraph in document.element.body.iter(qn("w:p"))]


def body_text(document: Document) -> str:
    return "\n".join(paragraphs(document))


def tags(document: Document) -> list[str]:
    return [tag for tag, _ in controls(document.element.body)]


def control_text(document: Document, tag: str) -> list[str]:
    """The text of each content control tagged `tag`, its paragraphs on lines of their own."""
    found = []
    for name, sdt in controls(document.element.body):
        if name == tag:
            holder = sdt.find(qn("w:sdtContent"))
            lines = [_text(p) for p in holder.iter(qn("w:p"))]
            found.append("\n".join(lines) if lines else _text(holder))
    return found


def ids(document: Document) -> list[str]:
    """Every `w:id` of content controls and bookmarks (they share one number space)."""
    body = document.element.body
    controls_ids = [element.get(qn("w:val")) for element in body.iter(qn("w:id"))]
    return controls_ids + [element.get(qn("w:id")) for element in body.iter(qn("w:bookmarkStart"))]


def pdf_texts(files: list[Path], folder: Path) -> dict[str, str]:
    """Convert `files` to PDF with one LibreOffice run; the text of each PDF by file stem.

    A file LibreOffice cannot open gives no PDF, so the caller's lookup fails on it.
    """
    profile = folder / "libreoffice-profile"  # its own profile: runs elsewhere cannot lock it
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    texts = {}
    for file in files:
        pdf = folder / f"{file.stem}.pdf"
        if pdf.exists():
            result = subprocess.run(
                ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True
            )
            texts[file.stem] = result.stdout.decode("utf-8")
    return texts
