"""MkDocs hooks: the one module that adapts the `newsguide` engine to MkDocs.

Everything else under `hooks/` is plain Python that never imports MkDocs, so
the engine can outlive MkDocs 1.x and Material: this file only passes MkDocs
events to it and MkDocs objects back.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from newsguide.corpus import Corpus, load_corpus
from newsguide.data import data_files
from newsguide.embeds import fill_embeds
from newsguide.meta import page_description
from newsguide.navigation import nav_rank
from newsguide.pages import build_pages
from newsguide.render import text

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
    """Put the top level in reading order (home, articles, themes, glossary, figures, timeline, the rest)."""
    nav.items.sort(key=lambda item: nav_rank(_first_source(item)))
    nav.pages = list(_pages(nav.items))
    for index, page in enumerate(nav.pages):
        page.previous_page = nav.pages[index - 1] if index > 0 else None
        page.next_page = nav.pages[index + 1] if index + 1 < len(nav.pages) else None
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give a page without a meta description one from its first paragraph; expand the engine's markers."""
    if not page.meta.get("description"):
        page.meta["description"] = text(page_description(markdown, config.site_description or ""))
    return fill_embeds(markdown, _corpus, page.url) if _corpus is not None else markdown


# Helpers ---------------------------------------------------------------------


def _first_source(item: StructureItem) -> str:
    # The source path of the first page in a navigation entry ("" for a link).
    if isinstance(item, Page):
        return item.file.src_uri
    if isinstance(item, Section):
        return next((page.file.src_uri for page in _pages(item.children)), "")
    return ""


def _pages(items: list[StructureItem]) -> Iterator[Page]:
    # Every page in navigation entries, depth first, in order.
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item.children)


def _edit_uri(source: str, config: MkDocsConfig) -> str:
    # The edit link of a generated page points at the contributor file it comes from.
    docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).parent).as_posix()
    if source.startswith(docs + "/"):
        return source[len(docs) + 1 :]
    return "../" * (docs.count("/") + 1) + source
