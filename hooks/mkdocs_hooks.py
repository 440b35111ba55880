"""MkDocs hooks: the one module that adapts the `newsguide` engine to MkDocs.

Everything else under `hooks/` is plain Python that never imports MkDocs, so
the engine can outlive MkDocs 1.x and Material. This file hands MkDocs' events
to the engine and MkDocs' objects back, in one pass:

* `on_config` loads the engine; under `mkdocs serve`, it loads it again if a
  file of it changed (MkDocs loads this module once).
* `on_files` runs the engine (`newsguide.site.build_site`): every generated
  page becomes a virtual file, the data files are added, and the engine's
  Markdown extension, which links glossary terms in Markdown people write, is
  registered (MkDocs reads the list of extensions for each page it renders).
* The page events fill in embedded blocks, and hold the engine's raw HTML out
  of Markdown and put it back afterwards (`newsguide.verbatim`).
"""

from __future__ import annotations

import importlib
import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.newsguide")

_HOOKS = Path(__file__).resolve().parent
_ENGINE = _HOOKS / "newsguide"
#: mkdocstrings links its stylesheet from every page; only pages showing API docs need it.
_MKDOCSTRINGS_CSS = re.compile(r'<link rel="stylesheet" href="[^"]*assets/_mkdocstrings\.css">\s*')


class _Build:
    """What the hooks keep: the engine's modules, its cache (kept across `mkdocs serve` rebuilds), this build's site."""

    engine: ModuleType | None = None
    serving = False  # under `mkdocs serve`, the build's problems also show on every page
    version = ""
    cache: Any = None
    site: Any = None
    held: dict[str, dict[str, str]] = {}  # noqa: RUF012 - one build's regions, by page source path


# MkDocs events ---------------------------------------------------------------


