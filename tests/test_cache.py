"""The build cache: a warm build publishes byte for byte the site a cold build publishes."""

from __future__ import annotations

import pickle
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsguide.cache import CACHE_DIR, DATABASE, Cache, Store
from newsguide.corpus import load_corpus
from newsguide.render import glossary
from newsguide.site import build_site
from tests.benchmark import make_hooked_project, seed_sentences, synthetic_corpus
from tests.sitebuild import build


def _site_files(site: Path) -> dict[str, bytes]:
    # Every file of a built site but the gzipped sitemap (gzip writes the time), by path.
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name != "sitemap.xml.gz"
    }


def _entries(folder: Path) -> list[tuple[str, str, bytes]]:
    # The entries of a store's database: key, layout, value.
    if not (folder / DATABASE).is_file():
        return []
    with sqlite3.connect(folder / DATABASE) as database:
        return database.execute("SELECT key, layout, value FROM entries ORDER BY key").fetchall()


def _cold(project: Path, site: Path) -> dict[str, bytes]:
    # A build with no cache at all.
    shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
    built = build(project, site=site)
    assert built.returncode == 0, built.output
    return _site_files(site)


def _warm(project: Path, site: Path) -> dict[str, bytes]:
    # A build that finds the cache the last build left.
    assert _entries(project / CACHE_DIR), "the last build kept its analyses"
    built = build(project, site=site)
    assert built.returncode == 0, built.output
    return _site_files(site)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hooked_project(tmp_path_factory.mktemp("cache"), synthetic_corpus(12, seed_sentences()))


@pytest.mark.build
def test_a_warm_build_is_the_cold_build_byte_for_byte(project: Path, tmp_path: Path) -> None:
    cold = _cold(project, tmp_path / "cold")
    assert len(_entries(project / CACHE_DIR)) == 12
    assert _warm(project, tmp_path / "warm") == cold


@pytest.mark.build
@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        ("seeds/article-0003.txt", "\n\n", "\n\nThe tariff war with Japan and the RCEP came up again.\n\n"),
        ("docs/themes/economics.md", "vocabulary:\n", "vocabulary:\n  - ministers\n"),
        ("docs/glossary/rcep.md", "aliases:\n", "aliases:\n  - foreign ministers\n"),
        ("docs/glossary/rcep.md", "India took part", "India, at first, took part"),
        ("docs/glossary/asean.md", "  zh: 东南亚国家联盟", "  zh: 东盟"),
        ("docs/themes/economics.md", "title: Economics & trade", "title: Economics, trade & money"),
        ("hooks/templates/main.html", "{#-", "<!-- a template edit -->\n{#-"),
        ("mkdocs.yml", "copyright: Articles", "copyright: All articles"),
        ("CONTRIBUTING.md", "## What lives where", "## Where things live"),
    ],
    ids=[
        "article",
        "theme",
        "term",
        "term definition",
        "term names",
        "sidebar title",
        "template",
        "settings",
        "included file",
    ],
)
def test_after_an_edit_the_warm_build_is_the_cold_build(
    project: Path, tmp_path: Path, path: str, old: str, new: str
) -> None:
    before = _cold(project, tmp_path / "site")  # leaves the cache of the files before the edit
    file = project / path
    original = file.read_text(encoding="utf-8")
    assert old in original, f"{path} no longer holds {old!r}: update the test"
    try:
        file.write_text(original.replace(old, new, 1), encoding="utf-8")
        warm = _warm(project, tmp_path / "site")  # into the same folder, as a contributor builds again
        assert warm != before, "the edit changed the site"
        assert warm == _cold(project, tmp_path / "cold")
    finally:
        file.write_text(original, encoding="utf-8")


def test_a_damaged_or_foreign_entry_is_recomputed_not_trusted(tmp_path: Path) -> None:
    project = make_hooked_project(tmp_path, synthetic_corpus(3, seed_sentences()))
    cache = Cache(project / CACHE_DIR)
    expected = build_site(project, cache=cache)
    cache.close()
    entries = _entries(project / CACHE_DIR)
    assert len(entries) == 3
    (first, _, _), (second, _, _), (third, _, value) = entries
    other = pickle.loads(value)
    with sqlite3.connect(project / CACHE_DIR / DATABASE) as database:
        database.execute("UPDATE entries SET value = ? WHERE key = ?", (b"not a pickle", first))
        database.execute("UPDATE entries SET layout = 'newsguide-analysis-0' WHERE key = ?", (second,))
        foreign = pickle.dumps(("0" * 64, other[1]))  # an entry under another key
        database.execute("UPDATE entries SET value = ? WHERE key = ?", (foreign, third))
    fresh = Cache(project / CACHE_DIR)
    again = build_site(project, cache=fresh)
    assert (again.kept, again.computed) == (0, 3)
    assert [page.markdown for page in again.pages] == [page.markdown for page in expected.pages]
    assert again.data == expected.data
    assert (build_site(project, cache=Cache(project / CACHE_DIR)).kept, fresh.hits) == (3, 0)


def test_a_file_that_is_no_database_is_made_anew(tmp_path: Path) -> None:
    project = make_hooked_project(tmp_path, synthetic_corpus(2, seed_sentences()))
    (project / CACHE_DIR).mkdir(parents=True)
    (project / CACHE_DIR / DATABASE).write_bytes(b"a cache from elsewhere, not SQLite" * 100)
    first = build_site(project, cache=Cache(project / CACHE_DIR))
    assert (first.kept, first.computed) == (0, 2)
    assert len(_entries(project / CACHE_DIR)) == 2
    assert build_site(project, cache=Cache(project / CACHE_DIR)).kept == 2


