"""Reading contributor files: where a front-matter field is, for problem reports."""

from __future__ import annotations

from newsguide.sources import field_line


def test_field_line_finds_a_field_in_front_matter() -> None:
    text = "---\ntitle: RCEP\nkind : agreement\naliases:\n  - RCEP\n---\n\nThe definition.\n"
    assert [field_line(text, key) for key in ("title", "kind", "aliases", "links")] == [2, 3, 4, 0]


def test_field_line_ignores_the_body_and_nested_keys() -> None:
    text = "---\ntitle: X\nlinks:\n  - title: Y\n---\n\nkind: not a field, a line of the body\n"
    assert field_line(text, "kind") == 0
    assert field_line(text, "title") == 2


def test_field_line_reads_a_plain_yaml_file() -> None:
    assert field_line("date: 2025-03-24\npin:\n  3: [economics]\n", "pin") == 2
