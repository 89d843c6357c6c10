"""How much the toolkit's own machinery costs over the stack it requires, and how that grows.

Builds, alternately in one run, (a) the real site, (b) the same Markdown with the stack the
project requires doing nothing of the toolkit's: Material, mkdocs-static-i18n and the macros
plugin rendering no page (no hook, no generated files), and (c) plain Material with the i18n
plugin, for reference. Then the same at ten times the size (a generated copy with ten times the
guidance pages and worksheets). Budget: (a) at most 1.25 times (b), at both sizes.

The toolkit keeps rendered forms and Word files in the project's `.cache/` between builds, and
the copies start without one: the first build of each copy renders everything and is reported
on its own line (what a fresh clone or a CI run without a kept cache pays); the medians and the
budget are those of the rebuilds that follow it (what an author pays on every later build).

    python benchmarks/build_speed.py [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import tempfile
from pathlib import Path

from common import build, copy_project, median, pages


def plain(project: Path) -> str:
    """A configuration of the same site without the toolkit's hook and macros."""
    config = (project / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    config = re.sub(r"\n  - macros:\n(?:      .*\n)+", "\n", config)
    (project / "plain.yml").write_text(config, "utf-8")
    return "plain.yml"


def macros_only(project: Path) -> str:
    """Plain Material plus the macros plugin, rendering no page: the plugin's fixed cost."""
    config = (project / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    docs = project / "docs-unrendered"
    shutil.copytree(project / "docs", docs)
    for page in docs.rglob("*.md"):
        text = page.read_text("utf-8")
        page.write_text(text.replace("render_macros: true", "render_macros: false"), "utf-8")
    (project / "macros.yml").write_text(config + "docs_dir: docs-unrendered\n", "utf-8")
    return "macros.yml"


def enlarge(project: Path, factor: int) -> None:
    """Copy every guidance page and worksheet `factor - 1` more times, under new names."""
    docs = project / "docs"
    guide = sorted((docs / "guide").glob("*.md"))
    sheets = [p for p in sorted((project / "worksheets").glob("*.yml")) if p.stem != "showcase"]
    extra_nav = []
    for copy in range(2, factor + 1):
        folder = docs / f"guide{copy}"
        folder.mkdir()
        for page in guide:
            text = page.read_text("utf-8")
            (folder / page.name).write_text(
                re.sub(r"\]\((?!\.\./|https?:)([^)]+\.md)", r"](\1", text), "utf-8"
            )
        for page in guide:
            if not page.name.endswith(".et.md"):
                extra_nav.append(f"      - guide{copy}/{page.name}")
        for sheet in sheets:
            new_id = f"{sheet.stem}-{copy}"
            text = sheet.read_text("utf-8").replace(f"id: {sheet.stem}\n", f"id: {new_id}\n", 1)
            (project / "worksheets" / f"{new_id}.yml").write_text(text, "utf-8")
            for suffix in ("md", "et.md"):
                call = f'{{{{ worksheet("{new_id}") }}}}'
                stub = f"---\nrender_macros: true\n---\n\n# {new_id}\n\n{call}\n"
                (docs / "worksheets" / f"{new_id}.{suffix}").write_text(stub, "utf-8")
            extra_nav.append(f"      - worksheets/{new_id}.md")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        "\n  - About:\n", "\n  - More:\n" + "\n".join(extra_nav) + "\n  - About:\n"
    )
    config.write_text(text, "utf-8")


BUDGET = 1.25  # the toolkit's build over the stack it requires, rendering nothing


def processor_seconds() -> float:
    """CPU time of the builds run so far: steadier than wall time on a machine others share."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(project: Path, config: str, cpu: list[float]) -> float:
    before = processor_seconds()
    wall = build(project, config)
    cpu.append(processor_seconds() - before)
    return wall


Times = tuple[float, float, float, float, tuple[float, float]]


def compare(project: Path, runs: int) -> Times:
    """Medians of the toolkit's rebuild, the required stack's build (Material, i18n and the
    macros plugin rendering no page) and plain Material's, built alternately in one run; the
    median ratio of the first two's CPU times; and the wall and CPU time of the toolkit's
    first build, with an empty cache."""
    stack, material = macros_only(project), plain(project)
    assert not (project / ".cache").exists(), "the first build starts without a cache"
    first_cpu: list[float] = []
    first = timed_build(project, "mkdocs.yml", first_cpu), first_cpu[0]
    toolkit, required, bare = [], [], []
    toolkit_cpu: list[float] = []
    required_cpu: list[float] = []
    for _ in range(runs):
        toolkit.append(timed_build(project, "mkdocs.yml", toolkit_cpu))
        required.append(timed_build(project, stack, required_cpu))
        bare.append(build(project, material))
    pairs = zip(toolkit_cpu, required_cpu, strict=True)
    cpu_ratio = median([mine / theirs for mine, theirs in pairs])
    return median(toolkit), median(required), median(bare), cpu_ratio, first


def report(title: str, pages_built: int, times: Times) -> None:
    toolkit, required, bare, cpu_ratio, (first, first_cpu) = times
    ratio = toolkit / required
    verdict = "within" if ratio <= BUDGET else "OVER"
    print(f"{title} ({pages_built} pages, both languages):")
    print(f"  toolkit's first build, empty cache       {first:6.2f} s  ({first_cpu:.2f} s CPU)")
    print(f"    its ratio to the required stack        {first / required:6.3f}")
    print(f"  toolkit rebuild                          {toolkit:6.2f} s")
    print(f"  Material + i18n + macros, nothing drawn  {required:6.2f} s")
    print(f"  plain Material + i18n                    {bare:6.2f} s")
    print(f"  ratio to the required stack              {ratio:6.3f}  ({verdict} {BUDGET})")
    print(f"  the same in CPU time (median of runs)    {cpu_ratio:6.3f}")
    print(f"  toolkit per page                         {1000 * toolkit / pages_built:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        real = copy_project(Path(folder) / "real")
        small = compare(real, runs)
        report(f"real site, median of {runs}", pages(real), small)
        big = copy_project(Path(folder) / "big")
        enlarge(big, 10)
        large = compare(big, max(3, runs // 2))
        report(f"ten times larger, median of {max(3, runs // 2)}", pages(big), large)
    growth = (large[0] / large[1]) / (small[0] / small[1])
    print(f"the ratio grows {growth:.3f}x from the real site to ten times its size")


if __name__ == "__main__":
    main()
