"""Key figures: found by the shape of the words, in the seed and in sentences it never saw."""

from __future__ import annotations

import re
from dataclasses import replace
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsguide.corpus import load_corpus
from newsguide.figures import KINDS, FigureKind, extract_figures, sentence_figures
from newsguide.fold import fold
from tests.sitebuild import CORPUS, Build


def _found(sentence: str) -> list[tuple[str, str]]:
    return [(kind.slug, sentence[start:end]) for kind, start, end in sentence_figures(sentence)]


def test_seed_figures_with_their_paragraphs() -> None:
    figures = extract_figures(load_corpus(CORPUS).articles)
    found = {(figure.kind.slug, figure.words): figure.paragraph.number for figure in figures}
    expected = {
        ("money", "$300 billion"): 5,
        ("count", "40 million"): 5,
        ("multiplier", "more than 300 times"): 5,
        ("money", "nearly $140 billion"): 5,
        ("duration", "15 consecutive years"): 5,
        ("ordinal", "80th anniversary"): 5,
        ("ordinal", "11th China-Japan-ROK"): 1,
        ("target-year", "by 2030"): 5,
        ("duration", "nearly six years"): 2,
    }
    for key, paragraph in expected.items():
        assert found.get(key) == paragraph, key
    for figure in figures:
        assert figure.sentence.text[figure.start : figure.end] == figure.words
        assert figure.url == f"articles/china-japan-rok-trilateral-2025/#p{figure.paragraph.number}"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tourism revenue reached €5 bn in 2024, up 12% on the year.", [("money", "€5 bn"), ("percentage", "12%")]),
        (
            "Japan pledged 1.2 trillion yen over five years.",
            [("money", "1.2 trillion yen"), ("duration", "over five years")],
        ),
        (
            "Seoul will spend US$2.5 billion, while Beijing allocated RMB 30 billion.",
            [("money", "US$2.5 billion"), ("money", "RMB 30 billion")],
        ),
        (
            "Exports have grown threefold since 2010, and trade doubled.",
            [("multiplier", "threefold"), ("multiplier", "doubled")],
        ),
        ("Some 1.6 billion people live there.", [("count", "Some 1.6 billion people")]),
        ("The park drew 40 million foreign visitors.", [("count", "40 million foreign visitors")]),
        ("The plan creates 500,000 new jobs by 2060.", [("count", "500,000 new jobs"), ("target-year", "by 2060")]),
        ("Output rose for 12 straight months.", [("duration", "12 straight months")]),
        (
            "The 50th anniversary fell on the 3rd round of talks.",
            [("ordinal", "50th anniversary"), ("ordinal", "3rd round")],
        ),
        ("Profits rose 4.5 percentage points.", [("percentage", "4.5 percentage points")]),
    ],
)
def test_invented_sentences(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2019 tariffs rose.",
        "They met on March 22 as tensions rose.",
        "The three nations agreed; Beijing may find two partners.",
        "Firstly, the first meeting was held.",
    ],
)
def test_no_figure_where_there_is_none(sentence: str) -> None:
    assert _found(sentence) == []


#: A figure as each kind's pattern writes it, or an ordinary word, joined into sentences.
_FIGURE_TEXT = st.one_of(*(st.from_regex(kind.pattern, fullmatch=True) for kind in KINDS))
_WORDS = st.sampled_from(["The", "exports", "rose", "by", "over", "a", "times", "years", "dollars", "in", "2030", "%"])
_SENTENCES = st.lists(st.one_of(_FIGURE_TEXT, _WORDS), min_size=1, max_size=6).map(" ".join)
_ANYTHING = re.compile("")


def _found_without_clues(sentence: str) -> list[tuple[str, int, int]]:
    # The same search with every clue disabled: each kind's pattern runs on every sentence.
    kinds = tuple(replace(kind, clue=_ANYTHING) for kind in KINDS)
    with mock.patch("newsguide.figures.KINDS", kinds), mock.patch("newsguide.figures._MAY_HOLD_FIGURE", _ANYTHING):
        return [(kind.slug, start, end) for kind, start, end in sentence_figures(sentence)]


