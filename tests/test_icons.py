"""Icons drawn once in a shared file: the pages reference them, and the file holds every one they reference."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from newsguide.icons import ICONS_PATH, Icons
from tests.sitebuild import Build

SEARCH = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5"/></svg>'
GRADIENT = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><linearGradient id="g"/>'
    '<rect fill="url(#g)" width="8" height="8"/></svg>'
)


def test_an_inline_icon_becomes_a_reference_with_its_attributes() -> None:
    icons = Icons()
    page = f'<label class="md-icon">{SEARCH}</label><a class="md-logo">{SEARCH}</a>'
    shared, used = icons.share(page, "articles/x/")
    assert len(used) == 1
    name, box, drawing = used[0]
    reference = f'<svg viewBox="0 0 24 24"><use xlink:href="../../assets/newsguide/icons.svg#{name}"></use></svg>'
    assert shared == f'<label class="md-icon">{reference}</label><a class="md-logo">{reference}</a>'
    assert (box, drawing) == ("0 0 24 24", '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5"/>')
    assert Icons().share(SEARCH, "")[1] == used  # the same id on any page, in any build


def test_icons_a_shared_copy_could_draw_differently_stay_inline() -> None:
    without_box = '<svg xmlns="http://www.w3.org/2000/svg" width="8"><path d="M0 0h8"/></svg>'
    page = f"<p>{GRADIENT}{without_box}</p>"
    assert Icons().share(page, "") == (page, ())


def test_the_shared_file_holds_each_icon_once_as_a_symbol_and_kept_pages_add_theirs() -> None:
    icons = Icons()
    _, used = icons.share(SEARCH + SEARCH, "")
    other = Icons()
    other.add(used)  # a page kept from an earlier build brings its icons back
    assert other.sprite() == icons.sprite()
    sprite = BeautifulSoup(icons.sprite(), "html.parser")
    assert [(s["id"], s["viewbox"]) for s in sprite.select("symbol")] == [(used[0][0], "0 0 24 24")]


def test_every_icon_a_page_references_is_in_the_shared_file(site: Build) -> None:
    symbols = set(re.findall(r'<symbol id="([^"]+)"', (site.site / ICONS_PATH).read_text(encoding="utf-8")))
    referenced: set[str] = set()
    for path in site.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        depth = len(path.relative_to(site.site).parts) - 1
        for target, name in re.findall(r'<use xlink:href="([^"#]*)#([^"]+)"', html):
            assert target == "../" * depth + ICONS_PATH, path
            referenced.add(name)
        assert "<svg xmlns=" not in html or path.name == "404.html", path  # the 404 page is not a page of the site
    assert referenced == symbols
    assert len(symbols) >= 10  # logo, menu, colour schemes, search, share, clear, repository, edit, top
