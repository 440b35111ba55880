"""The live content (`seeds/`, `docs/`) checked by invariants that hold for any valid content.

Engine tests read the fixture corpus (`tests/fixtures/corpus/`). What a
contributor changes is checked here, by the strict build and by what must hold
whatever the articles, terms and themes say: nothing lost, every link resolves,
every term has its page.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from slugify import slugify

from newsguide.glossary import alias_key, load_terms
from newsguide.sources import split_front_matter
from tests.sitebuild import ROOT, Build, build


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Build:
    built = build(ROOT, site=tmp_path_factory.mktemp("live") / "site")
    assert built.returncode == 0, "the strict build of the project failed:\n" + built.output
    return built


def _pages(site: Path) -> dict[str, BeautifulSoup]:
    # Every built page by its URL relative to the site root ("" for the home page).
    pages = {}
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix()
        pages["" if url == "." else url + "/"] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return pages


@pytest.mark.build
def test_every_article_and_paragraph_is_published_and_on_its_theme_pages(live: Build) -> None:
    seeds = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix in {".txt", ".md"} and not p.name.startswith("."))
    data = live.passages()
    articles = {article["slug"]: article for article in data["articles"]}
    on_theme = {theme["slug"]: _passage_ids(live, theme["slug"]) for theme in data["themes"]}
    assert sorted(articles) == sorted(slugify(seed.stem) for seed in seeds)
    for slug, article in articles.items():
        page = live.html(f"articles/{slug}/")
        assert [p["id"] for p in page.select(".ng-body [id^=p]")] == [p["id"] for p in article["paragraphs"]], slug
        assert article["paragraphs"], f"{slug} has no paragraph"
        for paragraph in article["paragraphs"]:
            for theme in paragraph["themes"]:
                assert f"{slug}-{paragraph['id']}" in on_theme[theme], f"{slug} {paragraph['id']} not on {theme}"


def _passage_ids(live: Build, theme: str) -> set[str]:
    # The ids of the passages quoted on all of a theme's pages: its first page and page/2/, page/3/, ….
    pages = [live.site / "themes" / theme, *sorted((live.site / "themes" / theme / "page").glob("*"))]
    found: set[str] = set()
    for folder in pages:
        if (folder / "index.html").is_file():
            html = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
            found.update(str(div["id"]) for div in html.select("div.ng-passage[id]"))
    return found


@pytest.mark.build
def test_every_link_between_pages_resolves(live: Build) -> None:
    pages = _pages(live.site)
    for url, page in pages.items():
        for link in page.select("a[href]"):
            href = str(link["href"])
            if href.startswith(("http://", "https://", "mailto:", "#")) or href.startswith("javascript:"):
                continue
            target, _, fragment = href.partition("#")
            resolved = posixpath.normpath(posixpath.join(url, target)) if target else url.rstrip("/")
            resolved = "" if resolved == "." else resolved
            file = live.site / resolved
            assert file.exists(), f"{url}: {href} leads nowhere"
            if fragment and file.is_dir():
                key = "" if resolved == "" else resolved.rstrip("/") + "/"
                assert pages[key].find(id=fragment), f"{url}: {href} names no anchor there"


@pytest.mark.build
def test_every_term_has_its_page_with_a_definition(live: Build) -> None:
    terms = sorted(p.stem for p in (ROOT / "docs" / "glossary").glob("*.md") if p.stem != "index")
    assert terms
    for slug in terms:
        page = live.html(f"glossary/{slug}/")
        assert page.select_one("article h1"), slug
        assert page.select_one("article p"), f"{slug} has no definition"


#: A contributor's pull request: one new valid article (with its sidecar) and one new term.
CONTRIBUTION = ROOT / "tests" / "fixtures" / "contribution"


@pytest.mark.build
def test_a_new_valid_article_and_term_keep_the_content_checks_green(tmp_path: Path) -> None:
    # A copy of the project as git holds it, with the contribution added: its strict build and
    # these very checks pass, as they must for any valid content.
    listed = subprocess.run(["git", "ls-files"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    project = tmp_path / "project"
    for name in listed.splitlines():
        if (ROOT / name).is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, project / name)
    # The live content may already hold the same article or term (a contributor added it): that part of
    # the contribution is then in the project already, and adding it again would be a duplicate, not new content.
    live_terms, _ = load_terms(project)
    known = {alias_key(name) for term in live_terms for name in (term.title, term.abbr, *term.aliases) if name}
    live_articles = {path.stem for path in (project / "seeds").iterdir()}
    for path in sorted(p for p in CONTRIBUTION.rglob("*") if p.is_file()):
        target = project / path.relative_to(CONTRIBUTION)
        if target.exists() or (target.parent.name == "seeds" and path.stem in live_articles):
            continue
        if target.parent.name == "glossary":
            fields, _, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
            names = [fields.get("title"), fields.get("abbr"), *fields.get("aliases", [])]
            if known & {alias_key(str(name)) for name in names if name}:
                continue
        shutil.copy2(path, target)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_live_content.py",
            "-k",
            "not new_valid",
        ],
        capture_output=True,
        text=True,
        cwd=project,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
