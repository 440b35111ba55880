"""MkDocs hooks: the one module that adapts the `newsguide` engine to MkDocs.

Everything else under `hooks/` is plain Python that never imports MkDocs, so
the engine can outlive MkDocs 1.x and Material: this file only passes MkDocs
events to it and MkDocs objects back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
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
        for path in {page.path, _docs_path(page.source, config)} - {""}:
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
        file = File.generated(config, page.path, content=page.markdown)
        file.edit_uri = _edit_uri(page.source, config) if page.source else None
        files.append(file)
    for path, content in data_files(_corpus).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Expand the engine's markers in hand-written pages."""
    return fill_embeds(markdown, _corpus, page.url) if _corpus is not None else markdown


# Helpers ---------------------------------------------------------------------


def _edit_uri(source: str, config: MkDocsConfig) -> str:
    # The edit link of a generated page points at the contributor file it comes from.
    inside = _docs_path(source, config)
    if inside:
        return inside
    docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).parent).as_posix()
    return "../" * (docs.count("/") + 1) + source


def _docs_path(source: str, config: MkDocsConfig) -> str:
    # A project-relative source file's path inside docs/, or "" when it lies outside.
    docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).parent).as_posix()
    return source[len(docs) + 1 :] if source.startswith(docs + "/") else ""
