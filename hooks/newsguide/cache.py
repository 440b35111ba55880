"""The build cache: each article's `Analysis`, kept by a key of everything it depends on.

A key (`analysis.Reading.key`) is a digest of the article's files, the themes
and glossary settings that change its analysis, and the engine's version. So a
kept analysis is either exactly what the engine would compute now, or never
looked up again: nothing is ever invalidated by hand.

Analyses are kept in memory (a `mkdocs serve` session keeps its `Cache` between
rebuilds) and, when a folder is given, on disk (`.cache/newsguide/`), in one
SQLite database (`entries.sqlite3`): a table of key, layout and pickled value.
One database rather than one file an entry: creating a file took 0.8 ms on a
CI runner's disk, four seconds for the 5,800 entries of a cold build at 1,000
articles, and an entry is written in a twentieth of that. Each entry is its
own transaction, so a build that stops half-way leaves whole entries only; the
database is not synced to disk after each one (`synchronous=OFF`), as a cache
may lose its last entries in a power cut but is never trusted blindly: an
entry that cannot be read, or holds anything but a value of the store's kind
under its own key and layout, is ignored and recomputed, and a file that is no
database is replaced. A cache can make a build faster, never different.
Entries whose keys a build did not use are removed at its end (`prune`), so
the database stays the size of the corpus.

The values are read with `pickle`, which trusts them: the folder is the
project's own working data, like `.venv/`, never taken from elsewhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import pickle
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from .analysis import Analysis

T = TypeVar("T")
R = TypeVar("R")

#: The cache's folder inside a project, git-ignored and removed by `make clean`.
CACHE_DIR = ".cache/newsguide"
#: The database inside a store's folder.
DATABASE = "entries.sqlite3"
#: While serving, an entry in a part is kept as long as one of this many last builds used it (`Cache.entries`).
ENTRY_BUILDS = 10
#: How long a build waits for another process that is writing to the same database.
_BUSY_SECONDS = 10.0
#: One table: an entry's key, the layout it was written in, and its value pickled with its key.
_TABLE = "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, layout TEXT NOT NULL, value BLOB NOT NULL)"
_INSERT = "INSERT OR REPLACE INTO entries VALUES (?, ?, ?)"


def digest(*parts: object) -> str:
    """A key: the SHA-256 of the parts, written as JSON (anything JSON cannot write, as text)."""
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Store(Generic[T]):
    """Values of one kind by key, in memory and optionally on disk.

    Args:
        folder: Where entries are kept between processes (in its `DATABASE`), or None for memory only.
        kind: The values' class: an entry holding anything else is not used.
        layout: Written with every entry: an entry of another layout is not used.
        memory: Keep values in memory too (for `mkdocs serve`, which builds again
            and again in one process); without it, only on disk.
        builds: A value is forgotten once none of the last `builds` builds
            (each ended by `prune`) used it: 1 for values that a build either
            uses or no longer needs; more for values that only some builds
            look up (see `Cache.entries`).
    """

    def __init__(
        self, folder: Path | None, kind: type[T], layout: str, *, memory: bool = True, builds: int = 1
    ) -> None:
        self.folder = folder
        self.kind = kind
        self.layout = layout
        self.memory = memory or folder is None
        self.builds = builds
        self._memory: dict[str, T] = {}
        self._used: set[str] = set()
        self._last_used: dict[str, int] = {}  # with `builds` above 1: key → the number of the last build using it
        self._pruned = 0
        self._database: sqlite3.Connection | None = None
        #: How many analyses this build found kept, and how many it computed.
        self.hits = 0
        self.misses = 0

    def get(self, key: str, *, count: bool = True) -> T | None:
        """The value kept under this key, or None (also when its entry cannot be used).

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

    def taken_or_made(self, key: str, make: Callable[[], T]) -> T:
        """The value kept under this key; else the one `make` gives, kept from now on."""
        found = self.get(key)
        if found is None:
            found = make()
            self.put(key, found)
        return found

    def put(self, key: str, value: T) -> None:
        """Keep a value under its key (on disk too, if the store has a folder)."""
        self._used.add(key)
        if self.memory:
            self._memory[key] = value
        if self.folder is not None:
            self._write(key, value)

    def keep(self, key: str) -> None:
        """Keep the entry under this key, if there is one, through the next `prune`, without reading it."""
        self._used.add(key)

    def prune(self) -> None:
        """End a build: forget every entry that none of the last `builds` builds used, in memory and on disk."""
        if self.builds > 1:
            self._pruned += 1
            self._last_used.update(dict.fromkeys(self._used, self._pruned))
            self._last_used = {key: n for key, n in self._last_used.items() if n > self._pruned - self.builds}
            self._used = set(self._last_used)
        self._memory = {key: value for key, value in self._memory.items() if key in self._used}
        if self.folder is not None:
            self._execute(self._forget_unused)
        self._used = set()
        self.hits = self.misses = 0

    def close(self) -> None:
        """Close the database, if it is open (it opens again when next used)."""
        if self._database is not None:
            self._database.close()
            self._database = None

    def _read(self, key: str) -> T | None:
        # The entry on disk, if it is readable and is a value of the store's kind under this key and layout.
        row = self._execute(lambda db: db.execute("SELECT layout, value FROM entries WHERE key = ?", (key,)).fetchone())
        if not row or row[0] != self.layout:
            return None
        try:
            entry = pickle.loads(row[1])
        except Exception:  # truncated, or from another engine: recompute
            return None
        kept = isinstance(entry, tuple) and len(entry) == 2 and entry[0] == key and isinstance(entry[1], self.kind)
        return entry[1] if kept else None

    def _write(self, key: str, value: T) -> None:
        # One entry, in a transaction of its own: a build that stops leaves it whole or absent.
        blob = pickle.dumps((key, value), pickle.HIGHEST_PROTOCOL)
        self._execute(lambda db: db.execute(_INSERT, (key, self.layout, blob)))

    def _forget_unused(self, db: sqlite3.Connection) -> None:
        # Delete the entries whose keys the build did not use.
        db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
        db.execute("DELETE FROM used")
        db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((key,) for key in self._used))
        db.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM used)")

    def _execute(self, work: Callable[[sqlite3.Connection], R]) -> R | None:
        # Run `work` on the database; a file that is no database is replaced once, and a disk that
        # cannot hold it (read-only, full, locked too long) only means the build keeps nothing.
        for attempt in range(2):
            try:
                return work(self._open())
            except sqlite3.DatabaseError as error:  # "file is not a database": made anew, once
                self.close()
                if attempt or isinstance(error, sqlite3.OperationalError):
                    return None
                self._remove()
            except OSError:
                return None
        return None

    def _open(self) -> sqlite3.Connection:
        # The store's database, opened (and made) on first use.
        if self._database is None:
            assert self.folder is not None
            self.folder.mkdir(parents=True, exist_ok=True)
            database = sqlite3.connect(
                self.folder / DATABASE, timeout=_BUSY_SECONDS, isolation_level=None, check_same_thread=False
            )
            try:
                database.execute("PRAGMA journal_mode = WAL")
                database.execute("PRAGMA synchronous = OFF")
                database.execute(_TABLE)
            except sqlite3.Error:
                database.close()
                raise
            self._database = database
        return self._database

    def _remove(self) -> None:
        # Delete a damaged database and its journal files, so that the next use makes a new one.
        assert self.folder is not None
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                (self.folder / (DATABASE + suffix)).unlink()


