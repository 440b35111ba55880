"""Helpers that build a real site with MkDocs, for tests that read the HTML."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "china-japan-rok-trilateral-2025.txt"


@dataclass
class Build:
    """The outcome of one `mkdocs build`."""

    project: Path
    site: Path
    returncode: int
    output: str

    def html(self, url: str) -> BeautifulSoup:
        """Parse the built page at a site-relative URL such as `articles/x/`."""
        path = self.site / url / "index.html" if url.endswith("/") or not url else self.site / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def search_index(self) -> dict[str, object]:
        """The search index Material's search plugin wrote."""
        data: dict[str, object] = json.loads((self.site / "search" / "search_index.json").read_text(encoding="utf-8"))
        return data


def make_project(tmp: Path, seeds: dict[str, bytes | str] | None = None, *, keep_seeds: bool = True) -> Path:
    """Copy the project's site sources into `tmp`, optionally adding seed files."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copy(ROOT / "CONTRIBUTING.md", project / "CONTRIBUTING.md")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    (project / "seeds").mkdir()
    if keep_seeds:
        for path in (ROOT / "seeds").iterdir():
            shutil.copy(path, project / "seeds" / path.name)
    for name, content in (seeds or {}).items():
        target = project / "seeds" / name
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
    return project


def build(project: Path, *, strict: bool = True, site: Path | None = None, env: dict[str, str] | None = None) -> Build:
    """Run `mkdocs build` on a project folder and capture what it printed (`env` adds variables)."""
    site = site or project / "site"
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--site-dir",
        str(site),
        "--config-file",
        str(project / "mkdocs.yml"),
    ]
    if strict:
        command.append("--strict")
    variables = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(command, capture_output=True, text=True, env=variables, cwd=project, check=False)
    return Build(project, site, result.returncode, result.stdout + result.stderr)
