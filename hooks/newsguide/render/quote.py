"""A sentence quoted from an article, with the words that matter marked and a link to its paragraph."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import groupby
from typing import Protocol, TypeVar

from ..markup import href, text
from ..model import Article, Paragraph, Quote

Q = TypeVar("Q", bound=Quote)


class _FromArticle(Protocol):
    # Anything quoted from one article: a quote, a passage.
    @property
    def article(self) -> Article: ...


T = TypeVar("T", bound=_FromArticle)
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
    # Where each quote is in its article: with the article's key, what its item is made from.
    return article_runs(
        quotes,
        lambda q: f"{q.paragraph.number}:{q.sentence.start}:{q.start}:{q.words}",
        partial(_items, page_url, item=item),
        keep,
        (name, page_url),
    )


def article_runs(
    items: Sequence[T],
    place: Callable[[T], str],
    make: Callable[[list[T]], str],
    keep: Keep | None,
    inputs: tuple[str | int | bool, ...],
) -> str:
    """A page's part quoting many articles, made run by run: each article's consecutive items kept by `keep`.

    After one article's edit, the runs of the others are taken as they were
    (`Corpus.entry`), and only the edited article's are made again.

    Args:
        items: The items, each from one article (`item.article`), in the page's order.
        place: Where an item is in its article: with the article's key and
            `inputs`, it must name what the item is made from.
        make: Makes one run of items.
        keep: Keeps each run; None makes every run.
        inputs: What else every run depends on (what the items are, the page's URL, …).
    """
    parts = []
    for slug, run in groupby(items, key=lambda item: item.article.slug):
        shown = list(run)
        made = partial(make, shown)
        parts.append(made() if keep is None else keep((*inputs, *map(place, shown)), slug, made))
    return "".join(parts)


def _items(page_url: str, quotes: Sequence[Q], item: Callable[[str, Q], str]) -> str:
    # The quotes' items, one after another.
    return "".join(item(page_url, quote) for quote in quotes)
