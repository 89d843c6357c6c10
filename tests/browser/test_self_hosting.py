"""A school copies the build under a sub-path of its own web server (Debian's nginx)."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.audit import Traffic, search
from tests.browser.test_site_pages import page_paths
from tests.conftest import build_site, free_port, tool

pytestmark = pytest.mark.browser

NGINX_CONFIG = """
daemon off;
worker_processes 1;
user root;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{port};
    location /toolkit/ {{
      alias {site}/;
      error_page 404 /toolkit/404.html;
    }}
  }}
}}
"""


@pytest.fixture(scope="module")
def hosted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built as the README tells a school to: with its address, which only the 404 page needs."""
    destination = tmp_path_factory.mktemp("hosted") / "site"
    result = build_site(destination, environment={"SITE_URL": "https://school.example/toolkit/"})
    assert result.returncode == 0, result.stdout + result.stderr
    return destination


@pytest.fixture(scope="module")
def subpath(hosted_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = hosted_site
    nginx = tool("nginx") if not Path("/usr/sbin/nginx").exists() else "/usr/sbin/nginx"
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    config = tmp / "nginx.conf"
    config.write_text(NGINX_CONFIG.format(tmp=tmp, port=port, site=site))
    process = subprocess.Popen([nginx, "-c", str(config), "-p", str(tmp)], stderr=subprocess.PIPE)
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    else:
        process.kill()
        pytest.fail(
            f"nginx did not start: {process.stderr.read().decode() if process.stderr else ''}"
        )
    yield f"http://127.0.0.1:{port}/toolkit/"
    process.terminate()
    process.wait(timeout=10)


def test_every_page_and_asset_loads_under_a_sub_path(
    hosted_site: Path, subpath: str, context
) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(subpath))
    page = context.new_page()
    traffic = Traffic(origin).watch(page)
    outside: list[str] = []
    page.on(
        "request",
        lambda r: r.url.startswith(origin) and "/toolkit/" not in r.url and outside.append(r.url),
    )
    for path in page_paths(hosted_site):
        response = page.goto(subpath + path.lstrip("/"), wait_until="networkidle")
        assert response is not None and response.status == 200, path
    assert traffic.failed == [] and traffic.foreign == []
    assert outside == [], "requests that escaped the sub-path"


@pytest.mark.parametrize(("language", "word"), [("", "outcomes"), ("et/", "õpiväljundite")])
def test_search_works_under_a_sub_path(subpath: str, page, language: str, word: str) -> None:
    page.goto(subpath + language + "guide/assessment/")
    hrefs = search(page, word)
    assert hrefs and all(href.startswith(subpath + language) for href in hrefs)


def test_language_switch_keeps_the_page_under_a_sub_path(subpath: str, page) -> None:
    page.goto(subpath + "guide/strategy/")
    page.click(".md-header__option .md-select button, .md-header__option .md-select")
    page.click("a[hreflang=et]")
    page.wait_for_url(subpath + "et/guide/strategy/")
    page.click(".md-header__option .md-select button, .md-header__option .md-select")
    page.click("a[hreflang=en]")
    page.wait_for_url(subpath + "guide/strategy/")


def test_a_missing_page_gets_the_not_found_page_with_its_styles(subpath: str, page) -> None:
    responses: list[int] = []
    page.on("response", lambda r: r.url.endswith(".css") and responses.append(r.status))
    response = page.goto(subpath + "no/such/page/")
    assert response is not None and response.status == 404
    assert responses and set(responses) == {200}
