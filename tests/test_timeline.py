"""The timeline: dates, years and periods, placed in time with the words as written."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsguide import timeline
from newsguide.corpus import load_corpus
from newsguide.timeline import build_timeline, sentence_mentions
from tests.sitebuild import CORPUS, SEED, Build, build, make_project


def _placed(sentence: str, year: int | None = 2025) -> list[tuple[str, int, int, int, int]]:
    return [
        (sentence[m.start : m.end], m.year, m.month, m.day, m.end_year)
        for m in sorted(sentence_mentions(sentence, year, "March 2025"), key=lambda m: m.start)
    ]


def test_seed_timeline_in_order_with_original_words() -> None:
    mentions = build_timeline(load_corpus(CORPUS).articles)
    labels = [(m.label, m.words) for m in mentions]
    for expected in [
        ("1945", "80th anniversary of the end of World War II"),
        ("2023", "since 2023"),
        ("22 March 2025", "on March 22"),
        ("2025–2026", "2025-2026"),
        ("2030", "by 2030"),
        ("c. 2019", "in nearly six years"),
        ("2010–2025", "for 15 consecutive years"),
    ]:
        assert expected in labels
    assert [m.sort_key for m in mentions] == sorted(m.sort_key for m in mentions)
    march = next(m for m in mentions if m.words == "on March 22")
    assert "article's date" in march.note
    anniversary = next(m for m in mentions if m.year == 1945)
    assert "2025" in anniversary.note


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The treaty was signed on 12 August 1978 and ratified in October 1978.",
            [("on 12 August 1978", 1978, 8, 12, 0), ("in October 1978", 1978, 10, 0, 0)],
        ),
        (
            "Trade peaked in the 1990s and again between 2010 and 2014.",
            [("the 1990s", 1990, 0, 0, 1999), ("between 2010 and 2014", 2010, 0, 0, 2014)],
        ),
        (
            "Talks held on May 5 ended; leaders may meet in 2026.",
            [("on May 5", 2025, 5, 5, 0), ("in 2026", 2026, 0, 0, 0)],
        ),
        ("The dialogue resumed six years ago.", [("six years ago", 2019, 0, 0, 0)]),
        ("It has grown for three decades.", [("for three decades", 1995, 0, 0, 2025)]),
        (
            "The 50th anniversary of normalisation fell in 2022.",
            [("50th anniversary of normalisation", 1972, 0, 0, 0), ("in 2022", 2022, 0, 0, 0)],
        ),
        ("They will meet in five years.", []),
        ("Beijing may find 2 partners.", []),
    ],
)
def test_invented_sentences(sentence: str, expected: list[tuple[str, int, int, int, int]]) -> None:
    assert _placed(sentence) == expected


#: Dates as each of the timeline's patterns writes them, or ordinary words, joined into sentences.
_PATTERNS = [value for value in vars(timeline).values() if isinstance(value, re.Pattern)]
_DATE_TEXT = st.one_of(*(st.from_regex(pattern, fullmatch=True) for pattern in _PATTERNS))
_WORDS = st.sampled_from(["In", "the", "first", "since", "for", "six", "years", "ago", "March", "22", "2019", "–"])
_SENTENCES = st.lists(st.one_of(_DATE_TEXT, _WORDS), min_size=1, max_size=6).map(" ".join)


def _all_placed(sentence: str, year: int | None) -> list[tuple[int, int, int, int, int, int, str]]:
    return [
        (m.start, m.end, m.year, m.month, m.day, m.end_year, m.note)
        for m in sorted(sentence_mentions(sentence, year, "March 2025"), key=lambda m: m.start)
    ]


@settings(max_examples=300, deadline=None)
@given(_SENTENCES, st.sampled_from([2025, None]))
def test_clues_drop_no_mention(sentence: str, year: int | None) -> None:
    # The sentences a clue lets skip the patterns hold nothing the patterns would find.
    found = _all_placed(sentence, year)
    anything = re.compile("")
    with (
        mock.patch.object(timeline, "_HAS_DIGIT", anything),
        mock.patch.object(timeline, "_HAS_MONTH", anything),
        mock.patch.object(timeline, "_HAS_SPAN_UNIT", anything),
    ):
        assert found == _all_placed(sentence, year)


def test_undated_article_keeps_only_what_its_text_dates() -> None:
    assert _placed("They met on March 22, six years ago, in 2023.", year=None) == [("in 2023", 2023, 0, 0, 0)]


def test_timeline_page(site: Build) -> None:
    page = site.html("timeline/")
    assert page.find("h1").get_text() == "Timeline"
    years = [h2["id"] for h2 in page.select("article h2")]
    assert years == sorted(years) and "y1945" in years and "y2030" in years
    whens = [li.select_one(".ng-when").get_text() for li in page.select(".ng-timeline li")]
    assert "22 March 2025" in whens and "2025–2026" in whens
    for item in page.select(".ng-timeline li"):
        assert item.select_one(".ng-quote strong").get_text()
        assert item.select_one("a.ng-source-link")["href"].startswith("../articles/")


@pytest.mark.build
def test_month_only_date_in_sidecar(tmp_path: object) -> None:
    from pathlib import Path

    project = make_project(Path(str(tmp_path)), keep_seeds=False)
    seed = SEED.read_text(encoding="utf-8")
    (project / "seeds" / "a.txt").write_text(seed, encoding="utf-8")
    (project / "seeds" / "a.yml").write_text("date: 2024-11\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    meta = result.html("articles/a/").select_one(".ng-meta time")
    assert meta["datetime"] == "2024-11" and meta.get_text() == "November 2024"
    whens = [li.select_one(".ng-when").get_text() for li in result.html("timeline/").select(".ng-timeline li")]
    assert "22 March 2024" in whens
