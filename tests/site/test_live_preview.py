"""`mkdocs serve` shows a partner's edit at once: pages, worksheet YAML and data files."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import free_port


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in fetch(url):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.fixture
def serving(project: Path) -> Iterator[tuple[Path, str]]:
    port = free_port()
    log = (project / "serve.log").open("wb")  # a pipe nobody reads would fill and stall the server
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=project,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(base, "<html", 120), "mkdocs serve did not start"
        yield project, base
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_an_edited_worksheet_label_appears_without_restarting(serving: tuple[Path, str]) -> None:
    project, base = serving
    sheet = project / "worksheets" / "showcase.yml"
    sheet.write_text(
        sheet.read_text("utf-8").replace("Course title, et:", "Course name, et:"), "utf-8"
    )
    assert wait_for(base + "worksheets/showcase/", ">Course name")


def test_an_edited_data_file_appears_without_restarting(serving: tuple[Path, str]) -> None:
    project, base = serving
    ui = project / "data" / "ui.yml"
    ui.write_text(
        ui.read_text("utf-8").replace(
            'example: {en: "Example answer"', 'example: {en: "Sample answer"'
        ),
        "utf-8",
    )
    assert wait_for(base + "worksheets/showcase/", "Sample answer")


def test_an_edited_page_appears_and_no_offline_zip_is_made(serving: tuple[Path, str]) -> None:
    project, base = serving
    page = project / "docs" / "about" / "index.md"
    page.write_text(page.read_text("utf-8") + "\nFreshly written.\n", "utf-8")
    assert wait_for(base + "about/", "Freshly written.")
    with pytest.raises(OSError):
        fetch(base + "downloads/micro-credentials-toolkit.zip")
