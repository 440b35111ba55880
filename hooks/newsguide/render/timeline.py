"""The timeline page: every dated mention, grouped by year, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from itertools import groupby

from ..link import SKIP_END, SKIP_START
from ..markup import description, front_matter, href, text
from ..pagination import Paged, later_head, paged_pages
from ..timeline import Mention
from .quote import Keep, marked, quote_items, source_link

#: Where the timeline page lives, relative to the site root, and its source path.
TIMELINE_URL = "timeline/"
TIMELINE_PATH = "timeline.md"
#: How many dated mentions one page lists: about 60 KB of HTML.
MENTIONS_PER_PAGE = 150


def render_timeline_page(mentions: Sequence[Mention], keep: Keep | None = None) -> dict[str, str]:
    """Render the timeline pages.

    Args:
        mentions: Every mention, in chronological order.
        keep: Keeps each article's run of mentions on a page (`Corpus.entry`):
            after one article's edit, only its own are written again.

    Returns:
        Each page's Markdown, front matter included, by its path: `timeline.md`,
        then `timeline/page/2.md`, … when there are more than
        `MENTIONS_PER_PAGE`; the first page lists the years, each linking to
        the page where it begins.
    """
    span = f", from {mentions[0].year} to {max(m.end_year or m.year for m in mentions)}" if mentions else ""
    summary = f"Every date, year and period the guide's articles mention{span}, in order, each with its sentence."
    paged = Paged(TIMELINE_PATH, TIMELINE_URL, MENTIONS_PER_PAGE)
    chunks = paged.split(mentions)
    head = [front_matter({"title": "Timeline", "description": description(summary)})]
    head.append(
        "Every date, year and period the articles mention, oldest first. Where the text does not give the date "
        "itself (a day without a year, an anniversary, a span counted back), the entry shows the words as "
        "written and says how it was placed.\n\n"
    )
    if not mentions:
        head.append("No dates have been found in the articles yet.\n")
    if len(chunks) > 1:
        starts: dict[int, int] = {}
        for index, mention in enumerate(mentions):
            starts.setdefault(mention.year, paged.page_of(index))
        years = " · ".join(
            f'<a href="{href(TIMELINE_URL, f"{paged.page_url(number)}#y{year}")}">{year}</a>'
            for year, number in starts.items()
        )
        head.append(f'<p class="ng-years">Years: {years}</p>\n\n')

    def later(number: int, chunk: Sequence[Mention]) -> str:
        first = paged.size * (number - 1) + 1
        summary = f"Dates {first} to {first + len(chunk) - 1} of {len(mentions)}, oldest first."
        return later_head(paged, number, len(chunks), "Timeline", summary, "Back to the first page")

    return paged_pages(paged, chunks, "".join(head), later, partial(_mention_list, keep=keep))


def _mention_list(page_url: str, chunk: Sequence[Mention], keep: Keep | None) -> str:
    # One page's dated mentions under a heading for each year.
    parts = []
    for year, group in groupby(chunk, key=lambda mention: mention.year):
        parts.append(f"## {year} {{#y{year}}}\n\n")
        # The quotes link back to their paragraphs, where the terms are linked: the linker skips them.
        parts.append(f'<ul class="ng-timeline" data-search-exclude>{SKIP_START}\n')
        parts.append(quote_items(page_url, list(group), _item, keep, "timeline"))
        parts.append(f"{SKIP_END}</ul>\n\n")
    return "".join(parts)


def _item(page_url: str, mention: Mention) -> str:
    # One mention: its date, the sentence with the words marked, how it was placed, and the link.
    quote = marked(mention.sentence.text, mention.start, mention.end)
    note = f' <span class="ng-note">({text(mention.note)})</span>' if mention.note else ""
    return (
        f'<li><span class="ng-when">{text(mention.label)}</span> '
        f'<span class="ng-quote" data-search-exclude>{quote}</span>{note} '
        f"{source_link(page_url, mention.article, mention.paragraph)}</li>\n"
    )
