"""Theme pages, the themes overview, and the "Other passages" page.

A theme page starts with the theme file's hand-written introduction, then
quotes in full every paragraph that holds a sentence on the theme, article by
article, the newest articles first: the theme's sentences are highlighted
(`<mark>`), the others subdued, and a small line says which words matched and
links to the paragraph in context. The passages are split into numbered pages
of `PASSAGES_PER_PAGE` (`themes/security/`, `themes/security/page/2/`, …), so
no page grows with the corpus. The later pages are the theme's archive: they
quote only the sentences on the theme, with "…" where others were left out
(the whole paragraph is one link away); at 10,000 articles the subdued
sentences alone weighed 95 MB, and GitHub Pages takes at most 1 GB. Each
quoted passage has the id `<article-slug>-p<N>`, which the article page's
badges link to (see `passage_pages`). Quotes carry Material's
`data-search-exclude`, so that search leads to the article itself rather than
to its copies.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import partial

from ..classify import SHARED_SUBJECT, Classification, Passage
from ..corpus import Corpus
from ..feeds import feed_path
from ..glossary import Term
from ..link import NO_LINK_CLASS, skip_linking
from ..markup import count, front_matter, highlight, href, text
from ..pagination import Paged, later_head, paged_pages
from ..themes import Intro, Theme
from .quote import article_runs

#: Where the generated overview and "Other passages" pages live inside `docs/`.
INDEX_PATH = "themes/index.md"
OTHER_PATH = "themes/other.md"
INDEX_URL = "themes/"
OTHER_URL = "themes/other/"
#: How many key terms a theme page shows before the rest are folded away.
KEY_TERMS_SHOWN = 12
#: How many passages one page of a theme (or of "Other passages") quotes: about 100 KB of HTML, as a page
#: of key figures or dates. Each page also carries Material's frame (~16 KB): at 10,000 articles, 40 a page
#: made 5,700 theme pages, 90 MB of frames.
PASSAGES_PER_PAGE = 80
#: The element a quoted sentence off the theme is wrapped in.
_SUBDUED = 'span class="ng-subdued"'


def render_theme(theme: Theme, corpus: Corpus) -> dict[str, str]:
    """Render one theme's pages: the first with the introduction, then the rest of its passages.

    Args:
        theme: The theme.
        corpus: The corpus, with its classification.

    Returns:
        Each page's Markdown, front matter included, by its path.
    """
    passages = corpus.on_theme(theme.slug)
    fields = {"title": theme.title, "description": theme.description, "newsguide_feed": feed_path(theme)}
    parts = [front_matter({**fields, **dict(theme.page_fields)})]
    if theme.intro:
        parts.append(theme.intro + "\n\n")
    sentences = sum(1 for p in passages for s in p.sentences for m in s.matches if m.theme == theme.slug)
    articles = len({p.article.slug for p in passages})
    parts.append(
        f'<p class="ng-theme-counts">{count(len(passages), "passage")} from {count(articles, "article")}, '
        f"with {count(sentences, 'sentence')} on this theme.</p>\n\n"
    )
    parts.append(_related(theme, corpus.classification))
    parts.append(_key_terms(theme, corpus.term_themes.by_theme.get(theme.slug, [])))
    parts.append("## Passages\n\n")
    if not passages:
        parts.append('<p class="ng-empty">No passage of any article is on this theme yet.</p>\n')
    return _paged_passages(corpus, paged_theme(theme), "".join(parts), theme.title, passages, theme)


def render_other(corpus: Corpus) -> dict[str, str]:
    """Render the "Other passages" pages: every body paragraph on no theme, newest articles first."""
    intro = corpus.intros.get("other") or Intro("Other passages")
    passages = corpus.on_theme(None)
    parts = [front_matter({"title": intro.title, "description": intro.description})]
    if intro.body:
        parts.append(intro.body + "\n\n")
    if not passages:
        parts.append('<p class="ng-empty">Every paragraph of every article is on at least one theme.</p>\n')
    else:
        articles = len({p.article.slug for p in passages})
        parts.append(
            f'<p class="ng-theme-counts">{count(len(passages), "passage")} from {count(articles, "article")}.</p>\n\n'
        )
    paged = Paged(OTHER_PATH, OTHER_URL, PASSAGES_PER_PAGE)
    return _paged_passages(corpus, paged, "".join(parts), intro.title, passages, None)


def paged_theme(theme: Theme) -> Paged:
    """Where a theme's passages are published, page by page."""
    return Paged(theme.page_path, theme.url, PASSAGES_PER_PAGE)


