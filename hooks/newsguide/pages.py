"""The generated pages: every virtual page the site gets from the corpus.

A `Page` is plain data (a path inside `docs/`, Markdown, and the file a
contributor edits to change it), so any site generator can publish it; the
MkDocs adapter is one such consumer, the Markdown export another.
"""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import Corpus
from .render import source_notice
from .render.article import render_article


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


def build_pages(corpus: Corpus, source_base: str = "") -> list[Page]:
    """Render every generated page of the site, sorted by path.

    Each page ends with a notice naming the file it is generated from, so a
    reader knows which file to edit (see `render.source_notice`).

    Args:
        corpus: The loaded corpus.
        source_base: The URL that a source file's path is appended to for a
            link to it, e.g. `https://github.com/owner/repo/blob/main/`; ""
            names the file without a link. Passed in as data, so the engine
            needs no site configuration.

    Returns:
        The pages, sorted by path.
    """
    pages = [Page(article.page_path, render_article(article), article.source.as_posix()) for article in corpus.articles]
    pages = [Page(page.path, page.markdown + source_notice(page.source, source_base), page.source) for page in pages]
    return sorted(pages, key=lambda page: page.path)
