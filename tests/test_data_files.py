"""A term's data file, written from its articles' entries, is the JSON of `term_mentions`, also while serving."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from newsguide import data
from newsguide.cache import Cache
from newsguide.corpus import load_corpus
from newsguide.data import data_files, dump, term_mentions, term_mentions_path
from tests.benchmark import seed_sentences, synthetic_corpus
from tests.sitebuild import CORPUS

#: How a term's file writes one article's entry.
term_entry = data._term_entry


def test_term_files_are_their_mentions_dumped_whole_in_a_build_and_in_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cold build writes each entry anew; a rebuild while serving takes the unchanged articles' entries and
    # writes the edited article's: each time, the file is `dump(term_mentions(...))`, byte for byte.
    root = tmp_path / "project"
    shutil.copytree(CORPUS, root, ignore=shutil.ignore_patterns("seeds"))
    (root / "seeds").mkdir()
    for article in synthetic_corpus(6, seed_sentences()):
        (root / "seeds" / f"{article.name}.txt").write_text(article.seed_text(), encoding="utf-8")
    cache = Cache(None, memory=True)
    seed = sorted((root / "seeds").glob("*.txt"))[2]
    checked, written = 0, list[tuple[Any, ...]]()

    def counted(*args: Any) -> str:
        written.append(args)
        return term_entry(*args)

    monkeypatch.setattr(data, "_term_entry", counted)
    for edit in ("", "\n\nRCEP and APEC were named again in Tokyo.\n", "\n\nThe RCEP came up once more.\n"):
        text = seed.read_text(encoding="utf-8")
        seed.write_text(text.replace("\n\nAuthor: ", f"{edit}\n\nAuthor: ", 1), encoding="utf-8")
        corpus = load_corpus(root, cache)
        files = data_files(corpus)
        for term in corpus.terms:
            expected = term_mentions(corpus, term.slug)
            assert files[term_mentions_path(term.slug)] == dump(expected)
            assert json.loads(files[term_mentions_path(term.slug)]) == expected
            checked += bool(expected["articles"])
        cache.prune()
        entries = sum(len(corpus.mentions_in[term.slug]) for term in corpus.terms)
        assert 0 < len(written) < entries if edit else len(written) == entries, "a rebuild writes the edited article's"
        written.clear()
    assert checked, "the fixture's terms are mentioned"
