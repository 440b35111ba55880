"""Splitting a paragraph into sentences.

pysbd (Pragmatic Sentence Boundary Disambiguation) is rule-based, so the same
text always splits the same way, and it knows abbreviations such as "U.S." and
"Dr." that must not end a sentence. It needs no model download.
"""

from __future__ import annotations

from functools import lru_cache

import pysbd

from .model import Sentence

_segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)


@lru_cache(maxsize=4096)
def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split one paragraph's text into sentences with their offsets.

    The sentences are the paragraph's own characters: joined with the spaces
    between them they give the paragraph back, so nothing is ever lost.

    Args:
        text: A paragraph, with whitespace already folded to single spaces.

    Returns:
        The sentences in order; one sentence when pysbd finds no boundary.
    """
    sentences: list[Sentence] = []
    position = 0
    for segment in _segmenter.segment(text):
        piece = segment.strip()
        if not piece:
            continue
        start = text.find(piece, position)
        if start < 0:  # pysbd altered the text; keep what is left whole
            break
        sentences.append(Sentence(piece, start))
        position = start + len(piece)
    rest = text[position:].strip()
    if rest:
        sentences.append(Sentence(rest, text.index(rest, position)))
    return tuple(sentences)
