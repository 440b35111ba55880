"""The glossary: one Markdown file per term in `docs/glossary/`, loaded into `Term`s.

A term file holds front matter (title, kind, aliases, …) and a body that is the
definition; its first sentence is the short definition shown on hover. Each
file is checked on its own: a bad file is reported, every problem in it at the
line of the value at fault, and left out, never half used. Then the set is
checked as a whole: an alias claimed by two terms, or a `see_also` naming a
term that does not exist. A name that does not exist (a kind, a field, a
slug) is answered with the closest one that does.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .markdown_body import markdown_plain_text
from .problems import Problem, SourceError, did_you_mean
from .sentences import split_sentences
from .sources import field_line, read_text, split_front_matter

#: Where term files live, relative to the project root.
GLOSSARY_DIR = "docs/glossary"

#: The kinds a term may be, in the order the glossary index lists them.
KINDS = (
    "agreement",
    "organisation",
    "forum",
    "mechanism",
    "meeting",
    "programme",
    "policy",
    "event",
    "concept",
    "country",
    "place",
    "person",
)

#: Kinds whose names are proper names of one thing: their aliases never match a plural
#: ("the Americas" is not the United States, "the two Koreas" not the Republic of Korea).
SINGULAR_KINDS = frozenset({"country", "place", "person"})

#: Languages a term may give its name in, as `names: {zh: …}`.
NAME_LANGUAGES = {"zh": "Chinese", "ja": "Japanese", "ko": "Korean"}

#: Front-matter fields of a term file, with what each holds.
TERM_FIELDS = {
    "title": "the full name (required)",
    "abbr": "the usual abbreviation, shown beside the title",
    "kind": "one of: " + ", ".join(KINDS) + " (required)",
    "aliases": "every form the term takes in text; the title always matches",
    "exclude": "longer phrases that contain an alias but mean something else, never linked",
    "see_also": "slugs (file names without .md) of related terms",
    "links": "official sources, each `{title: …, url: https://…}`",
    "names": "the name in Chinese, Japanese or Korean: `{zh: …, ja: …, ko: …}`",
}

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NAMES_EXAMPLE = "Use zh, ja or ko, like:\nnames:\n  zh: 东亚峰会\n  ja: 東アジア首脳会議"
#: The dashes that count as one in a name (hyphen-minus, hyphen, non-breaking hyphen, en dash): a regex class.
DASH = "[-‐‑–]"
#: The apostrophes that count as one ("Trump’s", "Trump's"), as a regex class.
QUOTE = "['’]"
_DASHES = re.compile(DASH)
_QUOTES = re.compile(QUOTE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Link:
    """An official source about a term."""

    title: str
    url: str


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    Attributes:
        slug: The file name without `.md`; the page lives at `glossary/{slug}/`.
        source: The term file relative to the project root.
        title: The full name.
        kind: One of `KINDS`.
        definition: The body, Markdown, one to three short paragraphs.
        summary: The definition's first sentence as plain text, for tooltips and lists.
        abbr: The usual abbreviation, or "".
        aliases: Every form that links to the term, the title first.
        exclude: Phrases containing an alias that must not link (e.g. "Latin America").
        see_also: Slugs of related terms.
        links: Official sources.
        names: Language code (zh, ja, ko) → the name in that language.
    """

    slug: str
    source: str
    title: str
    kind: str
    definition: str
    summary: str
    abbr: str = ""
    aliases: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    names: Mapping[str, str] = field(default_factory=dict)

    @property
    def heading(self) -> str:
        """The term's name as pages show it: the title, with the abbreviation when it adds one."""
        return f"{self.title} ({self.abbr})" if self.abbr and self.abbr not in self.title else self.title

    @property
    def url(self) -> str:
        """The term page's URL relative to the site root."""
        return f"glossary/{self.slug}/"

    @property
    def page_path(self) -> str:
        """The term page's virtual source path inside `docs/`."""
        return f"glossary/{self.slug}.md"

    @property
    def plural(self) -> bool:
        """Whether plural forms of the aliases match ("FTAs"); not for proper names of one thing."""
        return self.kind not in SINGULAR_KINDS


def alias_key(alias: str) -> str:
    """The form under which two aliases count as the same: case, dashes, quotes and spacing folded."""
    folded = _QUOTES.sub("'", _DASHES.sub("-", alias.casefold()))
    return _SPACES.sub(" ", folded).strip()


def load_terms(root: Path) -> tuple[list[Term], list[Problem]]:
    """Load and check every term file under `root/docs/glossary`.

    Args:
        root: The project root.

    Returns:
        The terms that loaded, sorted by slug, and a problem for each bad file,
        each alias claimed by two terms and each `see_also` naming no term.
    """
    folder = root / GLOSSARY_DIR
    terms: list[Term] = []
    problems: list[Problem] = []
    paths = sorted(folder.glob("*.md")) if folder.is_dir() else []
    paths = [path for path in paths if path.name != "index.md"]
    for path in paths:
        try:
            terms.append(load_term(path, root))
        except SourceError as error:
            problems.extend(error.problems)
    problems.extend(_check_aliases(terms, root))
    problems.extend(_check_see_also(terms, {path.stem for path in paths}, root))
    return terms, problems


