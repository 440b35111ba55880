"""What keeps the build linear in the number of articles, as a reader sees it."""

from __future__ import annotations

import re

from tests.sitebuild import Build

ARTICLE = "articles/china-japan-rok-trilateral-2025/"


def test_articles_are_listed_on_the_home_page_not_in_every_pages_sidebar(site: Build) -> None:
    # Material writes the whole sidebar into every page: n articles there would cost n² to build.
    for url in ["", ARTICLE, "glossary/asean/"]:
        sidebar = {str(a["href"]) for a in site.html(url).select("nav.md-nav--primary a.md-nav__link[href]")}
        # Only the articles section's own index page, which lists them all.
        assert not [href for href in sidebar if re.search(r"articles/[^/#?]+/", href)], url
    assert ARTICLE in {a["href"] for a in site.html("").select(".ng-article-list a")}
