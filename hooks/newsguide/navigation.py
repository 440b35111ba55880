"""The order of the site's top-level navigation, independent of file names.

The navigation is built from the files, so adding an article or a term never
means editing a list; only the top level is put in reading order. Its HTML is
made once for all the pages it reads the same on (`NavigationHTML`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Sequence
from typing import Any

from .render.theme import INDEX_PATH, OTHER_PATH
from .themes import Theme

#: Top-level entries in reading order, by the first part of their source path; others follow, as found.
TOP_LEVEL_ORDER = ("index.md", "articles", "themes", "glossary", "figures.md", "timeline.md")


def nav_rank(src_path: str) -> int:
    """The position of a top-level entry, given the source path of a page it holds.

    Args:
        src_path: A page's path inside `docs/` (e.g. `articles/x.md`, `figures.md`).

    Returns:
        Its index in `TOP_LEVEL_ORDER`, or one past the end for anything else
        (a stable sort keeps those in the order MkDocs found them).
    """
    head = src_path.split("/", 1)[0]
    return TOP_LEVEL_ORDER.index(head) if head in TOP_LEVEL_ORDER else len(TOP_LEVEL_ORDER)


def section_order(themes: Sequence[Theme]) -> dict[str, int]:
    """The order of pages inside sections, where it is not that of their file names.

    The themes section lists its overview first, then each theme in display
    order (its `order`, then its title), and "Other passages" last.

    Args:
        themes: The themes, in display order.

    Returns:
        A page's path inside `docs/` → its position in its section; pages not
        listed keep their place after those listed.
    """
    paths = [INDEX_PATH, *(theme.page_path for theme in themes), OTHER_PATH]
    return {path: index for index, path in enumerate(paths)}


def arrange(items: list[Any], unlisted: frozenset[str], themes: Sequence[Theme]) -> tuple[list[Any], list[Any]]:
    """Put a site generator's navigation in reading order, without the pages no sidebar should list.

    The entries are MkDocs' (or any generator's) navigation objects, read by
    their shape: one with `children` is a section, one with a `file` is a page,
    anything else a link. Pages left out (`Site.unlisted`: the articles, and
    the later pages of paged lists) lose their previous and next links.

    Args:
        items: The navigation's top-level entries.
        unlisted: The source paths of the pages to leave out.
        themes: The themes, in display order.

    Returns:
        The entries kept, in reading order, and every page among them in
        order, each linked to the one before and after it.
    """
    kept = _listed(items, unlisted)
    kept.sort(key=lambda item: nav_rank(_first_source(item)))
    order = section_order(themes)
    for section in _sections(kept):
        section.children.sort(key=lambda item: order.get(_first_source(item), len(order)))
    pages = list(_pages(kept))
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None
    return kept, pages


def _listed(items: list[Any], unlisted: frozenset[str]) -> list[Any]:
    # The entries without the unlisted pages and the sections left empty. A sidebar renders into
    # every page, so n articles in it cost n² to build (at 1,000 articles, nine tenths of the build),
    # and a sidebar of 1,000 titles, or of page 2, 3, … of a list, helps no reader.
    kept = []
    for item in items:
        if hasattr(item, "children") and item.children is not None:
            item.children = _listed(item.children, unlisted)
            if not item.children:
                continue
        elif hasattr(item, "file") and item.file.src_uri in unlisted:
            item.previous_page = item.next_page = None
            continue
        kept.append(item)
    return kept


def _first_source(item: Any) -> str:
    # The source path of the first page in a navigation entry ("" for a link).
    if hasattr(item, "file"):
        return str(item.file.src_uri)
    return next((page.file.src_uri for page in _pages(item.children or [])), "") if hasattr(item, "children") else ""


def _pages(items: list[Any]) -> Iterator[Any]:
    # Every page in navigation entries, depth first, in order.
    for item in items:
        if hasattr(item, "file"):
            yield item
        elif getattr(item, "children", None):
            yield from _pages(item.children)


def _sections(items: list[Any]) -> Iterator[Any]:
    # Every section in navigation entries, depth first.
    for item in items:
        if getattr(item, "children", None):
            yield item
            yield from _sections(item.children)


def outline(items: list[Any] | None) -> list[Any]:
    """A navigation or table of contents as plain lists of titles, addresses and children, for a digest.

    Args:
        items: Entries with a `title`, and perhaps a `url` and `children`
            (MkDocs' sections, pages and links, or a table of contents' anchors).
    """
    return [[item.title, getattr(item, "url", None), outline(getattr(item, "children", None))] for item in items or []]


class NavigationHTML:
    """The navigation's list of entries as a theme renders it, made once for all the pages it reads the same on.

    A theme renders the sidebar into every page, and most pages are in no
    sidebar (articles, the later pages of lists: `arrange`). On such a page
    the list depends only on which entries are active (the page's sections)
    and on the folder the page's relative links start from, so the site's
    article pages, a thousand or ten thousand, share one list. The theme's
    template asks for a `key` and keeps what it renders under it
    (`hooks/templates/partials/nav.html`); a page the list links to, or one
    holding a page it links to, gets no key and a list of its own.

    Entries are read by their shape, as in `arrange`; one object serves one
    navigation, and starts afresh when given another (a new build).
    """

    def __init__(self) -> None:
        self._navigation: Any = None
        self._made: dict[tuple[str, tuple[int, ...]], str] = {}
        self._targets: tuple[str, ...] = ()

    def key(self, navigation: Any, page: Any) -> tuple[str, tuple[int, ...]] | None:
        """What the list on this page depends on, or None if it must be made for this page alone.

        Args:
            navigation: The navigation, with its top-level `items`.
            page: The page being rendered, with its `url` and `ancestors`
                (its sections, which the theme marks active).
        """
        url = getattr(page, "url", None)
        if url is None:
            return None
        if navigation is not self._navigation:
            self._navigation, self._made = navigation, {}
            self._targets = tuple(_targets(navigation.items))
        if not url or any(target.startswith(url) for target in self._targets):
            return None  # listed (the list shows its headings), or a link from it would differ from its neighbour's
        return posixpath.dirname(url.rstrip("/")), tuple(id(section) for section in page.ancestors)

    def get(self, key: tuple[str, tuple[int, ...]]) -> str | None:
        """The list kept under this key, if one was."""
        return self._made.get(key)

    def keep(self, key: tuple[str, tuple[int, ...]], html: str) -> str:
        """Keep the list made for a key; return it."""
        self._made[key] = html
        return html


def _targets(items: list[Any]) -> Iterator[str]:
    # The address of every entry that has one (pages and links), depth first.
    for item in items:
        if getattr(item, "url", None) is not None:
            yield str(item.url)
        yield from _targets(getattr(item, "children", None) or [])
