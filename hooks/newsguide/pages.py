"""The generated pages: every virtual page the site gets from the corpus.

A `Page` is plain data (a path inside `docs/`, Markdown, and the file a
contributor edits to change it), so any site generator can publish it; the
MkDocs adapter is one such consumer, the Markdown export another.
"""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import Corpus
from .render.article import render_article
from .render.theme import INDEX_PATH, OTHER_PATH, render_index, render_other, render_theme


@dataclass(frozen=True)
class Page:
    """One generated page.

    Attributes:
        path: Where the page pretends to live inside `docs/` (e.g.
            `articles/x.md`); a hand-written file at the same path is replaced.
        markdown: The page's Markdown, front matter included.
        source: The file, relative to the project root, that a contributor
            edits to change the page, or "" when there is none; a
            hand-written file under `docs/` that a page comes from is replaced
            by it too.
    """

    path: str
    markdown: str
    source: str


def build_pages(corpus: Corpus) -> list[Page]:
    """Render every generated page of the site, sorted by path."""
    themes = corpus.themes
    pages = [
        Page(
            article.page_path,
            render_article(article, corpus.classification.passages(article), themes),
            article.source.as_posix(),
        )
        for article in corpus.articles
    ]
    pages.extend(Page(theme.page_path, render_theme(theme, corpus), theme.source) for theme in themes)
    pages.append(
        Page(INDEX_PATH, render_index(corpus), corpus.intros["index"].source if "index" in corpus.intros else "")
    )
    pages.append(
        Page(OTHER_PATH, render_other(corpus), corpus.intros["other"].source if "other" in corpus.intros else "")
    )
    return sorted(pages, key=lambda page: page.path)
