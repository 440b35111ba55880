"""Glossary suggestions: names in articles that no glossary entry covers, each with a stub to paste.

Two kinds of name are suggested, both only from the articles a change adds or
edits (the rest of the corpus counts only towards recurrence):

* **Abbreviations the text defines**, as in "the ASEAN+3 Macroeconomic Research
  Office (AMRO)". Each sentence is read with the Schwartz–Hearst algorithm
  (the `abbreviations` package): the letters of the short form in parentheses
  must appear, in order, at the starts of words of the long form before it.
  One definition is enough.
* **Capitalised multi-word names** of bodies, meetings and people that recur:
  named at least twice in all, within one article or across articles. A name
  is a run of capitalised words ("Lee Hee-sup", "Northeast Asia Trilateral
  Forum"), with "of", "for", "on" and "the" allowed inside ("Ministry of
  Foreign Affairs"); a title before it is not part of it ("Foreign Minister
  Wang Yi" names "Wang Yi"). A name counts as a person's where it follows such
  a title or a verb of speech follows it ("Wang Yi said") and holds no name
  the glossary knows ("Tokyo Electric Power said" is no person), as a body or a
  meeting where it holds a word such as "Secretariat", "Forum" or "Summit";
  any other run of capitals (a place, a sentence's first words) is left out.
  A body's kind comes from its last word ("… Forum" is a forum) or else the
  first word that has one ("Ministry of Foreign Affairs" is an organisation).

A name is known, and never suggested, when it is a term's title, slug or
alias (compared as `glossary.alias_key` folds them), or when the glossary's
matcher finds known names across all of it ("China-Japan-ROK").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import TypeVar

import yaml
from slugify import slugify

from .glossary import GLOSSARY_DIR, KINDS, Term, alias_key
from .link import TermMatcher
from .model import Article


def _words(text: str) -> frozenset[str]:
    # A set of words written as one string, separated by white space.
    return frozenset(text.split())


#: How many times in all a name without an abbreviation must be found to be suggested.
MIN_OCCURRENCES = 2

#: Words that stand before a person's name and are not part of it ("Foreign Minister Wang Yi").
TITLES = _words(
    """President Vice-President Premier Minister Prime Secretary Secretary-General Director Director-General
    Chairman Chairwoman Chair Chancellor Ambassador Envoy Governor Mayor Speaker Senator Commissioner
    Spokesperson Spokesman Spokeswoman Professor Prof Dr Mr Mrs Ms King Queen Emperor Lawmaker"""
)
T = TypeVar("T")
#: A name whose last word is one of these is a body or a meeting of that kind (a glossary `kind`).
KIND_WORDS = {
    "meeting": _words("Summit Meeting Meetings Talks Dialogue Conference Consultation Consultations"),
    "forum": _words("Forum"),
    "agreement": _words("Agreement Treaty Accord Partnership Pact Convention"),
    "programme": _words("Programme Program Initiative Project Scheme"),
    "mechanism": _words("Mechanism Framework"),
    "organisation": _words(
        """Office Secretariat Ministry Council Committee Commission Agency Bank Institute University
        Organisation Organization Association Fund Group Party Centre Center Foundation Union Alliance
        Assembly Parliament Congress Court Board Department Bureau Service Administration Cabinet Embassy
        Command Forces Corporation Authority Network"""
    ),
}
#: Lower-case words allowed inside a name ("Ministry of Foreign Affairs"), never at its ends.
CONNECTORS = _words("of for on the de")
#: Capitalised words that open sentences without being part of a name (compared in lower case).
OPENERS = _words(
    """a an the in on at for by with from as after before when while but and yet so this that these those
    its their his her our both all some many most such according during since under over between among despite
    although though if last next earlier later meanwhile however still also it they he she we there here then
    now today yesterday only each every other another one two three four five six seven eight nine ten first
    second third speaking"""
)
_CALENDAR = _words(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)
#: A word: letters, digits and the marks that join parts of a name ("Hee-sup", "ASEAN+3", "Ministers’").
_WORD = re.compile(r"[^\W_][\w+&'’‐‑–-]*")
_TRAILING_MARKS = "'’‐‑–-"
_POSSESSIVE = re.compile(r"['’]s$")
#: What follows a person's name in reporting ("Wang Yi said", "Lee Hee-sup, who …").
_SPEECH_AFTER = re.compile(
    r"\s*(?:,\s*who\b|said\b|says\b|told\b|added\b|noted\b|stressed\b|argued\b|warned\b|wrote\b|urged\b)"
)


@dataclass(frozen=True)
class Occurrence:
    """Where a suggested name is written.

    Attributes:
        source: The article's seed file, relative to the project root.
        article: The article's slug.
        paragraph: The paragraph's number.
        sentence: The sentence, verbatim.
    """

    source: str
    article: str
    paragraph: int
    sentence: str


@dataclass(frozen=True)
class Suggestion:
    """A name that no glossary entry covers, with what an entry for it would start as.

    Attributes:
        title: The name in full ("ASEAN+3 Macroeconomic Research Office", "Lee Hee-sup").
        kind: The glossary kind it most likely is (one of `glossary.KINDS`).
        abbr: The abbreviation the text defines for it, or "".
        occurrences: Where it is written, in reading order: for an abbreviation,
            the sentence that defines it first.
    """

    title: str
    kind: str
    abbr: str = ""
    occurrences: tuple[Occurrence, ...] = ()

    @property
    def slug(self) -> str:
        """The file name the entry would have, without `.md`."""
        return slugify(self.title) or slugify(self.abbr) or "term"

    @property
    def path(self) -> str:
        """The file the entry would be, relative to the project root."""
        return f"{GLOSSARY_DIR}/{self.slug}.md"

    @property
    def name(self) -> str:
        """The name as a heading gives it: the abbreviation first when there is one."""
        return f"{self.abbr}: {self.title}" if self.abbr else self.title

    @property
    def articles(self) -> tuple[str, ...]:
        """The seed files it is written in, in order, each once."""
        return tuple(dict.fromkeys(occurrence.source for occurrence in self.occurrences))

    def stub(self) -> str:
        """The start of the entry's file: front matter to paste into `path`, then the definition to write.

        The definition is left to write below it: until it is, the build
        reports the file ("the definition is empty").
        """
        fields: dict[str, object] = {"title": self.title}
        if self.abbr:
            fields["abbr"] = self.abbr
        fields["kind"] = self.kind
        fields["aliases"] = [self.title, self.abbr] if self.abbr else [self.title]
        fields["see_also"] = []
        fields["links"] = []
        dumped = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=None)
        notes = {
            "kind:": f"  # one of: {', '.join(KINDS)}",
            "see_also:": "  # slugs of related terms",
            "links:": "  # the source of your definition: [{title: …, url: https://…}]",
        }
        lines = [
            line + next((note for key, note in notes.items() if line.startswith(key)), "")
            for line in dumped.split("\n")
            if line
        ]
        lines.append(
            f"# Below the closing ---, say in your own words what the {self.kind} is:"
            " the first sentence is the tooltip."
        )
        return "---\n" + "\n".join(lines) + "\n---\n"


def suggest_terms(changed: Sequence[Article], articles: Sequence[Article], terms: Sequence[Term]) -> list[Suggestion]:
    """The names in the changed articles that deserve a glossary entry and have none.

    Args:
        changed: The articles added or edited; only their names are suggested.
        articles: Every article (the changed ones included), in corpus order;
            a name found in another counts towards its recurrence.
        terms: The glossary's terms.

    Returns:
        The defined abbreviations first, then the recurring names, each group
        in the order of their first appearance in the changed articles.
    """
    known = _Known(terms)
    changed_slugs = {article.slug for article in changed}
    abbreviations = _abbreviations(changed, known)
    defined = {alias_key(suggestion.title) for suggestion in abbreviations}
    ordered = sorted(articles, key=lambda article: article.slug not in changed_slugs)  # changed first: first seen
    places = ((name, person, occurrence) for article in ordered for occurrence, name, person in _names(article))
    names = [
        Suggestion(name, kind, occurrences=tuple(occurrences))
        for name, kind, occurrences in _recurring(places, known, defined)
        if any(occurrence.article in changed_slugs for occurrence in occurrences)
    ]
    return abbreviations + names


@dataclass(frozen=True)
class ArticleNames:
    """The names one article uses, found once and kept with its analysis (see `newsguide.analysis`).

    A build counts them over every article to say, in one line, how many names
    have no glossary entry; `make report` gives each with its sentence and stub.

    Attributes:
        names: Every capitalised multi-word name in the body, in reading order,
            with whether it reads as a person's.
        abbreviations: Every abbreviation the body defines, with its long form.
    """

    names: tuple[tuple[str, bool], ...] = ()
    abbreviations: tuple[tuple[str, str], ...] = ()


def article_names(article: Article) -> ArticleNames:
    """The names and defined abbreviations of one article's body."""
    names: list[tuple[str, bool]] = []
    abbreviations: list[tuple[str, str]] = []
    for paragraph in article.body:
        for sentence in paragraph.sentences:
            names.extend(names_in(sentence.text))
            abbreviations.extend(defined_abbreviations(sentence.text).items())
    return ArticleNames(tuple(names), tuple(abbreviations))


