"""Pagination: long lists split into numbered pages with stable addresses, so no page grows with the corpus.

A list's first page is the page it belongs to (`themes/security/`); the
following ones live under it (`themes/security/page/2/`, `…/page/3/`). Every
page carries the same pager: previous, next and the page numbers, plain links
that work without JavaScript, styled like Material's own buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .markup import front_matter, href, text

T = TypeVar("T")

#: How many page numbers the pager shows on each side of the current page.
PAGER_SPAN = 2


@dataclass(frozen=True)
class Paged:
    """Where one list is published: the first page's path and URL, and how many items a page holds.

    Attributes:
        path: The first page's source path in the site (`themes/security.md`).
        url: The first page's URL relative to the site root (`themes/security/`).
        size: Items per page.
    """

    path: str
    url: str
    size: int

    def count(self, items: int) -> int:
        """How many pages `items` items fill (one, even when there are none)."""
        return max(1, -(-items // self.size))

    def page_of(self, index: int) -> int:
        """The page number (from 1) the item at `index` (from 0) is on."""
        return index // self.size + 1

    def page_url(self, number: int) -> str:
        """The URL of page `number`, relative to the site root."""
        return self.url if number == 1 else f"{self.url}page/{number}/"

    def page_path(self, number: int) -> str:
        """The source path of page `number` in the site."""
        return self.path if number == 1 else f"{self.url}page/{number}.md"

    def split(self, items: Sequence[T]) -> list[Sequence[T]]:
        """The items page by page; one empty page when there are none."""
        return [items[start : start + self.size] for start in range(0, len(items), self.size)] or [items[:0]]


def pager(paged: Paged, current: int, total: int) -> str:
    """The navigation between the pages of a list, as HTML for the page `current` (empty when there is one page).

    Args:
        paged: Where the list is published.
        current: The page being written, from 1.
        total: How many pages there are.
    """
    if total <= 1:
        return ""
    here = paged.page_url(current)
    links = []
    if current > 1:
        links.append(_link(here, paged.page_url(current - 1), "← Previous", rel="prev"))
    shown = sorted({1, total, *range(max(1, current - PAGER_SPAN), min(total, current + PAGER_SPAN) + 1)})
    previous = 0
    for number in shown:
        if number > previous + 1:
            links.append('<span class="ng-pager-gap" aria-hidden="true">…</span>')
        if number == current:
            links.append(f'<span class="md-button md-button--primary" aria-current="page">{number}</span>')
        else:
            links.append(_link(here, paged.page_url(number), str(number), name=f"Page {number}"))
        previous = number
    if current < total:
        links.append(_link(here, paged.page_url(current + 1), "Next →", rel="next"))
    return f'<nav class="ng-pager" aria-label="Pages, page {current} of {total}">\n' + "\n".join(links) + "\n</nav>\n\n"


def _link(here: str, target: str, label: str, *, rel: str = "", name: str = "") -> str:
    # One pager link, relative to the page it is on; `name` is its accessible name when the label is a bare number.
    extra = (f' rel="{rel}"' if rel else "") + (f' aria-label="{name}"' if name else "")
    return f'<a class="md-button" href="{href(here, target)}"{extra}>{label}</a>'


def paged_pages(
    paged: Paged,
    chunks: Sequence[Sequence[T]],
    first: str,
    later: Callable[[int, Sequence[T]], str],
    body: Callable[[str, Sequence[T]], str],
) -> dict[str, str]:
    """Every page of a paged list, by its path: its head, the pager, its items, and the pager again.

    Args:
        paged: Where the list is published.
        chunks: The items, page by page (`Paged.split`).
        first: The first page's head (front matter and introduction).
        later: Writes the head of a later page from its number and its items.
        body: Writes a page's items from the page's URL and its items.
    """
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        nav = pager(paged, number, len(chunks))
        top = first if number == 1 else later(number, chunk)
        pages[paged.page_path(number)] = top + nav + body(paged.page_url(number), chunk) + nav
    return pages


def later_head(paged: Paged, number: int, total: int, title: str, summary: str, back: str) -> str:
    """The head of page 2, 3, … of a list: its title with its number, what it holds, and a link to the first page.

    Args:
        paged: Where the list is published.
        number: The page's number.
        total: How many pages there are.
        title: The list's title ("Key figures").
        summary: What the page holds, one sentence (also its description).
        back: The words of the link to the first page.
    """
    head = front_matter({"title": f"{title}, page {number} of {total}", "description": summary})
    link = f'<a href="{href(paged.page_url(number), paged.url)}">{text(back)}</a>'
    return head + f'<p class="ng-theme-counts">{text(summary)} {link}</p>\n\n'
