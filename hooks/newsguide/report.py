"""The change report: what the working tree changes in the guide against a git ref, as Markdown.

`python -m newsguide report --base REF` (`make report BASE=REF`) reads the
contributor files (`seeds/`, `docs/glossary/`, `docs/themes/`) as they are in
the commit REF names, with `git archive`, into a temporary folder, loads both
that folder and the working tree as corpora (`newsguide.corpus.load_corpus`,
the same engine pass as a build, without MkDocs), and compares them:

* articles added, removed or changed: the title, the number of paragraphs and
  the themes of each paragraph as the article's theme ribbon shows them
  (`¶1 economics, security · ¶2 history · ¶3 —`); for a changed article, the
  paragraphs whose themes moved, before → after, with the words that put a
  paragraph on a theme it gained or kept it on one it lost. Paragraphs are
  paired by their text (`difflib`), so inserting one does not make every
  later one look changed;
* glossary terms and themes added, removed or changed (which fields), and the
  mentions each term gained or lost, article by article; the passages each
  theme page gains or loses;
* glossary suggestions for the added and changed articles (`newsguide.suggestions`);
* the problems the strict build would report for the working tree, and its notes.

Articles unchanged between the two trees are analysed once: both corpora are
loaded through one in-memory cache, whose keys are the files' content.
"""

from __future__ import annotations

import difflib
import io
import re
import subprocess
import tarfile
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from .cache import Cache
from .classify import SHARED_SUBJECT, Passage
from .corpus import Corpus, load_corpus
from .glossary import GLOSSARY_DIR, Term
from .model import Article
from .problems import Problem
from .suggestions import Suggestion, suggest_terms
from .themes import THEMES_DIR, Theme

#: The folders of contributor files read from the base commit.
CONTRIBUTOR_FOLDERS = ("seeds", GLOSSARY_DIR, THEMES_DIR)
#: How a paragraph on no theme is shown in a ribbon.
NO_THEME = "—"
#: The article fields besides the body whose change makes an article "changed".
ARTICLE_FIELDS = ("title", "standfirst", "author", "date", "source_url", "publisher")
#: The term fields compared, in the order they are named.
TERM_FIELDS = ("title", "kind", "abbr", "aliases", "exclude", "see_also", "definition", "links", "names")
#: The theme fields compared, in the order they are named.
THEME_FIELDS = ("title", "description", "order", "vocabulary", "intro")

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


class BaseError(Exception):
    """The git ref to compare with cannot be read."""


@dataclass(frozen=True)
class Base:
    """The contributor files of a commit, written out to be loaded as a corpus.

    Attributes:
        root: The folder standing for the project root at that commit.
        ref: The ref as given.
        commit: The commit it names, abbreviated.
    """

    root: Path
    ref: str
    commit: str


def change_report(root: Path, ref: str) -> str:
    """The Markdown report of what the working tree at `root` changes against the git ref `ref`.

    Args:
        root: The project root, inside a git work tree.
        ref: A branch, tag or commit (`origin/main`, `HEAD~1`, a SHA).

    Raises:
        BaseError: `ref` names no commit, or git cannot read it.
    """
    with tempfile.TemporaryDirectory(prefix="newsguide-base-") as folder:
        base = read_base(root, ref, Path(folder))
        cache = Cache()
        before = load_corpus(base.root, cache)
        after = load_corpus(root, cache)
    return render_report(before, after, f"`{ref.replace('`', '')}` ({base.commit})")


def read_base(root: Path, ref: str, into: Path) -> Base:
    """Write the contributor files of the commit `ref` names under `into`.

    Args:
        root: The project root, inside a git work tree (it may be a folder of the repository).
        ref: The git ref.
        into: An empty folder.

    Returns:
        Where the files went, and the commit.

    Raises:
        BaseError: `ref` names no commit, or git cannot read it.
    """
    if not ref or ref.startswith("-"):
        raise BaseError(f"'{ref}' is not a git ref: give a branch, tag or commit, e.g. --base origin/main.")
    prefix = _git(root, "rev-parse", "--show-prefix").strip()  # fails outside a git work tree
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    if not commit:
        raise BaseError(
            f"'{ref}' names no commit in the repository at {root}. Give a branch, tag or commit that exists "
            "(for a remote branch, fetch it first: git fetch origin main)."
        )
    wanted = [prefix + folder for folder in CONTRIBUTOR_FOLDERS]
    present = _git(root, "ls-tree", "--name-only", commit, "--", *wanted).split("\n")
    paths = [path for path in present if path]
    if paths:
        archive = _git_bytes(root, "archive", "--format=tar", commit, "--", *paths)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later: refuse links and paths out of `into`
                tar.extractall(into, filter="data")
            else:  # pragma: no cover - older Python 3.11 releases
                tar.extractall(into)  # git's own archive of the repository
    base_root = into / prefix
    base_root.mkdir(parents=True, exist_ok=True)
    return Base(base_root, ref, commit[:12])


