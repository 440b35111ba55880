"""Injection: markup and script in every field of a seed show as text, and nothing from them runs.

A temporary project gets a `.txt` article (with a sidecar) and a `.md` article
whose title, standfirst, byline, body, author note, publisher and source
address carry classic payloads. The built site is served and opened in
Chromium: no dialog may open, no payload may set its flag on `window`, and no
element may carry an event-handler attribute or a `javascript:` address.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import serve
from tests.sitebuild import build, make_project

pytestmark = [pytest.mark.browser, pytest.mark.build]

#: The payloads from the issue, each shown verbatim on the page.
CLASSIC = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '" onmouseover="alert(1)',
]
#: The same attacks setting a flag, so that a payload that runs without a dialog is caught too.
FLAGGED = [
    "<script>window.ngPwned = 'script'</script>",
    "<img src=x onerror=\"window.ngPwned = 'img'\">",
    "[flag](javascript:window.ngPwned='link')",
    '" onmouseover="window.ngPwned = \'attribute\'" x="',
    "<svg onload=\"window.ngPwned = 'svg'\"></svg>",
    "<a href=\"javascript:window.ngPwned='anchor'\">anchor</a>",
]
PAYLOADS = CLASSIC + FLAGGED
BODY = "\n\n".join(f"Paragraph {n}: {payload} ends here." for n, payload in enumerate(PAYLOADS, start=1))

TXT = (
    f"Title {CLASSIC[0]} {CLASSIC[3]}\n\n"
    f"Standfirst {CLASSIC[1]} {FLAGGED[0]}\n\n"
    f"by {CLASSIC[1]}\n\n"
    f"{BODY}\n\n"
    f"Author: {CLASSIC[0]} {FLAGGED[1]} {CLASSIC[3]}\n\n"
    f"This article reflects the author's own opinions and not necessarily the views of {CLASSIC[1]}\n"
)
SIDECAR = (
    "publisher: \"<script>window.ngPwned = 'publisher'</script> <img src=x onerror=alert(1)>\"\n"
    "source_url: 'https://example.org/\"onmouseover=\"alert(1)'\n"
    "date: 2025-03-24\n"
)
MD = (
    "---\n"
    'title: "Markdown <script>alert(1)</script> \\" onmouseover=\\"alert(1)"\n'
    "standfirst: '<img src=x onerror=alert(1)> [x](javascript:alert(1))'\n"
    "author: \"<script>window.ngPwned = 'author'</script>\"\n"
    "publisher: '<img src=x onerror=alert(1)>'\n"
    "source_url: 'https://example.org/\"><script>alert(1)</script>'\n"
    "---\n\n"
    f"{BODY}\n\n"
    "[x](javascript:alert(1)) and [y](JaVaScRiPt:alert(1)) and [z]( javascript:alert(1))\n"
)
PAGES = ["articles/injection/", "articles/injection-md/", ""]

# Event-handler attributes anywhere (the theme uses none), and script addresses in the content (the
# theme's own search "Share" button is `javascript:void(0)`, outside it).
_ATTACK_ATTRIBUTES = """(content) => [...document.querySelectorAll('*')].flatMap(element =>
    [...element.attributes]
        .filter(a => /^on/i.test(a.name)
            || (element.closest(content) && /^\\s*(javascript|data|vbscript):/i.test(a.value)))
        .map(a => `${element.tagName} ${a.name}=${a.value}`))"""
_TRIGGER_EVENTS = """() => { for (const element of document.querySelectorAll('article *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error']) {
        element.dispatchEvent(new Event(type, {bubbles: true}));
    }
} }"""


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The payload articles in a strict build of the project, served under the sub-path."""
    project = make_project(
        tmp_path_factory.mktemp("injection"),
        {"injection.txt": TXT, "injection.yml": SIDECAR, "injection-md.md": MD},
    )
    result = build(project)
    assert result.returncode == 0, result.output
    with serve(result.site) as url:
        yield url


@pytest.fixture()
def tab(browser: Browser, injected: str) -> Iterator[Page]:
    """A browser tab that records every dialog that opens."""
    context = browser.new_context(base_url=injected)
    page = context.new_page()
    dialogs: list[str] = []

    def dismiss(dialog: object) -> None:
        dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", dismiss)
    page.dialogs = dialogs  # type: ignore[attr-defined]
    yield page
    context.close()


@pytest.mark.parametrize("url", PAGES)
def test_nothing_from_the_text_runs(tab: Page, injected: str, url: str) -> None:
    tab.goto(injected + url)
    tab.wait_for_load_state("networkidle")
    tab.evaluate(_TRIGGER_EVENTS)
    for link in tab.locator("article a").all():
        link.hover()
    assert tab.evaluate("window.ngPwned") is None
    assert tab.evaluate(_ATTACK_ATTRIBUTES, "article") == []
    assert tab.dialogs == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("url", PAGES[:2])
def test_payloads_show_as_text(tab: Page, injected: str, url: str) -> None:
    tab.goto(injected + url)
    text = " ".join(tab.locator("article").inner_text().split())
    if url.endswith("-md/"):  # Markdown typography: straight quotes become curly ones
        text = text.translate(str.maketrans("“”‘’", '""' + "''"))
    for number, payload in enumerate(PAYLOADS, start=1):
        if url.endswith("-md/") and payload.startswith("["):
            continue  # in a .md article a Markdown link is a link: only its text shows
        assert f"Paragraph {number}: {payload} ends here." in text
    assert "<script>" in tab.title()


def test_the_txt_article_shows_every_field_as_text(tab: Page, injected: str) -> None:
    tab.goto(injected + PAGES[0])
    assert tab.locator("h1").inner_text() == f"Title {CLASSIC[0]} {CLASSIC[3]}"
    assert tab.locator(".ng-standfirst").inner_text() == f"Standfirst {CLASSIC[1]} {FLAGGED[0]}"
    assert tab.locator(".ng-byline").inner_text() == f"by {CLASSIC[1]}"
    assert CLASSIC[0] in tab.locator(".ng-author-note").inner_text()
    assert "window.ngPwned = 'publisher'" in tab.locator(".ng-publisher").inner_text()
    assert tab.locator("a.ng-source").get_attribute("href") == 'https://example.org/"onmouseover="alert(1)'


def test_markdown_links_to_script_addresses_lose_their_address(tab: Page, injected: str) -> None:
    tab.goto(injected + PAGES[1])
    assert tab.locator(".ng-body a:not(.ng-permalink)").count() >= 3
    for link in tab.locator(".ng-body a:not(.ng-permalink)").all():
        assert not (link.get_attribute("href") or "").strip().lower().startswith("javascript:")


def test_search_results_show_payloads_as_text(tab: Page, injected: str) -> None:
    tab.goto(injected + PAGES[0])
    tab.keyboard.press("s")
    tab.wait_for_load_state("networkidle")
    tab.locator("input.md-search__input").press_sequentially("Paragraph")
    tab.locator(".md-search-result__item").first.wait_for()
    tab.evaluate(_TRIGGER_EVENTS)
    assert tab.evaluate("window.ngPwned") is None
    assert tab.evaluate(_ATTACK_ATTRIBUTES, ".md-search-result") == []
    assert tab.dialogs == []  # type: ignore[attr-defined]
