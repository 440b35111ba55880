"""Shared fixtures: one strict build of the site, on the fixture corpus, for all tests that read it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright
from playwright.sync_api import Page as BrowserPage

from tests.browser import CHROMIUM_ARGS, require_chromium, serve
from tests.sitebuild import ROOT, SEED, Build, build, make_project


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A strict build of the project with the fixture corpus (`tests/fixtures/corpus/`), in a temporary folder."""
    result = build(make_project(tmp_path_factory.mktemp("project")), site=tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture()
def seed_text() -> str:
    """The seed article as received."""
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def root() -> Path:
    """The project root."""
    return ROOT


@pytest.fixture(scope="session")
def base_url(site: Build) -> Iterator[str]:
    """The real site, built once, served under the GitHub Pages sub-path."""
    with serve(site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (skipped locally, failed on CI, when missing)."""
    path = require_chromium()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser: Browser, base_url: str) -> Iterator[BrowserPage]:
    """A fresh browser page; records console errors and every requested URL on it."""
    context = browser.new_context(base_url=base_url)
    tab = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("request", lambda request: requests.append(request.url))
    tab.console_errors = errors  # type: ignore[attr-defined]
    tab.requested_urls = requests  # type: ignore[attr-defined]
    yield tab
    context.close()
