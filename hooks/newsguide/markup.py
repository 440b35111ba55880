"""Writing HTML and Markdown safely: escaping, relative links, front matter, descriptions, notices.

Text from seed files is never trusted as Markdown or HTML: it goes out through
`text()`, which escapes it, inside raw HTML blocks that Markdown passes through
untouched. So `<script>`, `*` or `{{ x }}` in an article is shown, not run.
"""

from __future__ import annotations

import functools
import html
import posixpath
from collections.abc import Iterable, Mapping

import yaml

# libyaml's safe emitter writes the same YAML as PyYAML's, seven times faster; PyYAML's when absent.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def text(value: str) -> str:
    """Escape text for HTML element content (quotes too, for safety in attributes).

    Most text has nothing to escape: five membership tests find that faster
    than `html.escape`'s five replacements.
    """
    if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
        return html.escape(value, quote=True)
    return value


def highlight(value: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """Escape text, wrapping some stretches of it in an element (`<mark>` for a highlight).

    Args:
        value: The text, untrusted.
        spans: (start, end, tag) for each stretch to wrap, in order and not
            overlapping; `tag` is the element's opening tag without its angle
            brackets, written by the caller (`mark`, `span class="ng-subdued"`).

    Returns:
        The escaped text, with each stretch in its element.
    """
    out, position = [], 0
    for start, end, tag in spans:
        out.append(text(value[position:start]))
        out.append(f"<{tag}>{text(value[start:end])}</{tag.split()[0]}>")
        position = end
    out.append(text(value[position:]))
    return "".join(out)


def count(number: int, noun: str) -> str:
    """A number with its noun, in the plural unless it is one: "1 passage", "3 passages"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def front_matter(fields: Mapping[str, object]) -> str:
    """Write a page's YAML front matter block.

    MkDocs themes insert `title` and `description` into the HTML without
    escaping them (they expect Markdown-made titles), so both are escaped here;
    the description is also cut to the length search engines show.
    """
    safe = dict(fields)
    if isinstance(safe.get("description"), str):
        safe["description"] = text(description(str(safe["description"])))
    if isinstance(safe.get("title"), str):
        safe["title"] = text(str(safe["title"]))
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
    return _relative(from_url, target) + (f"#{text(fragment)}" if fragment else "")


@functools.lru_cache(maxsize=1 << 16)
def _relative(from_url: str, target: str) -> str:
    # The escaped path from a page to a directory-style URL; the same pairs recur thousands of times per build
    # (a fragment is escaped on its own: escaping works character by character).
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    if target == base:
        return "./"
    relative = relative_path(target, base)
    return text(relative.rstrip("/") + "/" if target.endswith("/") or not target else relative)


def relative_path(target: str, base: str) -> str:
    """`posixpath.relpath(target or ".", base or ".")`, by path segments.

    Site URLs are clean paths from the site root, so comparing their segments
    gives the same answer several times faster than `relpath`, which makes
    both paths absolute and normalises them first; a term page at 1,000
    articles links to thousands of paragraphs. Anything unusual (`.`, `..`,
    a leading `/`) goes to `relpath` itself.
    """
    to = [part for part in target.split("/") if part]
    start = [part for part in base.split("/") if part]
    if target.startswith("/") or base.startswith("/") or {".", ".."} & {*to, *start}:
        return posixpath.relpath(target or ".", base or ".")
    common = 0
    for mine, theirs in zip(to, start, strict=False):  # the shorter path ends the common part
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."


def source_notice(source: str, source_base: str = "") -> str:
    """The notice at the foot of a generated page naming the file it is generated from.

    A reader who wants to correct a generated page needs the file to edit, which
    is not the page's own path: an article page comes from `seeds/`, for example.

    Args:
        source: The file, relative to the project root (e.g. `seeds/x.txt`).
        source_base: The URL that the file's path is appended to for a link to
            it (e.g. `https://github.com/owner/repo/blob/main/`), or "" for no link.

    Returns:
        A raw HTML block, with a blank line before it.
    """
    name = f"<code>{text(source)}</code>"
    if source_base:
        name = f'<a href="{text(source_base + source)}">{name}</a>'
    # Kept out of the search index (Material's `data-search-exclude`): it is for contributors, not readers.
    notice = f"Generated from {name}. Edit that file to change this page."
    return f'\n<p class="ng-generated" data-search-exclude>{notice}</p>\n'
