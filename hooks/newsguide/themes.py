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

from .problems import Problem, SourceError, did_you_mean
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
    "cues": "built-in cues the theme also takes, beyond its words (optional; see CUES)",
}
#: Built-in cues a theme can take (`cues: [past]`): sentences the engine recognises by their form, not their words.
CUES = {
    "past": "the past course of a relationship: a year long before the article's date, "
    "'since 2013', 'the first … in six years', 'years ago', 'last held'",
    "statecraft": "a government acting toward another: a capital, country or office that urges, protests, "
    "pledges, warns, welcomes, demands or calls on ('Tokyo protested', 'the ministry called on')",
    "headline": "a weak hint is enough in an article whose title and standfirst are on the theme",
    "reference": "a thing named again ('the plan', 'the ruling', 'the women') is on the theme of the sentence "
    "that introduced it",
    "subject": "a sentence on no theme at all is on the theme in an article a third of whose sentences are on it",
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
        cues: The built-in cues (`CUES`) the theme takes besides its vocabulary.
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
    cues: tuple[str, ...] = ()

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

    A bad file is reported, with every problem found in it, and left out;
    the others still load.

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
                problems.extend(error.problems)
            continue
        found: list[Problem] = []
        try:
            theme: Theme | None = load_theme(path, name)
        except SourceError as error:
            theme = None
            found.extend(error.problems)
        slug = _slug(path)
        if slug in RESERVED:
            found.append(
                Problem(
                    name,
                    f"its page would have the address themes/{slug}/, which is {RESERVED[slug]}.",
                    "Rename the file.",
                )
            )
        elif slug in taken:
            found.append(
                Problem(
                    name,
                    f"its slug '{slug}' is already used by {taken[slug]}.",
                    "Rename one of the two files so that their names differ in letters or digits.",
                )
            )
        problems.extend(found)
        if theme is not None and not found:
            taken[slug] = name
            themes.append(theme)
    themes.sort(key=lambda t: (t.order is None, t.order or 0, t.title.casefold(), t.slug))
    return _label(themes), intros, problems


def load_intro(path: Path, name: str, default_title: str) -> Intro:
    """Load the hand-written intro of the themes overview or of the "Other passages" page.

    Raises:
        SourceError: The front matter does not parse, or its title or
            description (or both) is not one line of text.
    """
    text = read_text(path, name)
    fields, body, _ = split_front_matter(text, name)
    problems = [
        Problem(
            name, f"the {key} must be one line of text.", f"Write `{key}: …` on one line.", field_line(text, key), key
        )
        for key in ("title", "description")
        if fields.get(key) is not None and not _one_line(fields[key])
    ]
    if problems:
        raise SourceError(*problems)
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
        SourceError: The front matter does not parse, or fields are missing
            or wrong: one problem for each, at the line of the value at fault
            (each bad vocabulary entry at its own line).
    """
    text = read_text(path, name)
    fields, body, _ = split_front_matter(text, name)
    problems: list[Problem] = []
    for key in fields:
        if key not in THEME_FIELDS and key not in PAGE_FIELDS:
            known = [*THEME_FIELDS, *sorted(PAGE_FIELDS)]
            problems.append(
                Problem(
                    name,
                    f"unknown field '{key}'.",
                    f"{did_you_mean(key, known)}Use only {', '.join(known)}.",
                    field_line(text, key),
                    str(key),
                )
            )
    title = fields.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(
            Problem(
                name,
                "the theme has no title." if title is None else f"the title must be text, not {title!r}.",
                "Add a line `title: Economics & trade` to the front matter.",
                field_line(text, "title") or 1,
                "title",
            )
        )
    description = fields.get("description") or ""
    if not _one_line(description):
        problems.append(
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
        problems.append(
            Problem(
                name,
                f"'{order}' is not a number.",
                "Write `order: 1` (or leave it out).",
                field_line(text, "order"),
                "order",
            )
        )
    vocabulary = _vocabulary(fields.get("vocabulary"), name, text, problems)
    cues = _cues(fields.get("cues"), name, text, problems)
    if problems:
        raise SourceError(*problems)
    return Theme(
        slug=_slug(path),
        title=" ".join(str(title).split()),
        description=" ".join(description.split()),
        vocabulary=vocabulary,
        intro=body.strip(),
        source=name,
        order=order,
        page_fields=tuple(sorted((k, v) for k, v in fields.items() if k in PAGE_FIELDS)),
        cues=cues,
    )


def _cues(value: Any, name: str, text: str, problems: list[Problem]) -> tuple[str, ...]:
    # Check the list of built-in cues; each unknown one is reported, with the nearest known name.
    if value is None:
        return ()
    names = value if isinstance(value, list) else [value]
    cues = []
    for cue in names:
        if isinstance(cue, str) and cue in CUES:
            cues.append(cue)
            continue
        problems.append(
            Problem(
                name,
                f"'{cue}' is not a built-in cue.",
                f"{did_you_mean(str(cue), list(CUES))}Use one of: {', '.join(CUES)} (or leave `cues` out).",
                field_line(text, "cues"),
                "cues",
            )
        )
    return tuple(cues)


def _slug(path: Path) -> str:
    # The slug of the theme a file holds: its name without `.md`, made an address.
    return slugify(path.stem) or "theme"


def _one_line(value: Any) -> bool:
    # Whether a value is one line of text.
    return isinstance(value, str) and "\n" not in value.strip()


def _vocabulary(value: Any, name: str, text: str, problems: list[Problem]) -> tuple[Term, ...]:
    # Check the vocabulary list and turn each entry into a Term; each bad entry is reported at its own line.
    line = field_line(text, "vocabulary")
    if not value:
        problems.append(
            Problem(
                name,
                "the vocabulary is missing or empty, so no sentence could ever be on this theme.",
                f"List the words and phrases that signal the theme, like {_EXAMPLE}.",
                line or 1,
                "vocabulary",
            )
        )
        return ()
    if not isinstance(value, list):
        problems.append(
            Problem(name, "the vocabulary must be a list.", f"Write it like {_EXAMPLE}.", line, "vocabulary")
        )
        return ()
    terms: list[Term] = []
    for position, entry in enumerate(value):
        problem = _entry_problem(entry)
        if problem:
            message, fix = problem
            problems.append(Problem(name, message, fix, field_line(text, "vocabulary", position), "vocabulary"))
            continue
        term, weight = (entry["term"], entry.get("weight", 1)) if isinstance(entry, dict) else (entry, 1)
        terms.append(Term(" ".join(str(term).split()), float(weight)))
    return tuple(terms)


def _entry_problem(entry: Any) -> tuple[str, str] | None:
    # What is wrong with one vocabulary entry, and how to fix it; None when it is right.
    term, weight = (entry.get("term"), entry.get("weight", 1)) if isinstance(entry, dict) else (entry, 1)
    if isinstance(entry, dict) and (extra := [key for key in entry if key not in ("term", "weight")]):
        hint = did_you_mean(extra[0], ("term", "weight"))
        return f"entry {entry!r} has fields other than `term` and `weight`.", f"{hint}Write it like {_EXAMPLE}."
    if not isinstance(term, str | int | float) or isinstance(term, bool) or not str(term).strip():
        return (
            f"entry {entry!r} is not a word or phrase.",
            f'Write each entry as text, or as `{{term: "…", weight: 2}}`, like {_EXAMPLE}.',
        )
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 100:
        return (
            f"the weight of '{term}' must be a number greater than 0 (and at most 100), not {weight!r}.",
            "Use 1 for an ordinary term, 0.5 for a weak hint, 2 for a decisive one.",
        )
    return None


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
