"""The "page not found" page, made to work at any missing address with no configuration.

A web server shows `404.html` (and `et/404.html`) in place of any missing page, at any depth
and under any sub-path, so the address in the browser says nothing about where the site's root
is. The page is written with links relative to the site's root, and `templates/site-root.js`
(inlined first in its `<head>`) finds that root at run time and makes it the page's `<base>`;
Material's own `config.base` is pointed there too, so its search and language menu follow.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources

_CHARSET = '<meta charset="utf-8">'
_CONFIG = re.compile(r'<script id="__config" type="application/json">.*?</script>', re.S)


def _script() -> str:
    """The script, without its comment lines (they are for whoever reads the file)."""
    text = resources.files("mctoolkit").joinpath("templates/site-root.js").read_text("utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def with_site_root(html: str, own: str, sections: list[str]) -> str:
    """`html` (written relative to the site's root) finding its root at run time.

    `own` is the page's path under the root (`404.html`, `et/404.html`); `sections` are the
    site's top folders (`guide`, `et`, ...), which tell the root in most missing addresses.
    """
    if _CHARSET not in html:
        raise ValueError(f"{own}: no {_CHARSET} to put the site's base after")
    mark = hashlib.sha256(html.encode("utf-8")).hexdigest()[:16]
    arguments = ", ".join(json.dumps(value) for value in (own, mark, sorted(sections)))
    head = (
        f'{_CHARSET}\n<base href="about:blank" data-site-root>\n'
        f"<script>{_script().strip()}({arguments});</script>"
    )
    folder = own.rpartition("/")[0]
    rebase = (
        "<script>(function (element) {"
        " var config = JSON.parse(element.textContent);"
        f" config.base = document.baseURI + {json.dumps(folder + '/' if folder else '')};"
        " config.search = new URL(config.search, document.baseURI).href;"
        " element.textContent = JSON.stringify(config);"
        ' })(document.getElementById("__config"));</script>'
    )
    html = html.replace(_CHARSET, head, 1)
    return _CONFIG.sub(lambda match: match.group(0) + rebase, html, count=1)
