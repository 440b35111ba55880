"""Property-based tests (hypothesis): the classifier is deterministic.

Sentences are drawn from the real themes' vocabulary mixed with filler and
continuation cues, so that most draws reach a theme, some only through a
continuation, and some reach none. For any such article:

* classifying it twice, each time from freshly loaded theme files and a freshly
  compiled vocabulary (the regular-expression cache purged), gives the same
  result, down to the evidence and scores;
* the order the theme files come in changes nothing but the order themes are
  listed in: each sentence gets the same themes, with the same evidence,
  scores and continuations.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from hypothesis import given, settings
from hypothesis import strategies as st

from newsguide.classify import Classification, ClassifiedSentence, classify
from newsguide.model import Article
from newsguide.parse import parse_text_article
from newsguide.themes import Theme, load_themes
from tests.sitebuild import CORPUS

THEMES, _, _PROBLEMS = load_themes(CORPUS)
_TERMS = sorted({term.text for theme in THEMES for term in theme.vocabulary})
_FILLER = ["the", "ministers", "met", "in", "Seoul", "and", "agreed", "on", "a", "plan", "for", "2025", "its"]
_CUES = ["This", "Similarly,", "Yet, this", "A similar pattern", "also", "as well", "Likewise,"]

WORD = st.one_of(st.sampled_from(_TERMS), st.sampled_from(_FILLER), st.sampled_from(_CUES))
SENTENCE = st.lists(WORD, min_size=1, max_size=10).map(lambda words: " ".join(words).capitalize() + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
ARTICLE = st.lists(PARAGRAPH, min_size=1, max_size=4)


def _article(paragraphs: list[str]) -> Article:
    text = "\n\n".join(["A generated article", *paragraphs]) + "\n"
    return parse_text_article(text, PurePosixPath("seeds/generated.txt"), "generated")


def _themes_of(classification: Classification, article: Article) -> list[list[frozenset[tuple[object, ...]]]]:
    # Each sentence's themes as an unordered set of (theme, evidence, score, continued).
    def matches(sentence: ClassifiedSentence) -> frozenset[tuple[object, ...]]:
        return frozenset((m.theme, m.evidence, m.score, m.continued) for m in sentence.matches)

    return [[matches(s) for s in passage.sentences] for passage in classification.passages(article)]


def test_the_real_themes_load() -> None:
    assert _PROBLEMS == []
    assert len(THEMES) >= 2 and _TERMS


@settings(max_examples=80, deadline=None)
@given(ARTICLE)
def test_same_input_same_output_across_fresh_theme_loads_and_regex_builds(paragraphs: list[str]) -> None:
    article = _article(paragraphs)
    first, problems = classify([article], THEMES)
    assert problems == []
    re.purge()
    fresh_themes, _, _ = load_themes(CORPUS)
    second, _ = classify([_article(paragraphs)], fresh_themes)
    assert second.articles["generated"] == first.articles["generated"]


@settings(max_examples=80, deadline=None)
@given(ARTICLE, st.permutations(range(len(THEMES))))
def test_the_order_of_theme_files_changes_only_the_listing_order(paragraphs: list[str], order: list[int]) -> None:
    article = _article(paragraphs)
    shuffled: list[Theme] = [THEMES[i] for i in order]
    straight, _ = classify([article], THEMES)
    reordered, _ = classify([article], shuffled)
    assert _themes_of(reordered, article) == _themes_of(straight, article)
    rank = {theme.slug: i for i, theme in enumerate(shuffled)}
    for passage in reordered.passages(article):
        assert list(passage.themes) == sorted(passage.themes, key=rank.__getitem__)
