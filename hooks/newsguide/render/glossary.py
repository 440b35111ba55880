"""The glossary's pages: one page per term, and the index of all terms.

A term page puts the definition first (so a link's instant preview, which shows
what follows the page's title up to the next heading, shows the definition),
then the official links, the articles that mention the term with the sentences
that do, quoted, and related terms. Quoted passages carry `data-search-exclude`,
so that the page is found in search by its definition, not by the articles it
quotes.

"Mentioned in" lists articles, newest first, `ARTICLES_PER_PAGE` a page. While
every sentence mentioning the term fits on one page (`MENTIONS_PER_PAGE`), each
is quoted; past that, each article is quoted by its first such sentence, with
the date and how many it has, cut to `EXCERPT_WORDS` words either side of the
mention: a reader of "Japan" at 10,000 articles wants the articles, not 100,000
quotes, and the pages stay few and small.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from itertools import groupby

from ..corpus import Corpus, TermQuote
from ..glossary import KINDS, NAME_LANGUAGES, Term
from ..link import NO_LINK_CLASS, skip_linking
from ..markup import count, front_matter, highlight, href, text
from ..pagination import Paged, pager
from .theme import swatch

#: How many mentioning sentences a term's page quotes in full: past that, one a page's article.
MENTIONS_PER_PAGE = 100
#: How many articles one page of a term lists: about 100 KB of HTML and 1,800 elements when each is
#: quoted by an excerpt, well under the limits of 300 KB and 3,000 elements a page.
ARTICLES_PER_PAGE = 150
#: How many words either side of the first mention an article's excerpt keeps, when articles are quoted by one.
EXCERPT_WORDS = 10
#: How much a term page weighs in search against other pages (Material's `search.boost`).
SEARCH_BOOST = 10

#: The heading of each kind in the glossary index.
KIND_HEADINGS = {
    "agreement": "Agreements",
    "organisation": "Organisations",
    "forum": "Forums",
    "mechanism": "Mechanisms",
    "meeting": "Meetings",
    "programme": "Programmes",
    "policy": "Policies",
    "event": "Events",
    "concept": "Concepts",
    "country": "Countries",
    "place": "Places",
    "person": "People",
}
INDEX_URL = "glossary/"


def render_term(corpus: Corpus, term: Term) -> dict[str, str]:
    """Render a term's pages as Markdown: the term, then further pages of the articles mentioning it when many.

    Each page's list of articles, with their sentences quoted, is taken from
    an earlier build when none of those articles changed (`Corpus.made`):
    after one article's edit, a common term's other pages are not made again.

    Args:
        corpus: The corpus (for the mentions and related terms).
        term: The term.

    Returns:
        Each page's Markdown, front matter included, by its path: the term's
        page, and `glossary/<slug>/page/2/`, … when the articles mentioning it
        fill more than one page (`ARTICLES_PER_PAGE`), the newest first.
    """
    rank = corpus.newest_first
    mentioning = sorted(corpus.mentioning(term.slug), key=rank.__getitem__)
    sentences = corpus.quoted_sentences(term.slug)
    paged = Paged(term.page_path, term.url, ARTICLES_PER_PAGE)
    chunks = paged.split(mentioning)

    def mentions(chunk: Sequence[str], url: str) -> str:
        inputs = ("term mentions", term.slug, term.url, url, sentences, len(mentioning))
        made = corpus.made(inputs, list(chunk), lambda: {"html": _mentions(corpus, term, sentences, chunk, url)})
        return made["html"]

    parts = [
        front_matter(
            {
                "title": term.heading,
                "description": term.summary,
                "search": {"boost": SEARCH_BOOST},
                "newsguide_source": term.source,
            }
        ),
        _meta(term),
        term.definition + "\n\n",
        _names(term),
    ]
    if term.links:
        items = "".join(f'<li><a href="{text(link.url)}">{text(link.title)}</a></li>' for link in term.links)
        parts.append(f'## Official sources\n\n<ul class="ng-term-links">{items}</ul>\n\n')
    nav = pager(paged, 1, len(chunks))
    parts.append("## Mentioned in\n\n" + mentions(chunks[0], term.url) + nav + "\n")
    parts.append(_themes(corpus, term))
    related = [corpus.term(slug) for slug in term.see_also if slug in corpus.linker.terms]
    if related:
        items = "".join(_entry(other, term.url) for other in related)
        parts.append(f'## See also\n\n<ul class="ng-see-also {NO_LINK_CLASS}" data-search-exclude>{items}</ul>\n')
    pages = {term.page_path: "".join(parts)}
    for number, chunk in enumerate(chunks[1:], start=2):
        url = paged.page_url(number)
        first = paged.size * (number - 1) + 1
        summary = f"Articles {first} to {first + len(chunk) - 1} of {len(mentioning)}, the newest first."
        title = f"{term.title}: mentions, page {number} of {len(chunks)}"
        nav = pager(paged, number, len(chunks))
        pages[paged.page_path(number)] = (
            front_matter({"title": title, "description": summary, "search": {"exclude": True}})
            + f'<p class="ng-mention-count">{text(summary)} <a href="{href(url, term.url)}">Back to '
            f"{text(term.heading)}</a></p>\n\n" + nav + mentions(chunk, url) + nav
        )
    return pages


def render_index(corpus: Corpus, intro: str) -> str:
    """Render the glossary index: an A–Z jump list, then every term grouped by kind.

    Args:
        corpus: The corpus.
        intro: The hand-written page (`docs/glossary/index.md`), front matter
            included, which comes first.

    Returns:
        The page's Markdown.
    """
    ordered = sorted(corpus.terms, key=_sort_key)
    letters = {_letter(term) for term in ordered}
    jump = "".join(
        f'<a href="#letter-{c.lower()}">{c}</a>' if c in letters else f'<span aria-hidden="true">{c}</span>'
        for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )
    parts = [intro.rstrip() + "\n\n", f'<nav class="ng-az" aria-label="Terms from A to Z">{jump}</nav>\n\n']
    for kind in KINDS:
        members = [term for term in ordered if term.kind == kind]
        if members:
            items = "".join(_entry(term, INDEX_URL) for term in members)
            parts.append(f'## {KIND_HEADINGS[kind]}\n\n<ul class="ng-glossary {NO_LINK_CLASS}">{items}</ul>\n\n')
    parts.append("## A–Z\n\n")
    rows = []
    for letter, group in groupby(ordered, key=_letter):
        links = " · ".join(f'<a href="{href(INDEX_URL, t.url)}">{text(t.title)}</a>' for t in group)
        rows.append(f'<p id="letter-{letter.lower()}" class="ng-az-row"><strong>{letter}</strong> {links}</p>')
    parts.append(f'<div class="ng-az-index {NO_LINK_CLASS}">\n' + "\n".join(rows) + "\n</div>\n")
    return "".join(parts)


def render_glossary_box(corpus: Corpus, page_url: str, limit: int = 8) -> str:
    """The home page's way into the glossary: the most-mentioned terms and a link to the index.

    A term's count is the number of sentences that mention it, as on its page
    and in `data/glossary.json`.

    Args:
        corpus: The corpus, with its mentions.
        page_url: The URL of the page the box goes on, for relative links.
        limit: How many terms to name.

    Returns:
        A raw HTML block, or "" when the glossary is empty.
    """
    if not corpus.terms:
        return ""
    counts = {term.slug: corpus.quoted_sentences(term.slug) for term in corpus.terms}
    top = sorted((t for t in corpus.terms if counts[t.slug]), key=lambda t: (-counts[t.slug], t.title.casefold()))
    items = "".join(
        f'<li><a href="{href(page_url, term.url)}" title="{text(term.summary)}">{text(term.heading)}</a> '
        f'<span class="ng-key-term-count"><span aria-hidden="true">{counts[term.slug]}</span>'
        f'<span class="ng-sr-only">{count(counts[term.slug], "sentence")}</span></span></li>'
        for term in top[:limit]
    )
    listed = (
        '<p class="ng-key-terms-lead">Most mentioned, with the number of sentences that mention each:</p>\n'
        f'<ol class="ng-key-terms">{items}</ol>\n'
        if items
        else ""
    )
    more = f'<p class="ng-more"><a href="{href(page_url, INDEX_URL)}">All {count(len(corpus.terms), "term")}</a></p>'
    return f'<div class="ng-glossary-box {NO_LINK_CLASS}">\n{listed}{more}\n</div>'


def _meta(term: Term) -> str:
    # The line under the title: kind and abbreviation.
    items = [f'<span class="ng-term-kind">{text(term.kind.capitalize())}</span>']
    if term.abbr:
        items.append(f'<span class="ng-term-abbr">Abbreviation: <abbr>{text(term.abbr)}</abbr></span>')
    return f'<p class="ng-term-meta {NO_LINK_CLASS}">' + " · ".join(items) + "</p>\n\n"


def _names(term: Term) -> str:
    # The term's name in Chinese, Japanese and Korean, each marked with its language.
    items = []
    for code, language in NAME_LANGUAGES.items():
        if code in term.names:
            name = f'<span lang="{code}">{text(term.names[code])}</span>'
            items.append(f'<span class="ng-term-name">{language}: {name}</span>')
    if not items:
        return ""
    return f'<p class="ng-term-names {NO_LINK_CLASS}">' + " · ".join(items) + "</p>\n\n"


def _mentions(corpus: Corpus, term: Term, sentences: int, shown: Sequence[str], page_url: str) -> str:
    # One page's articles mentioning the term (`shown`, by slug), each with its sentences quoted (or, when the
    # term's `sentences` in all are too many for one page, its first), the mention highlighted.
    if not sentences:
        return '<p class="ng-no-mentions">No article mentions this term yet.</p>\n'
    every = sentences <= MENTIONS_PER_PAGE
    lead = "" if every else " Each article is quoted by an excerpt of the first sentence that mentions it."
    articles = len(corpus.mentions_in[term.slug])
    lines = [
        f'<div class="ng-mentions {NO_LINK_CLASS}" data-search-exclude>',
        f'<p class="ng-mention-count">{count(sentences, "passage")} in {count(articles, "article")}.{lead}</p>',
    ]
    for slug in shown:
        inputs = ("term mention", term.slug, page_url, every)
        lines.append(corpus.entry(inputs, slug, partial(_mention_entry, corpus, term.slug, slug, page_url, every)))
    # The quotes link back to their paragraphs, where the terms are linked: the linker skips them.
    return "\n".join([lines[0], skip_linking("\n".join(lines[1:])), "</div>"]) + "\n"


def _mention_entry(corpus: Corpus, term: str, slug: str, page_url: str, every: bool) -> str:
    # One article's entry in a term's list of mentions: its title, date and sentences (or its first), quoted.
    article, group = corpus.article(slug), corpus.quotes(term, slug)
    about = [f'<time datetime="{article.date_iso}">{article.date_label}</time>'] if article.date_label else []
    if not every:
        about.append(count(len(group), "sentence"))
    meta = f' <span class="ng-mention-meta">· {" · ".join(about)}</span>' if about else ""
    link = f'<a href="{href(page_url, article.url)}">{text(article.title)}</a>'
    items = "".join(
        f'<li><a class="ng-passage-link" href="{href(page_url, p.url)}" '
        f'aria-label="Paragraph {p.paragraph} of the article">¶ {p.paragraph}</a> '
        f'<q class="ng-passage">{_quoted(p) if every else _excerpt(p)}</q></li>'
        for p in (group if every else group[:1])
    )
    return f'<p class="ng-mention-article">{link}{meta}</p>\n<ul class="ng-passages">{items}</ul>'


def _quoted(quote: TermQuote) -> str:
    # The whole sentence, each mention of the term marked.
    return highlight(quote.sentence, ((start, end, "mark") for start, end in quote.spans))


def _excerpt(quote: TermQuote, words: int = EXCERPT_WORDS) -> str:
    # The sentence around its first mention, `words` words either side (ellipses where cut), the mentions marked.
    sentence, (start, end) = quote.sentence, quote.spans[0]
    first = start - len(" ".join(sentence[:start].split(" ")[-(words + 1) :]))
    last = end + len(" ".join(sentence[end:].split(" ")[: words + 1]))
    marks = ((s - first, e - first, "mark") for s, e in quote.spans if s >= first and e <= last)
    return ("…" if first else "") + highlight(sentence[first:last], marks) + ("…" if last < len(sentence) else "")


def _themes(corpus: Corpus, term: Term) -> str:
    # The themes the sentences mentioning the term are on, with counts, linking to the theme pages.
    if not corpus.themes or not corpus.mentions_by_term[term.slug]:
        return ""
    found = corpus.term_themes.by_term[term.slug]
    if not found:
        body = '<p class="ng-term-themes-none">No sentence that mentions it is on a theme.</p>'
    else:
        items = "".join(
            f"<li>{swatch(theme)} "
            f'<a href="{href(term.url, theme.url)}">{text(theme.title)}</a>: '
            f'<span class="ng-theme-count">{count(sentences, "sentence")}</span></li>'
            for theme, sentences in found
        )
        body = (
            '<p class="ng-term-themes-lead">The themes of the sentences that mention it, '
            "with how many of those sentences are on each.</p>\n"
            f'<ul class="ng-theme-list">{items}</ul>'
        )
    return f'## Themes\n\n<div class="ng-term-themes {NO_LINK_CLASS}" data-search-exclude>\n{body}\n</div>\n\n'


def _entry(term: Term, page_url: str) -> str:
    # One list entry: the term's name linking to its page, and its short definition.
    return (
        f'<li id="{term.slug}"><a href="{href(page_url, term.url)}">{text(term.heading)}</a>'
        f' — <span class="ng-summary">{text(term.summary)}</span></li>'
    )


def _sort_key(term: Term) -> tuple[str, str]:
    # Alphabetical by title, ignoring case and leading punctuation.
    return (_letter(term), term.title.casefold())


def _letter(term: Term) -> str:
    # The letter a term is filed under in the A–Z list.
    first = next((c for c in term.title if c.isalnum()), "#")
    return first.upper() if first.isascii() and first.isalpha() else "#"
