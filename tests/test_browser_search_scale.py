"""Search at a size where the index is split: Material's search box, fed by shards a query fetches.

One build of `ARTICLES` synthetic articles, plus a late one holding a sentence
no other article has, served under the GitHub Pages sub-path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from newsguide.search_shards import CONFIG_KEY, all_documents, bucket_of, word_key
from tests.benchmark import SyntheticArticle, make_hooked_project, seed_sentences, synthetic_corpus
from tests.browser import Served, bytes_to_results, run_search, serve
from tests.sitebuild import build

pytestmark = pytest.mark.browser

ARTICLES = 250
#: A sentence only the last article has.
RARE = "The Zanzibar memorandum on kelp farming was initialled in Mokpo by three port cities."
LATE = f"article-{ARTICLES + 1:04d}"


@dataclass
class Scaled:
    """The served site, its folder and what the server sent."""

    url: str
    site: Path
    served: list[Served]


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scaled]:
    """A strict build of `ARTICLES` synthetic articles and the late one, served under the sub-path."""
    folder = tmp_path_factory.mktemp("search-scale")
    sentences = seed_sentences()
    articles = synthetic_corpus(ARTICLES, sentences)
    late = articles[-1]
    paragraphs = [*late.paragraphs[:3], f"{sentences[0]} {RARE}", *late.paragraphs[3:]]
    articles.append(SyntheticArticle(LATE, "A late article", late.standfirst, late.author, paragraphs, late.note))
    built = build(make_hooked_project(folder, articles), site=folder / "site")
    assert built.returncode == 0, built.output[-3000:]
    served: list[Served] = []
    with serve(built.site, served) as url:
        yield Scaled(url, built.site, served)


def _index_config(site: Path) -> dict[str, object]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    config: dict[str, object] = index["config"]
    return config


def test_the_index_is_split(scaled: Scaled) -> None:
    shards = _index_config(scaled.site)[CONFIG_KEY]
    assert isinstance(shards, dict) and shards["pages"] > ARTICLES and shards["buckets"] > 1
    core = (scaled.site / "search" / "search_index.json").stat().st_size
    whole = len(json.dumps(all_documents(scaled.site), ensure_ascii=False))
    assert core * 10 < whole


def test_a_term_query_ranks_its_term_page_first(browser: Browser, scaled: Scaled) -> None:
    page = browser.new_page()
    page.goto(scaled.url)
    run_search(page, "RCEP")
    first = page.locator(".md-search-result__item > a").first
    assert str(first.get_attribute("href")).split("?")[0].endswith("glossary/rcep/")
    articles = page.locator(".md-search-result__item > a[href*='articles/article-']")
    expect(articles.first).to_be_attached()  # the articles that name it follow
    page.close()


def test_a_rare_sentence_of_a_late_article_is_found_and_highlighted(browser: Browser, scaled: Scaled) -> None:
    page = browser.new_page()
    page.goto(scaled.url)
    run_search(page, "Zanzibar memorandum kelp")
    first = page.locator(".md-search-result__item > a").first
    assert f"articles/{LATE}/" in str(first.get_attribute("href"))
    first.click()
    expect(page).to_have_url(re.compile(rf"articles/{LATE}/\?h=zanzibar\+memorandum\+kelp", re.I), timeout=15_000)
    marks = page.locator("article mark[data-md-highlight]")
    expect(marks.first).to_be_visible(timeout=15_000)
    marked = " ".join(marks.all_inner_texts()).lower()
    assert all(word in marked for word in ("zanzibar", "memorandum", "kelp")), marked
    page.close()


def test_a_query_fetches_only_the_shards_of_its_words(browser: Browser, scaled: Scaled) -> None:
    served = bytes_to_results(browser, scaled.url, scaled.served, "RCEP")
    shards = _index_config(scaled.site)[CONFIG_KEY]
    assert isinstance(shards, dict)
    buckets = {p.rsplit("/", 1)[1] for p in (s.path for s in served) if "/search/words/" in p}
    # "R" asks for nothing (one letter); "RC", "RCE" and "RCEP" share one bucket.
    assert buckets == {f"{bucket_of(word_key('rc'), shards['buckets'])}.json"}
    pages = [s for s in served if "/search/pages/" in s.path]
    assert 0 < len(pages) <= 3 * shards["limit"]
    assert not [s.path for s in served if s.path.endswith("(404)")]
    whole = sum(p.stat().st_size for p in (scaled.site / "search").rglob("*.json"))
    searched = sum(s.size for s in served if "/search/" in s.path)
    assert searched * 4 < whole, (searched, whole)
    assert sum(s.size for s in served) < 1_500_000


def test_a_second_query_sets_the_worker_up_again(browser: Browser, scaled: Scaled) -> None:
    page = browser.new_page()
    page.goto(scaled.url)
    run_search(page, "Mokpo")
    assert f"articles/{LATE}/" in str(page.locator(".md-search-result__item > a").first.get_attribute("href"))
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially("Trilateral plus X", delay=20)
    expect(page.locator(".md-search-result__item > a").first).to_have_attribute(
        "href", re.compile(r"glossary/trilateral-plus-x/\?h="), timeout=15_000
    )
    page.close()
