"""How much the toolkit's own machinery costs over plain Material, and how the build grows.

Builds, alternately in one run, (a) the real site, (b) the same Markdown with plain Material
and the i18n plugin: no hook, no macros, no generated files, and (c) that plain site with the
macros plugin switched on but rendering no page: the plugin's own fixed cost. Then builds a
synthetic site ten times larger (pages and worksheets) and prints the time per page at both
sizes.

    python benchmarks/build_speed.py [--runs 5]
"""

from __future__ import annotations

import argparse
import re
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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        real = copy_project(Path(folder) / "real")
        config, macros = plain(real), macros_only(real)
        toolkit, material, plugin = [], [], []
        for _ in range(runs):
            toolkit.append(build(real))
            material.append(build(real, config))
            plugin.append(build(real, macros))
        small_pages = pages(real)
        big = copy_project(Path(folder) / "big")
        enlarge(big, 10)
        big_config = plain(big)
        big_times, big_plain = [], []
        for _ in range(max(2, runs // 2)):
            big_times.append(build(big))
            big_plain.append(build(big, big_config))
        big_pages = pages(big)
    t, m, b, bp = median(toolkit), median(material), median(big_times), median(big_plain)
    p = median(plugin)
    print(f"real site ({small_pages} pages, both languages), median of {runs}:")
    print(f"  toolkit build        {t:6.2f} s")
    print(f"  plain Material       {m:6.2f} s")
    print(f"  ratio                {t / m:6.3f}  (budget: at most 1.15)")
    print(f"  plain Material + the macros plugin, rendering no page: {p:.2f} s ({p / m:.3f})")
    print(f"ten times larger ({big_pages} pages), median of {len(big_times)}:")
    print(f"  toolkit build        {b:6.2f} s")
    print(f"  plain Material       {bp:6.2f} s")
    print(f"  ratio                {b / bp:6.3f}")
    small, large = 1000 * t / small_pages, 1000 * b / big_pages
    print(f"  per page: {small:.1f} ms at {small_pages} pages, {large:.1f} ms at {big_pages}")


if __name__ == "__main__":
    main()
