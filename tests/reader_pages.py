"""The pages the accessibility checks and the audit cover, and how a reader searches."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

ARTICLE = "articles/china-japan-rok-trilateral-2025/"

#: Pages every accessibility check covers. Extend here; the glossary index and theme pages join by themselves.
AXE_PAGES = ["", ARTICLE, "glossary/rcep/", "figures/", "timeline/"]


def all_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as site-relative URLs ("" for the home page)."""
    urls = [p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")]
    return sorted("" if url == "./" else url for url in urls)


def site_pages(site: Path, pages: list[str]) -> list[str]:
    """`pages`, plus the glossary index and every theme page once the built site has them."""
    found = all_pages(site)
    extra = [url for url in found if url == "glossary/" or (url.startswith("themes/"))]
    return [*pages, *(url for url in extra if url not in pages)]


def open_search(page: Page, query: str) -> None:
    """Open Material's search with the `s` key, wait until it is ready, and type the query as a reader would."""
    page.keyboard.press("s")
    # A query typed before the search index is ready is not searched again.
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Initializing search")
    page.locator("input.md-search__input").press_sequentially(query)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
