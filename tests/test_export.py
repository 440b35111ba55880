"""The portable export: plain Markdown that renders to what the site shows, without MkDocs."""

from __future__ import annotations

import json
import posixpath
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, Tag

from newsguide.__main__ import _configured_source_base
from newsguide.corpus import load_corpus
from newsguide.data import data_files
from newsguide.pages import build_pages
from newsguide.sources import split_front_matter
from tests.sitebuild import CORPUS, ROOT, Build, make_project

#: Where the site links source files, as the project's mkdocs.yml says.
SOURCE_BASE = _configured_source_base(ROOT)

#: The Markdown extensions of mkdocs.yml that generated pages may use.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "tables", "toc"]


def _export(out: Path, *args: str, root: Path = CORPUS) -> subprocess.CompletedProcess[str]:
    # Run the CLI, and fail if it (or anything it imports) loaded MkDocs. The source links are the
    # site's, from the project's mkdocs.yml (the fixture corpus has none).
    code = (
        "import sys; from newsguide.__main__ import main; status = main(sys.argv[1:]); "
        "assert not [m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')], 'MkDocs was imported'; "
        "sys.exit(status)"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "export", str(out), "--root", str(root), "--source-base", SOURCE_BASE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def _text(element: Tag) -> str:
    # Block elements end with a newline in both renderings; inline tags add no space.
    return " ".join(element.get_text("").split())


def _page_url(link: str | None, page_path: str) -> str | None:
    # What MkDocs makes of a Markdown link to another page: `x.md#a` → `../x/#a` from `dir/page.md`.
    if not link or "://" in link or link.startswith("#"):
        return link
    target, _, fragment = link.partition("#")
    if not target.endswith(".md"):
        return link
    source = posixpath.dirname(page_path)
    resolved = posixpath.normpath(posixpath.join(source, target)).removesuffix(".md")
    resolved = "" if resolved == "index" else resolved.removesuffix("/index") + "/"
    own = page_path.removesuffix(".md")
    own = "" if own == "index" else own.removesuffix("/index") + "/"
    relative = posixpath.relpath(resolved or ".", own or ".")
    relative = "./" if relative == "." else relative + "/"
    return relative + (f"#{fragment}" if fragment else "")


def _site_content(page: BeautifulSoup, *, theme_title: bool, term_links: bool) -> Tag:
    # The page's content as its Markdown made it: without the edit button, heading permalinks
    # and, when the Markdown has no h1, the title the theme adds from the front matter.
    article = page.select_one("article.md-content__inner")
    assert article is not None
    for extra in article.select("a.md-content__button, a.headerlink" + (", h1" if theme_title else "")):
        extra.decompose()
    # The engine writes the glossary links of the article pages; on other pages, the links come
    # from the Markdown extension that a site generator registers, so the exported Markdown has none.
    for term_link in [] if term_links else article.select("a.ng-term"):
        term_link.unwrap()
    return article


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "out"
    result = _export(out)
    assert result.returncode == 0, result.stderr
    return out


def test_export_holds_every_generated_page_and_data_file(exported: Path) -> None:
    corpus = load_corpus(CORPUS)
    pages = build_pages(corpus)
    manifest = json.loads((exported / "manifest.json").read_text(encoding="utf-8"))
    assert [entry["path"] for entry in manifest["pages"]] == [page.path for page in pages]
    assert {entry["source"] for entry in manifest["pages"]} == {page.source for page in pages}
    assert manifest["data"] == sorted(data_files(corpus))
    written = {p.relative_to(exported).as_posix() for p in exported.rglob("*") if p.is_file()}
    assert written == {page.path for page in pages} | set(data_files(corpus)) | {"manifest.json"}


def test_exported_markdown_renders_to_what_the_site_shows(exported: Path, site: Build) -> None:
    for page in build_pages(load_corpus(CORPUS)):
        metadata, body, _ = split_front_matter((exported / page.path).read_text(encoding="utf-8"), page.path)
        rendered = BeautifulSoup(markdown.markdown(body, extensions=EXTENSIONS), "html.parser")
        for permalink in rendered.select("a.headerlink"):
            permalink.decompose()
        url = page.path.removesuffix(".md") + "/"
        url = url.removesuffix("index/") if url == "index/" or url.endswith("/index/") else url
        article = page.path.startswith("articles/") and page.path != "articles/index.md"
        shown = _site_content(site.html(url), theme_title=rendered.find("h1") is None, term_links=article)
        if article:  # the export links terms to their Markdown files, which a generator maps to pages
            assert rendered.select("a.ng-term"), page.path
            assert all(str(a["href"]).endswith(".md") for a in rendered.select("a.ng-term")), page.path
        assert len(_text(shown)) > 100
        assert _text(rendered) == _text(shown), page.path
        heading = site.html(url).find("h1")
        for permalink in heading.select("a.headerlink"):
            permalink.decompose()
        title = metadata.get("title") or rendered.find("h1").get_text()
        assert BeautifulSoup(title, "html.parser").get_text() == heading.get_text()
        # Links and anchors survive the trip too.
        # Markdown links between pages name the .md file; MkDocs writes the page's URL for them.
        exported_links = [_page_url(str(a.get("href") or ""), page.path) or None for a in rendered.select("a")]
        assert exported_links == [a.get("href") for a in shown.select("a")]
        assert [e["id"] for e in rendered.select("[id]")] == [e["id"] for e in shown.select("[id]")]
        assert rendered.select_one(".ng-generated a")["href"].endswith(page.source)


def test_exported_data_matches_the_site(exported: Path, site: Build) -> None:
    for path in data_files(load_corpus(CORPUS)):
        assert (exported / path).read_bytes() == (site.site / path).read_bytes(), path


def test_export_replaces_an_earlier_export_and_refuses_other_folders(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _export(out).returncode == 0
    stale = out / "articles" / "removed-article.md"
    stale.write_text("old", encoding="utf-8")
    assert _export(out).returncode == 0
    assert not stale.exists()
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("keep me", encoding="utf-8")
    result = _export(other)
    assert result.returncode == 2
    assert "not empty" in result.stderr and "Traceback" not in result.stderr
    assert (other / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_export_reports_bad_seeds_and_keeps_good_pages(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"empty.txt": b""})
    result = _export(tmp_path / "out", root=project)
    assert result.returncode == 1
    assert "seeds/empty.txt" in result.stderr and "Fix:" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "articles" / "china-japan-rok-trilateral-2025.md").is_file()
