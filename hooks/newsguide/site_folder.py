"""The site folder while serving: a rebuild rewrites the files it changed, not the whole site.

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
  digest such as BLAKE2 takes twenty times as long, 25 ms a rebuild).
* `sweep`, once the build wrote everything, deletes every file noted by
  `empty` that the build neither wrote nor left alone (its time of writing is
  unchanged): the pages, data and shards of what was removed. Then the folders
  it left empty.

So after each rebuild the folder holds exactly what a clean build writes
(`tests/test_site_folder.py` compares them after adding, editing and removing
articles and terms). Files written by other means (a plugin opening a file
itself) are new by their time of writing and are kept. A build that writes
into a folder without `empty` having been called (a clean build, or
`mkdocs serve --dirty`) sweeps nothing.

This module never imports MkDocs: the adapter puts these methods in place of
MkDocs' `write_file`, `copy_file` and `clean_directory` under `mkdocs serve`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field

__all__ = ["SiteFolder"]


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
        removed: The files the last `sweep` deleted.
    """

    root: str | None = None
    kept: set[str] = field(default_factory=set)
    removed: list[str] = field(default_factory=list)
    _found: dict[str, int] = field(default_factory=dict)  # every file at the start of the build → its stamp
    _written: dict[str, tuple[tuple[int, int], int | None]] = field(default_factory=dict)  # path → bytes, stamp
    _copied: dict[str, tuple[str, int | None, int | None]] = field(default_factory=dict)  # path → source, stamps

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
        digest = (len(content), hash(content))  # this process's: kept in memory only
        last = self._written.get(path)
        if last is not None and last[0] == digest and last[1] == _stamp(path):
            self.kept.add(path)
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(content)
        self._written[path] = (digest, _stamp(path))
        self._copied.pop(path, None)

    def copy(self, source_path: str, output_path: str) -> None:
        """Copy a file, creating the folder; leave the copy alone if neither it nor its source changed since."""
        path = os.path.abspath(output_path)
        if os.path.isdir(path):
            path = os.path.join(path, os.path.basename(source_path))
        source = os.path.abspath(source_path)
        last = self._copied.get(path)
        if last is not None and last == (source, _stamp(source), _stamp(path)):
            self.kept.add(path)
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        shutil.copyfile(source, path)
        self._copied[path] = (source, _stamp(source), _stamp(path))
        self._written.pop(path, None)

    def sweep(self) -> list[str]:
        """End the build: delete the files it did not write, then the folders left empty; return what went."""
        self.removed = []
        for path, stamp in self._found.items():
            if path not in self.kept and _stamp(path) == stamp:
                with contextlib.suppress(OSError):  # a file open elsewhere (Windows) goes next time, as with MkDocs
                    os.remove(path)
                    self.removed.append(path)
                self._written.pop(path, None)
                self._copied.pop(path, None)
        for folder in sorted({os.path.dirname(path) for path in self.removed}, key=len, reverse=True):
            with contextlib.suppress(OSError):
                while folder != self.root and not os.listdir(folder):
                    os.rmdir(folder)
                    folder = os.path.dirname(folder)
        self._found, self.kept = {}, set()
        return self.removed
