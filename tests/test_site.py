"""A strict build of the real site, read back as a reader and a search engine see it."""

from __future__ import annotations

import re

from newsguide.corpus import load_corpus
from tests.sitebuild import CORPUS, Build

ARTICLE = "articles/china-japan-rok-trilateral-2025/"


def _visible(text: str) -> str:
    return " ".join(text.split())


def test_every_body_sentence_is_on_the_article_page_verbatim(site: Build, seed_text: str) -> None:
    page = site.html(ARTICLE)
    body = _visible(page.select_one("article").get_text())  # inline tags (glossary links) add no spaces
    seed_body = seed_text.split("by WANG Li", 1)[1].split("Author:", 1)[0]
    sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+(?=[A-Z])", _visible(seed_body))]
    sentences = [s for s in sentences if s]
    assert len(sentences) >= 31
    for sentence in sentences:
        assert sentence in body, sentence


def test_corpus_sentences_are_on_their_pages(site: Build) -> None:
    corpus = load_corpus(CORPUS)
    assert corpus.articles
    for article in corpus.articles:
        page = site.html(article.url)
        for paragraph in article.body:
            element = page.find(id=paragraph.anchor)
            assert element is not None, (article.slug, paragraph.anchor)
            shown = _visible(element.get_text())
            for sentence in paragraph.sentences:
                assert sentence.text in shown
    assert sum(len(p.sentences) for p in corpus.article("china-japan-rok-trilateral-2025").body) == 31


def test_debris_is_absent_and_parts_are_set_apart(site: Build) -> None:
    page = site.html(ARTICLE)
    text = page.select_one("article").get_text(" ")
    assert "Share the Post" not in text
    assert not re.search(r"\bLatest\b", text)
    assert page.select_one(".ng-standfirst").get_text().startswith("China, Japan, and South Korea held")
    assert "by WANG Li" in page.select_one(".ng-byline").get_text()
    assert "Global Connectivities" in page.select_one(".ng-publisher").get_text()
    assert page.select_one(".ng-author-note").get_text().startswith("Author: Wang Li is professor")
    assert "not necessarily the views of" in page.select_one(".ng-disclaimer").get_text()
    for element in page.select(".ng-author-note, .ng-disclaimer"):
        assert not element.find_parent(class_="ng-body")


def test_paragraph_anchors_and_permalinks(site: Build) -> None:
    page = site.html(ARTICLE)
    for number in range(1, 9):
        paragraph = page.find(id=f"p{number}")
        assert paragraph is not None
        permalink = paragraph.select_one("a.ng-permalink")
        assert permalink["href"] == f"#p{number}"
        assert permalink.get_text() == f"¶{number}"  # the number shows in print only
    assert page.find(id="p9") is None


def test_title_and_typographic_quotes(site: Build) -> None:
    page = site.html(ARTICLE)
    assert page.find("h1").get_text() == "Can China, Japan & ROK work together amid the uncertainty of the world?"
    assert "Foreign Ministers’ Meeting" in page.find(id="p1").get_text()
    assert "“Pivot to Asia”" in page.find(id="p8").get_text()


def test_home_page_links_every_article(site: Build) -> None:
    home = site.html("")
    links = {a["href"] for a in home.select(".ng-article-list a")}
    for article in load_corpus(CORPUS).articles:
        assert article.url in links


def test_search_index_has_the_article(site: Build) -> None:
    index = site.search_index()
    docs = index["docs"]
    assert isinstance(docs, list)
    article_docs = [d for d in docs if d["location"].startswith(ARTICLE)]
    assert article_docs
    text = " ".join(d["text"] for d in article_docs)
    assert "Regional Comprehensive Economic Partnership (RCEP)" in text
    # The print-only paragraph numbers stay out of the index: no "¶ 1" beside the permalink sign.
    assert "¶" in text and not re.search(r"¶\s*\d", text)
    separator = re.compile(index["config"]["separator"])
    tokens = {t.lower() for t in separator.split(text) if t}
    for query in ["RCEP", "ASEAN+1", "U.S.-China", "low-carbon"]:
        words = [w.lower() for w in separator.split(query) if w]
        assert words and all(w in tokens for w in words), query


def test_only_the_search_scripts_the_worker_loads_are_published(site: Build) -> None:
    # Material's worker loads a language's scripts only for the languages search is set to (none for English).
    languages = site.search_index()["config"]["lang"]
    published = {p.relative_to(site.site).as_posix() for p in (site.site / "assets/javascripts/lunr").rglob("*.js")}
    wanted = {f"assets/javascripts/lunr/min/lunr.{lang}.min.js" for lang in languages if lang != "en"}
    assert wanted <= published
    if languages == ["en"]:
        assert not published
