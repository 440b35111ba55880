"""The page cache: what the site generator made of each page last time, kept by a key of everything it used.

A site generator does two things per page: it converts the page's Markdown to
HTML, then puts that HTML into the theme's template. After one article's edit,
nearly every page would come out exactly as before, so both results are kept:

* `Converted`: what converting the Markdown gave (the HTML, the headings, the
  title, the anchors and the links to other pages' anchors). Its key holds the
  page's final Markdown and address, the configuration, the files of the site
  (links are resolved against them), the glossary (its terms are linked in
  Markdown), the engine and the installed packages.
* `Rendered`: the whole page the template gave. Its key holds the converted
  HTML (after every plugin's changes), the page's metadata, headings and
  neighbours, the navigation, the templates and the same configuration.
* The search entries of a page, by what indexing reads of it: its address,
  title, metadata, headings and HTML, but not the quotations, which are still
  held then (`newsguide.verbatim.searched_part`). A term page whose list of
  quoted mentions changed is made again, but not indexed again.

A key that differs by one byte finds nothing, and the page is made again: a
kept result is either what the generator would make now, or never used. Pages
whose Markdown pulls in other files while it is converted (the API reference,
snippets) are always converted again; their template output is still kept.
Entries live in the engine's `Store`, on disk under `.cache/newsguide/pages/`,
and in memory too under `mkdocs serve`.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import CACHE_DIR, Store, digest
from .navigation import outline
from .search_shards import WordIndex
from .verbatim import searched_part

#: Written with every entry: an entry of another layout is not used.
_LAYOUT = "newsguide-page-3"
#: Markdown that includes another file while it is converted (pymdownx.snippets).
_SNIPPET = "--8<--"
#: A snippet that includes one whole file by its path from the project folder (snippets' `base_path`).
_WHOLE_FILE = re.compile(r'--8<-- "(?P<path>[^":\n]+)"[ \t]*')
#: mkdocstrings blocks (`::: identifier`), which read the Python files they document.
_API_BLOCK = re.compile(r"^::: *(\S+)", re.MULTILINE)
#: The Python code whose files every key holds (the engine by its version, the adapter by its bytes).
_KEYED_CODE = re.compile(r"(newsguide|mkdocs_hooks)(\..+)?")


@dataclass(frozen=True)
class Converted:
    """What converting one page's Markdown gave.

    Attributes:
        content: The HTML.
        toc: The table of contents, as the generator made it.
        title: The title found in the HTML (its first heading), if any.
        anchors: The ids of the HTML's elements.
        links: Links to other pages' anchors: the target's source path → anchor → link.
        calls: The recorded calls the conversion made (see `PageCache.record`):
            name, arguments after the page, keyword arguments.
    """

    content: str
    toc: object
    title: str | None
    anchors: frozenset[str]
    links: dict[str, dict[str, str]]
    calls: tuple[tuple[str, tuple[Any, ...], dict[str, Any]], ...] = ()


@dataclass(frozen=True)
class Rendered:
    """The whole HTML page the template gave, and what the search index took from it.

    Attributes:
        output: The page, as written to the site.
        entries: The search index's entries for the page (one per section).
        icons: The shared icons the page references, as (id, viewBox, drawing) (see `newsguide.icons`).
        searched: The key its search entries are kept by as well (see `PageCache.indexed_for`).
    """

    output: str
    entries: tuple[dict[str, Any], ...] = ()
    icons: tuple[tuple[str, str, str], ...] = ()
    searched: str = ""


def files_digest(*paths: str | Path) -> str:
    """A digest of files' bytes, such as the configuration or a folder of templates (every file in it, by name)."""
    hashed = hashlib.sha256()
    for path in map(Path, paths):
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file():
                name = file.relative_to(path).as_posix() if path.is_dir() else file.name
                hashed.update(name.encode("utf-8") + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return hashed.hexdigest()


@functools.cache
def packages_digest() -> str:
    """A digest of the Python version and of every installed package's name and version (read once a process)."""
    installed = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions())
    return digest(sys.version, installed)


def _hashed(*texts: str) -> str:
    # The SHA-256 of texts, for a key: every page's HTML written out as JSON first took 0.4 s at 1,000 articles.
    hashed = hashlib.sha256()
    for text in texts:
        hashed.update(text.encode("utf-8", "surrogatepass") + b"\0")
    return hashed.hexdigest()


def reads_files(markdown: str, root: Path | None = None) -> bool:
    """Whether converting this Markdown reads files no key holds, so that its result cannot be kept.

    A snippet includes another file: one that includes a whole file of the
    project folder `root` by its path, that file without snippets of its own,
    is keyed by the file's text (see `included_texts`); any other is not. An
    API block reads the Python files it documents: those of the engine and the
    adapter are in every key, others not.
    """
    return _reads_unkeyed_code(markdown) or included_texts(markdown, root) is None