class Cache(Store[Analysis]):
    """Articles' analyses by key, in memory and optionally on disk; and the parts of pages made from them.

    Attributes:
        parts: Text made from several analyses (a page of a theme's passages, a
            term's pages), by a key of those analyses' keys (see `Corpus.made`):
            after one article's edit, what does not quote it is not made again.
        entries: With `memory`, each article's entry in a part that a build
            after the first made again (see `Corpus.entry`), by a key of the
            article's: the next edit of the same article makes its own entries
            again, not the others'. Memory only, and only for parts made
            again, so that the first build does not hold every entry twice.
            An entry is looked up only when a part holding it is made again,
            so it is kept while one of the last `ENTRY_BUILDS` builds used it:
            an article's edit after a term's or a theme's takes the entries
            the article's last edit made.
        rebuilding: Whether a build already ended (`prune`): from then on,
            a part made is a part made again.

    Args:
        folder: Where entries are kept between processes, or None for memory only.
        memory: Keep the parts in memory too (for `mkdocs serve`); analyses always are.
    """

    def __init__(self, folder: Path | None = None, *, memory: bool = True) -> None:
        super().__init__(folder, Analysis, "newsguide-analysis-1")
        parts = folder / "parts" if folder else None
        self.parts: Store[dict[str, str]] = Store(parts, dict, "newsguide-parts-1", memory=memory)
        self.entries: Store[str] | None = (
            Store(None, str, "newsguide-entries-1", builds=ENTRY_BUILDS) if memory else None
        )
        self.rebuilding = False

    def prune(self) -> None:
        """Forget every analysis, part and entry the build since the last `prune` did not use."""
        super().prune()
        self.parts.prune()
        if self.entries is not None:
            self.entries.prune()
        self.rebuilding = True

    def close(self) -> None:
        """Close both databases."""
        super().close()
        self.parts.close()
