"""The home page as a reader finds it: articles, theme cards, a way into the glossary, key figures."""

from __future__ import annotations

from bs4 import Tag

from tests.sitebuild import Build


def _data(site: Build, name: str) -> dict[str, object]:
    # The published data, each file's parts read in (see `Build.passages` and `Build.glossary`).
    return site.passages() if name == "passages.json" else site.glossary()


def _text(element: Tag | None) -> str:
    return " ".join(element.get_text().split()) if element is not None else ""


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def test_a_card_for_each_theme_with_the_counts_of_the_published_data(site: Build) -> None:
    passages = _data(site, "passages.json")
    themes, articles = passages["themes"], passages["articles"]
    assert isinstance(themes, list) and isinstance(articles, list)
    cards = site.html("").select("ul.ng-cards > li.ng-card")
    assert [_text(card.select_one(".ng-card-title a")) for card in cards] == [t["title"] for t in themes]
    for card, theme in zip(cards, themes, strict=True):
        assert card.select_one(".ng-card-title a")["href"] == theme["url"]
        on = [(a["slug"], p["id"]) for a in articles for p in a["paragraphs"] if theme["slug"] in p["themes"]]
        from_articles = len({slug for slug, _ in on})
        expected = f"{_plural(len(on), 'passage')} from {_plural(from_articles, 'article')}"
        assert _text(card.select_one(".ng-card-count")) == expected, theme["slug"]


def test_a_cards_top_terms_are_the_first_key_terms_of_its_theme_page(site: Build) -> None:
    home = site.html("")
    for card in home.select("li.ng-card"):
        url = str(card.select_one(".ng-card-title a")["href"])
        page = site.html(url)
        key_terms = [_text(a) for a in page.select(".ng-key-terms-list > ol.ng-key-terms > li > a")]
        top = card.select(".ng-card-terms a")
        assert top, url
        assert [_text(a) for a in top] == key_terms[: len(top)]
        for link in top:
            assert str(link["href"]).startswith("glossary/")
            assert site.html(str(link["href"])).find("h1") is not None


def test_glossary_box_names_the_most_mentioned_terms_and_links_the_index(site: Build) -> None:
    glossary = _data(site, "glossary.json")["terms"]
    assert isinstance(glossary, list)
    mentions = {term["url"]: len(term["mentions"]) for term in glossary}
    box = site.html("").select_one(".ng-glossary-box")
    assert box is not None
    listed = box.select("ol.ng-key-terms > li")
    assert len(listed) >= 5
    shown = [(str(item.a["href"]), int(_text(item.select_one('[aria-hidden="true"]')))) for item in listed]
    for url, number in shown:
        assert mentions[url] == number, url
    counts = [number for _, number in shown]
    assert counts == sorted(counts, reverse=True)
    assert counts[-1] >= sorted(mentions.values(), reverse=True)[len(counts) - 1]
    more = box.select_one(".ng-more a")
    assert more["href"] == "glossary/" and _text(more) == f"All {len(glossary)} terms"


def test_articles_keep_their_standfirsts_and_the_key_figures_box_follows(site: Build) -> None:
    home = site.html("")
    article = home.select_one(".ng-article-list > li")
    assert article is not None
    assert _text(article.select_one(".ng-standfirst")).startswith("China, Japan, and South Korea held")
    headings = [_text(h).rstrip("¶") for h in home.select("article h2")]
    assert headings[:4] == ["Articles", "Themes", "Glossary", "Key figures"]
    assert home.select_one(".ng-figures-box .ng-more a")["href"] == "figures/"
