"""The corpus: every contributor file loaded once, with the problems found.

`load_corpus` is the engine's entry point. It reads `seeds/` and the theme
files in `docs/themes/` (and, as the engine grows, the glossary), parses each
file on its own, and collects a `Problem` for each bad file instead of
stopping, so that one bad file never drops or half-writes another article's
page. It then classifies every sentence, once for the whole build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from slugify import slugify

from .classify import Classification, classify
from .model import Article
from .parse import load_article
from .problems import Problem, SourceError
from .themes import Intro, Theme, load_themes

#: Seed file endings the engine reads; sidecars (`.yml`) are read with their `.txt`.
ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass
class Corpus:
    """Everything the site is built from.

    Attributes:
        root: The project root.
        articles: The articles that loaded, ordered by their seed file name.
        problems: One entry per file that could not be used.
        themes: The themes that loaded, in display order.
        intros: The hand-written intros of the themes overview (`index`) and
            of the "Other passages" page (`other`).
        classification: Every article's passages with their themes.
    """

    root: Path
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    intros: dict[str, Intro] = field(default_factory=dict)
    classification: Classification = field(default_factory=lambda: Classification([]))

    def article(self, slug: str) -> Article:
        """Return the article with this slug."""
        return next(article for article in self.articles if article.slug == slug)


def load_corpus(root: Path) -> Corpus:
    """Load every seed under `root/seeds` and every theme, and classify the articles.

    Args:
        root: The project root (the folder holding `mkdocs.yml` and `seeds/`).

    Returns:
        The corpus, with a problem for each file that could not be loaded.
    """
    corpus = Corpus(root)
    seeds = root / "seeds"
    taken: dict[str, str] = {}
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
    corpus.classification, problems = classify(corpus.articles, corpus.themes)
    corpus.problems.extend(problems)
    return corpus
