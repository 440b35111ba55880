"""Verbatim regions: holding the engine's raw HTML out of Markdown changes no page."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, Comment
from hypothesis import given
from hypothesis import strategies as st

from newsguide.corpus import load_corpus
from newsguide.link import SKIP_END, SKIP_START
from newsguide.pages import build_pages
from newsguide.sources import split_front_matter
from newsguide.verbatim import (
    END,
    START,
    anchor_ids,
    hold,
    is_quotation,
    restore,
    restore_unquoted,
    searched_part,
    verbatim,
)
from tests.sitebuild import CORPUS, ROOT, Build

CASES = ROOT / "tests" / "cases" / "seeds"


def _converter() -> markdown.Markdown:
    # Python-Markdown with the extensions the site's mkdocs.yml lists (snippets aside: it reads files).
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name != "pymdownx.snippets":
            names.append(name)
            options[name] = settings or {}
    return markdown.Markdown(extensions=names, extension_configs=options)


class _Loader(yaml.SafeLoader):
    """YAML loader that reads mkdocs.yml's `!relative` and `!ENV` tags as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _pages(root: Path) -> list[tuple[str, str]]:
    # Every generated page's path and Markdown body (front matter off) for a project folder.
    corpus = load_corpus(root)
    return [(page.path, split_front_matter(page.markdown, page.path)[1]) for page in build_pages(corpus, "")]


def _case_projects(tmp: Path) -> list[Path]:
    # The real project, and one holding every bad-input seed that still renders.
    roots = [CORPUS]
    project = tmp / "cases"
    (project / "seeds").mkdir(parents=True)
    for case in sorted(CASES.iterdir()):
        for source in case.iterdir():
            if source.name != "expected.yml" and source.suffix in {".txt", ".md", ".yml"}:
                (project / "seeds" / source.name).write_bytes(source.read_bytes())
    (project / "docs").symlink_to(CORPUS / "docs")
    roots.append(project)
    return roots


def test_holding_changes_no_generated_page(tmp_path: Path) -> None:
    converter = _converter()
    checked = 0
    for root in _case_projects(tmp_path):
        for path, body in _pages(root):
            whole = converter.reset().convert(body)
            held, regions = hold(body)
            assert START not in held and SKIP_START not in held
            assert restore(converter.reset().convert(held), regions) == whole, path
            checked += 1
    assert checked > 40


def test_hold_and_restore_round_trip_and_leave_unmarked_text_alone() -> None:
    region = verbatim('<p id="a">x &lt;b&gt;</p>')
    page = f"# T\n\n{region}\nText <!-- ng-held 0123456789abcdef0123 -->\n"
    held, regions = hold(page)
    assert len(regions) == 1 and "<p id" not in held
    assert restore(held, regions) == page
    assert anchor_ids(regions) == {"a"}
    assert not any(is_quotation(region) for region in regions.values())
    assert hold("no regions here")[1] == {}


def test_unquoted_regions_go_back_first_and_only_quotations_stay_held() -> None:
    page = f"{verbatim('<p>body</p>')}\n<ul>{SKIP_START}<li>quote</li>{SKIP_END}</ul>\n"
    held, regions = hold(page)
    html, quotations = restore_unquoted(held, regions)
    assert "<p>body</p>" in html and "quote" not in html
    assert len(quotations) == 1 and all(is_quotation(region) for region in quotations.values())
    assert restore(html, quotations) == page
    assert restore_unquoted(html, quotations) == (html, quotations)


def test_a_quotation_inside_a_region_put_back_stays_held() -> None:
    badges = f'<small data-search-exclude>{SKIP_START}<a href="#x">Economics</a>{SKIP_END}</small>'
    page = verbatim(f"<p>body {badges}</p>") + f"<ul>{SKIP_START}<li>quote</li>{SKIP_END}</ul>\n"
    held, regions = hold(page)
    assert len(regions) == 2
    html, quotations = restore_unquoted(held, regions)
    assert "<p>body <small data-search-exclude><!-- ng-held " in html and "Economics" not in html
    assert len(quotations) == 2 and all(is_quotation(region) for region in quotations.values())
    assert restore(html, quotations) == page


def test_what_search_reads_of_a_page_does_not_change_with_its_quotations_alone() -> None:
    def indexed(quote: str, heading: str = "Mentioned in") -> str:
        page = f"<h2>{heading}</h2>\n<ul data-search-exclude>{SKIP_START}<li>{quote}</li>{SKIP_END}</ul>\n"
        return searched_part(restore_unquoted(*hold(page))[0])

    assert indexed("Japan and China met.") == indexed("Japan and China met on trade.")
    assert indexed("Japan and China met.") != indexed("Japan and China met.", heading="Mentions")


def test_every_quotation_is_inside_an_element_kept_from_search() -> None:
    # The adapter keeps quotations out of the search plugin's parsing; that is only right if search skips them.
    # The published pages are compacted (no comments): the generated pages' raw HTML still has the markers.
    seen = 0
    for generated in build_pages(load_corpus(CORPUS)):
        if SKIP_START not in generated.markdown:
            continue
        page = BeautifulSoup(generated.markdown, "html.parser")
        for comment in page.find_all(string=lambda node: isinstance(node, Comment) and node.strip() == "ng-nolink"):
            assert any(parent.has_attr("data-search-exclude") for parent in comment.parents), generated.path
            seen += 1
    assert seen >= 5


def test_no_placeholder_is_left_in_any_page(site: Build) -> None:
    for path in site.site.rglob("*.html"):
        assert not re.search(r"ng-held [0-9a-f]", path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize("marker", [START, END])
def test_verbatim_markers_are_html_comments(marker: str) -> None:
    assert marker.startswith("<!--") and marker.endswith("-->")


#: What `hold` finds, written as the one regular expression it stands for (outermost region first).
_REGION = re.compile(
    f"{re.escape(START)}.*?{re.escape(END)}|{re.escape(SKIP_START)}.*?{re.escape(SKIP_END)}", re.DOTALL
)


@given(st.lists(st.sampled_from([START, END, SKIP_START, SKIP_END, "<p>x</p>", "\n", "a", "<!--"]), max_size=14))
def test_hold_takes_out_what_the_region_pattern_matches(pieces: list[str]) -> None:
    page = "".join(pieces)
    held, regions = hold(page)
    assert list(regions.values()) == list(dict.fromkeys(_REGION.findall(page)))
    assert restore(held, regions) == page
