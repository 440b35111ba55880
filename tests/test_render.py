"""The small rendering helpers every page uses: escaping with highlights, and counts."""

from __future__ import annotations

from newsguide.render import count, highlight


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
