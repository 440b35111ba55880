"""The sidebar made once for the pages it reads the same on is the sidebar Material makes for each page."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsguide.navigation import NavigationHTML
from tests.benchmark import make_hooked_project, seed_sentences, synthetic_corpus
from tests.sitebuild import build


def _page(url: str, parent: object = None) -> SimpleNamespace:
    # A page as the theme sees it: its address and its sections, innermost first.
    ancestors = [parent, *parent.ancestors] if isinstance(parent, SimpleNamespace) else []
    return SimpleNamespace(url=url, ancestors=ancestors, file=SimpleNamespace(src_uri=url + "index.md"))


def _navigation() -> tuple[SimpleNamespace, SimpleNamespace, SimpleNamespace]:
    # Home, an "Articles" section listing only its index, a "Themes" section with one theme, and a link.
    articles = SimpleNamespace(title="Articles", ancestors=[], children=[])
    articles.children = [_page("articles/", articles)]
    themes = SimpleNamespace(title="Themes", ancestors=[], children=[])
    themes.children = [_page("themes/economics/", themes)]
    link = SimpleNamespace(title="Elsewhere", url="https://example.org/")
    return SimpleNamespace(items=[_page(""), articles, themes, link]), articles, themes


def test_pages_in_one_folder_and_sections_share_a_key() -> None:
    navigation, articles, themes = _navigation()
    memo = NavigationHTML()
    one, other = (
        memo.key(navigation, _page("articles/a/", articles)),
        memo.key(navigation, _page("articles/b/", articles)),
    )
    assert one is not None and one == other
    assert memo.keep(one, "<li>list</li>") == "<li>list</li>" and memo.get(other) == "<li>list</li>"
    # Another section active, or another folder: another list.
    assert memo.key(navigation, _page("articles/c/", themes)) != one
    assert memo.key(navigation, _page("elsewhere/c/", articles)) != one  # a navigation not made from the folders
    assert memo.key(navigation, _page("themes/economics/page/2/", themes)) not in {None, one}


def test_a_listed_page_and_a_page_the_list_links_below_get_a_list_of_their_own() -> None:
    navigation, _, _ = _navigation()
    memo = NavigationHTML()
    assert memo.key(navigation, navigation.items[1].children[0]) is None  # in the sidebar: it shows its headings
    assert memo.key(navigation, _page("themes/", None)) is None  # "themes/economics/" is linked relative to it
    assert memo.key(navigation, _page("", None)) is None
    assert memo.key(navigation, None) is None


def test_another_navigation_starts_afresh() -> None:
    navigation, articles, _ = _navigation()
    memo = NavigationHTML()
    key = memo.key(navigation, _page("articles/a/", articles))
    assert key is not None
    memo.keep(key, "old")
    again, articles_again, _ = _navigation()
    assert memo.get(memo.key(again, _page("articles/a/", articles_again)) or key) is None


@pytest.mark.build
def test_every_page_has_the_sidebar_material_makes_for_it(tmp_path: Path) -> None:
    # Enough articles for every theme's list to take several pages: pages in other folders, in the same section.
    articles = synthetic_corpus(80, seed_sentences())
    ours = build(make_hooked_project(tmp_path / "ours", articles))
    # The same project with Material's own partials/nav.html, which makes the list on every page.
    project = make_hooked_project(tmp_path / "material", articles)
    partial = Path("templates") / "partials" / "nav.html"
    material = importlib.util.find_spec("material")
    assert material is not None and material.origin is not None
    shutil.copy(Path(material.origin).parent / partial, project / "hooks" / partial)
    theirs = build(project)
    assert ours.returncode == theirs.returncode == 0, ours.output + theirs.output
    pages = sorted(path.relative_to(ours.site).as_posix() for path in ours.site.rglob("*.html"))
    assert any(path.startswith("themes/security/page/") for path in pages)
    for path in pages:
        url = path.removesuffix("index.html")
        assert str(ours.html(url).select_one("nav.md-nav--primary")) == str(
            theirs.html(url).select_one("nav.md-nav--primary")
        ), path
