"""What keeps the build linear in the number of articles, as a reader sees it."""

from __future__ import annotations

import re
from pathlib import Path

from tests.benchmark import make_hooked_project, seed_sentences, synthetic_corpus
from tests.sitebuild import Build, build

ARTICLE = "articles/china-japan-rok-trilateral-2025/"


def test_articles_are_listed_on_the_home_page_not_in_every_pages_sidebar(site: Build) -> None:
    # Material writes the whole sidebar into every page: n articles there would cost n² to build.
    for url in ["", ARTICLE, "glossary/asean/"]:
        sidebar = {str(a["href"]) for a in site.html(url).select("nav.md-nav--primary a.md-nav__link[href]")}
        # Only the articles section's own index page, which lists them all.
        assert not [href for href in sidebar if re.search(r"articles/[^/#?]+/", href)], url
    assert ARTICLE in {a["href"] for a in site.html("").select(".ng-article-list a")}


def test_a_large_build_still_fails_on_a_bad_override(tmp_path: Path) -> None:
    # A problem found while an article is analysed fails the strict build, with the file, the line
    # and the fix, among many articles and from a warm cache too.
    articles = synthetic_corpus(25, seed_sentences())
    project = make_hooked_project(tmp_path, articles)
    (project / "seeds" / f"{articles[3].name}.yml").write_text("pin:\n  1: [no-such-theme]\n", encoding="utf-8")
    built = build(project, site=tmp_path / "site")
    assert built.returncode != 0
    assert (
        f"seeds/{articles[3].name}.yml:1: field 'pin': paragraph 1: no theme is called 'no-such-theme'" in built.output
    )
    assert "Fix: Use theme slugs" in built.output
    assert "Traceback" not in built.output
    again = build(project, site=tmp_path / "again")
    assert again.returncode != 0
    assert f"seeds/{articles[3].name}.yml:1: field 'pin'" in again.output