def unlisted_names(
    found: Sequence[ArticleNames], terms: Sequence[Term], matcher: TermMatcher | None = None
) -> list[str]:
    """The names every article together would get suggested for the glossary, as `suggest_terms` finds them.

    Args:
        found: Each article's names.
        terms: The glossary's terms.
        matcher: A matcher built from the same terms, if the caller has one
            (built here when not given).

    Returns:
        The defined abbreviations the glossary lacks, then the names that
        recur (`MIN_OCCURRENCES`) and have a kind, each once, in order of
        first appearance.
    """
    known = _Known(terms, matcher)
    listed: dict[str, str] = {}
    defined: set[str] = set()
    for article in found:
        for short, long in article.abbreviations:
            if alias_key(short) not in listed and not known.covers(short) and not known.covers(long):
                listed[alias_key(short)] = short
                defined.add(alias_key(long))
    places = ((name, person, None) for article in found for name, person in article.names)
    recurring = [name for name, _, _ in _recurring(places, known, defined)]
    return [*listed.values(), *recurring]


def _recurring(places: Iterable[tuple[str, bool, T]], known: _Known, skip: set[str]) -> list[tuple[str, str, list[T]]]:
    # The names written at least MIN_OCCURRENCES times that no term covers (nor `skip`, by key) and that have a
    # kind: each as first spelt, its kind, and where it is written, in order of first appearance.
    where: dict[str, list[T]] = {}
    spelling: dict[str, str] = {}
    person: dict[str, bool] = {}
    covered: dict[str, bool] = {}  # the same names recur in every article: ask the glossary once a spelling
    for name, as_person, place in places:
        key = alias_key(name)
        if name not in covered:
            covered[name] = known.covers(name)
        if key in skip or covered[name]:
            continue
        spelling.setdefault(key, name)
        where.setdefault(key, []).append(place)
        person[key] = person.get(key, False) or as_person
    found = []
    for key, written in where.items():
        if len(written) < MIN_OCCURRENCES:
            continue
        # A glossary name inside it ("Tokyo Electric Power said") makes it a body's name, not a person's.
        kind = _kind(spelling[key], person=person[key] and not known.inside(spelling[key]))
        if kind:
            found.append((spelling[key], kind, written))
    return found


