"""The timeline page: every dated mention, grouped by year, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from ..link import SKIP_END, SKIP_START
from ..markup import description, front_matter, text
from ..timeline import Mention
from .quote import marked, source_link

#: Where the timeline page lives, relative to the site root.
TIMELINE_URL = "timeline/"


def render_timeline_page(mentions: Sequence[Mention]) -> str:
    """Render the timeline page.

    Args:
        mentions: Every mention, in chronological order.

    Returns:
        The page's Markdown, front matter included.
    """
    span = f", from {mentions[0].year} to {max(m.end_year or m.year for m in mentions)}" if mentions else ""
    summary = f"Every date, year and period the guide's articles mention{span}, in order, each with its sentence."
    parts = [front_matter({"title": "Timeline", "description": description(summary)})]
    parts.append(
        "Every date, year and period the articles mention, oldest first. Where the text does not give the date "
        "itself (a day without a year, an anniversary, a span counted back), the entry shows the words as "
        "written and says how it was placed.\n\n"
    )
    if not mentions:
        parts.append("No dates have been found in the articles yet.\n")
    for year, group in groupby(mentions, key=lambda mention: mention.year):
        parts.append(f"## {year} {{#y{year}}}\n\n")
        # The quotes link back to their paragraphs, where the terms are linked: the linker skips them.
        parts.append(f'<ul class="ng-timeline" data-search-exclude>{SKIP_START}\n')
        parts.extend(_item(mention) for mention in group)
        parts.append(f"{SKIP_END}</ul>\n\n")
    return "".join(parts)


def _item(mention: Mention) -> str:
    # One mention: its date, the sentence with the words marked, how it was placed, and the link.
    quote = marked(mention.sentence.text, mention.start, mention.end)
    note = f' <span class="ng-note">({text(mention.note)})</span>' if mention.note else ""
    return (
        f'<li><span class="ng-when">{text(mention.label)}</span> '
        f'<span class="ng-quote" data-search-exclude>{quote}</span>{note} '
        f"{source_link(TIMELINE_URL, mention.article, mention.paragraph)}</li>\n"
    )
