"""Search that scales: Material's search index, split so that a query fetches only what it needs.

Material's search loads `search/search_index.json` whole into a web worker,
which builds a Lunr index of every document. At 10,000 articles that file is
63 MB. After the build, `shard_search_index` splits it in three:

* the **core**, kept in `search/search_index.json`: every page a reader's
  navigation lists (home, lists' first pages, themes, glossary terms and their
  index, hand-written pages). Their number does not grow with the articles, and
  they are what must rank first (term pages are boosted).
* **pages** (`search/pages/<id>.json`): the documents (page and sections) of
  each page that grows with the corpus (articles, the later pages of paged
  lists) or ranks below everything (the API reference, boost below 1).
* **words** (`search/words/<bucket>.json`): for every word of those pages, as
  Lunr indexes it, the pages holding it: all of them (a delta-coded list, or a
  bitmap when that is shorter) and the best few (the word in the title, then
  most often for the page's length). Words are grouped by their first two
  characters (`word_key`), hashed into buckets of about `BUCKET_BYTES`.

The browser's side is `assets/javascripts/workers/newsguide-search.js` (in the
theme override): it wraps Material's own worker. For each query it fetches the
buckets of the query's words, picks at most `PAGE_LIMIT` pages (those holding
the most query words first, then the best-ranked), fetches them, and sets up
Material's worker with the core and those pages before it answers. Ranking,
highlighting, suggestions and the result list stay Material's. The split
follows the index's own tokenisation: HTML tags are skipped, text is split by
the configured `separator` (Chinese already segmented by jieba with zero-width spaces),
lowercased, and Lunr's stop words are dropped.

Splitting a page's text into words is most of the work (a second at 1,000
articles), so a page's scored words can be kept between builds (`kept`, the
page cache's `words`), by a key of the page's documents, the separator and the
engine's version: after one article's edit, only the pages that changed are
split again. While serving, the word buckets of the last split are kept too,
by a key of every sharded page: a term's or a theme's edit, which leaves the
articles as they were, splits nothing again.

This module never imports MkDocs: it reads and writes JSON files.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import math
import operator
import re
import shutil
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .cache import Store, digest
from .sitemaps import page_stem
from .version import ENGINE_VERSION

__all__ = [
    "BUCKET_BYTES",
    "PAGE_LIMIT",
    "SearchSplit",
    "all_documents",
    "bucket_of",
    "index_words",
    "shard_search_index",
    "split_search_index",
    "word_key",
]

#: About how many bytes a bucket of words holds: what one query word costs to fetch.
BUCKET_BYTES = 16_000
#: How many pages the worker fetches for one query at most (`newsguide-search.js` reads it from the index).
PAGE_LIMIT = 24
#: How many best pages each word lists, best first.
BEST = 8
#: The key in the index's `config` that tells the worker where the shards are (Material ignores it).
CONFIG_KEY = "newsguide"
#: The settings Material's search plugin writes in its index's `config`.
_CONFIG_FIELDS = ("lang", "separator", "pipeline", "fields")
#: Folders inside `search/`.
WORDS_DIR, PAGES_DIR = "words", "pages"
_INDEX = "search_index.json"

#: Lunr's English stop words (`lunr.stopWordFilter`): never in the index Material's worker builds.
_LUNR_STOP_WORDS = (
    "a able about across after all almost also am among an and any are as at be because been but by can cannot "
    "could dear did do does either else ever every for from get got had has have he her hers him his how however "
    "i if in into is it its just least let like likely may me might most must my neither no nor not of off often "
    "on only or other our own rather said say says she should since so some than that the their them then there "
    "these they this tis to too twas us wants was we were what when where which while who whom why will with "
    "would yet you your"
)
STOP_WORDS = frozenset(_LUNR_STOP_WORDS.split())

_TAG = re.compile(r"<[^>]*>")
#: JavaScript's `\b` knows ASCII word characters only; Python's knows every letter.
_JS_WORD_BOUNDARY = r"(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))"


@dataclass(frozen=True)
class SearchSplit:
    """Material's search index, split: what `shard_search_index` writes.

    Attributes:
        core: The index Material fetches: its `config` (with the shards'
            description under `CONFIG_KEY`) and the core documents.
        pages: The documents of each sharded page, by page id.
        buckets: The words of the sharded pages, by bucket: word → [best page
            ids, all page ids (delta-coded list, or base64 bitmap)].
    """

    core: dict[str, Any]
    pages: list[list[dict[str, Any]]]
    buckets: list[dict[str, list[Any]]]


class KeptSearch(Protocol):
    """What earlier builds kept for splitting the index (the page cache has it).

    Attributes:
        words: Each page's scored words, by a key of its documents.
        buckets: The word buckets of a split, by a key of all its pages'
            documents (kept in memory while serving, where a term or theme
            edit leaves every sharded page as it was), or None.
    """

    words: Store[dict[str, float]]
    buckets: Store[list[Any]] | None


def shard_search_index(
    site_dir: Path, sharded_sources: Collection[str], built: Any = None, kept: KeptSearch | None = None
) -> SearchSplit | None:
    """Split the search index a build wrote in `site_dir`, in place; `None` when there is none, or it is split.

    Args:
        site_dir: The built site.
        sharded_sources: Source paths (`articles/x.md`, `themes/a/page/2.md`) of
            the pages whose number grows with the corpus; with every page of
            search boost below 1, they go to shards.
        built: The index the file was written from, if the site generator
            still holds it (Material's `SearchIndex`: its `config` and
            `entries`): read from there, not parsed again from the file, which
            at 10,000 articles took half a gigabyte more.
        kept: What earlier builds kept; what this one computes is added.
    """
    search = site_dir / "search"
    path = search / _INDEX
    if not path.is_file():
        return None
    if built is not None:
        config = json.loads(json.dumps({key: built.config[key] for key in _CONFIG_FIELDS}, default=str))
        index = {"config": config, "docs": built.entries}
    else:
        index = json.loads(path.read_text(encoding="utf-8"))
    if CONFIG_KEY in index.get("config", {}):
        return None
    stems = {page_stem(source.removesuffix(".md")) for source in sharded_sources}
    words, buckets = (kept.words, kept.buckets) if kept is not None else (None, None)
    split = split_search_index(index, lambda location: page_stem(location) in stems, words, buckets)
    for folder in (WORDS_DIR, PAGES_DIR):
        shutil.rmtree(search / folder, ignore_errors=True)
        (search / folder).mkdir()
    # Each shard is serialised once, to be written and to be counted in the version the core names last.
    hashed = hashlib.sha256()
    for folder, shards in ((PAGES_DIR, split.pages), (WORDS_DIR, split.buckets)):
        for number, shard in enumerate(shards):
            text = _dump(shard)
            hashed.update(text.encode("utf-8"))
            (search / folder / f"{number}.json").write_text(text, encoding="utf-8")
    split.core["config"][CONFIG_KEY]["version"] = hashed.hexdigest()[:12]
    path.write_text(_dump(split.core), encoding="utf-8")
    return split


def split_search_index(
    index: Mapping[str, Any],
    sharded: Callable[[str], bool],
    kept: Store[dict[str, float]] | None = None,
    kept_buckets: Store[list[Any]] | None = None,
) -> SearchSplit:
    """Split a search index (Material's `{"config", "docs"}`) into core, pages and word buckets.

    Args:
        index: The index Material's search plugin writes.
        sharded: Whether the page at a location (without `#section`) goes to
            shards; pages of search boost below 1 always do.
        kept: Pages' scored words from earlier builds, by key; new ones are added.
        kept_buckets: Word buckets from earlier builds, by a key of every
            sharded page's documents; the new ones are added.

    Returns:
        The split; the core's config tells the worker the number of buckets
        and pages and the page limit. Its `version`, a digest of the shards,
        is set by `shard_search_index` as it writes them.
    """
    config = dict(index["config"])
    separator = _separator(config["separator"])
    core: list[dict[str, Any]] = []
    by_page: dict[str, list[dict[str, Any]]] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        if page in by_page:
            by_page[page].append(doc)
        elif sharded(page) or float(doc.get("boost", 1)) < 1:
            by_page[page] = [doc]
        else:
            core.append(doc)
    pages = list(by_page.values())
    keys = [digest(ENGINE_VERSION, separator.pattern, docs) for docs in pages] if kept is not None else []
    whole = digest(keys) if kept_buckets is not None and kept is not None else ""
    buckets = kept_buckets.get(whole) if kept_buckets is not None and whole else None
    if buckets is None:
        buckets = _buckets(pages, separator, kept, keys)
        if kept_buckets is not None and whole:
            kept_buckets.put(whole, buckets)
    elif kept is not None:
        for key in keys:  # not read, but still the pages' words: kept for the next split that needs them
            kept.keep(key)
    config[CONFIG_KEY] = {"pages": len(pages), "buckets": len(buckets), "limit": PAGE_LIMIT, "version": ""}
    return SearchSplit({**index, "config": config, "docs": core}, pages, buckets)


def _buckets(
    pages: list[list[dict[str, Any]]], separator: re.Pattern[str], kept: Store[dict[str, float]] | None, keys: list[str]
) -> list[dict[str, list[Any]]]:
    # Every word of the pages with the pages holding it, in buckets of about BUCKET_BYTES by the word's key.
    # Each word's pages and scores, as arrays: at 10,000 articles, a tuple of two numbers a posting took 300 MB.
    postings: dict[str, tuple[array[int], array[float]]] = defaultdict(lambda: (array("i"), array("d")))
    for number, docs in enumerate(pages):
        for word, score in _kept_words(docs, separator, kept, keys[number] if keys else "").items():
            numbers, scores = postings[word]
            numbers.append(number)
            scores.append(score)
    entries, size = {}, 0
    for word, found in sorted(postings.items()):
        entries[word], length = _entry(*found, len(pages))
        size += len(word) + length + 4  # "word":entry, as the bucket's JSON holds it
    del postings
    buckets: list[dict[str, list[Any]]] = [{} for _ in range(max(1, math.ceil(size / BUCKET_BYTES)))]
    for word, entry in entries.items():
        buckets[bucket_of(word_key(word), len(buckets))][word] = entry
    return buckets


def all_documents(site_dir: Path) -> dict[str, Any]:
    """The whole search index of a built site, core and shards, as Material's plugin wrote it (order aside).

    Args:
        site_dir: The built site.

    Returns:
        `{"config", "docs"}`, the docs of the core first, then each sharded page's.
    """
    search = site_dir / "search"
    index: dict[str, Any] = json.loads((search / _INDEX).read_text(encoding="utf-8"))
    shards = index["config"].get(CONFIG_KEY)
    if shards:
        for number in range(shards["pages"]):
            index["docs"] += json.loads((search / PAGES_DIR / f"{number}.json").read_text(encoding="utf-8"))
    return index


def index_words(text: str, separator: re.Pattern[str]) -> Iterator[str]:
    """The words Lunr indexes in a document's field, as Material's worker tokenises it.

    HTML tags are skipped, the text between them split by the separator and
    lowercased; Lunr's stop words are dropped.

    Args:
        text: A document's title or text (HTML).
        separator: The configured separator, compiled as JavaScript reads it
            (see `_separator`).
    """
    for block in _TAG.split(text):
        for token in separator.split(block):
            word = token.lower()
            if word and word not in STOP_WORDS:
                yield word


def word_key(word: str) -> str:
    """The first two UTF-16 code units of a word: what a query word must share with it (as JavaScript slices)."""
    units = word.encode("utf-16-le")[:4]
    return units.decode("utf-16-le", errors="surrogatepass")


def bucket_of(key: str, buckets: int) -> int:
    """The bucket of a word key: FNV-1a over its UTF-16 code units, modulo the number of buckets.

    The worker (`newsguide-search.js`) computes the same.
    """
    value = 0x811C9DC5
    data = key.encode("utf-16-le", errors="surrogatepass")
    for index in range(0, len(data), 2):
        value ^= data[index] | data[index + 1] << 8
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value % buckets


# Helpers ---------------------------------------------------------------------


def _separator(pattern: str) -> re.Pattern[str]:
    # The separator as JavaScript reads it: `\b` between ASCII word characters only.
    return re.compile(pattern.replace(r"\b", _JS_WORD_BOUNDARY))


def _page_words(docs: list[dict[str, Any]], separator: re.Pattern[str]) -> dict[str, float]:
    # Every word of a page's documents, scored: in a title first, then how often for the page's length.
    counts: Counter[str] = Counter()
    titled: set[str] = set()
    for doc in docs:
        title = list(index_words(doc.get("title", ""), separator))
        titled.update(title)
        counts.update(title)
        counts.update(index_words(doc.get("text", ""), separator))
        for tag in doc.get("tags") or []:
            counts.update(index_words(str(tag), separator))
    length = math.sqrt(sum(counts.values()) or 1)
    boost = float(docs[0].get("boost", 1))
    return {word: boost * ((word in titled) * 100 + count / length) for word, count in counts.items()}


def _kept_words(
    docs: list[dict[str, Any]], separator: re.Pattern[str], kept: Store[dict[str, float]] | None, key: str
) -> dict[str, float]:
    # A page's scored words: kept from an earlier build whose documents, separator and engine were the same.
    if kept is None:
        return _page_words(docs, separator)
    words = kept.get(key)
    if words is None:
        words = _page_words(docs, separator)
        kept.put(key, words)
    return words


def _entry(found: Sequence[int], scores: Sequence[float], pages: int) -> tuple[list[Any], int]:
    # [best page ids, all page ids], and the length of its JSON: all as a delta-coded list, or a base64 bitmap
    # when that is shorter.
    ranked = sorted(zip(map(operator.neg, scores), found, strict=True))  # best score first, then lowest id
    best = [number for _, number in ranked[:BEST]]
    numbers = sorted(found)
    deltas = [numbers[0], *(b - a for a, b in itertools.pairwise(numbers))]
    bitmap = bytearray((pages + 7) // 8)
    for number in numbers:
        bitmap[number >> 3] |= 1 << (number & 7)
    encoded = base64.b64encode(bytes(bitmap)).decode("ascii")
    listed = _numbers_length(deltas)
    if len(encoded) + 2 < listed:
        return [best, encoded], 3 + _numbers_length(best) + len(encoded) + 2
    return [best, deltas], 3 + _numbers_length(best) + listed


def _numbers_length(numbers: Sequence[int]) -> int:
    # The length of a non-empty list of whole numbers in compact JSON ("[1,22,3]"), without writing it.
    return len(numbers) + 1 + sum(map(len, map(str, numbers)))


def _dump(value: object) -> str:
    # Compact JSON, as the shards are written.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