def passage_pages(corpus: Corpus) -> dict[str, dict[tuple[str, str], str]]:
    """The URL of the theme page quoting a passage, for passages past the first page, article by article.

    Article pages link each paragraph to its passage on its themes' pages
    (`themes/security/#<id>`); a passage on a later page needs that page's address.

    Returns:
        Article slug → (theme slug, passage id) → the URL of the page quoting it.
    """
    found: dict[str, dict[tuple[str, str], str]] = {}
    for theme in corpus.themes:
        paged = paged_theme(theme)
        for index, passage in enumerate(corpus.on_theme(theme.slug)):
            number = paged.page_of(index)
            if number > 1:
                found.setdefault(passage.article.slug, {})[(theme.slug, passage.id)] = paged.page_url(number)
    return found


def _paged_passages(
    corpus: Corpus, paged: Paged, head: str, title: str, passages: list[Passage], theme: Theme | None
) -> dict[str, str]:
    # The first page (its head, then the first passages), and a page for each further batch; each with the pager.
    # A batch's passages are taken from an earlier build when their articles did not change (`Corpus.made`).
    totals = Counter(p.article.slug for p in passages)
    chunks = paged.split(passages)

    def later(number: int, chunk: Sequence[Passage]) -> str:
        first = paged.size * (number - 1) + 1
        summary = f"Passages {first} to {first + len(chunk) - 1} of {len(passages)}, the newest articles first."
        if theme is not None:
            summary += " Only the sentences on the theme are quoted; each paragraph is whole in its article."
        return later_head(paged, number, len(chunks), title, summary, f"Back to {title}")

    def body(url: str, chunk: Sequence[Passage]) -> str:
        whole, slugs = url == paged.url, list(dict.fromkeys(p.article.slug for p in chunk))
        inputs = (
            "passages",
            url,
            theme.slug if theme else None,
            whole,
            [(p.id, totals[p.article.slug]) for p in chunk],
        )
        made = corpus.made(
            inputs, slugs, lambda: {"html": _article_passages(corpus, url, list(chunk), theme, totals, whole=whole)}
        )
        return made["html"]

    return paged_pages(paged, chunks, head, later, body)


def render_index(corpus: Corpus) -> str:
    """Render the themes overview: every theme with its counts, and the other passages."""
    intro = corpus.intros.get("index") or Intro("Themes")
    classification = corpus.classification
    parts = [front_matter({"title": intro.title, "description": intro.description})]
    if intro.body:
        parts.append(intro.body + "\n\n")
    items = []
    for theme in corpus.themes:
        passages = classification.on(theme.slug)
        articles = len({p.article.slug for p in passages})
        items.append(
            f"<li>{swatch(theme)} "
            f'<a href="{href(INDEX_URL, theme.url)}">{text(theme.title)}</a>: '
            f'<span class="ng-theme-count">{count(len(passages), "passage")} from {count(articles, "article")}</span>'
            + (f'<br><span class="ng-theme-description">{text(theme.description)}</span>' if theme.description else "")
            + "</li>"
        )
    other = len(classification.other())
    other_title = (corpus.intros.get("other") or Intro("Other passages")).title
    items.append(
        f'<li><a href="{href(INDEX_URL, OTHER_URL)}">{text(other_title)}</a>: '
        f'<span class="ng-theme-count">{count(other, "passage")} on no theme</span></li>'
    )
    parts.append('<ul class="ng-theme-list">\n' + "\n".join(items) + "\n</ul>\n")
    return "".join(parts)


