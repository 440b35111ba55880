"""What a contributor sees of the published site: edit links, source notices, the API reference."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from newsguide.corpus import load_corpus
from newsguide.pages import build_pages
from tests.sitebuild import CORPUS, ROOT, Build

CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
REPO = re.search(r"^repo_url: (\S+)$", CONFIG, re.MULTILINE).group(1).rstrip("/")
EDIT = f"{REPO}/edit/main/"
BLOB = f"{REPO}/blob/main/"
ENGINE = ROOT / "hooks" / "newsguide"


def _built_pages(site: Build) -> dict[str, BeautifulSoup]:
    # Every page of the site by URL, except the 404 page (which no file edits).
    pages = {}
    for path in sorted(site.site.rglob("index.html")):
        url = path.parent.relative_to(site.site).as_posix()
        url = "" if url == "." else url + "/"
        pages[url] = site.html(url)
    return pages


def _doc_path(url: str, candidates: set[str]) -> str:
    # The Markdown path inside docs/ that a directory-style URL was built from.
    options = ["index.md"] if not url else [url.rstrip("/") + ".md", url + "index.md"]
    return next((option for option in options if option in candidates), options[0])


def _public_modules() -> list[str]:
    names = []
    for file in sorted(ENGINE.rglob("*.py")):
        parts = file.relative_to(ENGINE).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "__init__" else parts
        if parts and not any(part.startswith("_") for part in parts):
            names.append(".".join(("newsguide", *parts)))
    return names


def test_every_page_links_to_the_file_to_edit(site: Build) -> None:
    generated = {page.path: page.source for page in build_pages(load_corpus(CORPUS))}
    hand_written = {path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs").rglob("*.md")}
    pages = _built_pages(site)
    assert len(pages) > len(generated)
    for url, html in pages.items():
        path = _doc_path(url, set(generated) | hand_written)
        edit = html.select_one("a.md-content__button[rel=edit]")
        assert edit is not None, f"{url}: no edit link"
        notice = html.select_one("article .ng-generated")
        if path in generated or url.startswith("reference/"):
            assert notice is not None, f"{url}: no 'Generated from' notice"
            link = notice.select_one("a")
            assert link["href"].startswith(BLOB), url
            source = str(link["href"])[len(BLOB) :]
            assert link.get_text() == source
            assert notice.get_text().startswith(f"Generated from {source}")
            assert (ROOT / source).is_file() or (CORPUS / source).is_file(), f"{url}: {source} is no file of ours"
            if path in generated:
                assert source == generated[path]
            assert edit["href"] == EDIT + source
        else:
            assert path in hand_written, f"{url}: neither generated nor in docs/"
            assert notice is None, url
            assert edit["href"] == f"{EDIT}docs/{path}"


def test_article_pages_name_their_seed(site: Build) -> None:
    for article in load_corpus(CORPUS).articles:
        link = site.html(article.url).select_one(".ng-generated a")
        assert link["href"] == BLOB + article.source.as_posix()
    # The notice is for contributors: search results never show it.
    docs = site.search_index()["docs"]
    assert isinstance(docs, list)
    assert not [doc["location"] for doc in docs if "Edit that file to change this page" in doc["text"]]


def test_contributing_guide_is_a_page(site: Build) -> None:
    page = site.html("contributing/")
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article h2")]
    for heading in ["Add an article", "Add a glossary term", "Add a theme", "Preview your change"]:
        assert heading in headings
    text = page.select_one("article").get_text(" ")
    assert "Style for definitions" in text and "Fix:" in text
    # The page shows the top-level file itself, not a copy that could drift.
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    first = next(line for line in guide.splitlines()[1:] if line.strip())
    assert " ".join(first.split()[:6]) in " ".join(text.split())


def test_reference_documents_every_public_module(site: Build) -> None:
    modules = _public_modules()
    assert {"newsguide.parse", "newsguide.model", "newsguide.pages", "newsguide.render"} <= set(modules)
    index = site.html("reference/")
    listed = {a.get_text() for a in index.select("article table a")}
    assert listed == set(modules)
    for name in modules:
        parts = name.split(".")[1:]
        package = (ENGINE.joinpath(*parts) / "__init__.py").is_file()
        page = site.html("reference/" + "/".join(parts) + "/")
        assert page.find("h1").get_text(strip=True) == name
        source = ENGINE.joinpath(*parts[:-1], parts[-1] + ".py") if not package else ENGINE.joinpath(*parts)
        code = (source / "__init__.py" if package else source).read_text(encoding="utf-8")
        public = re.findall(r"^(?:def|class) ([A-Za-z]\w*)", code, re.MULTILINE)
        for function in public:
            assert page.find(id=f"{name}.{function}") is not None, f"{name}.{function} is not documented"


def test_reference_renders_docstring_sections(site: Build) -> None:
    page = site.html("reference/parse/")
    entry = page.find(id="newsguide.parse.load_article").find_parent(class_="doc")
    text = " ".join(entry.get_text(" ").split())
    assert "Load one seed file into an Article" in text
    for section in ["Parameters:", "Returns:", "Raises:", "SourceError"]:
        assert section in text


def test_404_page_links_work_at_any_depth_under_the_sub_path(site: Build) -> None:
    # The 404 page is served for a missing URL at any depth, so its links and assets
    # must be absolute to the site's base path (/<repo>/) or external, never relative.
    page = BeautifulSoup((site.site / "404.html").read_text(encoding="utf-8"), "html.parser")
    base = re.search(r"^site_url: \S+?//[^/]+(/\S*)$", CONFIG, re.MULTILINE).group(1)
    for element in page.select("[href], [src]"):
        value = element.get("href") or element.get("src")
        assert value.startswith((base, "http", "#", "data:", "javascript:")), value
