"""The timeline: every date, year or period the articles mention, in order.

Each mention keeps the words as written and says how it was placed when the
text alone does not give a date: a day without a year ("March 22") takes the
year of the article's date; an anniversary ("2025 marks the 80th anniversary
of …") is also placed at its origin (1945); a span counted back from the
article ("the first … in nearly six years", "for 15 consecutive years") is
placed against the article's date. Expressions that cannot be placed
honestly (no article date, or a span that may point forwards) are left out.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .model import Article, Paragraph, Quote, Sentence
from .numbers import NUMBER, QUALIFIER, number_value

_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name[:3]: number for name, number in list(_MONTHS.items())} | {"Sept": 9}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:1[5-9]\d\d|2[01]\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_LEAD = r"(?:(?P<lead>since|from|until|till|by|in|on|of|after|before|through|during|between)\s+)?"


@dataclass(frozen=True, slots=True)
class Mention(Quote):
    """A date, year or period named in an article, placed in time.

    Attributes:
        year: The year it starts in (the sort key with month and day).
        month: Month 1–12, or 0 when only the year is known.
        day: Day of the month, or 0.
        end_year: For a period, the year it ends in; otherwise 0.
        approximate: True when the text says "nearly", "about" and the like.
        note: How it was placed, when the text alone does not say ("" otherwise).
    """

    year: int
    month: int
    day: int
    end_year: int
    approximate: bool
    note: str

    @property
    def label(self) -> str:
        """The date as the timeline shows it ("22 March 2025", "2025–2026", "c. 2019")."""
        if self.end_year and self.end_year != self.year:
            label = f"{self.year}–{self.end_year}"
        elif self.day:
            label = f"{self.day} {calendar.month_name[self.month]} {self.year}"
        elif self.month:
            label = f"{calendar.month_name[self.month]} {self.year}"
        else:
            label = str(self.year)
        return ("c. " if self.approximate else "") + label

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Chronological order: start, then shorter periods first."""
        return _chronological(self.year, self.month, self.day, self.end_year)


@dataclass(frozen=True)
class _Found:
    # A mention before it is tied to its article: offsets and placement only.
    start: int
    end: int
    year: int
    month: int = 0
    day: int = 0
    end_year: int = 0
    approximate: bool = False
    note: str = ""


#: Words that end the object of "anniversary of …" (a verb or a new clause starts).
_CLAUSE_WORDS = "in on at is was were will would falls fall fell marks mark marked which that when this with as"
_ANNIVERSARY = re.compile(
    r"\b(?P<n>\d+)(?:st|nd|rd|th)\s+anniversary"
    rf"(?:\s+of(?:\s+(?!(?:{'|'.join(_CLAUSE_WORDS.split())})\b)[^\s,;:.()]+)+)?"
)
_DAY_MONTH_YEAR = re.compile(rf"\b{_LEAD}{_DAY}\s+{_MONTH},?\s+(?P<year>{_YEAR})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b{_LEAD}{_MONTH}\s+{_DAY},?\s+(?P<year>{_YEAR})\b")
_RANGE = re.compile(
    rf"\b(?:(?P<lead>from|between)\s+)?(?P<first>{_YEAR})(?:\s*[-–—/]\s*|\s+(?:to|and|until|through)\s+)"
    rf"(?P<last>{_YEAR}|\d\d)\b"
)
_DECADE = re.compile(r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?P<decade>1[5-9]\d|2[01]\d)0s\b")
_MONTH_YEAR = re.compile(rf"\b{_LEAD}{_MONTH}\s+(?P<year>{_YEAR})\b")
_DAY_MONTH = re.compile(rf"\b{_LEAD}{_DAY}\s+{_MONTH}\b(?![,\s]*\d)")
_MONTH_DAY = re.compile(rf"\b{_LEAD}{_MONTH}\s+{_DAY}\b(?![,\s]*\d)")
_SINGLE_YEAR = re.compile(rf"\b{_LEAD}(?P<year>{_YEAR})\b(?![-–—/]\d)")
_SPAN_UNIT = r"(?:years?|decades?)"
_SPAN_BACK = re.compile(
    rf"\b(?:(?P<prep>in|for|over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last)|the\s+(?:past|last))\s+)?"
    rf"(?P<qualifier>{QUALIFIER}\s+)?(?P<n>{NUMBER})(?:\s+(?:consecutive|straight|successive))?\s+"
    rf"(?P<unit>{_SPAN_UNIT})(?P<ago>\s+ago)?\b",
    re.IGNORECASE,
)
#: Clues that let a sentence skip the patterns: each pattern above `_SPAN_BACK` needs a digit (a year,
#: day, decade or count in digits), those with `_MONTH` a month's name, and `_SPAN_BACK` its unit.
_HAS_DIGIT = re.compile(r"\d")
_HAS_MONTH = re.compile(_MONTH)
_HAS_SPAN_UNIT = re.compile(_SPAN_UNIT, re.IGNORECASE)
#: Words before "in N years" that make it a gap counted back ("the first … in six years").
_LOOKS_BACK = re.compile(r"\b(?:first|last|since|longest|highest|lowest)\b", re.IGNORECASE)


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < taken_end and taken_start < end for taken_start, taken_end in taken)


