"""What keeps the build linear in the number of articles, as a reader sees it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from unittest import mock

from newsguide import forked
from newsguide.corpus import FORK_FROM_ARTICLES, load_corpus
from newsguide.data import data_files
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


def test_a_build_large_enough_to_use_the_second_core_publishes_everything(tmp_path: Path) -> None:
    # From FORK_FROM_ARTICLES articles, figures, dates and the data files are made in forked children.
    articles = synthetic_corpus(FORK_FROM_ARTICLES + 5, seed_sentences())
    project = make_hooked_project(tmp_path, articles)
    built = build(project, site=tmp_path / "site")
    assert built.returncode == 0, built.output
    with mock.patch.object(forked, "start", lambda work, worth_forking=True: work):  # all in this process
        corpus = load_corpus(project)
        expected = data_files(corpus)
    for path, content in expected.items():
        assert (built.site / path).read_text(encoding="utf-8") == content, path
    assert len(json.loads(expected["data/passages.json"])["articles"]) == len(articles)
    figures = built.html("figures/").select("ul.ng-figures li")
    assert len(figures) == len(corpus.figures) > len(articles)
    assert len(built.html("timeline/").select("ul.ng-timeline li")) == len(corpus.timeline) > 0
