"""No page grows with the corpus: long lists are split into numbered pages, and nothing is lost on the way.

The pager is checked on its own; then a strict build of 1,000 dated synthetic
articles is read as a reader (and a crawler) would: every page stays under the
size and element limits, every passage of a theme is on one of the theme's
pages, every article's theme badge leads to its passage, and every pager link
leads to the page it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from newsguide.pagination import Paged, pager
from tests.benchmark import make_hooked_project, seed_sentences, synthetic_corpus
from tests.sitebuild import Build, build

#: The limits a page must stay under, whatever the size of the corpus.
MAX_BYTES = 300 * 1024
MAX_ELEMENTS = 3000
ARTICLES = 1000
_TAG = re.compile(r"<[a-zA-Z]")
_HREF = re.compile(r'<a class="md-button" href="([^"]+)"(?: rel="(prev|next)")?(?: aria-label="Page (\d+)")?>')


def test_paged_addresses() -> None:
    paged = Paged("themes/security.md", "themes/security/", 40)
    assert [paged.count(n) for n in (0, 1, 40, 41, 80, 81)] == [1, 1, 1, 2, 2, 3]
    assert (paged.page_of(0), paged.page_of(39), paged.page_of(40)) == (1, 1, 2)
    assert paged.page_url(1) == "themes/security/" and paged.page_path(1) == "themes/security.md"
    assert paged.page_url(3) == "themes/security/page/3/" and paged.page_path(3) == "themes/security/page/3.md"
    assert [len(chunk) for chunk in paged.split(list(range(81)))] == [40, 40, 1]
    assert paged.split([]) == [[]]


def test_pager_has_previous_next_and_numbers_with_gaps() -> None:
    paged = Paged("themes/security.md", "themes/security/", 40)
    assert pager(paged, 1, 1) == ""  # what fits on one page is not paginated
    html = pager(paged, 5, 9)
    assert 'aria-label="Pages, page 5 of 9"' in html
    assert '<a class="md-button" href="../4/" rel="prev">← Previous</a>' in html
    assert '<a class="md-button" href="../6/" rel="next">Next →</a>' in html
    assert '<a class="md-button" href="../../" aria-label="Page 1">1</a>' in html
    assert '<span class="md-button md-button--primary" aria-current="page">5</span>' in html
    assert re.findall(r">(\d+)</", html) == ["1", "3", "4", "5", "6", "7", "9"]
    assert html.count("…") == 2
    first = pager(paged, 1, 3)
    assert "Previous" not in first and 'href="page/2/" rel="next"' in first


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A strict build of 1,000 dated synthetic articles."""
    folder = tmp_path_factory.mktemp("large")
    project = make_hooked_project(folder, synthetic_corpus(ARTICLES, seed_sentences()))
    built = build(project, site=folder / "site")
    assert built.returncode == 0, built.output[-3000:]
    return built


def _pages(site: Path) -> Iterator[tuple[str, str]]:
    # Every HTML page of the site: its URL relative to the root, and its HTML.
    for path in sorted(site.rglob("*.html")):
        url = path.relative_to(site).as_posix().removesuffix("index.html")
        yield url, path.read_text(encoding="utf-8")


def _resolve(page_url: str, href: str) -> str:
    # A relative link on a page, as a URL relative to the site root (fragment kept).
    parts = page_url.rstrip("/").split("/") if page_url else []
    path, _, fragment = href.partition("#")
    for piece in path.split("/"):
        if piece == "..":
            parts.pop()
        elif piece:
            parts.append(piece)
    return "/".join(parts) + ("/" if path else "") + (f"#{fragment}" if fragment else "")


def test_every_page_stays_under_the_limits(large: Build) -> None:
    over = []
    for url, html in _pages(large.site):
        size, elements = len(html.encode("utf-8")), len(_TAG.findall(html))
        if size > MAX_BYTES or elements > MAX_ELEMENTS:
            over.append((url, size, elements))
    assert over == []


def test_every_passage_of_a_theme_is_on_one_of_its_pages(large: Build) -> None:
    data = large.passages()
    expected: dict[str, set[str]] = {theme["slug"]: set() for theme in data["themes"]}
    for article in data["articles"]:
        for paragraph in article["paragraphs"]:
            for theme in paragraph["themes"]:
                expected[theme].add(f"{article['slug']}-{paragraph['id']}")
    for theme, ids in expected.items():
        assert ids, theme
        found: list[str] = []
        pages = [url for url, _ in _pages(large.site) if re.fullmatch(rf"themes/{theme}/(page/\d+/)?", url)]
        for url in pages:
            html = (large.site / url / "index.html").read_text(encoding="utf-8")
            found.extend(re.findall(r'<div class="ng-passage[^"]*" id="([^"]+)"', html))
        assert len(found) == len(set(found)), theme  # each passage once
        assert set(found) == ids, theme
        assert len(pages) > 1, theme  # 1,000 articles do not fit on one page


