"""The sitemap stays the size of the navigation; every other page is in a sitemap that robots.txt names."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from newsguide.sitemaps import SMALL_SITE, split_sitemap

SITE_URL = "https://example.org/guide/"


def _site(tmp_path: Path, articles: int) -> Path:
    # A built site's sitemap.xml and robots.txt, with a home page, a theme and `articles` article pages.
    paths = ["", "themes/security/", *(f"articles/a-{n}/" for n in range(articles))]
    urls = "".join(f"    <url>\n         <loc>{SITE_URL}{p}</loc>\n    </url>\n" for p in paths)
    (tmp_path / "sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="x">\n{urls}</urlset>\n', encoding="utf-8"
    )
    (tmp_path / "robots.txt").write_text(f"User-agent: *\nSitemap: {SITE_URL}sitemap.xml\n", encoding="utf-8")
    return tmp_path


def _locations(path: Path) -> list[str]:
    return re.findall(r"<loc>([^<]*)</loc>", path.read_text(encoding="utf-8"))


def test_a_small_site_keeps_one_sitemap_of_every_page(tmp_path: Path) -> None:
    site = _site(tmp_path, 10)
    before = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert split_sitemap(site, {f"articles/a-{n}.md" for n in range(10)}, SITE_URL) == 0
    assert (site / "sitemap.xml").read_text(encoding="utf-8") == before
    assert not (site / "sitemaps").exists()


def test_a_large_site_lists_its_navigation_in_sitemap_xml_and_every_other_page_elsewhere(tmp_path: Path) -> None:
    count = SMALL_SITE + 5
    site = _site(tmp_path, count)
    moved = split_sitemap(site, {f"articles/a-{n}.md" for n in range(count)}, SITE_URL)
    assert moved == count
    assert _locations(site / "sitemap.xml") == [SITE_URL, f"{SITE_URL}themes/security/"]
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == (site / "sitemap.xml").read_text()
    others = _locations(site / "sitemaps" / "pages-1.xml")
    assert others == [f"{SITE_URL}articles/a-{n}/" for n in range(count)]
    robots = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert robots[-2:] == [f"Sitemap: {SITE_URL}sitemap.xml", f"Sitemap: {SITE_URL}sitemaps/pages-1.xml"]
