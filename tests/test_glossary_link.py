"""Finding terms in text and linking them in HTML, with example and property-based tests."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from newsguide.corpus import load_corpus
from newsguide.glossary import DASH, QUOTE, Term, alias_key
from newsguide.link import Linker, TermMatcher, skip_linking
from tests.sitebuild import CORPUS


def term(slug: str, *aliases: str, kind: str = "concept", exclude: tuple[str, ...] = ()) -> Term:
    return Term(
        slug=slug,
        source=f"docs/glossary/{slug}.md",
        title=aliases[0],
        kind=kind,
        definition=f"{aliases[0]} is a test term.",
        summary=f"{aliases[0]} is a test term.",
        aliases=aliases,
        exclude=exclude,
    )


TERMS = [
    term("east-asia", "East Asia", "East Asian", kind="place"),
    term("eas", "East Asia Summit", "EAS", kind="forum"),
    term("us", "United States", "U.S.", "US", "America", "Washington", kind="country", exclude=("Latin America",)),
    term("china", "China", kind="country"),
    term("trump", "Donald Trump", "Trump", kind="person"),
    term("fta", "free trade agreement", "FTA"),
    term("rcep", "Regional Comprehensive Economic Partnership", "RCEP", kind="agreement"),
    term("meeting", "Foreign Ministers' Meeting", kind="meeting"),
    term("cjk", "China-Japan-ROK FTA", kind="agreement"),
    term("cold-war", "Cold War", kind="event", exclude=("new cold war",)),
]
MATCHER = TermMatcher(TERMS)
LINKER = Linker(TERMS, MATCHER)


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.term) for m in MATCHER.matches(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the East Asia Summit met", [("East Asia Summit", "eas")]),
        ("East Asian security", [("East Asian", "east-asia")]),
        ("let us go", []),
        ("the US and China", [("US", "us"), ("China", "china")]),
        ("fine china and a trump card", []),
        ("President Trump’s policies", [("Trump’s", "trump")]),
        ("Donald Trump's policies", [("Donald Trump's", "trump")]),
        ("U.S.-China rivalry", [("U.S.", "us"), ("China", "china")]),
        ("the U.S. and UK", [("U.S.", "us")]),
        ("two FTAs and three free trade agreements", [("FTAs", "fta"), ("free trade agreements", "fta")]),
        ("the Americas", []),
        ("Latin America and America", [("America", "us")]),
        ("a new cold war, unlike the Cold War", [("Cold War", "cold-war")]),
        ("Foreign Ministers’ Meeting", [("Foreign Ministers’ Meeting", "meeting")]),
        ("the China–Japan–ROK FTA", [("China–Japan–ROK FTA", "cjk")]),
        ("Regional  Comprehensive\nEconomic Partnership", [("Regional  Comprehensive\nEconomic Partnership", "rcep")]),
        ("RCEPish and CHINAS", []),
        ("(RCEP)", [("RCEP", "rcep")]),
    ],
)
def test_matcher(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("dash", [c for c in DASH if c not in "[]"])
@pytest.mark.parametrize("quote", [c for c in QUOTE if c not in "[]"])
def test_every_dash_and_apostrophe_the_alias_key_folds_also_matches(dash: str, quote: str) -> None:
    # The matcher and the alias key must agree, or a matched spelling would map to no term.
    assert alias_key(f"China{dash}Japan{dash}ROK FTA") == alias_key("China-Japan-ROK FTA")
    assert found(f"the China{dash}Japan{dash}ROK FTA") == [(f"China{dash}Japan{dash}ROK FTA", "cjk")]
    assert found(f"Foreign Ministers{quote} Meeting") == [(f"Foreign Ministers{quote} Meeting", "meeting")]
    assert found(f"Trump{quote}s") == [(f"Trump{quote}s", "trump")]


def test_matcher_is_one_compiled_pattern() -> None:
    assert isinstance(MATCHER.pattern, re.Pattern)


def test_real_glossary_finds_the_seeds_mentions() -> None:
    corpus = load_corpus(CORPUS)
    assert not corpus.problems
    article = corpus.article("china-japan-rok-trilateral-2025")
    terms = {m.term for m in corpus.mentions if m.article == article.slug}
    for slug in ["rcep", "asean-plus-one", "east-asia-summit", "trilateral-plus-x", "pivot-to-asia", "cold-war"]:
        assert slug in terms
    assert "asean" not in terms  # "ASEAN+1" is one mention, of ASEAN Plus One
    texts = {
        article.body[m.paragraph - 1].sentences[m.sentence].text[m.start : m.end]
        for m in corpus.mentions_by_term["donald-trump"]
    }
    assert "President Trump’s" in texts


def link(html: str, page_url: str = "articles/x/") -> BeautifulSoup:
    return BeautifulSoup(LINKER.link_html(html, page_url), "html.parser")


def test_first_mention_per_section_links_with_definition_and_relative_href() -> None:
    soup = link("<h2>A</h2><p>China and China.</p><p>China</p><h2>B</h2><p>China</p>")
    links = soup.select("a.ng-term")
    assert len(links) == 2
    assert links[0]["href"] == "../../glossary/china/"
    assert links[0]["title"] == "China is a test term."


def test_nothing_linked_in_headings_links_code_or_opted_out_elements() -> None:
    html = (
        "<h1>China</h1><p><a href='x'>China</a> <code>China</code> <pre>China</pre> <kbd>China</kbd>"
        "<span class='x ng-nolink'>China</span><script>var China = 1;</script></p>"
    )
    assert not link(html).select("a.ng-term")


def test_term_is_not_linked_on_its_own_page() -> None:
    soup = link("<p>China and the US</p>", page_url="glossary/china/")
    assert [a.get_text() for a in soup.select("a.ng-term")] == ["US"]


def test_markup_outside_text_is_kept() -> None:
    html = '<p class="a" data-x="1 &amp; 2">A &amp; B &lt;tag&gt;</p><!-- note --><br/><script>if (a < b) {}</script>'
    assert LINKER.link_html(html, "") == html


# Property-based tests ---------------------------------------------------------

WORDS = st.sampled_from(
    [
        "China",
        "US",
        "us",
        "U.S.",
        "East",
        "Asia",
        "Summit",
        "Trump’s",
        "FTA",
        "free",
        "trade",
        "agreement",
        "Latin",
        "America",
        "&",
        "<",
        "a",
        "the",
        "’s",
        ".",
        ",",
        "-",
        "–",
        "&amp;",
        "&lt;",
        "&#x27;",
    ]
)
TEXT = st.lists(WORDS, max_size=12).map(" ".join)
INLINE = st.sampled_from(["em", "strong", "span", "a", "code", "kbd", "samp", "mark"])
BLOCK = st.sampled_from(
    ["p", "li", "h1", "h2", "h3", "h4", "h6", "div", "pre", "blockquote", "td", 'div class="ng-nolink"']
)
#: Where no link may be put.
NO_LINK_INSIDE = ("a", "code", "kbd", "samp", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ng-nolink")


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    """Random HTML: text, inline and block elements nested a few levels."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 3 if depth < 3 else 0))
        if choice == 0:
            parts.append(draw(TEXT))
        elif choice == 1:
            tag = draw(INLINE)
            attrs = ' href="#x"' if tag == "a" else ""
            parts.append(f"<{tag}{attrs}>{draw(TEXT)}</{tag}>")
        elif choice == 2:
            tag = draw(BLOCK)
            parts.append(f"<{tag}>{draw(fragments(depth + 1))}</{tag.split()[0]}>")
        else:
            parts.append("<br>" + draw(TEXT))
    return " ".join(parts)


