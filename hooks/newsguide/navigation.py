"""The order of the site's top-level navigation, independent of file names.

The navigation is built from the files, so adding an article or a term never
means editing a list; only the top level is put in reading order.
"""

from __future__ import annotations

from collections.abc import Sequence

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
