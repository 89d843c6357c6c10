"""How long a partner waits, under `mkdocs serve`, between saving a guidance page and seeing it.

    python benchmarks/serve_reload.py [--runs 5] [--size 10] [--only serve|dirty]

Serves a copy of the project made `--size` times larger (as `build_speed.py` makes it), with
`mkdocs serve` and with `mkdocs serve --dirty --no-strict` (MkDocs' own rebuild of the
changed pages only). Each run writes a new word into one
guidance page and times how long until the served page holds it: the rebuild a browser's live
reload waits for. Budget: 2 s (median) on the ten-times site.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from build_speed import enlarge
from common import ENVIRONMENT, copy_project, median

BUDGET = 2.0
PAGE = "docs/guide/course-design.md"
URL = "guide/course-design/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def served(url: str, text: str, seconds: float, server: subprocess.Popen[bytes]) -> float | None:
    """Seconds until `url` holds `text`, polling every 20 ms; None if it never does."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.02)
    return None


def tail(project: Path) -> str:
    return "\n".join((project / "serve.log").read_text("utf-8", "replace").splitlines()[-20:])


def reloads(project: Path, runs: int, dirty: bool) -> list[float]:
    if not (project / PAGE).is_file():  # else the wait for its page would last ten minutes
        raise SystemExit(f"{PAGE} is not in the project: name a guidance page that is")
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    log = (project / "serve.log").open("wb")  # a pipe nobody reads would fill and stall it
    process = subprocess.Popen(
        # MkDocs warns of every dirty build, which strict mode (mkdocs.yml) turns into a stop.
        command + (["--dirty", "--no-strict"] if dirty else []),
        cwd=project,
        env=ENVIRONMENT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    page, base = project / PAGE, f"http://127.0.0.1:{port}/"
    try:
        if served(base + URL, "<html", 600, process) is None:
            raise SystemExit(f"mkdocs serve did not start:\n{tail(project)}")
        time.sleep(2)  # the watcher settles after the first build
        times = []
        for run in range(runs):
            # Unique to the mode too: both modes edit the same copy, and a word the first mode
            # left in the page would be "seen" at once by the second.
            word = f"Reloadmark{os.getpid()}{'dirty' if dirty else 'full'}x{run}"
            page.write_text(page.read_text("utf-8") + f"\n\n{word}\n", "utf-8")
            waited = served(base + URL, word, 120, process)
            if waited is None:
                raise SystemExit(f"the edit never showed:\n{tail(project)}")
            times.append(waited)
            time.sleep(1)
        return times
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=int, default=10)
    parser.add_argument("--only", choices=["serve", "dirty"], help="time one of the two")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "site")
        if arguments.size > 1:
            enlarge(project, arguments.size)
        modes = {"serve": [False], "dirty": [True], None: [False, True]}[arguments.only]
        for dirty in modes:
            times = reloads(project, arguments.runs, dirty)
            middle = median(times)
            verdict = "within" if middle <= BUDGET else "OVER"
            name = "mkdocs serve --dirty" if dirty else "mkdocs serve"
            listed = ", ".join(f"{t:.2f}" for t in times)
            print(f"{name:28} median {middle:5.2f} s ({verdict} {BUDGET} s)  runs: {listed}")


if __name__ == "__main__":
    main()
