"""Budgets of the worksheet in the browser: bytes, time to interactive, typing to result.

    .venv/bin/python benchmarks/browser_budget.py [--runs 9]

1. Size: the toolkit's own scripts and styles a worksheet page fetches while it loads and
   settles, before the reader does anything, as headless Chromium requests them (not by reading
   imports): gzip -9 of each file on its own, as a server sends it, minified as the build
   serves it (src/mctoolkit/minify.py). Modules a page fetches only when needed (a button's
   code, version checks, rare displays, and the optional parts of features.js that its
   worksheet lacks) are listed apart and not counted.
   Budget: 18 KB (18,432 bytes). Measured on the synthetic worksheet below, and with --site on
   every worksheet page of a build of the project, in each language (Material's own files are
   not the toolkit's and are left out).
2. Time to interactive: a synthetic worksheet of 300 fields (every field type, formulas,
   conditions, a table, a group), rendered by the package's own renderer into a plain page,
   opened in headless Chromium with an empty cache. Median of several runs, with no answers
   and with all 300 answers stored as the page stores them (a returning reader's record, its
   computed values with it: the page then has nothing to store again at start). Budget: 50 ms
   from the worksheet script's start (its module running) to ready: every control filled,
   worked out and listening. Also shown, not judged: from the entry script's start, which adds
   fetching the modules (from Python's one-thread-per-request server here) and the browser's
   first layout of the page.
3. Typing: one key typed in a number field feeding formulas; from the input event to the
   computed value's new text. Budget: one frame (16.7 ms).

Exits 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import shutil
import statistics
import sys
import tempfile
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from common import build, copy_project

from mctoolkit.minify import minify_site
from mctoolkit.render import render_worksheet
from mctoolkit.workbook import load_workbook

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets"
ENTRY = ASSETS / "javascripts" / "toolkit.js"
STYLESHEET = ASSETS / "stylesheets" / "worksheet.css"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SIZE_BUDGET = 18 * 1024
READY_BUDGET_MS = 50.0
FRAME_MS = 1000 / 60
FIELDS = 300


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def fetched_at_start(url: str, folder: Path, browser: Any) -> dict[Path, int]:
    """The toolkit's files (those of docs/assets) the page at `url`, served from `folder`,
    fetches while it loads and settles, with their gzipped sizes."""
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.wait_for_selector("[data-ws-root].ws--live")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # what an idle callback or a late task would still fetch
    page.close()
    sizes: dict[Path, int] = {}
    for address in requested:
        relative = urllib.parse.urlsplit(address).path.split("/assets/", 1)
        if len(relative) == 2 and (ASSETS / relative[1]).is_file():
            sizes[ASSETS / relative[1]] = gz(folder / "assets" / relative[1])
    return sizes


def report_sizes(sizes: dict[Path, int], folder: Path) -> int:
    """Print what the page, served from `folder`, fetched at start and what it left for later;
    the total."""
    total = sum(sizes.values())
    later = sorted(set((ASSETS / "javascripts" / "worksheet").glob("*.js")) - set(sizes))
    width = max(len(str(path.relative_to(ROOT))) for path in [*sizes, *later])
    print("Fetched at start (gzip -9, each file on its own):")
    for path, size in sizes.items():
        print(f"  {path.relative_to(ROOT)!s:<{width}}  {size:>6,} B")
    print(f"  {'total':<{width}}  {total:>6,} B  (budget {SIZE_BUDGET:,} B)")
    print("Fetched only when needed (not counted):")
    for path in later:
        served = folder / "assets" / path.relative_to(ASSETS)
        print(f"  {path.relative_to(ROOT)!s:<{width}}  {gz(served):>6,} B")
    return total


# --- A synthetic worksheet of 300 fields ---------------------------------------------------------


def _text(en: str) -> dict[str, str]:
    return {"en": en, "et": f"{en} (et)"}


def synthetic_worksheet(fields: int = FIELDS) -> dict[str, Any]:
    """Every field type in turn; every tenth field a formula over the numbers before it."""
    kinds = [
        "text",
        "textarea",
        "number",
        "money",
        "date",
        "choice",
        "multichoice",
        "scale",
        "checklist",
    ]
    items: list[dict[str, Any]] = []
    numbers: list[str] = []
    for n in range(1, fields + 1):
        field_id = f"f{n:03d}"
        item: dict[str, Any] = {"id": field_id, "label": _text(f"Field {n}")}
        if n == 150:
            item.update(
                type="table",
                columns=[
                    {"id": "name", "type": "text", "label": _text("Name")},
                    {"id": "amount", "type": "money", "currency": "EUR", "label": _text("Amount")},
                ],
                min_rows=3,
            )
        elif n == 151:
            item.update(type="computed", expr="sum(f150.amount)", format="money", currency="EUR")
        elif n == 152:
            item.update(
                type="group",
                item_label=_text("Item"),
                fields=[
                    {"id": "who", "type": "text", "label": _text("Who")},
                    {"id": "what", "type": "textarea", "label": _text("What")},
                ],
            )
        elif n % 10 == 0 and len(numbers) >= 2:
            item.update(type="computed", expr=f"{numbers[-1]} + {numbers[-2]} * 2", decimals=2)
            numbers.append(field_id)
        else:
            kind = kinds[n % len(kinds)]
            item["type"] = kind
            if kind in ("choice", "multichoice", "checklist"):
                item["options"] = [
                    {"id": f"o{v}", "label": _text(f"Option {v}")} for v in range(1, 6)
                ]
            if kind == "scale":
                item["points"] = [{"value": v, "label": _text(str(v))} for v in range(1, 6)]
            if kind in ("number", "money"):
                numbers.append(field_id)
            if kind == "text" and numbers:
                item["show_if"] = f"{numbers[-1]} > 10 or not answered({numbers[-1]})"
            item["required"] = n % 7 == 0
        items.append(item)
    sections = [
        {"id": f"s{index}", "title": _text(f"Section {index}"), "fields": items[start : start + 30]}
        for index, start in enumerate(range(0, len(items), 30), start=1)
    ]
    return {
        "id": "bench",
        "version": 1,
        "title": _text("Three hundred fields"),
        "intro": _text("A worksheet for the browser benchmark."),
        "sections": sections,
    }


def answers_for(spec: dict[str, Any]) -> dict[str, Any]:
    """An answer for every field that takes one, as the page stores it."""
    answers: dict[str, Any] = {}
    for field_id, field in spec["fields"].items():
        kind = field["type"]
        if kind in ("text", "textarea"):
            answers[field_id] = f"Answer to {field_id}"
        elif kind in ("number", "money"):
            answers[field_id] = 42
        elif kind == "date":
            answers[field_id] = "2027-01-31"
        elif kind == "choice":
            answers[field_id] = field["options"][1]
        elif kind in ("multichoice", "checklist"):
            answers[field_id] = field["options"][:2]
        elif kind == "scale":
            answers[field_id] = 3
        elif kind == "table":
            answers[field_id] = [{"name": f"Row {n}", "amount": n * 10} for n in range(1, 6)]
        elif kind == "group":
            answers[field_id] = [{"who": "Mari", "what": "Everything"}]
    return answers


def build_page(folder: Path) -> dict[str, Any]:
    """Render the synthetic worksheet into folder/index.html with the site's assets; its spec."""
    (folder / "worksheets").mkdir()
    (folder / "data").mkdir()
    shutil.copy(ROOT / "data" / "ui.yml", folder / "data" / "ui.yml")
    (folder / "worksheets" / "bench.yml").write_text(
        yaml.safe_dump(synthetic_worksheet(), allow_unicode=True), "utf-8"
    )
    workbook = load_workbook(folder, ["en", "et"])
    fragment = render_worksheet(workbook.worksheets["bench"], workbook, "en")
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark</title>'
        '<link rel="stylesheet" href="assets/stylesheets/worksheet.css"></head>'
        f'<body><main class="md-typeset">{fragment}</main>'
        '<script type="module" src="assets/javascripts/toolkit.js"></script></body></html>'
    )
    (folder / "index.html").write_text(page, "utf-8")
    shutil.copytree(ASSETS / "javascripts", folder / "assets" / "javascripts")
    shutil.copytree(ASSETS / "stylesheets", folder / "assets" / "stylesheets")
    minify_site(ROOT / "docs", folder)  # as the build serves them
    spec_text = re.search(r'class="ws-spec">(.*?)</script>', fragment, re.S)
    assert spec_text
    return json.loads(spec_text.group(1))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        del format, args


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


