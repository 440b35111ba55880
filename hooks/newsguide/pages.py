"""The generated pages: every virtual page the site gets from the corpus.

A `Page` is plain data (a path inside `docs/`, Markdown, and the file a
contributor edits to change it), so any site generator can publish it; the
MkDocs adapter is one such consumer, the Markdown export another.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .corpus import Corpus
from .embeds import article_list
from .glossary import GLOSSARY_DIR
from .render import front_matter, source_notice
from .render.article import render_article
from .render.figures import render_figures_page
from .render.glossary import render_index as render_glossary_index
from .render.glossary import render_term
from .render.theme import INDEX_PATH, OTHER_PATH, render_other, render_theme
from .render.theme import render_index as render_themes_index
from .render.timeline import render_timeline_page


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


#: The articles section's index page, listing every article.
ARTICLES_INDEX = "articles/index.md"

#: The top of the glossary index when `docs/glossary/index.md` is missing.
_DEFAULT_GLOSSARY_INTRO = "# Glossary\n"


def build_pages(corpus: Corpus, source_base: str = "", *, terms: bool = True) -> list[Page]:
    """Render every generated page of the site, sorted by path.

    Each page ends with a notice naming the file it is generated from, so a
    reader knows which file to edit (see `render.source_notice`).

    Args:
        corpus: The loaded corpus.
        source_base: The URL that a source file's path is appended to for a
            link to it, e.g. `https://github.com/owner/repo/blob/main/`; ""
            names the file without a link. Passed in as data, so the engine
            needs no site configuration.
        terms: False leaves out the term pages, for a caller that renders
            them apart with `term_pages` (on another core, say).

    Returns:
        The pages, sorted by path.
    """
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
        Page(INDEX_PATH, render_themes_index(corpus), corpus.intros["index"].source if "index" in corpus.intros else "")
    )
    pages.append(
        Page(OTHER_PATH, render_other(corpus), corpus.intros["other"].source if "other" in corpus.intros else "")
    )
    if terms:
        pages.extend(_term_pages(corpus))
    intro = corpus.glossary_intro or _DEFAULT_GLOSSARY_INTRO
    pages.append(Page("glossary/index.md", render_glossary_index(corpus, intro), f"{GLOSSARY_DIR}/index.md"))
    pages.append(Page(ARTICLES_INDEX, _articles_index(corpus), "hooks/newsguide/pages.py"))
    figures = render_figures_page(corpus.figures, len(corpus.articles))
    pages.append(Page("figures.md", figures, "hooks/newsguide/figures.py"))
    timeline = render_timeline_page(corpus.timeline)
    pages.append(Page("timeline.md", timeline, "hooks/newsguide/timeline.py"))
    return _finished(pages, source_base)


def term_pages(corpus: Corpus, source_base: str = "") -> list[Page]:
    """Render the glossary's term pages only, as `build_pages` does, sorted by path."""
    return _finished(_term_pages(corpus), source_base)


def _term_pages(corpus: Corpus) -> list[Page]:
    # One page per glossary term, before its source notice.
    return [Page(term.page_path, render_term(corpus, term), term.source) for term in corpus.terms]


def _finished(pages: list[Page], source_base: str) -> list[Page]:
    # Each page with the notice naming its source file, sorted by path.
    pages = [Page(page.path, page.markdown + source_notice(page.source, source_base), page.source) for page in pages]
    return sorted(pages, key=lambda page: page.path)


def _articles_index(corpus: Corpus) -> str:
    # The articles section's own page: every article with its standfirst (the sidebar lists none).
    count = len(corpus.articles)
    fields = {"title": "Articles", "description": f"All {count} articles in the guide, each with its standfirst."}
    return front_matter(fields) + "# Articles\n\n" + article_list(corpus, "articles/") + "\n"


def source_base(repo_url: str, edit_uri: str, docs_dir: str = "docs") -> str:
    """The URL that a file's path (from the project root) is appended to, to show the file.

    The site configuration names the repository and the edit address of
    `docs/` (GitHub's `edit/<branch>/docs/`); a generated page's source may
    be anywhere in the repository, and is shown rather than edited, hence
    `blob/<branch>/` at the repository root.

    Args:
        repo_url: The repository, e.g. `https://github.com/owner/repo`.
        edit_uri: Its edit address for `docs_dir`, e.g. `edit/main/docs/`.
        docs_dir: The docs folder relative to the project root.

    Returns:
        E.g. `https://github.com/owner/repo/blob/main/`, or "" when either is missing.
    """
    if not repo_url or not edit_uri:
        return ""
    parts = posixpath.normpath(posixpath.join(edit_uri, *[".."] * len(docs_dir.strip("/").split("/")))).split("/")
    if "edit" in parts:  # GitHub's `edit/main/`, GitLab's `-/edit/main/`
        parts[parts.index("edit")] = "blob"
    return repo_url.rstrip("/") + "/" + "/".join(parts) + "/"
