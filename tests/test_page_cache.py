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
        ('--8<-- "CONTRIBUTING.md"\n', True),
    ],
)
def test_only_markdown_that_reads_unkeyed_files_is_never_kept(markdown: str, reads: bool) -> None:
    assert reads_files(markdown) is reads


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
