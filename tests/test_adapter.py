"""The MkDocs adapter's own helpers."""

from __future__ import annotations

import ast

import pytest

from newsguide.reference import docstring_summary
from tests.sitebuild import ROOT


def _summary_by_ast(source: str) -> str:
    return (ast.get_docstring(ast.parse(source)) or "").split("\n", 1)[0]


@pytest.mark.parametrize(
    "source",
    [
        '"""One."""\n',
        "'''Two\nmore'''\n",
        '# a comment first\n"""Three."""\n',
        "x = 1\n",
        '"""With a \\\\ backslash."""\n',
        '"""  Padded  \n"""\n',
        '"""\nSecond line first."""\n',
    ],
)
def test_docstring_summary_reads_what_ast_reads(source: str) -> None:
    assert docstring_summary(source) == _summary_by_ast(source)


def test_docstring_summary_of_every_engine_module() -> None:
    for path in sorted((ROOT / "hooks" / "newsguide").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert docstring_summary(source) == _summary_by_ast(source), path
