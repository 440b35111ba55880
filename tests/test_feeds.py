"""Atom feeds: the guide's newest articles, and each theme's, as a feed reader receives them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from newsguide.corpus import load_corpus
from newsguide.feeds import FEED_SIZE, SUMMARY_LIMIT, feed_files
from tests.benchmark import seed_sentences, synthetic_corpus
from tests.sitebuild import Build, make_project

A = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/guide/"
#: More dated articles than a feed holds, so that the feed must choose the newest.
ARTICLES = FEED_SIZE + 12


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ET.Element]:
    """Every feed of a project with the fixture seed and `ARTICLES` dated synthetic articles, parsed."""
    seeds: dict[str, bytes | str] = {}
    for article in synthetic_corpus(ARTICLES, seed_sentences()):
        seeds[f"{article.name}.txt"] = article.seed_text()
        seeds[f"{article.name}.yml"] = article.sidecar()
    project = make_project(tmp_path_factory.mktemp("feeds"), seeds)
    files = feed_files(load_corpus(project), SITE_URL, "The Guide")
    return {path: ET.fromstring(text.encode("utf-8")) for path, text in files.items() if path.endswith("feed.xml")}


def _dates(feed: ET.Element) -> list[str]:
    return [entry.findtext(f"{A}updated", "") for entry in feed.iter(f"{A}entry")]


def test_every_feed_is_atom_with_the_required_elements(feeds: dict[str, ET.Element]) -> None:
    assert set(feeds) == {
        "feed.xml",
        "themes/economics/feed.xml",
        "themes/security/feed.xml",
        "themes/history/feed.xml",
        "themes/people-exchange/feed.xml",
    }
    for path, feed in feeds.items():
        assert feed.tag == f"{A}feed", path
        # RFC 4287 4.1.1: id, title and updated; an author for the feed or for every entry.
        assert feed.findtext(f"{A}id") == SITE_URL + path
        assert feed.findtext(f"{A}title")
        assert feed.find(f"{A}author/{A}name") is not None
        links = {link.get("rel"): link.get("href") for link in feed.iter(f"{A}link") if link in list(feed)}
        assert links["self"] == SITE_URL + path
        assert links["alternate"] == SITE_URL + path.removesuffix("feed.xml")
        entries = feed.findall(f"{A}entry")
        assert entries, path
        for entry in entries:
            for name in ("id", "title", "updated", "published"):
                assert entry.findtext(f"{A}{name}"), (path, name)
            url = entry.find(f"{A}link").get("href")
            assert url.startswith(SITE_URL + "articles/") and url == entry.findtext(f"{A}id")
            dt.datetime.fromisoformat(entry.findtext(f"{A}updated", ""))  # an RFC 3339 date-time


def test_feeds_hold_the_newest_articles_newest_first(feeds: dict[str, ET.Element]) -> None:
    for path, feed in feeds.items():
        dates = _dates(feed)
        assert len(dates) <= FEED_SIZE
        assert dates == sorted(dates, reverse=True), path
        assert feed.findtext(f"{A}updated") == dates[0]
    assert len(_dates(feeds["feed.xml"])) == FEED_SIZE  # more articles than that are dated


def test_theme_entries_are_summarised_by_their_sentences_on_the_theme(feeds: dict[str, ET.Element]) -> None:
    security = feeds["themes/security/feed.xml"]
    history = feeds["themes/history/feed.xml"]
    seed = SITE_URL + "articles/china-japan-rok-trilateral-2025/"
    summaries = {}
    for name, feed in (("security", security), ("history", history)):
        for entry in feed.iter(f"{A}entry"):
            if entry.findtext(f"{A}id") == seed:
                summaries[name] = entry.findtext(f"{A}summary", "")
    assert summaries["security"] != summaries["history"]
    assert "80th anniversary of the end of World War II" in summaries["history"]
    assert all(len(summary) <= SUMMARY_LIMIT + 2 for summary in summaries.values())


def test_feeds_are_reproducible_and_need_the_site_url(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    first = feed_files(load_corpus(project), SITE_URL, "The Guide")
    assert first == feed_files(load_corpus(project), SITE_URL, "The Guide")
    assert "2025-03-01T00:00:00Z" in first["feed.xml"]  # the seed's month, not the build's time
    assert feed_files(load_corpus(project), "", "The Guide") == {}


def test_built_site_publishes_feeds_and_announces_them(site: Build) -> None:
    assert (site.site / "feed.xml").is_file()
    for page, feed in (("index.html", "feed.xml"), ("themes/security/index.html", "feed.xml")):
        soup = BeautifulSoup((site.site / page).read_text(encoding="utf-8"), "html.parser")
        link = soup.find("link", rel="alternate", type="application/atom+xml")
        assert link is not None, page
        target = (site.site / page).parent / str(link["href"])
        assert target.resolve() == (site.site / Path(page).parent / feed).resolve() and target.is_file()
    article = (site.site / "articles" / "china-japan-rok-trilateral-2025" / "index.html").read_text(encoding="utf-8")
    assert "application/atom+xml" not in article
