"""Paging through long lists in a real browser: Material-like buttons, by mouse, by keyboard, without JavaScript."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.axe import axe_violations
from tests.benchmark import make_hooked_project, seed_sentences, synthetic_corpus
from tests.browser import serve
from tests.sitebuild import build

pytestmark = pytest.mark.browser

#: Enough articles for every theme to need more than one page.
ARTICLES = 80


@pytest.fixture(scope="module")
def paged_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A strict build of `ARTICLES` synthetic articles, served under the GitHub Pages sub-path."""
    folder = tmp_path_factory.mktemp("paged")
    project = make_hooked_project(folder, synthetic_corpus(ARTICLES, seed_sentences()))
    built = build(project, site=folder / "site")
    assert built.returncode == 0, built.output[-3000:]
    with serve(built.site) as url:
        yield url


def _pager(page: Page) -> str:
    return str(page.locator("nav.ng-pager").first.get_attribute("aria-label"))


def test_next_and_previous_walk_the_pages(browser: Browser, paged_url: str) -> None:
    page = browser.new_page()
    page.goto(paged_url + "themes/security/")
    assert _pager(page).startswith("Pages, page 1 of ")
    page.locator("nav.ng-pager").first.get_by_role("link", name="Next →").click()
    expect(page).to_have_url(paged_url + "themes/security/page/2/")
    assert _pager(page).startswith("Pages, page 2 of ")
    expect(page.locator("h1")).to_contain_text("Security & geopolitics, page 2 of")
    first_quote = page.locator(".ng-passage").first
    expect(first_quote).to_be_visible()
    page.locator("nav.ng-pager").first.get_by_role("link", name="← Previous").click()
    expect(page).to_have_url(paged_url + "themes/security/")
    page.close()


def test_pager_works_by_keyboard_and_names_the_current_page(browser: Browser, paged_url: str) -> None:
    page = browser.new_page()
    page.goto(paged_url + "themes/security/page/2/")
    current = page.locator("nav.ng-pager").first.locator("[aria-current=page]")
    expect(current).to_have_text("2")
    page.locator("nav.ng-pager").first.get_by_role("link", name="Page 1", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(paged_url + "themes/security/")
    assert axe_violations(page) == []
    page.goto(paged_url + "themes/security/page/2/")
    assert axe_violations(page) == []
    page.close()
    dark = browser.new_page(color_scheme="dark")
    dark.goto(paged_url + "themes/security/page/2/")
    assert axe_violations(dark) == []  # the pager's buttons are readable on the dark scheme too
    dark.close()


def test_pages_work_without_javascript(browser: Browser, paged_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(paged_url + "themes/security/")  # a term's articles fit on one page at this size: not paginated
    page.locator("nav.ng-pager").first.get_by_role("link", name="Next →").click()
    expect(page).to_have_url(paged_url + "themes/security/page/2/")
    expect(page.locator(".ng-passage").first).to_be_visible()
    context.close()


def test_a_badge_leads_to_its_passage_on_a_later_page(browser: Browser, paged_url: str) -> None:
    page = browser.new_page()
    page.goto(paged_url + "themes/security/page/2/")
    passage = page.locator(".ng-passage").first
    passage_id = str(passage.get_attribute("id"))
    article, paragraph = passage_id.rsplit("-", 1)
    page.goto(paged_url + f"articles/{article}/")
    page.locator(f"#{paragraph} a.ng-badge", has_text="Security").click()
    expect(page).to_have_url(paged_url + f"themes/security/page/2/#{passage_id}")
    page.close()
