"""What keeps the build linear in the number of articles, as a reader sees it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from unittest import mock

from newsguide import forked
from newsguide.corpus import FORK_FROM_ARTICLES, load_corpus
from tests.benchmark import in_process_build, make_hooked_project, seed_sentences, synthetic_corpus
from tests.sitebuild import Build, build

ARTICLE = "articles/china-japan-rok-trilateral-2025/"


def test_articles_are_listed_on_the_home_page_not_in_every_pages_sidebar(site: Build) -> None:
    # Material writes the whole sidebar into every page: n articles there would cost n² to build.
    for url in ["", ARTICLE, "glossary/asean/"]:
        sidebar = {str(a["href"]) for a in site.html(url).select("nav.md-nav--primary a.md-nav__link[href]")}
        # Only the articles section's own index page, which lists them all.
        assert not [href for href in sidebar if re.search(r"articles/[^/#?]+/", href)], url
    assert ARTICLE in {a["href"] for a in site.html("").select(".ng-article-list a")}


def test_a_build_large_enough_to_use_the_second_core_publishes_the_same_site(tmp_path: Path) -> None:
    # From FORK_FROM_ARTICLES articles, forked children classify and render the article pages,
    # complete the corpus and render the other pages and the data files, and link the article
    # pages. The site must be the one a build on one core gives, file for file.
    articles = synthetic_corpus(FORK_FROM_ARTICLES + 5, seed_sentences())
    project = make_hooked_project(tmp_path, articles)
    built = build(project, site=tmp_path / "site")
    assert built.returncode == 0, built.output
    with mock.patch.object(forked, "start", lambda work, worth_forking=True: forked.Collect(work)):
        in_process_build(project, site=tmp_path / "one-core")
        corpus = load_corpus(project)
    forked_files = _site_files(built.site)
    assert forked_files == _site_files(tmp_path / "one-core")
    assert len([path for path in forked_files if path.startswith("articles/")]) > len(articles)
    assert len(json.loads(forked_files["data/passages.json"])["articles"]) == len(articles)
    figures = built.html("figures/").select("ul.ng-figures li")
    assert len(figures) == len(corpus.figures) > len(articles)
    assert len(built.html("timeline/").select("ul.ng-timeline li")) == len(corpus.timeline) > 0
    linked = built.html(f"articles/{articles[0].name}/").select("a.ng-term")
    assert linked, "the article pages linked on the second core have their glossary links"


def _site_files(site: Path) -> dict[str, str]:
    # Every text file of a built site (the gzipped sitemap holds its time of writing), by path.
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".txt", ".css", ".js"}
    }


def test_a_large_build_still_fails_on_a_bad_override(tmp_path: Path) -> None:
    # The articles are classified in a forked child: the problems it finds must still fail the
    # strict build, with the file, the line and the fix.
    articles = synthetic_corpus(FORK_FROM_ARTICLES + 5, seed_sentences())
    project = make_hooked_project(tmp_path, articles)
    (project / "seeds" / f"{articles[3].name}.yml").write_text("pin:\n  1: [no-such-theme]\n", encoding="utf-8")
    built = build(project, site=tmp_path / "site")
    assert built.returncode != 0
    assert (
        f"seeds/{articles[3].name}.yml:1: field 'pin': paragraph 1: no theme is called 'no-such-theme'" in built.output
    )
    assert "Fix: Use theme slugs" in built.output
    assert "Traceback" not in built.output
