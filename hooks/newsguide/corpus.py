"""The corpus: every contributor file loaded once, with the problems found.

`load_corpus` is the engine's entry point. It reads `seeds/` and the theme
files in `docs/themes/` (and, as the engine grows, the glossary), parses each
file on its own, and collects a `Problem` for each bad file instead of
stopping, so that one bad file never drops or half-writes another article's
page. It then classifies every sentence, once for the whole build.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from slugify import slugify

from . import forked
from .classify import Classification, classify
from .figures import Figure, figure_places, figures_at
from .glossary import GLOSSARY_DIR, Term, load_terms
from .link import Linker, Mention, TermMatcher
from .model import Article
from .parse import load_article
from .problems import Problem, SourceError
from .sources import field_line, read_text
from .term_themes import TermThemes, term_themes
from .themes import Intro, Theme, load_themes
from .timeline import Mention as DatedMention
from .timeline import timeline_at, timeline_places

if TYPE_CHECKING:
    from .render.glossary import Passage as TermPassage

#: Seed file endings the engine reads; sidecars (`.yml`) are read with their `.txt`.
ARTICLE_SUFFIXES = (".txt", ".md")

#: From this many articles, work runs in forked child processes (`newsguide.forked`): in
#: `load_corpus`, figures and dates are found while this process classifies; the MkDocs adapter
#: classifies, completes, renders and links in children too. Below it, a fork costs more than it saves.
FORK_FROM_ARTICLES = 20


@dataclass
class Corpus:
    """Everything the site is built from.

    Attributes:
        root: The project root.
        articles: The articles that loaded, ordered by their seed file name.
        problems: One entry per file that could not be used.
        notes: Facts worth telling a contributor that do not fail the build
            (e.g. a term mentioned nowhere), logged at info level.
        terms: The glossary's terms, sorted by slug.
        mentions: Every mention of a term in an article's body, in reading order.
        linker: Links mentions of terms in a page's HTML; built once per build.
        glossary_intro: The hand-written top of the glossary index
            (`docs/glossary/index.md`, front matter included), or "".
        themes: The themes that loaded, in display order.
        intros: The hand-written intros of the themes overview (`index`) and
            of the "Other passages" page (`other`).
        classification: Every article's passages with their themes.
        classified: Whether `classification` has been computed (see `classify_corpus`).
        figures: Every key figure the articles state, in reading order.
        timeline: Every dated mention, in chronological order.
        term_passages: Term slug → the sentences that mention it, as
            `render.glossary.passages` finds them: kept here because the term
            page and `data/glossary.json` both quote them.
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
    classified: bool = False
    figures: list[Figure] = field(default_factory=list)
    timeline: list[DatedMention] = field(default_factory=list)
    term_passages: dict[str, list[TermPassage]] = field(default_factory=dict, repr=False, compare=False)

    def article(self, slug: str) -> Article:
        """Return the article with this slug."""
        return self.articles_by_slug[slug]

    @cached_property
    def articles_by_slug(self) -> dict[str, Article]:
        """Slug → article, so that a lookup costs the same at one article or a thousand."""
        return {article.slug: article for article in self.articles}

    @cached_property
    def article_page_paths(self) -> frozenset[str]:
        """The page path of every article (`articles/<slug>.md`)."""
        return frozenset(article.page_path for article in self.articles)

    @property
    def worth_forking(self) -> bool:
        """Whether there are enough articles (`FORK_FROM_ARTICLES`) for work on them to pay for a fork."""
        return len(self.articles) >= FORK_FROM_ARTICLES

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
    def mentions_by_paragraph(self) -> dict[tuple[str, int], list[Mention]]:
        """(article slug, paragraph number) → the mentions in that paragraph, in reading order."""
        grouped: dict[tuple[str, int], list[Mention]] = {}
        for mention in self.mentions:
            grouped.setdefault((mention.article, mention.paragraph), []).append(mention)
        return grouped

    @cached_property
    def term_themes(self) -> TermThemes:
        """The themes each term's mentions fall in, and the key terms of each theme, with counts."""
        return term_themes(self.classification, self.mentions, self.terms, self.themes)


