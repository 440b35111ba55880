"""The API reference: one page per public module of the engine, written from its docstrings.

The pages hold only mkdocstrings' `::: module` directive and a notice naming the
module's file, so a new module documents itself. The index lists each module
with the first line of its docstring, read from the source without importing
it, so that `mkdocs serve` never shows a stale summary.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from .markup import front_matter, source_notice
from .pages import Page

#: A module that opens with its docstring: the quotes, and the docstring's first line.
_PLAIN_DOCSTRING = re.compile(r'\A("""|\'\'\')([^\n]*?)(?:\1|\n)')
#: The engine's own folder.
PACKAGE = Path(__file__).resolve().parent
#: Material's search settings for reference pages: ranked far below the reader's pages, still findable.
REFERENCE_SEARCH = {"boost": 0.1}


def engine_modules(package: Path = PACKAGE) -> Iterator[tuple[str, str, Path]]:
    """Each public module of the engine: its dotted name, its reference page's path, its file.

    A module is public unless a part of its name starts with "_"; a package's page is its `index.md`.
    """
    for file in sorted(package.rglob("*.py")):
        parts = file.relative_to(package).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts and not any(part.startswith("_") for part in parts):
            path = "/".join(parts) + ("/index.md" if file.name == "__init__.py" else ".md")
            yield ".".join((package.name, *parts)), path, file


def reference_pages(root: Path, source_base: str = "", adapter: str = "") -> list[Page]:
    """One page per public engine module, under `reference/`, and an index.

    Args:
        root: The project root, to name each module's file relative to it.
        source_base: As in `pages.build_pages`.
        adapter: The file of the site generator's adapter, relative to the
            root, named as the index's source ("" for this module's own).
    """
    pages: list[Page] = []
    rows: list[str] = []
    for name, path, file in engine_modules():
        summary = docstring_summary(file.read_text(encoding="utf-8"))
        source = _relative(file, root)
        rows.append(f"| [`{name}`]({path}) | {summary} |")
        fields = {"title": name, "description": f"API reference of {name}: {summary}", "search": REFERENCE_SEARCH}
        markdown = front_matter(fields) + f"::: {name}\n"
        pages.append(Page(f"reference/{path}", markdown + source_notice(source, source_base), source))
    index = (
        front_matter(
            {
                "title": "API reference",
                "description": "The engine's public modules, from their docstrings.",
                "search": REFERENCE_SEARCH,
            }
        )
        + "# API reference\n\nThe engine (`hooks/newsguide/`) is a plain Python package that never imports MkDocs: "
        "seeds → parse → classify → link → render → pages. Each public module has a page written from its "
        "docstrings.\n\n| Module | What it holds |\n| --- | --- |\n" + "\n".join(sorted(rows)) + "\n"
    )
    source = adapter or _relative(Path(__file__).resolve(), root)
    pages.append(Page("reference/index.md", index + source_notice(source, source_base), source))
    return pages


def docstring_summary(source: str) -> str:
    """The first line of a module's docstring, read from its source.

    The usual layout (the docstring opens the file, its first line is plain
    text) is read with a pattern; anything else is parsed with `ast`, which
    costs a millisecond a module on every build.
    """
    plain = _PLAIN_DOCSTRING.match(source)
    if plain and plain.group(2).strip() and "\\" not in plain.group(2):
        return plain.group(2).lstrip()
    return (ast.get_docstring(ast.parse(source)) or "").split("\n", 1)[0]


def _relative(file: Path, root: Path) -> str:
    # A file's path from the project root, or its own if it lies elsewhere.
    try:
        return file.relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()
