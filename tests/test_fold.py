"""Folding: a lower-case expression on the fold finds what the expression with re.IGNORECASE finds."""

from __future__ import annotations

import re

import pytest

from newsguide.fold import FOLDABLE, fold, folded

#: Every code point but the surrogates, and every character an expression to fold may hold.
_EVERY_CHARACTER = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
_LITERALS = [chr(code) for code in range(32, 127)] + list(FOLDABLE)


def test_fold_keeps_one_character_for_each() -> None:
    assert len(fold(_EVERY_CHARACTER)) == len(_EVERY_CHARACTER)
    assert fold("İı ſ \u212a MILLION") == "ii s k million"


@pytest.mark.parametrize("text", [_EVERY_CHARACTER, _EVERY_CHARACTER[:0x130]], ids=["odd letters", "ascii"])
def test_fold_compares_every_character_as_ignorecase_does(text: str) -> None:
    folded_text = fold(text)
    for expression in (r"\w", r"\d", r"\s", r"\b"):
        assert [m.span() for m in re.finditer(expression, folded_text)] == [
            m.span() for m in re.finditer(expression, text)
        ]
    for literal in _LITERALS:
        ignoring_case = [m.start() for m in re.finditer(re.escape(literal), text, re.IGNORECASE)]
        assert [m.start() for m in re.finditer(re.escape(literal.lower()), folded_text)] == ignoring_case


@pytest.mark.parametrize(
    "text",
    ["ſtrong İndex and Kelvin", "The Iıİ dollars", "DÉTENTE and Détente", "Trade-related TARIFFS", "\u212aorea's won"],
)
@pytest.mark.parametrize(
    "expression",
    [r"(?<!\w)(?:trade|tariffs?|korea|détente)(?!\w)", r"\bstrong\s+index\b", r"i+", r"[a-z]+s\b", r"won\b"],
)
def test_folded_expression_finds_the_same_spans(expression: str, text: str) -> None:
    pattern = folded(expression)
    assert pattern is not None
    expected = [m.span() for m in re.finditer(expression, text, re.IGNORECASE)]
    assert [m.span() for m in pattern.finditer(fold(text))] == expected


@pytest.mark.parametrize(
    "expression", [r"\S", r"\x41", r"\u00c9", r"(?i:a)", r"[A-Z]", "Σ", "µ", "ſ", r"(?P<Name>a)", r"\1"]
)
def test_what_cannot_be_folded_is_refused(expression: str) -> None:
    assert folded(expression) is None
