"""The corpus: every contributor file loaded once, each article analysed, with the problems found.

`load_corpus` is the engine's entry point. It reads the theme files in
`docs/themes/` and the glossary, then every seed in `seeds/`, each on its own:
a bad file gives a `Problem` instead of stopping the build, so that one bad
file never drops or half-writes another article's page. Each article is
analysed once (`newsguide.analysis`: classified, its terms, figures and dates
found, its page written), or its analysis is taken from the build cache
(`newsguide.cache`) when nothing it depends on has changed. The corpus then
puts the analyses together, in the order of the seed files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby
from operator import attrgetter
from pathlib import Path

from slugify import slugify

from .analysis import Analysis, Reading, analyse
from .cache import Cache, Store, digest
from .classify import Classification, Passage
from .figures import Figure
from .glossary import GLOSSARY_DIR, Term, load_terms
from .link import Linker, Mention, TermMatcher
from .model import Article
from .parse import load_article
from .problems import Problem, SourceError
from .sources import read_text
from .suggestions import unlisted_names
from .term_themes import TermThemes, grouped
from .themes import Intro, Theme, load_themes
from .timeline import Mention as DatedMention

#: Seed file endings the engine reads; sidecars (`.yml`) are read with their `.txt`.
ARTICLE_SUFFIXES = (".txt", ".md")
#: Where a mention is in its article: the paragraph's number and the sentence's index.
_PLACE = attrgetter("paragraph", "sentence")
#: How many unmentioned terms the build's one note about them names before "and N more".
UNMENTIONED_LISTED = 10


@dataclass(frozen=True)
class TermQuote:
    """A sentence of an article that mentions a term, with where each mention is in it.

    Attributes:
        article: The article's slug.
        paragraph: The paragraph's number.
        sentence: The sentence, verbatim.
        number: The sentence's number in its paragraph, from 1.
        spans: (start, end) of each mention in the sentence.
        url: The paragraph in context, relative to the site root.
    """

    article: str
    paragraph: int
    sentence: str
    number: int
    spans: tuple[tuple[int, int], ...]
    url: str


@dataclass
class Corpus:
    """Everything the site is built from.

    Attributes:
        root: The project root.
        articles: The articles that loaded, ordered by their seed file name.
        problems: Every problem found: one or more for each file that could not
            be used, or only in part.
        notes: Facts worth telling a contributor that do not fail the build,
            logged at info level: one line naming the terms mentioned nowhere
            (the list itself is `unmentioned_terms`).
        terms: The glossary's terms, sorted by slug.
        mentions: Every mention of a term in an article's body, in reading order.
        linker: Finds terms and links their mentions; built once per build.
        glossary_intro: The hand-written top of the glossary index
            (`docs/glossary/index.md`, front matter included), or "".
        themes: The themes that loaded, in display order.
        intros: The hand-written intros of the themes overview (`index`) and
            of the "Other passages" page (`other`).
        classification: Every article's passages with their themes.
        figures: Every key figure the articles state, in reading order.
        timeline: Every dated mention, in chronological order.
        analyses: Each article's analysis (its page included), by slug.
        keys: Each article's cache key, by slug (none without a cache): a key
            names everything its analysis depends on, settings included.
        signature: What every analysis depends on besides its article: themes,
            glossary and engine (`analysis.Reading.signature`); "" without a cache.
        parts: Where `made` keeps what it makes between builds; None keeps nothing.
        entries: Where `entry` keeps articles' entries in parts made again
            (while serving, after the first build); None keeps nothing.
    """

    root: Path
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    linker: Linker = field(default_factory=lambda: Linker([]))
    glossary_intro: str = ""
    themes: list[Theme] = field(default_factory=list)
    intros: dict[str, Intro] = field(default_factory=dict)
    classification: Classification = field(default_factory=lambda: Classification([]))
    figures: list[Figure] = field(default_factory=list)
    timeline: list[DatedMention] = field(default_factory=list)
    analyses: dict[str, Analysis] = field(default_factory=dict, repr=False)
    _on_theme: dict[str | None, list[Passage]] = field(default_factory=dict, repr=False, compare=False)
    keys: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    signature: str = ""
    parts: Store[dict[str, str]] | None = field(default=None, repr=False, compare=False)
    entries: Store[str] | None = field(default=None, repr=False, compare=False)

    def article(self, slug: str) -> Article:
        """Return the article with this slug."""
        return self.articles_by_slug[slug]

    @cached_property
    def articles_by_slug(self) -> dict[str, Article]:
        """Slug → article, so that a lookup costs the same at one article or a thousand."""
        return {article.slug: article for article in self.articles}

    @cached_property
    def articles_newest_first(self) -> list[Article]:
        """The articles by date, newest first; undated articles last; ties by slug.

        Lists that a reader pages through (theme passages, term mentions, the
        articles index, the feeds) open with the newest articles.
        """
        return sorted(self.articles, key=lambda a: (a.date is None, -(a.date.toordinal() if a.date else 0), a.slug))

    @cached_property
    def newest_first(self) -> dict[str, int]:
        """Each article's place in `articles_newest_first`, by slug."""
        return {article.slug: rank for rank, article in enumerate(self.articles_newest_first)}

    def on_theme(self, theme: str | None) -> list[Passage]:
        """The passages on a theme (None: on none), the newest articles first, each article's in reading order.

        Sorted once a build: the theme's pages and the article badges that link into them both need it.
        """
        if theme not in self._on_theme:
            found = self.classification.on(theme) if theme else self.classification.other()
            self._on_theme[theme] = sorted(found, key=lambda passage: self.newest_first[passage.article.slug])
        return self._on_theme[theme]

    @cached_property
    def slugs(self) -> list[str]:
        """Every article's slug, in corpus order: what a part made from every article is keyed by (`made`)."""
        return [article.slug for article in self.articles]

    @cached_property
    def article_page_paths(self) -> frozenset[str]:
        """The page path of every article (`articles/<slug>.md`)."""
        return frozenset(article.page_path for article in self.articles)

    def term(self, slug: str) -> Term:
        """Return the term with this slug."""
        return self.linker.terms[slug]

    @cached_property
    def mentions_by_term(self) -> dict[str, list[Mention]]:
        """Term slug → its mentions in reading order (every term has an entry)."""
        grouped: dict[str, list[Mention]] = {term.slug: [] for term in self.terms}
        for mention in self.mentions:
            grouped[mention.term].append(mention)
        return grouped

    @cached_property
    def unmentioned_terms(self) -> list[Term]:
        """The terms no article mentions, by slug."""
        return [term for term in self.terms if not self.mentions_by_term[term.slug]]

    @cached_property
    def mentions_by_paragraph(self) -> dict[tuple[str, int], list[Mention]]:
        """(article slug, paragraph number) → the mentions in that paragraph, in reading order."""
        grouped: dict[tuple[str, int], list[Mention]] = {}
        for mention in self.mentions:
            grouped.setdefault((mention.article, mention.paragraph), []).append(mention)
        return grouped

    @cached_property
    def term_themes(self) -> TermThemes:
        """The themes each term's mentions fall in, and the key terms of each theme, with counts."""
        return grouped((pair for a in self.analyses.values() for pair in a.term_themes), self.terms, self.themes)

    def made(self, inputs: object, articles: list[str], make: Callable[[], dict[str, str]]) -> dict[str, str]:
        """What `make` gives, kept between builds by a key of `inputs` and of the articles' keys.

        After one article's edit, a page of a theme's passages or a term's
        pages that do not quote it come out as before: they are taken, not
        made again.

        Args:
            inputs: Whatever else the result depends on (a page's URL, a theme,
                counts): with the articles' keys, it must name every input.
            articles: The slugs of the articles the result is made from.
            make: Makes the result (texts by name) when no build kept it.
        """
        keys = [self.keys.get(slug, "") for slug in articles]
        if self.parts is None or not all(keys):
            return make()
        return self.parts.taken_or_made(digest(self.signature, inputs, keys), make)

    def entry(self, inputs: tuple[str | int | bool, ...], article: str, make: Callable[[], str]) -> str:
        """One article's entry in a part `made` from many (a term's list of mentions), kept while serving.

        When an edit makes a part again, the other articles' entries in it are
        as before: taken, not made again (see `Cache.entries`).

        Args:
            inputs: Whatever else the entry depends on (the term, the page's URL, …).
            article: The article's slug.
            make: Makes the entry when none was kept.
        """
        key = self.keys.get(article, "")
        if self.entries is None or not key:
            return make()
        return self.entries.taken_or_made("\0".join((self.signature, *map(str, inputs), key)), make)

    @cached_property
    def mentions_in(self) -> dict[str, dict[str, list[Mention]]]:
        """Term slug → the slug of each article mentioning it, in corpus order → its mentions (every term has one)."""
        grouped: dict[str, dict[str, list[Mention]]] = {term.slug: {} for term in self.terms}
        for mention in self.mentions:
            grouped[mention.term].setdefault(mention.article, []).append(mention)
        return grouped

    def mentioning(self, slug: str) -> list[str]:
        """The slugs of the articles that mention a term, in corpus order."""
        return list(self.mentions_in[slug])

    @cached_property
    def sentence_counts(self) -> dict[str, int]:
        """Term slug → how many sentences mention it (a sentence naming it twice counts once)."""
        return {
            slug: sum(len(self.places(slug, article)) for article in by_article)
            for slug, by_article in self.mentions_in.items()
        }

    def quoted_sentences(self, slug: str) -> int:
        """How many sentences mention a term."""
        return self.sentence_counts[slug]

    def places(self, slug: str, article: str) -> list[tuple[int, int]]:
        """Where the sentences of one article that mention a term are: (paragraph number, sentence index)."""
        return [place for place, _ in groupby(self.mentions_in[slug].get(article, []), key=_PLACE)]

    def quotes(self, slug: str, article: str) -> list[TermQuote]:
        """The sentences of one article that mention a term, in reading order, each once."""
        page, found = self.article(article), []
        for (number, index), group in groupby(self.mentions_in[slug].get(article, []), key=_PLACE):
            paragraph = page.body[number - 1]
            spans = tuple((m.start, m.end) for m in group)
            text = paragraph.sentences[index].text
            found.append(TermQuote(article, number, text, index + 1, spans, page.paragraph_url(paragraph)))
        return found


