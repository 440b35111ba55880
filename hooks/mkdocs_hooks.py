"""MkDocs hooks: the one module that adapts the `newsguide` engine to MkDocs.

Everything else under `hooks/` is plain Python that never imports MkDocs, so
the engine can outlive MkDocs 1.x and Material: this file only passes MkDocs
events to it and MkDocs objects back.

MkDocs builds on one core. The hooks put the second to work in forked
children (`newsguide.forked`, from `FORK_FROM_ARTICLES` articles; below it the
same work runs here, when first needed), each on work whose result MkDocs needs
later than it can be ready:

* `on_files` only loads the corpus (`open_corpus`) and lists the pages. MkDocs
  reads the API reference first (the order of `files`), then the article
  pages, which one child classifies and renders, then the other generated
  pages and the hand-written ones (moved last in `on_nav`). A second child
  completes the corpus (mentions, figures, dates) and renders those pages, the
  blocks they embed and the data files. Each child's files are filled in when
  MkDocs first reads one of its pages (`on_pre_page`, else `on_env`), and the
  problems and notes it found are logged then.
* `on_env` moves the article pages to the end of the build, and a child links
  their glossary terms while MkDocs builds the other pages; `on_page_context`
  takes a page's linked HTML from it only if the page's HTML is still the very
  string sent.

The site is the same file for file as a build on one core (a test checks it).
"""

from __future__ import annotations

import ast
import gc
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from newsguide import forked
from newsguide.corpus import Corpus, classify_corpus, complete, open_corpus
from newsguide.data import DATA_FILES, data_files
from newsguide.embeds import embed_names, fill_rendered, render_embeds
from newsguide.meta import page_description
from newsguide.navigation import nav_rank
from newsguide.pages import ARTICLES_INDEX, PlannedPage, planned_pages, source_base
from newsguide.pages import Page as EnginePage
from newsguide.problems import Problem
from newsguide.render import front_matter, source_notice, text
from newsguide.verbatim import anchor_ids, hold, is_quotation, restore

log = logging.getLogger("mkdocs.hooks.newsguide")

#: The corpus as `open_corpus` loads it. The renderings classify and complete it, in children when the
#: corpus is large: this process may never see its classification, mentions, figures or dates.
_corpus: Corpus | None = None


#: What a rendering gives: file contents by path inside `docs/` (pages) or the site (data files),
#: embedded blocks by page path and marker name, problems (warnings) and notes (info) to log.
_Rendered = tuple[dict[str, str], dict[str, dict[str, str]], list[Problem], list[Problem]]


@dataclass
class _Rendering:
    """Files being rendered on the second core (or, for a small corpus, here when first needed)."""

    collect: forked.Collect[_Rendered]
    files: dict[str, File]  # by path: the files whose content it renders
    needed_by: set[str]  # the pages (by path) that MkDocs may not read before it is delivered
    delivered: bool = False


@dataclass
class _Linking:
    """Article pages being linked on the second core: the HTML sent, and the linked HTML once collected."""

    sent: dict[str, str]  # page URL → its HTML as sent
    collect: forked.Collect[dict[str, str]]  # page URL → its HTML linked
    linked: dict[str, str] | None = None

    def result(self) -> dict[str, str]:
        """The linked HTML of every page sent (collected once, waiting for it if need be)."""
        if self.linked is None:
            self.linked = self.collect()
        return self.linked


_renderings: list[_Rendering] = []
_linking: _Linking | None = None
#: The blocks embedded in pages (hand-written ones, the glossary index), by page path and marker name.
_embeds: dict[str, dict[str, str]] = {}
#: What an awaited file holds until it is delivered (never published: delivery comes before MkDocs reads it).
_AWAITED = ""
#: The verbatim regions held out of each page's Markdown, by source path, until its HTML comes back.
_held: dict[str, dict[str, str]] = {}

#: A module that opens with its docstring: the quotes, and the docstring's first line.
_PLAIN_DOCSTRING = re.compile(r'\A("""|\'\'\')([^\n]*?)(?:\1|\n)')
#: mkdocstrings links its stylesheet from every page; only pages showing API docs need it.
_MKDOCSTRINGS_CSS = re.compile(r'<link rel="stylesheet" href="[^"]*assets/_mkdocstrings\.css">\s*')


