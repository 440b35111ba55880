"""Search serves readers first: the queries in tests/cases/search/queries.yml, typed into Material's search box."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from playwright.sync_api import Page, expect

from tests.browser import run_search
from tests.sitebuild import ROOT

pytestmark = pytest.mark.browser

QUERIES: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "cases" / "search" / "queries.yml").read_text(encoding="utf-8")
)


def _results(page: Page, base_url: str, query: str) -> list[str]:
    # The addresses of the results, in order, relative to the site root.
    if query.isascii():
        run_search(page, query)
    else:  # an input method commits the whole word at once
        page.wait_for_load_state("networkidle")
        box = page.locator("input.md-search__input")
        box.click()
        expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=15_000)
        box.fill(query)
        box.press("End")
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    links = page.locator(".md-search-result__item > a")
    return [
        str(href).split("?")[0].split("#")[0].removeprefix(base_url)
        for href in links.evaluate_all("links => links.map(link => link.href)")
    ]


@pytest.mark.parametrize("case", QUERIES, ids=[case["query"] for case in QUERIES])
def test_query_ranks_its_page_first(page: Page, base_url: str, case: dict[str, Any]) -> None:
    page.goto(base_url)
    results = _results(page, base_url, case["query"])
    if "first" in case:
        assert results[0] == case["first"], (case["why"], results)
    if "listed" in case:
        assert case["listed"] in results, (case["why"], results)
        reference = [i for i, url in enumerate(results) if url.startswith("reference/")]
        assert all(results.index(case["listed"]) < i for i in reference), (case["why"], results)


def test_reference_pages_are_still_found_by_their_own_names(page: Page, base_url: str) -> None:
    page.goto(base_url)
    assert _results(page, base_url, "extract_figures")[0].startswith("reference/")
