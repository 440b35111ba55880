"""Verbatim regions: raw HTML the engine wrote, which Markdown passes through as it is.

Every generated page is Markdown, so that any Markdown site generator can show
it (see `newsguide.export`), but most of it is raw HTML blocks: article
paragraphs, quoted passages, lists of figures. A Markdown processor copies
such blocks unchanged, yet it still has to parse them to find where they end,
and MkDocs parses them once more to collect their ids; at 1,000 articles that
is a third of a build, spent on HTML whose output is known in advance.

So the engine marks such HTML: `verbatim()` wraps it in two marker comments,
and so does `newsguide.link.skip_linking()`. A site generator may `hold()` the
marked regions out of the Markdown, leaving a short placeholder comment, and
`restore()` them in the HTML that comes out. The page is the same either way;
a generator that knows nothing of this renders the Markdown as it is.

The regions of `skip_linking` are quotations: passages quoted from articles on
theme and term pages, figures and dates with their sentences. They are linked
nowhere and always lie inside an element marked `data-search-exclude`, so that
search leads to the article rather than to its copies; a generator may keep
them out of its search indexing as well and restore them only into the
finished page (see `is_quotation`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from .link import SKIP_END, SKIP_START

#: The comments around raw HTML that a site generator may hold out of Markdown (see `verbatim`).
START = "<!-- ng-verbatim -->"
END = "<!-- /ng-verbatim -->"

#: A region of either kind, outermost first: a region inside another goes with it.
_REGION = re.compile(
    f"{re.escape(START)}.*?{re.escape(END)}|{re.escape(SKIP_START)}.*?{re.escape(SKIP_END)}",
    re.DOTALL,
)
_PLACEHOLDER = re.compile(r"<!-- ng-held ([0-9a-f]{20}) -->")
_ID = re.compile(r"""<[a-zA-Z][^<>]*?\sid=["']([^"']+)["']""")


def verbatim(html: str) -> str:
    """Mark raw HTML that a site generator may keep out of Markdown.

    Args:
        html: Whole block-level elements (every element it opens, it closes),
            as whole lines: where Markdown would copy them unchanged.

    Returns:
        The HTML between the two marker comments, each on a line of its own.
    """
    return f"{START}\n{html.strip(chr(10))}\n{END}\n"


def hold(markdown: str) -> tuple[str, dict[str, str]]:
    """Take every marked region out of a page's Markdown.

    Args:
        markdown: The page's Markdown.

    Returns:
        The Markdown with a placeholder comment for each region, and the
        regions by placeholder key, for `restore`.
    """
    regions: dict[str, str] = {}

    def placeholder(found: re.Match[str]) -> str:
        key = hashlib.blake2b(found.group().encode("utf-8"), digest_size=10).hexdigest()
        regions[key] = found.group()
        return f"<!-- ng-held {key} -->"

    return _REGION.sub(placeholder, markdown), regions


def restore(html: str, regions: Mapping[str, str]) -> str:
    """Put the regions `hold` took out back in place of their placeholders."""
    if not regions:
        return html
    return _PLACEHOLDER.sub(lambda found: regions.get(found.group(1), found.group()), html)


def is_quotation(region: str) -> bool:
    """Whether a held region is a quotation: not linked, not searched (see the module's docstring)."""
    return region.startswith(SKIP_START)


def anchor_ids(regions: Mapping[str, str]) -> set[str]:
    """The ids of the elements in the regions: the anchors other pages may link to."""
    return {found.group(1) for region in regions.values() for found in _ID.finditer(region)}
