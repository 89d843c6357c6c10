"""How long `mctoolkit check` takes on 100 worksheets, and what rendering adds to a build.

    python benchmarks/worksheet_check.py [--runs 5]

Budgets (issue: worksheets as data): checking 100 worksheets under 2 s; rendering every
worksheet adds at most 5 % to the build.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, build, copy_project, median, timed

from mctoolkit.markup import render_markdown
from mctoolkit.render import render_worksheet
from mctoolkit.workbook import load_workbook


def hundred_worksheets(folder: Path) -> Path:
    """A project holding 100 worksheets: copies of the real ones under new ids."""
    project = folder / "hundred"
    (project / "worksheets").mkdir(parents=True)
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    sources = sorted((ROOT / "worksheets").glob("*.yml"))
    for source in sources:  # the originals, so that links between worksheets resolve
        shutil.copy(source, project / "worksheets" / source.name)
    copy = 0
    while len(list((project / "worksheets").glob("*.yml"))) < 100:
        copy += 1
        for source in sources:
            if len(list((project / "worksheets").glob("*.yml"))) >= 100:
                break
            new_id = f"{source.stem}-{copy}"
            text = source.read_text("utf-8").replace(
                f"\nid: {source.stem}\n", f"\nid: {new_id}\n", 1
            )
            (project / "worksheets" / f"{new_id}.yml").write_text(text, "utf-8")
    return project


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        project = hundred_worksheets(Path(folder))
        command = [sys.executable, "-m", "mctoolkit", "check", "--root", str(project)]
        check = [timed(command, project) for _ in range(runs)]
        site = copy_project(Path(folder) / "site")
        builds = [build(site) for _ in range(runs)]
    workbook = load_workbook(ROOT, ["en", "et"])
    renders = []
    for _ in range(runs):
        render_markdown.cache_clear()  # measure a cold build's rendering, not a cached one
        start = time.perf_counter()
        for sheet in workbook.worksheets.values():
            for language in workbook.languages:
                render_worksheet(sheet, workbook, language)
        renders.append(time.perf_counter() - start)
    print(f"mctoolkit check, 100 worksheets, median of {runs}: {median(check):.2f} s (budget: 2 s)")
    print(f"site build, median of {runs}: {median(builds):.2f} s")
    share = 100 * median(renders) / median(builds)
    count = len(workbook.worksheets)
    print(f"rendering all {count} worksheets in both languages: {1000 * median(renders):.0f} ms")
    print(f"  = {share:.1f} % of the build (budget: at most 5 %)")


if __name__ == "__main__":
    main()
