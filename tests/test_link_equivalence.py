"""The linker against its previous implementation (html.parser and one flat alternation), byte for byte.

`link_html` was rewritten for speed (a regular-expression tokenizer, a trie-shaped
finder); its output must not change by one byte. The previous implementation is
kept here as the reference (its matcher ran the same longest-first pattern, on
its own): the two are compared over every page of the real built site, over the
real corpus's sentences, and over generated HTML with the tricky cases
(attributes holding ">", comments, script and style, character references,
nested inline tags, headings, skipped regions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from html import escape
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from newsguide.corpus import load_corpus
from newsguide.glossary import Term
from newsguide.link import (
    _HEADINGS,
    _TERM_HREF,
    _VOID,
    NO_LINK_CLASS,
    NO_LINK_ELEMENTS,
    SKIP_END,
    SKIP_START,
    Linker,
    Match,
    TermMatcher,
    skip_linking,
)
from tests.sitebuild import CORPUS, Build
from tests.test_glossary_link import TERMS, fragments

_RAW_TEXT = frozenset({"script", "style"})
_SKIPPED = re.compile(f"({re.escape(SKIP_START)}.*?{re.escape(SKIP_END)})", re.DOTALL)


class ReferenceMatcher(TermMatcher):
    # The matcher before the trie-shaped finder: the same longest-first pattern, run alone with finditer.

    def matches(self, value: str) -> Iterator[Match]:
        """Yield every mention of a term in `value`, left to right, never overlapping."""
        for found in self.pattern.finditer(value):
            term = self._target(found.group("core"))
            if term is None or (found.group("plural") and not self._plural[term]):
                continue
            yield Match(found.start(), found.end(), term)


class ReferenceLinker:
    # `Linker.link_html` as it was: html.parser with character references converted.
    def __init__(self, terms: Sequence[Term]) -> None:
        self.terms = {term.slug: term for term in terms}
        self.matcher = ReferenceMatcher(terms)
        self._by_url = {term.url: term.slug for term in terms}
        self.anchor = Linker(terms, TermMatcher([])).anchor

    def link_html(self, html: str, page_url: str) -> str:
        parser = _ReferenceParser(self, page_url, self._by_url.get(page_url))
        for index, part in enumerate(_SKIPPED.split(html)):
            if index % 2:
                parser.out.append(part)
            else:
                parser.feed(part)
                parser.goahead(True)
        parser.close()
        return "".join(parser.out)


class _ReferenceParser(HTMLParser):
    # Re-emit HTML as it came, linking mentions in text where linking is allowed.
    def __init__(self, linker: ReferenceLinker, page_url: str, own: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.linker = linker
        self.page_url = page_url
        self.own = own
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []
        self.blocked = 0
        self.linked: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")
        if tag in _HEADINGS:
            self.linked.clear()
        if tag in _VOID:
            return
        classes = next((value or "" for name, value in attrs if name == "class"), "").split()
        if tag == "a":
            # A link to a term's entry, already there, counts as its linked mention.
            target = _TERM_HREF.search(next((value or "" for name, value in attrs if name == "href"), ""))
            if target and target.group(1) in self.linker.terms:
                self.linked.add(target.group(1))
        blocks = tag in NO_LINK_ELEMENTS or NO_LINK_CLASS in classes
        self.stack.append((tag, blocks))
        self.blocked += blocks

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")
        if not any(name == tag for name, _ in self.stack):
            return
        while self.stack:
            name, blocks = self.stack.pop()
            self.blocked -= blocks
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if getattr(self, "cdata_elem", None) in _RAW_TEXT:
            self.out.append(data)  # script or style content comes raw
            return
        if self.blocked:
            self.out.append(escape(data, quote=False))
            return
        position = 0
        for match in self.linker.matcher.matches(data):
            if match.term == self.own or match.term in self.linked:
                continue
            self.linked.add(match.term)
            self.out.append(escape(data[position : match.start], quote=False))
            self.out.append(self.linker.anchor(match.term, self.page_url, data[match.start : match.end]))
            position = match.end
        self.out.append(escape(data[position:], quote=False))

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


# The comparisons -----------------------------------------------------------------

LOADED = load_corpus(CORPUS)
REFERENCE = ReferenceLinker(LOADED.terms)
TEST_REFERENCE = ReferenceLinker(TERMS)
TEST_LINKER = Linker(TERMS)


def spans(matches: Iterable[Match]) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.term) for m in matches]


def test_matcher_finds_what_the_reference_finds_in_every_sentence_of_the_corpus() -> None:
    sentences = [s.text for a in LOADED.articles for p in a.body for s in p.sentences]
    assert sentences
    for sentence in sentences:
        assert spans(LOADED.linker.matcher.matches(sentence)) == spans(REFERENCE.matcher.matches(sentence))


def test_every_page_of_the_built_site_links_byte_for_byte_as_before(site: Build) -> None:
    # Whole built pages: the content the hook links, and around it Material's markup
    # (doctype, head, inline SVG icons, scripts, forms), which the tokenizer must also copy exactly.
    pages = sorted(site.site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        url = path.parent.relative_to(site.site).as_posix() + "/"
        url = "" if url == "./" else url
        bare = re.sub(r'<a class="ng-term" [^>]*>([^<]*)</a>', r"\1", html)  # the page before linking
        for page in (html, bare):
            assert LOADED.linker.link_html(page, url) == REFERENCE.link_html(page, url), path


TRICKY = st.sampled_from(
    [
        '<p title="a > b">China</p>',
        "<p title='US > China' class=\"x\">the US</p>",
        "<!-- China and the US -->",
        "<!-- a -- >",
        "<script>if (a < b && c > d) { China(); } // </p></script>",
        "<SCRIPT type=\"x\">var US = '<p>';</SCRIPT >",
        "<style>p > a { content: 'China'; }</style>",
        "<p>A &amp; B &lt;China&gt; &quot;US&quot; &#x27;FTA&#x27; &#39;x&#39; &nbsp;&para; &copy; & bare</p>",
        "<p>&#67;hina and &#x55;S</p>",
        '<P CLASS="a">China</P >',
        "<p>China<em>China</em><strong>the <em>US</em> and FTA</strong></p>",
        '<h2 id="x">China</h2><p>China</p><h3>US</h3><p>China and the US</p>',
        '<p><a href="../../glossary/china/">China</a> China and the US</p>',
        '<p><a href="../../glossary/ch&#105;na/">x</a> China</p>',
        '<span class="a ng-nolink">China</span>',
        '<span class="ng&#45;nolink">China</span> China',
        "<br/>China<br />US<hr>",
        '<img alt="China > US" src="x.png"/>the US',
        "<span/>China</span>",
        "<div><p>China</div> the US</p>",
        "</p>China",
        "<!DOCTYPE html><p>China</p>",
        "<?xml version='1.0'?><p>China</p>",
        '<svg viewBox="0 0 1 1"><path d="M0 0"/><text>China</text></svg> China',
        "<pre><code>China &lt;US&gt;</code></pre>",
        "a < b and China",
        skip_linking("<p>China &amp; the US</p>"),
        "<p>Trump\u2019s FTAs, East Asia Summit, Latin America, America</p>",
    ]
)


@st.composite
def tricky_html(draw: st.DrawFn) -> str:
    """Tricky pieces of HTML mixed with the linking tests' random fragments."""
    pieces = draw(st.lists(st.one_of(TRICKY, fragments()), max_size=6))
    return "\n".join(pieces)


@settings(max_examples=400, deadline=None)
@given(tricky_html(), st.sampled_from(["articles/x/", "glossary/china/", ""]))
def test_generated_html_links_byte_for_byte_as_before(html: str, page_url: str) -> None:
    assert TEST_LINKER.link_html(html, page_url) == TEST_REFERENCE.link_html(html, page_url)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ChinaUS.’'-– &<>;#xAmericaTrumpFTAs\n")), max_size=60))
def test_matcher_finds_what_the_reference_finds_in_generated_text(text: str) -> None:
    assert spans(TEST_LINKER.matcher.matches(text)) == spans(TEST_REFERENCE.matcher.matches(text))
