"""Parsing a seed file into an `Article`.

Two kinds of seed are accepted:

* a raw scraped `.txt`, kept verbatim. Its parts are found by rules that hold
  for scraped news pages in general: the first line is the headline; a short
  "by …" line near the top is the byline and the block before it the
  standfirst (without a byline, no block is guessed to be one: it stays in the
  body, where nothing is lost); trailing
  "Author: …" and disclaimer blocks are set apart; trailing share/navigation
  prompts ("Share the Post:", "Latest") are scrape debris and dropped. Facts
  the text lacks (date, source URL, publisher, overrides) live in a sidecar
  `<name>.yml` beside it.
* a `.md` file with YAML front matter (title, author, date, source_url,
  publisher, …) and a Markdown body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from .markdown_body import markdown_plain_text
from .model import Article, Paragraph
from .problems import Problem, SourceError, did_you_mean
from .sentences import split_sentences
from .sources import field_line, parse_fields, read_text, split_front_matter

#: Fields a `.md` article's front matter (or a `.txt` article's sidecar) may hold.
ARTICLE_FIELDS = {
    "title": "the headline (required in a .md article)",
    "standfirst": "the one- or two-sentence summary under the headline",
    "author": "the author's name",
    "date": "publication date, YYYY-MM-DD (or YYYY-MM when only the month is known)",
    "source_url": "the address where the article was published",
    "publisher": "who published it",
    "pin": "paragraph number → list of theme slugs the paragraph must be on",
    "exclude": "paragraph number → list of theme slugs the paragraph must not be on",
}
_SIDECAR_FIELDS = {"date", "source_url", "publisher", "pin", "exclude"}

_BYLINE = re.compile(r"^by\s+(?P<name>\S.{0,80})$", re.IGNORECASE)
_AUTHOR_NOTE = re.compile(r"^(?:about the author|author)\s*:\s*(?P<note>\S.*)$", re.IGNORECASE | re.DOTALL)
_DISCLAIMER = re.compile(
    r"\b(?:reflects?|represents?|are|is)\s+(?:solely\s+)?(?:the\s+)?(?:author|writer)s?['’]?s?\s+own\b"
    r"|\b(?:views|opinions)\s+expressed\b"
    r"|\bnot\s+necessarily\s+(?:reflect\s+)?(?:the\s+)?(?:views|opinions|position)\b",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(r"\b(?:views|opinions|position|policy)\s+of\s+(?P<name>[^.]+?)\s*\.?\s*$", re.IGNORECASE)
_DEBRIS = re.compile(
    r"^(?:share(?:\s+(?:the|this))?(?:\s+(?:post|article|story|page))?|latest(?:\s+(?:news|posts|articles))?"
    r"|related(?:\s+(?:posts|articles|stories))?|read\s+more|more\s+from\s+.{1,40}|tags?|categories"
    r"|you\s+may\s+also\s+like|follow\s+us.{0,40}|advertisement|print|email|comments?)\s*[:.…]?\s*$",
    re.IGNORECASE,
)
_WHITESPACE = re.compile(r"\s+")
_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines: the raw unit before it is known what it is."""

    text: str
    line: int


def load_article(path: Path, root: Path, slug: str) -> Article:
    """Load one seed file into an `Article`.

    Args:
        path: The seed file (`.txt` or `.md`).
        root: The project root, to name files relative to it in problems.
        slug: The unique slug the corpus gave this article.

    Returns:
        The parsed article.

    Raises:
        SourceError: The file, or its sidecar, cannot be used as it is; it
            carries every problem found in both.
    """
    name = path.relative_to(root).as_posix()
    if path.suffix == ".md":
        text = read_text(path, name)
        front, body, body_line = split_front_matter(text, name)
        head = "\n".join(text.split("\n", body_line - 1)[: body_line - 1])
        return parse_markdown_article(front, body, PurePosixPath(name), slug, body_line, head)
    problems: list[Problem] = []
    sidecar = path.with_suffix(".yml")
    metadata: dict[str, Any] = {}
    if sidecar.exists():
        try:
            metadata = load_sidecar(sidecar, sidecar.relative_to(root).as_posix())
        except SourceError as error:
            problems.extend(error.problems)
    try:
        article = parse_text_article(read_text(path, name), PurePosixPath(name), slug, metadata)
    except SourceError as error:
        problems.extend(error.problems)
    if problems:
        raise SourceError(*problems)
    return article


