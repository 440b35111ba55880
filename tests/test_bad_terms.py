"""Bad term files fail the strict build, naming the file and the field, and lose no other page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import build, make_project

GOOD_BODY = "A test term is a term used by the tests.\n"

#: file name → (content, words the message must contain, field named or "").
BAD = {
    "no-front-matter.md": (GOOD_BODY, "no front matter", ""),
    "bad-yaml.md": ("---\ntitle: [unclosed\nkind: concept\n---\n" + GOOD_BODY, "not valid YAML", ""),
    "empty-definition.md": ("---\ntitle: Empty thing\nkind: concept\n---\n\n", "definition is empty", ""),
    "unknown-kind.md": ("---\ntitle: Odd thing\nkind: gadget\n---\n" + GOOD_BODY, "unknown kind 'gadget'", "kind"),
    "missing-title.md": ("---\nkind: concept\n---\n" + GOOD_BODY, "'title' is missing", "title"),
    "wrong-type.md": ("---\ntitle: Typed thing\nkind: concept\naliases: {a: 1}\n---\n" + GOOD_BODY, "list", "aliases"),
    "typo-field.md": ("---\ntitle: Typo thing\nkind: concept\nalias: [x]\n---\n" + GOOD_BODY, "unknown field", "alias"),
    "dup-alias.md": (
        "---\ntitle: Fake partnership\nkind: agreement\naliases: [RCEP]\n---\n" + GOOD_BODY,
        "alias 'RCEP' is also claimed by",  # reported on one file, naming the other
        "aliases",
    ),
    "bad-see-also.md": (
        "---\ntitle: Lonely thing\nkind: concept\nsee_also: [no-such-term]\n---\n" + GOOD_BODY,
        "'no-such-term' is not a term",
        "see_also",
    ),
}


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    project = make_project(tmp_path)
    for name, content in files.items():
        (project / "docs" / "glossary" / name).write_text(content, encoding="utf-8")
    return project


@pytest.mark.build
@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_term_fails_strict_build_naming_file_and_field(tmp_path: Path, name: str) -> None:
    content, words, field = BAD[name]
    result = build(_project(tmp_path, {name: content}))
    assert result.returncode != 0
    assert "Traceback" not in result.output
    line = next(line for line in result.output.splitlines() if f"docs/glossary/{name}" in line)
    assert line.startswith("WARNING")
    assert words in line
    assert "Fix:" in line
    if name == "dup-alias.md":
        assert "docs/glossary/rcep.md" in line
    if field:
        assert f"field '{field}'" in line


@pytest.mark.build
def test_bad_terms_do_not_drop_other_entries(tmp_path: Path) -> None:
    result = build(_project(tmp_path, {name: content for name, (content, _, _) in BAD.items()}), strict=False)
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    page = result.html("glossary/rcep/")
    assert "expanding Regional Comprehensive Economic Partnership" in page.select_one(".ng-mentions").get_text()
    article = result.html("articles/china-japan-rok-trilateral-2025/")
    assert article.find("a", class_="ng-term", string="Regional Comprehensive Economic Partnership") is not None
