"""Under `mkdocs serve`, a contributor sees the build's problems on the page too, until they are fixed; search works."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.sitebuild import ROOT, make_project, served

pytestmark = pytest.mark.browser

BROKEN = ROOT / "tests" / "cases" / "docs" / "glossary-unknown-kind" / "glossary" / "odd-gadget.md"


def test_serve_shows_a_broken_term_in_a_banner_until_it_is_fixed(tmp_path: Path, browser: Browser) -> None:
    project = make_project(tmp_path)
    term = project / "docs" / "glossary" / "odd-gadget.md"
    shutil.copy(BROKEN, term)
    with served(project) as url:
        page = browser.new_page()
        page.goto(url)
        banner = page.locator(".md-banner .ng-build-problems")
        expect(banner).to_be_visible()
        expect(banner).to_contain_text("The build found 1 problem")
        expect(banner).to_contain_text("docs/glossary/odd-gadget.md")
        expect(banner).to_contain_text("unknown kind 'gadget'")
        expect(banner).to_contain_text("Fix:")
        page.goto(url + "themes/")
        expect(banner).to_be_visible()  # on every page

        term.write_text(BROKEN.read_text(encoding="utf-8").replace("kind: gadget", "kind: concept"), encoding="utf-8")
        deadline = time.monotonic() + 120
        while page.locator(".ng-build-problems").count() and time.monotonic() < deadline:
            time.sleep(1)
            page.goto(url)
        assert page.locator(".ng-build-problems").count() == 0, "the banner stayed after the fix"
        page.goto(url + "glossary/odd-gadget/")
        expect(page.locator("h1")).to_have_text("Odd gadget")


def test_search_finds_sharded_articles_under_serve(tmp_path: Path, browser: Browser) -> None:
    # `mkdocs serve` builds into its own folder: the index is split there too, and the worker fetches the shards.
    project = make_project(tmp_path)
    with served(project) as url:
        with urllib.request.urlopen(url + "search/search_index.json", timeout=10) as response:
            core = json.load(response)
        assert core["config"]["newsguide"]["pages"] > 0
        assert not [doc for doc in core["docs"] if doc["location"].startswith("articles/china-japan")]
        page = browser.new_page()
        page.goto(url)
        # Not `run_search`: the served page's live-reload request never lets the network go idle.
        box = page.locator("input.md-search__input")
        box.click()
        expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=30_000)
        box.press_sequentially("40 million", delay=20)
        article = page.locator(".md-search-result__item > a[href*='articles/china-japan-rok-trilateral-2025/']")
        expect(article.first).to_be_attached(timeout=30_000)
        links = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(link => link.href)")
        assert any("articles/china-japan-rok-trilateral-2025/" in link for link in links), links


def test_a_plain_build_has_no_banner(tmp_path: Path) -> None:
    # The banner is for `mkdocs serve`; the strict build fails on problems instead, and a published
    # page never carries one.
    html = (ROOT / "hooks" / "templates" / "main.html").read_text(encoding="utf-8")
    assert "newsguide_problems" in html
    project = make_project(tmp_path)
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    shutil.copy(BROKEN, project / "docs" / "glossary" / "odd-gadget.md")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env={**environment, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        check=True,
    )
    assert "ng-build-problems" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
