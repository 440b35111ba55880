"""The portable export: the generated pages as plain Markdown, and the JSON data.

The site needs MkDocs only to run the engine's hooks; Material announces its end
of life for May 2027, and its successor runs no hooks. The export writes what
the hooks would add to the site as ordinary files, so that any Markdown site
generator (or none) can publish the same content: copy them over `docs/`.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import load_corpus
from .data import data_files, dump
from .pages import build_pages
from .problems import Problem

#: The file that lists what an export holds; its presence marks a folder as an export.
MANIFEST = "manifest.json"


@dataclass
class Export:
    """What one export wrote.

    Attributes:
        out: The folder written.
        pages: The Markdown pages, by path inside the folder → the file they come from.
        data: The JSON data files, by path inside the folder.
        problems: The contributor files that could not be used (their pages are missing).
    """

    out: Path
    pages: dict[str, str] = field(default_factory=dict)
    data: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class ExportError(Exception):
    """The export cannot be written where it was asked to go."""


def export(root: Path, out: Path, source_base: str = "") -> Export:
    """Write every generated page and data file of the project under `out`.

    A previous export in `out` is replaced, so no stale page survives; a folder
    that holds anything else is left alone.

    Args:
        root: The project root (the folder holding `seeds/`).
        out: The folder to write; created if missing.
        source_base: The URL that source file paths are appended to in the
            "Generated from" notices (see `pages.source_base`).

    Returns:
        What was written, with the problems found in contributor files.

    Raises:
        ExportError: `out` is a file, or a non-empty folder that is not an export.
    """
    if out.exists():
        if not out.is_dir():
            raise ExportError(f"{out} is a file; give a folder to export into.")
        if any(out.iterdir()):
            if not (out / MANIFEST).is_file():
                raise ExportError(f"{out} is not empty and holds no earlier export; give a new or empty folder.")
            shutil.rmtree(out)
    corpus = load_corpus(root, source_base=source_base, to_markdown=True)
    result = Export(out, problems=list(corpus.problems))
    for page in build_pages(corpus, source_base):
        _write(out / page.path, page.markdown)
        result.pages[page.path] = page.source
    for path, content in data_files(corpus).items():
        _write(out / path, content)
        result.data.append(path)
    manifest = {
        "generator": "newsguide",
        "pages": [{"path": path, "source": source} for path, source in sorted(result.pages.items())],
        "data": sorted(result.data),
        "problems": [str(problem) for problem in corpus.problems],
    }
    _write(out / MANIFEST, dump(manifest))
    return result


def _write(path: Path, text: str) -> None:
    # Write UTF-8 text with LF line endings, creating folders as needed.
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
