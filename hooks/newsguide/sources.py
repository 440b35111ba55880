"""Reading contributor files: bytes to text, and front matter to a mapping.

Every loader goes through here, so every file gets the same checks and the
same wording when something is wrong: the encoding, stray binary data, line
endings, and YAML that does not parse.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from .problems import Problem, SourceError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<fields>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def read_text(path: Path, name: str) -> str:
    r"""Read a contributor file as UTF-8 text with `\n` line endings.

    A UTF-8 byte-order mark is dropped and CRLF or lone CR line endings become
    LF, because editors add them silently and they mean nothing to a reader.

    Args:
        path: The file on disk.
        name: How to name the file in a problem (relative to the project).

    Returns:
        The decoded text.

    Raises:
        SourceError: The file is UTF-16, binary, or not valid UTF-8.
    """
    return decode_text(path.read_bytes(), name)


def decode_text(data: bytes, name: str) -> str:
    """Decode a contributor file's bytes as `read_text` does.

    Raises:
        SourceError: The data is UTF-16, binary, or not valid UTF-8.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SourceError(Problem(name, "the file is UTF-16 text.", "Save it as UTF-8 (without a byte-order mark)."))
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SourceError(
            Problem(
                name,
                "the file contains NUL bytes, so it is binary data, not text.",
                "Replace it with the article as plain UTF-8 text.",
                line=line,
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(
            Problem(
                name,
                f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x} cannot be decoded); "
                "it may be Latin-1 or Windows-1252 text, or binary data.",
                "Re-save the file with the UTF-8 encoding.",
                line=line,
            )
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        raise SourceError(
            Problem(
                name,
                f"the file contains the control character U+{ord(control.group()):04X}, "
                "which is not text a reader can see.",
                "Remove it, or re-export the article as plain text.",
                line=text.count("\n", 0, control.start()) + 1,
            )
        )
    return text


def field_line(text: str, key: str) -> int:
    """The line on which a top-level field starts, for problem reports.

    Args:
        text: A Markdown file with front matter (only the front matter is
            searched, so a body line that looks like a field never counts), or
            a YAML file.
        key: The field's name.

    Returns:
        The 1-based line, or 0 when the field is not there.
    """
    front = _FRONT_MATTER.match(text)
    region = front.group() if front else text
    found = re.search(rf"^{re.escape(key)}[ \t]*:", region, re.MULTILINE)
    return region.count("\n", 0, found.start()) + 1 if found else 0


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str, int]:
    """Split YAML front matter from a Markdown file's body.

    Args:
        text: The whole file, as returned by `read_text`.
        name: How to name the file in a problem.

    Returns:
        The front matter (empty when there is none), the body, and the line of
        the file on which the body starts.

    Raises:
        SourceError: The YAML does not parse, or is not a mapping of fields.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1
    body_line = text.count("\n", 0, match.end()) + 1
    return parse_fields(match.group("fields"), name, first_line=2), text[match.end() :], body_line


def parse_fields(source: str, name: str, first_line: int = 1) -> dict[str, Any]:
    """Parse YAML `field: value` lines: a front matter block or a whole metadata file.

    Args:
        source: The YAML text.
        name: How to name the file in a problem.
        first_line: The line of the file on which `source` starts, so that
            problems name the file's own line numbers.

    Returns:
        The fields (empty when there are none).

    Raises:
        SourceError: The YAML does not parse, or is not a mapping of fields.
    """
    try:
        metadata = YAMLHandler().load(source)
    except yaml.YAMLError as error:
        # A flow collection left open is reported where the file ends; its start is more useful.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "the YAML could not be read"
        raise SourceError(
            Problem(
                name,
                f"the {'front matter' if first_line > 1 else 'file'} is not valid YAML: {problem}.",
                "Check the indentation, and quote values that contain a colon or start with a "
                "special character such as [, {, *, & or '.",
                line=first_line + (mark.line if mark is not None else 0),
            )
        ) from None
    if metadata is None:
        return {}
    if not isinstance(metadata, dict):
        raise SourceError(
            Problem(
                name,
                f"the {'front matter' if first_line > 1 else 'file'} is not a list of `field: value` lines.",
                "Write one `field: value` per line"
                + (" between the two `---` lines." if first_line > 1 else ", e.g. `date: 2025-03-24`."),
                line=first_line,
            )
        )
    return dict(metadata)
