"""Pages' front matter, read once per version of a page while serving.

A site generator reads every page's front matter (YAML) at every build, and
under `mkdocs serve` a rebuild after one edit reads the same few hundred
front matters again: a twentieth of the rebuild at 100 articles. `FrontMatter`
wraps the generator's reader and reads each distinct page text once; every
later read of the same text gets a copy of the same fields, so that a build
that changes a page's fields (a template, search settings) changes its own copy.

This module never imports MkDocs: the adapter puts `FrontMatter(meta.get_data)`
in place of MkDocs' reader when serving starts.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

#: A reader: a page's text → its Markdown without the front matter, and the front matter's fields.
Reader = Callable[[str], tuple[str, dict[str, Any]]]


class FrontMatter:
    """A front-matter reader that reads each distinct page text once.

    What is kept for a text is the length of the Markdown that follows the
    front matter and the fields, under the text's length and hash: a few
    hundred bytes a page version, not the page. A text whose Markdown is not
    its own end (a reader that rewrote it) is read every time.

    Args:
        read: The reader to wrap.
    """

    def __init__(self, read: Reader) -> None:
        self.read = read
        self._kept: dict[tuple[int, int], tuple[int, dict[str, Any]]] = {}

    def __call__(self, text: str) -> tuple[str, dict[str, Any]]:
        """The text's Markdown and a copy of its front matter's fields."""
        key = (len(text), hash(text))
        kept = self._kept.get(key)
        if kept is None:
            markdown, fields = self.read(text)
            if not text.endswith(markdown):
                return markdown, fields
            kept = self._kept[key] = (len(markdown), copy.deepcopy(fields))
        length, fields = kept
        return text[len(text) - length :], copy.deepcopy(fields)
