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
from itertools import groupby

from .corpus import Corpus
from .embeds import article_list
from .glossary import GLOSSARY_DIR
from .markup import front_matter, source_notice
from .pagination import Paged, pager
from .render.figures import render_figures_page
from .render.glossary import render_index as render_glossary_index
from .render.glossary import render_term
from .render.theme import INDEX_PATH, passage_pages, render_other, render_theme
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


#: Where theme pages live, as article pages link them (`themes/<theme>/#<passage id>"`).
_THEMES = "themes/"
#: The articles section's index page, listing every article, and how many articles a page of it lists.
ARTICLES_INDEX = "articles/index.md"
ARTICLES_PER_PAGE = 50

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
    later = passage_pages(corpus)
    pages = [
        Page(
            article.page_path,
            _badges_to_pages(corpus.analyses[article.slug].page, later.get(article.slug, {})),
            article.source.as_posix(),
        )
        for article in corpus.articles
    ]
    for source, write in _corpus_pages(corpus):
        for path, markdown in write(corpus).items():
            pages.append(Page(path, markdown + source_notice(source, source_base), source))
    return sorted(pages, key=lambda page: page.path)


def unlisted(corpus: Corpus, pages: list[Page]) -> frozenset[str]:
    """The pages a site's navigation leaves out: articles (the articles index lists them) and further pages of lists."""
    return corpus.article_page_paths | {page.path for page in pages if "/page/" in page.path}


def _corpus_pages(corpus: Corpus) -> list[tuple[str, Callable[[Corpus], dict[str, str]]]]:
    # The pages drawn from the whole corpus: the source file, and what writes the pages (by path) from it.
    planned: list[tuple[str, Callable[[Corpus], dict[str, str]]]] = [
        (theme.source, partial(render_theme, theme)) for theme in corpus.themes
    ]
    planned.append((corpus.intros["other"].source if "other" in corpus.intros else "", render_other))
    single: list[tuple[str, str, Callable[[Corpus], str]]] = [
        (INDEX_PATH, corpus.intros["index"].source if "index" in corpus.intros else "", render_themes_index)
    ]
    planned.extend((term.source, partial(render_term, term=term)) for term in corpus.terms)
    single.append(("glossary/index.md", f"{GLOSSARY_DIR}/index.md", _glossary_index))
    planned.append(("hooks/newsguide/pages.py", _articles_index))
    planned.append(("hooks/newsguide/figures.py", _figures_pages))
    planned.append(("hooks/newsguide/timeline.py", _timeline_pages))
    planned.extend((source, partial(_one_page, path, write)) for path, source, write in single)
    return planned


def _one_page(path: str, write: Callable[[Corpus], str], corpus: Corpus) -> dict[str, str]:
    # A writer of one page, as a writer of pages.
    return {path: write(corpus)}


def _badges_to_pages(page: str, moved: dict[tuple[str, str], str]) -> str:
    # An article page as its analysis wrote it links each paragraph to its passage on the first page of
    # each theme (`themes/<theme>/#<id>"`); point the links to passages on later pages at those pages.
    # One split at "themes/" and a look-up a link: a regular expression took 0.7 s at 1,000 articles.
    if not moved:
        return page
    head, *links = page.split(_THEMES)
    pieces = [head]
    for link in links:
        theme, passage = link.partition("/")[0], ""
        if link.startswith(f"{theme}/#"):
            passage = link[len(theme) + 2 :].partition('"')[0]
        url = moved.get((theme, passage))
        pieces.append(_THEMES + link if url is None else url + link[len(theme) + 1 :])
    return "".join(pieces)


def _glossary_index(corpus: Corpus) -> str:
    # The glossary's index, under the hand-written introduction (or a plain heading).
    return render_glossary_index(corpus, corpus.glossary_intro or _DEFAULT_GLOSSARY_INTRO)


def _figures_pages(corpus: Corpus) -> dict[str, str]:
    # The key figures of every article: made from their analyses alone, so kept while none changed.
    figures = partial(render_figures_page, corpus.figures, len(corpus.slugs), corpus.entry)
    return corpus.made(("figures pages",), corpus.slugs, figures)


def _timeline_pages(corpus: Corpus) -> dict[str, str]:
    # Every dated mention, in time order: made from the articles' analyses alone, so kept while none changed.
    return corpus.made(("timeline pages",), corpus.slugs, partial(render_timeline_page, corpus.timeline, corpus.entry))


def _articles_index(corpus: Corpus) -> dict[str, str]:
    # The articles section's own pages: every article with its standfirst, newest first, by year, page by page.
    articles = corpus.articles_newest_first
    paged = Paged(ARTICLES_INDEX, "articles/", ARTICLES_PER_PAGE)
    chunks = paged.split(articles)
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        url = paged.page_url(number)
        title = "Articles" if number == 1 else f"Articles, page {number} of {len(chunks)}"
        summary = f"All {len(articles)} articles in the guide, newest first, each with its standfirst."
        parts = [front_matter({"title": title, "description": summary}), f"# {title}\n\n"]
        if len(chunks) > 1:
            parts.append(f'<p class="ng-theme-counts">{summary}</p>\n\n')
        nav = pager(paged, number, len(chunks))
        parts.append(nav)
        for year, group in groupby(chunk, key=lambda article: article.date.year if article.date else None):
            if len(articles) > 1:
                parts.append(f"## {year or 'Undated'}\n\n")
            parts.append(article_list(corpus, url, list(group)) + "\n\n")
        pages[paged.page_path(number)] = "".join(parts) + nav
    return pages


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


def docs_path(source: str, docs_dir: str = "docs") -> str:
    """A file's path inside the docs folder, given its path from the project root; "" when it lies outside.

    Args:
        source: The file's path from the project root, e.g. `docs/glossary/rcep.md`.
        docs_dir: The docs folder relative to the project root.
    """
    return source[len(docs_dir) + 1 :] if source.startswith(docs_dir + "/") else ""


def edit_path(source: str, docs_dir: str = "docs") -> str:
    """Where a generated page's edit link points, relative to the docs folder: the contributor file it comes from.

    Args:
        source: The contributor file's path from the project root (a seed, a term file, …).
        docs_dir: The docs folder relative to the project root.
    """
    return docs_path(source, docs_dir) or "../" * (docs_dir.count("/") + 1) + source
