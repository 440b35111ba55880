"""What the one engine pass shows a reader: links written from the mentions found, themes in their order."""

from __future__ import annotations

from newsguide.corpus import load_corpus
from tests.sitebuild import CORPUS, Build


def test_article_links_are_the_mentions_the_term_pages_list(site: Build) -> None:
    # On an article page, a term is linked where its first mention in the body is, and nowhere
    # else: not in the byline or the standfirst, which no term page lists.
    corpus = load_corpus(CORPUS)
    for article in corpus.articles:
        page = site.html(article.url)
        assert not page.select(".ng-meta a.ng-term, .ng-standfirst a.ng-term"), article.slug
        linked = [str(a["href"]).rstrip("/").rsplit("/", 1)[-1] for a in page.select(".ng-body a.ng-term")]
        mentioned = list(dict.fromkeys(m.term for m in corpus.mentions if m.article == article.slug))
        assert linked == mentioned, article.slug
        for term in linked:
            assert corpus.quotes(term, article.slug), term


def test_a_term_mentioned_nowhere_is_linked_nowhere_in_the_articles(site: Build) -> None:
    corpus = load_corpus(CORPUS)
    unmentioned = {term.slug for term in corpus.terms if not corpus.mentions_by_term[term.slug]}
    for article in corpus.articles:
        hrefs = {str(a["href"]) for a in site.html(article.url).select("a.ng-term")}
        assert not {href for href in hrefs if href.rstrip("/").rsplit("/", 1)[-1] in unmentioned}, article.slug


def test_the_sidebar_lists_themes_in_their_order_and_other_passages_last(site: Build) -> None:
    corpus = load_corpus(CORPUS)
    page = site.html("themes/")
    links = [str(a["href"]) for a in page.select("nav.md-nav--primary a.md-nav__link[href]")]
    themes = [
        href.strip("./").removeprefix("themes/") for href in links if href.strip("./") and "/" not in href.strip("./")
    ]
    expected = [theme.slug for theme in corpus.themes] + ["other"]
    assert [slug for slug in themes if slug in expected] == expected
