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

`Linker.link_html` rewrites a page's HTML with a regular-expression tokenizer
for the HTML Markdown and MkDocs write (tags whose quoted attribute values may
hold ">", comments, script and style elements whose text is copied raw): tags
are copied as they are, and only text is scanned, and only where a cheap scan
finds a possible mention. Its output is byte for byte what the standard
library's `HTMLParser` gave before (text decoded and escaped again, end tags
written `</name>`); malformed markup it does not recognise (a `<` that opens no
tag, a CDATA section) is treated as text. The first mention of each term in
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
the site's HTML. They are quotations in the sense of `newsguide.verbatim`, too:
raw HTML a site generator may keep out of Markdown and out of search indexing.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from html import escape, unescape
from itertools import groupby
from typing import Any

from .glossary import DASH, QUOTE, Term, alias_key
from .markup import href, text
from .model import Article, Compact

#: Elements whose content is never linked.
NO_LINK_ELEMENTS = frozenset(
    {"a", "abbr", "button", "code", "kbd", "pre", "samp", "script", "style", "textarea", "select", "svg", "math"}
    | {"title", "template", "noscript", "iframe", "object", "h1", "h2", "h3", "h4", "h5", "h6"}
)
#: The last term matcher made, by its terms' slugs, aliases, excludes and plurals (see `TermMatcher.of`).
_MADE: dict[object, TermMatcher] = {}
#: A class that switches linking off for an element and its content.
NO_LINK_CLASS = "ng-nolink"
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"}
)
#: The comments around HTML that `link_html` copies as it is, unparsed (see `skip_linking`).
SKIP_START = "<!-- ng-nolink -->"
SKIP_END = "<!-- /ng-nolink -->"
_TERM_HREF = re.compile(r"(?:^|/)glossary/([a-z0-9-]+)/(?:index\.html)?$")
#: Where the content of a script or style element ends (its text is copied as it is).
_RAW_TEXT_END = {name: re.compile(rf"</\s*{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
#: One piece of markup: a comment, a start tag (whose quoted attribute values may hold ">"), an end
#: tag, a declaration or a processing instruction. The text between two pieces is text.
_MARKUP = re.compile(
    r"<(?:!--(.*?)--\s*>"
    r"|([a-zA-Z][^\t\n\r\f />\x00]*)[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>"
    r"|/([a-zA-Z][^\t\n\r\f />\x00]*)[^>]*>"
    r"|[!?][^>]*>)",
    re.DOTALL,
)
_COMMENT, _START_TAG, _END_TAG = 1, 2, 3  # the groups of `_MARKUP`: which piece of markup it found
#: A start tag's name and what follows it up to the first attribute, then one attribute (name, "=value").
_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*(?:\s|/(?!>))*")
_ATTRIBUTE = re.compile(
    r"((?<=['\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*))?(?:\s|/(?!>))*"
)


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


@dataclass(frozen=True, slots=True)
class Mention(Compact):
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

    Two compiled forms of the same alternation are kept. `pattern` lists the
    forms longest first, as the rules above require, but Python's `re` tries
    each of its alternatives at every position of the text. `finder` is the
    same set of forms factored as a trie (forms sharing a beginning share one
    branch), which finds where SOME form matches at a fraction of the cost;
    only there is `pattern` run, to pick the form that wins. Both accept the
    same strings, so the matches are exactly those of `pattern.finditer`.

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
        ordered = [_atoms(form) for form in sorted(forms.values(), key=lambda form: (-len(form), form))]
        alternation = "|".join(_joined(atoms) for atoms in ordered) or "(?!)"
        self.pattern = re.compile(rf"(?<!\w)(?P<core>{alternation})(?P<plural>e?s)?(?P<possessive>{QUOTE}s)?(?!\w)")
        branches = _trie(ordered) if ordered else "(?!)"
        self.finder = re.compile(rf"(?<!\w)(?:{branches})(?:e?s)?(?:{QUOTE}s)?(?!\w)")

    @classmethod
    def of(cls, terms: Sequence[Term]) -> TermMatcher:
        """The matcher of these terms: the last one made while their slugs, aliases and excludes stay the same.

        `mkdocs serve` builds again after every edit; an edit of an article, a
        theme or a term's definition needs the expressions compiled for the
        last build, not new ones.
        """
        key = tuple((term.slug, term.aliases, term.exclude, term.plural) for term in terms)
        if key not in _MADE:
            _MADE.clear()  # only the last build's is worth keeping
            _MADE[key] = cls(terms)
        return _MADE[key]

    def matches(self, value: str) -> Iterator[Match]:
        """Yield every mention of a term in `value`, left to right, never overlapping."""
        find, match = self.finder.search, self.pattern.match
        position = 0
        while hit := find(value, position):
            found = match(value, hit.start())
            if found is None:  # cannot happen: both patterns accept the same strings
                position = hit.start() + 1
                continue
            position = found.end()
            term = self._target(found.group("core"))
            if term is None or (found.group("plural") and not self._plural[term]):
                continue
            yield Match(found.start(), position, term)

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
        to_markdown: Link to the terms' Markdown files rather than their pages' URLs.
    """

    def __init__(self, terms: Sequence[Term], matcher: TermMatcher | None = None, *, to_markdown: bool = False) -> None:
        self.terms = {term.slug: term for term in terms}
        #: Link to the terms' Markdown files (`../glossary/rcep.md`), as an export does, not to their site URLs.
        self.to_markdown = to_markdown
        self.matcher = matcher or TermMatcher(terms)
        self._by_url = {term.url: term.slug for term in terms}

    def link_html(self, html: str, page_url: str) -> str:
        """Return the page's HTML with the first mention of each term per section linked.

        Args:
            html: The HTML of a page's content.
            page_url: The page's URL relative to the site root; links are made relative to it,
                and a term page does not link to itself.
        """
        return self.link_fragment(html, page_url, set())

    def link_fragment(self, html: str, page_url: str, linked: set[str]) -> str:
        """Link a part of a page's HTML, within a section whose linked terms are known.

        Args:
            html: Whole elements of the page's content.
            page_url: As in `link_html`.
            linked: The terms already linked in the section the part opens in;
                updated with those linked here (a heading in the part starts a new section).
        """
        page = _PageLinking(self, page_url, self._by_url.get(page_url), linked)
        position = 0
        while (start := html.find(SKIP_START, position)) >= 0 and (
            end := html.find(SKIP_END, start + len(SKIP_START))
        ) >= 0:
            page.feed(html[position:start])
            page.out.append(html[start : end + len(SKIP_END)])  # a skipped region: copied as it is
            position = end + len(SKIP_END)
        page.feed(html[position:])
        return "".join(page.out)

    def link_matches(self, value: str, matches: Iterable[Match], page_url: str, linked: set[str]) -> str:
        """Escape plain text as HTML, linking the first mention of each term in its section.

        This is how the engine links the text it renders itself: the mentions
        were found once (`TermMatcher.matches`), so nothing is scanned again.

        Args:
            value: The text, untrusted.
            matches: The mentions in it, in order.
            page_url: As in `link_html`.
            linked: The terms already linked in this section; updated.
        """
        out, position = [], 0
        for match in matches:
            if match.term in linked:
                continue
            linked.add(match.term)
            out.append(escape(value[position : match.start], quote=False))
            out.append(self.anchor(match.term, page_url, value[match.start : match.end]))
            position = match.end
        out.append(escape(value[position:], quote=False))
        return "".join(out)

    def anchor(self, slug: str, page_url: str, shown: str) -> str:
        """The link for one mention: its visible text is `shown`, its title the short definition."""
        term = self.terms[slug]
        if self.to_markdown:  # from the page's Markdown file: `articles/x/` is `articles/x.md`
            folder = posixpath.dirname(page_url.rstrip("/")) if page_url.rstrip("/") else "."
            target = text(posixpath.relpath(term.page_path, folder or "."))
        else:
            target = href(page_url, term.url)
        return f'<a class="ng-term" href="{target}" title="{text(term.summary)}">{escape(shown, quote=False)}</a>'


def skip_linking(html: str) -> str:
    """Mark HTML that the linker copies as it is, unparsed and unlinked.

    Args:
        html: Whole elements (every element it opens, it closes), and no heading
            whose section should start afresh; raw HTML where Markdown copies it
            unchanged, inside an element marked `data-search-exclude` (see
            `newsguide.verbatim`, which holds such quotations out of search).

    Returns:
        The HTML between the two marker comments.
    """
    return f"{SKIP_START}{html}{SKIP_END}"


class _PageLinking:
    # One page's HTML re-emitted piece by piece: markup as it came, text with its mentions linked
    # where linking is allowed. The output is what `html.parser.HTMLParser` (with character
    # references converted) gave before: text is decoded and escaped again, so "&#x27;" becomes
    # "'" and "&para;" "¶"; an end tag is written "</name>"; a comment "<!--text-->".
    def __init__(self, linker: Linker, page_url: str, own: str | None, linked: set[str]) -> None:
        self.linker = linker
        self.find = linker.matcher.finder.search
        self.page_url = page_url
        self.own = own
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # open elements: name, whether it blocks linking
        self.blocked = 0  # how many open elements block linking
        self.linked = linked  # the terms linked in this section

    def feed(self, html: str) -> None:
        # Re-emit one part of the page (the HTML between two skipped regions). The loop is the
        # linker's hot path, hence written out in one piece.
        out, stack, linked, find = self.out, self.stack, self.linked, self.find
        append = out.append
        blocked = self.blocked
        position = 0
        scanning = True
        while scanning:  # scans again only after the raw text of a script or style element
            scanning = False
            for markup in _MARKUP.finditer(html, position):
                start = markup.start()
                if start > position:
                    chunk = html[position:start]
                    if "&" in chunk or "<" in chunk or ">" in chunk:
                        self.text(unescape(chunk), blocked)
                    elif blocked or chunk.isspace() or find(chunk) is None:
                        append(chunk)  # nothing to decode, escape or link: the text as it is
                    else:
                        self.text(chunk, blocked)
                position = markup.end()
                kind = markup.lastindex
                if kind == _END_TAG:
                    name = markup[_END_TAG].lower()
                    append(f"</{name}>")
                    if stack and stack[-1][0] == name:
                        blocked -= stack.pop()[1]
                    elif any(open_name == name for open_name, _ in stack):
                        # Close the innermost element of that name and those still open inside it.
                        while stack:
                            open_name, blocks = stack.pop()
                            blocked -= blocks
                            if open_name == name:
                                break
                elif kind == _START_TAG:
                    tag = markup[0]
                    name = markup[_START_TAG].lower()
                    append(tag)
                    if tag[-2] == "/" and _attributes(tag)[1].endswith("/>"):
                        continue  # self-closing: opens nothing
                    if name in _HEADINGS:
                        linked.clear()
                    if name in _VOID:
                        continue
                    blocks = name in NO_LINK_ELEMENTS
                    if not blocks and (NO_LINK_CLASS in tag or "&" in tag):
                        blocks = NO_LINK_CLASS in _attribute(tag, "class").split()
                    if name == "a" and ("glossary/" in tag or "&" in tag):
                        # A link to a term's entry, already there, counts as its linked mention.
                        target = _TERM_HREF.search(_attribute(tag, "href"))
                        if target and target.group(1) in self.linker.terms:
                            linked.add(target.group(1))
                    stack.append((name, blocks))
                    blocked += blocks
                    if name in _RAW_TEXT_END:
                        # Script or style: its text is copied as it is, up to its end tag.
                        close = _RAW_TEXT_END[name].search(html, position)
                        append(html[position : close.start() if close else len(html)])
                        if close:
                            append(f"</{name}>")
                            blocked -= stack.pop()[1]
                        position = close.end() if close else len(html)
                        scanning = True
                        break
                elif kind == _COMMENT:
                    append(f"<!--{markup[_COMMENT]}-->")
                else:  # a declaration or processing instruction
                    append(markup[0])
        if position < len(html):
            chunk = html[position:]
            self.text(unescape(chunk) if "&" in chunk else chunk, blocked)
        self.blocked = blocked

    def text(self, value: str, blocked: int) -> None:
        # Write decoded text escaped again, with the first mention of each term linked if linking is allowed.
        out, linked = self.out, self.linked
        position = 0
        if not blocked:
            for match in self.linker.matcher.matches(value):
                if match.term == self.own or match.term in linked:
                    continue
                linked.add(match.term)
                out.append(escape(value[position : match.start], quote=False))
                out.append(self.linker.anchor(match.term, self.page_url, value[match.start : match.end]))
                position = match.end
        out.append(escape(value[position:], quote=False))


def _attributes(tag: str) -> tuple[list[tuple[str, str | None]], str]:
    # A start tag's attributes (names in lower case, values decoded) and what is left at its end
    # (">" or "/>"), read as `html.parser` reads them.
    position = _TAG_NAME.match(tag).end()  # type: ignore[union-attr]  # the tag starts with "<name"
    attributes: list[tuple[str, str | None]] = []
    while position < len(tag) and (found := _ATTRIBUTE.match(tag, position)):
        name, rest, value = found.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        attributes.append((name.lower(), unescape(value) if value else value))
        position = found.end()
    return attributes, tag[position:].strip()


def _attribute(tag: str, name: str) -> str:
    # The value of a start tag's first attribute of that name ("" if it has none).
    return next((value or "" for key, value in _attributes(tag)[0] if key == name), "")


#: One piece of an alias's regular expression (a character, a class, or a run of white space),
#: and whether it matches in any case.
_Atom = tuple[str, bool]


def _atoms(phrase: str) -> list[_Atom]:
    # One alias as regular-expression pieces, with the case rules described in the module docstring.
    phrase = phrase.strip()
    letters = [c for c in phrase if c.isalpha()]
    if not any(c.islower() for c in letters):
        return [(atom, False) for atom in _chars(phrase)]
    if phrase[0].isupper() and not re.search(r"\s", phrase):
        return [(re.escape(phrase[0]), False), *((atom, True) for atom in _chars(phrase[1:]))]
    return [(atom, True) for atom in _chars(phrase)]


def _chars(phrase: str) -> list[str]:
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
    return parts


def _joined(atoms: Sequence[_Atom]) -> str:
    # Atoms as one regular expression, each run of case-insensitive atoms in one (?i:...) group.
    parts = []
    for insensitive, run in groupby(atoms, key=lambda atom: atom[1]):
        pieces = "".join(piece for piece, _ in run)
        parts.append(f"(?i:{pieces})" if insensitive else pieces)
    return "".join(parts)


def _trie(alternatives: list[list[_Atom]]) -> str:
    # The alternatives as one pattern accepting the same strings, factored as a trie: alternatives
    # with the same first atoms share them, so a scan tries each atom once rather than once an alias.
    root: dict[_Atom | None, Any] = {}
    for atoms in alternatives:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[None] = {}  # an alternative ends here

    def emit(node: dict[_Atom | None, Any]) -> list[_Atom]:
        children = [atom for atom in node if atom is not None]
        if len(children) == 1 and None not in node:
            return [children[0], *emit(node[children[0]])]
        if not children:
            return []
        branches = "|".join(_joined([atom, *emit(node[atom])]) for atom in children)
        return [(f"(?:{branches})" + ("?" if None in node else ""), False)]

    return _joined(emit(root))
