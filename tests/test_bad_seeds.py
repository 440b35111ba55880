"""Bad seed files fail the strict build with a plain message, and lose no other page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.sitebuild import Build, build, make_project

ARTICLE = "articles/china-japan-rok-trilateral-2025/"

BAD = {
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": (b"  \n \t\n\n", "the file is empty"),
    "binary.txt": (bytes(range(256)), "binary data"),
    "latin1.txt": ("Caf\u00e9 society\n\nA body paragraph.\n".encode("latin-1"), "not valid UTF-8"),
    "title-only.txt": (b"Just a headline\n", "title but no body"),
}


#: Seeds with several problems, or a problem deep in a field: file → content, and every warning the
#: article gives, in order, as a contributor reads it after `WARNING -  `.
SEVERAL: dict[str, tuple[str, list[str]]] = {
    "several-problems.md": (
        "---\ntitle: Several problems\nautor: Kim Lee\ndate: 2025-02-30\n---\n",
        [
            "seeds/several-problems.md:3: field 'autor': unknown field 'autor'. Fix: Did you mean 'author'? "
            "Use only these fields: author, date,",
            "seeds/several-problems.md:4: field 'date': '2025-02-30' is not a date. Fix: Write the date as YYYY-MM-DD",
            # The file has 5 lines: the empty body is reported at the last, the closing `---`.
            "seeds/several-problems.md:5: the article has front matter but no body text. "
            "Fix: Write the article below the closing `---`.",
        ],
    ),
    "sidecar-problems.txt": (
        "A headline alone\n",
        [
            "seeds/sidecar-problems.txt:1: the article has a title but no body paragraphs. Fix: Add the article's",
            "seeds/sidecar-problems.yml:2: field 'sorce_url': unknown field 'sorce_url'. "
            "Fix: Did you mean 'source_url'? Use only date, exclude, pin, publisher, source_url;",
            "seeds/sidecar-problems.yml:5: field 'pin': entry 'third' must be a paragraph number (1, 2, …) "
            "with a list of theme slugs. Fix: Write it like:",
        ],
    ),
}
SIDECARS = {
    "sidecar-problems.yml": "date: 2025-03-24\nsorce_url: https://example.org/\npin:\n  1: [economics]\n  third: x\n"
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


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Every bad seed at once, built as `mkdocs serve` builds (without --strict)."""
    seeds: dict[str, bytes | str] = {name: data for name, (data, _) in BAD.items()}
    seeds.update({name: content for name, (content, _) in SEVERAL.items()})
    seeds.update(SIDECARS)
    return build(make_project(tmp_path_factory.mktemp("bad-seeds"), seeds), strict=False)


@pytest.mark.build
def test_bad_seeds_do_not_drop_or_truncate_good_pages(mixed: Build) -> None:
    assert mixed.returncode == 0, mixed.output
    assert "Traceback" not in mixed.output
    for name in BAD:
        assert f"seeds/{name}" in mixed.output
    page = mixed.html(ARTICLE)
    assert page.find(id="p8") is not None
    assert page.select_one(".ng-disclaimer") is not None
    assert not (mixed.site / "articles" / "empty").exists()


@pytest.mark.build
@pytest.mark.parametrize("name", sorted(SEVERAL))
def test_every_problem_of_an_article_is_reported_at_the_line_of_its_value(mixed: Build, name: str) -> None:
    stem = name.rsplit(".", 1)[0]
    warnings = [
        line.split("WARNING -  ", 1)[1]
        for line in mixed.output.splitlines()
        if line.startswith("WARNING") and re.search(rf"seeds/{re.escape(stem)}\.(txt|yml|md)", line)
    ]
    expected = SEVERAL[name][1]
    assert len(warnings) == len(expected), "\n".join(warnings)
    for seen, wanted in zip(warnings, expected, strict=True):
        assert seen.startswith(wanted)
    assert not (mixed.site / "articles" / stem).exists()
