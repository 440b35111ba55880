"""A sentence quoted from an article, with the words that matter marked and a link to its paragraph."""

from __future__ import annotations

from ..markup import href, text
from ..model import Article, Paragraph


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
