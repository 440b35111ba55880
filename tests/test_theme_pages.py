"""Theme pages, article badges and ribbon, Other passages, and data/passages.json in the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from newsguide.corpus import load_corpus
from newsguide.render.theme import render_theme
from tests.sitebuild import CORPUS, ROOT, Build, build, make_project

ARTICLE = "articles/china-japan-rok-trilateral-2025/"
THEMES = ["economics", "security", "history", "people-exchange"]


def _text(element: object) -> str:
    return " ".join(str(getattr(element, "get_text", lambda: element)()).split())


def _spoken(element: Tag | None) -> str:
    # The text a screen reader announces: without aria-hidden parts.
    copy = BeautifulSoup(str(element), "html.parser")
    for hidden in copy.select('[aria-hidden="true"]'):
        hidden.decompose()
    return "".join(copy.get_text())


def _resolve(from_url: str, href: object) -> tuple[str, str]:
    # A relative href on a page at from_url → (site-relative URL, fragment).
    target, _, fragment = str(href).partition("#")
    parts = [p for p in from_url.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    url = "/".join(parts) + "/" if parts else ""
    return url, fragment


def test_four_theme_pages_with_intro_first_and_edit_link(site: Build) -> None:
    for slug in THEMES:
        page = site.html(f"themes/{slug}/")
        article = page.select_one("article")
        first = article.find("p")
        assert "This page gathers" in first.get_text()
        assert first.find_previous("h1") is not None
        edit = page.select_one("a[rel=edit]")
        assert edit["href"].endswith(f"/edit/main/docs/themes/{slug}.md")
        assert page.select(".ng-passage"), slug
        assert "passage" in page.select_one(".ng-theme-counts").get_text()


@pytest.mark.parametrize(
    ("theme", "paragraph", "sentence_start"),
    [
        ("people-exchange", 5, "Firstly, with 2025-2026 designated as the Year of Cultural Exchange"),
        ("history", 5, "Secondly, since 2025 marks the 80th anniversary"),
        ("economics", 3, "Given the looming threat of unilateral tariffs"),
        ("security", 6, "Although they each maintain relatively small standing armies"),
        ("security", 6, "Additionally, China remains at odds"),
        ("economics", 5, "A similar pattern is observed in China-ROK relations."),
    ],
)
def test_acceptance_sentences_are_highlighted_on_their_theme_page(
    site: Build, theme: str, paragraph: int, sentence_start: str
) -> None:
    page = site.html(f"themes/{theme}/")
    passage = page.find(id=f"china-japan-rok-trilateral-2025-p{paragraph}")
    assert passage is not None
    marked = [_text(mark) for mark in passage.select("blockquote mark")]
    assert any(m.startswith(sentence_start) for m in marked)


def test_passage_quotes_whole_paragraph_subdues_the_rest_and_shows_evidence(site: Build) -> None:
    corpus = load_corpus(CORPUS)
    article = corpus.article("china-japan-rok-trilateral-2025")
    page = site.html("themes/economics/")
    passage = page.find(id="china-japan-rok-trilateral-2025-p5")
    assert _text(passage.select_one("blockquote")) == article.body[4].text
    assert passage.select(".ng-subdued")  # the anniversary sentence is not about economics
    meta = _text(passage.select_one(".ng-passage-meta"))
    assert "matched:" in meta and "trade" in meta
    assert "continues the sentence before: “A similar pattern”" in meta
    link = passage.select_one(".ng-passage-meta a")
    assert link["href"] == "../../articles/china-japan-rok-trilateral-2025/#p5"


def test_a_passage_on_its_article_s_subject_says_so(tmp_path: Path) -> None:
    # A scene with no words of its own, in a feature on travel, is on people-to-people "by the article's subject".
    feature = (
        "Tourists return to Seoul\n\nA feature.\n\nTourists filled the square and visitors queued.\n\n"
        "The bells rang at noon. It was cold.\n\nA tourist from Osaka laughed.\n"
    )
    project = make_project(tmp_path, {"tourists.txt": feature}, keep_seeds=False)
    themes = project / "docs" / "themes" / "people-exchange.md"
    themes.write_text(themes.read_text(encoding="utf-8").replace("order: 4\n", "order: 4\ncues: [subject]\n", 1))
    corpus = load_corpus(project)
    theme = next(t for t in corpus.themes if t.slug == "people-exchange")
    page = BeautifulSoup("".join(render_theme(theme, corpus).values()), "html.parser")
    passage = page.find(id="tourists-p3")
    assert passage is not None
    assert "a sentence shares the subject of the whole article" in _text(passage.select_one(".ng-passage-meta"))
    assert "continues the sentence before" not in _text(passage)


def test_related_themes_with_counts_and_links(site: Build) -> None:
    page = site.html("themes/economics/")
    related = page.select(".ng-related li")
    assert related
    names = [_text(li.a) for li in related]
    assert "Economics & trade" not in names
    assert all(re.search(r": \d+ shared passages?$", _text(li)) for li in related)
    for li in related:
        url, _ = _resolve("themes/economics/", li.a["href"])
        assert (site.site / url / "index.html").exists()


def test_badges_and_passages_link_both_ways(site: Build) -> None:
    corpus = load_corpus(CORPUS)
    for article in corpus.articles:
        page = site.html(article.url)
        for passage in corpus.classification.passages(article):
            element = page.find(id=passage.paragraph.anchor)
            badges = element.select(".ng-badges a.ng-badge")
            assert len(badges) == len(passage.themes)
            for badge, theme in zip(badges, passage.themes, strict=True):
                url, fragment = _resolve(article.url, badge["href"])
                assert url == f"themes/{theme}/" and fragment == passage.id
                target = site.html(url).find(id=fragment)
                assert target is not None
                back = target.select_one(".ng-passage-meta a")
                assert _resolve(url, back["href"]) == (article.url, passage.paragraph.anchor)


def test_ribbon_has_one_labelled_cell_per_paragraph(site: Build) -> None:
    corpus = load_corpus(CORPUS)
    article = corpus.article("china-japan-rok-trilateral-2025")
    page = site.html(ARTICLE)
    ribbon = page.select_one("nav.ng-ribbon")
    assert ribbon["aria-label"]
    cells = ribbon.select("a.ng-cell")
    assert [c["href"] for c in cells] == [f"#p{p.number}" for p in article.body]
    assert _spoken(cells[4]) == "Paragraph 5: Economics & trade, History & memory, People-to-people exchange"
    assert cells[4].select_one(".ng-chips")["aria-hidden"] == "true"
    legend = {_spoken(a).strip(): a["href"] for a in ribbon.select(".ng-legend a")}
    assert legend["Security & geopolitics"] == "../../themes/security/"


def test_nothing_lost_every_paragraph_is_on_a_theme_page_or_other(site: Build) -> None:
    corpus = load_corpus(CORPUS)
    shown: dict[str, str] = {}
    for url in [f"themes/{t.slug}/" for t in corpus.themes] + ["themes/other/"]:
        for passage in site.html(url).select(".ng-passage"):
            shown[passage["id"]] = _text(passage.select_one("blockquote"))
    for article in corpus.articles:
        for paragraph in article.body:
            key = f"{article.slug}-{paragraph.anchor}"
            assert shown.get(key) == paragraph.text, key


def test_other_page_exists_and_says_when_it_is_empty(site: Build) -> None:
    page = site.html("themes/other/")
    assert page.find("h1").get_text() == "Other passages"
    assert not page.select(".ng-passage")
    assert "Every paragraph of every article is on at least one theme" in page.select_one(".ng-empty").get_text()


def test_overview_lists_themes_with_counts(site: Build) -> None:
    page = site.html("themes/")
    items = page.select(".ng-theme-list li")
    assert [_text(li.a) for li in items] == [
        "Economics & trade",
        "Security & geopolitics",
        "History & memory",
        "People-to-people exchange",
        "Other passages",
    ]
    assert re.search(r"\d+ passages? from 1 article", _text(items[0]))


def test_search_leads_to_the_article_not_to_quoted_copies(site: Build) -> None:
    docs = site.search_index()["docs"]
    assert isinstance(docs, list)
    quote = "increase the number of incoming and outgoing visitors to 40 million"
    holders = {d["location"].split("#")[0] for d in docs if quote in d["text"]}
    assert holders == {ARTICLE}
    theme_text = " ".join(d["text"] for d in docs if d["location"].startswith("themes/"))
    assert "This page gathers" in theme_text
    assert "Economics &amp; trade" not in " ".join(d["text"] for d in docs if d["location"].startswith(ARTICLE))


def test_passages_json_matches_the_built_pages(site: Build) -> None:
    data = site.passages()
    assert set(data) == {"format", "themes", "articles"} and data["format"] == 3
    slugs = [t["slug"] for t in data["themes"]]
    assert slugs == THEMES
    for theme in data["themes"]:
        assert set(theme) == {"slug", "title", "url"}
        assert site.html(theme["url"]).find("h1").get_text() == theme["title"]
    assert data["articles"]
    for article in data["articles"]:
        assert set(article) == {"slug", "title", "author", "url", "date", "paragraphs", "data"}
        assert article["data"] == f"data/articles/{article['slug']}.json"
        page = site.html(article["url"])
        assert page.find("h1").get_text() == article["title"]
        for paragraph in article["paragraphs"]:
            assert set(paragraph) == {"id", "url", "text", "themes", "sentences"}
            url, fragment = paragraph["url"].split("#")
            assert url == article["url"] and fragment == paragraph["id"]
            element = page.find(id=fragment)
            assert element is not None
            assert _text(element).startswith(paragraph["text"])
            assert set(paragraph["themes"]) >= {t for s in paragraph["sentences"] for t in s["themes"]}
            assert set(paragraph["themes"]) <= set(slugs)
            for sentence in paragraph["sentences"]:
                assert set(sentence) == {"text", "themes", "evidence"}
                assert sorted(sentence["evidence"]) == sorted(sentence["themes"])
                assert all(sentence["evidence"].values())
                assert all(word in sentence["text"] for words in sentence["evidence"].values() for word in words)
            for theme in paragraph["themes"]:
                passage = site.html(f"themes/{theme}/").find(id=f"{article['slug']}-{paragraph['id']}")
                assert passage is not None


def test_data_page_documents_passages_json(site: Build) -> None:
    page = site.html("data/")
    text = page.select_one("article").get_text()
    for field in ["themes", "paragraphs", "sentences", "evidence", "url"]:
        assert f"{field}" in text
    link = page.find("a", href=re.compile(r"passages\.json$"))
    assert (site.site / "data" / str(link["href"])).resolve() == (site.site / "data" / "passages.json").resolve()
    assert (site.site / "data" / "passages.json").exists()


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted([_luminance(a), _luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_theme_colours_meet_wcag_aa_in_light_and_dark_schemes() -> None:
    css = (ROOT / "docs" / "assets" / "newsguide.css").read_text(encoding="utf-8")
    blocks = re.findall(r"(:root|\[data-md-color-scheme=\"slate\"\])\s*\{([^}]*)\}", css)
    assert [name for name, _ in blocks] == [":root", '[data-md-color-scheme="slate"]']
    backgrounds = {":root": "#ffffff", '[data-md-color-scheme="slate"]': "#1e2129"}  # Material's page colours
    for name, body in blocks:
        values = dict(re.findall(r"--ng-([\w-]+):\s*(#[0-9a-f]{6})", body))
        colours = [values[f"c{n}"] for n in range(1, 9)]
        for colour in colours:
            assert _contrast(colour, values["chip-fg"]) >= 4.5, (name, colour)
        assert _contrast(values["none"], backgrounds[name]) >= 4.5, name


@pytest.mark.build
def test_a_fifth_theme_file_makes_a_fifth_page(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "docs" / "themes" / "diplomacy.md").write_text(
        "---\ntitle: Diplomacy\ndescription: Summits and talks.\nvocabulary:\n  - foreign ministers\n"
        "  - {term: summit, weight: 2}\n---\n\nMeetings between governments.\n",
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, result.output
    page = result.html("themes/diplomacy/")
    assert page.find("h1").get_text() == "Diplomacy"
    assert "Meetings between governments." in page.select_one("article").get_text()
    assert page.find(id="china-japan-rok-trilateral-2025-p2") is not None
    article = result.html(ARTICLE)
    assert article.find(id="p2").find("a", class_="ng-badge", string="Diplomacy") is not None
    assert "Diplomacy" in [_text(li.a) for li in result.html("themes/").select(".ng-theme-list li")]
    data = result.passages()
    assert [t["slug"] for t in data["themes"]][-1] == "diplomacy"


@pytest.mark.build
def test_an_unthemed_paragraph_goes_to_other_passages(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"plain.txt": "A plain story\n\nThe cat sat on the mat.\n\nIt was warm.\n"})
    result = build(project)
    assert result.returncode == 0, result.output
    page = result.html("themes/other/")
    passages = page.select(".ng-passage")
    assert [p["id"] for p in passages] == ["plain-p1", "plain-p2"]
    assert _text(passages[0].select_one("blockquote")) == "The cat sat on the mat."
    assert passages[0].select_one(".ng-passage-meta a")["href"] == "../../articles/plain/#p1"
    cell = result.html("articles/plain/").select_one("a.ng-cell")
    assert _spoken(cell) == "Paragraph 1: no theme"


def test_quotes_link_back_to_the_article_where_terms_are_linked_not_on_the_quoting_page(site: Build) -> None:
    # Quotes on theme, term, figures and timeline pages are skipped by the glossary linker (see newsguide.link).
    for url in ("themes/economics/", "glossary/rcep/", "figures/", "timeline/"):
        page = site.html(url)
        quotes = page.select(".ng-passage, .ng-quote")
        assert quotes, url
        assert not [q for q in quotes if q.select("a.ng-term")], url
    article = site.html(ARTICLE)
    assert article.select(".ng-body a.ng-term")
