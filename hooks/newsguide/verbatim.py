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
theme and term pages, figures and dates with their sentences; and an
article's theme ribbon and badges, only links and theme names. They are linked
nowhere and always lie inside an element marked `data-search-exclude`, so that
search leads to the article rather than to its copies; a generator may keep
them out of its search indexing as well (even those inside another region)
and restore them only into the finished page (see `is_quotation`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from .link import SKIP_END, SKIP_START

#: The comments around raw HTML that a site generator may hold out of Markdown (see `verbatim`).
START = "<!-- ng-verbatim -->"
END = "<!-- /ng-verbatim -->"

#: The two kinds of region, by their opening and closing comments.
_KINDS = ((START, END), (SKIP_START, SKIP_END))
_QUOTATIONS = _KINDS[1:]
_CLOSING = dict(_KINDS)
_PLACEHOLDER = re.compile(r"<!-- ng-held ([0-9a-f]{20}) -->")
#: An id attribute as the engine and Markdown write it: after a space, in double quotes (never in escaped text).
_ID = re.compile(r' id="([^"]+)"')


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
    return _hold(markdown, _KINDS)


def _hold(markdown: str, kinds: tuple[tuple[str, str], ...]) -> tuple[str, dict[str, str]]:
    # Every outermost region of these kinds, taken out for a placeholder (see `hold`).
    regions: dict[str, str] = {}
    out: list[str] = []
    position = 0  # regions are found with str.find: at 1,000 articles a page can hold megabytes of them
    openings = {opening: markdown.find(opening) for opening, _ in kinds}  # where each kind opens next
    while (region := _next_region(markdown, position, openings)) is not None:
        start, end = region
        key = hashlib.sha1(markdown[start:end].encode("utf-8"), usedforsecurity=False).hexdigest()[:20]
        regions[key] = markdown[start:end]
        out += [markdown[position:start], f"<!-- ng-held {key} -->"]
        position = end
    out.append(markdown[position:])
    return "".join(out), regions


def _next_region(markdown: str, position: int, openings: dict[str, int]) -> tuple[int, int] | None:
    # The first whole region at or after `position`, outermost first; an opening comment never closed is text.
    # `openings` holds where each kind opens next, so that a kind that opens far ahead is not searched for again.
    while True:
        for opening, at in openings.items():
            if 0 <= at < position:
                openings[opening] = markdown.find(opening, position)
        found = [(at, opening) for opening, at in openings.items() if at >= 0]
        if not found:
            return None
        start, opening = min(found)
        end = markdown.find(_CLOSING[opening], start + len(opening))
        if end >= 0:
            return start, end + len(_CLOSING[opening])
        position = start + 1


def restore(html: str, regions: Mapping[str, str]) -> str:
    """Put the regions `hold` took out back in place of their placeholders."""
    if not regions:
        return html
    return _PLACEHOLDER.sub(lambda found: regions.get(found.group(1), found.group()), html)


def restore_unquoted(html: str, regions: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """Put back the regions that are not quotations; return the HTML and the quotations, still held.

    A quotation inside a region put back (an article paragraph's theme badges)
    stays held too, under a placeholder of its own. A generator keeps only
    what this returns until the page is finished (`restore` then): the rest is
    in the HTML already, and holding it too would keep every page's body twice
    in memory until the end of the build.
    """
    quotations = {key: region for key, region in regions.items() if is_quotation(region)}
    if len(quotations) == len(regions):
        return html, quotations
    unquoted = {}
    for key, region in regions.items():
        if key not in quotations:
            unquoted[key], inner = _hold(region, _QUOTATIONS)
            quotations.update(inner)
    return restore(html, unquoted), quotations


def is_quotation(region: str) -> bool:
    """Whether a held region is a quotation: not linked, not searched (see the module's docstring)."""
    return region.startswith(SKIP_START)


def searched_part(html: str) -> str:
    """The HTML as a search indexer reads it while the quotations are held: their placeholders all alike.

    Quotations are still held when a page is indexed (`restore_unquoted`), so
    its search entries never depend on them; a placeholder's key does, as it
    is a digest of its quotation. A key of the page's search entries is made
    of this instead, and holds when only the quotations changed.
    """
    return _PLACEHOLDER.sub("<!-- ng-held -->", html)


def anchor_ids(regions: Mapping[str, str]) -> set[str]:
    """The ids of the elements in the regions: the anchors other pages may link to."""
    return {found.group(1) for region in regions.values() for found in _ID.finditer(region)}