# MkDocs events ---------------------------------------------------------------


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Load the corpus and add every generated page as a virtual file."""
    gc.unfreeze()  # a corpus an earlier build under `mkdocs serve` froze may go now
    _discard()
    files = _add_generated_files(files, config)
    gc.freeze()  # the corpus lives all build: later collections need not walk it again and again
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Reading order for the top level (home, articles, themes, glossary, figures, timeline, the rest).

    Article pages are left out of the sidebar: the articles index lists them.
    MkDocs reads the hand-written pages last (the order of `files`, which has
    given the navigation already): their embedded blocks are rendered with
    the pages from the whole corpus, on the second core.
    """
    if _corpus is not None:
        nav = _without_articles(nav)
        for file in [file for file in files.documentation_pages() if file.generated_by is None]:
            files.remove(file)
            files.append(file)
    nav.items.sort(key=lambda item: nav_rank(_first_source(item)))
    nav.pages = list(_pages(nav.items))
    for index, page in enumerate(nav.pages):
        page.previous_page = nav.pages[index - 1] if index > 0 else None
        page.next_page = nav.pages[index + 1] if index + 1 < len(nav.pages) else None
    return nav


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """Before MkDocs reads a page that needs a rendering on the second core, fill in all its files."""
    for rendering in _renderings:
        if not rendering.delivered and page.file.src_uri in rendering.needed_by:
            _deliver(rendering)
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give a page without a meta description one; expand the engine's markers; hold its raw HTML out.

    Raw HTML that the engine marks verbatim comes out of Markdown unchanged, so
    it skips Markdown (and MkDocs' second pass over it for ids) and goes back
    into the page's HTML in `on_page_content`.
    """
    if not page.meta.get("description"):
        page.meta["description"] = text(page_description(markdown, config.site_description or ""))
    if _corpus is None:
        return markdown
    if page.file.src_uri in _embeds:
        markdown = fill_rendered(markdown, _embeds[page.file.src_uri])
    markdown, _held[page.file.src_uri] = hold(markdown)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the held raw HTML back, but for quotations, which are neither linked nor searched.

    Quotations stay out until `on_post_page`, so that the search plugin does
    not parse them only to leave them out.
    """
    regions = _held.get(page.file.src_uri, {})
    if not regions:
        return html
    page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(regions)
    return restore(html, {key: region for key, region in regions.items() if not is_quotation(region)})


@event_priority(-200)  # after autorefs and mkdocstrings, the last to change the pages' HTML before they are built
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Fill in the data files before MkDocs copies them; start linking the article pages on the second core."""
    for rendering in _renderings:  # the data files, if no page has needed their rendering yet
        if not rendering.delivered:
            _deliver(rendering)
    if _corpus is not None:
        _start_linking(files)
    return env


@event_priority(-100)  # after the search plugin has indexed the page: links change no word it indexes
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    """Link the first mention of each glossary term in each section of the page."""
    if _corpus is not None and page.content is not None:
        page.content = _linked(page, _corpus)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Put the quotations back; drop mkdocstrings' stylesheet from pages without API docs.

    Without the stylesheet, a page makes one render-blocking request fewer.

    Material's instant navigation adds and removes head stylesheets as pages
    change, so an API page reached from another page still gets it.
    """
    output = restore(output, _held.pop(page.file.src_uri, {}))  # the quotations, kept from search
    return output if 'class="doc doc-' in (page.content or "") else _MKDOCSTRINGS_CSS.sub("", output, count=1)


def on_post_build(config: MkDocsConfig) -> None:
    """Let the garbage collector see the corpus again, so a rebuild under `mkdocs serve` frees the old one."""
    _discard()  # nothing is left to collect unless no article page was built
    gc.unfreeze()


def on_build_error(error: Exception) -> None:
    """A failed build leaves no child process behind."""
    _discard()


# Helpers ---------------------------------------------------------------------


def _add_generated_files(files: Files, config: MkDocsConfig) -> Files:
    # Load the corpus; log its problems; add the API reference, then the corpus's pages and data
    # files, whose content two renderings deliver (see the module docstring).
    global _corpus
    _corpus = corpus = open_corpus(Path(config.config_file_path).parent)
    for problem in corpus.problems:
        log.warning(str(problem))
        _remove(files, _docs_path(problem.path, config))  # never published raw; a page it still gives comes next
    base = _source_base(config)
    for reference in _reference_pages(config):
        _add_page(files, config, reference.path, reference.source, reference.markdown)
    first = corpus.article_page_paths | {ARTICLES_INDEX}
    planned = planned_pages(corpus)
    articles = [page for page in planned if page.path in first]
    rest = [page for page in planned if page.path not in first]
    article_files = {page.path: _add_page(files, config, page.path, page.source, _AWAITED) for page in articles}
    rest_files = {page.path: _add_page(files, config, page.path, page.source, _AWAITED) for page in rest}
    data = {path: File.generated(config, path, content=_AWAITED) for path in sorted(DATA_FILES)}
    for file in data.values():
        files.append(file)
    handwritten = {
        file.src_uri: (file.url, _embed_names(file))
        for file in files.documentation_pages()
        if file.generated_by is None
    }
    urls = {path: file.url for path, file in rest_files.items()}
    _renderings[:] = [
        _Rendering(
            forked.start(lambda: _render_articles(corpus, articles, base), worth_forking=corpus.worth_forking),
            article_files,
            set(article_files),
        ),
        _Rendering(
            forked.start(
                lambda: _render_rest(corpus, rest, base, urls, handwritten), worth_forking=corpus.worth_forking
            ),
            {**rest_files, **data},
            set(rest_files) | set(handwritten),
        ),
    ]
    return files


def _render_articles(corpus: Corpus, pages: list[PlannedPage], base: str) -> _Rendered:
    # The article pages, and the articles index; the articles are classified first, and the
    # problems of their editorial overrides come with them.
    problems = classify_corpus(corpus)
    return {page.path: page.render(corpus, base).markdown for page in pages}, {}, problems, []


def _render_rest(
    corpus: Corpus,
    pages: list[PlannedPage],
    base: str,
    urls: dict[str, str],
    handwritten: dict[str, tuple[str, set[str]]],
) -> _Rendered:
    # Everything else from the completed corpus: the other pages, the data files, the blocks that
    # pages embed (by page path), and the notes on the corpus. Its problems come with the articles.
    complete(corpus)
    contents = {page.path: page.render(corpus, base).markdown for page in pages}
    embeds = {path: render_embeds(corpus, urls[path], embed_names(markdown)) for path, markdown in contents.items()}
    embeds.update((path, render_embeds(corpus, url, names)) for path, (url, names) in handwritten.items())
    contents.update(data_files(corpus))
    return contents, {path: blocks for path, blocks in embeds.items() if blocks}, [], list(corpus.notes)


def _embed_names(file: File) -> set[str]:
    # The embed markers of a hand-written page (none if it cannot be read: MkDocs reports that).
    try:
        return embed_names(file.content_string)
    except (OSError, ValueError):
        return set()


def _add_page(files: Files, config: MkDocsConfig, path: str, source: str, markdown: str) -> File:
    # Add a generated page in place of any hand-written file at its path or at its source's.
    for replaced in {path, _docs_path(source, config)}:
        _remove(files, replaced)
    file = File.generated(config, path, content=markdown)
    file.edit_uri = _edit_uri(source, config) if source else None
    files.append(file)
    return file


def _deliver(rendering: _Rendering) -> None:
    # Fill in a rendering's files (waiting for it if need be); log what it found.
    rendering.delivered = True
    contents, embeds, problems, notes = rendering.collect()
    for path, file in rendering.files.items():
        file.content_string = contents[path]
    _embeds.update(embeds)
    for problem in problems:
        log.warning(str(problem))
    for note in notes:
        log.info(str(note))


def _discard() -> None:
    # The end of a build, or a build that failed: reap the children whose results were not needed.
    global _linking
    for rendering in _renderings:
        if not rendering.delivered:
            rendering.collect.discard()
    _renderings.clear()
    _embeds.clear()
    if _linking is not None and _linking.linked is None:
        _linking.collect.discard()
    _linking = None


def _start_linking(files: Files) -> None:
    # Build the article pages last, and link them on the second core while this one builds the rest.
    global _linking
    assert _corpus is not None
    corpus = _corpus
    articles = [file for file in files.documentation_pages() if file.src_uri in corpus.article_page_paths]
    for file in articles:
        files.remove(file)
        files.append(file)
    sent = {file.page.url: file.page.content for file in articles if file.page and file.page.content is not None}
    linker = corpus.linker
    _linking = _Linking(
        sent,
        forked.start(
            lambda: {url: linker.link_html(html, url) for url, html in sent.items()},
            worth_forking=corpus.worth_forking,
        ),
    )


def _linked(page: Page, corpus: Corpus) -> str:
    # The page's HTML with its terms linked: from the second core if its HTML is still the very
    # string sent there (no plugin has changed it since), else linked here.
    assert page.content is not None
    if _linking is not None and _linking.sent.get(page.url) is page.content:
        return _linking.result()[page.url]
    return corpus.linker.link_html(page.content, page.url)


def _source_base(config: MkDocsConfig) -> str:
    """Where a file of the repository is shown: `<repo_url>/blob/main/` for `edit_uri: edit/main/docs/`."""
    docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).parent).as_posix()
    return source_base(config.repo_url or "", config.edit_uri or "", docs)


