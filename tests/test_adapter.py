"""The MkDocs adapter's own helpers."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsguide.reference import docstring_summary
from tests.sitebuild import ROOT, make_project


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


def test_the_adapter_is_thin_and_nothing_forks() -> None:
    # Every file under hooks/ that imports MkDocs is the adapter: at most 200 non-blank lines. No
    # process forking anywhere: the hooks are one plain pass that runs alike on every system.
    adapters = [
        path
        for path in sorted((ROOT / "hooks").rglob("*.py"))
        if re.search(r"^\s*(from|import) mkdocs\b", path.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert [path.name for path in adapters] == ["mkdocs_hooks.py"]
    lines = [line for line in adapters[0].read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) <= 200
    for path in sorted((ROOT / "hooks").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for forbidden in ("os.fork", "multiprocessing", "ProcessPool", "gc.freeze", "concurrent.futures"):
            assert forbidden not in source, f"{path.relative_to(ROOT)} uses {forbidden}"


_RELOAD = """
import sys
from pathlib import Path
from mkdocs.config import load_config

import importlib.util
root = Path(sys.argv[1])
spec = importlib.util.spec_from_file_location("mkdocs_hooks", root / "hooks" / "mkdocs_hooks.py")
adapter = importlib.util.module_from_spec(spec)
sys.path.insert(0, str(root / "hooks"))
spec.loader.exec_module(adapter)
sys.path.remove(str(root / "hooks"))
config = load_config(config_file=str(root / "mkdocs.yml"))
first = adapter.on_config(config) and adapter._Build.engine
again = adapter.on_config(load_config(config_file=str(root / "mkdocs.yml"))) and adapter._Build.engine
module = root / "hooks" / "newsguide" / "render" / "article.py"
module.write_text(module.read_text(encoding="utf-8") + "\\nRELOADED = True\\n", encoding="utf-8")
third = adapter.on_config(load_config(config_file=str(root / "mkdocs.yml"))) and adapter._Build.engine
print(first is again, third is not first, getattr(sys.modules["newsguide.render.article"], "RELOADED", False))
"""


@pytest.mark.build
def test_serve_reloads_the_engine_when_a_file_of_it_changes(tmp_path: Path) -> None:
    # MkDocs loads the adapter once per `mkdocs serve`; the adapter imports the engine afresh when
    # one of its files changed, and only then.
    project = make_project(tmp_path)
    script = tmp_path / "reload.py"
    script.write_text(_RELOAD, encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, str(script), str(project)],
        capture_output=True,
        text=True,
        cwd=project,
        env={**environment, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True"]