@contextmanager
def browser_open() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# --- Measuring ------------------------------------------------------------------------------------

READY = """() => {
  const at = (name) => performance.getEntriesByName(name)[0].startTime;
  return { script: at("ws:ready") - at("ws:module"), entry: at("ws:ready") - at("ws:start") };
}"""

# Times one typed key: from the input event to the formula's output showing its new text, and
# whether that happened in the same task as the input event (so before any frame is drawn).
WATCH_TYPING = """([name, output]) => {
  const field = document.querySelector(`[name="${name}"]`);
  const out = document.querySelector(`output[name="${output}"]`);
  window.__typing = new Promise((resolve) => {
    let began = 0;
    let sameTask = false;
    const start = () => {
      began = performance.now();
      sameTask = true;
      setTimeout(() => (sameTask = false));
    };
    document.addEventListener("input", start, { capture: true, once: true });
    new MutationObserver((_, observer) => {
      observer.disconnect();
      resolve({ ms: performance.now() - began, sameTask });
    }).observe(out, { childList: true, characterData: true, subtree: true });
  });
  field.focus();
}"""


STORAGE_KEY = "mctoolkit:answers:bench"


def stored_record(url: str, spec: dict[str, Any], browser: Any) -> str:
    """The record the page itself stores for every answer of `spec`: seeded with the answers
    alone, then as the page writes it back with the values it works out."""
    seed = {"format": 1, "worksheet": "bench", "version": 1, "rev": "seed"}
    seed |= {"answers": answers_for(spec), "computed": {}, "earlier": {}}
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(f"localStorage.setItem({STORAGE_KEY!r}, {json.dumps(json.dumps(seed))})")
    page.goto(url)
    page.wait_for_function(f'!localStorage.getItem({STORAGE_KEY!r}).includes(\'"rev":"seed"\')')
    record: str = page.evaluate(f"localStorage.getItem({STORAGE_KEY!r})")
    context.close()
    return record


