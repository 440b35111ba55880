"""Icons: the SVG icons drawn inline on every page, kept once in a shared file and referenced from the pages.

Material draws each icon of its frame (logo, menu, search, colour scheme,
repository, edit, back to top) as an inline `<svg>`: about 4 KB on every page,
62 MB of a 10,000-article site, the same fifteen icons over and over.
`Icons.share` replaces each by a reference into one file, `ICONS_PATH`, that
holds each icon once, as a `<symbol>`:

    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="…"/></svg>

becomes

    <svg viewBox="0 0 24 24"><use xlink:href="../../assets/newsguide/icons.svg#i-1a2b3c4d5e"></use></svg>

The referencing `<svg>` keeps the icon's attributes (but `xmlns`, which HTML
does not need), so the theme's CSS sizes and colours it as before: the drawing
`<use>` brings in inherits `fill: currentColor`. The reference is written
`xlink:href`, not `href`: Material's instant navigation rewrites every `[href]`
by assigning the element's `href` property, which `<use>` has only as a
getter (the browser throws, and the rewriting stops halfway).

An icon's id is a digest of its drawing, the same on every page and in every
build. Icons that a shared copy could draw differently are left inline: those
without a `viewBox`, and those whose drawing holds ids of its own (gradients,
masks).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from .markup import href

#: Where the shared icons are published, relative to the site's root.
ICONS_PATH = "assets/newsguide/icons.svg"
#: An inline icon as Material's templates write it: its attributes, and its drawing.
_ICON = re.compile(r'<svg xmlns="http://www\.w3\.org/2000/svg"([^>]*)>((?:(?!<svg\b).)*?)</svg>', re.DOTALL)
_VIEW_BOX = re.compile(r'\sviewBox="([^"]*)"')


class Icons:
    """The icons the pages of one build share, by id, for the file `ICONS_PATH`."""

    def __init__(self) -> None:
        self.drawings: dict[str, tuple[str, str]] = {}  # id → (viewBox, drawing)

    def share(self, html: str, page_url: str) -> tuple[str, tuple[tuple[str, str, str], ...]]:
        """Replace the page's inline icons by references into the shared file.

        Args:
            html: The whole page.
            page_url: The page's URL, relative to the site's root (`articles/x/`).

        Returns:
            The page, and the icons it references as (id, viewBox, drawing),
            to `add` again when a later build keeps the page as it is.
        """
        target = href(page_url, ICONS_PATH)
        used: dict[str, tuple[str, str, str]] = {}

        def reference(icon: re.Match[str]) -> str:
            attributes, drawing = icon.group(1), icon.group(2)
            box = _VIEW_BOX.search(attributes)
            if box is None or " id=" in drawing:
                return icon.group()
            name = "i-" + hashlib.sha256(f"{box.group(1)}\n{drawing}".encode()).hexdigest()[:10]
            used[name] = (name, box.group(1), drawing)
            return f'<svg{attributes}><use xlink:href="{target}#{name}"></use></svg>'

        html = _ICON.sub(reference, html)
        self.add(used.values())
        return html, tuple(used.values())

    def add(self, drawings: Iterable[tuple[str, str, str]]) -> None:
        """Add icons a kept page references: (id, viewBox, drawing) each."""
        for name, box, drawing in drawings:
            self.drawings[name] = (box, drawing)

    def sprite(self) -> str:
        """The shared file: every icon as a `<symbol>`, by id, in a stable order."""
        symbols = "".join(
            f'<symbol id="{name}" viewBox="{box}">{drawing}</symbol>\n'
            for name, (box, drawing) in sorted(self.drawings.items())
        )
        return f'<svg xmlns="http://www.w3.org/2000/svg">\n{symbols}</svg>\n'

    def write(self, site_dir: Path) -> None:
        """Write the shared file into the built site, if any page references an icon."""
        if self.drawings:
            path = site_dir / ICONS_PATH
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.sprite(), encoding="utf-8")