def load_sidecar(path: Path, name: str) -> dict[str, Any]:
    """Read and check the YAML sidecar that carries a `.txt` article's metadata.

    Raises:
        SourceError: The sidecar does not parse, or fields are unknown or of
            the wrong type: one problem for each, naming the sidecar and the
            line of the value at fault.
    """
    text = read_text(path, name)
    metadata = parse_fields(text, name)
    problems: list[Problem] = []
    for key in metadata:
        if key not in _SIDECAR_FIELDS:
            known = sorted(_SIDECAR_FIELDS)
            problems.append(
                Problem(
                    name,
                    f"unknown field '{key}'.",
                    f"{did_you_mean(key, known)}Use only {', '.join(known)}; the text itself stays in the .txt file.",
                    line=field_line(text, key),
                    field=key,
                )
            )
    known_fields = {key: value for key, value in metadata.items() if key in _SIDECAR_FIELDS}
    _check_fields(known_fields, name, problems, text)  # a bad value is reported against the sidecar and its line
    if problems:
        raise SourceError(*problems)
    return metadata


def parse_text_article(text: str, source: PurePosixPath, slug: str, metadata: dict[str, Any] | None = None) -> Article:
    """Parse a raw scraped article into its parts.

    Args:
        text: The file's text (LF line endings).
        source: The seed's path relative to the project root.
        slug: The article's slug.
        metadata: Fields from the sidecar file, if any.

    Returns:
        The parsed article.

    Raises:
        SourceError: The text is empty or has a title and no body, or a
            field of `metadata` is wrong (every problem found).
    """
    name = source.as_posix()
    problems: list[Problem] = []
    fields = _check_fields(metadata or {}, name, problems)
    blocks = _blocks(text)
    if not blocks:
        problems.append(
            Problem(
                name,
                "the file is empty (or holds only whitespace).",
                "Paste the article's text into it, or delete the file.",
            )
        )
        raise SourceError(*problems)
    first = blocks[0]
    title, _, rest = first.text.partition("\n")
    blocks[0:1] = [Block(rest, first.line + 1)] if rest.strip() else []

    tail = _split_tail(blocks)
    author_note = disclaimer = ""
    for block in tail:
        note = _AUTHOR_NOTE.match(block.text)
        if note:
            author_note = _fold(note.group("note"))
        elif _DISCLAIMER.search(block.text):
            disclaimer = _fold(block.text)

    byline = author = standfirst = ""
    head = next((i for i, block in enumerate(blocks[:3]) if _BYLINE.match(block.text)), None)
    if head is not None:
        byline = _fold(blocks[head].text)
        author = _BYLINE.match(byline).group("name").strip()  # type: ignore[union-attr]
        standfirst = " ".join(_fold(block.text) for block in blocks[:head])
        blocks = blocks[head + 1 :]
    if not blocks:
        problems.append(
            Problem(
                name,
                "the article has a title but no body paragraphs.",
                "Add the article's text below the headline, with a blank line between paragraphs.",
                line=first.line,
            )
        )
    if problems:
        raise SourceError(*problems)

    publisher = str(fields.get("publisher") or "")
    if not publisher and disclaimer:
        found = _PUBLISHER.search(disclaimer)
        publisher = found.group("name").strip() if found else ""
    return Article(
        slug=slug,
        source=source,
        title=_fold(title),
        standfirst=str(fields.get("standfirst") or standfirst),
        author=str(fields.get("author") or author),
        byline=byline,
        body=_paragraphs(blocks),
        author_note=author_note,
        disclaimer=disclaimer,
        publisher=publisher,
        date=fields.get("date"),
        date_precision=fields.get("date_precision", "day"),
        source_url=str(fields.get("source_url") or ""),
        pins=fields.get("pin", {}),
        excludes=fields.get("exclude", {}),
    )


