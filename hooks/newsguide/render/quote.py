"""A sentence quoted from an article, with the words that matter marked and a link to its paragraph."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import groupby
from typing import TypeVar

from ..markup import href, text
from ..model import Article, Paragraph, Quote

Q = TypeVar("Q", bound=Quote)
#: Keeps one article's piece of a page made from many articles (`Corpus.entry`): given what else the piece
#: depends on, the article's slug and how to make the piece, the piece.
Keep = Callable[[tuple[str | int | bool, ...], str, Callable[[], str]], str]


def marked(sentence: str, start: int, end: int) -> str:
    """The sentence as escaped HTML with `sentence[start:end]` in `<strong>`."""
    return f"{text(sentence[:start])}<strong>{text(sentence[start:end])}</strong>{text(sentence[end:])}"


def excerpt(sentence: str, start: int, end: int, words: int = 8) -> str:
    """Like `marked`, but only up to `words` words either side of the marked part, with ellipses."""
    before = sentence[:start].split(" ")
    after = sentence[end:].split(" ")
    head = ("…" if len(before) > words + 1 else "") + " ".join(before[-(words + 1) :])
    tail = " ".join(after[: words + 1]) + ("…" if len(after) > words + 1 else "")
    return marked(head + sentence[start:end] + tail, len(head), len(head) + end - start)


def source_link(page_url: str, article: Article, paragraph: Paragraph) -> str:
    """A link to the paragraph, named by article and paragraph number (a name screen readers can use)."""
    url = href(page_url, article.paragraph_url(paragraph))
    return f'<a class="ng-source-link" href="{url}">{text(article.title)}, ¶{paragraph.number}</a>'


def quote_items(page_url: str, quotes: Sequence[Q], item: Callable[[str, Q], str], keep: Keep | None, name: str) -> str:
    """The list items of quotes on a page, each article's run of them kept by `keep` (while serving).

    Args:
        page_url: The page's URL.
        quotes: The quotes, in the page's order.
        item: Writes one quote's item on the page.
        keep: Keeps each article's run of items; None writes every item.
        name: What the items are (with the page's URL, in each run's inputs).
    """
    if keep is None:
        return _items(page_url, quotes, item)
    parts = []
    for slug, run in groupby(quotes, key=lambda quote: quote.article.slug):
        shown = list(run)
        # Where each quote is in its article: with the article's key, what its item is made from.
        places = (f"{q.paragraph.number}:{q.sentence.start}:{q.start}:{q.words}" for q in shown)
        parts.append(keep((name, page_url, *places), slug, partial(_items, page_url, shown, item)))
    return "".join(parts)


def _items(page_url: str, quotes: Sequence[Q], item: Callable[[str, Q], str]) -> str:
    # The quotes' items, one after another.
    return "".join(item(page_url, quote) for quote in quotes)