def test_archive_pages_quote_only_the_sentences_on_the_theme(large: Build) -> None:
    # The first page quotes each paragraph whole; pages 2, 3, … quote its sentences on the theme, "…" for the rest.
    paragraphs = {
        f"{article['slug']}-{paragraph['id']}": paragraph["sentences"]
        for article in large.passages()["articles"]
        for paragraph in article["paragraphs"]
    }
    for theme in ("economics", "security"):
        first = BeautifulSoup((large.site / "themes" / theme / "index.html").read_text(encoding="utf-8"), "html.parser")
        quoted = first.select(".ng-passage")
        assert quoted and any(passage.select(".ng-subdued") for passage in quoted)
        archive = BeautifulSoup(
            (large.site / "themes" / theme / "page" / "2" / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        assert "Only the sentences on the theme are quoted" in archive.select_one(".ng-theme-counts").get_text()
        elided = 0
        for passage in archive.select(".ng-passage"):
            sentences = paragraphs[passage["id"]]
            on_theme = [sentence["text"] for sentence in sentences if theme in sentence["themes"]]
            quote = passage.select_one("blockquote").get_text()
            assert not passage.select(".ng-subdued, mark")
            assert [piece.strip() for piece in quote.split("…") if piece.strip()] == [
                " ".join(run) for run in _runs(sentences, theme)
            ], passage["id"]
            assert all(sentence in quote for sentence in on_theme)
            elided += len(on_theme) < len(sentences)
        assert elided  # some paragraph of the page had a sentence off the theme


def _runs(sentences: list[dict[str, Any]], theme: str) -> list[list[str]]:
    # The texts of the theme's sentences in a paragraph, in runs of neighbours.
    runs: list[list[str]] = [[]]
    for sentence in sentences:
        if theme in sentence["themes"]:
            runs[-1].append(sentence["text"])
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def test_every_article_mentioning_a_term_is_on_one_of_its_pages(large: Build) -> None:
    glossary = large.data("data/glossary.json")
    paged = 0
    for term in glossary["terms"]:
        expected = [entry["url"] for entry in large.data(term["mentions"])["articles"]]
        pages = [url for url, _ in _pages(large.site) if re.fullmatch(rf"{term['url']}(page/\d+/)?", url)]
        found: list[str] = []
        for url in pages:
            html = (large.site / url / "index.html").read_text(encoding="utf-8")
            links = re.findall(r'<p class="ng-mention-article"><a href="([^"]+)"', html)
            found += [_resolve(url, href) for href in links]
        assert sorted(found) == sorted(expected), term["slug"]  # each article once
        sentences = sum(len(entry["sentences"]) for entry in large.data(term["mentions"])["articles"])
        assert sentences == term["mention_count"]
        paged += len(pages) > 1
    assert paged  # 1,000 articles do not fit on one page of a common term


def test_article_badges_lead_to_their_passages(large: Build) -> None:
    checked = 0
    html_of: dict[str, str] = {}
    for url, html in _pages(large.site):
        if not url.startswith("articles/") or url == "articles/" or "/page/" in url:
            continue
        for href in re.findall(r'<a class="ng-badge[^"]*" href="([^"]+)"', html):
            target, _, fragment = _resolve(url, href).partition("#")
            if target not in html_of:
                html_of[target] = (large.site / target / "index.html").read_text(encoding="utf-8")
            assert f'id="{fragment}"' in html_of[target], (url, href)
            checked += 1
    assert checked > ARTICLES


def test_pager_links_lead_to_the_pages_they_name(large: Build) -> None:
    paged = 0
    for url, html in _pages(large.site):
        match = re.search(r'aria-label="Pages, page (\d+) of (\d+)"', html)
        if not match:
            continue
        paged += 1
        current, total = int(match[1]), int(match[2])
        base = re.sub(r"page/\d+/$", "", url)
        for href, rel, number in _HREF.findall(html):
            target = _resolve(url, href)
            assert (large.site / target / "index.html").is_file(), (url, href)
            named = current - 1 if rel == "prev" else current + 1 if rel == "next" else int(number)
            assert 1 <= named <= total
            assert target == (base if named == 1 else f"{base}page/{named}/"), (url, href)
    assert paged > 50


def test_home_lists_the_newest_articles_and_links_to_all(large: Build) -> None:
    home = (large.site / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<ul class="ng-article-list[^"]*">(.*?)</ul>', home, re.DOTALL)[0]
    assert listed.count("<li>") == 10
    assert f"All {ARTICLES} articles, newest first" in home
    index = (large.site / "articles" / "index.html").read_text(encoding="utf-8")
    dates = re.findall(r'<span class="ng-date">([^<]+)</span>', index)
    years = [int(date.split()[-1]) for date in dates]
    assert years == sorted(years, reverse=True) and len(years) == 50


def test_the_sitemap_stays_small_and_every_page_is_in_a_sitemap(large: Build) -> None:
    # Material downloads sitemap.xml on a reader's first page: it lists what the navigation lists.
    site, base = large.site, "https://trilateral-guide.github.io/readers-guide/"
    assert (site / "sitemap.xml").stat().st_size < 100_000
    listed = set()
    for path in [site / "sitemap.xml", *sorted((site / "sitemaps").glob("*.xml"))]:
        listed |= set(re.findall(r"<loc>([^<]*)</loc>", path.read_text(encoding="utf-8")))
        assert f"Sitemap: {base}{path.relative_to(site).as_posix()}" in (site / "robots.txt").read_text()
    pages = {base + url for url, _ in _pages(site) if url != "404.html"}
    assert pages == listed
