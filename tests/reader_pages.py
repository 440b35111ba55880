"""The pages the accessibility checks and the audit cover, as the issue lists them."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLE = "articles/china-japan-rok-trilateral-2025/"
#: The term page checked: the one the search test finds first.
TERM = "glossary/rcep/"
#: The query typed for "search opened with results".
SEARCH_QUERY = "RCEP"


def all_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as site-relative URLs ("" for the home page)."""
    urls = [p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")]
    return sorted("" if url == "./" else url for url in urls)


def theme_pages(site: Path) -> list[str]:
    """The URL of each theme's page, in theme order, from the site's published `data/passages.json`."""
    data = json.loads((site / "data" / "passages.json").read_text(encoding="utf-8"))
    return [str(theme["url"]) for theme in data["themes"]]


def reader_pages(site: Path) -> list[str]:
    """Home, an article, each theme, the glossary index, a term, key figures and the timeline."""
    return ["", ARTICLE, *theme_pages(site), "glossary/", TERM, "figures/", "timeline/"]
