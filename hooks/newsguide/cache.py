"""The build cache: each article's `Analysis`, kept by a key of everything it depends on.

A key (`analysis.Reading.key`) is a digest of the article's files, the themes
and glossary settings that change its analysis, and the engine's version. So a
kept analysis is either exactly what the engine would compute now, or never
looked up again: nothing is ever invalidated by hand.

Analyses are kept in memory (a `mkdocs serve` session keeps its `Cache` between
rebuilds) and, when a folder is given, on disk (`.cache/newsguide/`), one
pickled file per article. A file that cannot be read, or holds anything but an
analysis under its own key, is ignored and its analysis recomputed: a cache can
make a build faster, never different. Files whose keys a build did not use are
removed at its end (`prune`), so the folder stays the size of the corpus.

The files are read with `pickle`, which trusts them: the folder is the
project's own working data, like `.venv/`, never taken from elsewhere.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Generic, TypeVar

from .analysis import Analysis

T = TypeVar("T")

#: The cache's folder inside a project, git-ignored and removed by `make clean`.
CACHE_DIR = ".cache/newsguide"


class Store(Generic[T]):
    """Values of one kind by key, in memory and optionally on disk.

    Args:
        folder: Where entries are kept between processes, or None for memory only.
        kind: The values' class: an entry holding anything else is not used.
        layout: Written with every entry: an entry of another layout is not used.
        memory: Keep values in memory too (for `mkdocs serve`, which builds again
            and again in one process); without it, only on disk.
    """

    def __init__(self, folder: Path | None, kind: type[T], layout: str, *, memory: bool = True) -> None:
        self.folder = folder
        self.kind = kind
        self.layout = layout
        self.memory = memory or folder is None
        self._memory: dict[str, T] = {}
        self._used: set[str] = set()
        #: How many analyses this build found kept, and how many it computed.
        self.hits = 0
        self.misses = 0

    def get(self, key: str, *, count: bool = True) -> T | None:
        """The value kept under this key, or None (also when its file cannot be used).

        Args:
            key: The key.
            count: Count the look-up in `hits` or `misses` (not when it is read again).
        """
        self._used.add(key)
        found = self._memory.get(key)
        if found is None and self.folder is not None:
            found = self._read(key)
            if found is not None and self.memory:
                self._memory[key] = found
        if count and found is None:
            self.misses += 1
        elif count:
            self.hits += 1
        return found

    def put(self, key: str, value: T) -> None:
        """Keep a value under its key (on disk too, if the store has a folder)."""
        self._used.add(key)
        if self.memory:
            self._memory[key] = value
        if self.folder is not None:
            self._write(key, value)

    def prune(self) -> None:
        """Forget every entry the build since the last `prune` did not use, in memory and on disk."""
        self._memory = {key: value for key, value in self._memory.items() if key in self._used}
        if self.folder is not None and self.folder.is_dir():
            for path in self.folder.glob("*/*.pickle"):
                if path.stem not in self._used:
                    path.unlink(missing_ok=True)
        self._used = set()
        self.hits = self.misses = 0

    def _path(self, key: str) -> Path:
        # Entries spread over 256 sub-folders, so that no folder holds thousands of files.
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pickle"

    def _read(self, key: str) -> T | None:
        # The entry on disk, if it is readable and is a value of the store's kind under this very key.
        try:
            with self._path(key).open("rb") as file:
                entry = pickle.load(file)
        except Exception:  # missing, truncated, from another engine: recompute
            return None
        kept = isinstance(entry, tuple) and len(entry) == 3 and entry[:2] == (self.layout, key)
        return entry[2] if kept and isinstance(entry[2], self.kind) else None

    def _write(self, key: str, value: T) -> None:
        # Write whole or not at all: to a temporary file, then renamed over the entry.
        path = self._path(key)
        temporary = ""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as file:
                temporary = file.name
                pickle.dump((self.layout, key, value), file, pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError:  # a read-only or full disk: the build goes on without keeping it
            if temporary:
                Path(temporary).unlink(missing_ok=True)


class Cache(Store[Analysis]):
    """Articles' analyses by key, in memory and optionally on disk.

    Args:
        folder: Where entries are kept between processes, or None for memory only.
    """

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__(folder, Analysis, "newsguide-analysis-1")
