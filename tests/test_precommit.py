"""The pre-commit configuration runs the project's own checks, every hook pinned."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT

CONFIG = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))


def hooks() -> dict[str, dict[str, object]]:
    """Every hook by its id, with the repository it comes from."""
    return {
        hook["id"]: {**hook, "repo": repo} for repo in CONFIG["repos"] for hook in repo["hooks"]
    }


def test_every_hook_repository_is_pinned_to_an_exact_version() -> None:
    for repo in CONFIG["repos"]:
        if repo["repo"] != "local":
            assert re.fullmatch(r"v\d+\.\d+\.\d+", repo["rev"]), repo


def test_ruff_is_the_version_the_project_pins() -> None:
    pinned = re.search(r'"ruff==([\d.]+)"', (ROOT / "pyproject.toml").read_text("utf-8"))[1]
    ruff = hooks()["ruff"]["repo"]
    assert ruff["rev"] == f"v{pinned}"  # type: ignore[index]
    assert "ruff-format" in hooks()


def test_the_worksheet_check_is_the_build_s_own_and_sees_every_partner_file() -> None:
    check = hooks()["mctoolkit-check"]
    assert check["entry"] == "mctoolkit check"
    assert check["pass_filenames"] is False
    for changed in ("worksheets/plan.yml", "data/glossary.yml", "docs/guide/x.et.md", "mkdocs.yml"):
        assert re.search(str(check["files"]), changed), changed


def test_yaml_files_are_checked_for_syntax() -> None:
    assert hooks()["check-yaml"]["args"] == ["--unsafe"]  # mkdocs.yml's tags are not errors