def defined_abbreviations(sentence: str) -> dict[str, str]:
    """The abbreviations a sentence defines, each with its long form (Schwartz–Hearst).

    Args:
        sentence: One sentence.

    Returns:
        Abbreviation → long form, e.g. {"AMRO": "ASEAN+3 Macroeconomic Research Office"}.
    """
    if "(" not in sentence:
        return {}
    pairs = _schwartz_hearst().extract_abbreviation_definition_pairs(doc_text=sentence)
    return {str(short): str(long) for short, long in pairs.items() if any(c.isupper() for c in str(short))}


class _Known:
    # The glossary's names: titles, abbreviations and aliases folded, slugs, and the matcher (built if not given).
    def __init__(self, terms: Sequence[Term], matcher: TermMatcher | None = None) -> None:
        self.keys = {alias_key(name) for term in terms for name in (term.title, term.abbr, *term.aliases) if name}
        self.slugs = {term.slug for term in terms}
        self.matcher = matcher or TermMatcher(terms)

    def inside(self, name: str) -> bool:
        # Whether a term is mentioned anywhere in the name.
        return next(self.matcher.matches(name), None) is not None

    def covers(self, name: str) -> bool:
        # A term's title, slug or alias, or nothing but known names ("China-Japan-ROK").
        if alias_key(name) in self.keys or slugify(name) in self.slugs:
            return True
        rest = list(name)
        for match in self.matcher.matches(name):
            rest[match.start : match.end] = " " * (match.end - match.start)
        return not any(character.isalnum() for character in rest)


