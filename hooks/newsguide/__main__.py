"""Command line: `python -m newsguide export OUT/` and `python -m newsguide report --base REF`.

Runs the engine without MkDocs. With `hooks/` on `PYTHONPATH` (the Makefile sets
it; `make export` writes `export/`, `make report BASE=REF` prints the report).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from .export import ExportError, export
from .pages import source_base
from .report import BaseError, change_report


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    `export` exits with 1 when a contributor file has a problem; `report`
    exits with 0 once the report is written, problems listed in it or not.
    Both exit with 2 when they cannot do their work (a folder that is not an
    export, a git ref that cannot be read).
    """
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
    command = commands.add_parser(
        "report", help="print a Markdown report of what the working tree changes in the guide against a git ref"
    )
    command.add_argument("--base", required=True, help="the git ref to compare with: a branch, tag or commit")
    command.add_argument("--root", type=Path, default=Path.cwd(), help="the project root (default: here)")
    command.add_argument("--output", type=Path, help="write the report to this file rather than print it")
    args = parser.parse_args(argv)
    if args.command == "report":
        return _report(args.root, args.base, args.output)
    return _export(args.root, args.out, args.source_base)


def _export(root: Path, out: Path, base: str | None) -> int:
    # Write the export; 1 when a contributor file has a problem, 2 when `out` cannot take it.
    try:
        result = export(root, out, base if base is not None else _configured_source_base(root))
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for problem in result.problems:
        print(f"WARNING: {problem}", file=sys.stderr)
    print(f"Exported {len(result.pages)} pages and {len(result.data)} data files to {out}")
    return 1 if result.problems else 0


def _report(root: Path, ref: str, output: Path | None) -> int:
    # Print (or write) the change report; 2 when the base cannot be read.
    try:
        report = change_report(root, ref)
    except BaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if output is None:
        sys.stdout.write(report)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report, encoding="utf-8", newline="\n")
    return 0


def _configured_source_base(root: Path) -> str:
    # The two settings are read as plain `key: value` lines, so that the engine never needs
    # the site generator's configuration loader (mkdocs.yml may hold MkDocs-only YAML tags).
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8") if config.is_file() else ""
    settings = dict(re.findall(r"^(repo_url|edit_uri|docs_dir):[ \t]*['\"]?([^'\"#\s]+)", text, re.MULTILINE))
    return source_base(settings.get("repo_url", ""), settings.get("edit_uri", ""), settings.get("docs_dir", "docs"))


if __name__ == "__main__":
    sys.exit(main())
