"""The glossary as the built site shows it: entries, links, backlinks, index, search and data."""

from __future__ import annotations

import re

import pytest

from newsguide.corpus import load_corpus
from newsguide.glossary import KINDS
from newsguide.render.glossary import KIND_HEADINGS
from tests.sitebuild import CORPUS, Build

ARTICLE = "articles/china-japan-rok-trilateral-2025/"

#: The issue's coverage list: each item, with a form of its name that must link to an entry.
COVERAGE = [
    "China-Japan-ROK Trilateral Foreign Ministers' Meeting",
    "China-Japan-ROK FTA",
    "Regional Comprehensive Economic Partnership",
    "RCEP",
    "ASEAN",
    "ASEAN+1",
    "ASEAN Plus One",
    "East Asia Summit",
    "Trilateral plus X Cooperation",
    "Year of Cultural Exchange",
    "China-Japan high-level economic dialogue",
    "Military-Industrial Complex",
    "Pivot to Asia",
    "World War II",
    "Cold War",
    "Korean Peninsula",
    "normalization of China-Japan relations",
    "China",
    "Japan",
    "Republic of Korea",
    "ROK",
    "South Korea",
    "United States",
    "U.S.",
    "Washington",
    "North Korea",
    "DPRK",
    "Taiwan",
    "Russia",
    "Ukraine",
    "Australia",
    "Philippines",
    "Beijing",
    "Tokyo",
    "Donald Trump",
    "Wang Li",
    "Global Connectivities",
    "People's Republic of China",
    "PRC",
]


def test_every_coverage_item_has_an_entry_with_a_page(site: Build) -> None:
    corpus = load_corpus(CORPUS)
    for name in COVERAGE:
        matches = list(corpus.linker.matcher.matches(name))
        assert len(matches) == 1 and matches[0].end - matches[0].start == len(name), name
        page = site.html(corpus.term(matches[0].term).url)
        assert page.select_one(".ng-term-meta") is not None, name


def test_rcep_mention_on_the_article_links_to_its_entry_with_definition(site: Build) -> None:
    link = site.html(ARTICLE).find("a", class_="ng-term", string="Regional Comprehensive Economic Partnership")
    assert link is not None
    assert link["href"] == "../../glossary/rcep/"
    assert link["title"].startswith("The Regional Comprehensive Economic Partnership is a free trade agreement")


def test_article_links_are_first_mentions_and_never_in_headings(site: Build) -> None:
    page = site.html(ARTICLE)
    article = page.select_one("article")
    assert not article.select("h1 a.ng-term, h2 a.ng-term, a a.ng-term, code a.ng-term")
    hrefs = [a["href"] for a in page.select(".ng-body a.ng-term")]
    assert len(hrefs) == len(set(hrefs))  # the body is one section: each term once
    assert "../../glossary/pivot-to-asia/" in hrefs


def test_rcep_page_quotes_the_passage_and_links_to_the_paragraph(site: Build) -> None:
    page = site.html("glossary/rcep/")
    assert page.find("h1").get_text(strip=True) == "Regional Comprehensive Economic Partnership (RCEP)"
    mentions = page.select_one(".ng-mentions")
    assert mentions.has_attr("data-search-exclude")
    quote = " ".join(mentions.select_one("q.ng-passage").get_text().split())
    assert "expanding Regional Comprehensive Economic Partnership (RCEP) membership" in quote
    assert [m.get_text() for m in mentions.select("mark")] == ["Regional Comprehensive Economic Partnership", "RCEP"]
    assert mentions.select_one("a.ng-passage-link")["href"] == f"../../{ARTICLE}#p3"
    assert mentions.select_one(".ng-mention-article a")["href"] == f"../../{ARTICLE}"


