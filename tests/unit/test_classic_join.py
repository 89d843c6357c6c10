"""The offline copy's script joiner: the site's modules and a vendored library as one script."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from mctoolkit.classic import ModuleStyleError, join
from tests.conftest import ROOT

VENDOR = ROOT / "docs" / "assets" / "javascripts" / "vendor"

ENTRY = """\
import { double } from "./lib.js";
const zip = () => import("./vendor/fflate.js");
zip().then(({ zipSync, unzipSync, strToU8, strFromU8 }) => {
  const packed = zipSync({ "a.txt": strToU8("õun & <pirn>") });
  globalThis.result = { text: strFromU8(unzipSync(packed)["a.txt"]), doubled: double(21) };
});
"""


def run(script: str) -> object:
    node = subprocess.run(
        ["node", "-e", script + "\nsetTimeout(() => console.log(JSON.stringify(result)));"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert node.returncode == 0, node.stderr[-2000:]
    return json.loads(node.stdout)


def test_a_vendored_library_with_an_export_list_runs_joined_into_one_script(
    tmp_path: Path,
) -> None:
    (tmp_path / "vendor").mkdir()
    shutil.copy(VENDOR / "fflate.js", tmp_path / "vendor" / "fflate.js")
    (tmp_path / "lib.js").write_text("export var double = (n) => n * 2;\n", "utf-8")
    (tmp_path / "entry.js").write_text(ENTRY, "utf-8")
    script = join(tmp_path, "entry.js")
    assert "import(" not in script and "export" not in script.split("// vendor/fflate.js")[0]
    assert run(script) == {"text": "õun & <pirn>", "doubled": 42}


def test_an_export_list_may_rename(tmp_path: Path) -> None:
    (tmp_path / "lib.js").write_text("const a = 1, b = 2;\nexport {\n  a as one,\n  b\n};\n")
    (tmp_path / "entry.js").write_text(
        'import { one, b } from "./lib.js";\nglobalThis.result = [one, b];\n', "utf-8"
    )
    assert run(join(tmp_path, "entry.js")) == [1, 2]


@pytest.mark.parametrize(
    "source",
    ['export { a } from "./other.js";\n', "export default 1;\n", 'export * from "./x.js";\n'],
)
def test_a_re_export_or_a_default_export_is_refused_by_name(tmp_path: Path, source: str) -> None:
    (tmp_path / "entry.js").write_text(source, "utf-8")
    with pytest.raises(ModuleStyleError, match=r"^entry\.js:1: unsupported module syntax"):
        join(tmp_path, "entry.js")


def test_a_renamed_import_binds_the_exported_value_to_the_new_name(tmp_path: Path) -> None:
    (tmp_path / "lib.js").write_text("export const a = 1;\nexport function c() { return 3; }\n")
    (tmp_path / "entry.js").write_text(
        'import {\n  a as b,\n  c,\n} from "./lib.js";\nglobalThis.result = [b, c()];\n', "utf-8"
    )
    assert run(join(tmp_path, "entry.js")) == [1, 3]


def test_an_import_of_a_name_the_module_does_not_export_is_refused_with_file_and_line(
    tmp_path: Path,
) -> None:
    (tmp_path / "lib.js").write_text("export const a = 1;\n", "utf-8")
    (tmp_path / "entry.js").write_text(
        '// uses lib\nimport { a as b, missing } from "./lib.js";\n', "utf-8"
    )
    with pytest.raises(ModuleStyleError) as refused:
        join(tmp_path, "entry.js")
    assert str(refused.value) == "entry.js:2: 'missing' is not exported by ./lib.js"


@pytest.mark.parametrize(
    "statement",
    [
        'import lib from "./lib.js";',
        'import * as lib from "./lib.js";',
        "import { a } from './lib.js';",
        'import "./lib.js";',
        'import { a as } from "./lib.js";',
        "  export const indented = 1;",
    ],
)
def test_an_import_or_export_the_joiner_cannot_rewrite_is_refused_with_file_and_line(
    tmp_path: Path, statement: str
) -> None:
    (tmp_path / "lib.js").write_text("export const a = 1;\n", "utf-8")
    (tmp_path / "entry.js").write_text(f"const x = 1;\n{statement}\n", "utf-8")
    with pytest.raises(ModuleStyleError, match=r"^entry\.js:2: unsupported "):
        join(tmp_path, "entry.js")


def test_an_import_of_a_computed_name_is_refused_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "entry.js").write_text(
        'const name = "./lib.js";\nconst lib = () => import(name);\n', "utf-8"
    )
    with pytest.raises(ModuleStyleError) as refused:
        join(tmp_path, "entry.js")
    assert str(refused.value) == (
        "entry.js:2: import() of a computed name cannot be joined: import(name)"
    )


def test_the_site_s_own_modules_join_without_a_refusal() -> None:
    script = join(ROOT / "docs", "assets/javascripts/toolkit.js")
    assert '"assets/javascripts/worksheet/index.js"' in script