def load_term(path: Path, root: Path) -> Term:
    """Load one term file.

    The whole file is checked before it is given up on, so that every problem
    in it is reported at once.

    Args:
        path: The term file.
        root: The project root, to name the file relative to it.

    Returns:
        The term.

    Raises:
        SourceError: The file cannot be used as it is; its problems say why
            and how to fix it, each at the line of the value at fault.
    """
    name = path.relative_to(root).as_posix()
    try:
        text = read_text(path, name)
    except SourceError as error:
        raise SourceError(*_slug_problems(path.stem, name), *error.problems) from None
    return _term(name, path.stem, text)


@functools.lru_cache(maxsize=1024)
def _term(name: str, slug: str, text: str) -> Term:
    # A term file's text as a term; kept by text, so that a `mkdocs serve` rebuild parses only the files that changed.
    problems = _slug_problems(slug, name)
    try:
        metadata, body, body_line = split_front_matter(text, name)
    except SourceError as error:
        raise SourceError(*problems, *error.problems) from None
    if not metadata:
        problems.append(
            Problem(
                name,
                "the term has no front matter.",
                "Start the file with a `---` line, then `title:`, `kind:` and `aliases:`, then another `---` line.",
                line=1,
            )
        )
        raise SourceError(*problems)
    fields = _check_fields(metadata, name, text, problems)
    definition = body.strip()
    summary = _summary(definition)
    if not summary:
        problems.append(
            Problem(
                name,
                "the definition is empty.",
                "Write one to three short paragraphs defining the term below the front matter.",
                line=body_line,
            )
        )
    if problems:
        raise SourceError(*problems)
    title = fields["title"]
    aliases = _unique([title, *fields.get("aliases", [])])
    return Term(
        slug=slug,
        source=name,
        title=title,
        kind=fields["kind"],
        definition=definition,
        summary=summary,
        abbr=fields.get("abbr", ""),
        aliases=aliases,
        exclude=_unique(fields.get("exclude", [])),
        see_also=tuple(fields.get("see_also", [])),
        links=tuple(Link(link["title"], link["url"]) for link in fields.get("links", [])),
        names=dict(fields.get("names", {})),
    )


class _Report:
    # Files a term file's problems, each at the line of the value at fault.
    def __init__(self, name: str, text: str, problems: list[Problem]) -> None:
        self.name, self.text, self.problems = name, text, problems

    def __call__(self, key: str, message: str, fix: str, *within: str | int) -> None:
        self.problems.append(Problem(self.name, message, fix, line=field_line(self.text, key, *within), field=key))


def _slug_problems(slug: str, name: str) -> list[Problem]:
    # A problem if the file's name cannot be a page address.
    if _SLUG.match(slug):
        return []
    return [
        Problem(
            name,
            f"'{slug}' cannot be a page address.",
            "Name the file in lower-case letters, digits and hyphens, e.g. east-asia-summit.md.",
        )
    ]


def _check_fields(metadata: dict[str, Any], name: str, text: str, problems: list[Problem]) -> dict[str, Any]:
    # Validate a term's front matter: known fields, required ones present, each of the right type.
    # Every problem is added to `problems`; the fields returned are the ones that passed.
    report = _Report(name, text, problems)
    fields: dict[str, Any] = {}
    for key, value in metadata.items():
        if key not in TERM_FIELDS:
            hint = did_you_mean(key, TERM_FIELDS)
            report(str(key), f"unknown field '{key}'.", f"{hint}Use only these fields: {', '.join(TERM_FIELDS)}.")
        elif value is not None and (checked := _check_field(key, value, report)) is not None:
            fields[key] = checked
    for key in ("title", "kind"):
        if metadata.get(key) is None:
            problems.append(
                Problem(name, f"the field '{key}' is missing.", f"Add `{key}:` ({TERM_FIELDS[key]}).", field=key)
            )
    return fields


def _check_field(key: str, value: Any, report: _Report) -> Any:
    # One field's value, checked and tidied; None (with its problems reported) when it is wrong.
    if key in ("title", "abbr", "kind"):
        if not isinstance(value, str) or not value.strip():
            report(key, f"expected text, found {value!r}.", f"Write `{key}:` followed by plain text.")
            return None
        value = value.strip()
        if key == "kind" and value not in KINDS:
            hint = did_you_mean(value, KINDS)
            report(key, f"unknown kind '{value}'.", f"{hint}Use one of: " + ", ".join(KINDS) + ".")
            return None
        return value
    if key in ("aliases", "exclude", "see_also"):
        return _check_list(key, value, report)
    if key == "links":
        return _check_links(value, report)
    if not isinstance(value, dict):
        report(key, "expected names keyed by language code: zh, ja or ko.", _NAMES_EXAMPLE)
        return None
    good = True
    for language, text in value.items():
        if language not in NAME_LANGUAGES:
            hint = did_you_mean(language, NAME_LANGUAGES)
            report(key, f"'{language}' is not a language code the glossary knows.", hint + _NAMES_EXAMPLE, language)
            good = False
        elif not isinstance(text, str) or not text.strip():
            report(key, f"the {NAME_LANGUAGES[language]} name must be text, not {text!r}.", _NAMES_EXAMPLE, language)
            good = False
    return {k: v.strip() for k, v in value.items()} if good else None


