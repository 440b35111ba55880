"""Finding terms in text, and linking their mentions in HTML to the glossary.

`TermMatcher` compiles every alias of every term into ONE regular expression,
built once per build, so a page or a sentence is scanned in one pass whatever
the number of terms. Its rules:

* The longest form wins at a position ("East Asia Summit", not "East Asia"),
  because longer forms come first in the alternation; the leftmost match wins
  overall, so a term's `exclude` phrases ("Latin America") are matched as
  stop phrases that consume the text and link nothing.
* An alias written in capitals only ("US", "ROK", "U.S.") matches exactly, so
  "US" never matches "us". A one-word alias with a capital initial ("China",
  "Trump") is a proper name: its first letter must be a capital, so "china"
  (porcelain) or "trump" (the verb) do not link. Any other alias matches in
  any case ("cold war", "Cold War").
* ’ and ' are the same, as are hyphens and en dashes; any run of white space
  matches any other.
* Possessives always match ("Trump’s"); plurals ("FTAs") match except for
  countries, places and people, whose plurals name other things ("the
  Americas").
* A match never starts or ends inside a word; an alias may end in "." (so
  "U.S.-China" links "U.S.").

`Linker.link_html` rewrites a page's HTML with a streaming tokenizer: tags are
copied as they are, and only text is scanned. The first mention of each term in
each section (the text between two headings; a link to the entry already
there counts) becomes a link to its entry whose
`title` is the term's short definition. Nothing is linked inside headings,
links, code, preformatted text, scripts, or any element with the class
`ng-nolink`; a term is never linked on its own page; the visible text is never
changed.

Pages that quote articles at length (theme pages, term pages, key figures, the
timeline) wrap their quotes in `skip_linking`: the HTML between its two marker
comments is copied as it is, without being parsed, which keeps the linker's
cost in proportion to the text it may link rather than to every quote of every
article. Such quotes need no links of their own: each links back to its
paragraph, where the terms are linked, and at 1,000 articles they are most of
the site's HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from .glossary import DASH, QUOTE, Term, alias_key
from .model import Article
from .render import href, text

#: Elements whose content is never linked.
NO_LINK_ELEMENTS = frozenset(
    {"a", "abbr", "button", "code", "kbd", "pre", "samp", "script", "style", "textarea", "select", "svg", "math"}
    | {"title", "template", "noscript", "iframe", "object", "h1", "h2", "h3", "h4", "h5", "h6"}
)
#: A class that switches linking off for an element and its content.
NO_LINK_CLASS = "ng-nolink"
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"}
)
#: The comments around HTML that `link_html` copies as it is, unparsed (see `skip_linking`).
SKIP_START = "<!-- ng-nolink -->"
SKIP_END = "<!-- /ng-nolink -->"
_SKIPPED = re.compile(f"({re.escape(SKIP_START)}.*?{re.escape(SKIP_END)})", re.DOTALL)
_TERM_HREF = re.compile(r"(?:^|/)glossary/([a-z0-9-]+)/(?:index\.html)?$")
_RAW_TEXT = frozenset({"script", "style"})


@dataclass(frozen=True)
class Match:
    """A mention of a term in a piece of text.

    Attributes:
        start: Offset of the mention in the text.
        end: Offset just past it (a possessive "’s" included).
        term: The slug of the term mentioned.
    """

    start: int
    end: int
    term: str


@dataclass(frozen=True)
class Mention:
    """A mention of a term in an article's body: where it is, down to the characters.

    Attributes:
        term: The slug of the term.
        article: The slug of the article.
        paragraph: The paragraph's number (its anchor is `p{paragraph}`).
        sentence: The sentence's index in the paragraph, from 0.
        start: Offset of the mention in the sentence's text.
        end: Offset just past the mention in the sentence's text.
    """

    term: str
    article: str
    paragraph: int
    sentence: int
    start: int
    end: int


class TermMatcher:
    """Every alias of every term compiled into one regular expression.

    Args:
        terms: The glossary's terms.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        #: alias key → term slug, or None for an `exclude` phrase that links nothing.
        self._targets: dict[str, str | None] = {}
        self._plural: dict[str, bool] = {}
        self._seen: dict[str, str | None] = {}
        forms: dict[str, str] = {}
        for term in terms:
            self._plural[term.slug] = term.plural
            for alias in term.aliases:
                self._targets.setdefault(alias_key(alias), term.slug)
                forms.setdefault(alias_key(alias), alias)
        for term in terms:
            for phrase in term.exclude:
                if alias_key(phrase) not in self._targets:
                    self._targets[alias_key(phrase)] = None
                    forms[alias_key(phrase)] = phrase
        ordered = sorted(forms.values(), key=lambda form: (-len(form), form))
        alternation = "|".join(_pattern(form) for form in ordered) or "(?!)"
        self.pattern = re.compile(rf"(?<!\w)(?P<core>{alternation})(?P<plural>e?s)?(?P<possessive>{QUOTE}s)?(?!\w)")

    def matches(self, value: str) -> Iterator[Match]:
        """Yield every mention of a term in `value`, left to right, never overlapping."""
        for found in self.pattern.finditer(value):
            term = self._target(found.group("core"))
            if term is None or (found.group("plural") and not self._plural[term]):
                continue
            yield Match(found.start(), found.end(), term)

    def _target(self, core: str) -> str | None:
        # The term a matched form belongs to (None for an exclude phrase); memoised per spelling.
        if core not in self._seen:
            self._seen[core] = self._targets.get(alias_key(core))
        return self._seen[core]

    def mentions(self, articles: Sequence[Article]) -> list[Mention]:
        """Every mention of every term in the articles' body sentences, in reading order."""
        found: list[Mention] = []
        for article in articles:
            for paragraph in article.body:
                for index, sentence in enumerate(paragraph.sentences):
                    found.extend(
                        Mention(match.term, article.slug, paragraph.number, index, match.start, match.end)
                        for match in self.matches(sentence.text)
                    )
        return found


