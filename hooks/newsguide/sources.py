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


try:  # PyYAML's safe loader in C (libyaml), where the installed PyYAML has it: ten times faster
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - PyYAML's wheels carry libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


class _Loader(_SafeLoader):
    """PyYAML's safe loader, except that a date that does not exist (`2025-13-01`) stays text.

    The safe loader raises a bare `ValueError` for it, with no line; kept as
    text, it is reported like any other value that is not a date.
    """


def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> object:
    # A YAML timestamp as a date or datetime, or as the text written when no such day exists.
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


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


def field_line(text: str, key: str, *within: str | int) -> int:
    """The line of a top-level field, or of one value inside it, for problem reports.

    Args:
        text: A Markdown file with front matter (only the front matter is
            searched, so a body line that looks like a field never counts), or
            a YAML file.
        key: The field's name.
        *within: Where inside the field's value: list positions (from 0) and
            mapping keys, one per level. `("aliases", 2)` is the third alias,
            `("pin", 3)` the entry for paragraph 3 of `pin`, and `("links", 0,
            "url")` the address of the first link. A single value written
            where a list is expected counts as its position 0.

    Returns:
        The 1-based line of that value (of its key, inside a mapping); the
        field's own line when the value is not there or the YAML does not
        parse; 0 when the field is not there.
    """
    front = _FRONT_MATTER.match(text)
    region = front.group() if front else text
    found = re.search(rf"^{re.escape(key)}[ \t]*:", region, re.MULTILINE)
    if not found:
        return 0
    line = region.count("\n", 0, found.start()) + 1
    if not within:
        return line
    source, first_line = (front.group("fields"), 2) if front else (text, 1)
    inner = _value_line(source, (key, *within))
    return first_line + inner if inner >= 0 else line


def _value_line(source: str, path: tuple[str | int, ...]) -> int:
    # The 0-based line of the YAML node at `path` (mapping keys and list positions), or -1.
    try:
        node: yaml.Node | None = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return -1
    line = -1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            pair = next((pair for pair in node.value if pair[0].value == str(step)), None)
            if pair is None:
                return -1
            line, node = pair[0].start_mark.line, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line
        elif isinstance(node, yaml.ScalarNode) and step == 0:
            line = node.start_mark.line
        else:
            return -1
    return line


def line_count(text: str) -> int:
    """How many lines a file has, as an editor numbers them (at least 1).

    Args:
        text: The file's text.
    """
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str, int]:
    """Split YAML front matter from a Markdown file's body.

    Args:
        text: The whole file, as returned by `read_text`.
        name: How to name the file in a problem.

    Returns:
        The front matter (empty when there is none), the body, and the line of
        the file on which the body starts (the file's last line when the body
        is empty, so that a problem with it never names a line past the end).

    Raises:
        SourceError: The YAML does not parse, or is not a mapping of fields.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1
    body_line = min(text.count("\n", 0, match.end()) + 1, line_count(text))
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
        metadata = YAMLHandler().load(source, Loader=_Loader)
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
