"""Themes: the Markdown files in `docs/themes/` that say what each theme page collects.

A theme file is `docs/themes/<slug>.md`. Its front matter holds

* `title`: the theme's name (required);
* `description`: one line saying what the theme covers;
* `vocabulary`: the words and phrases that signal the theme (required, not
  empty). Each entry is a plain string (weight 1) or `{term: "…", weight: N}`
  with a positive number N; see `newsguide.classify` for how weights count;
* `order`: an optional number that places the theme in lists and the ribbon
  (themes without one follow, by title);

and its Markdown body is the hand-written introduction shown at the top of the
generated theme page. Adding a theme means adding a file: no code changes.
`index.md` and `other.md` in the same folder are not themes: they hold the
introductions of the themes overview and of the "Other passages" page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from slugify import slugify

from .problems import Problem, SourceError
from .sources import field_line, read_text, split_front_matter

#: Where theme files live, relative to the project root.
THEMES_DIR = "docs/themes"
#: File stems in the themes folder that are generated pages, not themes.
RESERVED = {"index": "the themes overview", "other": 'the "Other passages" page'}
#: The titles of those pages when their file does not give one.
DEFAULT_TITLES = {"index": "Themes", "other": "Other passages"}
#: Front-matter fields a theme file may hold, with what each means.
THEME_FIELDS = {
    "title": "the theme's name",
    "description": "one line saying what the theme covers",
    "vocabulary": "the words and phrases that signal the theme",
    "order": "a number placing the theme in lists (optional)",
}
#: Material page settings a theme file may also carry; they are passed to its page.
PAGE_FIELDS = {"hide", "icon", "status", "subtitle"}
#: How many distinct theme colours the stylesheet defines (`.ng-c1` … `.ng-c8`).
PALETTE_SIZE = 8

_EXAMPLE = '`vocabulary: [tariff, free trade, {term: "supply chain", weight: 2}]` (or one `- entry` per line)'


@dataclass(frozen=True)
class Term:
    """One vocabulary entry of a theme.

    Attributes:
        text: The word or phrase, as the contributor wrote it.
        weight: How much one match counts towards the theme (default 1).
    """

    text: str
    weight: float = 1.0


@dataclass(frozen=True)
class Intro:
    """The hand-written top of a generated page that is not a theme (`index.md`, `other.md`).

    Attributes:
        title: The page title.
        description: The page's one-line description, or "".
        body: The Markdown introduction.
        source: The file, relative to the project root, or "" when there is none.
    """

    title: str
    description: str = ""
    body: str = ""
    source: str = ""


@dataclass(frozen=True)
class Theme:
    """A theme, loaded from its file in `docs/themes/`.

    Attributes:
        slug: The file's name without `.md`; the page lives at `themes/<slug>/`.
        title: The theme's name.
        description: One line saying what the theme covers.
        vocabulary: The terms that signal the theme.
        intro: The hand-written Markdown introduction (the file's body).
        source: The file, relative to the project root.
        order: Where the theme goes in lists, if the file says.
        colour: The theme's colour, 1 … `PALETTE_SIZE`, given by its position.
        abbreviation: A short unique label (e.g. "E") for the article ribbon.
        page_fields: Material page settings to pass on to the page.
    """

    slug: str
    title: str
    description: str
    vocabulary: tuple[Term, ...]
    intro: str
    source: str
    order: float | None = None
    colour: int = 1
    abbreviation: str = ""
    page_fields: tuple[tuple[str, Any], ...] = ()

    @property
    def url(self) -> str:
        """The theme page's URL relative to the site root."""
        return f"themes/{self.slug}/"

    @property
    def page_path(self) -> str:
        """The theme page's virtual source path inside `docs/`."""
        return f"themes/{self.slug}.md"


def load_themes(root: Path) -> tuple[list[Theme], dict[str, Intro], list[Problem]]:
    """Load every theme file under `root/docs/themes`, and the intros of `index.md` and `other.md`.

    A bad file is reported and left out; the others still load.

    Args:
        root: The project root.

    Returns:
        The themes in display order (with colours and abbreviations set); the
        intro of each page in `RESERVED`, by name; and one problem per file
        that could not be used.
    """
    folder = root / THEMES_DIR
    themes: list[Theme] = []
    intros = {stem: Intro(DEFAULT_TITLES[stem]) for stem in RESERVED}
    problems: list[Problem] = []
    taken: dict[str, str] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        name = path.relative_to(root).as_posix()
        if path.stem in RESERVED:
            try:
                intros[path.stem] = load_intro(path, name, DEFAULT_TITLES[path.stem])
            except SourceError as error:
                problems.append(error.problem)
            continue
        try:
            theme = load_theme(path, name)
            if theme.slug in RESERVED:
                raise SourceError(
                    Problem(
                        name,
                        f"its page would have the address themes/{theme.slug}/, which is {RESERVED[theme.slug]}.",
                        "Rename the file.",
                    )
                )
            if theme.slug in taken:
                raise SourceError(
                    Problem(
                        name,
                        f"its slug '{theme.slug}' is already used by {taken[theme.slug]}.",
                        "Rename one of the two files so that their names differ in letters or digits.",
                    )
                )
        except SourceError as error:
            problems.append(error.problem)
            continue
        taken[theme.slug] = name
        themes.append(theme)
    themes.sort(key=lambda t: (t.order is None, t.order or 0, t.title.casefold(), t.slug))
    return _label(themes), intros, problems


def load_intro(path: Path, name: str, default_title: str) -> Intro:
    """Load the hand-written intro of the themes overview or of the "Other passages" page.

    Raises:
        SourceError: The front matter does not parse, or its title or
            description is not one line of text.
    """
    text = read_text(path, name)
    fields, body, _ = split_front_matter(text, name)
    for key in ("title", "description"):
        value = fields.get(key)
        if value is not None and (not isinstance(value, str) or "\n" in value.strip()):
            raise SourceError(
                Problem(
                    name,
                    f"the {key} must be one line of text.",
                    f"Write `{key}: …` on one line.",
                    field_line(text, key),
                    key,
                )
            )
    return Intro(
        " ".join(str(fields.get("title") or default_title).split()),
        " ".join(str(fields.get("description") or "").split()),
        body.strip(),
        name,
    )


def load_theme(path: Path, name: str) -> Theme:
    """Load one theme file.

    Args:
        path: The file on disk.
        name: The file relative to the project root, for problems.

    Raises:
        SourceError: The front matter does not parse, or a field is missing
            or wrong.
    """
    text = read_text(path, name)
    fields, body, _ = split_front_matter(text, name)
    for key in fields:
        if key not in THEME_FIELDS and key not in PAGE_FIELDS:
            known = ", ".join([*THEME_FIELDS, *sorted(PAGE_FIELDS)])
            raise SourceError(
                Problem(name, f"unknown field '{key}'.", f"Use only {known}.", field_line(text, key), str(key))
            )
    title = fields.get("title")
    if not isinstance(title, str) or not title.strip():
        raise SourceError(
            Problem(
                name,
                "the theme has no title." if title is None else f"the title must be text, not {title!r}.",
                "Add a line `title: Economics & trade` to the front matter.",
                field_line(text, "title") or 1,
                "title",
            )
        )
    description = fields.get("description") or ""
    if not isinstance(description, str) or "\n" in description.strip():
        raise SourceError(
            Problem(
                name,
                "the description must be one line of text.",
                "Write `description: What this theme covers.` on one line.",
                field_line(text, "description"),
                "description",
            )
        )
    order = fields.get("order")
    if order is not None and (isinstance(order, bool) or not isinstance(order, int | float)):
        raise SourceError(
            Problem(
                name,
                f"'{order}' is not a number.",
                "Write `order: 1` (or leave it out).",
                field_line(text, "order"),
                "order",
            )
        )
    return Theme(
        slug=slugify(path.stem) or "theme",
        title=" ".join(title.split()),
        description=" ".join(description.split()),
        vocabulary=_vocabulary(fields.get("vocabulary"), name, field_line(text, "vocabulary")),
        intro=body.strip(),
        source=name,
        order=order,
        page_fields=tuple(sorted((k, v) for k, v in fields.items() if k in PAGE_FIELDS)),
    )


def _vocabulary(value: Any, name: str, line: int) -> tuple[Term, ...]:
    # Check the vocabulary list and turn each entry into a Term.
    if not value:
        raise SourceError(
            Problem(
                name,
                "the vocabulary is missing or empty, so no sentence could ever be on this theme.",
                f"List the words and phrases that signal the theme, like {_EXAMPLE}.",
                line or 1,
                "vocabulary",
            )
        )
    if not isinstance(value, list):
        raise SourceError(
            Problem(name, "the vocabulary must be a list.", f"Write it like {_EXAMPLE}.", line, "vocabulary")
        )
    terms: list[Term] = []
    for entry in value:
        term, weight = (entry.get("term"), entry.get("weight", 1)) if isinstance(entry, dict) else (entry, 1)
        if isinstance(entry, dict) and set(entry) - {"term", "weight"}:
            raise SourceError(
                Problem(
                    name,
                    f"entry {entry!r} has fields other than `term` and `weight`.",
                    f"Write it like {_EXAMPLE}.",
                    line,
                    "vocabulary",
                )
            )
        if not isinstance(term, str | int | float) or isinstance(term, bool) or not str(term).strip():
            raise SourceError(
                Problem(
                    name,
                    f"entry {entry!r} is not a word or phrase.",
                    f'Write each entry as text, or as `{{term: "…", weight: 2}}`, like {_EXAMPLE}.',
                    line,
                    "vocabulary",
                )
            )
        if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 100:
            raise SourceError(
                Problem(
                    name,
                    f"the weight of '{term}' must be a number greater than 0 (and at most 100), not {weight!r}.",
                    "Use 1 for an ordinary term, 0.5 for a weak hint, 2 for a decisive one.",
                    line,
                    "vocabulary",
                )
            )
        terms.append(Term(" ".join(str(term).split()), float(weight)))
    return tuple(terms)


def _label(themes: list[Theme]) -> list[Theme]:
    # Give each theme its colour (by position) and a short abbreviation unique among the themes.
    used: set[str] = set()
    labelled = []
    for position, theme in enumerate(themes):
        words = [w for w in slugify(theme.title, separator=" ").split() if w not in {"and", "of", "the"}] or [
            theme.slug
        ]
        letters = words[0]
        candidates = [letters[0], "".join(w[0] for w in words[:2]), *(letters[:n] for n in range(2, len(letters) + 1))]
        abbreviation = next((c.upper() for c in candidates if c.upper() not in used), f"{position + 1}")
        used.add(abbreviation)
        labelled.append(replace(theme, colour=position % PALETTE_SIZE + 1, abbreviation=abbreviation))
    return labelled
