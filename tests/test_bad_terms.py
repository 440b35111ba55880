"""Bad term files fail the strict build, naming the file and the field, and lose no other page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.sitebuild import Build, build, make_project

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


#: Files with more than one problem, or a problem deep in a field, built together with `BAD`: file →
#: every warning it must give, in order, as a contributor reads it after `WARNING -  `.
SEVERAL = {
    "several-problems.md": (
        "---\ntitle: Several problems\nkind: organization\nalias: [Several]\n"
        "links:\n  - title: Its home\n    url: www.example.org\n---\n",
        [
            "docs/glossary/several-problems.md:3: field 'kind': unknown kind 'organization'. "
            "Fix: Did you mean 'organisation'? Use one of: agreement, organisation,",
            "docs/glossary/several-problems.md:4: field 'alias': unknown field 'alias'. "
            "Fix: Did you mean 'aliases'? Use only these fields: title,",
            "docs/glossary/several-problems.md:7: field 'links': 'www.example.org' is not a web address. "
            "Fix: Give the full address, with https://.",
            # The file has 8 lines: the empty body is reported at the last, the closing `---`.
            "docs/glossary/several-problems.md:8: the definition is empty. "
            "Fix: Write one to three short paragraphs defining the term below the front matter.",
        ],
    ),
    "tardy-alias.md": (
        "---\ntitle: Tardy alias\nkind: agreement\naliases:\n  - Tardy\n  - Belated\n"
        "  - Regional Comprehensive Economic Partnership Agreement\n---\n" + GOOD_BODY,
        [
            "docs/glossary/tardy-alias.md:7: field 'aliases': the alias 'Regional Comprehensive "
            "Economic Partnership Agreement' is also claimed by docs/glossary/rcep.md. "
            "Fix: Keep the alias in only one of the two files.",
        ],
    ),
    "see-also-typo.md": (
        "---\ntitle: See also typo\nkind: concept\nsee_also:\n  - rcep\n  - asea\n---\n" + GOOD_BODY,
        [
            "docs/glossary/see-also-typo.md:6: field 'see_also': 'asea' is not a term: there is no "
            "docs/glossary/asea.md. Fix: Did you mean 'asean'? Correct the slug, or add the term file.",
        ],
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


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Every bad term file at once, built as `mkdocs serve` builds (without --strict)."""
    files = {name: content for name, (content, _, _) in BAD.items()}
    files.update({name: content for name, (content, _) in SEVERAL.items()})
    return build(_project(tmp_path_factory.mktemp("bad-terms"), files), strict=False)


@pytest.mark.build
def test_bad_terms_do_not_drop_other_entries(mixed: Build) -> None:
    assert mixed.returncode == 0, mixed.output
    assert "Traceback" not in mixed.output
    page = mixed.html("glossary/rcep/")
    assert "expanding Regional Comprehensive Economic Partnership" in page.select_one(".ng-mentions").get_text()
    article = mixed.html("articles/china-japan-rok-trilateral-2025/")
    assert article.find("a", class_="ng-term", string="Regional Comprehensive Economic Partnership") is not None


@pytest.mark.build
@pytest.mark.parametrize("name", sorted(SEVERAL))
def test_every_problem_of_a_term_is_reported_at_the_line_of_its_value(mixed: Build, name: str) -> None:
    warnings = [
        line.split("WARNING -  ", 1)[1]
        for line in mixed.output.splitlines()
        if line.startswith("WARNING") and f"docs/glossary/{name}:" in line
    ]
    expected = SEVERAL[name][1]
    assert len(warnings) == len(expected), "\n".join(warnings)
    for seen, wanted in zip(warnings, expected, strict=True):
        assert seen.startswith(wanted)


@pytest.mark.build
def test_terms_mentioned_in_no_article_are_one_info_line(mixed: Build) -> None:
    lines = [line for line in mixed.output.splitlines() if "mentioned in no article" in line]
    assert len(lines) == 1, "\n".join(lines)
    found = re.fullmatch(
        r"INFO\s+-\s+(\d+) glossary terms are mentioned in no article: (.*) \(see `make report`\)\.", lines[0]
    )
    assert found, lines[0]
    named = found.group(2).split(", ")
    assert "asean" in named and "see-also-typo" in named
    assert named == sorted(named) or named[-1].startswith("and ")
    assert int(found.group(1)) >= len(named)
