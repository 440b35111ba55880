"""The typed model every stage shares: articles, their paragraphs and sentences.

The data flows seeds → parse → classify → link → render → pages; each stage
adds to these records rather than keeping state of its own, so that a page can
be rendered from the model alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cached_property
from operator import attrgetter
from pathlib import PurePosixPath
from typing import Any, cast


class Compact:
    """The base of the records an article holds by the thousand (sentences, mentions, matches).

    Each is a frozen dataclass with `slots=True`: no dictionary of its own, so
    that the kept analyses of 1,000 articles are some 200,000 fewer objects for
    Python to load and for its cyclic collector to walk, build after build. It
    pickles as its class and field values, which load by calling the class:
    faster than the field-by-field state that frozen slotted dataclasses
    otherwise pickle.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        """The class and the values of its fields, in order."""
        kind = type(self)
        values = _FIELD_VALUES.get(kind)
        if values is None:
            values = _FIELD_VALUES[kind] = _reader([f.name for f in fields(cast(Any, self)) if f.init])
        return kind, values(self)


def _reader(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    # What reads a record's field values as a tuple, in one call (a cold build at 1,000 articles pickles
    # 220,000 records): `attrgetter` of two names or more gives a tuple itself.
    if len(names) > 1:
        return attrgetter(*names)
    return lambda record: tuple(getattr(record, name) for name in names)


#: Each record class's reader of its field values, in the order its class takes them.
_FIELD_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


@dataclass(frozen=True, slots=True)
class Sentence(Compact):
    """One sentence of a body paragraph, exactly as it appears in the text.

    Attributes:
        text: The sentence, verbatim, without the space that follows it.
        start: Offset of the sentence in its paragraph's text, so that a page
            can highlight it without searching for it again.
    """

    text: str
    start: int

    @property
    def end(self) -> int:
        """Offset just past the sentence in its paragraph's text."""
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Paragraph(Compact):
    """A body paragraph: the unit that carries an anchor and a permalink.

    Attributes:
        number: 1-based position in the body; the anchor is `p{number}`.
        text: The paragraph with its line breaks folded to single spaces.
        sentences: The paragraph split into sentences, in order.
        line: The line of the source file where the paragraph starts.
        source: For a `.md` article, the block's Markdown as written; the
            page renders it, while `text` is what a reader sees of it.
    """

    number: int
    text: str
    sentences: tuple[Sentence, ...]
    line: int = 0
    source: str = ""

    @property
    def anchor(self) -> str:
        """The stable HTML id of the paragraph on its article page."""
        return f"p{self.number}"


@dataclass(frozen=True)
class Article:
    """One article from `seeds/`, parsed into its parts.

    Attributes:
        slug: URL-safe name, unique across the corpus; the page lives at
            `articles/{slug}/`.
        source: Path of the seed relative to the project root, e.g.
            `seeds/china-japan-rok-trilateral-2025.txt`.
        title: The headline.
        standfirst: The summary under the headline, or "" when there is none.
        author: The author's name as the byline gives it, or "".
        byline: The byline line as written (e.g. "by WANG Li"), or "".
        body: The body paragraphs.
        author_note: The "Author: …" note without its label, or "".
        disclaimer: The publisher's disclaimer sentence, or "".
        publisher: The publisher named in the disclaimer or the metadata, or "".
        date: Publication date, from front matter or the sidecar file; with
            `date_precision` "month", only its year and month are known.
        date_precision: "day", or "month" when the source gives only the month.
        source_url: Where the article was published, if known.
        markdown: True when the body is Markdown (a `.md` seed) rather than
            plain text whose characters must all be shown literally.
        pins: Editorial overrides: paragraph number → theme slugs to add.
        excludes: Editorial overrides: paragraph number → theme slugs to drop.
    """

    slug: str
    source: PurePosixPath
    title: str
    standfirst: str = ""
    author: str = ""
    byline: str = ""
    body: tuple[Paragraph, ...] = ()
    author_note: str = ""
    disclaimer: str = ""
    publisher: str = ""
    date: dt.date | None = None
    date_precision: str = "day"
    source_url: str = ""
    markdown: bool = False
    pins: dict[int, tuple[str, ...]] = field(default_factory=dict)
    excludes: dict[int, tuple[str, ...]] = field(default_factory=dict)

    # The properties read for every mention, passage and list entry are worked out once (`cached_property`).

    @cached_property
    def url(self) -> str:
        """The page's URL relative to the site root."""
        return f"articles/{self.slug}/"

    @property
    def page_path(self) -> str:
        """The page's virtual source path inside `docs/`."""
        return f"articles/{self.slug}.md"

    def paragraph_url(self, paragraph: Paragraph) -> str:
        """The URL of one paragraph relative to the site root."""
        return f"{self.url}#{paragraph.anchor}"

    @cached_property
    def date_label(self) -> str:
        """The date as a reader writes it: "22 March 2025", "March 2025" when only the month is known, or ""."""
        if self.date is None:
            return ""
        month = f"{self.date:%B %Y}"
        return month if self.date_precision == "month" else f"{self.date.day} {month}"

    @cached_property
    def date_iso(self) -> str:
        """The date in ISO 8601 at its precision ("2025-03-22", "2025-03"), or ""."""
        if self.date is None:
            return ""
        iso = self.date.isoformat()
        return iso[:7] if self.date_precision == "month" else iso


@dataclass(frozen=True, slots=True)
class Quote(Compact):
    """Words quoted from a body sentence, with where they were said.

    The base of what the engine extracts from sentences (key figures, dated
    mentions), so that each page can highlight the words and link back.

    Attributes:
        words: The words as written in the sentence.
        article: The article they come from.
        paragraph: The body paragraph holding them.
        sentence: The sentence holding them.
        start: Offset of `words` in the sentence.
    """

    words: str
    article: Article
    paragraph: Paragraph
    sentence: Sentence
    start: int

    @property
    def end(self) -> int:
        """Offset just past the words in the sentence."""
        return self.start + len(self.words)

    @property
    def url(self) -> str:
        """The paragraph's URL relative to the site root."""
        return self.article.paragraph_url(self.paragraph)
