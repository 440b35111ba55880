"""The generated pages: every virtual page the site gets from the corpus.

A `Page` is plain data (a path inside `docs/`, Markdown, and the file a
contributor edits to change it), so any site generator can publish it; the
MkDocs adapter is one such consumer, the Markdown export another.
"""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import Corpus
from .glossary import GLOSSARY_DIR
from .render.article import render_article
from .render.glossary import render_index, render_term


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


#: The top of the glossary index when `docs/glossary/index.md` is missing.
_DEFAULT_GLOSSARY_INTRO = "# Glossary\n"


def build_pages(corpus: Corpus) -> list[Page]:
    """Render every generated page of the site, sorted by path."""
    pages = [Page(article.page_path, render_article(article), article.source.as_posix()) for article in corpus.articles]
    pages.extend(Page(term.page_path, render_term(corpus, term), term.source) for term in corpus.terms)
    intro = corpus.glossary_intro or _DEFAULT_GLOSSARY_INTRO
    pages.append(Page("glossary/index.md", render_index(corpus, intro), f"{GLOSSARY_DIR}/index.md"))
    return sorted(pages, key=lambda page: page.path)
