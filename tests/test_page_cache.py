"""The page cache's rules: what may be kept, and the calls a kept page makes again."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from newsguide.page_cache import Converted, PageCache, files_digest, reads_files


@pytest.mark.parametrize(
    ("markdown", "reads"),
    [
        ("# Home\n\nPlain text.", False),
        ("::: newsguide.page_cache\n", False),
        ("# API\n\n::: mkdocs_hooks\n", False),
        ("::: some_other_package.module\n", True),
        ('--8<-- "CONTRIBUTING.md"\n', False),
        ('Intro\n\n--8<-- "GUIDE.md"\n', False),
        ('--8<-- "CONTRIBUTING.md:1:3"\n', True),  # lines of a file: not keyed
        ('--8<-- "NESTED.md"\n', True),  # includes another file in turn
        ('--8<-- "MISSING.md"\n', True),
        ('--8<-- "../outside.md"\n', True),
        ("--8<--\nCONTRIBUTING.md\n--8<--\n", True),  # the block form
    ],
)
def test_only_markdown_that_reads_unkeyed_files_is_never_kept(tmp_path: Path, markdown: str, reads: bool) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "outside.md").write_text("Outside", encoding="utf-8")
    for name, text in {
        "CONTRIBUTING.md": "# Contributing",
        "GUIDE.md": "Guide",
        "NESTED.md": '--8<-- "GUIDE.md"',
    }.items():
        (project / name).write_text(text, encoding="utf-8")
    assert reads_files(markdown, project) is reads


def test_a_page_including_a_file_is_kept_until_that_file_changes(tmp_path: Path) -> None:
    (tmp_path / "CONTRIBUTING.md").write_text("# Contributing\n\nOne.", encoding="utf-8")
    markdown = '--8<-- "CONTRIBUTING.md"\n'
    cache = PageCache(tmp_path, memory=True)
    cache.start("settings")
    assert cache.converted_for("contributing.md", "contributing/", markdown) is None
    page = SimpleNamespace(links_to_anchors={}, present_anchor_ids=set(), toc=[], _title_from_render="Contributing")
    cache.keep_converted("contributing.md", "<h1>Contributing</h1><p>One.</p>", page)
    kept = cache.converted_for("contributing.md", "contributing/", markdown)
    assert kept is not None and kept.content == "<h1>Contributing</h1><p>One.</p>"
    (tmp_path / "CONTRIBUTING.md").write_text("# Contributing\n\nTwo.", encoding="utf-8")
    assert cache.converted_for("contributing.md", "contributing/", markdown) is None


def test_a_folder_digest_follows_every_file_in_it(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "main.html").write_text("a", encoding="utf-8")
    before = files_digest(tmp_path)
    (tmp_path / "partials" / "new.html").write_text("b", encoding="utf-8")
    assert files_digest(tmp_path) != before


def test_a_kept_page_makes_the_calls_its_conversion_made(tmp_path: Path) -> None:
    made: list[tuple[Any, ...]] = []
    registry = SimpleNamespace(register=lambda page, name, anchor=None: made.append((page, name, anchor)))
    cache = PageCache(tmp_path, memory=False)
    cache.start("settings")
    cache.record(registry, "register")
    assert cache.converted_for("reference/x.md", "reference/x/", "::: newsguide.x") is None
    registry.register("first build", "newsguide.x.Thing", anchor="thing")
    page = SimpleNamespace(links_to_anchors={}, present_anchor_ids={"thing"}, toc=[], _title_from_render="X")
    cache.keep_converted("reference/x.md", "<p>x</p>", page)
    registry.register("outside any conversion", "other")  # not recorded

    again = PageCache(tmp_path, memory=False)  # the next build, in a new process
    again.start("settings")
    again.record(registry, "register")
    kept = again.converted_for("reference/x.md", "reference/x/", "::: newsguide.x")
    assert isinstance(kept, Converted)
    assert kept.calls == (("register", ("newsguide.x.Thing",), {"anchor": "thing"}),)
    made.clear()
    again.make_calls("second build", kept)
    assert made == [("second build", "newsguide.x.Thing", "thing")]
    other = PageCache(tmp_path, memory=False)
    other.start("other settings")
    assert other.converted_for("reference/x.md", "reference/x/", "::: newsguide.x") is None
