"""Browser tests: the system Chromium (Debian's ``chromium``) driven by Playwright, headless, offline.

``make test-browser`` installs what they need (chromium and a Devanagari font with apt-get, reveal.js and
MathJax with ``npm ci``, the ``playwright`` package) and runs ``pytest -m browser``. Where something is
missing the tests are skipped with a message that names it. Screenshots go to build/test-artifacts/.
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from browser_helpers import ARTIFACTS, CHROMIUM, ROOT

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--lang=hi-IN"]
LOCAL_PREFIXES = ("http://127.0.0.1:", "http://localhost:", "data:", "blob:", "about:", "file://")


def missing_requirements() -> list[str]:
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (Debian package 'chromium': make test-browser installs it with apt-get)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package 'playwright' (pip install -c constraints.txt -e .[dev])")
    return missing


def pytest_collection_modifyitems(config, items):
    missing = missing_requirements()
    if not missing:
        return
    skip = pytest.mark.skip(reason="browser test skipped, missing: " + "; ".join(missing))
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class RequestLog:
    """Every URL a browser context asks for; ``external()`` lists those that would leave this machine."""

    def __init__(self, context):
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))

    def external(self) -> list[str]:
        return [u for u in self.urls if not u.startswith(LOCAL_PREFIXES)]


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    ctx.request_log = RequestLog(ctx)
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """A website of two notebooks (00: Hindi text and tables, 03: equations) built from the committed notebooks."""
    from coursekit.tooling import site
    from coursekit.tooling.assets import node_modules

    modules = node_modules()
    if not (modules / "mathjax").is_dir() or not (modules / "reveal.js").is_dir():
        pytest.skip(f"browser test skipped, missing: {modules}/mathjax and reveal.js (run `npm ci`; "
                    "make test-browser does it)")
    build = tmp_path_factory.mktemp("site")
    names = ["00_welcome", "03_vanishing_exploding_gradients"]
    site.build_from_committed([ROOT / "notebooks" / f"{n}.ipynb" for n in names], build=build)
    return build


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