def _abbreviations(changed: Sequence[Article], known: _Known) -> list[Suggestion]:
    # Each abbreviation a changed article defines and the glossary lacks, with the sentence defining it first.
    suggestions: dict[str, Suggestion] = {}
    for article in changed:
        for paragraph in article.body:
            for sentence in paragraph.sentences:
                for short, long in defined_abbreviations(sentence.text).items():
                    key = alias_key(short)
                    if key in suggestions or known.covers(short) or known.covers(long):
                        continue
                    occurrence = Occurrence(article.source.as_posix(), article.slug, paragraph.number, sentence.text)
                    kind = _kind(long, person=False) or "organisation"
                    suggestions[key] = Suggestion(long, kind, short, (occurrence,))
    return list(suggestions.values())


def _names(article: Article) -> Iterator[tuple[Occurrence, str, bool]]:
    # Every capitalised multi-word name in an article's body, and whether it reads as a person's.
    for paragraph in article.body:
        for sentence in paragraph.sentences:
            for name, person in names_in(sentence.text):
                yield Occurrence(article.source.as_posix(), article.slug, paragraph.number, sentence.text), name, person


def names_in(sentence: str) -> Iterator[tuple[str, bool]]:
    """The capitalised multi-word names in a sentence, and whether each reads as a person's.

    Args:
        sentence: One sentence.

    Yields:
        Each name as written (a title before it and a possessive after it
        left out), and True when a title stands before it or a verb of speech
        follows it.
    """
    for words in _runs(sentence):
        if len(words) < 2:
            continue  # one word is no name: most runs are a country or the sentence's first word
        if words[0][0] == _first_word_start(sentence) and words[0][1].casefold() in OPENERS:
            words.pop(0)
        titled = [index for index, (_, word) in enumerate(words) if _POSSESSIVE.sub("", word) in TITLES]
        person = bool(titled)
        if titled:
            words = words[titled[-1] + 1 :]
        while words and (words[0][1] in CONNECTORS or words[0][1].casefold() in _CALENDAR):
            words.pop(0)
        while words and (words[-1][1] in CONNECTORS or words[-1][1].casefold() in _CALENDAR):
            words.pop()
        if len([word for _, word in words if word[0].isupper()]) < 2:
            continue
        start, end = words[0][0], words[-1][0] + len(words[-1][1])
        name = sentence[start:end]
        possessive = _POSSESSIVE.search(name)
        if possessive:
            name = name[: possessive.start()]
        yield name, person or bool(_SPEECH_AFTER.match(sentence, end))


def _runs(sentence: str) -> Iterator[list[tuple[int, str]]]:
    # Runs of capitalised words separated by single spaces (connectors allowed inside), as (offset, word).
    run: list[tuple[int, str]] = []
    previous_end = -1
    for match in _WORD.finditer(sentence):
        text = match.group()
        if not run and not text[0].isupper():
            continue  # only a capital starts a run: most words need no more look than this
        word, start = text.rstrip(_TRAILING_MARKS), match.start()
        if text.endswith(("’", "'")) and word.endswith("s"):
            word += text[len(word)]  # a plural possessive: "Ministers’ Meeting"
        if run and sentence[previous_end:start] != " ":
            yield run
            run = []
        if word[0].isupper() or (run and word in CONNECTORS):
            run.append((start, word))
        elif run:
            yield run
            run = []
        previous_end = start + len(word)
    if run:
        yield run


def _first_word_start(sentence: str) -> int:
    # Where the sentence's first word starts (after any opening quote or bracket).
    first = _WORD.search(sentence)
    return first.start() if first else -1


def _kind(name: str, *, person: bool) -> str:
    # The glossary kind a name most likely is, or "" when it is not clearly a body, meeting or person:
    # its last word's kind ("… Forum"), else the first word with one ("Ministry of Foreign Affairs").
    words = [word.rstrip("'") for word in name.replace("’", "'").split()]
    for word in [words[-1], *words]:
        for kind, markers in KIND_WORDS.items():
            if word in markers:
                return kind
    return "person" if person and len(words) <= 4 else ""


@lru_cache(maxsize=1)
def _schwartz_hearst() -> ModuleType:
    # The abbreviations package's Schwartz–Hearst module. Importing it calls logging.basicConfig,
    # which would send every later INFO record of any library to stderr: the root logger is put back.
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        from abbreviations import schwartz_hearst  # type: ignore[import-untyped]
    finally:
        for handler in [handler for handler in root.handlers if handler not in handlers]:
            root.removeHandler(handler)
        root.setLevel(level)
    module: ModuleType = schwartz_hearst
    return module