def _found_with_clues(sentence: str) -> list[tuple[str, int, int]]:
    return [(kind.slug, start, end) for kind, start, end in sentence_figures(sentence)]


#: Letters `re.IGNORECASE` equates with an ASCII letter: "ſ" with s, the Kelvin sign with k, "ı" and "İ" with i.
_ODD_LETTERS = {"s": "ſ", "S": "ſ", "k": "\u212a", "K": "\u212a", "i": "ıİ", "I": "ıİ"}


@st.composite
def _with_odd_letters(draw: st.DrawFn, text: str) -> str:
    # Some of the letters that have an odd twin swapped for it.
    return "".join(
        draw(st.sampled_from([char, *_ODD_LETTERS[char]])) if char in _ODD_LETTERS else char for char in text
    )


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.slug)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_figure_holds_its_kinds_clue(kind: FigureKind, data: st.DataObject) -> None:
    figures = st.from_regex(kind.pattern, fullmatch=True)
    figure = data.draw(figures.flatmap(_with_odd_letters) if kind.on_fold else figures)
    assert kind.clue.search(fold(figure))


@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind.on_fold], ids=lambda kind: kind.slug)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_kind_finds_in_the_fold_what_its_pattern_finds(kind: FigureKind, data: st.DataObject) -> None:
    figures = st.from_regex(kind.pattern, fullmatch=True)
    sentence = data.draw(st.lists(st.one_of(figures, _WORDS), min_size=1, max_size=4).map(" ".join))
    sentence = data.draw(_with_odd_letters(sentence))
    folded = fold(sentence)
    assert len(folded) == len(sentence)
    assert [m.span() for m in kind.search.finditer(folded)] == [m.span() for m in kind.pattern.finditer(sentence)]


@settings(max_examples=300, deadline=None)
@given(_SENTENCES)
def test_clues_drop_no_figure(sentence: str) -> None:
    assert _found_with_clues(sentence) == _found_without_clues(sentence)


def test_clues_drop_no_figure_in_the_seed() -> None:
    sentences = [s.text for a in load_corpus(CORPUS).articles for p in a.body for s in p.sentences]
    found = [_found_with_clues(sentence) for sentence in sentences]
    assert found == [_found_without_clues(sentence) for sentence in sentences]
    assert any(found)


def test_figures_page_and_home_box(site: Build) -> None:
    page = site.html("figures/")
    assert page.find("h1").get_text() == "Key figures"
    items = page.select(".ng-figures li")
    shown = {item.select_one(".ng-figure").get_text() for item in items}
    assert {"$300 billion", "40 million", "more than 300 times", "15 consecutive years", "80th anniversary"} <= shown
    for item in items:
        assert item.select_one(".ng-quote strong").get_text() == item.select_one(".ng-figure").get_text()
        assert item.select_one("a.ng-source-link")["href"].startswith("../articles/china-japan-rok-trilateral-2025/#p")
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert "$300 billion" in description
    home = site.html("")
    box = home.select_one(".ng-figures-box")
    assert box is not None and len(box.select("li")) >= 4
    assert box.select_one("a.ng-source-link")["href"].startswith("articles/")
    assert box.select_one(".ng-more a")["href"] == "figures/"


def test_figures_and_timeline_data_point_at_their_sentences(site: Build) -> None:
    for name in ("data/figures.json", "data/timeline.json"):
        entries = site.data(name)
        assert entries, name
        for entry in entries:
            paragraphs = site.data(f"data/articles/{entry['article']}.json")["paragraphs"]
            paragraph = next(p for p in paragraphs if p["id"] == f"p{entry['paragraph']}")
            assert entry["words"] in paragraph["sentences"][entry["sentence"] - 1]["text"], entry
            assert entry["url"] == paragraph["url"]
            assert "text" not in paragraph and not isinstance(entry["sentence"], str)  # format 3: no text twice