def load_corpus(root: Path, cache: Cache | None = None, source_base: str = "", *, to_markdown: bool = False) -> Corpus:
    """Load every theme, glossary term and seed, and analyse each article (or take its kept analysis).

    Args:
        root: The project root (the folder holding `mkdocs.yml` and `seeds/`).
        cache: Where analyses are kept between builds; None computes every one.
        source_base: The URL a source file's path is appended to in the
            article pages' "Generated from" notices (see `pages.source_base`).
        to_markdown: Link terms on the article pages to their Markdown files,
            as an export does, rather than to their pages' URLs.

    Returns:
        The corpus, with a problem for each file that could not be used.
    """
    corpus = Corpus(root)
    corpus.themes, corpus.intros, problems = load_themes(root)
    corpus.problems.extend(problems)
    _load_glossary(corpus, to_markdown)
    reading = Reading(root, corpus.themes, corpus.terms, corpus.linker, source_base)
    if cache is not None:
        corpus.signature, corpus.parts = reading.signature, cache.parts
        corpus.entries = cache.entries if cache.rebuilding else None
    for path, slug in _seeds(corpus):
        analysis = _analysis(path, slug, corpus, reading, cache)
        if analysis is not None:
            corpus.analyses[slug] = analysis
    _assemble(corpus)
    return corpus


