"""Citing, sharing and printing an article, in a real browser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.axe import axe_violations

pytestmark = pytest.mark.browser

ARTICLE = "articles/china-japan-rok-trilateral-2025/"
CANONICAL = "https://trilateral-guide.github.io/readers-guide/" + ARTICLE
TITLE = "Can China, Japan & ROK work together amid the uncertainty of the world?"


@pytest.fixture()
def clipboard_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A page allowed to read and write the clipboard, on the article."""
    context = browser.new_context(base_url=base_url, permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(base_url + ARTICLE)
    yield tab
    context.close()


def _clipboard(page: Page) -> str:
    return str(page.evaluate("navigator.clipboard.readText()"))


def test_cite_paragraph_copies_a_citation_ending_with_its_permalink(clipboard_page: Page) -> None:
    page = clipboard_page
    page.get_by_role("button", name="Cite paragraph 3").click()
    expect(page.get_by_role("status")).to_have_text("Citation of paragraph 3 copied to the clipboard.")
    assert _clipboard(page) == f"WANG Li, “{TITLE}”, Global Connectivities, March 2025, para. 3. {CANONICAL}#p3"


def test_cite_works_by_keyboard(clipboard_page: Page) -> None:
    page = clipboard_page
    page.locator("#p2 .ng-permalink").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Cite paragraph 2")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("copied")
    assert _clipboard(page).endswith("para. 2. " + CANONICAL + "#p2")


def test_every_paragraph_has_one_cite_button(clipboard_page: Page) -> None:
    page = clipboard_page
    paragraphs = page.locator("p.ng-para[id^='p']")
    assert paragraphs.count() > 1
    assert page.locator("p.ng-para[id^='p'] button.ng-cite").count() == paragraphs.count()


def test_cite_this_article_offers_bibtex_and_ris(clipboard_page: Page) -> None:
    page = clipboard_page
    page.get_by_text("Cite this article").click()
    bibtex = page.get_by_label("BibTeX citation", exact=True)
    ris = page.get_by_label("RIS citation", exact=True)
    expect(bibtex).to_contain_text("@online{li2025,")
    expect(bibtex).to_contain_text(f"title = {{{{{TITLE}}}}}")
    expect(bibtex).to_contain_text(f"url = {{{CANONICAL}}}")
    expect(ris).to_contain_text("TY  - ELEC")
    expect(ris).to_contain_text("AU  - WANG Li")
    expect(ris).to_contain_text("PB  - Global Connectivities")
    expect(ris).to_contain_text("DA  - 2025/03")
    page.get_by_role("button", name="Copy the RIS citation").click()
    expect(page.get_by_role("status")).to_have_text("RIS citation copied to the clipboard.")
    assert _clipboard(page) == ris.inner_text()
    assert axe_violations(page) == []


def test_pages_without_an_article_have_no_cite_buttons(page: Page, base_url: str) -> None:
    page.goto(base_url + "themes/security/")
    expect(page.locator("h1")).to_have_text("Security & geopolitics")
    assert page.locator("button.ng-cite").count() == 0


@pytest.mark.parametrize(
    ("url", "kind", "title"),
    [
        ("", "website", "Trilateral Reader's Guide"),
        (ARTICLE, "article", TITLE),
        ("themes/security/", "website", "Security & geopolitics"),
        ("glossary/rcep/", "website", "Regional Comprehensive Economic Partnership (RCEP)"),
    ],
)
def test_share_tags_are_the_pages_own(page: Page, base_url: str, url: str, kind: str, title: str) -> None:
    page.goto(base_url + url)
    head = page.locator("head")
    assert head.locator("meta[property='og:type']").get_attribute("content") == kind
    assert head.locator("meta[property='og:title']").get_attribute("content") == title
    assert head.locator("meta[name='twitter:card']").get_attribute("content") == "summary"
    assert head.locator("meta[name^='twitter:']").count() == 1  # X reads the title and description from og:
    description = head.locator("meta[name='description']").get_attribute("content")
    assert head.locator("meta[property='og:description']").get_attribute("content") == description
    assert head.locator("meta[property='og:url']").get_attribute("content", timeout=1000).endswith("/" + url)
    citations = head.locator("meta[name^='citation_']")
    assert (citations.count() > 0) == (kind == "article")


def test_article_carries_highwire_press_tags(page: Page, base_url: str) -> None:
    page.goto(base_url + ARTICLE)
    tags = {
        name: page.locator(f"head meta[name='{name}']").get_attribute("content")
        for name in (
            "citation_title",
            "citation_author",
            "citation_publication_date",
            "citation_publisher",
            "citation_public_url",
        )
    }
    assert tags == {
        "citation_title": TITLE,
        "citation_author": "WANG Li",
        "citation_publication_date": "2025/03",
        "citation_publisher": "Global Connectivities",
        "citation_public_url": CANONICAL,
    }


def test_article_prints_its_text_with_paragraph_numbers_and_themes(page: Page, base_url: str) -> None:
    page.goto(base_url + ARTICLE)
    expect(page.locator("button.ng-cite").first).to_be_attached()
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "button.ng-cite", ".ng-cite-article"):
        assert page.locator(hidden).first.is_hidden(), hidden
    expect(page.locator("#p3")).to_be_visible()
    expect(page.locator("#p3 .ng-badge").first).to_be_visible()
    expect(page.locator("#p3 .ng-permalink")).to_have_text("¶3")
    expect(page.locator("#p3 .ng-para-number")).to_be_visible()
    page.emulate_media(media="screen")
    expect(page.locator("#p3 .ng-para-number")).to_be_hidden()
    page.emulate_media(media="print")
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
