"""The generated pages: every virtual page the site gets from the corpus.

A `Page` is plain data (a path inside `docs/`, Markdown, and the file a
contributor edits to change it), so any site generator can publish it; the
MkDocs adapter is one such consumer, the Markdown export another.
"""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import Corpus
from .figures import extract_figures
from .render.article import render_article
from .render.figures import render_figures_page
from .render.timeline import render_timeline_page
from .timeline import build_timeline


@dataclass(frozen=True)
class Page:
    """One generated page.

    Attributes:
        path: Where the page pretends to live inside `docs/` (e.g.
            `articles/x.md`); a hand-written file at the same path is replaced.
        markdown: The page's Markdown, front matter included.
        source: The file, relative to the project root, that a contributor
            edits to change the page.
    """

    path: str
    markdown: str
    source: str


def build_pages(corpus: Corpus) -> list[Page]:
    """Render every generated page of the site, sorted by path."""
    pages = [Page(article.page_path, render_article(article), article.source.as_posix()) for article in corpus.articles]
    figures = render_figures_page(extract_figures(corpus.articles), len(corpus.articles))
    pages.append(Page("figures.md", figures, "hooks/newsguide/figures.py"))
    timeline = render_timeline_page(build_timeline(corpus.articles))
    pages.append(Page("timeline.md", timeline, "hooks/newsguide/timeline.py"))
    return sorted(pages, key=lambda page: page.path)