class _Visible(HTMLParser):
    # The text a reader sees, and problems with where links were put.
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.stack: list[str] = []
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            return
        if tag == "a" and ("class", "ng-term") in attrs:
            if "a" in self.stack:
                self.bad.append("nested link")
            if any(t in self.stack for t in NO_LINK_INSIDE):
                self.bad.append(f"link inside {self.stack}")
        self.stack.append("ng-nolink" if ("class", "ng-nolink") in attrs else tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and "div" not in self.stack and "ng-nolink" in self.stack:
            tag = "ng-nolink"
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible(html: str) -> tuple[str, list[str]]:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return "".join(parser.text), parser.bad


@settings(max_examples=300, deadline=None)
@given(fragments())
def test_linking_never_changes_visible_text_nor_nests_links(html: str) -> None:
    linked = LINKER.link_html(html, "articles/x/")
    before, _ = visible(html)
    after, bad = visible(linked)
    assert after == before
    assert bad == []


@settings(max_examples=200, deadline=None)
@given(fragments())
def test_linking_is_idempotent(html: str) -> None:
    once = LINKER.link_html(html, "articles/x/")
    assert LINKER.link_html(once, "articles/x/") == once


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ChinaUS.’'-– &<>;#xAmerica")), max_size=40))
def test_matches_are_ordered_disjoint_and_at_word_edges(text: str) -> None:
    end = 0
    for match in MATCHER.matches(text):
        assert match.start >= end
        assert match.start == 0 or not text[match.start - 1].isalnum()
        assert match.end == len(text) or not text[match.end].isalnum()
        end = match.end


class _Sections(HTMLParser):
    # Per section (text between headings): the terms linked, and the terms mentioned unlinked before their link.
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.linked: list[str] = []
        self.early: list[str] = []
        self.sections: list[list[str]] = [self.linked]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.linked = []
            self.sections.append(self.linked)
        if tag == "a" and ("class", "ng-term") in attrs:
            self.linked.append(str(dict(attrs)["href"]).split("/")[-2])
        if tag != "br":
            self.stack.append((tag, ("class", "ng-nolink") in attrs))

    def handle_endtag(self, tag: str) -> None:
        # Close the innermost open element of this name, and every element opened inside it.
        if any(name == tag for name, _ in self.stack):
            while self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        if any(name in NO_LINK_INSIDE or nolink for name, nolink in self.stack):
            return
        self.early.extend(m.term for m in MATCHER.matches(data) if m.term not in self.linked)


@settings(max_examples=300, deadline=None)
@given(fragments())
def test_each_term_is_linked_at_its_first_mention_once_per_section(html: str) -> None:
    sections = _Sections()
    sections.feed(LINKER.link_html(html, "articles/x/"))
    sections.close()
    for linked in sections.sections:
        assert len(linked) == len(set(linked)), f"a term linked twice in one section: {linked}"
    assert sections.early == [], "a linkable mention left unlinked before the term's first link"


def test_skipped_regions_are_copied_as_they_are_and_linking_goes_on_after_them() -> None:
    quoted = '<blockquote><p>China and the US &amp; <a href="#q">RCEP</a></p></blockquote>'
    html = f"<p>China met.</p>{skip_linking(quoted)}<p>The US and China.</p>"
    linked = LINKER.link_html(html, "articles/x/")
    assert skip_linking(quoted) in linked
    soup = BeautifulSoup(linked, "html.parser")
    assert [a.get_text() for a in soup.select("a.ng-term")] == ["China", "US"]
    assert not soup.select("blockquote a.ng-term")


def test_a_matcher_is_made_again_only_when_its_terms_forms_change() -> None:
    # `mkdocs serve` builds after every edit: an edit of an article or of a definition reuses the last matcher.
    first = TermMatcher.of(TERMS)
    assert TermMatcher.of([replace(t, definition=t.definition + " More.") for t in TERMS]) is first
    alias = [replace(TERMS[0], aliases=(*TERMS[0].aliases, "Asia's east")), *TERMS[1:]]
    assert TermMatcher.of(alias) is not first
    assert [m.term for m in TermMatcher.of(alias).matches("In Asia's east.")] == ["east-asia"]
    excluded = [*TERMS[:3], replace(TERMS[3], exclude=("China Sea",)), *TERMS[4:]]
    assert not list(TermMatcher.of(excluded).matches("The South China Sea."))