def engine_modules() -> Iterator[tuple[str, str, Path]]:
    """Each public module of the engine beside this adapter: its dotted name, its reference page's path, its file.

    A module is public unless a part of its name starts with "_"; a package's page is its `index.md`.
    """
    package = Path(__file__).resolve().parent / "newsguide"
    for file in sorted(package.rglob("*.py")):
        parts = file.relative_to(package).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts and not any(part.startswith("_") for part in parts):
            path = "/".join(parts) + ("/index.md" if file.name == "__init__.py" else ".md")
            yield ".".join(("newsguide", *parts)), path, file


def _reference_pages(config: MkDocsConfig) -> list[EnginePage]:
    """One API reference page per public engine module, and an index, so new modules document themselves."""
    base = _source_base(config)
    root = Path(config.config_file_path).parent.resolve()
    pages: list[EnginePage] = []
    rows: list[str] = []
    for name, path, file in engine_modules():
        # Read the summary without importing the module, so `mkdocs serve` never shows a stale one.
        summary = _docstring_summary(file.read_text(encoding="utf-8"))
        source = file.relative_to(root).as_posix()
        rows.append(f"| [`{name}`]({path}) | {summary} |")
        markdown = front_matter({"title": name, "description": f"API reference of {name}: {summary}"}) + f"::: {name}\n"
        pages.append(EnginePage(f"reference/{path}", markdown + source_notice(source, base), source))
    index = (
        front_matter({"title": "API reference", "description": "The engine's public modules, from their docstrings."})
        + "# API reference\n\nThe engine (`hooks/newsguide/`) is a plain Python package that never imports MkDocs: "
        "seeds → parse → classify → link → render → pages. Each public module has a page written from its "
        "docstrings.\n\n| Module | What it holds |\n| --- | --- |\n" + "\n".join(sorted(rows)) + "\n"
    )
    adapter = Path(__file__).resolve().relative_to(root).as_posix()
    pages.append(EnginePage("reference/index.md", index + source_notice(adapter, base), adapter))
    return pages


def _docstring_summary(source: str) -> str:
    """The first line of a module's docstring, read from its source.

    The usual layout (the docstring opens the file, its first line is plain
    text) is read with a pattern; anything else is parsed with `ast`, which
    costs a millisecond a module on every build.
    """
    plain = _PLAIN_DOCSTRING.match(source)
    if plain and plain.group(2).strip() and "\\" not in plain.group(2):
        return plain.group(2).lstrip()
    return (ast.get_docstring(ast.parse(source)) or "").split("\n", 1)[0]


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


def _without_articles(nav: Navigation) -> Navigation:
    # Material renders the whole sidebar into every page, so n articles in it cost n² to build
    # (at 1,000 articles, nine tenths of the build); a sidebar of 1,000 titles helps no reader.
    articles = _corpus.article_page_paths if _corpus else frozenset()

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
    return nav
