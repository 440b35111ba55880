"""MkDocs hooks: the one module that adapts the `newsguide` engine (plain Python, never importing MkDocs) to MkDocs.

It hands MkDocs' events to the engine and MkDocs' objects back, in one pass. A page whose inputs are those of an
earlier build is not made again (`newsguide.page_cache`: `_KeptPage`, and the template `newsguide-kept.html`).
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any

import watchdog.observers
from jinja2 import Environment
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import meta
from watchdog.events import FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEvent

log = logging.getLogger("mkdocs.hooks.newsguide")

_HOOKS = Path(__file__).resolve().parent
_ENGINE = _HOOKS / "newsguide"
#: mkdocstrings links its stylesheet from every page; only API pages need it (instant navigation adds it on the way).
_MKDOCSTRINGS_CSS = re.compile(r'<link rel="stylesheet" href="[^"]*assets/_mkdocstrings\.css">\s*')
#: The file events that are edits (reading a file, as a build does, is not).
_EDITS: list[type[FileSystemEvent]] = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent]


class _Build:
    """What the hooks keep: the engine's modules, its cache (kept across `mkdocs serve` rebuilds), this build's site."""

    engine: Any = None  # the engine (its `site` module), loaded by on_config
    serving = False  # under `mkdocs serve`, the build's problems also show on every page
    cache: Any = None
    pages: Any = None  # the engine's PageCache
    folder: Any = None  # the engine's SiteFolder: a build rewrites only the files it changes
    site: Any = None
    nav: Navigation | None = None
    held: dict[str, dict[str, str]] = {}  # noqa: RUF012 - one build's regions, by page source path


class _KeptPage(Page):
    """A page whose Markdown would convert as it did in an earlier build: `render` takes the kept result."""

    kept: Any = None

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """Take the HTML, headings, title, anchors and links to anchors that converting the Markdown gave."""
        self.content, self.toc, self._title_from_render = self.kept.content, self.kept.toc, self.kept.title
        self.present_anchor_ids = set(self.kept.anchors)
        self.links_to_anchors = {files.get_file_from_path(p): dict(to) for p, to in self.kept.links.items()}  # type: ignore[misc]
        _Build.pages.make_calls(self, self.kept)  # e.g. the API objects' anchors, registered with autorefs


class _DataFile(File):  # a data file of the engine's, written as pages are: only when it changed
    def copy_file(self, dirty: bool = False) -> None:  # MkDocs' own writes the bytes past `utils.write_file`
        utils.write_file(self.content_bytes, self.abs_dest_path)


# MkDocs events ---------------------------------------------------------------


def on_startup(command: str, dirty: bool) -> None:
    """Note whether the site is being served, where a banner on every page lists the build's problems."""
    _Build.serving = command == "serve"


