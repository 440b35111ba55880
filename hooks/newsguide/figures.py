"""Key figures: the numbers an article's sentences state, each kept with its sentence.

Figures are found by the shape of the words around a number, never by a list
of the figures one article happens to contain: a currency sign or word makes
money ("$300 billion", "€5 bn", "1.2 trillion yen"), "times" or "-fold" a
multiplier, a time unit a duration or streak ("15 consecutive years"), a
digit ordinal an ordinal ("80th anniversary"), "by/until <year>" a target
year, and a number with a scale word or a plural noun a count ("40 million
visitors"). Where two shapes overlap, the more specific one wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .fold import fold, folded
from .model import Article, Quote
from .numbers import NUMBER, QUALIFIER, SCALE


@dataclass(frozen=True)
class FigureKind:
    """One kind of figure and how to recognise it.

    Attributes:
        slug: Stable identifier, used in anchors and the data file.
        title: Heading a reader sees.
        pattern: The compiled expression that finds it in a sentence.
        clue: A cheap expression, searched in the sentence's fold (`newsguide.fold`), that
            every match of `pattern` contains (built from the same pieces); a
            sentence without it is not searched.
        search: What runs: for a pattern that ignores case, a case-sensitive
            copy run on the `fold` (the same matches at the same offsets, and
            faster); otherwise `pattern` itself, run on the sentence.
    """

    slug: str
    title: str
    pattern: re.Pattern[str]
    clue: re.Pattern[str]
    search: re.Pattern[str] = field(init=False, repr=False, compare=False)
    on_fold: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        on_fold = bool(self.pattern.flags & re.IGNORECASE)
        object.__setattr__(self, "on_fold", on_fold)
        object.__setattr__(self, "search", _folded(self.pattern.pattern) if on_fold else self.pattern)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """One of `KINDS` pickles as its slug, so that the figures of every kept analysis share it."""
        if _BY_SLUG.get(self.slug) is self:
            return kind_named, (self.slug,)
        return FigureKind, (self.slug, self.title, self.pattern, self.clue)


@dataclass(frozen=True, slots=True)
class Figure(Quote):
    """A number stated in an article, with where it was said.

    `words` is the figure as written, qualifier included ("nearly $140 billion").

    Attributes:
        kind: What sort of figure it is.
    """

    kind: FigureKind


_Q = rf"(?:{QUALIFIER}\s+)?"
_START = r"(?<![\w.,$€£¥₩])"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CURRENCY_CODE = r"(?:RMB|USD|EUR|JPY|CNY|KRW|GBP)"
_CURRENCY_SIGN = rf"(?:US\$|HK\$|NT\$|A\$|C\$|S\$|\$|€|£|¥|₩|{_CURRENCY_CODE}\s?)"
_CURRENCY_WORD = r"(?:US\s+dollars|dollars|euros|pounds(?:\s+sterling)?|yen|yuan|renminbi|won|rupees|roubles|rubles)\b"
_SCALED = rf"(?:\s?(?:{SCALE}))?"
_TIME_UNIT = r"(?:years?|decades?|months?|weeks?|days?|quarters?|centuries|century)\b"
_NOT_NOUNS = "this thus was has his its is as does towards perhaps besides across unless always less plus yes"
_PLURAL_NOUN = (
    rf"(?:(?!(?:{'|'.join(_NOT_NOUNS.split())})\b)[a-z][a-z-]*[a-z]s|people|children|personnel|staff|cattle)\b"
)
_FUNCTION_WORDS = "and or but the a an as at by in on of to for from with was were when while after before than that"
#: An optional lowercase word before a plural noun ("new" in "500,000 new jobs"), not a function word.
_ADJECTIVE = rf"(?:(?!(?:{'|'.join(_FUNCTION_WORDS.split())})\b)[a-z][a-z-]{{2,}}\s+)?"
_YEAR_VALUE = r"(?:1[5-9]\d\d|2[01]\d\d)"
_TIMES = r"(?:\s?(?:times|-fold)\b|fold\b)"
_WORD_FOLD = r"\b(?:two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)fold\b"
_DOUBLING = r"\b(?:doubled|tripled|trebled|quadrupled)\b"
_PER_CENT = r"(?:%|per\s?cent\b|percent\b|percentage\s+points?\b)"
_BIG_SCALE = r"(?:trillion|billion|million|thousand)\b"


def _folded(expression: str) -> re.Pattern[str]:
    # The expression for folded text; every expression here is foldable.
    pattern = folded(expression)
    if pattern is None:
        raise ValueError(f"cannot fold {expression!r}: see newsguide.fold")
    return pattern


def _clue(expression: str) -> re.Pattern[str]:
    # Clues are searched in the fold: a superset of what a pattern matches, whatever its flags.
    return _folded(expression)


#: What every figure holds: a digit, a number starting a word, "…fold" (as `_WORD_FOLD` ends) or a
#: doubling word. Each kind's pattern needs one of these pieces, so a sentence without any is skipped
#: before the kinds' costlier patterns run.
_MAY_HOLD_FIGURE = _clue(rf"\d|{_START}(?:{NUMBER})|fold\b|{_DOUBLING}")

#: The kinds of figure, most specific first: an earlier kind claims its words before a later one looks.
KINDS: tuple[FigureKind, ...] = (
    FigureKind(
        "money",
        "Money",
        re.compile(
            rf"{_Q}(?:{_CURRENCY_SIGN}{_DIGITS}{_SCALED}|{_START}(?:{_DIGITS}|{NUMBER}){_SCALED}\s+{_CURRENCY_WORD})",
            re.IGNORECASE,
        ),
        # A sign or code, or a currency word (after a space in the pattern, so at a word's start).
        _clue(rf"[$€£¥₩]|{_CURRENCY_CODE}|\b{_CURRENCY_WORD}"),
    ),
    FigureKind(
        "multiplier",
        "Multipliers",
        re.compile(
            rf"{_Q}(?:{_START}(?:{_DIGITS}|{NUMBER}){_TIMES}|{_WORD_FOLD}|{_DOUBLING})",
            re.IGNORECASE,
        ),
        _clue(rf"times\b|fold\b|{_DOUBLING}"),  # what `_TIMES`, `_WORD_FOLD` and `_DOUBLING` end with
    ),
    FigureKind(
        "percentage",
        "Percentages",
        re.compile(rf"{_Q}{_START}{_DIGITS}\s?{_PER_CENT}", re.IGNORECASE),
        _clue(_PER_CENT),
    ),
    FigureKind(
        "duration",
        "Durations and streaks",
        re.compile(
            rf"{_Q}{_START}(?:{_DIGITS}|{NUMBER})(?:\s+(?:consecutive|straight|successive|running|full))?"
            rf"\s+{_TIME_UNIT}(?:\s+in\s+a\s+row\b)?",
            re.IGNORECASE,
        ),
        _clue(_TIME_UNIT),
    ),
    FigureKind(
        "ordinal",
        "Ordinals",
        re.compile(r"\b\d+(?:st|nd|rd|th)\b(?:\s+[\w’'-]+)?"),
        _clue(r"\d"),
    ),
    FigureKind(
        "target-year",
        "Target years",
        re.compile(
            rf"\b(?:by|until|till|through|before|in\s+time\s+for|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?"
            rf"{_YEAR_VALUE}\b",
            re.IGNORECASE,
        ),
        _clue(_YEAR_VALUE),
    ),
    FigureKind(
        "count",
        "Counts",
        re.compile(
            rf"(?i:{_Q}){_START}(?:(?:{_DIGITS}|{NUMBER})\s?{_BIG_SCALE}"
            rf"(?:\s+{_ADJECTIVE}{_PLURAL_NOUN})?"
            rf"|(?!{_YEAR_VALUE}\b){_DIGITS}\s+{_ADJECTIVE}{_PLURAL_NOUN})"
        ),
        _clue(rf"\d|{_BIG_SCALE}"),
    ),
)
_BY_SLUG = {kind.slug: kind for kind in KINDS}


def kind_named(slug: str) -> FigureKind:
    """The kind of figure of `KINDS` with this slug."""
    return _BY_SLUG[slug]


def sentence_figures(sentence: str) -> Iterator[tuple[FigureKind, int, int]]:
    """Find the figures in one sentence.

    Args:
        sentence: The sentence's text.

    Yields:
        Each figure's kind, start and end offset, in the order they appear.
    """
    claimed: list[tuple[int, int]] = []
    found: list[tuple[FigureKind, int, int]] = []
    folded = fold(sentence)
    if not _MAY_HOLD_FIGURE.search(folded):
        return
    for kind in KINDS:
        if not kind.clue.search(folded):
            continue
        for match in kind.search.finditer(folded if kind.on_fold else sentence):
            start, end = match.span()
            if any(start < taken_end and taken_start < end for taken_start, taken_end in claimed):
                continue
            claimed.append((start, end))
            found.append((kind, start, end))
    yield from sorted(found, key=lambda item: item[1])


def extract_figures(articles: Iterable[Article]) -> list[Figure]:
    """Every figure in every article, article by article in reading order."""
    return [
        Figure(sentence.text[start:end], article, paragraph, sentence, start, kind=kind)
        for article in articles
        for paragraph in article.body
        for sentence in paragraph.sentences
        for kind, start, end in sentence_figures(sentence.text)
    ]


def by_kind(figures: Iterable[Figure]) -> dict[FigureKind, list[Figure]]:
    """Group figures by kind, kinds in the order of `KINDS`, empty kinds left out."""
    groups: dict[FigureKind, list[Figure]] = {kind: [] for kind in KINDS}
    for figure in figures:
        groups[figure.kind].append(figure)
    return {kind: items for kind, items in groups.items() if items}


def highlights(figures: Iterable[Figure], limit: int = 6) -> list[Figure]:
    """A short selection for the home page: the first figures of each kind in turn, up to `limit`."""
    queues = [list(items) for items in by_kind(figures).values()]
    chosen: list[Figure] = []
    while len(chosen) < limit and any(queues):
        for queue in queues:
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    return chosen
