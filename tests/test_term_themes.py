"""Where the glossary meets the themes: a term page's themes and a theme page's key terms."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from bs4 import BeautifulSoup, Tag

from newsguide.corpus import load_corpus
from newsguide.term_themes import term_themes
from tests.sitebuild import CORPUS, Build
from tests.test_theme_pages import _resolve


def _heading(element: Tag) -> str:
    # A heading's text without its permalink.
    return element.get_text(strip=True).rstrip("¶")


def _section(page: BeautifulSoup, title: str) -> Tag | None:
    # The element after the h2 with this title (the section's one block), or None without such a heading.
    heading = next((h for h in page.select("article h2") if _heading(h) == title), None)
    return heading.find_next_sibling() if heading else None


def _expected(site: Build) -> Counter[tuple[str, str]]:
    # (term, theme) → sentences on the theme mentioning the term, from the two data files alone.
    passages = site.passages()
    glossary = site.glossary()
    themes_of: dict[tuple[str, str], list[tuple[str, list[str]]]] = {}
    for article in passages["articles"]:
        for paragraph in article["paragraphs"]:
            sentences = [(s["text"], s["themes"]) for s in paragraph["sentences"]]
            themes_of[article["slug"], paragraph["id"]] = sentences
    counts: Counter[tuple[str, str]] = Counter()
    for term in glossary["terms"]:
        for mention in term["mentions"]:
            sentences = themes_of[mention["article"], f"p{mention['paragraph']}"]
            themes = next(themes for text, themes in sentences if text == mention["sentence"])
            counts.update((term["slug"], theme) for theme in themes)
    return counts


def _listed(site: Build, page_url: str, section: Tag, prefix: str) -> list[tuple[str, int]]:
    # (slug, count) for each link in a section that leads to a page under `prefix`, checking the target exists.
    found = []
    for item in section.select("li"):
        link = item.find("a")
        url, _ = _resolve(page_url, link["href"])
        assert url.startswith(prefix), (page_url, link["href"])
        assert (site.site / url / "index.html").is_file(), f"{page_url}: {link['href']} leads nowhere"
        counter = item.select_one(".ng-theme-count, .ng-key-term-count .ng-sr-only")
        number, noun = counter.get_text().split()
        assert noun in ("sentence", "sentences")
        found.append((url.removeprefix(prefix).strip("/"), int(number)))
    return found


def test_rcep_page_lists_economics_among_its_themes_with_a_working_link(site: Build) -> None:
    page = site.html("glossary/rcep/")
    section = _section(page, "Themes")
    assert section is not None and "data-search-exclude" in section.attrs
    link = next(a for a in section.select("a") if a.get_text(strip=True) == "Economics & trade")
    url, _ = _resolve("glossary/rcep/", link["href"])
    assert url == "themes/economics/"
    assert site.html(url).select_one("article h1").get_text(strip=True).rstrip("¶") == "Economics & trade"
    headings = [_heading(h) for h in page.select("article h2")]
    assert headings.index("Mentioned in") < headings.index("Themes")


def test_economics_page_lists_rcep_among_its_key_terms(site: Build) -> None:
    page = site.html("themes/economics/")
    section = _section(page, "Key terms")
    assert section is not None and "data-search-exclude" in section.attrs
    link = next(a for a in section.select("a") if "RCEP" in a.get_text())
    assert _resolve("themes/economics/", link["href"])[0] == "glossary/rcep/"
    assert site.html("glossary/rcep/").select_one("article h1").get_text(strip=True).rstrip("¶").endswith("(RCEP)")
    headings = [_heading(h) for h in page.select("article h2")]
    assert headings.index("Key terms") < headings.index("Passages")


def test_term_pages_count_the_themes_the_data_files_give(site: Build) -> None:
    expected = _expected(site)
    glossary = site.glossary()
    order = [t["slug"] for t in site.passages()["themes"]]
    with_themes = 0
    for term in glossary["terms"]:
        section = _section(site.html(term["url"]), "Themes")
        want = {theme: n for (slug, theme), n in expected.items() if slug == term["slug"]}
        if not term["mentions"]:
            assert section is None, term["slug"]
            continue
        assert section is not None, term["slug"]
        listed = _listed(site, term["url"], section, "themes/")
        assert dict(listed) == want, term["slug"]
        assert listed == sorted(listed, key=lambda pair: (-pair[1], order.index(pair[0])))
        if not want:
            assert "No sentence that mentions it is on a theme" in section.get_text()
        with_themes += bool(want)
    assert with_themes >= 20


def test_theme_pages_count_the_key_terms_the_data_files_give(site: Build) -> None:
    expected = _expected(site)
    passages = site.passages()
    titles = {t["slug"]: t["title"] for t in site.glossary()["terms"]}
    for theme in passages["themes"]:
        section = _section(site.html(theme["url"]), "Key terms")
        want = {term: n for (term, slug), n in expected.items() if slug == theme["slug"]}
        assert section is not None, theme["slug"]
        listed = _listed(site, theme["url"], section, "glossary/")
        assert dict(listed) == want, theme["slug"]
        assert listed == sorted(listed, key=lambda pair: (-pair[1], titles[pair[0]].casefold()))
        assert f"({len(want)} in all)" in section.get_text()


def test_economics_key_terms_show_twelve_and_fold_the_rest(site: Build) -> None:
    section = _section(site.html("themes/economics/"), "Key terms")
    shown = section.select(":scope > ol.ng-key-terms > li")
    folded = section.select("details.ng-key-terms-more li")
    assert len(shown) == 12 and folded
    assert section.select_one("details > summary").get_text() == f"{len(folded)} more terms"


def test_counts_are_of_sentences_and_follow_the_classification() -> None:
    corpus = load_corpus(CORPUS)
    counts = corpus.term_themes
    # Naming a term twice in one sentence counts the sentence once.
    first = corpus.mentions[0]
    twice = [*corpus.mentions, replace(first, start=first.start + 1)]
    again = term_themes(corpus.classification, twice, corpus.terms, corpus.themes)
    assert again == counts
    # Every count is the number of distinct sentences on the theme that mention the term.
    for theme in corpus.themes:
        for term, number in counts.by_theme[theme.slug]:
            sentences = {
                (m.article, m.paragraph, m.sentence)
                for m in corpus.mentions_by_term[term.slug]
                if theme.slug
                in next(
                    p
                    for p in corpus.classification.passages(corpus.article(m.article))
                    if p.paragraph.number == m.paragraph
                )
                .sentences[m.sentence]
                .themes
            }
            assert number == len(sentences) > 0
            assert (theme, number) in counts.by_term[term.slug]
    assert set(counts.by_term) == {t.slug for t in corpus.terms}
    assert set(counts.by_theme) == {t.slug for t in corpus.themes}
