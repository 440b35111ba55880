"""Problems with contributors' files, worded for the person who has to fix them.

A problem names the file (and the line where there is one), says what is wrong
and how to fix it. A loader checks the whole of a file before it gives up on
it, and raises one `SourceError` carrying every problem it found, so that a
contributor sees them all in one build; the corpus collects them so that one
bad file never hides the others or the rest of the site. Where a value names
something that does not exist (a kind, a field, a term's or theme's slug),
`did_you_mean` offers the closest name that does.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

#: How alike (0 to 1, as `difflib` measures) a value and a name must be for `did_you_mean` to offer the
#: name: 'organization' and 'organisation' are 0.92 alike, 'asea' and 'asean' 0.89, while 'auther' and
#: 'date' (0.6) are not alike enough to suggest.
CLOSE_ENOUGH = 0.75


@dataclass(frozen=True)
class Problem:
    """What is wrong with one contributor file.

    Attributes:
        path: The file, relative to the project root (e.g. `seeds/x.txt`), or
            "" for a note about several files.
        message: What is wrong, in plain words.
        fix: How to put it right.
        line: 1-based line in the file, or 0 when no single line is at fault.
        field: The front-matter field at fault, or "".
    """

    path: str
    message: str
    fix: str = ""
    line: int = 0
    field: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"field '{self.field}': {self.message}" if self.field else self.message
        return (f"{where}: " if where else "") + what + (f" Fix: {self.fix}" if self.fix else "")


class SourceError(Exception):
    """Raised by a loader when a contributor file cannot be used as it is.

    Attributes:
        problems: Every problem found in the file (and in a file read with
            it, such as an article's sidecar), at least one, file by file in
            the order of their lines (those about the whole file first).
    """

    def __init__(self, *problems: Problem) -> None:
        if not problems:
            raise ValueError("a SourceError needs at least one problem")
        self.problems = tuple(sorted(problems, key=lambda problem: (problem.path, problem.line)))
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @property
    def problem(self) -> Problem:
        """The first problem found."""
        return self.problems[0]


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """A hint naming the choice closest to a value that is not one of them, for a problem's fix.

    Case is ignored when comparing (`Organization` is close to `organisation`).

    Args:
        value: What the contributor wrote.
        choices: The values that would have been right.

    Returns:
        `"Did you mean 'organisation'? "` (with a trailing space, to go before
        the rest of a fix), or "" when no choice is close enough.
    """
    if not isinstance(value, str) or not value.strip():
        return ""
    folded: dict[str, str] = {}
    for choice in choices:
        folded.setdefault(choice.casefold(), choice)
    close = difflib.get_close_matches(value.strip().casefold(), list(folded), n=1, cutoff=CLOSE_ENOUGH)
    return f"Did you mean '{folded[close[0]]}'? " if close else ""