def render_report(before: Corpus, after: Corpus, base: str = "the base") -> str:
    """The report comparing two corpora, as Markdown.

    Args:
        before: The corpus at the base.
        after: The corpus of the working tree.
        base: How the report names the base (Markdown), e.g. "`origin/main` (1a2b3c4d5e6f)".
    """
    articles = _ArticleChanges(before, after)
    sections = [
        "# What this change does to the guide\n",
        f"Compared with {base}, the working tree {_summary(before, after, articles)}.\n",
        *_articles_section(articles, before, after),
        *_terms_section(before, after),
        *_themes_section(before, after),
        *_suggestions_section(suggest_terms([*articles.added, *articles.changed], after.articles, after.terms)),
        *_problems_section(after),
    ]
    return "\n".join(sections)


def ribbon(passages: Sequence[Passage]) -> str:
    """An article's themes paragraph by paragraph, as text: `¶1 economics, security · ¶2 history · ¶3 —`."""
    return " · ".join(f"¶{passage.paragraph.number} {_themes(passage.themes)}" for passage in passages)


class _ArticleChanges:
    # The articles added, removed and changed between two corpora, in corpus order.
    def __init__(self, before: Corpus, after: Corpus) -> None:
        old = before.articles_by_slug
        new = after.articles_by_slug
        self.added = [article for article in after.articles if article.slug not in old]
        self.removed = [article for article in before.articles if article.slug not in new]
        self.changed = [
            article
            for article in after.articles
            if article.slug in old and _differs(old[article.slug], article, before, after)
        ]


def _differs(old: Article, new: Article, before: Corpus, after: Corpus) -> bool:
    # Whether an article's text, fields or paragraph themes differ.
    if _fields_changed(old, new) or [p.text for p in old.body] != [p.text for p in new.body]:
        return True
    themes_before = [p.themes for p in before.classification.passages(old)]
    return themes_before != [p.themes for p in after.classification.passages(new)]


def _fields_changed(old: Article, new: Article) -> list[str]:
    return [name for name in ARTICLE_FIELDS if getattr(old, name) != getattr(new, name)]


def _summary(before: Corpus, after: Corpus, articles: _ArticleChanges) -> str:
    # One sentence: how many articles, terms and themes were added, changed and removed.
    terms = _changes(before.terms, after.terms, TERM_FIELDS)
    themes = _changes(before.themes, after.themes, THEME_FIELDS)
    counts = (
        _count(len(articles.added), len(articles.changed), len(articles.removed), "article"),
        _count(len(terms.added), len(terms.changed), len(terms.removed), "glossary term"),
        _count(len(themes.added), len(themes.changed), len(themes.removed), "theme"),
    )
    done = [count for count in counts if count]
    if not done:
        return "changes no article, glossary term or theme"
    return "; ".join(done)


def _count(added: int, changed: int, removed: int, noun: str) -> str:
    parts = [
        f"{verb} {_plural(number, noun)}"
        for verb, number in (("adds", added), ("changes", changed), ("removes", removed))
        if number
    ]
    return ", ".join(parts)


# Articles


def _articles_section(articles: _ArticleChanges, before: Corpus, after: Corpus) -> list[str]:
    if not (articles.added or articles.changed or articles.removed):
        return []
    lines = ["## Articles\n"]
    for article in articles.added:
        passages = after.classification.passages(article)
        lines.append(f"### Added: {_text(article.title)}\n")
        lines.append(f"`{article.source.as_posix()}` · {_plural(len(article.body), 'paragraph')}\n")
        lines.append(f"Themes: {ribbon(passages)}\n")
    for article in articles.changed:
        lines.extend(_changed_article(before.article(article.slug), article, before, after))
    for article in articles.removed:
        lines.append(f"### Removed: {_text(article.title)}\n")
        lines.append(f"`{article.source.as_posix()}` · had {_plural(len(article.body), 'paragraph')}\n")
        lines.append(f"Themes it had: {ribbon(before.classification.passages(article))}\n")
    return lines


