"""One article's analysis: everything the engine derives from an article on its own.

An article is classified, its terms, figures and dates are found, and its page
is written, from the article alone and the site's shared settings (themes,
glossary, where sources are shown). None of it depends on other articles, so an
`Analysis` can be kept (see `newsguide.cache`) and reused until the article or
one of those settings changes: `Reading.key` names exactly that.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from .classify import Passage, Vocabulary, classify_article
from .figures import Figure, extract_figures
from .glossary import Term
from .link import Linker, Mention
from .markup import source_notice
from .model import Article
from .problems import Problem
from .render.article import render_article
from .sources import field_line
from .suggestions import ArticleNames, article_names
from .term_themes import article_pairs
from .themes import Theme
from .timeline import Mention as DatedMention
from .timeline import build_timeline
from .version import ENGINE_VERSION


@dataclass(frozen=True)
class Analysis:
    """What the engine derives from one article.

    Attributes:
        article: The parsed article.
        passages: Its paragraphs with their themes, one per body paragraph.
        problems: The problems of its editorial overrides (`pin`, `exclude`).
        mentions: Its mentions of glossary terms, in reading order.
        figures: The key figures it states, in reading order.
        dates: The dates it mentions, in chronological order (ties in reading order).
        packed_page: Its page's Markdown (`page`), compressed: every
            analysis is kept to the end of a build (and between the builds
            of `mkdocs serve`), and at 10,000 articles the pages as text
            weighed half a gigabyte; compressed, a fifth of that.
        names: The names and abbreviations it uses, for the build's count of
            names without a glossary entry.
        term_themes: (term, theme, sentences): how many of its sentences on
            each theme mention each term (`term_themes.article_pairs`).
    """

    article: Article
    passages: tuple[Passage, ...]
    problems: tuple[Problem, ...]
    mentions: tuple[Mention, ...]
    figures: tuple[Figure, ...]
    dates: tuple[DatedMention, ...]
    packed_page: bytes
    names: ArticleNames
    term_themes: tuple[tuple[str, str, int], ...] = ()

    @property
    def page(self) -> str:
        """Its page's Markdown, front matter and source notice included, its terms linked."""
        return zlib.decompress(self.packed_page).decode("utf-8")


@dataclass
class Reading:
    """The settings every article is analysed with, shared by a build.

    Attributes:
        root: The project root, to which the articles' sources are relative.
        themes: The themes, in display order.
        terms: The glossary's terms.
        linker: Finds and links the terms.
        source_base: The URL a source file's path is appended to (see `pages.source_base`).
    """

    root: Path
    themes: list[Theme]
    terms: list[Term]
    linker: Linker
    source_base: str = ""

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The themes' vocabulary, compiled when first needed (a build whose analyses are all kept needs none)."""
        return Vocabulary.of(self.themes)

    @cached_property
    def signature(self) -> str:
        """A digest of every setting that changes an analysis, and of the engine's own code."""
        themes = [
            (
                theme.slug,
                theme.title,
                theme.vocabulary,
                theme.cues,
                theme.order,
                theme.colour,
                theme.abbreviation,
                theme.url,
            )
            for theme in self.themes
        ]
        terms = [(term.slug, term.summary, term.aliases, term.exclude, term.plural, term.url) for term in self.terms]
        settings = repr((ENGINE_VERSION, themes, terms, self.linker.to_markdown, self.source_base))
        return hashlib.sha256(settings.encode("utf-8")).hexdigest()

    def key(self, files: list[Path], slug: str) -> str:
        """The cache key of an article: its files' bytes, its slug, and `signature`.

        Args:
            files: The article's files (the seed, and its sidecar if it has one).
            slug: The slug the corpus gave it.
        """
        digest = hashlib.sha256(self.signature.encode("ascii"))
        digest.update(slug.encode("utf-8") + b"\0")
        for path in files:
            digest.update(path.name.encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()


def analyse(article: Article, reading: Reading) -> Analysis:
    """Classify an article, find its terms, figures and dates, and write its page.

    Args:
        article: The parsed article.
        reading: The build's shared settings.
    """
    passages, found = classify_article(article, reading.vocabulary)
    problems = tuple(_with_field_line(problem, reading.root) for problem in found)
    mentions = tuple(reading.linker.matcher.mentions([article]))
    figures = tuple(extract_figures([article]))
    dates = tuple(build_timeline([article]))
    page = render_article(article, passages, reading.themes, reading.linker, mentions)
    page += source_notice(article.source.as_posix(), reading.source_base)
    packed = zlib.compress(page.encode("utf-8"), 1)
    pairs = article_pairs(passages, mentions)
    return Analysis(article, passages, problems, mentions, figures, dates, packed, article_names(article), pairs)


def _with_field_line(problem: Problem, root: Path) -> Problem:
    # An override problem found after parsing: name the line of its field in the file.
    path = root / problem.path
    if problem.line or not problem.field or not path.is_file():
        return problem
    line = field_line(path.read_text(encoding="utf-8", errors="replace"), problem.field)
    return replace(problem, line=line)