def parse_markdown_article(
    metadata: dict[str, Any], body: str, source: PurePosixPath, slug: str, body_line: int = 1, head: str = ""
) -> Article:
    """Build an article from a `.md` seed's front matter and Markdown body.

    Args:
        metadata: The front matter's fields.
        body: The Markdown after the front matter.
        source: The seed's path relative to the project root.
        slug: The article's slug.
        body_line: The line of the file on which `body` starts.
        head: The file's lines before the body, to name a bad field's line.

    Raises:
        SourceError: Fields are missing, unknown or of the wrong type, or the
            body is empty: one problem for each, at the line of the value at
            fault.
    """
    name = source.as_posix()
    problems: list[Problem] = []
    fields = _check_fields(metadata, name, problems, head)
    title = metadata.get("title")
    if title is None or (isinstance(title, str) and not title.strip()):
        problems.append(
            Problem(
                name,
                "the front matter has no title.",
                "Add a line `title: The headline` to the front matter.",
                line=field_line(head, "title") or 1,
                field="title",
            )
        )
    blocks = [Block(b.text, b.line + body_line - 1) for b in _blocks(body)]
    if not blocks:
        problems.append(
            Problem(
                name,
                "the article has front matter but no body text.",
                "Write the article below the closing `---`.",
                line=body_line,
            )
        )
    if problems:
        raise SourceError(*problems)
    return Article(
        slug=slug,
        source=source,
        title=_fold(str(fields["title"])),
        standfirst=_fold(str(fields.get("standfirst") or "")),
        author=str(fields.get("author") or ""),
        body=_markdown_paragraphs(blocks),
        publisher=str(fields.get("publisher") or ""),
        date=fields.get("date"),
        date_precision=fields.get("date_precision", "day"),
        source_url=str(fields.get("source_url") or ""),
        markdown=True,
        pins=fields.get("pin", {}),
        excludes=fields.get("exclude", {}),
    )


def _check_fields(metadata: dict[str, Any], name: str, problems: list[Problem], source: str = "") -> dict[str, Any]:
    # Validate article metadata: known fields only, each of the right type. Each problem is added to
    # `problems`, and the fields returned are those that passed. `source` is the YAML as written (lines
    # numbered as in the file), to name the line of a bad value.
    checked: dict[str, Any] = {}
    for key, value in metadata.items():
        try:
            checked[key] = _check_field(key, value, name, source)
        except SourceError as error:
            problems.extend(error.problems)
    if isinstance(metadata.get("date"), str) and _MONTH.fullmatch(metadata["date"]):
        checked["date_precision"] = "month"
    return {key: value for key, value in checked.items() if value is not None}


