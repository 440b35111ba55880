"""Safe Markdown for `.md` articles: formatting yes, raw HTML and script links no.

A `.md` seed may use Markdown emphasis, links and lists, but not raw HTML: it is
shown as text, like everything else a contributor writes in an article, and
links may only point to http(s), mailto or relative addresses.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser

import markdown
from markdown.treeprocessors import Treeprocessor

_SAFE_URL = re.compile(r"^(?:https?:|mailto:|#|/|\.|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


class _SafeLinks(Treeprocessor):
    # Drop href/src values whose scheme could run code (javascript:, data:, …).
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not _SAFE_URL.match(value.strip()):
                    del element.attrib[attribute]


def _converter(extensions: tuple[str, ...] = ("smarty",)) -> markdown.Markdown:
    # A Markdown converter with raw HTML treated as text.
    md = markdown.Markdown(extensions=list(extensions), output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)
    return md


_MD = _converter()
#: Without typographic quotes, as the site's own pages (e.g. glossary entries) are rendered.
_MD_PLAIN = _converter(())


def render_markdown_block(source: str) -> str:
    """Render one block of a `.md` article's body to inert HTML."""
    _MD.reset()
    return _MD.convert(source)


class _TextOnly(HTMLParser):
    # Collect the text content of an HTML fragment.
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@functools.lru_cache(maxsize=1024)  # a glossary definition is converted on each build of `mkdocs serve`
def markdown_plain_text(source: str, *, typographic: bool = True) -> str:
    """The text a reader sees when one Markdown block is rendered.

    Args:
        source: One Markdown block.
        typographic: Curl quotes and dashes as `.md` articles are rendered; False
            for text rendered like the site's hand-written pages.
    """
    collector = _TextOnly()
    if typographic:
        html = render_markdown_block(source)
    else:
        _MD_PLAIN.reset()
        html = _MD_PLAIN.convert(source)
    collector.feed(html)
    collector.close()
    return " ".join("".join(collector.parts).split())
