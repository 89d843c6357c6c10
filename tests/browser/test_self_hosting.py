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
    location /toolkit/et/ {{
      alias {site}/et/;
      error_page 404 /toolkit/et/404.html;
    }}
  }}
}}
"""


@pytest.fixture(scope="module")
def hosted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built as the README tells a school to, without configuring anything (no SITE_URL)."""
    destination = tmp_path_factory.mktemp("hosted") / "site"
    result = build_site(destination, environment={"SITE_URL": ""})
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


MISSING = [("", "Eesti", "et/"), ("et/", "English", "")]


def open_missing(subpath: str, page, language: str) -> Traffic:
    """A missing address three folders deep; what the not-found page then loaded."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(subpath))
    traffic = Traffic(origin).watch(page)
    response = page.goto(subpath + language + "a/b/c/", wait_until="networkidle")
    assert response is not None and response.status == 404
    return traffic


@pytest.mark.parametrize(("language", "other", "other_home"), MISSING)
def test_the_not_found_page_is_styled_at_any_depth_under_a_sub_path(
    subpath: str, page, language: str, other: str, other_home: str
) -> None:
    loaded: list[str] = []
    page.on(
        "response",
        lambda r: r.ok and r.request.resource_type != "document" and loaded.append(r.url),
    )
    traffic = open_missing(subpath, page, language)
    assets = [url for url in loaded if "/assets/" in url]
    assert any(url.endswith(".css") for url in assets) and any(
        url.endswith(".js") for url in assets
    )
    assert all(url.startswith(subpath + "assets/") for url in assets), assets
    assert [url for url in traffic.failed if "/assets/" in url] == []
    header = page.locator(".md-header").evaluate("e => getComputedStyle(e).position")
    assert header == "sticky"


@pytest.mark.parametrize(("language", "other", "other_home"), MISSING)
def test_the_not_found_pages_links_lead_into_the_site(
    subpath: str, page, language: str, other: str, other_home: str
) -> None:
    open_missing(subpath, page, language)
    link = page.locator(".md-nav--primary a[href$='guide/strategy/']").first
    with page.expect_navigation():
        link.click()
    assert page.url == subpath + language + "guide/strategy/"
    assert page.locator("h1").first.inner_text().strip() != ""


@pytest.mark.parametrize(("language", "other", "other_home"), MISSING)
def test_the_not_found_pages_language_menu_leads_to_the_other_languages_home(
    subpath: str, page, language: str, other: str, other_home: str
) -> None:
    open_missing(subpath, page, language)
    page.click(".md-header__option .md-select")
    page.get_by_role("link", name=other, exact=True).click()
    page.wait_for_url(subpath + other_home)
    assert page.locator("html").get_attribute("lang") == ("et" if other_home else "en")