def _seeds(corpus: Corpus) -> list[tuple[Path, str]]:
    # Every seed file that can be an article, with its unique slug; a problem for each file that cannot.
    root, seeds = corpus.root, corpus.root / "seeds"
    found: list[tuple[Path, str]] = []
    taken: dict[str, str] = {"index": "the articles index page", "page": "the articles index's further pages"}
    for path in sorted(seeds.iterdir()) if seeds.is_dir() else []:
        name = path.relative_to(root).as_posix()
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix == ".yml":
            if not path.with_suffix(".txt").exists():
                corpus.problems.append(
                    Problem(
                        name,
                        "this metadata file has no article beside it.",
                        f"Name it after its article: {path.stem}.txt needs {path.stem}.yml.",
                    )
                )
            continue
        if path.suffix not in ARTICLE_SUFFIXES:
            corpus.problems.append(
                Problem(
                    name,
                    f"'{path.suffix or path.name}' files are not articles.",
                    "Save the article as a .txt (raw text) or .md (Markdown with front matter) file.",
                )
            )
            continue
        slug = slugify(path.stem) or "article"
        if slug in taken:
            corpus.problems.append(
                Problem(
                    name,
                    f"its page would have the same address (articles/{slug}/) as {taken[slug]}.",
                    "Rename one of the two files so that their names differ in letters or digits, "
                    "not only in case, spaces or punctuation.",
                )
            )
            continue
        taken[slug] = name
        found.append((path, slug))
    return found


