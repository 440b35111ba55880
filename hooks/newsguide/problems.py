"""Problems with contributors' files, worded for the person who has to fix them.

A problem names the file (and the line where there is one), says what is wrong
and how to fix it. Loaders raise `SourceError`; the corpus collects them so that
one bad file never hides the others or the rest of the site.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """What is wrong with one contributor file.

    Attributes:
        path: The file, relative to the project root (e.g. `seeds/x.txt`).
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
        return f"{where}: {what}" + (f" Fix: {self.fix}" if self.fix else "")


class SourceError(Exception):
    """Raised by a loader when a contributor file cannot be used as it is."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
