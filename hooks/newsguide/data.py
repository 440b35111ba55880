"""Open data: the JSON files the site publishes beside its pages.

Each file is rendered from the corpus as text with sorted keys and a stable
order, so that two builds of the same input are byte-identical. URLs inside are
relative to the site root.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial

from .corpus import Corpus
from .markdown_body import markdown_plain_text
from .model import Article, Quote
from .passages import DATA_FORMAT, PASSAGES_JSON, article_data, article_data_path, passages_data


def glossary_data(corpus: Corpus) -> dict[str, object]:
    """`data/glossary.json`: every term, its definition as plain text, and how many passages mention it.

    The mentions themselves are in one file per term (`term_mentions_path`), so
    that the glossary stays small however many articles quote a term.
    """
    terms = []
    for term in corpus.terms:
        definition = "\n\n".join(
            markdown_plain_text(block, typographic=False) for block in term.definition.split("\n\n") if block.strip()
        )
        terms.append(
            {
                "slug": term.slug,
                "title": term.title,
                "abbr": term.abbr,
                "aliases": list(term.aliases),
                "kind": term.kind,
                "url": term.url,
                "definition": definition,
                "mention_count": corpus.quoted_sentences(term.slug),
                "mentions": term_mentions_path(term.slug),
            }
        )
    return {"format": DATA_FORMAT, "terms": terms}


def term_mentions_path(slug: str) -> str:
    """Where the passages mentioning a term are published: `data/glossary/<slug>.json`."""
    return f"data/glossary/{slug}.json"


def term_mentions(corpus: Corpus, slug: str) -> dict[str, object]:
    """Each article mentioning one term, in corpus order, with the sentences that do: [paragraph, sentence] numbers.

    The sentences' text is in the article's own file; quoting it here too made
    the files of common terms megabytes each.
    """
    return {"slug": slug, "articles": [_term_mention(corpus, slug, article) for article in corpus.mentions_in[slug]]}


def _term_entry(corpus: Corpus, slug: str, article: str) -> str:
    # One article's entry in a term's file, written as `dump` writes it inside the file.
    return _compact(_term_mention(corpus, slug, article))


def _term_mention(corpus: Corpus, slug: str, article: str) -> dict[str, object]:
    # One article's entry in a term's file: the article, its URL, and where its sentences mentioning the term are.
    return {
        "article": article,
        "url": corpus.article(article).url,
        "sentences": [[paragraph, index + 1] for paragraph, index in corpus.places(slug, article)],
    }


def _place(quote: Quote) -> dict[str, object]:
    # Where a quoted sentence is: its article, paragraph and sentence numbers (from 1), and the paragraph's URL.
    starts = [sentence.start for sentence in quote.paragraph.sentences]
    return {
        "article": quote.article.slug,
        "paragraph": quote.paragraph.number,
        "sentence": starts.index(quote.sentence.start) + 1,
        "url": quote.url,
    }


def figures_data(corpus: Corpus) -> object:
    """Every key figure: kind, words, and where its sentence is (article, paragraph, sentence, URL)."""
    return [{"kind": f.kind.slug, "words": f.words, **_place(f)} for f in corpus.figures]


def timeline_data(corpus: Corpus) -> object:
    """Every dated mention in chronological order, with its placement and where its sentence is."""
    return [
        {
            "label": m.label,
            "year": m.year,
            "month": m.month or None,
            "day": m.day or None,
            "end_year": m.end_year or None,
            "approximate": m.approximate,
            "words": m.words,
            "note": m.note,
            **_place(m),
        }
        for m in corpus.timeline
    ]


#: Path inside the site → function that renders the file's data. Features add theirs here.
DATA_FILES: dict[str, Callable[[Corpus], object]] = {
    "data/glossary.json": glossary_data,
    PASSAGES_JSON: passages_data,
    "data/figures.json": figures_data,
    "data/timeline.json": timeline_data,
}


def dump(data: object) -> str:
    """Serialise data as stable JSON (keys sorted), on one line, without spaces after `,` and `:`.

    Without `indent`, Python's C encoder does the work: ten times faster at
    1,000 articles. Any JSON viewer lays it out for reading. The spaces left
    out were 9 MB of the 10,000-article site.
    """
    return _compact(data) + "\n"


def _compact(data: object) -> str:
    # `dump` without the line end: also a piece of a file that `dump` would write whole.
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _article_file(corpus: Corpus, article: Article) -> dict[str, str]:
    # An article's data file, as `Corpus.made` keeps it.
    return {"json": dump(article_data(corpus, article))}


def data_files(corpus: Corpus) -> dict[str, str]:
    """Render every data file, keyed by its path inside the site.

    That is the files of `DATA_FILES`, one file per article
    (`data/articles/<slug>.json`) and one per glossary term
    (`data/glossary/<slug>.json`). An article's file depends on its analysis
    alone, so it is taken from an earlier build while the article is unchanged
    (`Corpus.made`).
    """
    terms = [(t.slug, t.title, t.abbr, t.aliases, t.kind, t.url, t.definition) for t in corpus.terms]
    inputs = ("data files", sorted(DATA_FILES), terms)  # with the themes, in every key (`Corpus.signature`)
    files = corpus.made(inputs, corpus.slugs, partial(_corpus_files, corpus))
    files = dict(sorted(files.items()))
    for article in corpus.articles:
        made = corpus.made(("article data",), [article.slug], partial(_article_file, corpus, article))
        files[article_data_path(article)] = made["json"]
    for term in corpus.terms:
        mentioning = corpus.mentioning(term.slug)
        made = corpus.made(("term data", term.slug), mentioning, partial(_term_file, corpus, term.slug))
        files[term_mentions_path(term.slug)] = made["json"]
    return files


def _corpus_files(corpus: Corpus) -> dict[str, str]:
    # The files of `DATA_FILES`, as `Corpus.made` keeps them.
    return {path: dump(render(corpus)) for path, render in DATA_FILES.items()}


def _term_file(corpus: Corpus, slug: str) -> dict[str, str]:
    # A term's data file (`term_mentions`, as `dump` writes it), as `Corpus.made` keeps it. While serving, each
    # article's entry is kept (`Corpus.entry`): after one article's edit, only its own is written anew.
    entries = [
        corpus.entry(("term data", slug), article, partial(_term_entry, corpus, slug, article))
        for article in corpus.mentions_in[slug]
    ]
    return {"json": '{"articles":[' + ",".join(entries) + '],"slug":' + _compact(slug) + "}\n"}
