"""Compact HTML: the indentation between tags and the comments, dropped from a finished page.

Material's templates indent every line of the page's frame (header, sidebars,
footer) by its depth, and the engine's pages carry marker comments
(`newsguide.verbatim`, `newsguide.link`); at 10,000 articles that is a tenth of
the site's bytes, which GitHub Pages caps at 1 GB. `compact` takes them out
once a page is finished, without changing what a browser shows:

* a run of whitespace that holds a line break becomes that one line break,
  which HTML renders as the single space the run rendered as before;
* comments go, but for those starting `<!--!`, which keep a licence (Font
  Awesome's icons), and conditional ones (`<!--[if`);
* the content of `<pre>`, `<textarea>`, `<script>` and `<style>` is kept as it
  is, since there whitespace (or a comment) can matter.

Only ASCII whitespace is touched: a no-break space is text.
"""

from __future__ import annotations

import re

#: Elements whose content is kept byte for byte.
_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
#: The whitespace folded around line breaks (ASCII only: a no-break space is text).
_SPACES = " \t\r\f"
#: A comment that goes (not `<!--!`, not `<!--[if`).
_COMMENT = re.compile(r"<!--(?![!\[]).*?-->", re.DOTALL)


def compact(html: str) -> str:
    """The page without its indentation and comments, rendering the same (see the module's docstring).

    Args:
        html: A whole HTML page, or part of one in which every `<pre>`,
            `<textarea>`, `<script>` and `<style>` opened is closed.

    Returns:
        The compacted HTML.
    """
    parts = []
    position = 0
    for kept in _KEPT.finditer(html):
        parts += [_compact_text(html[position : kept.start()]), kept.group()]
        position = kept.end()
    parts.append(_compact_text(html[position:]))
    return "".join(parts)


def _compact_text(html: str) -> str:
    # HTML with nothing kept byte for byte in it: comments out, then each whitespace run with a line break
    # folded to the line break. Line by line, as str methods: four times as fast as a regular expression.
    if "<!--" in html:
        html = _COMMENT.sub("", html)
    lines = html.split("\n")
    if len(lines) == 1:
        return html
    inner = [line for line in (line.strip(_SPACES) for line in lines[1:-1]) if line]
    return "\n".join([lines[0].rstrip(_SPACES), *inner, lines[-1].lstrip(_SPACES)])
