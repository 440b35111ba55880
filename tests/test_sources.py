"""Reading contributor files and wording their problems: where a field or a value in it is, what was meant."""

from __future__ import annotations

import datetime as dt

import pytest

from newsguide.problems import Problem, SourceError, did_you_mean
from newsguide.sources import field_line, line_count, parse_fields, split_front_matter


def test_field_line_finds_a_field_in_front_matter() -> None:
    text = "---\ntitle: RCEP\nkind : agreement\naliases:\n  - RCEP\n---\n\nThe definition.\n"
    assert [field_line(text, key) for key in ("title", "kind", "aliases", "links")] == [2, 3, 4, 0]


def test_field_line_ignores_the_body_and_nested_keys() -> None:
    text = "---\ntitle: X\nlinks:\n  - title: Y\n---\n\nkind: not a field, a line of the body\n"
    assert field_line(text, "kind") == 0
    assert field_line(text, "title") == 2


def test_field_line_reads_a_plain_yaml_file() -> None:
    assert field_line("date: 2025-03-24\npin:\n  3: [economics]\n", "pin") == 2


TERM = """---
title: Harbour Pact
kind: agreement
aliases:
  - Harbour Pact
  - Quay Accord
see_also: rcep
links:
  - title: Its home
    url: https://example.org/
names: {zh: 港口协定}
---
The definition.
"""


def test_field_line_finds_a_value_inside_a_field() -> None:
    assert field_line(TERM, "aliases", 0) == 5
    assert field_line(TERM, "aliases", 1) == 6
    assert field_line(TERM, "links", 0) == 9
    assert field_line(TERM, "links", 0, "url") == 10
    assert field_line(TERM, "names", "zh") == 11


def test_field_line_counts_a_single_value_as_a_list_of_one() -> None:
    assert field_line(TERM, "see_also", 0) == 7


def test_field_line_falls_back_to_the_field_when_the_value_is_not_there() -> None:
    assert field_line(TERM, "aliases", 5) == 4
    assert field_line(TERM, "names", "ko") == 11
    assert field_line(TERM, "abbr", 0) == 0
    assert field_line("---\ntitle: [unclosed\naliases:\n  - x\n---\n", "aliases", 0) == 3


def test_field_line_finds_an_override_entry_in_a_sidecar() -> None:
    sidecar = "date: 2025-03-24\nexclude:\n  3: [economics]\n  first: [security]\n"
    assert field_line(sidecar, "exclude", 3) == 3
    assert field_line(sidecar, "exclude", "first") == 4


def test_line_count_counts_lines_as_an_editor_does() -> None:
    assert [line_count(text) for text in ("", "a", "a\n", "a\nb", "a\nb\n", "a\n\n")] == [1, 1, 1, 2, 2, 2]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: T\n---\n\nBody.\n", 4),  # the blank line after the front matter
        ("---\ntitle: T\n---\n", 3),  # nothing after it: the closing `---`, not the line past the end
        ("---\ntitle: T\n---", 3),
        ("---\ntitle: T\n---\n\n", 4),
    ],
)
def test_the_body_line_is_never_past_the_end_of_the_file(text: str, line: int) -> None:
    assert split_front_matter(text, "x.md")[2] == line


def test_a_date_that_does_not_exist_stays_text() -> None:
    fields = parse_fields("date: 2025-13-01\nother: 2025-03-24\n", "x.yml")
    assert fields == {"date": "2025-13-01", "other": dt.date(2025, 3, 24)}


def test_did_you_mean_offers_the_closest_name_only_when_close() -> None:
    assert did_you_mean("organization", ("agreement", "organisation")) == "Did you mean 'organisation'? "
    assert did_you_mean("Organisaton", ("organisation",)) == "Did you mean 'organisation'? "
    assert did_you_mean("asea", ("asean", "asean-plus-three")) == "Did you mean 'asean'? "
    assert did_you_mean("auther", ("date", "pin", "source_url")) == ""
    assert did_you_mean(42, ("organisation",)) == ""


def test_a_source_error_carries_every_problem_in_line_order() -> None:
    error = SourceError(
        Problem("x.md", "late", line=9), Problem("x.md", "whole file"), Problem("x.md", "early", line=2)
    )
    assert [problem.message for problem in error.problems] == ["whole file", "early", "late"]
    assert error.problem.message == "whole file"
    assert str(error).splitlines() == ["x.md: whole file", "x.md:2: early", "x.md:9: late"]


def test_a_note_about_several_files_names_none() -> None:
    assert str(Problem("", "3 glossary terms are mentioned in no article.")) == (
        "3 glossary terms are mentioned in no article."
    )
