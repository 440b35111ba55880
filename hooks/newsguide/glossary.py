"""The glossary: one Markdown file per term in `docs/glossary/`, loaded into `Term`s.

A term file holds front matter (title, kind, aliases, …) and a body that is the
definition; its first sentence is the short definition shown on hover. Each
file is checked on its own (a bad file is reported and left out, never half
used), then the set is checked as a whole: an alias claimed by two terms, or a
`see_also` naming a term that does not exist.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .markdown_body import markdown_plain_text
from .problems import Problem, SourceError
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
            problems.append(error.problem)
    problems.extend(_check_aliases(terms, root))
    problems.extend(_check_see_also(terms, {path.stem for path in paths}, root))
    return terms, problems


def load_term(path: Path, root: Path) -> Term:
    """Load one term file.

    Args:
        path: The term file.
        root: The project root, to name the file relative to it.

    Returns:
        The term.

    Raises:
        SourceError: The file cannot be used as it is; the problem says why and how to fix it.
    """
    name = path.relative_to(root).as_posix()
    slug = path.stem
    if not _SLUG.match(slug):
        raise SourceError(
            Problem(
                name,
                f"'{slug}' cannot be a page address.",
                "Name the file in lower-case letters, digits and hyphens, e.g. east-asia-summit.md.",
            )
        )
    text = read_text(path, name)
    metadata, body, body_line = split_front_matter(text, name)
    if not metadata:
        raise SourceError(
            Problem(
                name,
                "the term has no front matter.",
                "Start the file with a `---` line, then `title:`, `kind:` and `aliases:`, then another `---` line.",
                line=1,
            )
        )
    fields = _check_fields(metadata, name, text)
    definition = body.strip()
    summary = _summary(definition)
    if not summary:
        raise SourceError(
            Problem(
                name,
                "the definition is empty.",
                "Write one to three short paragraphs defining the term below the front matter.",
                line=body_line,
            )
        )
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


def _check_fields(metadata: dict[str, Any], name: str, text: str) -> dict[str, Any]:
    # Validate a term's front matter: known fields, required ones present, each of the right type.
    def problem(key: str, message: str, fix: str) -> SourceError:
        return SourceError(Problem(name, message, fix, line=field_line(text, key), field=key))

    for key in metadata:
        if key not in TERM_FIELDS:
            known = ", ".join(TERM_FIELDS)
            raise problem(str(key), f"unknown field '{key}'.", f"Use only these fields: {known}.")
    for key in ("title", "kind"):
        if metadata.get(key) is None:
            raise SourceError(
                Problem(name, f"the field '{key}' is missing.", f"Add `{key}:` ({TERM_FIELDS[key]}).", field=key)
            )
    fields: dict[str, Any] = {}
    for key, value in metadata.items():
        if value is None:
            continue
        if key in ("title", "abbr", "kind"):
            if not isinstance(value, str) or not value.strip():
                raise problem(key, f"expected text, found {value!r}.", f"Write `{key}:` followed by plain text.")
            value = value.strip()
        if key == "kind" and value not in KINDS:
            raise problem(key, f"unknown kind '{value}'.", "Use one of: " + ", ".join(KINDS) + ".")
        if key in ("aliases", "exclude", "see_also"):
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise problem(key, "expected a list of text values.", f"Write it like:\n{key}:\n  - first\n  - second")
            value = [v.strip() for v in value]
        if key == "see_also":
            for slug in value:
                if not _SLUG.match(slug):
                    raise problem(
                        key, f"'{slug}' is not a term's slug.", "Give the term's file name without .md, e.g. rcep."
                    )
        if key == "links":
            value = _check_links(value, problem)
        if key == "names":
            if not isinstance(value, dict) or not all(
                k in NAME_LANGUAGES and isinstance(v, str) and v.strip() for k, v in value.items()
            ):
                raise problem(
                    key,
                    "expected names keyed by language code: zh, ja or ko.",
                    "Write it like:\nnames:\n  zh: 东亚峰会\n  ja: 東アジア首脳会議",
                )
            value = {k: v.strip() for k, v in value.items()}
        fields[key] = value
    return fields


def _check_links(value: Any, problem: Any) -> list[dict[str, str]]:
    # Official links are a list of {title, url} with a web address.
    fix = "Write it like:\nlinks:\n  - title: ASEAN Secretariat\n    url: https://asean.org/"
    if not isinstance(value, list):
        raise problem("links", "expected a list of links.", fix)
    for link in value:
        if not (
            isinstance(link, dict)
            and set(link) == {"title", "url"}
            and isinstance(link["title"], str)
            and link["title"].strip()
            and isinstance(link["url"], str)
        ):
            raise problem("links", f"{link!r} is not a link with a title and a url.", fix)
        if not re.match(r"https?://\S+$", link["url"]):
            raise problem("links", f"'{link['url']}' is not a web address.", "Give the full address, with https://.")
    return value


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
                        line=field_line((root / term.source).read_text(encoding="utf-8"), "aliases"),
                        field="aliases",
                    )
                )
    return problems


def _check_see_also(terms: list[Term], slugs: set[str], root: Path) -> list[Problem]:
    # Every `see_also` entry must name a term file.
    problems = []
    for term in terms:
        for slug in term.see_also:
            if slug not in slugs:
                problems.append(
                    Problem(
                        term.source,
                        f"'{slug}' is not a term: there is no {GLOSSARY_DIR}/{slug}.md.",
                        "Correct the slug, or add the term file.",
                        line=field_line((root / term.source).read_text(encoding="utf-8"), "see_also"),
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
