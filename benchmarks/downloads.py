"""The Word downloads: bytes loaded on demand, time from the press to the file, build time.

    .venv/bin/python benchmarks/downloads.py [--runs 5]

1. Bytes: gzip -9 of each file the "Download as Word" button loads when pressed (word.js,
   docx.js and the vendored, minified fflate), each compressed on its own as a server sends
   it. Budget: 15 KB.
2. Press to file: the worksheet with the most answer places, filled with its worked example,
   in headless Chromium; from the click on "Download as Word" (and "as Markdown") to the
   browser's download event. Median of several runs; the first press (which also fetches the
   code and the template) is shown apart.
3. Build: a copy of the project built with an empty template cache (every template written),
   then again with nothing changed (none written); the difference is the templates' share.
   The templates are also timed alone, in this process: every one written, and none.

4. The course plan (the workbook page's "Download the course plan"): the bytes its press loads
   (every script of code it fetches, gzipped; its data script and template apart), and
   the time from the press to the file for the worked example's plan (every worksheet), median
   of several runs with the first apart.

Exits 1 when a byte budget is exceeded.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import ROOT, build, copy_project, median

from mctoolkit.wordfiles import write_all
from mctoolkit.wordtemplate import Page
from mctoolkit.workbook import load_workbook

SCRIPTS = ROOT / "docs" / "assets" / "javascripts"
ON_DEMAND = ("worksheet/word.js", "worksheet/docx.js", "vendor/fflate.js")
# Every script the press fetches on the workbook page: linkedrows.js (the documents label chosen
# rows with it) and classic-script.js are loaded at start on a worksheet page, not on this one.
PLAN_ON_DEMAND = (
    "worksheet/dossier.js",
    "worksheet/docx.js",
    "worksheet/format.js",
    "worksheet/linkedrows.js",
    "worksheet/classic-script.js",
    "vendor/fflate.js",
)
BUDGET = 15 * 1024
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def on_demand_bytes(names: tuple[str, ...] = ON_DEMAND) -> dict[str, int]:
    return {name: len(gzip.compress((SCRIPTS / name).read_bytes(), 9)) for name in names}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        del format, args


def _serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def largest_worksheet() -> str:
    workbook = load_workbook(ROOT, ["en", "et"])
    sheets = [s for s in workbook.ordered() if s.example]
    return max(sheets, key=lambda s: sum(1 for _ in s.all_fields())).id


def press_to_file(site: Path, sheet: str, runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    server = _serve(site)
    times: dict[str, list[float]] = {"word": [], "markdown": []}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            page = browser.new_context(accept_downloads=True).new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/worksheets/{sheet}/")
            page.wait_for_selector("[data-ws-root].ws--live")
            page.click('[data-ws-action="example"]')
            page.wait_for_selector('[data-ws-root][data-ws-state="saved"]')
            for _ in range(runs + 1):
                for kind in times:
                    start = time.perf_counter()
                    with page.expect_download() as download:
                        page.click(f'[data-ws-action="{kind}"]')
                    download.value.path()
                    times[kind].append((time.perf_counter() - start) * 1000)
            browser.close()
    finally:
        server.shutdown()
    return times


def press_to_plan(site: Path, runs: int) -> list[float]:
    """The worked example's course plan, from the press to the download event, in ms."""
    from playwright.sync_api import sync_playwright

    server = _serve(site)
    times: list[float] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            page = browser.new_context(accept_downloads=True).new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/worksheets/")
            page.wait_for_selector(".ws-workbook--live")
            page.click('[data-ws-action="example-open"]')
            for _ in range(runs + 1):
                start = time.perf_counter()
                with page.expect_download() as download:
                    page.click('[data-ws-action="dossier"]')
                download.value.path()
                times.append((time.perf_counter() - start) * 1000)
            browser.close()
    finally:
        server.shutdown()
    return times


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def template_times(runs: int) -> tuple[list[float], list[float]]:
    workbook = load_workbook(ROOT, ["en", "et"])
    pages = {
        (sheet, language): Page("Toolkit", f"https://example.org/{sheet}/")
        for sheet in workbook.worksheets
        for language in workbook.languages
    }
    cold, warm = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            for times in (cold, warm):
                start = time.perf_counter()
                write_all(workbook, workbook.languages, pages, Path(folder))
                times.append(time.perf_counter() - start)
    return cold, warm


def build_times(runs: int) -> tuple[list[float], list[float], Path]:
    work = Path(tempfile.mkdtemp(prefix="downloads-bench-"))
    project = copy_project(work / "project")
    cold, warm = [], []
    for _ in range(runs):
        shutil.rmtree(project / ".cache" / "mctoolkit" / "word", ignore_errors=True)
        cold.append(build(project))
        warm.append(build(project))
    return cold, warm, project / "site-out"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    sizes = on_demand_bytes()
    total = sum(sizes.values())
    for name, size in sizes.items():
        print(f"on demand: {name:24} {size:6,} bytes gzipped")
    print(f"on demand: {'total':24} {total:6,} bytes (budget {BUDGET:,})")

    alone_cold, alone_warm = template_times(runs)
    all_written, none_written = median(alone_cold), median(alone_warm)
    print(f"templates alone: all written {all_written:.2f} s, none {none_written:.3f} s")
    cold, warm, site = build_times(runs)
    share = median(cold) - median(warm)
    print(f"build, empty template cache: median {median(cold):.2f} s")
    print(f"build, nothing changed:      median {median(warm):.2f} s")
    print(f"templates' share: {share:.2f} s ({share / median(cold):.0%} of a build writing them)")

    sheet = largest_worksheet()
    times = press_to_file(site, sheet, runs)
    for kind, values in times.items():
        first, rest = values[0], values[1:]
        then = median(rest)
        print(f"press to file, {kind:8} ({sheet}): first {first:.0f} ms, then median {then:.0f} ms")

    plan = on_demand_bytes(PLAN_ON_DEMAND)
    for name, size in plan.items():
        print(f"course plan on demand: {name:24} {size:6,} bytes gzipped")
    plan_total = sum(plan.values())
    print(f"course plan on demand: {'total':24} {plan_total:6,} bytes (budget {BUDGET:,})")
    for name in ("assets/course-plan.en.js", "assets/course-plan-example.en.js"):
        print(f"course plan data: {name:36} {gzipped(site / name):7,} bytes gzipped")
    template = site / "downloads" / "course-plan" / "course-plan-en.docx"
    print(f"course plan template: {template.name} {template.stat().st_size:,} bytes")
    first, *rest = press_to_plan(site, runs)
    print(
        f"press to file, course plan (worked example): first {first:.0f} ms, "
        f"then median {median(rest):.0f} ms"
    )
    return 0 if total <= BUDGET and plan_total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