def load_corpus(root: Path) -> Corpus:
    """Load every seed, theme and glossary term; classify the articles and find the terms' mentions.

    Classification, mentions, figures and the timeline are computed here, once per
    build; figures and the timeline in a child process when there are enough articles
    (same results, found on the machine's second core). It is `open_corpus` then
    `complete`.

    Args:
        root: The project root (the folder holding `mkdocs.yml` and `seeds/`).

    Returns:
        The corpus, with a problem for each file that could not be loaded.
    """
    return complete(open_corpus(root), fork=True)


def open_corpus(root: Path) -> Corpus:
    """Load every seed, theme and glossary term, and build the linker; classify and find nothing yet.

    It is what a site needs before it renders a page, and what every problem of
    loading is found by; `complete` adds the rest. A caller can run `complete`
    in another process, or parts of it (`classify_corpus`).

    Args:
        root: The project root (the folder holding `mkdocs.yml` and `seeds/`).

    Returns:
        The corpus, with a problem for each file that could not be loaded.
    """
    corpus = Corpus(root)
    seeds = root / "seeds"
    taken: dict[str, str] = {"index": "the articles index page"}
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
        try:
            corpus.articles.append(load_article(path, root, slug))
        except SourceError as error:
            corpus.problems.append(error.problem)
            continue
        taken[slug] = name
    corpus.themes, corpus.intros, problems = load_themes(root)
    corpus.problems.extend(problems)
    _load_glossary(corpus)
    return corpus


def complete(corpus: Corpus, *, fork: bool = False) -> Corpus:
    """Classify the articles (unless `classify_corpus` has), find the terms' mentions, the figures and dates.

    Args:
        corpus: A corpus from `open_corpus`.
        fork: Find figures and dates in a forked child while this process
            classifies and finds mentions, when there are at least
            `FORK_FROM_ARTICLES` articles (same results).

    Returns:
        The same corpus, completed.
    """
    articles = corpus.articles
    # Figures and dates need only the articles: a child process finds them while this one classifies.
    collect = forked.start(
        lambda: (figure_places(articles), timeline_places(articles)),
        worth_forking=fork and corpus.worth_forking,
    )
    try:
        classify_corpus(corpus)
        _find_mentions(corpus)
    finally:
        figures, dates = collect()
    corpus.figures = figures_at(figures, articles)
    corpus.timeline = timeline_at(dates, articles)
    return corpus


def classify_corpus(corpus: Corpus) -> list[Problem]:
    """Classify every article, once: a second call does nothing.

    Returns:
        The problems the articles' editorial overrides have (also added to
        `corpus.problems`); none on a second call.
    """
    if corpus.classified:
        return []
    corpus.classification, found = classify(corpus.articles, corpus.themes)
    problems = [_with_field_lines(problem, corpus.root) for problem in found]
    corpus.problems.extend(problems)
    corpus.classified = True
    return problems


def _load_glossary(corpus: Corpus) -> None:
    # Load the terms and build the one matcher (and the linker on it).
    corpus.terms, problems = load_terms(corpus.root)
    intro = corpus.root / GLOSSARY_DIR / "index.md"
    if intro.is_file():
        try:
            corpus.glossary_intro = read_text(intro, f"{GLOSSARY_DIR}/index.md")
        except SourceError as error:
            problems.append(error.problem)
    corpus.problems.extend(problems)
    corpus.linker = Linker(corpus.terms, TermMatcher(corpus.terms))


def _find_mentions(corpus: Corpus) -> None:
    # Find every mention of a term in the articles; note the terms mentioned nowhere.
    corpus.mentions = corpus.linker.matcher.mentions(corpus.articles)
    for term in corpus.terms:
        if not corpus.mentions_by_term[term.slug]:
            corpus.notes.append(
                Problem(
                    term.source,
                    "the term is mentioned in no article.",
                    "Nothing to do unless an article should mention it: check its aliases.",
                )
            )


def _with_field_lines(problem: Problem, root: Path) -> Problem:
    # An override problem found after parsing: name the line of its field in the file.
    path = root / problem.path
    if problem.line or not problem.field or not path.is_file():
        return problem
    line = field_line(path.read_text(encoding="utf-8", errors="replace"), problem.field)
    return replace(problem, line=line)
