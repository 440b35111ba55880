"""The change report (`python -m newsguide report --base REF`), read as a reviewer reads it.

Each test builds a git repository in a temporary folder from the fixture corpus
(`tests/fixtures/corpus/`), commits, changes it as a contributor would (the two
new articles are kept as data in `tests/fixtures/report/`), and reads the report.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsguide.__main__ import main
from newsguide.corpus import load_corpus
from newsguide.glossary import load_terms
from newsguide.suggestions import defined_abbreviations, names_in, suggest_terms
from tests.sitebuild import CORPUS, ROOT

NEW_ARTICLES = ROOT / "tests" / "fixtures" / "report" / "seeds"
SEOUL = "trilateral-summit-seoul-2024"
TOKYO = "foreign-ministers-tokyo-2025"
SEOUL_TITLE = "Leaders of China, Japan and South Korea meet in Seoul for their first summit since 2019"
TOKYO_TITLE = "Foreign ministers meet in Tokyo to prepare the next trilateral summit"
#: Git run with a fixed identity and none of the user's configuration.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Contributor",
    "GIT_AUTHOR_EMAIL": "contributor@example.org",
    "GIT_COMMITTER_NAME": "Contributor",
    "GIT_COMMITTER_EMAIL": "contributor@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _git(root: Path, *arguments: str) -> None:
    subprocess.run(["git", *arguments], cwd=root, env={**os.environ, **GIT_ENV}, check=True, capture_output=True)


def _commit(root: Path, message: str) -> None:
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", message)


def _repository(tmp_path: Path, *articles: str) -> Path:
    # The fixture corpus committed, then the named new articles committed on top.
    root = tmp_path / "project"
    shutil.copytree(CORPUS, root)
    _git(root, "init", "-q", "-b", "main")
    _commit(root, "The fixture corpus")
    if articles:
        _add_articles(root, *articles)
        _commit(root, "Two articles")
    return root


def _add_articles(root: Path, *articles: str) -> None:
    for name in articles:
        for path in NEW_ARTICLES.glob(f"{name}.*"):
            shutil.copy(path, root / "seeds" / path.name)


def _report(root: Path, base: str, capsys: pytest.CaptureFixture[str]) -> str:
    status = main(["report", "--base", base, "--root", str(root)])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert err == ""
    return out


def _section(report: str, heading: str) -> str:
    # The text under a heading, up to the next heading of the same or a higher level (outside code blocks).
    lines = report.splitlines(keepends=True)
    first = lines.index(heading + "\n")
    level = len(heading.split(" ", 1)[0])
    fenced = False
    for number in range(first + 1, len(lines)):
        line = lines[number]
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(rf"#{{1,{level}}} ", line):
            return "".join(lines[first:number])
    return "".join(lines[first:])


def _ribbon(section: str) -> dict[int, set[str]]:
    # The "Themes: ¶1 economics, security · ¶2 —" line of an article, as paragraph → themes.
    line = next(line for line in section.splitlines() if line.startswith("Themes: "))
    cells = line.removeprefix("Themes: ").split(" · ")
    ribbon = {}
    for cell in cells:
        number, themes = cell.split(" ", 1)
        ribbon[int(number.removeprefix("¶"))] = set() if themes == "—" else set(themes.split(", "))
    return ribbon


def _suggested(report: str) -> list[str]:
    return re.findall(r"^### (.+) \(\w+\)$", _section(report, "## Glossary suggestions"), re.MULTILINE)


def test_two_new_articles_are_named_with_their_themes_and_suggestions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _repository(tmp_path, SEOUL, TOKYO)
    report = _report(root, "HEAD~1", capsys)

    assert report.startswith("# What this change does to the guide\n")
    assert re.search(r"^Compared with `HEAD~1` \([0-9a-f]{12}\), the working tree adds 2 articles\.$", report, re.M)
    seoul = _section(report, f"### Added: {SEOUL_TITLE}")
    tokyo = _section(report, f"### Added: {TOKYO_TITLE}")
    assert f"`seeds/{SEOUL}.txt` · 5 paragraphs" in seoul
    assert f"`seeds/{TOKYO}.txt` · 4 paragraphs" in tokyo
    # The ribbon in text: one cell per paragraph, each with its themes.
    seoul_themes, tokyo_themes = _ribbon(seoul), _ribbon(tokyo)
    assert list(seoul_themes) == [1, 2, 3, 4, 5] and list(tokyo_themes) == [1, 2, 3, 4]
    assert "economics" in seoul_themes[2]  # free trade agreement, supply chains
    assert "people-exchange" in seoul_themes[3]  # cultural exchange, visits, students
    assert "security" in seoul_themes[5]  # North Korea, a military satellite
    assert "security" in tokyo_themes[2] and "economics" in tokyo_themes[4]

    # The abbreviation defined in parentheses, with no entry: its sentence and a stub to paste.
    assert _suggested(report)[0] == "AMRO: ASEAN+3 Macroeconomic Research Office"
    amro = _section(report, "### AMRO: ASEAN+3 Macroeconomic Research Office (organisation)")
    assert f"Defined in `seeds/{SEOUL}.txt` ¶2:" in amro
    assert "> They also asked the ASEAN+3 Macroeconomic Research Office (AMRO) to watch" in amro
    assert "`docs/glossary/asean-3-macroeconomic-research-office.md`:" in amro
    assert "title: ASEAN+3 Macroeconomic Research Office\nabbr: AMRO\nkind: organisation" in amro
    assert "aliases: [ASEAN+3 Macroeconomic Research Office, AMRO]" in amro

    # The person named in both articles, with where, the first sentence and a stub.
    person = _section(report, "### Lee Hee-sup (person)")
    assert f"Named 2 times in 2 articles: `seeds/{TOKYO}.txt` ¶3; `seeds/{SEOUL}.txt` ¶4." in person
    assert "> Lee Hee-sup, who heads the Trilateral Cooperation Secretariat, briefed the ministers" in person
    assert "`docs/glossary/lee-hee-sup.md`:" in person
    assert "title: Lee Hee-sup\nkind: person\n" in re.sub(r"  #.*", "", person)

    suggested = _suggested(report)
    assert "Wang Yi" in suggested  # named twice in one article
    for known in ("Trilateral Cooperation Secretariat", "TCS", "Korean Peninsula", "Year of Cultural Exchange"):
        assert not any(known in name for name in suggested), known
    for once in ("Cho Tae-yul", "Iwaya Takeshi", "Li Qiang", "Yoon Suk Yeol"):  # named once: not suggested
        assert once not in suggested

    # Terms the new articles mention, and no problem.
    mentions = _section(report, "### Mentions gained or lost")
    assert f"| Trilateral Cooperation Secretariat | 0 | 3 | +3 | {TOKYO} +1, {SEOUL} +2 |" in mentions
    problems = _section(report, "## Problems the strict build would report")
    assert "None: every article, glossary term and theme file can be used." in problems


def test_a_stub_pasted_with_a_definition_is_a_term_and_is_no_longer_suggested(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _repository(tmp_path, SEOUL, TOKYO)
    report = _report(root, "HEAD~1", capsys)
    stub = re.search(r"`docs/glossary/lee-hee-sup\.md`:\n\n```markdown\n(.*?)```", report, re.DOTALL)
    assert stub is not None
    entry = root / "docs" / "glossary" / "lee-hee-sup.md"

    entry.write_text(stub.group(1), encoding="utf-8")  # pasted as it is: the definition is still to write
    terms, problems = load_terms(root)
    assert [(p.path, p.message) for p in problems] == [("docs/glossary/lee-hee-sup.md", "the definition is empty.")]

    definition = "Lee Hee-sup is a South Korean diplomat who heads the Trilateral Cooperation Secretariat.\n"
    entry.write_text(stub.group(1) + definition, encoding="utf-8")
    terms, problems = load_terms(root)
    assert problems == []
    term = next(term for term in terms if term.slug == "lee-hee-sup")
    assert (term.title, term.kind, term.aliases) == ("Lee Hee-sup", "person", ("Lee Hee-sup",))

    report = _report(root, "HEAD~1", capsys)
    assert "Lee Hee-sup" not in _suggested(report)
    assert "- Added: **Lee Hee-sup** (`docs/glossary/lee-hee-sup.md`, person): 2 mentions in 2 articles" in report


def test_a_changed_paragraph_shows_its_themes_before_and_after_with_evidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _repository(tmp_path, SEOUL)
    seed = root / "seeds" / f"{SEOUL}.txt"
    text = seed.read_text(encoding="utf-8")
    security = re.search(r"^Differences remained over North Korea\..*$", text, re.MULTILINE)
    assert security is not None
    trade = (
        "Differences remained over trade. Japan and South Korea raised China's export controls on critical "
        "minerals, while China criticised new tariffs on its electric vehicles."
    )
    seed.write_text(text.replace(security.group(), trade), encoding="utf-8")

    report = _report(root, "HEAD", capsys)
    assert "the working tree changes 1 article." in report
    changed = _section(report, f"### Changed: {SEOUL_TITLE}")
    assert f"`seeds/{SEOUL}.txt` · 5 paragraphs\n" in changed
    assert "Text: ¶5 edited." in changed
    assert _ribbon(changed)[5] == {"economics"}
    moved = [line for line in changed.splitlines() if line.startswith("- ¶")]
    assert len(moved) == 1
    assert moved[0].startswith("- ¶5: security → economics; gained economics (")
    gained, lost = moved[0].split("; lost security (it had ")
    assert '"tariffs"' in gained and '"export controls"' in gained
    assert '"North Korea"' in lost and '"military"' in lost
    themes = _section(report, "## Themes")
    assert "| Economics & trade | 7 | 8 | +1 |" in themes  # the fixture's 6, the new article's ¶2, now its ¶5
    assert "| Security & geopolitics | 8 | 7 | −1 |" in themes


def test_a_new_paragraph_does_not_make_the_ones_after_it_look_moved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _repository(tmp_path, SEOUL)
    seed = root / "seeds" / f"{SEOUL}.txt"
    text = seed.read_text(encoding="utf-8")
    first = "The leaders of China, Japan and the Republic of Korea gathered in Seoul"
    seed.write_text(text.replace(first, "Reporters waited outside the hall.\n\n" + first), encoding="utf-8")

    report = _report(root, "HEAD", capsys)
    changed = _section(report, f"### Changed: {SEOUL_TITLE}")
    assert f"`seeds/{SEOUL}.txt` · 6 paragraphs (was 5)" in changed
    assert "Text: ¶1 new." in changed
    assert "No paragraph's themes moved." in changed


def test_a_removed_term_loses_its_mentions_and_the_terms_naming_it_are_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _repository(tmp_path)
    (root / "docs" / "glossary" / "tokyo.md").unlink()

    report = _report(root, "HEAD", capsys)
    assert "the working tree removes 1 glossary term." in report
    terms = _section(report, "## Glossary terms")
    assert "- Removed: **Tokyo** (`docs/glossary/tokyo.md`): 2 mentions no longer linked" in terms
    assert "| Tokyo | 2 | 0 | −2 | china-japan-rok-trilateral-2025 −2 |" in terms
    assert not re.search(r"^## Articles$", report, re.MULTILINE)  # no article's text or themes changed
    problems = _section(report, "## Problems the strict build would report").splitlines()
    japan = [line for line in problems if line.startswith("- `docs/glossary/japan.md:")]
    assert len(japan) == 1 and "'tokyo'" in japan[0] and "**Fix:**" in japan[0]


def test_a_theme_vocabulary_change_names_the_words_and_the_passages_gained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _repository(tmp_path)
    theme = root / "docs" / "themes" / "history.md"
    text = theme.read_text(encoding="utf-8")
    theme.write_text(text.replace("vocabulary:\n", "vocabulary:\n  - ministers\n", 1), encoding="utf-8")

    report = _report(root, "HEAD", capsys)
    assert "the working tree changes 1 article; changes 1 theme." in report  # the seed's paragraphs moved
    themes = _section(report, "## Themes")
    assert (
        '- Changed: **History & memory** (`docs/themes/history.md`): vocabulary (added or reweighted: "ministers")'
        in (themes)
    )
    assert re.search(r"^\| History & memory \| \d+ \| \d+ \| \+\d+ \|$", themes, re.MULTILINE)
    changed = _section(report, "## Articles")
    assert re.search(r"; gained history \(\"ministers\"\)", changed)


def test_an_unchanged_working_tree_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _repository(tmp_path, SEOUL)
    report = _report(root, "HEAD", capsys)
    assert "the working tree changes no article, glossary term or theme." in report
    assert not re.search(r"^## (Articles|Glossary terms|Themes)$", report, re.MULTILINE)
    assert "The added and changed articles name nothing that lacks a glossary entry." in report


def test_a_ref_that_does_not_exist_is_a_clear_error_with_status_2(tmp_path: Path) -> None:
    root = _repository(tmp_path, SEOUL)
    result = subprocess.run(
        [sys.executable, "-m", "newsguide", "report", "--base", "no-such-branch"],
        cwd=root,
        env={**os.environ, **GIT_ENV, "PYTHONPATH": str(ROOT / "hooks")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: 'no-such-branch' names no commit in the repository at ")
    assert "Give a branch, tag or commit that exists" in result.stderr


def test_a_folder_outside_git_is_a_clear_error_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "project"
    shutil.copytree(CORPUS, root)
    assert main(["report", "--base", "HEAD", "--root", str(root)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("error: git rev-parse failed in ") and "not a git repository" in err


def test_the_report_can_be_written_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _repository(tmp_path, SEOUL, TOKYO)
    out = tmp_path / "out" / "report.md"
    assert main(["report", "--base", "HEAD~1", "--root", str(root), "--output", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert f"### Added: {TOKYO_TITLE}" in out.read_text(encoding="utf-8")


# The suggestion rules, one sentence at a time.


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Chinese Foreign Minister Wang Yi met reporters.", [("Wang Yi", True)]),
        ("Wang Yi said the talks went well.", [("Wang Yi", True)]),
        ("TCS Secretary-General Lee Hee-sup told reporters.", [("Lee Hee-sup", True)]),
        ("The Northeast Asia Trilateral Forum met in Busan.", [("Northeast Asia Trilateral Forum", False)]),
        ("Officials from the Ministry of Foreign Affairs agreed.", [("Ministry of Foreign Affairs", False)]),
        ("The Trilateral Foreign Ministers’ Meeting ended.", [("Trilateral Foreign Ministers’ Meeting", False)]),
        ("In March Seoul and Tokyo agreed.", []),
        ("Japan’s Prime Minister Kishida Fumio spoke, then Wang Yi.", [("Kishida Fumio", True), ("Wang Yi", False)]),
    ],
)
def test_names_in_a_sentence(sentence: str, names: list[tuple[str, bool]]) -> None:
    assert list(names_in(sentence)) == names


def test_abbreviations_defined_in_parentheses() -> None:
    sentence = (
        "They met at the Trilateral Cooperation Secretariat (TCS) and the Asian Development Bank (ADB) in 2024 (again)."
    )
    assert defined_abbreviations(sentence) == {
        "TCS": "Trilateral Cooperation Secretariat",
        "ADB": "Asian Development Bank",
    }
    assert defined_abbreviations("No parentheses here.") == {}


def test_reading_abbreviations_leaves_logging_as_it_was() -> None:
    # The abbreviations package calls logging.basicConfig when imported; the engine undoes it.
    code = (
        "import logging\n"
        "from newsguide.suggestions import defined_abbreviations\n"
        "assert defined_abbreviations('the Asian Development Bank (ADB)') == {'ADB': 'Asian Development Bank'}\n"
        "print(logging.getLogger().handlers, logging.getLogger().level)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout == f"[] {30}\n"


def test_the_build_counts_the_suggestions_in_one_line(tmp_path: Path) -> None:
    # The build names what `make report` would suggest in one info line, not one line each.
    project = tmp_path / "project"
    shutil.copytree(CORPUS, project)
    for path in (ROOT / "tests" / "fixtures" / "report" / "seeds").iterdir():
        shutil.copy(path, project / "seeds" / path.name)
    corpus = load_corpus(project)
    suggested = suggest_terms(corpus.articles, corpus.articles, corpus.terms)
    assert len(suggested) >= 2
    (line,) = [str(note) for note in corpus.notes if "no glossary entry" in str(note)]
    assert line.startswith(f"{len(suggested)} names in the articles have no glossary entry: AMRO, ")
    assert line.endswith("(see `make report`).")
    for suggestion in suggested:
        assert (suggestion.abbr or suggestion.title) in line, suggestion
