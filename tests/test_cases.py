"""The bad-input corpus: every case in tests/cases/seeds/ and tests/cases/docs/ built for real, each outcome asserted.

Each case is a folder of seed files (or of glossary and theme files, under
`docs/`) and an `expected.yml` listing, for each file,
one outcome: `renders` (the page shows the title and every paragraph verbatim,
and nothing in it runs) or `fails` (the strict build fails with a warning that
names the file, the line where there is one, what is wrong and how to fix it).
A `recipe.yml` generates a large seed at test time instead of committing it.

The cases are batched into three builds: the cases that only render, in one
strict build that must pass; and every case together, once without `--strict`
(as `mkdocs serve` builds: each bad file warns, the rest renders) and once with
it (it must fail, without a traceback).
"""

from __future__ import annotations

import functools
import html
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from tests.sitebuild import ROOT, Build, build, make_project

CASES = Path(__file__).parent / "cases"
#: Case folders: seed files (`seeds/`), and glossary and theme files (`docs/`, in the folders of `docs/`).
CASE_KINDS = ("seeds", "docs")
SEED_PAGE = "articles/china-japan-rok-trilateral-2025/"
_SOURCE_FILE = re.compile(r'class="ng-seed">Source file: <code>(.*?)</code>')

pytestmark = pytest.mark.build


@dataclass(frozen=True)
class Expectation:
    """One outcome a case expects for one of its seed files."""

    case: str
    outcome: str
    file: str
    page: str = ""
    title: str = ""
    body: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    line: int = 0
    field: str = ""
    pending: str = ""


@dataclass
class Case:
    """A folder of contributor files with its expected outcomes."""

    name: str
    about: str
    files: dict[str, bytes]
    expect: list[Expectation] = field(default_factory=list)

    @property
    def renders_only(self) -> bool:
        """True when every file of the case is expected to render."""
        return all(e.outcome == "renders" for e in self.expect)

    @property
    def pending(self) -> bool:
        """True when the case waits for a feature that is not built yet."""
        return any(e.pending for e in self.expect)


def _from_recipe(recipe: dict[str, Any]) -> tuple[str, bytes, tuple[str, ...]]:
    # A large seed from its recipe: file name, bytes, and the body paragraphs it must show.
    sentence = str(recipe["sentence"])
    body = tuple(
        " ".join(sentence.format(p=p, s=s) for s in range(1, int(recipe["sentences"]) + 1))
        for p in range(1, int(recipe["paragraphs"]) + 1)
    )
    text = "\n\n".join([str(recipe["title"]), *body]) + "\n"
    return str(recipe["file"]), text.encode("utf-8"), body


def load_case(folder: Path) -> Case:
    """Read one case folder; its files are keyed by their path in the project (`seeds/x.txt`, `docs/glossary/x.md`)."""
    expected = yaml.safe_load((folder / "expected.yml").read_text(encoding="utf-8"))
    kind = folder.parent.name
    files = {
        f"{kind}/{p.relative_to(folder).as_posix()}": p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in ("expected.yml", "recipe.yml")
    }
    generated_body: tuple[str, ...] = ()
    if (folder / "recipe.yml").exists():
        name, data, generated_body = _from_recipe(yaml.safe_load((folder / "recipe.yml").read_text(encoding="utf-8")))
        files[f"{kind}/{name}"] = data
    case = Case(folder.name, expected["about"], files)
    for item in expected["expect"]:
        body = generated_body if item.get("body") == "from recipe" else tuple(item.get("body", ()))
        case.expect.append(
            Expectation(
                case=folder.name,
                outcome=item["outcome"],
                file=item["file"],
                page=item.get("page", ""),
                title=item.get("title", ""),
                body=body,
                texts=tuple(item.get("texts", ())),
                words=tuple(item.get("words", ())),
                line=int(item.get("line", 0)),
                field=item.get("field", ""),
                pending=item.get("pending", ""),
            )
        )
    return case


ALL_CASES = [load_case(folder) for kind in CASE_KINDS for folder in sorted((CASES / kind).iterdir()) if folder.is_dir()]
ACTIVE = [case for case in ALL_CASES if not case.pending]
EXPECTATIONS = [e for case in ALL_CASES for e in case.expect]


def _project(tmp: Path, cases: list[Case]) -> Path:
    # A copy of the real project with the cases' files added beside the real seed, glossary and themes.
    project = make_project(tmp)
    for case in cases:
        for path, content in case.files.items():
            (project / path).parent.mkdir(parents=True, exist_ok=True)
            (project / path).write_bytes(content)
    return project


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A strict build of the real seed with every case that only renders."""
    return build(_project(tmp_path_factory.mktemp("rendered"), [c for c in ACTIVE if c.renders_only]))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Every case together, built without --strict, as `mkdocs serve` builds."""
    return build(_project(tmp_path_factory.mktemp("served"), ACTIVE), strict=False)


@pytest.fixture(scope="module")
def strict(served: Build) -> Build:
    """Every case together, in a strict build."""
    result = build(served.project, site=served.project / "site-strict")
    shutil.rmtree(result.site, ignore_errors=True)
    return result


def _visible(text: str) -> str:
    return " ".join(text.split())


def _paragraph_text(element: Tag) -> str:
    # A body paragraph's visible text without its ¶ permalink and theme badges.
    copy = BeautifulSoup(str(element), "html.parser")
    for permalink in copy.select(".ng-permalink, .ng-badges"):
        permalink.decompose()
    return _visible(copy.get_text())


