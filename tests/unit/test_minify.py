"""The site's own scripts and stylesheets, served without comments and layout."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from mctoolkit.minify import minified, minify_site, own_assets
from tests.conftest import ROOT, tool
from tests.unit.nodejs import run_script

DOCS = ROOT / "docs"


def test_a_script_loses_its_comments_and_layout() -> None:
    source = "// Why.\nexport function twice(value) {\n  return value * 2; /* doubled */\n}\n"
    assert minified("x.js", source) == "export function twice(value){return value*2;}"


def test_text_inside_strings_templates_and_patterns_is_kept_as_written() -> None:
    source = 'const a = `x  // y\n  ${b}  z`;\nconst c = "/* d */";\nconst e = /f\\/\\/g/;\n'
    result = minified("x.js", source)
    assert "`x  // y\n  ${b}  z`" in result
    assert '"/* d */"' in result
    assert "/f\\/\\/g/" in result


def test_every_own_script_minified_is_the_same_program_as_its_source() -> None:
    """Same syntax tree, every literal's and template's text included (ESLint's parser)."""
    pairs = []
    for relative in own_assets(DOCS):
        source = (DOCS / relative).read_text("utf-8")
        pairs.append(
            {"name": str(relative), "source": source, "minified": minified(str(relative), source)}
        )
    assert len(pairs) > 30
    assert run_script("same_program.mjs", pairs) == []


def test_the_program_check_sees_a_template_the_minifier_broke() -> None:
    source = 'const a = `x ${b ? ` c` : ""}`;\n'
    pair = {"name": "nested.js", "source": source, "minified": minified("nested.js", source)}
    assert run_script("same_program.mjs", [pair]) == ["nested.js"]


def test_stylesheets_and_other_files_are_left_as_they_are() -> None:
    assert minified("x.json", '{ "a": 1 }') == '{ "a": 1 }'
    assert minified("x.css", ".a :is(.b) { color: red; }") == ".a :is(.b) { color: red; }"


def test_vendored_and_already_minified_files_are_not_the_projects_own() -> None:
    own = {path.as_posix() for path in own_assets(DOCS)}
    assert "assets/javascripts/worksheet/index.js" in own
    assert "assets/stylesheets/worksheet.css" not in own
    assert not any("/vendor/" in path or ".min." in path for path in own)


def test_the_site_copy_is_written_from_the_source(tmp_path: Path) -> None:
    docs, site = tmp_path / "docs", tmp_path / "site"
    for folder in (docs, site):
        (folder / "assets").mkdir(parents=True)
        (folder / "assets" / "a.js").write_text("let a = 1; // one\n", "utf-8")
    (docs / "assets" / "gone.js").write_text("let b = 2;\n", "utf-8")  # not in the site (yet)
    minify_site(docs, site)
    assert (site / "assets" / "a.js").read_text("utf-8") == "let a=1;"
    assert not (site / "assets" / "gone.js").exists()


def test_the_node_suites_pass_on_the_minified_modules(tmp_path: Path) -> None:
    """The served code does what the source does: the browser modules' own tests, run on them."""
    shutil.copytree(ROOT / "tests" / "js", tmp_path / "tests" / "js")
    shutil.copytree(DOCS / "assets", tmp_path / "docs" / "assets")
    (tmp_path / "src").symlink_to(ROOT / "src")
    minify_site(DOCS, tmp_path / "docs")
    engine = Path("assets") / "javascripts" / "worksheet" / "index.js"
    assert len((tmp_path / "docs" / engine).read_text()) < len((DOCS / engine).read_text())
    suites = sorted(str(path) for path in (tmp_path / "tests" / "js").glob("*.test.mjs"))
    result = subprocess.run(
        [tool("node"), "--test", *suites], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