def measure(url: str, spec: dict[str, Any], runs: int, browser: Any) -> dict[str, list[float]]:
    stored = stored_record(url, spec, browser)
    fields = spec["fields"]
    formula = next(
        (fid, f["formula"]["a"][0]["ref"])
        for fid, f in fields.items()
        if f.get("formula", {}).get("op") == "+"
        and fields[f["formula"]["a"][0]["ref"]]["type"] in ("number", "money")
    )
    results: dict[str, list[float]] = {
        "empty": [], "filled": [], "empty from entry": [], "filled from entry": [], "typing": []
    }  # fmt: skip
    for run in range(runs + 1):  # the first run only warms the browser up
        for case in ("empty", "filled"):
            context = browser.new_context()
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
            if case == "filled":
                seed = json.dumps(stored)
                page.add_init_script(f"localStorage.setItem({STORAGE_KEY!r}, {seed})")
            page.goto(url)
            page.wait_for_selector("[data-ws-root].ws--live")
            assert not errors, errors
            if run:
                ready = page.evaluate(READY)
                results[case].append(ready["script"])
                results[f"{case} from entry"].append(ready["entry"])
            if case == "filled" and run:
                output, source = formula
                page.evaluate(WATCH_TYPING, [source, output])
                page.keyboard.press("End")
                page.keyboard.type("7")
                typed = page.evaluate("window.__typing")
                assert typed["sameTask"], "the computed value waited for a later task"
                results["typing"].append(typed["ms"])
            context.close()
    return results


def site_sizes() -> int:
    """Build the project; every worksheet page's start bytes, in each language. The largest."""
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        build(project)
        site = project / "site-out"
        pages = sorted(page.parent for page in site.glob("**/worksheets/*/index.html"))
        totals: dict[str, int] = {}
        with serve(site) as url, browser_open() as browser:
            for page in pages:
                if "data-ws-root" not in (page / "index.html").read_text("utf-8"):
                    continue  # the canvas
                address = page.relative_to(site).as_posix() + "/"
                totals[address] = sum(fetched_at_start(url + address, site, browser).values())
    print(f"\nEvery worksheet page of the site ({len(totals)}), toolkit's bytes fetched at start:")
    for address, total in sorted(totals.items(), key=lambda item: item[1]):
        print(f"  {address:<40} {total:>6,} B")
    values = list(totals.values())
    print(
        f"  median {statistics.median(values):,.0f} B, largest {max(values):,} B"
        f" (budget {SIZE_BUDGET:,} B)"
    )
    return max(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=9, help="measured runs (median reported)")
    parser.add_argument(
        "--site", action="store_true", help="also every worksheet page of a build of the project"
    )
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        spec = build_page(Path(folder))
        with serve(Path(folder)) as url, browser_open() as browser:
            total = report_sizes(fetched_at_start(url, Path(folder), browser), Path(folder))
            print(
                f"\nSynthetic worksheet: {len(spec['fields'])} fields;"
                f" {arguments.runs} runs, median"
            )
            results = measure(url, spec, arguments.runs, browser)
    over = total > SIZE_BUDGET
    for case, label, budget in (
        ("empty", "worksheet script start -> ready, no answers", READY_BUDGET_MS),
        ("filled", "worksheet script start -> ready, 300 answers", READY_BUDGET_MS),
        ("typing", "typed key -> computed value shown", FRAME_MS),
        ("empty from entry", "entry script start -> ready, no answers", None),
        ("filled from entry", "entry script start -> ready, 300 answers", None),
    ):
        values = results[case]
        median = statistics.median(values)
        over |= budget is not None and median > budget
        judged = f"budget {budget:.1f} ms" if budget else "not judged"
        print(
            f"  {label:<46} median {median:6.1f} ms  (min {min(values):.1f},"
            f" max {max(values):.1f}; {judged})"
        )
    if arguments.site:
        over |= site_sizes() > SIZE_BUDGET
    print("\nOVER BUDGET" if over else "\nWithin every budget.")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
