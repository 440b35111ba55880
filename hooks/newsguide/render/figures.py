"""The key-figures page and the home page's key-figures box."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from itertools import groupby

from ..figures import Figure, FigureKind, by_kind, highlights
from ..link import NO_LINK_CLASS, SKIP_END, SKIP_START
from ..markup import description, front_matter, href, text
from ..pagination import Paged, later_head, paged_pages
from .quote import Keep, excerpt, marked, quote_items, source_link

#: Where the key-figures page lives, relative to the site root, and its source path.
FIGURES_URL = "figures/"
FIGURES_PATH = "figures.md"
#: How many figures one page lists: about 60 KB of HTML.
FIGURES_PER_PAGE = 150


def render_figures_page(figures: Sequence[Figure], article_count: int, keep: Keep | None = None) -> dict[str, str]:
    """Render the key-figures pages: every figure, grouped by kind, with its sentence and link.

    Args:
        figures: Every figure in the corpus, in reading order.
        article_count: How many articles they come from (for the introduction).
        keep: Keeps each article's run of figures on a page (`Corpus.entry`):
            after one article's edit, only its own are written again.

    Returns:
        Each page's Markdown, front matter included, by its path: `figures.md`,
        then `figures/page/2.md`, … when there are more than `FIGURES_PER_PAGE`.
    """
    examples = ", ".join(figure.words for figure in highlights(figures, 4))
    summary = (
        f"Numbers stated in the guide's articles ({examples}), each with its sentence and a link to its paragraph."
        if figures
        else "Numbers stated in the guide's articles, each with its sentence and a link to its paragraph."
    )
    groups = by_kind(figures)
    ordered = [(kind, figure) for kind, items in groups.items() for figure in items]
    paged = Paged(FIGURES_PATH, FIGURES_URL, FIGURES_PER_PAGE)
    chunks = paged.split(ordered)
    starts: dict[str, int] = {}
    for index, (kind, _) in enumerate(ordered):
        starts.setdefault(kind.slug, paged.page_of(index))
    head = [front_matter({"title": "Key figures", "description": description(summary)})]
    noun = "article" if article_count == 1 else "articles"
    head.append(
        f"Every amount, count, multiplier, duration, ordinal and target year found in the {article_count} {noun} "
        "of this guide, shown with the sentence that states it. Follow a link to read the paragraph in full.\n\n"
    )
    if not figures:
        head.append("No figures have been found in the articles yet.\n")
    if len(chunks) > 1:
        kinds = " · ".join(
            f'<a href="{href(FIGURES_URL, paged.page_url(starts[kind.slug]) + "#" + kind.slug)}">{text(kind.title)}</a>'
            f" ({len(items)})"
            for kind, items in groups.items()
        )
        head.append(f'<p class="ng-kinds">By kind: {kinds}</p>\n\n')

    def later(number: int, chunk: Sequence[tuple[FigureKind, Figure]]) -> str:
        first = paged.size * (number - 1) + 1
        summary = f"Figures {first} to {first + len(chunk) - 1} of {len(ordered)}, by kind."
        return later_head(paged, number, len(chunks), "Key figures", summary, "Back to the first page")

    return paged_pages(paged, chunks, "".join(head), later, partial(_figure_list, keep=keep))


def _figure_list(page_url: str, chunk: Sequence[tuple[FigureKind, Figure]], keep: Keep | None) -> str:
    # One page's figures under a heading for each kind.
    parts = []
    for kind, group in groupby(chunk, key=lambda pair: pair[0]):
        parts.append(f"## {kind.title} {{#{kind.slug}}}\n\n")
        # The quotes link back to their paragraphs, where the terms are linked: the linker skips them.
        parts.append(f'<ul class="ng-figures" data-search-exclude>{SKIP_START}\n')
        parts.append(quote_items(page_url, [figure for _, figure in group], _item, keep, f"figures {kind.slug}"))
        parts.append(f"{SKIP_END}</ul>\n\n")
    return "".join(parts)


def _item(page_url: str, figure: Figure) -> str:
    # One figure: the figure, its sentence with the figure marked, and the paragraph link.
    quote = marked(figure.sentence.text, figure.start, figure.end)
    return (
        f'<li><span class="ng-figure">{text(figure.words)}</span> '
        f'<span class="ng-quote" data-search-exclude>{quote}</span> '
        f"{source_link(page_url, figure.article, figure.paragraph)}</li>\n"
    )


def render_figures_box(figures: Sequence[Figure], page_url: str, limit: int = 6) -> str:
    """The home page's box: a few figures of different kinds, and a link to all of them.

    Glossary terms are not linked in its excerpts, which are there for their numbers.
    """
    chosen = highlights(figures, limit)
    if not chosen:
        return ""
    items = "\n".join(
        f'<li><span class="ng-figure">{text(figure.words)}</span> '
        f'<span class="ng-quote" data-search-exclude>{excerpt(figure.sentence.text, figure.start, figure.end)}</span> '
        f"{source_link(page_url, figure.article, figure.paragraph)}</li>"
        for figure in chosen
    )
    more = f'<p class="ng-more"><a href="{href(page_url, FIGURES_URL)}">All {len(figures)} key figures</a></p>'
    return f'<div class="ng-figures-box {NO_LINK_CLASS}">\n<ul class="ng-figures">\n{items}\n</ul>\n{more}\n</div>'