def _matches(sentence: str, *patterns: re.Pattern[str]) -> list[re.Match[str]]:
    # The matches of several patterns, in the order they appear.
    return sorted((m for pattern in patterns for m in pattern.finditer(sentence)), key=lambda m: m.start())


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".")]


def _explicit_years(sentence: str) -> list[int]:
    return [int(match.group()) for match in re.finditer(rf"\b{_YEAR}\b", sentence)]


def sentence_mentions(sentence: str, article_year: int | None, article_date_text: str = "") -> Iterator[_Found]:
    """Find every date, year or period in one sentence.

    Args:
        sentence: The sentence's text.
        article_year: The year of the article's date, to place words that lack one; None when undated.
        article_date_text: The article's date as a reader would write it, for the notes.

    Yields:
        Each mention's offsets and placement.
    """
    taken: list[tuple[int, int]] = []
    dated = f"the article's date ({article_date_text})" if article_date_text else "the article's date"

    def claim(start: int, end: int) -> bool:
        if _overlaps(start, end, taken):
            return False
        taken.append((start, end))
        return True

    if _HAS_DIGIT.search(sentence):
        named = _HAS_MONTH.search(sentence) is not None
        for match in _ANNIVERSARY.finditer(sentence):
            explicit = _explicit_years(sentence)
            year = explicit[0] if len(explicit) == 1 else article_year
            if year is not None and claim(*match.span()):
                count = int(match.group("n"))
                source = "the year the sentence names" if len(explicit) == 1 else dated
                note = f"{count} years before {year}, from {source}"
                yield _Found(*match.span(), year=year - count, note=note)
        for match in _matches(sentence, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR) if named else []:
            if claim(*match.span()):
                month, day = _month(match.group("month")), int(match.group("day"))
                yield _Found(*match.span(), year=int(match.group("year")), month=month, day=day)
        for match in _RANGE.finditer(sentence):
            first, last = int(match.group("first")), match.group("last")
            end_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
            if end_year > first and claim(*match.span()):
                yield _Found(*match.span(), year=first, end_year=end_year)
        for match in _DECADE.finditer(sentence):
            if claim(*match.span()):
                decade = int(match.group("decade") + "0")
                yield _Found(*match.span(), year=decade, end_year=decade + 9)
        for match in _MONTH_YEAR.finditer(sentence) if named else ():
            if claim(*match.span()):
                yield _Found(*match.span(), year=int(match.group("year")), month=_month(match.group("month")))
        for match in _matches(sentence, _DAY_MONTH, _MONTH_DAY) if named else []:
            if article_year is not None and claim(*match.span()):
                month, day = _month(match.group("month")), int(match.group("day"))
                if 1 <= day <= calendar.monthrange(article_year, month)[1]:
                    yield _Found(*match.span(), year=article_year, month=month, day=day, note=f"year from {dated}")
        for match in _SINGLE_YEAR.finditer(sentence):
            if claim(*match.span()):
                yield _Found(*match.span(), year=int(match.group("year")))
    if article_year is None or not _HAS_SPAN_UNIT.search(sentence):
        return
    for match in _SPAN_BACK.finditer(sentence):
        found = _span_back(match, sentence, article_year, dated)
        if found is not None and claim(found.start, found.end):
            yield found


def _span_back(match: re.Match[str], sentence: str, article_year: int, dated: str) -> _Found | None:
    # A span counted back from the article's date, or None when it may point forwards.
    value = number_value(match.group("n"))
    if value is None or value != int(value):
        return None
    years = int(value) * (10 if match.group("unit").lower().startswith("decade") else 1)
    prep = (match.group("prep") or "").lower()
    approximate = bool(match.group("qualifier"))
    start, end = match.span()
    if match.group("ago") or (prep == "in" and _LOOKS_BACK.search(sentence[: match.start()])):
        note = f"{years} years before {dated}"
        return _Found(start, end, year=article_year - years, approximate=approximate, note=note)
    if prep == "for" or "past" in prep or "last" in prep:
        note = f"the {years} years up to {dated}"
        return _Found(start, end, year=article_year - years, end_year=article_year, approximate=approximate, note=note)
    return None


def build_timeline(articles: Iterable[Article]) -> list[Mention]:
    """Every mention in every article, in chronological order (ties in reading order)."""
    mentions: list[Mention] = []
    for article in articles:
        year = article.date.year if article.date else None
        date_text = article.date_label
        for paragraph in article.body:
            for sentence in paragraph.sentences:
                for found in sorted(sentence_mentions(sentence.text, year, date_text), key=lambda item: item.start):
                    mentions.append(_placed(found, article, paragraph, sentence))
    return sorted(mentions, key=lambda mention: mention.sort_key)


def _placed(found: _Found, article: Article, paragraph: Paragraph, sentence: Sentence) -> Mention:
    # A mention found in a sentence, tied to its article, paragraph and sentence.
    return Mention(
        year=found.year,
        month=found.month,
        day=found.day,
        end_year=found.end_year,
        approximate=found.approximate,
        words=sentence.text[found.start : found.end],
        note=found.note,
        article=article,
        paragraph=paragraph,
        sentence=sentence,
        start=found.start,
    )


def _chronological(year: int, month: int, day: int, end_year: int) -> tuple[int, int, int, int]:
    # The sort key of a mention: its start, then shorter periods first.
    return (year, month, day, end_year or year)
