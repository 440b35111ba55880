"""Themes in a real browser: badges lead to the passage, the ribbon works on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

ARTICLE = "articles/china-japan-rok-trilateral-2025/"


def test_badge_leads_to_the_passage_and_back(page: Page, base_url: str) -> None:
    page.goto(base_url + ARTICLE)
    page.locator("#p5 a.ng-badge", has_text="People-to-people exchange").click()
    expect(page.locator("h1")).to_have_text("People-to-people exchange")
    assert page.url.endswith("themes/people-exchange/#china-japan-rok-trilateral-2025-p5")
    # Instant navigation updates the URL before the browser applies :target; wait for it, bounded.
    page.wait_for_function(
        "document.querySelector(':target')?.id === 'china-japan-rok-trilateral-2025-p5'", timeout=5000
    )
    expect(page.locator(":target mark").first).to_contain_text("Year of Cultural Exchange")
    page.locator(":target .ng-passage-meta a").click()
    page.wait_for_url("**/" + ARTICLE + "#p5")
    expect(page.locator("#p5")).to_be_in_viewport()


def test_ribbon_wraps_with_large_tap_targets_on_a_phone(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740}, color_scheme="dark")
    tab = context.new_page()
    tab.goto(base_url + ARTICLE)
    cells = tab.locator("a.ng-cell")
    assert cells.count() == 8
    boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
    assert all(box is not None and box["width"] >= 44 and box["height"] >= 44 for box in boxes)
    assert len({box["y"] for box in boxes if box}) > 1  # wrapped onto several rows
    assert max(box["x"] + box["width"] for box in boxes if box) <= 360
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360
    cells.nth(6).click()
    assert tab.evaluate("document.querySelector(':target').id") == "p7"
    context.close()


def test_passage_link_on_a_theme_page_scrolls_to_the_paragraph(page: Page, base_url: str) -> None:
    page.goto(base_url + "themes/economics/")
    # The last passage: its paragraph is far down the article, so arriving there means scrolling.
    link = page.locator(".ng-passage .ng-passage-meta a").last
    anchor = str(link.get_attribute("href")).rsplit("#", 1)[1]
    link.click()
    page.wait_for_url("**/" + ARTICLE + "#" + anchor)
    page.wait_for_function(f"document.querySelector(':target')?.id === '{anchor}'", timeout=5000)
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0


def test_home_theme_cards_stack_on_a_phone_and_lead_to_the_theme(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(base_url)
    cards = tab.locator("li.ng-card")
    assert cards.count() >= 4
    boxes = [cards.nth(i).bounding_box() for i in range(cards.count())]
    assert len({box["x"] for box in boxes if box}) == 1  # one column
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    cards.nth(1).locator(".ng-card-title a").click()
    expect(tab.locator("h1")).to_have_text("Security & geopolitics")
    expect(tab).to_have_url(base_url + "themes/security/")
    context.close()
