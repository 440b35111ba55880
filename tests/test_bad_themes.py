"""Bad theme files and bad overrides fail the strict build, naming the file and field."""

from __future__ import annotations

import pytest

from tests.sitebuild import Build, build, make_project

GOOD_VOCABULARY = "vocabulary:\n  - harbour\n"

#: File in docs/themes → (content, field named, words in the message).
BAD = {
    "no-title.md": (f"---\ndescription: x\n{GOOD_VOCABULARY}---\nIntro.\n", "title", "has no title"),
    "empty-vocabulary.md": ("---\ntitle: Empty\nvocabulary: []\n---\n", "vocabulary", "missing or empty"),
    "no-vocabulary.md": ("---\ntitle: None\n---\n", "vocabulary", "missing or empty"),
    "people_exchange.md": (
        f"---\ntitle: Twin\n{GOOD_VOCABULARY}---\n",
        "",
        "already used by docs/themes/people-exchange.md",
    ),
    "broken-yaml.md": ("---\ntitle: [unclosed\nvocabulary:\n  - a\n---\n", "", "not valid YAML"),
    "bad-weight.md": (
        '---\ntitle: Weighty\nvocabulary:\n  - {term: "port", weight: heavy}\n---\n',
        "vocabulary",
        "weight of 'port'",
    ),
    "zero-weight.md": (
        '---\ntitle: Zero\nvocabulary:\n  - {term: "port", weight: 0}\n---\n',
        "vocabulary",
        "greater than 0",
    ),
}


#: A theme file with several problems → every warning it must give, in order, after `WARNING -  `.
SEVERAL = (
    "---\ntitle: [Tides, Harbours]\ndescripton: The sea.\norder: first\nvocabulary:\n  - harbour\n"
    '  - {term: tide, weight: 0}\n  - {term: quay, wieght: 2}\n  - ""\n---\nIntro.\n',
    [
        "docs/themes/several-problems.md:2: field 'title': the title must be text, not ['Tides', 'Harbours']. "
        "Fix: Add a line `title: Economics & trade` to the front matter.",
        "docs/themes/several-problems.md:3: field 'descripton': unknown field 'descripton'. "
        "Fix: Did you mean 'description'? Use only title, description, vocabulary, order,",
        "docs/themes/several-problems.md:4: field 'order': 'first' is not a number. Fix: Write `order: 1`",
        "docs/themes/several-problems.md:7: field 'vocabulary': the weight of 'tide' must be a number greater "
        "than 0 (and at most 100), not 0. Fix: Use 1 for an ordinary term,",
        "docs/themes/several-problems.md:8: field 'vocabulary': entry {'term': 'quay', 'wieght': 2} has fields "
        "other than `term` and `weight`. Fix: Did you mean 'weight'? Write it like `vocabulary:",
        "docs/themes/several-problems.md:9: field 'vocabulary': entry '' is not a word or phrase. Fix: Write each",
    ],
)


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(
        tmp_path_factory.mktemp("bad-themes"),
        {"china-japan-rok-trilateral-2025.yml": "pin:\n  3: [no-such-theme]\nexclude:\n  12: [economics]\n"},
    )
    for name, (content, _, _) in BAD.items():
        (project / "docs" / "themes" / name).write_text(content, encoding="utf-8")
    (project / "docs" / "themes" / "several-problems.md").write_text(SEVERAL[0], encoding="utf-8")
    return build(project)


def _line(result: Build, name: str) -> str:
    return next(line for line in result.output.splitlines() if name in line and "WARNING" in line)


@pytest.mark.build
def test_bad_theme_files_fail_the_strict_build(bad_build: Build) -> None:
    assert bad_build.returncode != 0
    assert "Traceback" not in bad_build.output


@pytest.mark.build
@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_theme_file_is_named_with_its_field(bad_build: Build, name: str) -> None:
    _, field, words = BAD[name]
    line = _line(bad_build, f"docs/themes/{name}")
    assert words in line
    if field:
        assert f"field '{field}'" in line
    assert "Fix:" in line


@pytest.mark.build
def test_every_problem_of_a_theme_file_is_reported_at_its_own_line(bad_build: Build) -> None:
    warnings = [
        line.split("WARNING -  ", 1)[1]
        for line in bad_build.output.splitlines()
        if line.startswith("WARNING") and "docs/themes/several-problems.md" in line
    ]
    assert len(warnings) == len(SEVERAL[1]), "\n".join(warnings)
    for seen, wanted in zip(warnings, SEVERAL[1], strict=True):
        assert seen.startswith(wanted)


@pytest.mark.build
def test_bad_overrides_name_the_sidecar_and_field(bad_build: Build) -> None:
    lines = [line for line in bad_build.output.splitlines() if "seeds/china-japan-rok-trilateral-2025.yml" in line]
    assert any("field 'pin'" in line and "'no-such-theme'" in line for line in lines)
    assert any("field 'exclude'" in line and "paragraph 12 does not exist" in line for line in lines)


@pytest.mark.build
def test_good_themes_still_render_beside_bad_ones(tmp_path_factory: pytest.TempPathFactory) -> None:
    project = make_project(tmp_path_factory.mktemp("mixed"))
    (project / "docs" / "themes" / "no-title.md").write_text(BAD["no-title.md"][0], encoding="utf-8")
    result = build(project, strict=False)
    assert result.returncode == 0, result.output
    assert "docs/themes/no-title.md" in result.output
    assert result.html("themes/economics/").select(".ng-passage")