def _check_list(key: str, value: Any, report: _Report) -> list[str] | None:
    # A list of text values (one value on its own counts as a list of one); each bad entry is reported.
    values = [value] if isinstance(value, str) else value
    fix = f"Write it like:\n{key}:\n  - first\n  - second"
    if not isinstance(values, list):
        report(key, "expected a list of text values.", fix)
        return None
    good = True
    for position, item in enumerate(values):
        if not isinstance(item, str) or not item.strip():
            report(key, f"expected a list of text values, found {item!r}.", fix, position)
            good = False
        elif key == "see_also" and not _SLUG.match(item.strip()):
            report(
                key,
                f"'{item.strip()}' is not a term's slug.",
                "Give the term's file name without .md, e.g. rcep.",
                position,
            )
            good = False
    return [item.strip() for item in values] if good else None


def _check_links(value: Any, report: _Report) -> list[dict[str, str]] | None:
    # Official links are a list of {title, url} with a web address; each bad link is reported.
    fix = "Write it like:\nlinks:\n  - title: ASEAN Secretariat\n    url: https://asean.org/"
    if not isinstance(value, list):
        report("links", "expected a list of links.", fix)
        return None
    good = True
    for position, link in enumerate(value):
        if not (
            isinstance(link, dict)
            and set(link) == {"title", "url"}
            and isinstance(link["title"], str)
            and link["title"].strip()
            and isinstance(link["url"], str)
        ):
            report("links", f"{link!r} is not a link with a title and a url.", fix, position)
            good = False
        elif not re.match(r"https?://\S+$", link["url"]):
            report(
                "links",
                f"'{link['url']}' is not a web address.",
                "Give the full address, with https://.",
                position,
                "url",
            )
            good = False
    return value if good else None


def _check_aliases(terms: list[Term], root: Path) -> list[Problem]:
    # An alias (or title) may belong to one term only, or the linker could not tell them apart.
    owner: dict[str, Term] = {}
    problems: list[Problem] = []
    for term in terms:
        for alias in term.aliases:
            key = alias_key(alias)
            other = owner.setdefault(key, term)
            if other is not term:
                problems.append(
                    Problem(
                        term.source,
                        f"the alias '{alias}' is also claimed by {other.source}.",
                        "Keep the alias in only one of the two files.",
                        line=_alias_line(read_text(root / term.source, term.source), key),
                        field="aliases",
                    )
                )
    return problems


def _alias_line(text: str, key: str) -> int:
    # The line of the alias (folded to `key`) in a term file: its entry in `aliases`, else its title.
    metadata, _, _ = split_front_matter(text, "")
    aliases = metadata.get("aliases")
    listed = [aliases] if isinstance(aliases, str) else aliases if isinstance(aliases, list) else []
    for position, alias in enumerate(listed):
        if isinstance(alias, str) and alias_key(alias) == key:
            return field_line(text, "aliases", position)
    title = metadata.get("title")
    return field_line(text, "title" if isinstance(title, str) and alias_key(title) == key else "aliases")


def _check_see_also(terms: list[Term], slugs: set[str], root: Path) -> list[Problem]:
    # Every `see_also` entry must name a term file.
    problems = []
    for term in terms:
        for position, slug in enumerate(term.see_also):
            if slug not in slugs:
                problems.append(
                    Problem(
                        term.source,
                        f"'{slug}' is not a term: there is no {GLOSSARY_DIR}/{slug}.md.",
                        did_you_mean(slug, sorted(slugs - {term.slug})) + "Correct the slug, or add the term file.",
                        line=field_line(read_text(root / term.source, term.source), "see_also", position),
                        field="see_also",
                    )
                )
    return problems


def _summary(definition: str) -> str:
    # The first sentence of the definition's first paragraph, as the reader sees it.
    first = definition.split("\n\n", 1)[0].strip()
    if not first:
        return ""
    text = markdown_plain_text(first, typographic=False)
    sentences = split_sentences(text)
    return sentences[0].text if sentences else text


def _unique(values: list[str]) -> tuple[str, ...]:
    # Drop repeats that differ only in case, dashes, quotes or spacing; keep the first spelling.
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(alias_key(value), value)
    return tuple(seen.values())
