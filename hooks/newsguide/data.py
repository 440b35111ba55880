"""Open data: the JSON files the site publishes beside its pages.

Each file is rendered from the corpus as text with sorted keys and a stable
order, so that two builds of the same input are byte-identical. URLs inside are
relative to the site root.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .corpus import Corpus
from .figures import extract_figures
from .timeline import build_timeline


def figures_data(corpus: Corpus) -> object:
    """Every key figure: kind, words, sentence and paragraph URL."""
    return [
        {"kind": f.kind.slug, "words": f.words, "sentence": f.sentence.text, "url": f.url}
        for f in extract_figures(corpus.articles)
    ]


def timeline_data(corpus: Corpus) -> object:
    """Every dated mention in chronological order, with its placement and sentence."""
    return [
        {
            "label": m.label,
            "year": m.year,
            "month": m.month or None,
            "day": m.day or None,
            "end_year": m.end_year or None,
            "approximate": m.approximate,
            "words": m.words,
            "note": m.note,
            "sentence": m.sentence.text,
            "url": m.url,
        }
        for m in build_timeline(corpus.articles)
    ]


#: Path inside the site → function that renders the file's data. Features add theirs here.
DATA_FILES: dict[str, Callable[[Corpus], object]] = {
    "data/figures.json": figures_data,
    "data/timeline.json": timeline_data,
}


def dump(data: object) -> str:
    """Serialise data as stable, readable JSON."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def data_files(corpus: Corpus) -> dict[str, str]:
    """Render every data file, keyed by its path inside the site."""
    return {path: dump(render(corpus)) for path, render in sorted(DATA_FILES.items())}
