"""The reader's experience in Debian's Chromium, on the site served under /readers-guide/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.axe import axe_violations
from tests.browser import run_search
from tests.reader_pages import ARTICLE, SEARCH_QUERY, all_pages, reader_pages, theme_pages
from tests.sitebuild import Build

pytestmark = pytest.mark.browser


@pytest.fixture(params=["light", "dark"])
def scheme_page(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Page]:
    """A page whose system colour scheme is light or dark (the site follows it by default)."""
    context = browser.new_context(base_url=base_url, color_scheme=request.param)
    yield context.new_page()
    context.close()


def test_the_checked_pages_are_the_issues_list(site: Build) -> None:
    pages = reader_pages(site.site)
    themes = theme_pages(site.site)
    assert len(themes) >= 4 and all(url.startswith("themes/") and url in all_pages(site.site) for url in themes)
    assert pages == ["", ARTICLE, *themes, "glossary/", "glossary/rcep/", "figures/", "timeline/"]


def test_axe_finds_no_violations(scheme_page: Page, base_url: str, site: Build) -> None:
    problems = {}
    for url in reader_pages(site.site):
        scheme_page.goto(base_url + url)
        scheme_page.wait_for_load_state("networkidle")
        if violations := axe_violations(scheme_page):
            problems[url or "home"] = violations
    scheme_page.goto(base_url + ARTICLE)
    run_search(scheme_page, SEARCH_QUERY)
    if violations := axe_violations(scheme_page):
        problems["search with results"] = violations
    report = [f"{where}: {v['id']}: {t}" for where, found in problems.items() for v in found for t in v["targets"]]
    assert report == [], "\n".join(report)


def test_every_page_loads_without_console_errors_or_third_parties(page: Page, base_url: str, site: Build) -> None:
    host = urlsplit(base_url).netloc
    for url in all_pages(site.site):
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
        assert page.console_errors == [], url  # type: ignore[attr-defined]
    outside = [u for u in page.requested_urls if urlsplit(u).netloc not in (host, "")]  # type: ignore[attr-defined]
    assert outside == []
    assert all(u.startswith(base_url) for u in page.requested_urls if urlsplit(u).netloc == host)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("query", "passage"),
    [
        ("ASEAN+1", "mechanisms such as ASEAN+1"),
        ("U.S.-China", "U.S.-China strategic competition"),
        ("low-carbon", "green, low-carbon initiatives"),
        ("40 million", "visitors to 40 million by 2030"),
    ],
)
def test_search_finds_the_passage(page: Page, base_url: str, query: str, passage: str) -> None:
    page.goto(base_url)
    run_search(page, query)
    article_result = page.locator(f'.md-search-result__item > a[href*="{ARTICLE}"]').first
    expect(article_result).to_be_visible()
    article_result.click()
    expect(page).to_have_url(re.compile(re.escape(base_url + ARTICLE)))
    # search.highlight marks the query's words on the page; one of them is in the passage.
    paragraph = page.locator(".ng-para", has_text=passage)
    expect(paragraph.locator("mark").first).to_be_visible()


def test_dark_choice_persists_across_instant_navigation(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, color_scheme="light")
    page = context.new_page()
    page.goto(base_url)
    body = page.locator("body")
    for _ in range(3):
        if body.get_attribute("data-md-color-scheme") == "slate":
            break
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.locator(".md-figures-box a, .ng-figures-box .ng-more a").first.click()
    expect(page).to_have_url(base_url + "figures/")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.goto(base_url + ARTICLE)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    context.close()


def test_passage_link_scrolls_to_the_paragraph(page: Page, base_url: str) -> None:
    page.goto(base_url + "figures/")
    link = page.locator("#money ~ ul a.ng-source-link").first
    target = link.get_attribute("href")
    # Material's instant navigation makes links absolute; they must stay under the sub-path.
    assert target is not None and re.fullmatch(re.escape(base_url + ARTICLE) + r"#p\d+", target), target
    link.click()
    anchor = target.rsplit("#", 1)[1]
    expect(page).to_have_url(base_url + ARTICLE + "#" + anchor)
    paragraph = page.locator(f"#{anchor}")
    expect(paragraph).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == anchor


def test_api_pages_reached_by_instant_navigation_get_mkdocstrings_styles(page: Page, base_url: str) -> None:
    # Only pages with API docs link mkdocstrings' stylesheet; instant navigation must bring it along.
    sheet = "link[rel=stylesheet][href$='assets/_mkdocstrings.css']"
    page.goto(base_url + "reference/")
    assert page.locator(sheet).count() == 0
    page.locator("article a[href$='reference/parse/']").first.click()
    expect(page).to_have_url(base_url + "reference/parse/")
    expect(page.locator(sheet)).to_have_count(1)
    description = page.locator(".doc-md-description").first
    expect(description).to_have_css("display", "inline")
    assert page.console_errors == []  # type: ignore[attr-defined]
