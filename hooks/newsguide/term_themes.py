"""Where the glossary meets the themes: the themes of each term's mentions, the key terms of each theme.

A mention of a term falls in the themes of its sentence, as the classifier
put that sentence (continuations and editorial exclusions included; a
paragraph-level `pin` adds no sentence, so it adds no mention). Counts are of
sentences: a sentence that names a term twice counts once, as it is one entry
of the term's `mentions` in `data/glossary.json`, and a sentence on two
themes counts once for each.

Each article's counts are computed once, with its analysis (`article_pairs`,
kept in the build cache); a build adds them up (`grouped`).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .classify import Classification, Passage
from .glossary import Term
from .link import Mention
from .themes import Theme


@dataclass(frozen=True)
class TermThemes:
    """The theme counts of every term and the term counts of every theme.

    Attributes:
        by_term: Term slug → the themes its mentions fall in, with the number
            of sentences, most first (ties in theme order). Every term has an
            entry, possibly empty.
        by_theme: Theme slug → the terms mentioned in its sentences, with the
            number of sentences, most first (ties by title). Every theme has
            an entry, possibly empty.
    """

    by_term: dict[str, list[tuple[Theme, int]]] = field(default_factory=dict)
    by_theme: dict[str, list[tuple[Term, int]]] = field(default_factory=dict)


def article_pairs(passages: Iterable[Passage], mentions: Iterable[Mention]) -> tuple[tuple[str, str, int], ...]:
    """Count, in one article, the sentences on each theme that mention each term.

    Args:
        passages: The article's paragraphs with their themes.
        mentions: The article's mentions of terms.

    Returns:
        (term slug, theme slug, sentences) for every pair with at least one.
    """
    on = {
        (passage.paragraph.number, index): sentence.themes
        for passage in passages
        for index, sentence in enumerate(passage.sentences)
        if sentence.themes
    }
    counted: set[tuple[str, int, int]] = set()
    pairs: Counter[tuple[str, str]] = Counter()
    for mention in mentions:
        if (mention.term, mention.paragraph, mention.sentence) in counted:
            continue
        counted.add((mention.term, mention.paragraph, mention.sentence))
        pairs.update((mention.term, theme) for theme in on.get((mention.paragraph, mention.sentence), ()))
    return tuple((term, theme, count) for (term, theme), count in pairs.items())


def term_themes(
    classification: Classification, mentions: Iterable[Mention], terms: Sequence[Term], themes: Sequence[Theme]
) -> TermThemes:
    """Count, for every (term, theme) pair, the sentences on the theme that mention the term.

    Args:
        classification: Every sentence's themes.
        mentions: Every mention of a term in the articles' bodies.
        terms: The glossary's terms.
        themes: The themes, in display order.

    Returns:
        The counts, grouped both ways.
    """
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article, []).append(mention)
    found = (article_pairs(passages, by_article.get(slug, [])) for slug, passages in classification.articles.items())
    return grouped(itertools.chain.from_iterable(found), terms, themes)


def grouped(pairs: Iterable[tuple[str, str, int]], terms: Sequence[Term], themes: Sequence[Theme]) -> TermThemes:
    """Add up articles' counts (`article_pairs`) and group them by term and by theme, most first.

    Args:
        pairs: (term slug, theme slug, sentences), from any number of articles.
        terms: The glossary's terms.
        themes: The themes, in display order.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for term, theme, count in pairs:
        counts[term, theme] += count
    by_term: dict[str, list[tuple[Theme, int]]] = {term.slug: [] for term in terms}
    by_theme: dict[str, list[tuple[Term, int]]] = {theme.slug: [] for theme in themes}
    theme_of = {theme.slug: theme for theme in themes}
    term_of = {term.slug: term for term in terms}
    for (term, theme), count in counts.items():
        if term in term_of and theme in theme_of:
            by_term[term].append((theme_of[theme], count))
            by_theme[theme].append((term_of[term], count))
    order = {theme.slug: index for index, theme in enumerate(themes)}
    for found in by_term.values():
        found.sort(key=lambda pair: (-pair[1], order[pair[0].slug]))
    for listed in by_theme.values():
        listed.sort(key=lambda pair: (-pair[1], pair[0].title.casefold(), pair[0].slug))
    return TermThemes(by_term, by_theme)
