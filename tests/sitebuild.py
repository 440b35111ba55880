"""Helpers that build a real site with MkDocs, for tests that read the HTML.

Tests of the engine read a fixture corpus, `tests/fixtures/corpus/`: its seeds,
glossary and themes, copied from the project once and kept apart, so that a
contributor's new article, term or theme never changes what those tests
expect. The live `seeds/` and `docs/` are checked by the strict build and by
content-agnostic invariants (`tests/test_live_content.py`).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from newsguide.search_shards import all_documents

ROOT = Path(__file__).resolve().parent.parent
#: The fixture corpus: a project folder holding `seeds/`, `docs/glossary/` and `docs/themes/` only.
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SEED = CORPUS / "seeds" / "china-japan-rok-trilateral-2025.txt"
#: The folders of `docs/` that the fixture corpus replaces.
FIXTURE_DOCS = ("glossary", "themes")


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

    def data(self, path: str) -> Any:
        """A published data file, parsed (`path` relative to the site root, e.g. `data/passages.json`)."""
        return json.loads((self.site / path).read_text(encoding="utf-8"))

    def passages(self) -> dict[str, Any]:
        """`data/passages.json` with each article's paragraphs read in from its own file, as one document.

        Each paragraph gets back the `text` that format 2 gave it: its sentences joined by single spaces.
        """
        index = self.data("data/passages.json")
        index["articles"] = [{**entry, **self.data(entry["data"])} for entry in index["articles"]]
        for article in index["articles"]:
            for paragraph in article["paragraphs"]:
                paragraph["text"] = " ".join(sentence["text"] for sentence in paragraph["sentences"])
        return index  # type: ignore[no-any-return]

    def glossary(self) -> dict[str, Any]:
        """`data/glossary.json` with each term's mentions read in from its own file, as one document.

        Each mention comes as `{"article", "paragraph", "url", "sentence"}`, with
        the sentence's text read from its article's file, as a reader of the
        data would put it together.
        """
        glossary = self.data("data/glossary.json")
        sentences: dict[str, dict[tuple[int, int], str]] = {}

        def sentence(article: str, paragraph: int, number: int) -> str:
            if article not in sentences:
                paragraphs = self.data(f"data/articles/{article}.json")["paragraphs"]
                sentences[article] = {
                    (int(p["id"][1:]), n): s["text"] for p in paragraphs for n, s in enumerate(p["sentences"], start=1)
                }
            return sentences[article][(paragraph, number)]

        for term in glossary["terms"]:
            term["mentions"] = [
                {"article": entry["article"], "paragraph": paragraph, "url": f"{entry['url']}#p{paragraph}"}
                | {"sentence": sentence(entry["article"], paragraph, number)}
                for entry in self.data(term["mentions"])["articles"]
                for paragraph, number in entry["sentences"]
            ]
        return glossary  # type: ignore[no-any-return]

    def search_index(self) -> dict[str, object]:
        """The search index Material's search plugin wrote: its core and every sharded page's documents, as one."""
        return all_documents(self.site)


def make_project(tmp: Path, seeds: dict[str, bytes | str] | None = None, *, keep_seeds: bool = True) -> Path:
    """Copy the project's site sources, with the fixture corpus, into `tmp`, optionally adding seed files."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copy(ROOT / "CONTRIBUTING.md", project / "CONTRIBUTING.md")
    copy_docs(project)
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    (project / "seeds").mkdir()
    if keep_seeds:
        for path in (CORPUS / "seeds").iterdir():
            shutil.copy(path, project / "seeds" / path.name)
    for name, content in (seeds or {}).items():
        target = project / "seeds" / name
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
    return project


def copy_docs(project: Path) -> None:
    """Copy the project's hand-written pages into `project/docs`, with the fixture corpus's glossary and themes."""
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns(*FIXTURE_DOCS))
    for name in FIXTURE_DOCS:
        shutil.copytree(CORPUS / "docs" / name, project / "docs" / name)


def build(
    project: Path,
    *,
    strict: bool = True,
    site: Path | None = None,
    env: dict[str, str] | None = None,
    verbose: bool = False,
) -> Build:
    """Run `mkdocs build` on a project folder and capture what it printed (`env` adds variables; `verbose`, debug)."""
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
    if verbose:
        command.append("--verbose")
    variables = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(command, capture_output=True, text=True, env=variables, cwd=project, check=False)
    return Build(project, site, result.returncode, result.stdout + result.stderr)


@contextmanager
def served(project: Path, env: dict[str, str] | None = None, log: Path | None = None) -> Iterator[str]:
    """Run `mkdocs serve` on a project, as a contributor does; its address once it answers.

    Args:
        project: The project folder.
        env: Variables added to the server's environment.
        log: Where the server's log goes (by default, nowhere).
    """
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    port = free_port()
    with open(log or os.devnull, "w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**environment, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}/readers-guide/"
            wait_for_page(url)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def page_holds(url: str, words: str) -> bool:
    """Whether the page at `url` holds `words` now (not when it does not answer)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return words in response.read().decode("utf-8", "replace")
    except OSError:
        return False


def wait_for_page(url: str, words: str = "", timeout: float = 180.0) -> None:
    """Wait until the page at `url` answers holding `words` (the first build runs before a server listens)."""
    deadline = time.monotonic() + timeout
    while not page_holds(url, words):
        if time.monotonic() > deadline:
            raise AssertionError(f"{url} did not answer with {words!r} within {timeout:.0f} s")
        time.sleep(0.2)
