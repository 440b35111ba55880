"""Property-based tests of the parser: whatever the text, no paragraph is lost or changed."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsguide.model import Paragraph
from newsguide.parse import parse_text_article
from newsguide.sentences import split_sentences
from newsguide.sources import decode_text

SOURCE = PurePosixPath("seeds/generated.txt")

# Words that the parser reads as structure when a paragraph starts with them (byline, author note, scrape
# debris, disclaimer); generated paragraphs avoid them, so each must come out as a body paragraph.
_STRUCTURE = re.compile(
    r"^\s*(?:by\s|author|about the author|share|latest|related|read\s+more|more\s+from|tags?\b|categor"
    r"|you\s+may|follow\s+us|advertisement|print|email|comment)",
    re.IGNORECASE,
)
_DISCLAIMER_WORDS = re.compile(r"\b(?:own|expressed|necessarily)\b", re.IGNORECASE)

# Letters and marks of any script, punctuation, Markdown/HTML/template characters, odd spaces.
_TOKENS = st.one_of(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff"),
    st.sampled_from([*list("#*>|`-+=_~[](){}<>&;!?.,:'\"“”’ \t\xa0\u3000"), "{{", "}}", "{%", "%}", "```", "1."]),
)
_LINE = st.lists(_TOKENS, min_size=1, max_size=30).map("".join).filter(lambda line: line.strip() != "")
_PARAGRAPH = (
    st.lists(_LINE, min_size=1, max_size=4)
    .map("\n".join)
    .filter(lambda p: not _STRUCTURE.match(p) and not _DISCLAIMER_WORDS.search(p))
)
_TITLE = _LINE.filter(lambda t: "\n" not in t)
_NEWLINE = st.sampled_from(["\n", "\r\n", "\r"])


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _assert_sentences_cover(paragraph: Paragraph) -> None:
    # The sentences are the paragraph's own characters, in order, with only whitespace between them.
    position = 0
    for sentence in paragraph.sentences:
        assert paragraph.text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= position
        assert paragraph.text[position : sentence.start].strip() == ""
        position = sentence.end
    assert paragraph.text[position:].strip() == ""
    assert paragraph.sentences


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=_TITLE,
    paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=6),
    newline=_NEWLINE,
    bom=st.booleans(),
)
def test_every_paragraph_is_kept_with_whitespace_normalised(
    title: str, paragraphs: list[str], newline: str, bom: bool
) -> None:
    raw = (newline * 2).join([title, *paragraphs]).replace("\n", newline) + newline
    data = ("\ufeff" if bom else "").encode() + raw.encode("utf-8")
    text = decode_text(data, SOURCE.as_posix())
    article = parse_text_article(text, SOURCE, "generated")
    assert article.title == _normalised(title)
    assert [p.text for p in article.body] == [_normalised(p) for p in paragraphs]
    assert [p.number for p in article.body] == list(range(1, len(paragraphs) + 1))
    for paragraph in article.body:
        _assert_sentences_cover(paragraph)


@settings(max_examples=60, deadline=None)
@given(
    title=_TITLE,
    standfirst=_PARAGRAPH,
    paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=5),
    newline=_NEWLINE,
)
def test_with_byline_and_author_note_the_body_is_every_paragraph_between(
    title: str, standfirst: str, paragraphs: list[str], newline: str
) -> None:
    parts = [title, standfirst, "by Jo PARK", *paragraphs, "Author: Jo Park writes."]
    text = decode_text(((newline * 2).join(parts) + newline).encode(), SOURCE.as_posix())
    article = parse_text_article(text, SOURCE, "generated")
    assert article.standfirst == _normalised(standfirst)
    assert article.author == "Jo PARK"
    assert [p.text for p in article.body] == [_normalised(p) for p in paragraphs]
    assert article.author_note == "Jo Park writes."


@settings(max_examples=60, deadline=None)
@given(title=_TITLE, paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=5))
def test_parsing_is_deterministic(title: str, paragraphs: list[str]) -> None:
    text = "\n\n".join([title, *paragraphs]) + "\n"
    first = parse_text_article(text, SOURCE, "generated")
    split_sentences.cache_clear()  # split again rather than read the first split back
    second = parse_text_article(text, SOURCE, "generated")
    assert first == second
