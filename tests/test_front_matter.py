"""While serving, each version of a page's front matter is read once, and every page gets its own fields."""

from __future__ import annotations

from typing import Any

from mkdocs.utils import meta

from newsguide.front_matter import FrontMatter

PAGE = "---\ntitle: Economics\nsearch:\n  boost: 2\n---\n\n# Economics\n\nText.\n"


def _counted(read: Any) -> tuple[FrontMatter, list[str]]:
    # A FrontMatter over `read`, and the texts `read` was given.
    texts: list[str] = []

    def counting(text: str) -> Any:
        texts.append(text)
        return read(text)

    return FrontMatter(counting), texts


def test_a_text_is_read_once_and_gives_what_the_reader_gives() -> None:
    reader, texts = _counted(meta.get_data)
    assert reader(PAGE) == meta.get_data(PAGE) == reader(PAGE)
    edited = PAGE.replace("Text.", "More text.")
    assert reader(edited) == meta.get_data(edited)
    assert texts == [PAGE, edited]


def test_every_read_gets_its_own_copy_of_the_fields() -> None:
    # A build that changes a page's fields (a template, search settings) changes them for itself alone.
    reader, _ = _counted(meta.get_data)
    _, fields = reader(PAGE)
    fields["search"]["boost"] = 0
    fields["template"] = "other.html"
    assert reader(PAGE)[1] == {"title": "Economics", "search": {"boost": 2}}


def test_markdown_that_is_not_the_end_of_its_text_is_read_every_time() -> None:
    # A reader that rewrites the Markdown (MultiMarkdown-style fields on lines ending with CR LF) is not kept.
    reader, texts = _counted(lambda text: (text.replace("\r\n", "\n"), {}))
    page = "Title: Economics\r\n\r\nText.\r\n"
    assert reader(page) == reader(page) == ("Title: Economics\n\nText.\n", {})
    assert texts == [page, page]