def _changed_article(old: Article, new: Article, before: Corpus, after: Corpus) -> list[str]:
    # A changed article: its counts, what changed in its text, its ribbon, and the paragraphs whose themes moved.
    old_passages = before.classification.passages(old)
    new_passages = after.classification.passages(new)
    count = _plural(len(new.body), "paragraph")
    if len(old.body) != len(new.body):
        count += f" (was {len(old.body)})"
    lines = [f"### Changed: {_text(new.title)}\n", f"`{new.source.as_posix()}` · {count}\n"]
    fields = _fields_changed(old, new)
    if fields:
        lines.append("Changed fields: " + ", ".join(fields) + ".\n")
    edited: list[str] = []
    moved: list[str] = []
    matcher = difflib.SequenceMatcher(None, [p.text for p in old.body], [p.text for p in new.body], autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        pairs = list(zip(range(old_start, old_end), range(new_start, new_end), strict=False))
        for old_index, new_index in pairs:
            if operation != "equal":
                edited.append(f"¶{new_index + 1} edited")
            line = _moved(old_passages[old_index], new_passages[new_index])
            if line:
                moved.append(line)
        for new_index in range(new_start + len(pairs), new_end):
            edited.append(f"¶{new_index + 1} new")
            passage = new_passages[new_index]
            if passage.themes:
                moved.append(f"- ¶{new_index + 1} (new): {NO_THEME} → {_themes(passage.themes)}{_gained(passage)}")
        for old_index in range(old_start + len(pairs), old_end):
            edited.append(f"former ¶{old_index + 1} removed")
            passage = old_passages[old_index]
            if passage.themes:
                moved.append(
                    f"- former ¶{old_index + 1} (removed): {_themes(passage.themes)} → {NO_THEME}{_lost(passage)}"
                )
    if edited:
        lines.append("Text: " + "; ".join(edited) + ".\n")
    lines.append(f"Themes: {ribbon(new_passages)}\n")
    if moved:
        lines.append("Paragraphs whose themes moved:\n")
        lines.append("\n".join(moved) + "\n")
    else:
        lines.append("No paragraph's themes moved.\n")
    return lines


def _moved(old: Passage, new: Passage) -> str:
    # One line for a paragraph whose themes moved, or "".
    if old.themes == new.themes:
        return ""
    gained = [theme for theme in new.themes if theme not in old.themes]
    lost = [theme for theme in old.themes if theme not in new.themes]
    where = f"¶{new.paragraph.number}"
    if old.paragraph.number != new.paragraph.number:
        where += f" (was ¶{old.paragraph.number})"
    return f"- {where}: {_themes(old.themes)} → {_themes(new.themes)}" + _gained(new, gained) + _lost(old, lost, new)


def _gained(passage: Passage, themes: Iterable[str] | None = None) -> str:
    # "; gained economics ("tariffs", "trade")" for each theme gained, with its evidence.
    return "".join(
        f"; gained {theme} ({_evidence(passage, theme)})" for theme in (passage.themes if themes is None else themes)
    )


def _lost(passage: Passage, themes: Iterable[str] | None = None, now: Passage | None = None) -> str:
    # "; lost history (it had "normalisation")" for each theme lost, with the evidence it had.
    parts = []
    for theme in passage.themes if themes is None else themes:
        excluded = now is not None and theme in now.article.excludes.get(now.paragraph.number, ())
        reason = "; excluded in the article's `exclude`" if excluded else ""
        parts.append(f"; lost {theme} (it had {_evidence(passage, theme)}{reason})")
    return "".join(parts)


def _evidence(passage: Passage, theme: str) -> str:
    # The words that put a paragraph on a theme, quoted; or why it is on it without words of its own.
    words = passage.evidence(theme)
    if words:
        return ", ".join(f'"{_text(word)}"' for word in words)
    if theme in passage.pinned:
        return "pinned in the article's `pin`"
    cues = [
        cue
        for sentence in passage.sentences
        if (match := sentence.match(theme)) is not None and match.continued
        for cue in match.evidence
    ]
    quoted = ", ".join(f'"{_text(cue)}"' for cue in dict.fromkeys(cues) if cue not in SHARED_SUBJECT)
    if quoted:
        return "continuing the sentence before: " + quoted
    shared = [whose for cue, whose in SHARED_SUBJECT.items() if cue in cues]
    if shared:
        return "sharing the subject of " + shared[0]
    return "no words of its own"


def _themes(themes: Sequence[str]) -> str:
    return ", ".join(themes) or NO_THEME


# Terms and themes


_Item = TypeVar("_Item", Term, Theme)


@dataclass
class _Changes(Generic[_Item]):
    # Items (terms or themes) added, removed and changed, matched by slug, with the names of the fields changed.
    added: list[_Item]
    removed: list[_Item]
    changed: list[tuple[_Item, list[str]]]


def _changes(before: Sequence[_Item], after: Sequence[_Item], fields: Sequence[str]) -> _Changes[_Item]:
    old = {item.slug: item for item in before}
    new = {item.slug: item for item in after}
    changed = []
    for item in after:
        if item.slug in old:
            names = [name for name in fields if getattr(old[item.slug], name) != getattr(item, name)]
            if names:
                changed.append((item, names))
    return _Changes(
        [item for item in after if item.slug not in old], [item for item in before if item.slug not in new], changed
    )


def _terms_section(before: Corpus, after: Corpus) -> list[str]:
    # Terms added, removed or changed, then the mentions each term gained or lost.
    terms = _changes(before.terms, after.terms, TERM_FIELDS)
    counts_before, counts_after = _mention_counts(before), _mention_counts(after)
    items = []
    for term in terms.added:
        mentions = sum(counts_after.get(term.slug, Counter()).values())
        items.append(
            f"- Added: **{_text(term.title)}** (`{term.source}`, {term.kind}): "
            f"{_plural(mentions, 'mention')} in {_plural(len(counts_after.get(term.slug, ())), 'article')}"
        )
    for term, names in terms.changed:
        items.append(f"- Changed: **{_text(term.title)}** (`{term.source}`): {', '.join(names)}")
    for term in terms.removed:
        mentions = sum(counts_before.get(term.slug, Counter()).values())
        items.append(
            f"- Removed: **{_text(term.title)}** (`{term.source}`): {_plural(mentions, 'mention')} no longer linked"
        )
    rows = []
    titles = {term.slug: term.title for term in [*before.terms, *after.terms]}
    for slug in sorted(set(counts_before) | set(counts_after), key=lambda slug: titles[slug].casefold()):
        old, new = counts_before.get(slug, Counter()), counts_after.get(slug, Counter())
        if old == new:
            continue
        where = ", ".join(
            f"{article} {_signed(new[article] - old[article])}"
            for article in sorted(set(old) | set(new))
            if new[article] != old[article]
        )
        change = _signed(sum(new.values()) - sum(old.values()))
        rows.append(f"| {_text(titles[slug])} | {sum(old.values())} | {sum(new.values())} | {change} | {where} |")
    table = "| Term | Before | After | Change | Where |\n| --- | ---: | ---: | ---: | --- |"
    return _section("## Glossary terms", items, "### Mentions gained or lost", table, rows)


def _mention_counts(corpus: Corpus) -> dict[str, Counter[str]]:
    # Term slug → how many times each article mentions it (terms mentioned nowhere left out).
    return {slug: Counter(m.article for m in found) for slug, found in corpus.mentions_by_term.items() if found}


def _themes_section(before: Corpus, after: Corpus) -> list[str]:
    # Themes added, removed or changed (vocabulary entries named), and the passages each theme page counts.
    themes = _changes(before.themes, after.themes, THEME_FIELDS)
    items = [f"- Added: **{_text(theme.title)}** (`{theme.source}`)" for theme in themes.added]
    for theme, names in themes.changed:
        previous = next(item for item in before.themes if item.slug == theme.slug)
        detail = ", ".join(names)
        if "vocabulary" in names:
            old_words = {term.text: term.weight for term in previous.vocabulary}
            new_words = {term.text: term.weight for term in theme.vocabulary}
            plus = [_text(word) for word in new_words if old_words.get(word) != new_words[word]]
            minus = [_text(word) for word in old_words if word not in new_words]
            detail += (
                " ("
                + "; ".join(
                    part
                    for part in (
                        "added or reweighted: " + ", ".join(f'"{word}"' for word in plus) if plus else "",
                        "removed: " + ", ".join(f'"{word}"' for word in minus) if minus else "",
                    )
                    if part
                )
                + ")"
            )
        items.append(f"- Changed: **{_text(theme.title)}** (`{theme.source}`): {detail}")
    items.extend(f"- Removed: **{_text(theme.title)}** (`{theme.source}`)" for theme in themes.removed)
    rows = []
    titles = {theme.slug: theme.title for theme in [*before.themes, *after.themes]}
    slugs = list(dict.fromkeys([theme.slug for theme in after.themes] + [theme.slug for theme in before.themes]))
    counts = [(titles[slug], len(before.classification.on(slug)), len(after.classification.on(slug))) for slug in slugs]
    counts.append(("Other passages", len(before.classification.other()), len(after.classification.other())))
    for title, old, new in counts:
        if old != new:
            rows.append(f"| {_text(title)} | {old} | {new} | {_signed(new - old)} |")
    table = "| Theme | Before | After | Change |\n| --- | ---: | ---: | ---: |"
    return _section("## Themes", items, "Passages on each theme page:", table, rows)


def _section(heading: str, items: list[str], lead: str, table: str, rows: list[str]) -> list[str]:
    # A report section: its heading, the list of changes, then the table of counts that moved; nothing when neither.
    if not (items or rows):
        return []
    lines = [heading + "\n"]
    if items:
        lines.append("\n".join(items) + "\n")
    if rows:
        lines += [lead + "\n", table, "\n".join(rows) + "\n"]
    return lines


# Suggestions and problems


def _suggestions_section(suggestions: Sequence[Suggestion]) -> list[str]:
    lines = ["## Glossary suggestions\n"]
    if not suggestions:
        lines.append("The added and changed articles name nothing that lacks a glossary entry.\n")
        return lines
    lines.append(
        "Names in the added and changed articles that no glossary entry has (checked against each term's "
        "title, slug and aliases). To add one, save its stub as the file named, then write the definition "
        'below the front matter (see CONTRIBUTING, "Add a glossary term").\n'
    )
    for suggestion in suggestions:
        lines.append(f"### {_text(suggestion.name)} ({suggestion.kind})\n")
        first = suggestion.occurrences[0]
        if suggestion.abbr:
            lines.append(f"Defined in `{first.source}` ¶{first.paragraph}:\n")
        else:
            places = "; ".join(
                f"`{source}` "
                + ", ".join(dict.fromkeys(f"¶{o.paragraph}" for o in suggestion.occurrences if o.source == source))
                for source in suggestion.articles
            )
            times = _plural(len(suggestion.occurrences), "time")
            lines.append(f"Named {times} in {_plural(len(suggestion.articles), 'article')}: {places}.\n")
        lines.append(f"> {_text(first.sentence)}\n")
        stub = suggestion.stub()
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", stub)), default=0))
        lines.append(f"`{suggestion.path}`:\n")
        lines.append(f"{fence}markdown\n{stub}{fence}\n")
    return lines


def _problems_section(after: Corpus) -> list[str]:
    # The working tree's problems; then the terms no article mentions, and the other notes, which do not fail it.
    lines = ["## Problems the strict build would report\n"]
    if after.problems:
        lines.append("\n".join(_problem(problem) for problem in after.problems) + "\n")
    else:
        lines.append("None: every article, glossary term and theme file can be used.\n")
    unmentioned = after.unmentioned_terms
    if unmentioned:
        lines.append(f"### Glossary terms no article mentions ({len(unmentioned)})\n")
        lines.append("They do not fail the build; check their aliases if an article should mention them.\n")
        lines.append("\n".join(f"- **{_text(term.title)}** (`{term.source}`)" for term in unmentioned) + "\n")
    # A note that names no file sums up the corpus (the terms mentioned nowhere, listed in full above).
    notes = [note for note in after.notes if note.path]
    if notes:
        lines.append("### Notes\n")
        lines.append("\n".join(_problem(note) for note in notes) + "\n")
    return lines


def _problem(problem: Problem) -> str:
    # A problem as a list item: where, what, and the fix.
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    what = f"field '{problem.field}': {problem.message}" if problem.field else problem.message
    fix = f" **Fix:** {_prose(problem.fix)}" if problem.fix else ""
    return f"- `{where}`: {_prose(what)}{fix}" if where else f"- {_prose(what)}{fix}"


# Text


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _signed(number: int) -> str:
    return f"+{number}" if number > 0 else f"−{-number}" if number < 0 else "0"


def _prose(value: str) -> str:
    # An engine message, whose `code` marks are kept: only what could open HTML, a link or a table cell is escaped.
    return re.sub(r"([<>\[|])", r"\\\1", " ".join(value.split()))


def _text(value: str) -> str:
    # Plain text in Markdown: the characters Markdown would read as markup are escaped.
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(value.split()))


def _git(root: Path, *arguments: str) -> str:
    return _git_bytes(root, *arguments).decode("utf-8", errors="replace")


def _git_bytes(root: Path, *arguments: str) -> bytes:
    # Run git in `root`; its output. A failure is a BaseError naming what git said.
    try:
        result = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, check=False)
    except OSError as error:
        raise BaseError(f"git cannot be run ({error.strerror}): the report reads the base with git.") from None
    if result.returncode and not (arguments[:1] == ("rev-parse",) and "--verify" in arguments):
        said = result.stderr.decode("utf-8", errors="replace").strip() or f"exit status {result.returncode}"
        raise BaseError(f"git {arguments[0]} failed in {root}: {said}")
    return result.stdout
