"""Under `mkdocs serve`, an edit is on the served page after one rebuild, and nothing else sets one off."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsguide.cache import CACHE_DIR
from tests.benchmark import make_hooked_project, seed_sentences, synthetic_corpus
from tests.sitebuild import ROOT, make_project, served, wait_for_page

pytestmark = pytest.mark.build

#: A contributor's files, added while the site is served.
CONTRIBUTION = ROOT / "tests" / "fixtures" / "contribution"
#: How long the server is watched for rebuilds that no edit asked for.
QUIET = 4.0


@pytest.mark.parametrize("poll", [False, True], ids=["file-events", "polling"])
def test_each_edit_is_served_after_one_rebuild(tmp_path: Path, poll: bool) -> None:
    # The system's file events (or MkDocs' polling, with NEWSGUIDE_POLL) bring an edit written in place
    # and one saved as editors do, by renaming a new file over the old; the files a rebuild reads set off
    # no rebuild of their own.
    project = make_project(tmp_path)
    log = tmp_path / "serve.log"
    term = sorted((project / "docs" / "glossary").glob("*.md"))[0]
    theme = project / "docs" / "themes" / "economics.md"
    with served(project, {"NEWSGUIDE_POLL": "1"} if poll else {}, log) as url:
        term.write_text(term.read_text(encoding="utf-8") + "\nWrittenInPlace is noted.\n", encoding="utf-8")
        wait_for_page(url + f"glossary/{term.stem}/", "WrittenInPlace")
        rebuilds = _rebuilds(log)
        time.sleep(QUIET)
        assert _rebuilds(log) == rebuilds == 1, log.read_text(encoding="utf-8")

        saved = theme.with_name(".economics.md.new")  # a dot file: MkDocs never publishes one
        saved.write_text(theme.read_text(encoding="utf-8") + "\nSavedByRename is noted.\n", encoding="utf-8")
        os.replace(saved, theme)
        wait_for_page(url + "themes/economics/", "SavedByRename")
        rebuilds = _rebuilds(log)
        time.sleep(QUIET)
        assert _rebuilds(log) == rebuilds <= 3, log.read_text(encoding="utf-8")


def _rebuilds(log: Path) -> int:
    # How many builds the server ran after its first.
    return log.read_text(encoding="utf-8").count("Building documentation") - 1


#: Builds a project as `mkdocs serve` does, in one process, each time a line names a folder to copy the site to:
#: after the first build, the `serve` event, with which the hooks rewrite only the files a rebuild changes.
_REBUILDS = """
import os, shutil, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

root, site = Path(sys.argv[1]), Path(sys.argv[2])
os.chdir(root)
url = "http://127.0.0.1:8000/readers-guide/"
load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site)).plugins.on_startup(command="serve", dirty=False)
server = None
for line in sys.stdin:
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.site_url = url
    build(config, serve_url=url)
    if server is None:
        server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=8000, root=str(site))
        config.plugins.on_serve(server, config=config, builder=lambda: None)
    shutil.copytree(site, line.strip())
    print("built", flush=True)
"""

#: Edits a contributor makes while the site is served, one after another: a text replaced in a file, a file
#: written (no text to replace) or a file removed (no new text; a seed with its sidecar).
_EDITS: list[tuple[str, str | None, str | None]] = [
    ("seeds/article-0003.txt", "\n\nAuthor: ", "\n\nThe tariff talks in Tokyo went on.\n\nAuthor: "),
    ("seeds/article-0003.txt", "\n\nAuthor: ", "\n\nJapan and Seoul spoke of trade again.\n\nAuthor: "),
    ("docs/glossary/rcep.md", "India took part", "India, at first, took part"),
    ("docs/themes/economics.md", "title: Economics & trade", "title: Economics, trade & money"),
    ("seeds/article-0007.txt", "\n\nAuthor: ", "\n\nA summit in Seoul was planned.\n\nAuthor: "),
    ("seeds/article-0005.txt", "\n\nAuthor: ", None),
    ("docs/glossary/apec.md", None, (CONTRIBUTION / "docs" / "glossary" / "apec.md").read_text(encoding="utf-8")),
    ("docs/glossary/apec.md", "---", None),
]


def test_each_rebuild_while_serving_is_the_site_a_first_build_gives(tmp_path: Path) -> None:
    # Under `mkdocs serve`, what rebuilds keep in memory (pages, analyses, the search split's words) gives, after
    # each edit, byte for byte the site a fresh `mkdocs serve` of the edited files gives.
    project = make_hooked_project(tmp_path / "served", synthetic_corpus(12, seed_sentences()))
    script = tmp_path / "rebuilds.py"
    script.write_text(_REBUILDS, encoding="utf-8")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("PYTHONPATH", None)

    def process(root: Path) -> subprocess.Popen[str]:
        command = [sys.executable, str(script), str(root), str(tmp_path / f"site-{root.name}")]
        pipe = subprocess.PIPE
        return subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=subprocess.DEVNULL, text=True, env=environment)

    def rebuilt(server: subprocess.Popen[str], folder: Path) -> dict[str, bytes]:
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(f"{folder}\n")
        server.stdin.flush()
        assert server.stdout.readline() == "built\n", f"the build into {folder} failed"
        files = [path for path in folder.rglob("*") if path.is_file() and path.name != "sitemap.xml.gz"]  # gzip: time
        return {path.relative_to(folder).as_posix(): path.read_bytes() for path in files}

    server = process(project)
    try:
        before = rebuilt(server, tmp_path / "first")
        for number, (path, old, new) in enumerate(_EDITS):
            file = project / path
            if old is None:
                file.write_text(new or "", encoding="utf-8")
            else:
                assert old in file.read_text(encoding="utf-8"), f"{path} no longer holds {old!r}: update the test"
            if new is None:
                file.unlink()
                file.with_suffix(".yml").unlink(missing_ok=True)
            elif old is not None:
                file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
            served_site = rebuilt(server, tmp_path / f"served-{number}")
            fresh = tmp_path / f"fresh{number}"
            shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(CACHE_DIR.split("/")[0]))
            reference = process(fresh)
            try:
                first = rebuilt(reference, tmp_path / f"fresh-{number}")
            finally:
                reference.communicate()
            assert served_site != before, f"the edit of {path} changed the site"
            assert sorted(served_site) == sorted(first)
            assert [name for name in first if served_site[name] != first[name]] == [], f"after the edit of {path}"
            before = served_site
    finally:
        server.communicate()
