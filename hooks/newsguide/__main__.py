"""Command line: `python -m newsguide export OUT/`.

Runs the engine without MkDocs. With `hooks/` on `PYTHONPATH` (the Makefile sets
it; `make export` writes `export/`).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from .export import ExportError, export
from .pages import source_base


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (1 when a contributor file has a problem)."""
    parser = argparse.ArgumentParser(prog="python -m newsguide", description=(__doc__ or "").split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser(
        "export", help="write the generated pages as plain Markdown, and the JSON data, into a folder"
    )
    command.add_argument("out", type=Path, help="the folder to write (replaced if it holds an earlier export)")
    command.add_argument("--root", type=Path, default=Path.cwd(), help="the project root (default: here)")
    command.add_argument(
        "--source-base",
        help="URL that source paths are appended to in 'Generated from' links "
        "(default: from repo_url and edit_uri in the project's mkdocs.yml)",
    )
    args = parser.parse_args(argv)
    base = args.source_base if args.source_base is not None else _configured_source_base(args.root)
    try:
        result = export(args.root, args.out, base)
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for problem in result.problems:
        print(f"WARNING: {problem}", file=sys.stderr)
    print(f"Exported {len(result.pages)} pages and {len(result.data)} data files to {args.out}")
    return 1 if result.problems else 0


def _configured_source_base(root: Path) -> str:
    # The two settings are read as plain `key: value` lines, so that the engine never needs
    # the site generator's configuration loader (mkdocs.yml may hold MkDocs-only YAML tags).
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8") if config.is_file() else ""
    settings = dict(re.findall(r"^(repo_url|edit_uri|docs_dir):[ \t]*['\"]?([^'\"#\s]+)", text, re.MULTILINE))
    return source_base(settings.get("repo_url", ""), settings.get("edit_uri", ""), settings.get("docs_dir", "docs"))


if __name__ == "__main__":
    sys.exit(main())