def render_theme_cards(corpus: Corpus, page_url: str, terms_shown: int = 4) -> str:
    """A card for each theme: its title linking to its page, its passage count and its top terms.

    The counts are those of the theme page (passages on the theme, and the
    articles they come from); the top terms are the theme's key terms, most
    mentioned first, each linking to its glossary entry.

    Args:
        corpus: The corpus, with its classification and term themes.
        page_url: The URL of the page the cards go on, for relative links.
        terms_shown: How many top terms a card names.

    Returns:
        A raw HTML block, or "" when there are no themes.
    """
    if not corpus.themes:
        return ""
    cards = []
    for theme in corpus.themes:
        passages = corpus.classification.on(theme.slug)
        articles = len({p.article.slug for p in passages})
        top = corpus.term_themes.by_theme.get(theme.slug, [])[:terms_shown]
        terms = (
            '<p class="ng-card-terms"><span class="ng-card-label">Top terms:</span> '
            + ", ".join(f'<a href="{href(page_url, term.url)}">{text(term.heading)}</a>' for term, _ in top)
            + "</p>"
            if top
            else ""
        )
        description = f'<p class="ng-card-description">{text(theme.description)}</p>' if theme.description else ""
        title = f'<a href="{href(page_url, theme.url)}">{text(theme.title)}</a>'
        cards.append(
            f'<li class="ng-card ng-c{theme.colour}">'
            f'<h3 class="ng-card-title">{swatch(theme)} {title}</h3>'
            f'<p class="ng-card-count">{count(len(passages), "passage")} from {count(articles, "article")}</p>'
            f"{description}{terms}</li>"
        )
    return f'<ul class="ng-cards {NO_LINK_CLASS}">\n' + "\n".join(cards) + "\n</ul>"


def swatch(theme: Theme) -> str:
    """A theme's colour with its abbreviation on it, hidden from screen readers (its title follows it)."""
    return f'<span class="ng-swatch ng-c{theme.colour}" aria-hidden="true">{text(theme.abbreviation)}</span>'


def _related(theme: Theme, classification: Classification) -> str:
    # The other themes that share passages with this one, with counts and links.
    related = classification.related(theme.slug)
    if not related:
        return ""
    items = [
        f'<li><a href="{href(theme.url, other.url)}">{text(other.title)}</a>: {count(shared, "shared passage")}</li>'
        for other, shared in related
    ]
    return "## Related themes\n\n" + '<ul class="ng-related">\n' + "\n".join(items) + "\n</ul>\n\n"


def _key_terms(theme: Theme, terms: list[tuple[Term, int]]) -> str:
    # The glossary terms mentioned in the theme's sentences, most mentioned first; the tail folded away.
    if not terms:
        return ""

    def items(listed: list[tuple[Term, int]]) -> str:
        return "".join(
            f'<li><a href="{href(theme.url, term.url)}" title="{text(term.summary)}">{text(term.heading)}</a> '
            f'<span class="ng-key-term-count"><span aria-hidden="true">{sentences}</span>'
            f'<span class="ng-sr-only">{count(sentences, "sentence")}</span></span></li>'
            for term, sentences in listed
        )

    shown, rest = terms[:KEY_TERMS_SHOWN], terms[KEY_TERMS_SHOWN:]
    lead = (
        f"The glossary terms mentioned in this theme's sentences ({len(terms)} in all), most mentioned first, "
        "each with the number of sentences that mention it."
    )
    more = (
        f'<details class="ng-key-terms-more"><summary>{count(len(rest), "more term")}</summary>'
        f'<ol class="ng-key-terms">{items(rest)}</ol></details>\n'
        if rest
        else ""
    )
    return (
        "## Key terms\n\n"
        f'<div class="ng-key-terms-list {NO_LINK_CLASS}" data-search-exclude>\n'
        f'<p class="ng-key-terms-lead">{lead}</p>\n'
        f'<ol class="ng-key-terms">{items(shown)}</ol>\n'
        f"{more}"
        "</div>\n\n"
    )


