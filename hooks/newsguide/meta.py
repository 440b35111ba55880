"""Meta descriptions for hand-written pages, taken from what the page says first."""

from __future__ import annotations

import re

from .markdown_body import markdown_plain_text
from .markup import description

#: Lines that do not start a prose paragraph: headings, HTML, lists, tables, admonitions, fences, markers.
_NOT_PROSE = re.compile(r"^\s*(?:#|<|[-*+]\s|\d+\.\s|\||!!!|\?\?\?|```|~~~|>|\[.*\]:|\{|\*\*\*|---|===)")
_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n(?:---|\.\.\.)\s*\n", re.DOTALL)


def first_paragraph(markdown: str) -> str:
    """The plain text of a page's first prose paragraph, or "" when it has none.

    Args:
        markdown: The page's Markdown (front matter, if still present, is skipped).
    """
    body = _FRONT_MATTER.sub("", markdown, count=1)
    for block in re.split(r"\n\s*\n", body):
        lines = [line for line in block.strip().splitlines() if line.strip()]
        if lines and not _NOT_PROSE.match(lines[0]):
            return " ".join(markdown_plain_text("\n".join(lines)).split())
    return ""


def page_description(markdown: str, fallback: str = "") -> str:
    """A meta description for a page: its first paragraph, cut to fit, else `fallback`."""
    return description(first_paragraph(markdown), fallback)