def on_startup(command: str, dirty: bool) -> None:
    """Note whether the site is being served, where a banner on every page lists the build's problems."""
    _Build.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the engine (again, if its files changed); keep jieba's dictionary messages out of the build log."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    _engine(Path(config.config_file_path).parent)
    _Build.site = None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Run the engine; add every generated page as a virtual file, the data files, and its Markdown extension."""
    root = Path(config.config_file_path).parent
    adapter = Path(__file__).resolve().relative_to(root.resolve()).as_posix()
    engine = _Build.engine
    site = _Build.site = engine.build_site(  # type: ignore[union-attr]
        root, _source_base(config), _Build.cache, adapter, config.site_url or "", config.site_name
    )
    config.markdown_extensions.append(site.links)
    log.debug("newsguide: %d analyses kept, %d computed", site.kept, site.computed)
    if _Build.serving:
        config.extra["newsguide_problems"] = [str(problem) for problem in site.problems]
    for problem in site.problems:
        log.warning(str(problem))
        _remove(files, _docs_path(problem.path, config))  # never published raw; a page it still gives comes next
    for note in site.notes:
        log.info(str(note))
    for replaced in {path for page in site.pages for path in (page.path, _docs_path(page.source, config))}:
        _remove(files, replaced)  # before any page is added: a file may give several pages
    for page in site.pages:
        file = File.generated(config, page.path, content=page.markdown)
        file.edit_uri = _edit_uri(page.source, config) if page.source else None
        files.append(file)
    for path, content in site.data.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Reading order: the top level (home, articles, themes, glossary, figures, timeline, the rest), themes in order.

    Article pages and the later pages of paged lists are left out of the sidebar (`site.unlisted`).
    """
    engine, site = _Build.engine, _Build.site
    if engine is None or site is None:
        return nav
    nav.items = _unlisted(nav.items, site.unlisted)
    nav.items.sort(key=lambda item: engine.nav_rank(_first_source(item)))
    order = engine.section_order(site.corpus.themes)
    for section in _sections(nav.items):
        section.children.sort(key=lambda item: order.get(_first_source(item), len(order)))
    nav.pages = list(_pages(nav.items))
    for index, page in enumerate(nav.pages):
        page.previous_page = nav.pages[index - 1] if index > 0 else None
        page.next_page = nav.pages[index + 1] if index + 1 < len(nav.pages) else None
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give a page without a meta description one; fill in its blocks; hold the engine's raw HTML out of Markdown.

    Raw HTML that the engine marks verbatim comes out of Markdown unchanged, so
    it skips Markdown (and MkDocs' second pass over it for ids) and goes back
    into the page's HTML in `on_page_content`.
    """
    engine, site = _Build.engine, _Build.site
    if engine is None or site is None:
        return markdown
    if not page.meta.get("description"):
        page.meta["description"] = engine.text(engine.page_description(markdown, config.site_description or ""))
    markdown = site.page_markdown(markdown, page.file.src_uri, page.url)
    markdown, _Build.held[page.file.src_uri] = engine.hold(markdown)
    page.file.content_string = ""  # read once; kept to the end, every page's Markdown weighed a gigabyte
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the held raw HTML back, but for quotations, which are kept from the search index until `on_post_page`."""
    regions = _Build.held.get(page.file.src_uri, {})
    if not regions or _Build.engine is None:
        return html
    engine = _Build.engine
    page.present_anchor_ids = (page.present_anchor_ids or set()) | engine.anchor_ids(regions)
    html, _Build.held[page.file.src_uri] = engine.restore_unquoted(html, regions)  # only the quotations stay held
    return str(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the quotations back; compact the page; drop mkdocstrings' stylesheet from pages without API docs.

    Compacting (`newsguide.compact`) drops the indentation and comments. Material's instant navigation adds and
    removes head stylesheets as pages change, so an API page reached from another page still gets mkdocstrings'.
    """
    if _Build.engine is not None:
        output = _Build.engine.compact(_Build.engine.restore(output, _Build.held.pop(page.file.src_uri, {})))
    api, page.content = 'class="doc doc-' in (page.content or ""), None  # written next: its HTML is let go
    return output if api else _MKDOCSTRINGS_CSS.sub("", output, count=1)


# Helpers ---------------------------------------------------------------------


def _engine(root: Path) -> ModuleType:
    # The engine's `site` module; imported anew, with a new cache, when a file of the engine changed.
    version = sys.modules["newsguide.version"].engine_version(_ENGINE) if "newsguide.version" in sys.modules else ""
    if _Build.engine is None or version != _Build.version:
        for name in [name for name in sys.modules if name == "newsguide" or name.startswith("newsguide.")]:
            del sys.modules[name]
        sys.path.insert(0, str(_HOOKS))  # as MkDocs does while it loads this module
        try:
            _Build.engine = importlib.import_module("newsguide.site")
            _Build.version = importlib.import_module("newsguide.version").ENGINE_VERSION
        finally:
            sys.path.remove(str(_HOOKS))
        _Build.cache = _Build.engine.default_cache(root)
    return _Build.engine


def _source_base(config: MkDocsConfig) -> str:
    # Where a file of the repository is shown: `<repo_url>/blob/main/` for `edit_uri: edit/main/docs/`.
    docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).parent).as_posix()
    return str(_Build.engine.source_base(config.repo_url or "", config.edit_uri or "", docs))  # type: ignore[union-attr]


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


def _sections(items: list[StructureItem]) -> Iterator[Section]:
    # Every section in navigation entries, depth first.
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _sections(item.children)


def _unlisted(items: list[Any], unlisted: frozenset[str]) -> list[Any]:
    # Material renders the whole sidebar into every page, so n articles in it cost n² to build
    # (at 1,000 articles, nine tenths of the build); a sidebar of 1,000 titles, or of page 2, 3, …
    # of a list, helps no reader.
    kept = []
    for item in items:
        if isinstance(item, Section):
            item.children = _unlisted(item.children, unlisted)
            if not item.children:
                continue
        elif isinstance(item, Page) and item.file.src_uri in unlisted:
            item.previous_page = item.next_page = None
            continue
        kept.append(item)
    return kept


def _remove(files: Files, path: str) -> None:
    # Drop the file at a path inside docs/ from the site, if there is one ("" is none).
    existing = files.get_file_from_path(path) if path else None
    if existing is not None:
        files.remove(existing)


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
