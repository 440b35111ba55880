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
split again. While serving, the last split's buckets are kept too, with each
sharded page's key (`WordIndex`): the next split, of the same pages, works out
again only the words of the pages that changed, and rewrites only the buckets
holding them; a term's or a theme's edit, which leaves the articles as they
were, splits nothing again.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .cache import Store
from .site_folder import SiteFolder
from .sitemaps import page_stem
from .version import ENGINE_VERSION

__all__ = [
    "BUCKET_BYTES",
    "PAGE_LIMIT",
    "SearchSplit",
    "WordIndex",
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
#: JavaScript's `\b` knows ASCII word characters only, as Python's does in an ASCII group: one test, where
#: lookarounds made splitting every page's text take twice as long.
_JS_WORD_BOUNDARY = r"(?a:\b)"


@dataclass(frozen=True)
class WordIndex:
    """A split's word buckets, with the pages they were made from: what the next split starts from while serving.

    Attributes:
        pages: Each sharded page's location, by page id.
        keys: Each sharded page's key (a digest of its documents), by page id.
        buckets: The word buckets (see `SearchSplit`).
        size: The buckets' size as their number was worked out from (about
            their JSON's length).
        texts: Each bucket's JSON as written, once it was (None before):
            a bucket the next split leaves as it was is not written out again.
    """

    pages: tuple[str, ...]
    keys: tuple[str, ...]
    buckets: list[dict[str, list[Any]]]
    size: int
    texts: list[str | None] = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class SearchSplit:
    """Material's search index, split: what `shard_search_index` writes.

    Attributes:
        core: The index Material fetches: its `config` (with the shards'
            description under `CONFIG_KEY`) and the core documents.
        pages: The documents of each sharded page, by page id.
        buckets: The words of the sharded pages, by bucket: word → [best page
            ids, all page ids (delta-coded list, or base64 bitmap)].
        words: The buckets with the pages' keys, for the next split (None
            when the pages' words were not kept).
        texts: Each sharded page's documents as JSON, as written.
    """

    core: dict[str, Any]
    pages: list[list[dict[str, Any]]]
    buckets: list[dict[str, list[Any]]]
    words: WordIndex | None = field(default=None, compare=False)
    texts: list[str] = field(default_factory=list, compare=False)


class KeptSearch(Protocol):
    """What earlier builds kept for splitting the index (the page cache has it).

    Attributes:
        words: Each page's scored words, by a key of its documents.
        word_index: The last split's words (`WordIndex`), kept in memory while
            serving, where the next split is of the same pages, one or none of
            them changed; None otherwise.
        serving: Whether to keep `word_index`.
    """

    words: Store[dict[str, float]]
    word_index: WordIndex | None
    serving: bool


def shard_search_index(
    site_dir: Path,
    sharded_sources: Collection[str],
    built: Any = None,
    kept: KeptSearch | None = None,
    write: Callable[[bytes, str], None] | None = None,
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
        write: Writes bytes to a path (`SiteFolder.write`), leaving the
            shards of the last build where they are, for the caller to remove
            those it did not write again. Without it the last build's shards
            are removed first.
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
    words, last = (kept.words, kept.word_index) if kept is not None else (None, None)
    split = split_search_index(index, lambda location: page_stem(location) in stems, words, last)
    if kept is not None and kept.serving:
        kept.word_index = split.words
    if write is None:
        write = SiteFolder().write
        for folder in (WORDS_DIR, PAGES_DIR):
            shutil.rmtree(search / folder, ignore_errors=True)
    # Each shard is serialised once (a bucket the last split wrote, not again), to be written and to be counted
    # in the version the core names last.
    kept_texts: list[str | None] = split.words.texts if split.words is not None else [None] * len(split.buckets)
    buckets = [text or _dump(bucket) for text, bucket in zip(kept_texts, split.buckets, strict=True)]
    kept_texts[:] = buckets
    hashed = hashlib.sha256()
    for folder, written in ((PAGES_DIR, split.texts), (WORDS_DIR, buckets)):
        for number, text in enumerate(written):
            hashed.update(text.encode("utf-8"))
            write(text.encode("utf-8"), str(search / folder / f"{number}.json"))
    split.core["config"][CONFIG_KEY]["version"] = hashed.hexdigest()[:12]
    write(_dump(split.core).encode("utf-8"), str(path))
    return split


def split_search_index(
    index: Mapping[str, Any],
    sharded: Callable[[str], bool],
    kept: Store[dict[str, float]] | None = None,
    last: WordIndex | None = None,
) -> SearchSplit:
    """Split a search index (Material's `{"config", "docs"}`) into core, pages and word buckets.

    Args:
        index: The index Material's search plugin writes.
        sharded: Whether the page at a location (without `#section`) goes to
            shards; pages of search boost below 1 always do.
        kept: Pages' scored words from earlier builds, by key; new ones are added.
        last: The word index of the last split (with `kept`): when its pages
            are these, only the words of the pages whose documents changed are
            worked out again.

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
    texts = [_dump(docs) for docs in pages]
    words: WordIndex | None = None
    if kept is not None:
        keys = tuple(_page_key(text, separator) for text in texts)
        if last is not None and last.pages == tuple(by_page):
            words = _split_again(last, keys, pages, separator, kept)
        if words is None:
            buckets, size = _buckets(pages, separator, kept, keys)
            words = WordIndex(tuple(by_page), keys, buckets, size, [None] * len(buckets))
        buckets = words.buckets
    else:
        buckets, _ = _buckets(pages, separator, None, ())
    config[CONFIG_KEY] = {"pages": len(pages), "buckets": len(buckets), "limit": PAGE_LIMIT, "version": ""}
    return SearchSplit({**index, "config": config, "docs": core}, pages, buckets, words, texts)


def _page_key(text: str, separator: re.Pattern[str]) -> str:
    # The key of a page's scored words: its documents (as written), the separator and the engine's version.
    return hashlib.sha256(f"{ENGINE_VERSION}\0{separator.pattern}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


def _buckets(
    pages: list[list[dict[str, Any]]],
    separator: re.Pattern[str],
    kept: Store[dict[str, float]] | None,
    keys: Sequence[str],
) -> tuple[list[dict[str, list[Any]]], int]:
    # Every word of the pages with the pages holding it, in buckets of about BUCKET_BYTES by the word's key; and
    # the size they were counted by. Each word's pages and scores, as arrays: at 10,000 articles, a tuple of two
    # numbers a posting took 300 MB.
    postings: dict[str, tuple[array[int], array[float]]] = defaultdict(lambda: (array("i"), array("d")))
    for number, docs in enumerate(pages):
        for word, score in _kept_words(docs, separator, kept, keys[number] if keys else "").items():
            numbers, scores = postings[word]
            numbers.append(number)
            scores.append(score)
    entries, size = {}, 0
    for word, found in sorted(postings.items()):
        entries[word] = entry = _entry(*found, len(pages))
        size += _counted(word, entry)
    del postings
    buckets: list[dict[str, list[Any]]] = [{} for _ in range(_bucket_count(size))]
    for word, entry in entries.items():
        buckets[bucket_of(word_key(word), len(buckets))][word] = entry
    return buckets, size


def _split_again(
    last: WordIndex,
    keys: tuple[str, ...],
    pages: list[list[dict[str, Any]]],
    separator: re.Pattern[str],
    kept: Store[dict[str, float]],
) -> WordIndex | None:
    # The last split's buckets with the words of the pages whose key changed worked out again (the same buckets a
    # whole split gives), or None when too many pages changed or a page's kept words are gone.
    changed = [number for number, (old, new) in enumerate(zip(last.keys, keys, strict=True)) if old != new]
    if len(changed) > max(1, len(keys) // 8):  # a whole split is as quick
        return None
    for key in keys:  # not all read, but still the pages' words: kept for the next split that needs them
        kept.keep(key)
    if not changed:
        return WordIndex(last.pages, keys, last.buckets, last.size, last.texts)
    before = [words for number in changed if (words := kept.get(last.keys[number], count=False)) is not None]
    if len(before) < len(changed):
        return None
    after = {number: _kept_words(pages[number], separator, kept, keys[number]) for number in changed}
    held = dict(after)

    def score(word: str, number: int) -> float:
        # A word's score on a page: from the page's new words if it changed, else from its kept words.
        if number not in held:
            if (words := kept.get(keys[number], count=False)) is None:
                raise LookupError(keys[number])
            held[number] = words
        return held[number][word]

    size, count = last.size, len(last.buckets)
    entries: dict[str, list[Any] | None] = {}
    try:
        for word in sorted(set().union(*before, *after.values())):
            entry = last.buckets[bucket_of(word_key(word), count)].get(word)
            if entry is not None and _unchanged(entry, word, after, score):
                continue
            found = set(_members(entry[1], len(keys))) if entry is not None else set()
            found.difference_update(changed)
            found.update(number for number in changed if word in after[number])
            numbers = sorted(found)
            entries[word] = _entry(numbers, [score(word, n) for n in numbers], len(keys)) if numbers else None
            size += _counted(word, entries[word]) - _counted(word, entry)
    except LookupError:  # an unchanged page's kept words are gone
        return None
    buckets = list(last.buckets)
    if _bucket_count(size) != count:  # the words are spread over another number of buckets
        every = {word: entry for bucket in last.buckets for word, entry in bucket.items()} | entries
        buckets = [{} for _ in range(_bucket_count(size))]
        for word, entry in sorted(every.items()):
            if entry is not None:
                buckets[bucket_of(word_key(word), len(buckets))][word] = entry
        return WordIndex(last.pages, keys, buckets, size, [None] * len(buckets))
    grown: set[int] = set()
    for word, entry in entries.items():
        number = bucket_of(word_key(word), count)
        if buckets[number] is last.buckets[number]:
            buckets[number] = dict(buckets[number])  # the last split's buckets stay as they were
        if entry is None:
            buckets[number].pop(word, None)
        else:
            if word not in buckets[number]:
                grown.add(number)
            buckets[number][word] = entry
    for number in grown:  # words in order, as a whole split writes them
        buckets[number] = dict(sorted(buckets[number].items()))
    texts = [text if buckets[number] is last.buckets[number] else None for number, text in enumerate(last.texts)]
    return WordIndex(last.pages, keys, buckets, size, texts)


def _unchanged(
    entry: list[Any], word: str, after: dict[int, dict[str, float]], score: Callable[[str, int], float]
) -> bool:
    # Whether a word's entry stays as it is: the changed pages (`after`) hold it as they did, none was or is
    # among its best pages.
    best, every = entry
    if len(best) < BEST or any(number in best for number in after):
        return False
    bar = (-score(word, best[-1]), best[-1])  # the last best page's rank
    for number, words in after.items():
        if (word in words) != _holds(every, number) or (word in words and (-words[word], number) < bar):
            return False
    return True


def _holds(every: str | list[int], number: int) -> bool:
    # Whether an entry's list of all its pages holds a page.
    if isinstance(every, str):
        bits = base64.b64decode(every)
        return bool(bits[number >> 3] >> (number & 7) & 1)
    return number in itertools.accumulate(every)


def _members(every: str | list[int], pages: int) -> list[int]:
    # The page ids an entry lists in all, decoded from its delta-coded list or base64 bitmap.
    if isinstance(every, str):
        bits = base64.b64decode(every)
        return [number for number in range(pages) if bits[number >> 3] >> (number & 7) & 1]
    return list(itertools.accumulate(every))


def _counted(word: str, entry: list[Any] | None) -> int:
    # What a word's entry adds to its bucket's size: `"word":entry,` as the bucket's JSON holds it (0 for none).
    return 0 if entry is None else len(word) + _entry_length(entry) + 4


def _bucket_count(size: int) -> int:
    # How many buckets words of this size fill.
    return max(1, math.ceil(size / BUCKET_BYTES))


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


def _entry(found: Sequence[int], scores: Sequence[float], pages: int) -> list[Any]:
    # [best page ids, all page ids]: all as a delta-coded list, or a base64 bitmap when that is shorter.
    ranked = sorted(zip(map(operator.neg, scores), found, strict=True))  # best score first, then lowest id
    best = [number for _, number in ranked[:BEST]]
    numbers = sorted(found)
    deltas = [numbers[0], *(b - a for a, b in itertools.pairwise(numbers))]
    bitmap = bytearray((pages + 7) // 8)
    for number in numbers:
        bitmap[number >> 3] |= 1 << (number & 7)
    encoded = base64.b64encode(bytes(bitmap)).decode("ascii")
    return [best, encoded] if len(encoded) + 2 < _numbers_length(deltas) else [best, deltas]


def _entry_length(entry: list[Any]) -> int:
    # The length of an entry's compact JSON, without writing it.
    best, every = entry
    return 3 + _numbers_length(best) + (len(every) + 2 if isinstance(every, str) else _numbers_length(every))


def _numbers_length(numbers: Sequence[int]) -> int:
    # The length of a non-empty list of whole numbers in compact JSON ("[1,22,3]"), without writing it.
    return len(numbers) + 1 + sum(map(len, map(str, numbers)))


def _dump(value: object) -> str:
    # Compact JSON, as the shards are written.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
