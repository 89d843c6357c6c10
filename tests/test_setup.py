"""`tools/setup.sh` on a fresh Debian machine whose python3 has no venv module."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A python3 that, like Debian's without python3-venv, cannot import ensurepip until the package
# is installed (the stand-in apt-get leaves the file `installed` behind). The stand-ins use only
# bash builtins: their folder is the whole PATH.
PYTHON = """#!/bin/bash
[ -e "${0%/*}/installed" ] && exit 0
echo "ModuleNotFoundError: No module named 'ensurepip'" >&2
exit 1
"""
APT_GET = """#!/bin/bash
echo "$@" >> "${0%/*}/apt-get.log"
[ "$1" = install ] && : > "${0%/*}/installed"
exit 0
"""


def stand_ins(folder: Path, user: int, apt_get: bool) -> Path:
    tools = {"python3": PYTHON, "id": f"#!/bin/bash\necho {user}\n"}
    if apt_get:
        tools["apt-get"] = APT_GET
    for name, script in tools.items():
        (folder / name).write_text(script)
        (folder / name).chmod(0o755)
    return folder


def check(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/bash", "-c", f". {ROOT / 'tools' / 'setup.sh'}; check_python_venv"],
        env={"PATH": str(folder)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_setup_installs_python3_venv_when_python_lacks_it(tmp_path: Path) -> None:
    result = check(stand_ins(tmp_path, user=0, apt_get=True))
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "apt-get.log").read_text().splitlines()
    assert log[-1].split()[-1] == "python3-venv" and "install" in log[-1]


@pytest.mark.parametrize("user", [0, 1000])
def test_without_a_way_to_install_it_the_setup_says_in_one_line_what_to_install(
    tmp_path: Path, user: int
) -> None:
    result = check(stand_ins(tmp_path, user=user, apt_get=user != 0))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "python3-venv" in result.stderr
    assert not (tmp_path / "apt-get.log").exists()