def test_memory_keeps_analyses_between_builds_and_forgets_unused_ones(tmp_path: Path) -> None:
    project = make_hooked_project(tmp_path, synthetic_corpus(3, seed_sentences()))
    cache = Cache()  # memory only, as `mkdocs serve` keeps it between rebuilds
    assert build_site(project, cache=cache).computed == 3
    seed = project / "seeds" / "article-0002.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nOne more paragraph on Japan.\n", encoding="utf-8")
    site = build_site(project, cache=cache)
    assert (site.kept, site.computed) == (2, 1)
    assert len(cache._memory) == 3  # the old analysis of the edited article is gone
    assert not (project / CACHE_DIR).exists()
    assert load_corpus(project).analyses.keys() == site.corpus.analyses.keys()


def test_serving_keeps_the_entries_of_lists_made_again_and_they_make_the_same_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # While serving, a term's list of mentions that an edit makes again keeps each article's entry: the next edit
    # of the same article makes only its own entries again, also after a rebuild that made no list again (an edit
    # elsewhere). The first build keeps none.
    project = make_hooked_project(tmp_path, synthetic_corpus(6, seed_sentences()))
    made: list[str] = []
    make_entry = glossary._mention_entry

    def counted(*args: Any) -> str:
        made.append(args[2])  # the article's slug
        return make_entry(*args)

    monkeypatch.setattr(glossary, "_mention_entry", counted)
    cache = Cache()  # memory only, as `mkdocs serve` keeps it between rebuilds
    build_site(project, cache=cache)
    assert cache.entries is not None and not cache.entries._memory and made
    seed = project / "seeds" / "article-0002.txt"
    for number in range(2):
        made.clear()
        text = seed.read_text(encoding="utf-8")
        edit = f"\n\nJapan and China met, {number}.\n\nAuthor: "
        seed.write_text(text.replace("\n\nAuthor: ", edit, 1), encoding="utf-8")
        site = build_site(project, cache=cache)
        entries = set(made)
        made_again = {page.path: page.markdown for page in site.pages}  # its lists: theme, term, figures, dates
        assert made_again == {page.path: page.markdown for page in build_site(project).pages}
        assert "article-0002" in entries and cache.entries._memory
        if number == 1:  # the other articles' entries are taken; the edited article's are made again
            assert entries == {"article-0002"}
        else:
            assert len(entries) > 1
            build_site(project, cache=cache)  # as after an edit elsewhere: every list is taken whole


def test_a_store_keeps_values_through_as_many_builds_not_using_them_as_it_is_told(tmp_path: Path) -> None:
    once, often = Store(None, str, "test"), Store(None, str, "test", builds=3)
    for store in (once, often):
        store.put("a", "kept")
        store.prune()
        store.prune()  # a build that did not use "a"
    assert once.get("a") is None and often.get("a") == "kept"
    for _ in range(4):  # the build whose `get` above used it ends, then three that do not
        often.prune()
    assert often.get("a") is None


def _kept(project: Path, site: Path) -> dict[str, int]:
    # A build's count of pages taken from the page cache and made anew, from its debug log.
    built = build(project, site=site, verbose=True)
    assert built.returncode == 0, built.output
    found = re.search(
        r"pages kept: (\d+) converted, (\d+) converted anew; (\d+) rendered, (\d+) rendered anew, "
        r"of which (\d+) searched as before, (\d+) indexed anew",
        built.output,
    )
    assert found, built.output
    names = ("converted", "converted anew", "rendered", "rendered anew", "searched as before", "indexed anew")
    return dict(zip(names, map(int, found.groups()), strict=True))


@pytest.mark.build
def test_a_warm_build_takes_unchanged_pages_as_kept(project: Path, tmp_path: Path) -> None:
    _cold(project, tmp_path / "cold")
    pages = len(list((tmp_path / "cold").rglob("*.html"))) - 1  # 404.html is not a page
    article = (tmp_path / "cold" / "articles" / "article-0005" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?) - ", article)
    assert title and f"<h1>{title[1]}</h1>" in article  # a page let go of its Markdown keeps its title
    again = _kept(project, tmp_path / "warm")
    # Every page keeps its conversion: the API reference too (the engine's and the adapter's files are in
    # every key), and the page including CONTRIBUTING.md by a snippet (its text is in the key); every page
    # keeps its whole HTML.
    assert again == {
        "converted": pages,
        "converted anew": 0,
        "rendered": pages,
        "rendered anew": 0,
        "searched as before": 0,
        "indexed anew": 0,
    }
    seed = project / "seeds" / "article-0005.txt"
    original = seed.read_text(encoding="utf-8")
    try:
        assert "\n\nAuthor: " in original, "the synthetic seed has an author note: update the test"
        edited_text = original.replace("\n\nAuthor: ", "\n\nJapan and China met on trade again.\n\nAuthor: ", 1)
        seed.write_text(edited_text, encoding="utf-8")  # a new last paragraph of the body
        edited = _kept(project, tmp_path / "edited")
    finally:
        seed.write_text(original, encoding="utf-8")
    assert 0 < edited["rendered anew"] < pages / 4, edited  # the article and the lists that quote it
    # The article is indexed anew; the term pages of Japan and China and the theme pages quote the new
    # sentence only in their lists of passages, which search skips: they keep their search entries.
    assert edited["searched as before"] + edited["indexed anew"] == edited["rendered anew"], edited
    assert 1 <= edited["indexed anew"] < edited["rendered anew"] - 2, edited
