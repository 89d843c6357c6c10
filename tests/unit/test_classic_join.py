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
    with pytest.raises(ModuleStyleError, match=r"entry\.js: unsupported module syntax"):
        join(tmp_path, "entry.js")
