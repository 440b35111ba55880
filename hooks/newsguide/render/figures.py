"""The key-figures page and the home page's key-figures box."""

from __future__ import annotations

from collections.abc import Sequence

from ..figures import Figure, by_kind, highlights
from ..link import NO_LINK_CLASS, SKIP_END, SKIP_START
from ..markup import description, front_matter, href, text
from .quote import excerpt, marked, source_link

#: Where the key-figures page lives, relative to the site root.
FIGURES_URL = "figures/"


def render_figures_page(figures: Sequence[Figure], article_count: int) -> str:
    """Render the key-figures page: every figure, grouped by kind, with its sentence and link.

    Args:
        figures: Every figure in the corpus, in reading order.
        article_count: How many articles they come from (for the introduction).

    Returns:
        The page's Markdown, front matter included.
    """
    examples = ", ".join(figure.words for figure in highlights(figures, 4))
    summary = (
        f"Numbers stated in the guide's articles ({examples}), each with its sentence and a link to its paragraph."
        if figures
        else "Numbers stated in the guide's articles, each with its sentence and a link to its paragraph."
    )
    parts = [front_matter({"title": "Key figures", "description": description(summary)})]
    noun = "article" if article_count == 1 else "articles"
    parts.append(
        f"Every amount, count, multiplier, duration, ordinal and target year found in the {article_count} {noun} "
        "of this guide, shown with the sentence that states it. Follow a link to read the paragraph in full.\n\n"
    )
    if not figures:
        parts.append("No figures have been found in the articles yet.\n")
    for kind, items in by_kind(figures).items():
        parts.append(f"## {kind.title} {{#{kind.slug}}}\n\n")
        # The quotes link back to their paragraphs, where the terms are linked: the linker skips them.
        parts.append(f'<ul class="ng-figures" data-search-exclude>{SKIP_START}\n')
        parts.extend(_item(FIGURES_URL, figure) for figure in items)
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