@event_priority(100)  # before Material's search plugin asks the theme for its translations
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the engine (again, if its files changed); list and compile the theme once; keep jieba's messages quiet."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    _engine(root := Path(config.config_file_path).parent)
    _Build.engine.keep_theme(config.theme, root, _Build.pages.templates_folder())  # Material's 14,500 files: 0.1 s
    if _Build.folder is None:  # every build rewrites only the files that change (`site_folder`), a served one too
        folder = _Build.folder = _Build.engine.SiteFolder()
        utils.write_file, utils.copy_file, utils.clean_directory = folder.write, folder.copy, folder.empty
    _Build.site, _Build.held = None, {}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Run the engine; add its pages as virtual files, its data files and Markdown extension; drop unused scripts."""
    root, engine = Path(config.config_file_path).parent, _Build.engine
    docs = Path(config.docs_dir).relative_to(root).as_posix()
    adapter = Path(__file__).resolve().relative_to(root.resolve()).as_posix()
    base = engine.source_base(config.repo_url or "", config.edit_uri or "", docs)
    site = _Build.site = engine.build_site(root, base, _Build.cache, adapter, config.site_url or "", config.site_name)
    config.markdown_extensions.append(site.links)
    if "mkdocstrings" in config.plugins:  # API pages may be kept: record their anchors, write the handler's CSS
        _Build.pages.record(config.plugins["autorefs"], "register_anchor")
        config.plugins["mkdocstrings"].handlers.get_handler("python")  # type: ignore[attr-defined]
    log.debug("newsguide: %d analyses kept, %d computed", site.kept, site.computed)
    config.extra["newsguide_problems"] = [str(problem) for problem in site.problems] if _Build.serving else []
    for problem in site.problems:
        log.warning(str(problem))
    for note in site.notes:
        log.info(str(note))
    languages = search.config.lang if (search := config.plugins.get("material/search")) else []
    for path in [*site.replaced(docs), *engine.unused_search_scripts(files.src_uris, languages)]:  # before adding pages
        if (replaced := files.get_file_from_path(path)) is not None:
            files.remove(replaced)
    for page in site.pages:
        file = File.generated(config, page.path, content=page.markdown)
        file.edit_uri = engine.edit_path(page.source, docs) if page.source else None
        files.append(file)
    site.pages.clear()  # MkDocs holds each page's Markdown now: one copy in memory, not two
    for path, content in site.data.items():
        files.append(_DataFile.generated(config, path, content=content))
    settings = engine.files_digest(config.config_file_path, __file__)
    _Build.pages.start(engine.ENGINE_VERSION, settings, site.links_signature, [(f.src_uri, f.dest_uri) for f in files])
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Order the sidebar: home, articles, themes in order, glossary, figures, timeline, the rest; leave out articles."""
    if (site := _Build.site) is not None:  # (the engine made it)
        nav.items, nav.pages = _Build.engine.arrange(nav.items, site.unlisted, site.corpus.themes)
    _Build.nav = nav
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give a page without a meta description one; fill in its blocks; hold raw HTML out of Markdown (`verbatim`)."""
    if (engine := _Build.engine) is None or (site := _Build.site) is None:
        return markdown
    if not page.meta.get("description"):
        page.meta["description"] = engine.text(engine.page_description(markdown, config.site_description or ""))
    markdown = site.page_markdown(markdown, page.file.src_uri, page.url)
    markdown, _Build.held[page.file.src_uri] = engine.hold(markdown)
    if (kept := _Build.pages.converted_for(page.file.src_uri, page.url, markdown)) is not None:
        page.__class__, page.kept = _KeptPage, kept  # type: ignore[attr-defined]
    page.file.content_string = ""  # read once; kept to the end, every page's Markdown weighed a gigabyte
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the held raw HTML back, but for quotations, which are kept from the search index until `on_post_page`."""
    if not isinstance(page, _KeptPage):
        _Build.pages.keep_converted(page.file.src_uri, html, page)
    page.markdown = ""  # converted, so not needed again; not None, which MkDocs takes for "not read" (no title)
    engine, regions = _Build.engine, _Build.held.get(page.file.src_uri, {})
    if not regions or engine is None:
        return html
    page.present_anchor_ids = (page.present_anchor_ids or set()) | engine.anchor_ids(regions)
    html, _Build.held[page.file.src_uri] = engine.restore_unquoted(html, regions)  # only the quotations stay held
    return str(html)


