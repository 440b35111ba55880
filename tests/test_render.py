"""The small rendering helpers every page uses: escaping with highlights, and counts."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from newsguide.markup import count, highlight, href, relative_path


def test_highlight_escapes_every_part_and_wraps_each_stretch() -> None:
    value = "<b>RCEP</b> & FTA's <i>"
    spans = [(3, 7, "mark"), (14, 17, 'span class="ng-subdued"')]
    assert highlight(value, spans) == (
        '&lt;b&gt;<mark>RCEP</mark>&lt;/b&gt; &amp; <span class="ng-subdued">FTA</span>&#x27;s &lt;i&gt;'
    )


def test_highlight_without_stretches_only_escapes() -> None:
    assert highlight('a "b" <c>', []) == "a &quot;b&quot; &lt;c&gt;"


def test_highlight_keeps_every_character_of_the_text() -> None:
    value = "One. Two? Three!"
    wrapped = highlight(value, [(0, 4, "mark"), (5, 9, "mark"), (10, 16, "mark")])
    assert wrapped.replace("<mark>", "").replace("</mark>", "") == value


def test_count_uses_the_plural_except_for_one() -> None:
    assert [count(n, "passage") for n in (0, 1, 2)] == ["0 passages", "1 passage", "2 passages"]


_SEGMENT = st.sampled_from(["articles", "glossary", "themes", "a", "b", "x-1", "index.html", ".", "..", ""])
_PATH = st.lists(_SEGMENT, max_size=4).map("/".join) | st.lists(_SEGMENT, max_size=3).map(lambda p: "/".join(p) + "/")


@given(_PATH, _PATH)
def test_relative_path_is_posix_relpath(target: str, base: str) -> None:
    assert relative_path(target, base) == posixpath.relpath(target or ".", base or ".")


def test_href_links_site_urls_relatively() -> None:
    assert href("glossary/china/", "articles/x/#p5") == "../../articles/x/#p5"
    assert href("", "themes/economics/") == "themes/economics/"
    assert href("themes/", "themes/") == "./"
    assert href("articles/x/", "data/passages.json") == "../../data/passages.json"
