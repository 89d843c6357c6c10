"""The site's own scripts as a browser fetches them: without comments and layout.

The sources under `docs/assets/` are written for the people who read and change them: whole-word
names, a comment saying why. A reader's browser needs neither, and every byte of a worksheet's
start-up code is a byte she waits for on a school's slow connection. So the build writes each
script of the site's copy anew from its source, with comments and layout removed (rJSmin: it
keeps every name and every statement as written, so the served code does what the source says).
It cannot read a template literal inside another one's `${}`; ESLint refuses those.
Left as they came: files someone else prepared (a `vendor/` folder, `*.min.*`), whose first line
names their licence and origin, and the stylesheets: rCSSmin joined `.a :is(.b)` into `.a:is(.b)`,
which selects something else, and a stylesheet gains little (4.6 to 3.4 KB gzipped).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import rjsmin  # type: ignore[import-untyped]


def _script(text: str) -> str:
    return str(rjsmin.jsmin(text, keep_bang_comments=True))


MINIFIERS: dict[str, Callable[[str], str]] = {".js": _script}


def minified(name: str, text: str) -> str:
    """`text`, the content of the file `name`, without comments and layout (as it is if the
    file is not a script)."""
    minify = MINIFIERS.get(Path(name).suffix)
    return text if minify is None else minify(text)


def own_assets(docs_dir: Path, folder: str = "assets") -> Iterator[Path]:
    """The scripts under `docs_dir/folder` written in this project, relative to `docs_dir`."""
    for path in sorted((docs_dir / folder).rglob("*")):
        relative = path.relative_to(docs_dir)
        if path.suffix not in MINIFIERS or ".min." in path.name or "vendor" in relative.parts:
            continue
        yield relative


def minify_site(docs_dir: Path, site_dir: Path) -> None:
    """Write the site's copy of every own script minified from its source."""
    for relative in own_assets(docs_dir):
        target = site_dir / relative
        if target.is_file():  # `mkdocs serve` may be between a file's removal and its rebuild
            source = (docs_dir / relative).read_text("utf-8")
            target.write_text(minified(relative.name, source), "utf-8")
