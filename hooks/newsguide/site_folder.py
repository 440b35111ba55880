"""The site folder build after build: a build rewrites the files it changed, not the whole site.

A static site generator empties its output folder before every build and
writes it anew. Under `mkdocs serve` that is every edit: at 100 articles
about 600 files and 250 folders, created again although nearly all of them
come out byte for byte as before. Creating files is what a disk does slowest,
and its speed varies most (on a shared machine 0.1 to 1.3 ms a file within
minutes), so emptying and refilling the folder cost a served edit 0.4 s or
more, as much as the engine's whole share of a rebuild.

`SiteFolder` stands in for the three file operations of a build:

* `empty` no longer empties: it notes every file the folder holds and when it
  was last written (`os.stat`'s nanoseconds).
* `write` (content for a path) and `copy` (a file to a path) leave a file
  alone when it already holds what they would write: the same bytes written
  by this folder last time, or a copy of a source file that has not changed
  since. Anything else is written. The bytes are compared by their length
  and Python's own 64-bit hash, not read back: for a changed file to go
  unnoticed, two of them would have to collide, a chance of one in 2**64 (a
  digest such as BLAKE2 takes twenty times as long, 25 ms a rebuild). A file
  this folder did not write, found by `empty` (the first build of a new
  process: `mkdocs build` after an edit), is read back and compared byte for
  byte: reading the 4,000 files of a site of 1,000 articles takes a tenth of
  the time writing them again does.
* `sweep`, once the build wrote everything, deletes every file noted by
  `empty` that the build neither wrote nor left alone (its time of writing is
  unchanged): the pages, data and shards of what was removed. Then the folders
  it left empty.

So after each rebuild the folder holds exactly what a clean build writes
(`tests/test_serve.py` compares them after editing, adding and removing
articles and terms). Files written by other means (a plugin opening a file
itself) are new by their time of writing and are kept. A build that writes
into a folder without `empty` having been called (`mkdocs build --dirty`, or
`mkdocs serve --dirty`) sweeps nothing.

This module never imports MkDocs: the adapter puts these methods in place of
MkDocs' `write_file`, `copy_file` and `clean_directory` for every build, once,
when it first configures one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field

__all__ = ["SiteFolder"]


def _holds(path: str, content: bytes) -> bool:
    # Whether a file holds exactly these bytes (read back: it was written by another process).
    try:
        with open(path, "rb") as file:
            return file.read(len(content) + 1) == content
    except OSError:
        return False


def _stamp(path: str) -> int | None:
    # When a file was last written, in nanoseconds; None when there is no such file.
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


@dataclass
class SiteFolder:
    """One site folder, written again build after build (see the module's description).

    Attributes:
        root: The folder, once `empty` was called.
        kept: The files the current build left alone, as they held what it would write.
    """

    root: str | None = None
    kept: set[str] = field(default_factory=set)
    _found: dict[str, int] = field(default_factory=dict)  # every file at the start of the build → its stamp
    #: Each file this folder wrote → what it holds (its bytes' length and hash, or its source and the source's
    #: stamp) and its own stamp once written.
    _last: dict[str, tuple[object, int | None]] = field(default_factory=dict)

    def empty(self, directory: str) -> None:
        """Begin a build into `directory`: note its files, where MkDocs would remove them."""
        self.root, self.kept, self._found = os.path.abspath(directory), set(), {}
        for folder, folders, names in os.walk(self.root):
            folders[:] = [name for name in folders if not name.startswith(".")]  # as MkDocs, hidden files stay
            for name in (name for name in names if not name.startswith(".")):
                path = os.path.join(folder, name)
                if (stamp := _stamp(path)) is not None:
                    self._found[path] = stamp

    def write(self, content: bytes, output_path: str) -> None:
        """Write `content` to a file, creating its folder; leave the file alone if it holds these bytes already."""
        path = os.path.abspath(output_path)
        holds = (len(content), hash(content))  # this process's hash: kept in memory only
        if self._unchanged(path, holds):
            return
        if path in self._found and path not in self._last and _holds(path, content):
            self.kept.add(path)
            self._last[path] = (holds, self._found[path])
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(content)
        self._last[path] = (holds, _stamp(path))

    def copy(self, source_path: str, output_path: str) -> None:
        """Copy a file, creating the folder; leave the copy alone if neither it nor its source changed since."""
        path = os.path.abspath(output_path)
        if os.path.isdir(path):
            path = os.path.join(path, os.path.basename(source_path))
        source = os.path.abspath(source_path)
        holds = (source, _stamp(source))
        if self._unchanged(path, holds):
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        shutil.copyfile(source, path)
        self._last[path] = (holds, _stamp(path))

    def sweep(self) -> list[str]:
        """End the build: delete the files it did not write, then the folders left empty; return what went."""
        removed = []
        for path, stamp in self._found.items():
            if path not in self.kept and _stamp(path) == stamp:
                with contextlib.suppress(OSError):  # a file open elsewhere (Windows) goes next time, as with MkDocs
                    os.remove(path)
                    removed.append(path)
                self._last.pop(path, None)
        for folder in sorted({os.path.dirname(path) for path in removed}, key=len, reverse=True):
            with contextlib.suppress(OSError):
                while folder != self.root and not os.listdir(folder):
                    os.rmdir(folder)
                    folder = os.path.dirname(folder)
        self._found, self.kept = {}, set()
        return removed

    def _unchanged(self, path: str, holds: object) -> bool:
        # Whether the file holds what this folder last put there, untouched since; noted as kept if so.
        if self._last.get(path) != (holds, _stamp(path)):
            return False
        self.kept.add(path)
        return True
