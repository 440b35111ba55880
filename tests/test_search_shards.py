"""The search index split into a core and shards (`newsguide.search_shards`), on a fixture index and a built site."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from newsguide.cache import Store
from newsguide.search_shards import (
    BEST,
    BUCKET_BYTES,
    CONFIG_KEY,
    STOP_WORDS,
    SearchSplit,
    _entry,
    _entry_length,
    _separator,
    all_documents,
    bucket_of,
    index_words,
    shard_search_index,
    split_search_index,
    word_key,
)
from tests.sitebuild import ROOT, Build

SEPARATOR = re.search(r"separator: '(.*)'$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
SEPARATOR_TEXT = SEPARATOR.group(1).replace("''", "'") if SEPARATOR else r"\s+"
CONFIG: dict[str, Any] = {
    "lang": ["en"],
    "separator": SEPARATOR_TEXT,
    "pipeline": ["stopWordFilter"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
}
WORDS = [
    *("trilateral", "summit", "RCEP", "ASEAN+1", "low-carbon", "U.S.-China", "tariff"),
    *("visa", "exchange", "youth", "Busan", "Tokyo", "Seoul"),
]


def _index(articles: int = 120) -> dict[str, Any]:
    # A home page, a term page, a reference page and `articles` articles (each with a section), as Material writes them.
    docs: list[dict[str, Any]] = [
        {"location": "", "title": "Home", "text": "<p>Welcome</p>"},
        {"location": "glossary/rcep/", "title": "RCEP", "text": "<p>The RCEP.</p>", "boost": 10},
        {"location": "reference/figures/", "title": "figures", "text": "<code>extract_figures</code>", "boost": 0.1},
    ]
    for number in range(articles):
        words = " ".join(WORDS[(number + k) % len(WORDS)] for k in range(4))
        docs.append({"location": f"articles/a{number}/", "title": f"Article {number}", "text": f"<p>{words}</p>"})
        text = f"<p>The {'unique' if number == articles - 1 else 'common'} {WORDS[number % len(WORDS)]}.</p>"
        docs.append({"location": f"articles/a{number}/#more", "title": "More", "text": text})
    docs.append({"location": "articles/a7/#late", "title": "Zanzibar 经济伙伴关系", "text": "<p>区域\u200b全面</p>"})
    return {"config": CONFIG, "docs": docs}


def _sharded(location: str) -> bool:
    return location.startswith("articles/")


def _members(entry: list[Any], pages: int) -> set[int]:
    # The page ids of a word's entry, decoded as the worker decodes them.
    best, every = entry
    if isinstance(every, str):
        bits = base64.b64decode(every)
        found = {i for i in range(pages) if bits[i >> 3] >> (i & 7) & 1}
    else:
        found, total = set(), 0
        for delta in every:
            total += delta
            found.add(total)
    assert set(best) <= found and len(best) <= BEST
    return found


def test_core_keeps_what_ranks_first_and_shards_hold_the_rest() -> None:
    split = split_search_index(_index(), _sharded)
    assert [d["location"] for d in split.core["docs"]] == ["", "glossary/rcep/"]
    assert split.core["config"][CONFIG_KEY]["pages"] == len(split.pages) == 121  # 120 articles, the reference page
    for docs in split.pages:  # a page's own document first, then its sections, as Material groups them
        page = docs[0]["location"]
        assert "#" not in page and all(d["location"].split("#")[0] == page for d in docs)
    moved = [d for docs in split.pages for d in docs]
    assert len(moved) + len(split.core["docs"]) == len(_index()["docs"])


def test_every_word_of_every_sharded_document_leads_to_its_page() -> None:
    split = split_search_index(_index(), _sharded)
    buckets, separator = split.buckets, _separator(SEPARATOR_TEXT)
    for number, docs in enumerate(split.pages):
        for doc in docs:
            for field in ("title", "text"):
                for word in index_words(doc[field], separator):
                    entry = buckets[bucket_of(word_key(word), len(buckets))][word]
                    assert number in _members(entry, len(split.pages)), (word, doc["location"])


def test_words_are_as_lunr_indexes_them() -> None:
    separator = _separator(SEPARATOR_TEXT)
    html = '<p>The (RCEP) and ASEAN+1, U.S.-China “low-carbon” <a href="x">区域\u200b全面</a></p>'
    words = list(index_words(html, separator))
    assert words == ["rcep", "asean+1", "u.s.", "china", "low", "carbon", "区域", "全面"]
    assert not STOP_WORDS & set(words)
    assert word_key("rcep") == "rc" and word_key("区域全面") == "区域" and word_key("x") == "x"
    assert word_key("😀x") == "😀"  # two UTF-16 code units, as JavaScript's slice(0, 2)
    # `\b` between ASCII word characters only, as in JavaScript (the split from Node, running the same expression).
    written = "éTokyo ÉtéParis camelCase naïveTest Seoul’sSummit"
    javascript = ["éTokyo", "ÉtéParis", "camel", "Case", "naïve", "Test", "Seoul", "s", "Summit"]
    assert separator.split(written) == javascript


def test_bucket_matches_the_worker() -> None:
    # FNV-1a over UTF-16 code units, as newsguide-search.js computes it (values from Node, running the same expression).
    worker = (ROOT / "hooks" / "templates" / "assets" / "javascripts" / "workers" / "newsguide-search.js").read_text()
    assert "0x811c9dc5" in worker and "0x01000193" in worker
    assert bucket_of("rc", 2**32) == 0x5E547EC2
    assert bucket_of("区域", 2**32) == 0x6BF87C36


def test_shards_stay_small_and_dense_words_are_bitmaps() -> None:
    split = split_search_index(_index(2000), _sharded)
    sizes = [len(json.dumps(bucket, ensure_ascii=False, separators=(",", ":"))) for bucket in split.buckets]
    assert len(sizes) > 1 and sum(sizes) / len(sizes) <= BUCKET_BYTES
    everywhere = split.buckets[bucket_of("co", len(split.buckets))]["common"]
    assert isinstance(everywhere[1], str)  # in 1,999 of 2,001 pages: 251 bytes of bitmap, not 2,000 numbers
    rare = split.buckets[bucket_of("un", len(split.buckets))]["unique"]
    assert rare == [[2000], [2000]]  # page 0 is the reference page


@pytest.mark.parametrize("found", [[0], [3, 1, 2], list(range(0, 900, 7)), list(range(1000)), [5, 12345]])
def test_an_entrys_length_is_that_of_its_json(found: list[int]) -> None:
    # The buckets are sized by these lengths, worked out without writing each entry.
    entry = _entry(found, [float(n % 5) for n in found], max(found) + 1)
    assert _entry_length(entry) == len(json.dumps(entry, separators=(",", ":")))


def test_shard_search_index_rewrites_a_built_index_once(tmp_path: Path) -> None:
    search = tmp_path / "search"
    search.mkdir()
    (search / "search_index.json").write_text(json.dumps(_index()), encoding="utf-8")
    split = shard_search_index(tmp_path, {f"articles/a{n}.md" for n in range(120)})
    assert split is not None
    assert shard_search_index(tmp_path, set()) is None  # already split
    whole = all_documents(tmp_path)
    assert sorted(d["location"] for d in whole["docs"]) == sorted(d["location"] for d in _index()["docs"])
    assert len(list((search / "pages").iterdir())) == len(split.pages)
    assert shard_search_index(tmp_path / "nothing", set()) is None


def test_the_index_the_generator_holds_splits_as_the_file_it_wrote(tmp_path: Path) -> None:
    # The adapter hands over Material's in-memory index, so that the file need not be parsed again.
    sources = {f"articles/a{n}.md" for n in range(120)}
    settings = {**_index()["config"], "enabled": True, "min_search_length": 3}  # the plugin's other settings too
    held = SimpleNamespace(config=settings, entries=_index()["docs"])
    for folder in (tmp_path / "file", tmp_path / "memory"):
        (folder / "search").mkdir(parents=True)
        (folder / "search" / "search_index.json").write_text(json.dumps(_index()), encoding="utf-8")
    assert shard_search_index(tmp_path / "file", sources) is not None
    assert shard_search_index(tmp_path / "memory", sources, held) is not None
    written = [{p.relative_to(root): p.read_bytes() for p in root.rglob("*.json")} for root in tmp_path.iterdir()]
    assert written[0] == written[1] and len(written[0]) > 3


def test_kept_words_split_as_words_computed_anew(tmp_path: Path) -> None:
    # A page's words kept by an earlier build are used only while its documents are the same.
    kept: Store[dict[str, float]] = Store(tmp_path, dict, "test")
    fresh = split_search_index(_index(), _sharded)
    assert split_search_index(_index(), _sharded, kept) == fresh
    assert (kept.hits, kept.misses) == (0, 121)
    edited = _index()
    edited["docs"][-2]["text"] = "<p>The edited zanzibar story</p>"  # a section of article 119
    again = Store(tmp_path, dict, "test")  # another process, the same folder
    split = split_search_index(edited, _sharded, again)
    assert (again.hits, again.misses) == (120, 1)
    assert split == split_search_index(edited, _sharded)
    zanzibar = split.buckets[bucket_of("za", len(split.buckets))]["zanzibar"]
    assert _members(zanzibar, len(split.pages)) == {8, 120}  # article 7's late section, and the edit


def test_a_split_again_of_the_same_pages_reuses_the_buckets_when_no_sharded_page_changed() -> None:
    # While serving, a term or theme edit leaves the sharded pages as they were: their words need no new split.
    words: Store[dict[str, float]] = Store(None, dict, "test")
    first = split_search_index(_index(), _sharded, words)
    core = _index()
    core["docs"][0]["text"] = "<p>An edited home page</p>"  # a page of the core: the shards stay
    again = split_search_index(core, _sharded, words, first.words)
    assert again.buckets is first.buckets and (words.hits, words.misses) == (0, 121)
    assert again == split_search_index(core, _sharded)
    words.prune()  # the end of a build: the pages' words stay, though this split did not read them
    edited = _index()
    edited["docs"][-2]["text"] = "<p>The edited zanzibar story</p>"  # a sharded page: its words are split again
    split = split_search_index(edited, _sharded, words, again.words)
    assert (words.hits, words.misses) == (0, 1)  # only the edited page's words are worked out
    assert split == split_search_index(edited, _sharded)
    assert "zanzibar" in split.buckets[bucket_of("za", len(split.buckets))]
    assert split.words is not None and split.words.keys[:-1] == first.words.keys[:-1]


def _edits() -> list[tuple[str, Callable[[list[dict[str, Any]]], None]]]:
    # Edits of sharded pages, each as it changes the index's documents in place.
    def text(number: int, value: str) -> Callable[[list[dict[str, Any]]], None]:
        def edit(docs: list[dict[str, Any]]) -> None:
            docs[3 + 2 * number]["text"] = value

        return edit

    many = " ".join(f"newword{n}x{'y' * (n % 40)}" for n in range(4000))  # enough to need more buckets

    def several(docs: list[dict[str, Any]]) -> None:
        for number in (2, 40, 77):
            docs[3 + 2 * number]["title"] = f"Renamed common {number}"

    return [
        ("a word added to one page", text(5, "<p>zanzibar trilateral</p>")),
        ("every word of a page dropped", text(0, "<p></p>")),
        ("the only page with a word loses it", lambda docs: docs.__setitem__(-2, {**docs[-2], "text": "<p>x</p>"})),
        ("a page's title, so its scores, changes", lambda docs: docs[3].__setitem__("title", "Visa visa exchange")),
        ("the buckets grow in number", text(60, f"<p>{many}</p>")),
        ("several pages", several),
    ]


@pytest.mark.parametrize(("name", "edit"), _edits(), ids=[name for name, _ in _edits()])
def test_a_split_again_after_an_edit_is_the_whole_split(
    name: str, edit: Callable[[list[dict[str, Any]]], None]
) -> None:
    # Only the changed pages' words are worked out again, yet the buckets are those a split from nothing gives,
    # also when the edit changes their number, and again when it is undone.
    words: Store[dict[str, float]] = Store(None, dict, "test")
    first = split_search_index(_index(), _sharded, words)
    edited = _index()
    edit(edited["docs"])
    split = split_search_index(edited, _sharded, words, first.words)
    assert _written(split) == _written(split_search_index(edited, _sharded))  # as written: words in the same order
    assert words.hits == 0  # no unchanged page's words were read as a whole split reads them
    whole = split_search_index(edited, _sharded, Store(None, dict, "another"))
    assert split.words is not None and whole.words is not None and split.words.size == whole.words.size
    back = split_search_index(_index(), _sharded, words, split.words)
    assert _written(back) == _written(first) and back.words is not None and back.words.size == first.words.size


def _written(split: SearchSplit) -> list[str]:
    # The shards as `shard_search_index` writes them: order counts.
    return [json.dumps(shard, ensure_ascii=False, separators=(",", ":")) for shard in [*split.pages, *split.buckets]]


def test_a_split_of_other_pages_starts_from_nothing() -> None:
    # An article added or removed renumbers the pages: the last split's buckets are not used.
    words: Store[dict[str, float]] = Store(None, dict, "test")
    first = split_search_index(_index(), _sharded, words)
    fewer = split_search_index(_index(119), _sharded, words, first.words)
    assert fewer == split_search_index(_index(119), _sharded)
    assert fewer.words is not None and len(fewer.words.keys) == len(first.words.keys) - 1


@pytest.mark.parametrize("location", ["articles/a1/", "articles/a1.html", "articles/a1/index.html"])
def test_sharded_pages_are_found_with_or_without_directory_urls(tmp_path: Path, location: str) -> None:
    index = {"config": CONFIG, "docs": [{"location": location, "title": "A", "text": "x"}]}
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    split = shard_search_index(tmp_path, {"articles/a1.md"})
    assert split is not None and not split.core["docs"] and len(split.pages) == 1


def test_built_site_keeps_a_small_core(site: Build) -> None:
    core = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {d["location"].split("#")[0] for d in core["docs"]}
    assert "glossary/rcep/" in pages and "" in pages
    assert not any(p.startswith(("articles/china", "reference/")) for p in pages)
    assert core["config"][CONFIG_KEY]["pages"] > 0


def test_shards_written_again_while_serving_are_those_written_from_nothing(tmp_path: Path) -> None:
    # While serving, buckets the next split leaves as they were are written from their kept JSON: every file is
    # still the one a split from nothing writes, after an edit of a sharded page and of a core page.
    kept = SimpleNamespace(words=Store(None, dict, "test"), word_index=None, serving=True)
    sources = {f"articles/a{n}.md" for n in range(120)}
    edited = _index()
    edited["docs"][-2]["text"] = "<p>The edited zanzibar story</p>"
    core = _index()
    core["docs"][0]["text"] = "<p>An edited home page</p>"
    for number, index in enumerate([_index(), edited, core]):
        for name, remembered in (("served", kept), ("fresh", None)):
            (tmp_path / f"{name}{number}" / "search").mkdir(parents=True)
            (tmp_path / f"{name}{number}" / "search" / "search_index.json").write_text(json.dumps(index))
            assert shard_search_index(tmp_path / f"{name}{number}", sources, None, remembered) is not None
        served, fresh = (tmp_path / f"{name}{number}" for name in ("served", "fresh"))
        written = [{p.relative_to(root): p.read_bytes() for p in root.rglob("*.json")} for root in (served, fresh)]
        assert written[0] == written[1] and len(written[0]) > 100
    assert kept.word_index is not None and None not in kept.word_index.texts
