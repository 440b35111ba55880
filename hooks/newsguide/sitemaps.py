"""The sitemap, kept to the pages a reader navigates, with the rest in sitemaps that robots.txt names.

A site generator writes one `sitemap.xml` of every page. Material for MkDocs
also downloads it on a reader's first page, to know which links it may open
without a reload (instant navigation and previews). At 10,000 articles that
file is 24,000 addresses (3.8 MB), fetched before anything else a reader asks
for. So once a site has more than `SMALL_SITE` pages, `sitemap.xml` keeps the
pages the navigation lists (home, themes, glossary terms, the first page of
each list), which stays the same size as articles are added, and every other
page moves to `sitemaps/pages-<n>.xml` (at most `PER_FILE` each, the sitemap
protocol's limit), which `robots.txt` names for crawlers. Links to those pages
still work in the browser; they open with a normal page load.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Collection
from pathlib import Path

#: Up to this many pages, `sitemap.xml` keeps every page (and every link opens instantly).
SMALL_SITE = 500
#: The most addresses one sitemap file may hold (sitemaps.org).
PER_FILE = 50_000
#: Where the sitemaps of the other pages go, in the site.
FOLDER = "sitemaps"

_ENTRY = re.compile(r"[ \t]*<url>\s*<loc>(?P<loc>[^<]*)</loc>.*?</url>\n?", re.DOTALL)
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
_TAIL = "</urlset>\n"


def split_sitemap(site_dir: Path, unlisted: Collection[str], site_url: str) -> int:
    """Move the pages no navigation lists out of a built site's `sitemap.xml`, once the site is large.

    Args:
        site_dir: The built site, holding `sitemap.xml` and perhaps `robots.txt`.
        unlisted: The source paths of the pages the navigation leaves out
            (`articles/x.md`, `themes/security/page/2.md`; see `Site.unlisted`).
        site_url: The site's address, which the sitemap's addresses start with.

    Returns:
        How many pages moved to `sitemaps/` (0 for a small site, or none to split).
    """
    path = site_dir / "sitemap.xml"
    if not path.is_file() or not site_url:
        return 0
    text = path.read_text(encoding="utf-8")
    entries = list(_ENTRY.finditer(text))
    stems = {page_stem(source.removesuffix(".md")) for source in unlisted}
    moved = [entry[0] for entry in entries if page_stem(entry["loc"].removeprefix(site_url)) in stems]
    if len(entries) <= SMALL_SITE or not moved:
        return 0
    kept = [entry[0] for entry in entries if page_stem(entry["loc"].removeprefix(site_url)) not in stems]
    _write(path, kept)
    names = []
    for number, start in enumerate(range(0, len(moved), PER_FILE), start=1):
        names.append(f"{FOLDER}/pages-{number}.xml")
        _write(site_dir / names[-1], moved[start : start + PER_FILE])
    robots = site_dir / "robots.txt"
    if robots.is_file():
        lines = robots.read_text(encoding="utf-8").rstrip("\n")
        robots.write_text(lines + "".join(f"\nSitemap: {site_url}{name}" for name in names) + "\n", encoding="utf-8")
    return len(moved)


def _write(path: Path, entries: list[str]) -> None:
    # A sitemap of these entries, and its gzipped copy beside it (no time in it, so builds are reproducible).
    path.parent.mkdir(parents=True, exist_ok=True)
    text = _HEAD + "".join(entry if entry.endswith("\n") else entry + "\n" for entry in entries) + _TAIL
    path.write_text(text, encoding="utf-8")
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def page_stem(location: str) -> str:
    """A page's address or source path without its ending: `articles/x/`, `articles/x.html`, `articles/x` agree."""
    stem = location.removesuffix(".html").rstrip("/").removesuffix("/index")
    return "" if stem == "index" else stem
