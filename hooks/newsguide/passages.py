"""Open data: every paragraph and sentence with its themes and evidence, one file per article.

The shape (documented for readers on the site's data page, `docs/data.md`):
`data/passages.json` is the index, small at any corpus size,

    {"format": 3, "themes": [{"slug", "title", "url"}],
     "articles": [{"slug", "title", "author", "url", "date", "paragraphs", "data"}]}

where `paragraphs` counts the article's paragraphs and `data` names its file,
`data/articles/<slug>.json`:

    {"slug", "title", "author", "url", "date",
     "paragraphs": [{"id", "url", "themes": [...],
       "sentences": [{"text", "themes": [...], "evidence": {"<theme>": ["word", ...]}}]}]}

URLs are relative to the site root; a paragraph's `id` is its element id on
the article page (`p5`), and its `url` the article's URL with that fragment.
A paragraph's text is its sentences' joined by single spaces: each sentence is
written once, and the glossary, key figures and timeline point at it by number.
"""

from __future__ import annotations

from .corpus import Corpus
from .model import Article

#: Where the file is published inside the site.
PASSAGES_JSON = "data/passages.json"
#: The version of the data's layout, in `data/passages.json` and `data/glossary.json` (see `docs/data.md`).
#: Format 3 quotes no sentence twice: the glossary, key figures and timeline point at a sentence
#: of an article's own file (`data/articles/<slug>.json`) by its paragraph and sentence numbers.
DATA_FORMAT = 3


def passages_data(corpus: Corpus) -> dict[str, object]:
    """The index: the themes, and each article with the number of its paragraphs and the file that holds them."""
    articles = [
        {**_article_fields(article), "paragraphs": len(article.body), "data": article_data_path(article)}
        for article in corpus.articles
    ]
    return {
        "format": DATA_FORMAT,
        "themes": [{"slug": theme.slug, "title": theme.title, "url": theme.url} for theme in corpus.themes],
        "articles": articles,
    }


def article_data_path(article: Article) -> str:
    """Where an article's paragraphs are published: `data/articles/<slug>.json`."""
    return f"data/articles/{article.slug}.json"


def article_data(corpus: Corpus, article: Article) -> dict[str, object]:
    """One article's paragraphs and sentences with their themes and evidence."""
    paragraphs = []
    for passage in corpus.classification.passages(article):
        paragraphs.append(
            {
                "id": passage.paragraph.anchor,
                "url": passage.url,
                "themes": list(passage.themes),
                "sentences": [
                    {
                        "text": sentence.sentence.text,
                        "themes": list(sentence.themes),
                        "evidence": {match.theme: list(match.evidence) for match in sentence.matches},
                    }
                    for sentence in passage.sentences
                ],
            }
        )
    return {**_article_fields(article), "paragraphs": paragraphs}


def _article_fields(article: Article) -> dict[str, object]:
    # What the index and the article's own file both say about an article.
    date = article.date_iso or None
    return {"slug": article.slug, "title": article.title, "author": article.author, "url": article.url, "date": date}
