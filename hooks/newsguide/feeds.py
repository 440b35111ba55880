"""Atom feeds: the newest articles, for the whole guide and for each theme.

`feed.xml` holds the `FEED_SIZE` newest articles, each summarised by its
standfirst; `themes/<slug>/feed.xml` holds the newest articles on that theme,
each summarised by its sentences on the theme. A feed needs absolute URLs, so
feeds are written only when the site's URL is known (`site_url`).

Every date comes from the articles (an article without a date is in no feed):
two builds of the same files give the same feeds, whenever they run. The XML is
written by the standard library's ElementTree, which escapes every text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from xml.etree import ElementTree as ET

from .corpus import Corpus
from .model import Article
from .themes import Theme

ATOM = "http://www.w3.org/2005/Atom"
#: How many articles a feed holds: enough for a reader who checks monthly, small at any corpus size.
FEED_SIZE = 50
#: The most characters of a theme entry's summary.
SUMMARY_LIMIT = 600
SITE_FEED = "feed.xml"
#: Beside each theme's feed: an empty sitemap. Material's instant navigation reads every
#: `<link rel="alternate">` as another language of the site and fetches `sitemap.xml` beside it; a
#: theme page's feed link would otherwise cost a 404 on every visit.
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    "<!-- Empty on purpose: the site's sitemap is /sitemap.xml (see newsguide.feeds). -->\n"
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
)


def feed_path(theme: Theme | None = None) -> str:
    """The path in the site of the guide's feed, or of one theme's."""
    return f"themes/{theme.slug}/{SITE_FEED}" if theme else SITE_FEED


def feed_files(corpus: Corpus, site_url: str, site_name: str) -> dict[str, str]:
    """Every feed, by its path in the site; none when the site's URL is unknown.

    Args:
        corpus: The corpus.
        site_url: The site's absolute URL (MkDocs' `site_url`).
        site_name: The site's name, the feeds' author and title.
    """
    if not site_url:
        return {}
    base = site_url if site_url.endswith("/") else site_url + "/"
    dated = [article for article in corpus.articles_newest_first if article.date is not None]

    def site_feed() -> dict[str, str]:
        entries = [(a, a.standfirst or _first_sentence(a)) for a in dated[:FEED_SIZE]]
        return {"xml": render_feed(site_name, base, "", entries, site_name)}

    # Each feed is made from its articles' analyses alone: kept from an earlier build while none changed.
    newest = [article.slug for article in dated[:FEED_SIZE]]
    files = {SITE_FEED: corpus.made(("feed", base, site_name), newest, site_feed)["xml"]}
    for theme in corpus.themes:
        slugs = {passage.article.slug for passage in corpus.classification.on(theme.slug)}
        on_theme = [a for a in dated if a.slug in slugs][:FEED_SIZE]
        inputs = ("feed", base, site_name, theme.slug, theme.title)
        made = corpus.made(
            inputs, [a.slug for a in on_theme], partial(_theme_feed, corpus, theme, on_theme, base, site_name)
        )
        files[feed_path(theme)] = made["xml"]
        files[f"themes/{theme.slug}/sitemap.xml"] = EMPTY_SITEMAP
    return files


def _theme_feed(corpus: Corpus, theme: Theme, articles: list[Article], base: str, site_name: str) -> dict[str, str]:
    # A theme's feed, as `Corpus.made` keeps it: its newest articles, each summed up by its sentences on the theme.
    entries = [(a, _theme_summary(corpus, a, theme.slug)) for a in articles]
    title = f"{theme.title}: {site_name}"
    return {"xml": render_feed(title, base, f"themes/{theme.slug}/", entries, site_name)}


def render_feed(title: str, base: str, page: str, entries: Sequence[tuple[Article, str]], author: str) -> str:
    """One Atom document.

    Args:
        title: The feed's title.
        base: The site's absolute URL, ending in "/".
        page: The URL, relative to the site, of the page the feed follows ("" for home).
        entries: The articles, newest first, each with its summary.
        author: The feed's author, named where an article names none.
    """
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", base + page + SITE_FEED)
    _add(feed, "title", title)
    _add(feed, "updated", _timestamp(entries[0][0]) if entries else "1970-01-01T00:00:00Z")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=base + page + SITE_FEED)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=base + page)
    _add(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", author)
    for article, summary in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = base + article.url
        _add(entry, "id", url)
        _add(entry, "title", article.title)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
        _add(entry, "published", _timestamp(article))
        _add(entry, "updated", _timestamp(article))
        if article.author or article.publisher:
            _add(ET.SubElement(entry, f"{{{ATOM}}}author"), "name", article.author or article.publisher)
        if summary:
            _add(entry, "summary", summary)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _add(parent: ET.Element, name: str, value: str) -> None:
    # One Atom child element holding text.
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = value


def _timestamp(article: Article) -> str:
    # The article's date as an Atom date-time (midnight UTC; a month-only date is its first day).
    assert article.date is not None
    return f"{article.date.isoformat()}T00:00:00Z"


def _first_sentence(article: Article) -> str:
    # The opening of the body, for an article without a standfirst.
    first = article.body[0] if article.body else None
    return first.sentences[0].text if first and first.sentences else ""


def _theme_summary(corpus: Corpus, article: Article, theme: str) -> str:
    # The article's sentences on the theme (a pinned paragraph's whole text), cut near SUMMARY_LIMIT characters.
    parts = []
    for passage in corpus.classification.passages(article):
        if theme in passage.themes:
            on = [s.sentence.text for s in passage.sentences if theme in s.themes]
            parts.append(" ".join(on) or passage.paragraph.text)
    summary = " ".join(parts)
    if len(summary) <= SUMMARY_LIMIT:
        return summary
    return summary[:SUMMARY_LIMIT].rsplit(" ", 1)[0] + " …"
