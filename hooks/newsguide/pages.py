"""The generated pages: every virtual page the site gets from the corpus.

A `Page` is plain data (a path inside `docs/`, Markdown, and the file a
contributor edits to change it), so any site generator can publish it; the
MkDocs adapter is one such consumer, the Markdown export another.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from .corpus import Corpus
from .embeds import article_list
from .glossary import GLOSSARY_DIR, Term
from .markup import front_matter, source_notice
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


def build_pages(corpus: Corpus, source_base: str = "") -> list[Page]:
    """Render every generated page of the site, sorted by path.

    Each page ends with a notice naming the file it is generated from, so a
    reader knows which file to edit (see `markup.source_notice`). Article
    pages come as their analyses wrote them, with the `source_base` that
    `load_corpus` was given.

    Args:
        corpus: The loaded corpus.
        source_base: The URL that a source file's path is appended to for a
            link to it, e.g. `https://github.com/owner/repo/blob/main/`; ""
            names the file without a link. Passed in as data, so the engine
            needs no site configuration.

    Returns:
        The pages, sorted by path.
    """
    pages = [
        Page(article.page_path, corpus.analyses[article.slug].page, article.source.as_posix())
        for article in corpus.articles
    ]
    for path, source, write in _corpus_pages(corpus):
        pages.append(Page(path, write(corpus) + source_notice(source, source_base), source))
    return sorted(pages, key=lambda page: page.path)


def _corpus_pages(corpus: Corpus) -> list[tuple[str, str, Callable[[Corpus], str]]]:
    # The pages drawn from the whole corpus: path, source file, and what writes the page's Markdown.
    planned: list[tuple[str, str, Callable[[Corpus], str]]] = [
        (theme.page_path, theme.source, partial(render_theme, theme)) for theme in corpus.themes
    ]
    for path, name, write in [(INDEX_PATH, "index", render_themes_index), (OTHER_PATH, "other", render_other)]:
        planned.append((path, corpus.intros[name].source if name in corpus.intros else "", write))
    planned.extend((term.page_path, term.source, partial(_term_page, term)) for term in corpus.terms)
    planned.append(("glossary/index.md", f"{GLOSSARY_DIR}/index.md", _glossary_index))
    planned.append((ARTICLES_INDEX, "hooks/newsguide/pages.py", _articles_index))
    planned.append(("figures.md", "hooks/newsguide/figures.py", _figures_page))
    planned.append(("timeline.md", "hooks/newsguide/timeline.py", _timeline_page))
    return planned


def _term_page(term: Term, corpus: Corpus) -> str:
    # A glossary term's page.
    return render_term(corpus, term)


def _glossary_index(corpus: Corpus) -> str:
    # The glossary's index, under the hand-written introduction (or a plain heading).
    return render_glossary_index(corpus, corpus.glossary_intro or _DEFAULT_GLOSSARY_INTRO)


def _figures_page(corpus: Corpus) -> str:
    # The key figures of every article.
    return render_figures_page(corpus.figures, len(corpus.articles))


def _timeline_page(corpus: Corpus) -> str:
    # Every dated mention, in time order.
    return render_timeline_page(corpus.timeline)


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
