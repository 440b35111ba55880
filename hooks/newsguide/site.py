"""The site: one pass of the engine, from the project's files to every generated page and data file.

`build_site` runs the pipeline in order: load and analyse the articles (taking
kept analyses from the cache), put the corpus together, render the pages drawn
from the whole corpus, the API reference and the data files. A site generator
publishes what it returns; the MkDocs adapter (`hooks/mkdocs_hooks.py`) does
nothing more than hand it MkDocs' events and objects.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cache import CACHE_DIR, Cache, digest
from .compact import compact
from .corpus import Corpus, load_corpus
from .data import data_files
from .embeds import fill_embeds
from .feeds import feed_files
from .front_matter import FrontMatter
from .icons import Icons
from .markup import text
from .meta import page_description
from .navigation import arrange, outline
from .page_cache import PageCache, files_digest
from .pages import Page, build_pages, docs_path, edit_path, source_base, unlisted
from .problems import Problem
from .reference import reference_pages
from .search_shards import shard_search_index
from .site_folder import SiteFolder
from .sitemaps import split_sitemap
from .term_links import TermLinks
from .theme_files import keep_theme, unused_search_scripts
from .verbatim import anchor_ids, hold, is_quotation, restore, restore_unquoted
from .version import ENGINE_VERSION

__all__ = [
    "CACHE_DIR",
    "ENGINE_VERSION",
    "Cache",
    "FrontMatter",
    "PageCache",
    "Site",
    "SiteFolder",
    "TermLinks",
    "anchor_ids",
    "arrange",
    "build_site",
    "compact",
    "digest",
    "edit_path",
    "files_digest",
    "hold",
    "is_quotation",
    "keep_theme",
    "outline",
    "page_description",
    "restore",
    "restore_unquoted",
    "shard_search_index",
    "source_base",
    "split_sitemap",
    "text",
    "unused_search_scripts",
]

#: Generated pages whose Markdown is not linked to the glossary: the API reference is for developers.
UNLINKED = ("reference/",)


@dataclass
class Site:
    """What one build publishes, besides the pages people wrote.

    Attributes:
        corpus: The corpus the pages come from.
        pages: Every generated page (articles, themes, glossary, figures,
            timeline, API reference), sorted by path.
        data: The open-data files and feeds by their path in the site, as
            UTF-8 bytes: a site generator keeps them to the end of a build,
            and text quoting typographic quotes takes two bytes a character
            in memory (at 10,000 articles, 300 MB rather than 150).
        links: The Markdown extension that links glossary terms in Markdown.
        kept: How many articles' analyses came from the cache.
        computed: How many were computed.
        unlisted: The paths of the pages a navigation leaves out: the articles
            (the articles index lists them) and the later pages of paged lists.
        icons: The icons the built pages share (`newsguide.icons`), filled
            in as the site generator finishes each page.
    """

    corpus: Corpus
    pages: list[Page]
    data: dict[str, bytes]
    links: TermLinks = field(repr=False)
    kept: int = 0
    computed: int = 0
    unlisted: frozenset[str] = frozenset()
    icons: Icons = field(default_factory=Icons, repr=False, compare=False)
    _positions: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def problems(self) -> list[Problem]:
        """The files that could not be used, or only in part: each is a warning."""
        return self.corpus.problems

    @property
    def notes(self) -> list[Problem]:
        """Facts worth telling a contributor that are not problems."""
        return self.corpus.notes

    def replaced(self, docs_dir: str = "docs") -> list[str]:
        """The files inside `docs_dir` (paths inside it) that are not published as they are.

        A file with a problem is never published raw (a page it still gives is
        among the pages); a file a generated page comes from gives way to it.
        """
        sources = [problem.path for problem in self.problems] + [page.source for page in self.pages]
        replaced = {docs_path(source, docs_dir) for source in sources} | {page.path for page in self.pages}
        return sorted(path for path in replaced if path)

    @functools.cached_property
    def links_signature(self) -> str:
        """A digest of what linking glossary terms in Markdown depends on: each term's names, page and summary."""
        terms = self.links.linker.terms.values()
        return digest([(t.slug, t.plural, t.aliases, t.exclude, t.url, t.page_path, t.summary) for t in terms])

    def release(self) -> None:
        """Let go of the corpus once every page is converted; nothing after needs it.

        What comes after (each page's template, the search index split) then
        reuses its memory: at 10,000 articles the corpus holds about a
        gigabyte, and a build must stay under 3 GiB. `corpus` is gone after it.
        """
        self.__dict__.pop("corpus", None)

    def page_markdown(self, markdown: str, path: str, url: str) -> str:
        """Prepare a page's Markdown for rendering: fill in its embedded blocks, and set its links.

        The site forgets its own copy of a generated page's Markdown here (its
        `Page.markdown` becomes ""): the generator has read it, and the copies
        kept to the end of a build of 10,000 articles weighed a gigabyte.

        Args:
            markdown: The page's Markdown, front matter removed.
            path: The page's path inside `docs/`.
            url: The page's URL relative to the site root.
        """
        if not self._positions:
            self._positions = {page.path: position for position, page in enumerate(self.pages)}
        if (position := self._positions.get(path)) is not None:
            self.pages[position] = replace(self.pages[position], markdown="")
        self.links.page_url = None if path.startswith(UNLINKED) else url
        if "newsguide:" in markdown:
            markdown = fill_embeds(markdown, self.corpus, url)
        return markdown


def build_site(
    root: Path,
    source_base: str = "",
    cache: Cache | None = None,
    adapter: str = "",
    site_url: str = "",
    site_name: str = "",
) -> Site:
    """Load, analyse and render everything the site gets from the project's files.

    Args:
        root: The project root (the folder holding `seeds/` and `docs/`).
        source_base: The URL a source file's path is appended to (see `pages.source_base`).
        cache: Where articles' analyses are kept between builds (None: compute every one).
        adapter: The site generator's adapter, relative to the root, named on the reference index.
        site_url: The site's absolute URL, for the feeds (none are written without it).
        site_name: The site's name, the feeds' title and author.

    Returns:
        The site; its problems name every file that could not be used.
    """
    corpus = load_corpus(root, cache, source_base)
    pages = build_pages(corpus, source_base) + reference_pages(root, source_base, adapter)
    files = data_files(corpus) | feed_files(corpus, site_url, site_name)
    data = {path: files.pop(path).encode("utf-8") for path in list(files)}
    pages.sort(key=lambda page: page.path)
    site = Site(corpus, pages, data, TermLinks(corpus.linker), unlisted=unlisted(corpus, pages))
    if cache is not None:
        site.kept, site.computed = cache.hits, cache.misses
        cache.prune()
    return site


def default_cache(root: Path, *, memory: bool = False) -> Cache:
    """A cache kept on disk in the project (`.cache/newsguide/`); `memory` keeps the pages' parts in memory too."""
    return Cache(root / CACHE_DIR, memory=memory)
