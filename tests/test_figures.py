"""Key figures: found by the shape of the words, in the seed and in sentences it never saw."""

from __future__ import annotations

import pytest

from newsguide.corpus import load_corpus
from newsguide.figures import extract_figures, sentence_figures
from tests.sitebuild import ROOT, Build


def _found(sentence: str) -> list[tuple[str, str]]:
    return [(kind.slug, sentence[start:end]) for kind, start, end in sentence_figures(sentence)]


def test_seed_figures_with_their_paragraphs() -> None:
    figures = extract_figures(load_corpus(ROOT).articles)
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