class Linker:
    """Links the first mention of each term in each section of a page's HTML.

    Args:
        terms: The glossary's terms.
        matcher: A matcher built from the same terms (built here when not given).
    """

    def __init__(self, terms: Sequence[Term], matcher: TermMatcher | None = None) -> None:
        self.terms = {term.slug: term for term in terms}
        self.matcher = matcher or TermMatcher(terms)
        self._by_url = {term.url: term.slug for term in terms}

    def link_html(self, html: str, page_url: str) -> str:
        """Return the page's HTML with the first mention of each term per section linked.

        Args:
            html: The HTML of a page's content.
            page_url: The page's URL relative to the site root; links are made relative to it,
                and a term page does not link to itself.
        """
        parser = _LinkingParser(self, page_url, self._by_url.get(page_url))
        for index, part in enumerate(_SKIPPED.split(html)):
            if index % 2:  # a skipped region: whole elements, copied as they are
                parser.out.append(part)
            else:
                parser.feed(part)
                parser.goahead(True)  # no text held back: what follows may be a skipped region
        parser.close()
        return "".join(parser.out)

    def anchor(self, slug: str, page_url: str, shown: str) -> str:
        """The link for one mention: its visible text is `shown`, its title the short definition."""
        term = self.terms[slug]
        return (
            f'<a class="ng-term" href="{href(page_url, term.url)}" title="{text(term.summary)}">'
            f"{escape(shown, quote=False)}</a>"
        )


def skip_linking(html: str) -> str:
    """Mark HTML that the linker copies as it is, unparsed and unlinked.

    Args:
        html: Whole elements (every element it opens, it closes), and no heading
            whose section should start afresh.

    Returns:
        The HTML between the two marker comments.
    """
    return f"{SKIP_START}{html}{SKIP_END}"


class _LinkingParser(HTMLParser):
    # Re-emit HTML as it came, linking mentions in text where linking is allowed.
    def __init__(self, linker: Linker, page_url: str, own: str | None) -> None:
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


def _pattern(phrase: str) -> str:
    # One alias as a regular expression, with the case rules described in the module docstring.
    phrase = phrase.strip()
    letters = [c for c in phrase if c.isalpha()]
    if not any(c.islower() for c in letters):
        return _chars(phrase)
    if phrase[0].isupper() and not re.search(r"\s", phrase):
        return re.escape(phrase[0]) + f"(?i:{_chars(phrase[1:])})"
    return f"(?i:{_chars(phrase)})"


def _chars(phrase: str) -> str:
    # Escape a phrase, letting dashes, apostrophes and white space match their variants.
    parts = []
    for piece in re.split(r"(\s+)", phrase):
        if piece.isspace():
            parts.append(r"\s+")
            continue
        for char in piece:
            if re.match(DASH, char):
                parts.append(DASH)
            elif re.match(QUOTE, char):
                parts.append(QUOTE)
            else:
                parts.append(re.escape(char))
    return "".join(parts)