@event_priority(-200)  # after autorefs (-50) and mkdocstrings (-100) changed the pages' HTML
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Find each page whose whole HTML, or whose search entries, an earlier build made from the same inputs."""
    engine = _Build.engine
    if engine is None or _Build.nav is None:
        return env
    shared = engine.digest(engine.outline(_Build.nav.items), config.extra, engine.files_digest(_HOOKS / "templates"))
    for page in (file.page for file in files.documentation_pages() if file.page and file.page.content is not None):
        if _Build.pages.rendered_for(page, shared, _Build.held.get(page.file.src_uri)):
            page.meta.update(template="newsguide-kept.html", newsguide_kept=True, search={"exclude": True})
            page.content = ""  # not read again: Material's search plugin would still rewrite it
        elif _Build.pages.indexed_for(page.file.src_uri):  # made anew, read by search as before: entries kept
            page.meta["search"] = {"exclude": True}
    _Build.site.release()  # every page is converted: the templates and the search index reuse the corpus' memory
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the quotations back; compact the page, its icons shared; drop mkdocstrings' CSS where no API docs show."""
    held, search, site = _Build.held.pop(page.file.src_uri, {}), _search_index(config), _Build.site
    index = search.entries if search is not None else []
    if "newsguide_kept" in page.meta:  # its search entries go where indexing it would have put them
        page.content, kept = None, _Build.pages.replay(page.file.src_uri, index)
        site.icons.add(kept.icons)
        return str(kept.output)
    if _Build.engine is None or site is None:
        return output
    output = _Build.engine.compact(_Build.engine.restore(output, held))
    api, page.content = 'class="doc doc-' in (page.content or ""), None  # written next: its HTML is let go
    output, icons = site.icons.share(output if api else _MKDOCSTRINGS_CSS.sub("", output, count=1), page.url)
    _Build.pages.keep_rendered(page.file.src_uri, output, index, icons)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """Split the search index and the sitemap (neither grows with the corpus); write the icons; forget old pages."""
    if _Build.engine is not None and _Build.site is not None:
        out, folder = Path(config.site_dir), _Build.folder  # `mkdocs build --dirty` empties nothing: sweeps nothing
        _Build.engine.shard_search_index(out, _Build.site.unlisted, _search_index(config), _Build.pages, folder.write)
        _Build.engine.split_sitemap(out, _Build.site.unlisted, config.site_url or "")
        _Build.site.icons.write(out)
        log.debug("newsguide: pages kept: %s; %d stale files removed", _Build.pages.summary(), len(folder.sweep()))
        _Build.pages.prune()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Rebuild reading each version of a page's front matter once; notice edits by file events."""
    meta.get_data = _Build.engine.FrontMatter(meta.get_data)  # each version of a page's front matter read once
    if os.environ.get("NEWSGUIDE_POLL"):  # for folders whose file events never arrive (some network shares)
        return server
    watched = []
    for path in filter(None, (config.docs_dir, config.config_file_path, *config.theme.dirs)):
        with contextlib.suppress(KeyError):  # what MkDocs watches: docs, mkdocs.yml (the theme, with --watch-theme)
            server.unwatch(path)
            watched.append(path)
    server.observer = observer = watchdog.observers.Observer()  # type: ignore[assignment]
    observer.schedule = functools.partial(observer.schedule, event_filter=_EDITS)  # type: ignore[method-assign]
    for path in watched:  # the `watch` paths of mkdocs.yml come next
        server.watch(path)
    return server


# Helpers ---------------------------------------------------------------------


def _engine(root: Path) -> None:
    # Load the engine's `site` module; anew, with a new cache, when a file of the engine changed.
    version = sys.modules["newsguide.version"].engine_version(_ENGINE) if "newsguide.version" in sys.modules else ""
    if _Build.engine is None or version != _Build.engine.ENGINE_VERSION:
        for name in [name for name in sys.modules if name == "newsguide" or name.startswith("newsguide.")]:
            del sys.modules[name]
        sys.path.insert(0, str(_HOOKS))  # as MkDocs does while it loads this module
        try:
            _Build.engine = importlib.import_module("newsguide.site")
        finally:
            sys.path.remove(str(_HOOKS))
        _Build.cache = _Build.engine.default_cache(root, memory=_Build.serving)
        _Build.pages = _Build.engine.PageCache(root, memory=_Build.serving)


def _search_index(config: MkDocsConfig) -> Any:
    # Material's search index: its settings, and the entries taken from the pages so far (a kept page adds its own).
    return getattr(config.plugins.get("material/search"), "search_index", None)
