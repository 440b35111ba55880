"""Bad seed files fail the strict build with a plain message, and lose no other page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import build, make_project

ARTICLE = "articles/china-japan-rok-trilateral-2025/"

BAD = {
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": (b"  \n \t\n\n", "the file is empty"),
    "binary.txt": (bytes(range(256)), "binary data"),
    "latin1.txt": ("Caf\u00e9 society\n\nA body paragraph.\n".encode("latin-1"), "not valid UTF-8"),
    "title-only.txt": (b"Just a headline\n", "title but no body"),
}


@pytest.mark.build
@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_seed_fails_strict_build_with_a_plain_message(tmp_path: Path, name: str) -> None:
    data, words = BAD[name]
    project = make_project(tmp_path, {name: data})
    result = build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.output
    line = next(line for line in result.output.splitlines() if f"seeds/{name}" in line)
    assert "WARNING" in line
    assert words in line
    assert "Fix:" in line


@pytest.mark.build
def test_bad_seeds_do_not_drop_or_truncate_good_pages(tmp_path: Path) -> None:
    project = make_project(tmp_path, {name: data for name, (data, _) in BAD.items()})
    result = build(project, strict=False)
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    for name in BAD:
        assert f"seeds/{name}" in result.output
    page = result.html(ARTICLE)
    assert page.find(id="p8") is not None
    assert page.select_one(".ng-disclaimer") is not None
    assert not (result.site / "articles" / "empty").exists()
