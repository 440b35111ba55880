"""Generated blocks that hand-written pages embed with a marker.

A hand-written page such as `docs/index.md` writes `<!-- newsguide:articles -->`
where the list of articles belongs; the marker is replaced at build time, so the
page stays current as articles are added, and shows nothing if left unprocessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from .corpus import Corpus
from .link import NO_LINK_CLASS
from .markup import href, text
from .model import Article
from .render.figures import render_figures_box
from .render.glossary import render_glossary_box
from .render.theme import render_theme_cards

#: How many of the newest articles the home page lists.
LATEST = 10
#: The articles index, relative to the site root.
ARTICLES_URL = "articles/"
_MARKER = re.compile(r"<!--\s*newsguide:(?P<name>[a-z-]+)\s*-->")


def article_list(corpus: Corpus, page_url: str, articles: Sequence[Article] | None = None) -> str:
    """A list of articles (all of them, in corpus order, by default), each with its standfirst, linking to its page.

    Glossary terms are not linked in it: the list is a way into the articles,
    where they are.
    """
    items = []
    for article in corpus.articles if articles is None else articles:
        standfirst = f'<br><span class="ng-standfirst">{text(article.standfirst)}</span>' if article.standfirst else ""
        byline = f' <span class="ng-byline">by {text(article.author)}</span>' if article.author else ""
        when = f' <span class="ng-date">{article.date_label}</span>' if article.date else ""
        items.append(
            f'<li><a href="{href(page_url, article.url)}">{text(article.title)}</a>{byline}{when}{standfirst}</li>'
        )
    return f'<ul class="ng-article-list {NO_LINK_CLASS}">\n' + "\n".join(items) + "\n</ul>"


def latest_articles(corpus: Corpus, page_url: str) -> str:
    """The home page's list: the `LATEST` newest articles, and a link to the articles index with all of them."""
    newest = corpus.articles_newest_first[:LATEST]
    more = ""
    if len(corpus.articles) > len(newest):
        more = (
            f'\n<p class="ng-more"><a href="{href(page_url, ARTICLES_URL)}">'
            f"All {len(corpus.articles)} articles, newest first</a></p>"
        )
    return article_list(corpus, page_url, newest) + more


def figures_box(corpus: Corpus, page_url: str) -> str:
    """A box with a few key figures of different kinds and a link to the key-figures page."""
    return render_figures_box(corpus.figures, page_url)


def theme_cards(corpus: Corpus, page_url: str) -> str:
    """A card for each theme with its passage count and top terms, linking to the theme page."""
    return render_theme_cards(corpus, page_url)


def glossary_box(corpus: Corpus, page_url: str) -> str:
    """The most-mentioned glossary terms and a link to the glossary index."""
    return render_glossary_box(corpus, page_url)


#: What each marker name expands to.
EMBEDS: dict[str, Callable[[Corpus, str], str]] = {
    "articles": latest_articles,
    "theme-cards": theme_cards,
    "glossary": glossary_box,
    "figures": figures_box,
}


def fill_embeds(markdown: str, corpus: Corpus, page_url: str) -> str:
    """Replace every known `<!-- newsguide:name -->` marker in a page's Markdown.

    Args:
        markdown: The hand-written page.
        corpus: The loaded corpus.
        page_url: The page's URL relative to the site root, for relative links.
    """
    return fill_rendered(markdown, render_embeds(corpus, page_url, embed_names(markdown)))


def embed_names(markdown: str) -> set[str]:
    """The names of the known markers in a page's Markdown."""
    return {name for name in _MARKER.findall(markdown) if name in EMBEDS}


def render_embeds(corpus: Corpus, page_url: str, names: Iterable[str]) -> dict[str, str]:
    """Render the blocks of these marker names for one page, by name (unknown names are left out).

    With `fill_rendered`, a caller can render a page's blocks in one place (on
    another core, say) and fill them in elsewhere.
    """
    return {name: EMBEDS[name](corpus, page_url) for name in sorted(names) if name in EMBEDS}


def fill_rendered(markdown: str, rendered: dict[str, str]) -> str:
    """Replace each marker of a page's Markdown with its block from `render_embeds`; leave others."""

    def expand(match: re.Match[str]) -> str:
        block = rendered.get(match.group("name"))
        return "\n\n" + block + "\n\n" if block is not None else match.group()

    return _MARKER.sub(expand, markdown)
