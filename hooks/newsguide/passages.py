"""Open data: `data/passages.json`, every paragraph and sentence with its themes and evidence.

The shape (documented for readers on the site's data page, `docs/data.md`):

    {"themes": [{"slug", "title", "url"}],
     "articles": [{"slug", "title", "author", "url",
       "paragraphs": [{"id", "url", "text", "themes": [...],
         "sentences": [{"text", "themes": [...], "evidence": {"<theme>": ["word", ...]}}]}]}]}

URLs are relative to the site root; a paragraph's `id` is its element id on
the article page (`p5`), and its `url` the article's URL with that fragment.
"""

from __future__ import annotations

from .corpus import Corpus

#: Where the file is published inside the site.
PASSAGES_JSON = "data/passages.json"


def passages_data(corpus: Corpus) -> dict[str, object]:
    """Every article's paragraphs and sentences with their themes and evidence."""
    articles = []
    for article in corpus.articles:
        paragraphs = []
        for passage in corpus.classification.passages(article):
            paragraphs.append(
                {
                    "id": passage.paragraph.anchor,
                    "url": passage.url,
                    "text": passage.paragraph.text,
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
        articles.append(
            {
                "slug": article.slug,
                "title": article.title,
                "author": article.author,
                "url": article.url,
                "paragraphs": paragraphs,
            }
        )
    return {
        "themes": [{"slug": theme.slug, "title": theme.title, "url": theme.url} for theme in corpus.themes],
        "articles": articles,
    }
