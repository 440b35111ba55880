"""What every page gives a reader and a search engine: a real description, and a navigation in reading order."""

from __future__ import annotations

from pathlib import Path

from tests.sitebuild import Build, build, make_project


def _pages(site: Build) -> list[str]:
    found = [path.parent.relative_to(site.site).as_posix() + "/" for path in site.site.rglob("index.html")]
    return ["" if url == "./" else url for url in sorted(found)]


def test_every_page_has_its_own_meta_description(site: Build) -> None:
    config_description = site.html("").find("meta", attrs={"name": "description"})["content"]
    for url in _pages(site):
        meta = site.html(url).find("meta", attrs={"name": "description"})
        assert meta is not None and len(meta["content"]) >= 40, url
        assert len(meta["content"]) <= 160, url
        if url.startswith(("articles/", "glossary/", "figures/", "timeline/")):
            assert meta["content"] != config_description, url


def test_hand_written_page_description_is_its_first_paragraph(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "docs" / "notes.md").write_text(
        "# Notes\n\nThese notes explain how the editors choose articles for the guide, "
        "and what they leave out, so that readers can judge the selection.\n\nMore text.\n",
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, result.output
    page = result.html("notes/")
    description = page.find("meta", attrs={"name": "description"})["content"]
    first = page.select_one("article p").get_text()
    assert description.startswith("These notes explain how the editors choose articles")
    assert first.startswith(description.rstrip("…"))


def test_navigation_is_in_reading_order(site: Build) -> None:
    nav = site.html("").select_one("nav.md-nav--primary > ul")
    entries = [" ".join(item.find(["a", "label"]).get_text().split()) for item in nav.find_all("li", recursive=False)]
    order = ["Articles", "Glossary", "Key figures", "Timeline"]
    assert [e for e in entries if e in order] == order
    assert entries.index("Articles") < entries.index("Key figures")