def _check_field(key: Any, value: Any, name: str, source: str) -> Any:
    # One metadata field's value, checked (and a datetime made a date); None when left empty.
    line = field_line(source, str(key))
    if key not in ARTICLE_FIELDS:
        known = sorted(ARTICLE_FIELDS)
        raise SourceError(
            Problem(
                name,
                f"unknown field '{key}'.",
                f"{did_you_mean(key, known)}Use only these fields: {', '.join(known)}.",
                line,
                str(key),
            )
        )
    if value is None:
        return None
    if key == "date":
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str) and (month := _MONTH.fullmatch(value)):
            # Only the month is known: keep its first day; `_check_fields` records the precision.
            value = dt.date(int(month.group(1)), int(month.group(2)), 1)
        if not isinstance(value, dt.date):
            raise SourceError(
                Problem(
                    name,
                    f"'{value}' is not a date.",
                    "Write the date as YYYY-MM-DD, e.g. 2025-03-24, or YYYY-MM when only the month is known.",
                    line,
                    key,
                )
            )
    elif key in ("pin", "exclude"):
        value = _check_overrides(value, name, key, source)
    elif not isinstance(value, str):
        raise SourceError(
            Problem(
                name,
                f"expected text, found {type(value).__name__} ({value!r}).",
                f"Write `{key}:` followed by plain text; quote it if needed.",
                line,
                key,
            )
        )
    elif key == "source_url" and not re.match(r"https?://\S+$", value):
        raise SourceError(
            Problem(
                name, f"'{value}' is not a web address.", "Give the full address, starting with https://.", line, key
            )
        )
    return value


def _check_overrides(value: Any, name: str, key: str, source: str) -> dict[int, tuple[str, ...]]:
    # An override maps paragraph numbers to lists of theme slugs; each bad entry is reported at its own line.
    example = f"{key}:\n  3: [economics]"
    if not isinstance(value, dict):
        raise SourceError(
            Problem(
                name,
                "expected paragraph numbers mapped to theme lists.",
                f"Write it like:\n{example}",
                field_line(source, key),
                key,
            )
        )
    overrides: dict[int, tuple[str, ...]] = {}
    problems: list[Problem] = []
    for number, themes in value.items():
        if isinstance(themes, str):
            themes = [themes]
        if (
            not isinstance(number, int)
            or number < 1
            or not isinstance(themes, list | tuple)
            or not all(isinstance(t, str) for t in themes)
        ):
            problems.append(
                Problem(
                    name,
                    f"entry '{number}' must be a paragraph number (1, 2, …) with a list of theme slugs.",
                    f"Write it like:\n{example}",
                    field_line(source, key, number),
                    key,
                )
            )
            continue
        overrides[number] = tuple(themes)
    if problems:
        raise SourceError(*problems)
    return overrides


def _blocks(text: str) -> list[Block]:
    # Split text into runs of non-blank lines; with no blank line at all, each line is a block.
    lines = text.split("\n")
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append(Block("\n".join(current), start))
            current = []
    if current:
        blocks.append(Block("\n".join(current), start))
    if len(blocks) == 1 and "\n" in blocks[0].text:
        first = blocks[0]
        return [Block(line, first.line + i) for i, line in enumerate(first.text.split("\n"))]
    return blocks


def _split_tail(blocks: list[Block]) -> list[Block]:
    # Remove and return the trailing author note, disclaimer and scrape debris.
    tail: list[Block] = []
    while len(blocks) > 1:
        block = blocks[-1]
        text = _fold(block.text)
        if _DEBRIS.match(text):
            blocks.pop()
        elif _AUTHOR_NOTE.match(block.text) or (_DISCLAIMER.search(text) and len(text) < 400):
            tail.insert(0, blocks.pop())
        else:
            break
    return tail


def _paragraphs(blocks: list[Block]) -> tuple[Paragraph, ...]:
    # Number the body blocks and split each into sentences.
    paragraphs = []
    for number, block in enumerate(blocks, start=1):
        text = _fold(block.text)
        paragraphs.append(Paragraph(number, text, split_sentences(text), block.line))
    return tuple(paragraphs)


def _markdown_paragraphs(blocks: list[Block]) -> tuple[Paragraph, ...]:
    # Number Markdown blocks; their sentences come from the text a reader sees.
    paragraphs = []
    for number, block in enumerate(blocks, start=1):
        text = markdown_plain_text(block.text)
        paragraphs.append(Paragraph(number, text, split_sentences(text), block.line, block.text))
    return tuple(paragraphs)


def _fold(text: str) -> str:
    # Fold runs of whitespace (line breaks included) into single spaces.
    return _WHITESPACE.sub(" ", text).strip()
