"""Glossary links in a real browser: hover and tap show the definition; search puts entries first."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser import run_search

pytestmark = pytest.mark.browser

ARTICLE = "articles/china-japan-rok-trilateral-2025/"
SITE_URL = "https://trilateral-guide.github.io/"


def _same_host_sitemap(page: Page, base_url: str) -> None:
    # Material keeps instant previews to URLs in sitemap.xml, matching scheme and host
    # but not port; on the real host they match, on the test server's port they must be made to.
    origin = re.sub(r"(https?://[^/]+/).*", r"\1", base_url)

    def rewrite(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(SITE_URL, origin))

    page.route("**/sitemap.xml", rewrite)


def test_hover_on_a_term_shows_its_definition(page: Page, base_url: str) -> None:
    _same_host_sitemap(page, base_url)
    page.goto(base_url + ARTICLE)
    page.locator("#p3 a.ng-term", has_text="Regional Comprehensive Economic Partnership").hover()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_contain_text("Regional Comprehensive Economic Partnership (RCEP)")
    expect(tooltip).to_contain_text("is a free trade agreement among")
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_keyboard_focus_on_a_term_shows_its_definition(page: Page, base_url: str) -> None:
    _same_host_sitemap(page, base_url)
    page.goto(base_url + ARTICLE)
    page.locator("#p8 a.ng-term", has_text="Pivot to Asia").focus()
    expect(page.locator(".md-tooltip2--active")).to_contain_text("United States strategy")


def test_first_tap_shows_the_definition_second_tap_opens_the_entry(browser: Browser, base_url: str) -> None:
    context = browser.new_context(
        base_url=base_url, has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    _same_host_sitemap(page, base_url)
    page.goto(base_url + ARTICLE)
    link = page.locator("#p3 a.ng-term", has_text="Regional Comprehensive Economic Partnership")
    link.tap()
    expect(page.locator(".md-tooltip2--active")).to_contain_text("is a free trade agreement among")
    assert page.url.endswith(ARTICLE)
    link.tap()
    expect(page).to_have_url(re.compile(r"/glossary/rcep/$"))
    context.close()


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("RCEP", "glossary/rcep/"),
        ("ASEAN+1", "glossary/asean-plus-one/"),
        ("Pivot to Asia", "glossary/pivot-to-asia/"),
        ("East Asia Summit", "glossary/east-asia-summit/"),
    ],
)
def test_search_puts_the_term_page_first(page: Page, base_url: str, query: str, entry: str) -> None:
    page.goto(base_url + ARTICLE)
    run_search(page, query)
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_be_visible()
    assert first.get_attribute("href").split("?")[0] == base_url + entry
