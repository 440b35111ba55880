"""The order of the site's top-level navigation, independent of file names.

The navigation is built from the files, so adding an article or a term never
means editing a list; only the top level is put in reading order.
"""

from __future__ import annotations

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