def assert_renders(result: Build, expected: Expectation) -> None:
    """The page exists, shows the title and every paragraph verbatim, and nothing in it can run."""
    assert (result.site / expected.page / "index.html").exists(), f"{expected.file}: no page at {expected.page}"
    page = result.html(expected.page)
    article = page.select_one("article")
    assert _visible(page.find("h1").get_text()) == expected.title
    assert _visible(page.title.get_text()).startswith(expected.title)
    assert page.select_one(".ng-seed code").get_text() == expected.file
    shown = [_paragraph_text(p) for p in article.select(".ng-body > .ng-para")]
    assert len(shown) == len(expected.body), f"{len(shown)} paragraphs shown, {len(expected.body)} expected"
    for number, (seen, wanted) in enumerate(zip(shown, expected.body, strict=True), start=1):
        assert seen == wanted, f"paragraph {number} of {expected.file}"
    text = _visible(article.get_text())
    for words in expected.texts:
        assert words in text
    assert not article.find("script")
    for element in article.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, f"{element.name} carries {handlers}"
        for name in ("href", "src", "action", "formaction"):
            assert not str(element.get(name, "")).strip().lower().startswith(("javascript:", "data:"))


def warning_for(output: str, file: str, line: int) -> str:
    """The full warning (continuation lines included) that starts with `file:line:`."""
    where = f"{file}:{line}: " if line else f"{file}: "
    found = re.search(rf"^WARNING\s+-\s+{re.escape(where)}.*?(?=^\S|\Z)", output, re.MULTILINE | re.DOTALL)
    assert found, f"no warning starting with {where!r} in:\n{output}"
    return _visible(found.group())


def assert_fails(result: Build, expected: Expectation) -> None:
    """The build warns about the file, says what is wrong and how to fix it, and has no page from it.

    A glossary or theme file that loads but clashes with another (two terms claiming one alias)
    still gives its page, named by `page`; a file that does not load gives none, not even raw.
    """
    message = warning_for(result.output, expected.file, expected.line)
    for words in expected.words:
        assert words in message
    if expected.field:
        assert f"field '{expected.field}': " in message
    assert " Fix: " in message
    if expected.file.startswith("docs/"):
        own = Path(expected.file).relative_to("docs").with_suffix("").as_posix() + "/"
        assert (result.site / own / "index.html").exists() == (expected.page == own), f"page {own}"
        return
    pages = [page for page, source in page_sources(result.site).items() if source == expected.file]
    assert not pages, f"{pages} come from the bad file"


@functools.cache
def page_sources(site: Path) -> dict[str, str]:
    """The seed file each built article page names as its source."""
    sources = {}
    for index in site.glob("articles/*/index.html"):
        found = _SOURCE_FILE.search(index.read_text(encoding="utf-8"))
        sources[index.parent.name] = html.unescape(found.group(1)) if found else ""
    return sources


def test_the_corpus_is_described_and_varied() -> None:
    names = [name for case in ALL_CASES for name in case.files]
    assert len(names) == len(set(names)), "file names must be unique across cases"
    assert not any((ROOT / name).exists() for name in names), "a case file must not replace a real one"
    assert len(ALL_CASES) >= 20
    assert {"renders", "fails"} == {e.outcome for e in EXPECTATIONS}
    for case in ALL_CASES:
        assert case.about and case.expect
        for expected in case.expect:
            assert expected.file in case.files, expected
            if expected.outcome == "renders":
                assert expected.page and expected.title and expected.body
            else:
                assert expected.words


@pytest.mark.parametrize("expected", EXPECTATIONS, ids=lambda e: f"{e.case}:{e.file.split('/')[-1]}")
def test_case(expected: Expectation, rendered: Build, served: Build, strict: Build) -> None:
    if expected.pending:
        pytest.skip(f"pending: {expected.pending}")
    case = next(c for c in ALL_CASES if c.name == expected.case)
    if expected.outcome == "renders":
        if case.renders_only:
            assert_renders(rendered, expected)
        assert_renders(served, expected)
    else:
        assert_fails(served, expected)
        assert warning_for(strict.output, expected.file, expected.line)


def test_render_cases_pass_the_strict_build(rendered: Build) -> None:
    assert rendered.returncode == 0, rendered.output
    assert "Traceback" not in rendered.output
    assert "WARNING" not in rendered.output


def test_bad_files_fail_the_strict_build_without_a_traceback(strict: Build) -> None:
    assert strict.returncode != 0
    assert "Aborted with" in strict.output and "in strict mode" in strict.output
    assert "Traceback" not in strict.output


def test_serve_build_warns_per_bad_file_and_renders_the_rest(served: Build) -> None:
    assert served.returncode == 0, served.output
    assert "Traceback" not in served.output
    warnings = [line for line in served.output.splitlines() if line.startswith("WARNING")]
    bad = [e for case in ACTIVE for e in case.expect if e.outcome == "fails"]
    assert len(warnings) == len(bad), "\n".join(warnings)
    page = served.html(SEED_PAGE)
    assert page.find(id="p8") is not None
    assert served.html("glossary/rcep/").select_one(".ng-mentions .ng-passage") is not None
    assert served.html("themes/economics/").select(".ng-passage")
    assert page.find("a", class_="ng-term") is not None
    assert page.select_one(".ng-disclaimer") is not None
    # Every rendered article is in the articles index (the home page lists only the newest).
    index_pages = ["articles/", *(f"articles/page/{p.name}/" for p in (served.site / "articles" / "page").glob("*"))]
    home = {a.get_text() for url in index_pages for a in served.html(url).select(".ng-article-list a")}
    for case in ACTIVE:
        for expected in case.expect:
            if expected.outcome == "renders":
                assert expected.title in home
