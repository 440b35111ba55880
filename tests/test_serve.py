"""Under `mkdocs serve`, an edit is on the served page after one rebuild, and nothing else sets one off."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.sitebuild import make_project, served, wait_for_page

pytestmark = pytest.mark.build

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