def _article_passages(
    corpus: Corpus, page_url: str, passages: list[Passage], theme: Theme | None, totals: Counter[str], *, whole: bool
) -> str:
    # The passages grouped under a heading per article, in corpus order, quoted whole or (archive pages) by
    # their sentences on the theme. Each quote links back to its paragraph, where the terms are linked, so
    # the linker skips them (at 1,000 articles, most of the HTML). While serving, an article's group is kept
    # (`Corpus.entry`): after one article's edit, only its own passages are quoted anew.
    if not passages:
        return ""
    inputs = ("theme passages", page_url, theme.slug if theme else "", whole)
    group = partial(_article_group, page_url, theme=theme, totals=totals, whole=whole)
    parts = article_runs(passages, lambda p: f"{p.id}:{totals[p.article.slug]}", group, corpus.entry, inputs)
    # Search leads to the articles, not to these copies (Material's `data-search-exclude`).
    return '<div class="ng-passages" data-search-exclude>\n' + skip_linking("\n\n" + parts) + "\n</div>\n\n"


def _article_group(
    page_url: str, passages: list[Passage], *, theme: Theme | None, totals: Counter[str], whole: bool
) -> str:
    # One article's passages on a page: a heading linking to the article, how many of its paragraphs are
    # quoted, then each passage.
    article = passages[0].article
    byline = f"by {text(article.author)} · " if article.author else ""
    head = (
        f'<h3 class="ng-passage-article" id="article-{text(article.slug)}">'
        f'<a href="{href(page_url, article.url)}">{text(article.title)}</a></h3>\n'
        f'<p class="ng-passage-source">{byline}{totals[article.slug]} of its '
        f"{count(len(article.body), 'paragraph')}</p>\n\n"
    )
    return head + "".join(_passage(page_url, passage, theme, whole) for passage in passages)


def _passage(page_url: str, passage: Passage, theme: Theme | None, whole: bool) -> str:
    # One quoted paragraph, then the evidence line: whole, the theme's sentences marked and the rest subdued,
    # or only the theme's sentences.
    paragraph = passage.paragraph
    slug = theme.slug if theme else ""
    if whole or theme is None:
        sentences = passage.sentences
        marks = [(s.sentence.start, s.sentence.end, "mark" if slug in s.themes else _SUBDUED) for s in sentences]
        quote = highlight(paragraph.text, marks)
    else:
        quote = _on_theme(passage, slug)
    link = f'<a href="{href(page_url, passage.url)}">Paragraph {paragraph.number} in context</a>'
    meta = [link, *(_evidence(passage, theme) if theme else [])]
    colour = f" ng-c{theme.colour}" if theme else ""
    return (
        f'<div class="ng-passage{colour}" id="{text(passage.id)}">\n'
        f"<blockquote data-search-exclude><p>{quote}</p></blockquote>\n"
        f'<p class="ng-passage-meta">{" · ".join(meta)}</p>\n'
        "</div>\n\n"
    )


def _on_theme(passage: Passage, slug: str) -> str:
    # The paragraph's sentences on the theme, in order, with "…" wherever sentences off it were left out.
    parts: list[str] = []
    left_out = False
    for found in passage.sentences:
        if slug not in found.themes:
            left_out = True
            continue
        if left_out:
            parts.append("…")
        parts.append(text(passage.paragraph.text[found.sentence.start : found.sentence.end]))
        left_out = False
    return " ".join([*parts, "…"] if left_out else parts)


def _evidence(passage: Passage, theme: Theme) -> list[str]:
    # The unobtrusive "matched: …" line, and how continuations and pins put a paragraph here.
    notes = []
    words = passage.evidence(theme.slug)
    if words:
        notes.append(f'<span class="ng-evidence">matched: {text(", ".join(words))}</span>')
    cues = [
        match.evidence[0]
        for sentence in passage.sentences
        if (match := sentence.match(theme.slug)) is not None and match.continued
    ]
    quoted = ", ".join(f"“{cue}”" for cue in cues if cue not in SHARED_SUBJECT)
    if quoted:
        notes.append(f'<span class="ng-evidence">continues the sentence before: {text(quoted)}</span>')
    notes += [
        f'<span class="ng-evidence">a sentence shares the subject of {whose}</span>'
        for cue, whose in SHARED_SUBJECT.items()
        if cue in cues
    ]
    if theme.slug in passage.pinned:
        notes.append('<span class="ng-evidence">pinned to this theme by an editor</span>')
    return notes