def _reads_unkeyed_code(markdown: str) -> bool:
    # Whether the Markdown documents Python code other than the engine's and the adapter's.
    return any(not _KEYED_CODE.fullmatch(name) for name in _API_BLOCK.findall(markdown))


def included_texts(markdown: str, root: Path | None) -> list[str] | None:
    """The texts of the files this Markdown's snippets include, or None where one cannot be known before.

    Args:
        markdown: A page's Markdown.
        root: The folder snippets are found in (`base_path`, the project
            folder in `mkdocs.yml`), or None: then no snippet is known.
    """
    if _SNIPPET not in markdown:
        return []
    texts: list[str] = []
    for line in markdown.splitlines():
        if _SNIPPET not in line:
            continue
        found = _WHOLE_FILE.fullmatch(line.strip())
        if found is None or root is None:
            return None
        path = root / found["path"]
        if not path.resolve().is_relative_to(root.resolve()) or not path.is_file():
            return None
        text = path.read_text(encoding="utf-8")
        if _SNIPPET in text:
            return None
        texts.append(text)
    return texts


class PageCache:
    """Converted and rendered pages by key, and the keys of this build's pages.

    A build calls `start` once its files are known, then, for each page,
    `converted_for` before converting it, `keep_converted` after, and once
    every page is converted `rendered_for`, then `keep_rendered` with the page
    the template made, where nothing was kept. Pages are read by their shape
    (MkDocs' `Page`: `url`, `title`, `meta`, `toc`, `content`, …).

    Args:
        root: The project root; entries go under its `.cache/newsguide/pages/`.
        memory: Keep entries in memory too (under `mkdocs serve`).
    """

    def __init__(self, root: Path | None, *, memory: bool) -> None:
        self.root = root
        folder = self.folder = root / CACHE_DIR / "pages" if root is not None else None
        self.converted = Store(folder / "converted" if folder else None, Converted, _LAYOUT, memory=memory)
        self.rendered = Store(folder / "rendered" if folder else None, Rendered, _LAYOUT, memory=memory)
        #: Each page's scored search words (see `newsguide.search_shards`), by a key of its search entries.
        self.words: Store[dict[str, float]] = Store(folder / "words" if folder else None, dict, _LAYOUT, memory=memory)
        #: The last split's word buckets and pages' keys, kept while serving (`serving`), where the next split is
        #: of the same pages.
        self.word_index: WordIndex | None = None
        self.serving = memory
        #: Each page's search entries, by a key of what indexing reads of it (see `indexed_for`).
        self.indexed: Store[tuple[dict[str, Any], ...]] = Store(
            folder / "indexed" if folder else None, tuple, _LAYOUT, memory=memory
        )
        self._search_keys: dict[str, str] = {}
        self._unindexed: dict[str, tuple[dict[str, Any], ...]] = {}  # kept entries of pages the indexer skips
        self._conversion = ""
        self._keys: dict[str, str] = {}
        self._indexed = 0  # how many search entries the pages made so far this build gave
        self._converting: str | None = None  # the page being converted, whose calls are recorded
        self._calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self._recorded: dict[str, Callable[..., Any]] = {}

    def start(self, *inputs: object) -> None:
        """Begin a build whose conversions depend on these inputs (and on the installed packages)."""
        self._conversion = digest(packages_digest(), *inputs)
        self._keys, self._search_keys, self._unindexed = {}, {}, {}
        self._indexed = 0

    def converted_for(self, path: str, url: str, markdown: str) -> Converted | None:
        """What converting this Markdown gave before, if anything (None also where it reads other files)."""
        texts = included_texts(markdown, self.root)
        if texts is None or _reads_unkeyed_code(markdown):
            return None
        key = self._keys[path] = digest(self._conversion, path, url, markdown, *texts)
        kept = self.converted.get(key)
        self._converting, self._calls = (None if kept else path), []
        return kept

    def keep_converted(self, path: str, html: str, page: Any) -> None:
        """Keep what converting a page's Markdown just gave, if `converted_for` gave it a key."""
        calls, self._converting, self._calls = tuple(self._calls), None, []
        if (key := self._keys.pop(path, None)) is not None:
            links = {file.src_uri: dict(to) for file, to in (page.links_to_anchors or {}).items()}
            anchors = frozenset(page.present_anchor_ids or ())
            self.converted.put(key, Converted(html, page.toc, page._title_from_render, anchors, links, calls))

    def record(self, target: Any, name: str) -> None:
        """Record the calls to `target.<name>(page, …)` that converting a page makes, for `make_calls`.

        A converter may tell others about a page as it converts it (mkdocstrings
        registers each API object's anchor with autorefs, so that links to it
        resolve); a kept page is not converted, so its calls are made again.
        """
        original = self._recorded[name] = getattr(target, name)

        def recorded(page: Any, *args: Any, **kwargs: Any) -> Any:
            if self._converting is not None:
                self._calls.append((name, args, kwargs))
            return original(page, *args, **kwargs)

        setattr(target, name, recorded)

    def make_calls(self, page: Any, kept: Converted) -> None:
        """Make again, for a kept page, the recorded calls its conversion made."""
        for name, args, kwargs in kept.calls:
            if name in self._recorded:
                self._recorded[name](page, *args, **kwargs)

    def rendered_for(self, page: Any, shared: object, held: dict[str, str] | None) -> bool:
        """Whether an earlier build made the whole page of this page's HTML, metadata, headings and place.

        If so, `replay` gives that page when the template has run (it is read
        again then, so that thousands of kept pages are not all held at once).

        Args:
            page: The page, converted, its HTML changed by every plugin.
            shared: What every page's template output depends on (navigation, templates, settings).
            held: The page's raw HTML still to be put back into it.
        """
        neighbours = [(other.url, other.title) if other else None for other in (page.previous_page, page.next_page)]
        regions = _hashed(*[part for region in (held or {}).items() for part in region])
        headings, path = outline(page.toc.items), page.file.src_uri
        key = self._keys[path] = digest(
            self._conversion, shared, path, page.url, page.canonical_url, page.edit_url, page.title,
            page.meta, headings, _hashed(page.content), regions, neighbours,
            [section.title for section in page.ancestors], page.is_homepage,
        )  # fmt: skip
        if self.rendered.get(key) is not None:
            return True
        self._search_keys[path] = digest(
            self._conversion, page.url, page.title, page.meta, headings, _hashed(searched_part(page.content))
        )
        return False

    def indexed_for(self, path: str) -> bool:
        """Whether an earlier build indexed a page that the indexer reads as it would read this one.

        Call it for a page `rendered_for` found no whole page of. If it is
        true, the search indexer should skip the page: `keep_rendered` adds the
        kept entries where indexing it would have put them.

        Args:
            path: The page's source path.
        """
        entries = self.indexed.get(self._search_keys[path])
        if entries is not None:
            self._unindexed[path] = entries
        return entries is not None

    def keep_rendered(
        self, path: str, output: str, index: list[dict[str, Any]], icons: tuple[tuple[str, str, str], ...] = ()
    ) -> None:
        """Keep the whole page the template just made, with the entries the search index took from it.

        Args:
            path: The page's source path.
            output: The page.
            index: The site's search entries so far: those added since the
                last page are this page's (pages are made one after another).
            icons: The shared icons the page references.
        """
        unindexed = self._unindexed.pop(path, None)
        index.extend(dict(entry) for entry in unindexed or ())  # where indexing the page would have put them
        entries, self._indexed = tuple(index[self._indexed :]), len(index)
        searched = self._search_keys.pop(path, "")
        if (key := self._keys.pop(path, None)) is not None:
            self.rendered.put(key, Rendered(output, entries, icons, searched))
        if searched and unindexed is None:
            self.indexed.put(searched, entries)

    def replay(self, path: str, index: list[dict[str, Any]]) -> Rendered:
        """The kept page `rendered_for` found, its search entries added where indexing it would have put them."""
        kept = self.rendered.get(self._keys.pop(path), count=False)
        if kept is None:  # removed or damaged since `rendered_for` read it: a build cannot go back a step
            raise RuntimeError(f"the page cache entry of {path} went missing during the build: build again")
        index.extend(dict(entry) for entry in kept.entries)
        self._indexed = len(index)
        self.indexed.keep(kept.searched)  # not read, but what the page's entries are kept by when it is made anew
        return kept

    def templates_folder(self) -> str:
        """A folder for the templates the site generator compiled, kept beside the pages (made if missing)."""
        if self.folder is not None:
            try:
                (self.folder / "templates").mkdir(parents=True, exist_ok=True)
                return str(self.folder / "templates")
            except OSError:  # a read-only project: compile into a temporary folder
                pass
        return tempfile.mkdtemp(prefix="newsguide-templates-")

    def summary(self) -> str:
        """How many pages this build took as kept, how many it made, and how many of those it indexed, for the log."""
        converted, rendered, indexed = self.converted, self.rendered, self.indexed
        return (
            f"{converted.hits} converted, {converted.misses} converted anew; "
            f"{rendered.hits} rendered, {rendered.misses} rendered anew, "
            f"of which {indexed.hits} searched as before, {indexed.misses} indexed anew"
        )

    def prune(self) -> None:
        """Forget what the build since the last `prune` did not use."""
        self.converted.prune()
        self.rendered.prune()
        self.indexed.prune()
        self.words.prune()
