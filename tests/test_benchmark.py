"""The benchmark compares like with like: the same corpus each time, the same pages in both builds."""

from __future__ import annotations

from pathlib import Path

from tests.benchmark import make_hooked_project, make_plain_project, seed_sentences, synthetic_corpus
from tests.sitebuild import build


def test_synthetic_corpus_is_the_same_for_the_same_size() -> None:
    sentences = seed_sentences()
    assert synthetic_corpus(3, sentences) == synthetic_corpus(3, sentences)
    assert synthetic_corpus(3, sentences) != synthetic_corpus(4, sentences)[:3]
    article = synthetic_corpus(1, sentences)[0]
    assert all(any(s in p for s in sentences) for p in article.paragraphs)


def test_plain_build_has_the_articles_and_the_same_reference_pages(tmp_path: Path) -> None:
    articles = synthetic_corpus(2, seed_sentences())
    hooked = build(make_hooked_project(tmp_path, articles), site=tmp_path / "hooked-site")
    # Not strict: hand-written pages link to pages only the hooks generate (key figures, timeline, data files).
    plain = build(make_plain_project(tmp_path, articles), site=tmp_path / "plain-site", strict=False)
    assert hooked.returncode == 0, hooked.output
    assert plain.returncode == 0, plain.output

    def reference(site: Path) -> set[str]:
        return {p.parent.relative_to(site).as_posix() for p in (site / "reference").rglob("index.html")}

    assert reference(plain.site) == reference(hooked.site)
    assert len(reference(plain.site)) > 20
    for article in articles:
        words = article.paragraphs[0].split(". ")[0]
        assert words in plain.html(f"articles/{article.name}/").get_text(" ")
        assert words in hooked.html(f"articles/{article.name}/").get_text(" ")
