"""The site in a real browser, served under a sub-path as on GitHub Pages."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser import run_search

pytestmark = pytest.mark.browser

ARTICLE = "articles/china-japan-rok-trilateral-2025/"


def test_article_opens_from_home_and_permalink_targets_paragraph(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.locator(".ng-article-list a").first.click()
    title = "Can China, Japan & ROK work together amid the uncertainty of the world?"
    expect(page.locator("h1")).to_have_text(title, timeout=15_000)  # bounded, but not by a busy machine's pace
    page.wait_for_load_state("networkidle")  # instant navigation ready: it would take the click, without :target
    page.locator("#p5 .ng-permalink").click()
    assert page.url.endswith("#p5")
    # Instant navigation updates the URL before the browser applies :target; wait for it, bounded.
    page.wait_for_function("document.querySelector(':target')?.id === 'p5'", timeout=15_000)


def test_a_permalink_stays_highlighted_on_a_page_opened_directly(page: Page, base_url: str) -> None:
    # A reader arriving from elsewhere opens the article by a full load. On the first click on a ¶ link,
    # Material's instant navigation fetches the page again and swaps it in; the paragraph must stay
    # highlighted (:target) in the new page. The fetch is slowed, so it lands after the click's own highlight.
    page.goto(base_url + ARTICLE)
    page.wait_for_load_state("networkidle")  # Material has the sitemap: it handles the click

    def slowly(route: Route) -> None:
        time.sleep(1.0)
        route.continue_()

    page.route(f"**/{ARTICLE}", slowly)
    page.evaluate("document.getElementById('p5').dataset.before = 'swap'")
    with page.expect_response(lambda response: response.url.endswith(ARTICLE), timeout=15_000):
        page.locator("#p5 .ng-permalink").click()
    page.wait_for_function("document.getElementById('p5')?.dataset.before === undefined", timeout=15_000)
    page.wait_for_function("document.querySelector(':target')?.id === 'p5'", timeout=15_000)
    assert page.url.endswith(ARTICLE + "#p5")


def test_no_console_errors_and_no_third_party_requests(page: Page, base_url: str) -> None:
    host = urlsplit(base_url).netloc
    for url in ["", ARTICLE]:
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
    assert page.console_errors == []  # type: ignore[attr-defined]
    outside = [u for u in page.requested_urls if urlsplit(u).netloc not in (host, "")]  # type: ignore[attr-defined]
    assert outside == []


def test_the_shared_icons_are_drawn(page: Page, base_url: str) -> None:
    # The header's icons come from one shared file (`newsguide.icons`): each visible one has a size and a colour,
    # also on a page two folders deeper reached by instant navigation.
    page.goto(base_url)
    page.locator(".ng-article-list a").first.click()
    expect(page.locator("h1")).to_have_text(re.compile("Can China"), timeout=15_000)
    page.wait_for_load_state("networkidle")
    drawn = page.evaluate(
        """() => [...document.querySelectorAll('.md-header svg use, .md-content__button svg use')]
            .filter(use => use.closest('svg').getBoundingClientRect().width > 0)
            .map(use => [use.getBBox().width, getComputedStyle(use).fill])"""
    )
    assert len(drawn) >= 4  # logo, colour scheme, search, repository, edit
    assert all(width > 0 and fill.startswith("rgb") for width, fill in drawn), drawn


def test_search_finds_rcep(page: Page, base_url: str) -> None:
    page.goto(base_url + ARTICLE)
    run_search(page, "RCEP")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    assert "RCEP" in results.first.inner_text()


def test_missing_page_gets_the_sites_404(page: Page, base_url: str) -> None:
    response = page.goto(base_url + "no/such/page/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_contain_text("404")
    page.locator("a.md-header__button.md-logo").click()
    assert urlsplit(page.url).path == urlsplit(base_url).path


def test_404_page_is_styled_and_scripted_at_any_depth(page: Page, base_url: str) -> None:
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    missing = base_url + "a/b/c/missing/"
    page.goto(missing)
    page.wait_for_load_state("networkidle")
    assert failed == [missing]
    # The only console error is Chromium reporting the page's own 404 status.
    assert len(page.console_errors) <= 1  # type: ignore[attr-defined]
    # Material's stylesheet is applied: the header is fixed at the top.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