def _analysis(path: Path, slug: str, corpus: Corpus, reading: Reading, cache: Cache | None) -> Analysis | None:
    # The article's kept analysis, or a new one (kept for next time); None, with a problem, if it cannot be read.
    sidecar = path.with_suffix(".yml")
    files = [path, sidecar] if path.suffix == ".txt" and sidecar.is_file() else [path]
    try:
        key = reading.key(files, slug) if cache is not None else ""
    except OSError:
        key = ""  # unreadable: loading it reports why
    analysis = cache.get(key) if cache is not None and key else None
    if analysis is None:
        try:
            article = load_article(path, corpus.root, slug)
        except SourceError as error:
            corpus.problems.extend(error.problems)
            return None
        analysis = analyse(article, reading)
        if cache is not None and key:
            cache.put(key, analysis)
    if key:
        corpus.keys[slug] = key
    return analysis


def _assemble(corpus: Corpus) -> None:
    # Put the analyses together in corpus order; note, in one line, the terms mentioned nowhere.
    analyses = list(corpus.analyses.values())
    corpus.articles = [analysis.article for analysis in analyses]
    corpus.classification = Classification(
        corpus.themes, {analysis.article.slug: analysis.passages for analysis in analyses}
    )
    corpus.problems.extend(problem for analysis in analyses for problem in analysis.problems)
    corpus.mentions = [mention for analysis in analyses for mention in analysis.mentions]
    corpus.figures = [figure for analysis in analyses for figure in analysis.figures]
    # Each article's dates are in chronological order, ties in reading order: a stable sort of them,
    # article after article, gives the corpus's order, ties in reading order too.
    corpus.timeline = sorted((date for analysis in analyses for date in analysis.dates), key=lambda m: m.sort_key)
    corpus.notes.extend(_unmentioned_note(corpus.unmentioned_terms))
    names = unlisted_names([analysis.names for analysis in analyses], corpus.terms, corpus.linker.matcher)
    corpus.notes.extend(_unlisted_note(names))


def _unmentioned_note(terms: list[Term]) -> list[Problem]:
    # One line for all the terms no article mentions (none when every term is mentioned): each rebuild
    # prints it, so one line per term would bury the warnings that matter.
    if not terms:
        return []
    slugs = sorted(term.slug for term in terms)
    if len(slugs) > UNMENTIONED_LISTED:
        slugs[UNMENTIONED_LISTED - 1 :] = [f"and {len(slugs) - UNMENTIONED_LISTED + 1} more"]
    counted = "1 glossary term is" if len(terms) == 1 else f"{len(terms)} glossary terms are"
    return [Problem("", f"{counted} mentioned in no article: {', '.join(slugs)} (see `make report`).")]


def _unlisted_note(names: list[str]) -> list[Problem]:
    # One line for the names the articles use that no glossary entry has; `make report` details them.
    if not names:
        return []
    shown = names[:UNMENTIONED_LISTED]
    more = f", and {len(names) - len(shown)} more" if len(names) > len(shown) else ""
    counted = "1 name in the articles has" if len(names) == 1 else f"{len(names)} names in the articles have"
    return [Problem("", f"{counted} no glossary entry: {', '.join(shown)}{more} (see `make report`).")]


def _load_glossary(corpus: Corpus, to_markdown: bool) -> None:
    # Load the terms and build the one matcher (and the linker on it).
    corpus.terms, problems = load_terms(corpus.root)
    intro = corpus.root / GLOSSARY_DIR / "index.md"
    if intro.is_file():
        try:
            corpus.glossary_intro = read_text(intro, f"{GLOSSARY_DIR}/index.md")
        except SourceError as error:
            problems.extend(error.problems)
    corpus.problems.extend(problems)
    corpus.linker = Linker(corpus.terms, TermMatcher.of(corpus.terms), to_markdown=to_markdown)
