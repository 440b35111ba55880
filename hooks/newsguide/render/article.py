"""The article page: the whole article, every paragraph anchored, its parts set apart."""

from __future__ import annotations

from ..markdown_body import render_markdown_block
from ..model import Article, Paragraph
from . import description, front_matter, text


def render_article(article: Article) -> str:
    """Render an article as a Markdown page.

    The body paragraphs are raw HTML blocks with ids `p1`, `p2`, … so that
    theme and glossary pages can link into them, each with a visible ¶ link.

    Args:
        article: The parsed article.

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
            }
        )
    ]
    if article.standfirst:
        parts.append(f'<p class="ng-standfirst">{text(article.standfirst)}</p>\n')
    parts.append(_meta(article))
    parts.append('<div class="ng-body">\n')
    parts.extend(_paragraph(article, paragraph) for paragraph in article.body)
    parts.append("</div>\n")
    if article.author_note or article.disclaimer:
        parts.append("\n## About this article\n\n")
        if article.author_note:
            parts.append(f'<p class="ng-author-note"><strong>Author:</strong> {text(article.author_note)}</p>\n\n')
        if article.disclaimer:
            parts.append(f'<p class="ng-disclaimer">{text(article.disclaimer)}</p>\n')
    return "".join(parts)


def _meta(article: Article) -> str:
    # The byline, publisher, date and source line under the standfirst.
    items = []
    if article.byline or article.author:
        items.append(f'<span class="ng-byline">{text(article.byline or "by " + article.author)}</span>')
    if article.publisher:
        items.append(f'<span class="ng-publisher">Published by {text(article.publisher)}</span>')
    if article.date:
        iso = article.date.isoformat()
        if article.date_precision == "month":
            items.append(f'<time datetime="{iso[:7]}">{article.date:%B %Y}</time>')
        else:
            items.append(f'<time datetime="{iso}">{article.date.day} {article.date:%B %Y}</time>')
    if article.source_url:
        items.append(f'<a class="ng-source" href="{text(article.source_url)}">Original article</a>')
    items.append(f'<span class="ng-seed">Source file: <code>{text(article.source.as_posix())}</code></span>')
    return '<p class="ng-meta">' + " · ".join(items) + "</p>\n\n"


def _paragraph(article: Article, paragraph: Paragraph) -> str:
    # One body paragraph with its anchor and permalink.
    anchor = paragraph.anchor
    if article.markdown:
        permalink = f'<a class="ng-permalink" href="#{anchor}" aria-label="Link to paragraph {paragraph.number}">¶</a>'
        html = render_markdown_block(paragraph.source).replace("\n", " ")
        return f'<div id="{anchor}" class="ng-para">{html} {permalink}</div>\n'
    return (
        f'<p id="{anchor}" class="ng-para">{text(paragraph.text)} '
        f'<a class="ng-permalink" href="#{anchor}" title="Link to paragraph {paragraph.number}" '
        f'aria-label="Link to paragraph {paragraph.number}">¶</a></p>\n'
    )
