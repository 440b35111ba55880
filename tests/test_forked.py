"""Figures and the timeline found in a forked child: the same as found in-process, and safe when forking fails."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from newsguide import corpus as corpus_module
from newsguide import forked
from newsguide.corpus import Corpus, load_corpus
from newsguide.model import Quote
from tests.benchmark import make_hooked_project, seed_sentences, synthetic_corpus
from tests.sitebuild import ROOT

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is not available here")


@pytest.fixture(scope="module")
def synthetic_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hooked_project(tmp_path_factory.mktemp("forked"), synthetic_corpus(100, seed_sentences()))


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    # Record the id of every child forked; after the test, none may be left to reap (no zombie).
    real_fork = os.fork
    children: list[int] = []

    def fork() -> int:
        pid = real_fork()
        children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    yield children
    for pid in children:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def _load(root: Path, monkeypatch: pytest.MonkeyPatch, *, fork_from: int) -> Corpus:
    monkeypatch.setattr(corpus_module, "FORK_FROM_ARTICLES", fork_from)
    return load_corpus(root)


def _described(corpus: Corpus, quotes: Sequence[Quote]) -> list[tuple[object, ...]]:
    # Each quote's words, place and fields; its article, paragraph and sentence must be the corpus's own objects.
    described: list[tuple[object, ...]] = []
    for quote in quotes:
        index = next(i for i, article in enumerate(corpus.articles) if article is quote.article)
        paragraph = next(i for i, paragraph in enumerate(quote.article.body) if paragraph is quote.paragraph)
        sentence = next(i for i, sentence in enumerate(quote.paragraph.sentences) if sentence is quote.sentence)
        fields = {
            name: value for name, value in vars(quote).items() if name not in {"article", "paragraph", "sentence"}
        }
        kind = fields.pop("kind", None)
        described.append((index, paragraph, sentence, getattr(kind, "slug", None), sorted(fields.items())))
    return described


@needs_fork
@pytest.mark.parametrize("project", ["seed", "synthetic"])
def test_forked_child_finds_what_the_parent_would(
    project: str, synthetic_root: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    root = ROOT if project == "seed" else synthetic_root
    in_process = _load(root, monkeypatch, fork_from=10**9)
    assert forks == []
    in_child = _load(root, monkeypatch, fork_from=1)
    assert len(forks) == 1
    assert in_child.figures and in_child.timeline
    assert _described(in_child, in_child.figures) == _described(in_process, in_process.figures)
    assert _described(in_child, in_child.timeline) == _described(in_process, in_process.timeline)
    assert [(f.kind, f.words, f.url) for f in in_child.figures] == [
        (f.kind, f.words, f.url) for f in in_process.figures
    ]
    assert [(m.label, m.words, m.note, m.url) for m in in_child.timeline] == [
        (m.label, m.words, m.note, m.url) for m in in_process.timeline
    ]


def test_small_corpus_is_not_forked(monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    corpus = load_corpus(ROOT)  # one article: below the threshold
    assert len(corpus.articles) < corpus_module.FORK_FROM_ARTICLES
    assert forks == []
    assert corpus.figures and corpus.timeline


def _in_child_only(parent: int, failure: Callable[[], object], result: object) -> Callable[[], object]:
    # Work that fails in the child and succeeds in the parent.
    def work() -> object:
        return failure() if os.getpid() != parent else result

    return work


def _raise() -> object:
    raise RuntimeError("the child failed")


def _kill() -> object:
    os.kill(os.getpid(), signal.SIGKILL)
    return None


def _unpicklable() -> object:
    return lambda: None


@needs_fork
@pytest.mark.parametrize("failure", [_raise, _kill, _unpicklable], ids=["raises", "killed", "unpicklable"])
def test_failing_child_falls_back_to_the_parent(failure: Callable[[], object], forks: list[int]) -> None:
    collect = forked.start(_in_child_only(os.getpid(), failure, ["computed", "here"]))
    assert collect() == ["computed", "here"]
    assert len(forks) == 1


def test_without_fork_the_work_runs_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "fork", raising=False)
    parent = os.getpid()
    assert forked.start(lambda: os.getpid())() == parent
    assert _load(ROOT, monkeypatch, fork_from=1).figures


def test_work_not_worth_a_fork_runs_in_process(forks: list[int]) -> None:
    assert forked.start(lambda: os.getpid(), worth_forking=False)() == os.getpid()
    assert forks == []


@needs_fork
def test_large_result_is_read_whole(forks: list[int]) -> None:
    # Megabytes, more than a pipe holds: the whole result comes back, and the child is reaped.
    parent = os.getpid()
    collect = forked.start(lambda: (os.getpid() != parent, "x" * 5_000_000))
    assert collect() == (True, "x" * 5_000_000)
    assert len(forks) == 1


@needs_fork
def test_a_discarded_result_is_reaped_and_not_computed_here(forks: list[int]) -> None:
    ran_here: list[bool] = []
    parent = os.getpid()

    def work() -> int:
        if os.getpid() == parent:
            ran_here.append(True)
        return 1

    forked.start(work).discard()
    assert len(forks) == 1  # and the fixture checks that it was reaped
    assert ran_here == []
