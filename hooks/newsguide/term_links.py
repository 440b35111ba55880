"""Glossary links in Markdown that people write: a Python-Markdown extension.

The engine links the terms in the HTML it writes itself (article bodies, from
the mentions it found). Pages and parts of pages that people write in Markdown
(the home page, theme introductions, term definitions, CONTRIBUTING) are
rendered by the site generator's Markdown; this extension links them there,
by the same rules (`newsguide.link.Linker`): the first mention of each term per
section, never in headings, links or code, and never a term on its own page.

It runs after Python-Markdown has put raw HTML back, so blocks that the engine
embeds are linked too, unless they say otherwise (`ng-nolink`).
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

from .link import Linker

#: After Python-Markdown's own postprocessors (raw HTML at 30, `&` at 20): the HTML is final.
PRIORITY = 5


class TermLinks(Extension):
    """Links glossary terms in the HTML Python-Markdown renders.

    Args:
        linker: The build's linker.
    """

    def __init__(self, linker: Linker) -> None:
        super().__init__()
        self.linker = linker
        #: The URL of the page being rendered, relative to the site root; None links nothing.
        self.page_url: str | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the postprocessor that writes the links."""
        md.postprocessors.register(_LinkTerms(md, self), "newsguide_term_links", PRIORITY)


class _LinkTerms(Postprocessor):
    # Link the rendered HTML of the page named in the extension.
    def __init__(self, md: Markdown, extension: TermLinks) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        # The HTML with its first mentions linked (as it is if no page is being rendered).
        page_url = self.extension.page_url
        return text if page_url is None else self.extension.linker.link_html(text, page_url)
