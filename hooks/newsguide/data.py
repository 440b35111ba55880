"""Open data: the JSON files the site publishes beside its pages.

Each file is rendered from the corpus as text with sorted keys and a stable
order, so that two builds of the same input are byte-identical. URLs inside are
relative to the site root.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .corpus import Corpus
from .passages import PASSAGES_JSON, passages_data

#: Path inside the site → function that renders the file's data. Features add theirs here.
DATA_FILES: dict[str, Callable[[Corpus], object]] = {
    PASSAGES_JSON: passages_data,
}


def dump(data: object) -> str:
    """Serialise data as stable, readable JSON."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def data_files(corpus: Corpus) -> dict[str, str]:
    """Render every data file, keyed by its path inside the site."""
    return {path: dump(render(corpus)) for path, render in sorted(DATA_FILES.items())}
