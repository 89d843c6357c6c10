"""Helpers shared by the benchmarks: copying the project, timing commands, medians."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = (
    "mkdocs.yml",
    "CONTRIBUTING.md",
    "CONTRIBUTING.et.md",
    "docs",
    "data",
    "worksheets",
    "hooks",
    "overrides",
    "src",
)
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    return target


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, env=ENVIRONMENT, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stdout}{result.stderr}")
    return elapsed


def build(project: Path, config: str = "mkdocs.yml") -> float:
    return timed(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", "site-out"],
        project,
    )


def median(values: list[float]) -> float:
    return statistics.median(values)


def pages(project: Path) -> int:
    return sum(1 for _ in (project / "site-out").rglob("index.html"))
