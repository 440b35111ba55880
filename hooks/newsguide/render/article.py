"""The article page: the whole article, every paragraph anchored, its parts set apart.

Above the body, a theme ribbon shows one cell per paragraph, coloured by the
paragraph's themes and linking to it; each cell's text names the paragraph
and its themes, so colour is never the only label. Each paragraph ends with
badges for its themes, linking to the passage on each theme page. Both are
left out of the search index, which should hold the article's own words.

Glossary terms are linked as the body is written, from the mentions found in
it (`newsguide.link.TermMatcher.mentions`): the first mention of each term in
each section. Only the body is linked, so a link always marks a mention that
the term's page lists; the standfirst and byline are not.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import NamedTuple

from ..classify import Passage
from ..link import Linker, Match, Mention, skip_linking
from ..markdown_body import render_markdown_block
from ..markup import description, front_matter, href, text
from ..model import Article, Paragraph
from ..themes import Theme
from ..verbatim import verbatim


def render_article(
    article: Article,
    passages: Sequence[Passage] = (),
    themes: Sequence[Theme] = (),
    linker: Linker | None = None,
    mentions: Sequence[Mention] = (),
) -> str:
    """Render an article as a Markdown page.

    The body paragraphs are raw HTML blocks with ids `p1`, `p2`, … so that
    theme and glossary pages can link into them, each with a visible ¶ link.

    Args:
        article: The parsed article.
        passages: The article's classified paragraphs, one per body paragraph.
        themes: Every theme, in display order.
        linker: Writes the links to glossary terms; none are written without it.
        mentions: The article's mentions of terms, in reading order.

    Returns:
        The page's Markdown, front matter included.
    """
    first = article.body[0].sentences[0].text if article.body[0].sentences else article.body[0].text
    parts = [
        front_matter(
            {
                "title": article.title,
                "description": description(article.standfirst, first),
                "newsguide_source": article.source.as_posix(),
                "newsguide_citation": citation(article),
            }
        )
    ]
    # The engine's raw HTML skips Markdown where the site generator allows (see `newsguide.verbatim`).
    head = [f'<p class="ng-standfirst">{escape(article.standfirst, quote=False)}</p>\n'] if article.standfirst else []
    parts.append(verbatim("".join([*head, _meta(article)])))
    by_slug = {theme.slug: theme for theme in themes}
    themes_of = {p.paragraph.number: [by_slug[slug] for slug in p.themes] for p in passages}
    if themes:
        parts.append(_ribbon(article, themes_of, themes))
    ids = {p.paragraph.number: p.id for p in passages}
    matches = _matches_by_paragraph(article, mentions)
    linked: set[str] = set()  # the terms linked so far in the body's section
    body = "".join(
        _paragraph(
            article,
            paragraph,
            themes_of.get(paragraph.number, []),
            ids.get(paragraph.number, ""),
            _Links(linker, matches.get(paragraph.number, []), linked),
        )
        for paragraph in article.body
    )
    parts.append(verbatim(f'<div class="ng-body">\n{body}</div>\n'))
    if article.author_note or article.disclaimer:
        parts.append("\n## About this article\n\n")
        about = []
        if article.author_note:
            about.append(f'<p class="ng-author-note"><strong>Author:</strong> {text(article.author_note)}</p>\n\n')
        if article.disclaimer:
            about.append(f'<p class="ng-disclaimer">{text(article.disclaimer)}</p>\n')
        parts.append(verbatim("".join(about)))
    return "".join(parts)


def citation(article: Article) -> dict[str, object]:
    """What a citation of the article needs, for its page's Highwire Press tags and its Cite buttons.

    The date is written as Google Scholar asks (`2025/03/22`, or `2025/03`
    when only the month is known); a field the article lacks is left out.
    """
    fields: dict[str, object] = {"title": article.title}
    if article.author:
        fields["authors"] = [article.author]
    if article.date:
        fields["date"] = article.date_iso.replace("-", "/")
    if article.publisher:
        fields["publisher"] = article.publisher
    return fields


def _meta(article: Article) -> str:
    # The byline, publisher, date and source line under the standfirst.
    items = []
    if article.byline or article.author:
        items.append(f'<span class="ng-byline">{text(article.byline or "by " + article.author)}</span>')
    if article.publisher:
        items.append(f'<span class="ng-publisher">Published by {text(article.publisher)}</span>')
    if article.date:
        items.append(f'<time datetime="{article.date_iso}">{article.date_label}</time>')
    if article.source_url:
        items.append(f'<a class="ng-source" href="{text(article.source_url)}">Original article</a>')
    items.append(f'<span class="ng-seed">Source file: <code>{text(article.source.as_posix())}</code></span>')
    return '<p class="ng-meta">' + " · ".join(items) + "</p>\n\n"


def _ribbon(article: Article, themes_of: dict[int, list[Theme]], themes: Sequence[Theme]) -> str:
    # One linked cell per paragraph, coloured by its themes, with a text label and a legend.
    cells = []
    for paragraph in article.body:
        here = themes_of.get(paragraph.number, [])
        names = ", ".join(theme.title for theme in here) or "no theme"
        chips = (
            "".join(f'<span class="ng-chip ng-c{theme.colour}">{text(theme.abbreviation)}</span>' for theme in here)
            or '<span class="ng-chip ng-none">–</span>'
        )
        cells.append(
            f'<li><a class="ng-cell" href="#{paragraph.anchor}" title="Paragraph {paragraph.number}: {text(names)}">'
            f'<span class="ng-sr-only">Paragraph </span><span class="ng-cell-number">{paragraph.number}</span>'
            f'<span class="ng-chips" aria-hidden="true">{chips}</span>'
            f'<span class="ng-sr-only">: {text(names)}</span></a></li>'
        )
    shown = {theme.slug for here in themes_of.values() for theme in here}
    legend = " ".join(
        f'<a class="ng-legend-item" href="{href(article.url, theme.url)}">'
        f'<span class="ng-chip ng-c{theme.colour}" aria-hidden="true">{text(theme.abbreviation)}</span> '
        f"{text(theme.title)}</a>"
        for theme in themes
        if theme.slug in shown
    )
    # Only links, theme names and numbers: nothing to link or to search (see `skip_linking`).
    return (
        '<nav class="ng-ribbon" aria-label="Themes, paragraph by paragraph" data-search-exclude>\n'
        + skip_linking(
            '<ol class="ng-cells">'
            + "".join(cells)
            + "</ol>\n"
            + (f'<p class="ng-legend">Themes: {legend}</p>\n' if legend else "")
        )
        + "\n</nav>\n\n"
    )


def _badges(article: Article, themes: list[Theme], passage_id: str) -> str:
    # Links from a paragraph to its passage on each of its theme pages.
    if not themes:
        return ""
    links = " ".join(
        f'<a class="ng-badge ng-c{theme.colour}" href="{href(article.url, f"{theme.url}#{passage_id}")}">'
        f"{text(theme.title)}</a>"
        for theme in themes
    )
    # Only links and theme names: held out of search indexing like the ribbon (see `newsguide.verbatim`).
    badges = skip_linking(f'<span class="ng-sr-only">Themes: </span>{links}')
    return f' <small class="ng-badges" data-search-exclude>{badges}</small>'


class _Links(NamedTuple):
    # How one paragraph's terms are linked: the linker (None: not at all), the paragraph's
    # mentions, and the terms linked so far in its section (shared by the paragraphs).
    linker: Linker | None
    matches: list[Match]
    linked: set[str]


def _matches_by_paragraph(article: Article, mentions: Sequence[Mention]) -> dict[int, list[Match]]:
    # Paragraph number → the mentions in it, as offsets in the paragraph's text.
    found: dict[int, list[Match]] = {}
    for mention in mentions:
        sentence = article.body[mention.paragraph - 1].sentences[mention.sentence]
        start = sentence.start
        found.setdefault(mention.paragraph, []).append(Match(start + mention.start, start + mention.end, mention.term))
    return found


def _paragraph(article: Article, paragraph: Paragraph, themes: list[Theme], passage_id: str, links: _Links) -> str:
    # One body paragraph with its anchor, permalink, its terms linked, and badges linking to its
    # passage (id) on theme pages.
    anchor = paragraph.anchor
    badges = _badges(article, themes, passage_id)
    # The number is shown in print only (a printed page has no permalinks) and kept out of the search index.
    number = f'<span class="ng-para-number" data-search-exclude>{paragraph.number}</span>'
    linker = links.linker
    if article.markdown:
        permalink = (
            f'<a class="ng-permalink" href="#{anchor}" aria-label="Link to paragraph {paragraph.number}">¶{number}</a>'
        )
        html = render_markdown_block(paragraph.source).replace("\n", " ")
        if linker is not None:  # Markdown's own links and code stay unlinked
            html = linker.link_fragment(html, article.url, links.linked)
        return f'<div id="{anchor}" class="ng-para">{html} {permalink}{badges}</div>\n'
    if linker is not None:
        body = linker.link_matches(paragraph.text, links.matches, article.url, links.linked)
    else:
        body = escape(paragraph.text, quote=False)
    return (
        f'<p id="{anchor}" class="ng-para">{body} '
        f'<a class="ng-permalink" href="#{anchor}" title="Link to paragraph {paragraph.number}" '
        f'aria-label="Link to paragraph {paragraph.number}">¶{number}</a>{badges}</p>\n'
    )