def test_term_page_order_names_sources_and_see_also(site: Build) -> None:
    page = site.html("glossary/rcep/")
    article = page.select_one("article")
    text = " ".join(article.get_text().split())
    positions = [text.index(s) for s in ["free trade agreement among", "Official sources", "Mentioned in", "See also"]]
    assert positions == sorted(positions)
    assert article.select_one('[lang="zh"]').get_text() == "区域全面经济伙伴关系协定"
    assert article.select_one('[lang="ko"]') is not None
    assert "https://rcepsec.org/" in [a["href"] for a in article.select(".ng-term-links a")]
    assert "../asean/" in [a["href"] for a in article.select(".ng-see-also a")]
    assert not article.select('a.ng-term[href="./"]')  # never links to itself


def test_edit_link_points_to_the_term_file(site: Build) -> None:
    edit = site.html("glossary/rcep/").select_one("a.md-content__button")
    assert edit["href"].endswith("/edit/main/docs/glossary/rcep.md")


def test_glossary_index_grouped_by_kind_with_az_list(site: Build) -> None:
    page = site.html("glossary/")
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2")]
    assert "Agreements" in headings and "Countries" in headings and "People" in headings
    assert headings[-1] == "A–Z"
    letters = {a.get_text(): a["href"] for a in page.select("nav.ng-az a")}
    for letter, href in letters.items():
        assert page.find(id=href[1:]) is not None, letter
    corpus = load_corpus(CORPUS)
    entries = page.select("ul.ng-glossary li")
    assert len(entries) == len(corpus.terms)
    rcep = page.select_one("ul.ng-glossary li#rcep")
    assert rcep.select_one("a")["href"] == "rcep/"
    assert rcep.select_one(".ng-summary").get_text().startswith("The Regional Comprehensive Economic Partnership is")


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_heading_lists_only_its_terms(site: Build, kind: str) -> None:
    corpus = load_corpus(CORPUS)
    slugs = {t.slug for t in corpus.terms if t.kind == kind}
    page = site.html("glossary/")
    listed = set()
    for heading in page.select("article h2"):
        items = heading.find_next_sibling("ul")
        if items is not None and heading.get_text(strip=True).rstrip("¶") == KIND_HEADINGS[kind]:
            listed = {li["id"] for li in items.select("li")}
    assert listed == slugs


def test_term_pages_are_boosted_and_quotes_not_indexed(site: Build) -> None:
    docs = site.search_index()["docs"]
    assert isinstance(docs, list)
    rcep = [d for d in docs if d["location"].startswith("glossary/rcep/")]
    assert rcep and rcep[0].get("boost", 1) > 1
    assert not any("expanding Regional" in d["text"] for d in rcep)


def test_glossary_json_matches_the_built_pages(site: Build) -> None:
    data = site.glossary()
    corpus = load_corpus(CORPUS)
    assert [t["slug"] for t in data["terms"]] == [t.slug for t in corpus.terms]
    for entry in data["terms"]:
        fields = {"slug", "title", "abbr", "aliases", "kind", "url", "definition", "mention_count", "mentions"}
        assert set(entry) == fields
        assert entry["mention_count"] == len(entry["mentions"])
        assert entry["url"] == f"glossary/{entry['slug']}/" and entry["kind"] in KINDS
        page = site.html(entry["url"])
        assert entry["definition"].split("\n\n")[0] in " ".join(page.select_one("article").get_text().split())
        quotes = page.select("q.ng-passage")
        assert len(quotes) == len(entry["mentions"])
        for mention, quote in zip(entry["mentions"], quotes, strict=True):
            assert mention["sentence"] == quote.get_text()
            assert mention["url"] == f"articles/{mention['article']}/#p{mention['paragraph']}"
            article = site.html(mention["url"].split("#")[0])
            paragraph = article.find(id=f"p{mention['paragraph']}")
            assert mention["sentence"] in " ".join(paragraph.get_text().split())


def test_hand_written_pages_are_linked_too(site: Build) -> None:
    home = site.html("")
    intro = home.select_one("article p")
    assert [a["href"] for a in intro.select("a.ng-term")][:1] == ["glossary/china/"]


def test_unmentioned_terms_are_reported_at_info_level_only(site: Build) -> None:
    lines = [line for line in site.output.splitlines() if "mentioned in no article" in line]
    assert lines and all(line.startswith("INFO") for line in lines)
    assert not re.search(r"WARNING.*glossary", site.output)
