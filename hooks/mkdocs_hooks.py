"""MkDocs hooks: the one module that adapts the `newsguide` engine to MkDocs.

Everything else under `hooks/` is plain Python that never imports MkDocs, so
the engine can outlive MkDocs 1.x and Material: this file only passes MkDocs
events to it and MkDocs objects back.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from newsguide.corpus import Corpus, load_corpus
from newsguide.data import data_files
from newsguide.embeds import fill_embeds
from newsguide.pages import build_pages

log = logging.getLogger("mkdocs.hooks.newsguide")

_corpus: Corpus | None = None


# MkDocs events ---------------------------------------------------------------


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Load the corpus and add every generated page as a virtual file."""
    global _corpus
    root = Path(config.config_file_path).parent
    _corpus = load_corpus(root)
    for problem in _corpus.problems:
        log.warning(str(problem))
    for page in build_pages(_corpus):
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            files.remove(existing)
        file = File.generated(config, page.path, content=page.markdown)
        file.edit_uri = _edit_uri(page.source, config)
        files.append(file)
    for path, content in data_files(_corpus).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Keep generated article pages out of the sidebar; the home page lists them."""
    return _without_articles(nav) if _corpus is not None else nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Expand the engine's markers in hand-written pages."""
    return fill_embeds(markdown, _corpus, page.url) if _corpus is not None else markdown


# Helpers ---------------------------------------------------------------------


def _edit_uri(source: str, config: MkDocsConfig) -> str:
    # The edit link of a generated page points at the contributor file it comes from.
    docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).parent).as_posix()
    if source.startswith(docs + "/"):
        return source[len(docs) + 1 :]
    return "../" * (docs.count("/") + 1) + source


def _without_articles(nav: Navigation) -> Navigation:
    # Material renders the whole sidebar into every page, so n articles in it cost n² to build
    # (at 1,000 articles, nine tenths of the build); a sidebar of 1,000 titles helps no reader.
    articles = {article.page_path for article in _corpus.articles} if _corpus else set()

    def keep(items: list[Any]) -> list[Any]:
        kept = []
        for item in items:
            if isinstance(item, Section):
                item.children = keep(item.children)
                if not item.children:
                    continue
            elif isinstance(item, Page) and item.file.src_uri in articles:
                item.previous_page = item.next_page = None
                continue
            kept.append(item)
        return kept

    nav.items = keep(nav.items)
    nav.pages = [page for page in nav.pages if page.file.src_uri not in articles]
    for index, page in enumerate(nav.pages):
        page.previous_page = nav.pages[index - 1] if index else None
        page.next_page = nav.pages[index + 1] if index + 1 < len(nav.pages) else None
    return nav
