"""Rendering: the model to Markdown pages that any Markdown site generator can show.

Text from seed files is never trusted as Markdown or HTML: it goes out through
`text()`, which escapes it, inside raw HTML blocks that Markdown passes through
untouched. So `<script>`, `*` or `{{ x }}` in an article is shown, not run.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Mapping

import yaml

# libyaml's safe emitter writes the same YAML as PyYAML's, seven times faster; PyYAML's when absent.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def text(value: str) -> str:
    """Escape text for HTML element content (quotes too, for safety in attributes)."""
    return html.escape(value, quote=True)


def front_matter(fields: Mapping[str, object]) -> str:
    """Write a page's YAML front matter block.

    MkDocs themes insert `title` and `description` into the HTML without
    escaping them (they expect Markdown-made titles), so both are escaped here.
    """
    safe = {
        key: text(value) if key in ("title", "description") and isinstance(value, str) else value
        for key, value in fields.items()
    }
    dumped = yaml.dump(safe, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    return "---\n" + dumped + "---\n\n"


def description(*candidates: str, limit: int = 160) -> str:
    """The first non-empty candidate, cut at a word boundary to fit a meta description."""
    value = next((c for c in candidates if c), "")
    if len(value) <= limit:
        return value
    return value[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def href(from_url: str, to_url: str) -> str:
    """A link from one page to another URL, relative, so the site works under any sub-path.

    Both URLs are relative to the site root in the directory style MkDocs uses
    (`""` for the home page, `articles/x/`, `themes/economics/#p5`). Raw HTML
    links are not rewritten by the site generator, so they must be relative.
    """
    target, _, fragment = to_url.partition("#")
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    if target == base:
        relative = "./"
    else:
        relative = posixpath.relpath(target or ".", base or ".")
        if target.endswith("/") or not target:
            relative = relative.rstrip("/") + "/"
    return text(relative + (f"#{fragment}" if fragment else ""))
