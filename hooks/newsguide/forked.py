"""Run a function in a forked child process and collect its result.

`start` forks a child that runs the work while the parent goes on with its
own; the function it returns reads the child's result. It is how the corpus
uses the machine's second core (MkDocs uses one) for work that needs only
what is already loaded.

Safety:

- The result comes back pickled, so it must be plain data (numbers,
  strings, tuples, lists, dicts): objects of the model would come back as
  copies, not the parent's own. The caller rebuilds its objects from the data.
- The child only computes: it neither logs nor touches MkDocs, writes its
  result to an anonymous temporary file, and leaves with `os._exit` (no
  `atexit` handlers, no flushing of the parent's buffers). Everything the
  work needs must be imported before `start`, so the child never takes the
  import lock.
- A file rather than a pipe: a result can be megabytes, more than a pipe
  holds, and a child writing to a pipe would wait until the parent reads. With
  a file the child finishes on its own while the parent is busy, and the
  parent reads the whole result once the child has exited.
- That is also why forking while another thread runs (the livereload thread
  of `mkdocs serve`) is fine: only the forking thread exists in the child,
  and the child takes no lock that such a thread could have held.
- Any failure falls back to running the work in the parent: no `os.fork`
  (Windows), fork refused, the work raising in the child, the child killed,
  a result that does not pickle or cannot be written (a full disk). The same
  work run in the parent then gives the result, or raises the real error.
- The parent always waits for the child, so no zombie is left.
"""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
from collections.abc import Callable
from typing import IO, Generic, TypeVar, cast

T = TypeVar("T")


class Collect(Generic[T]):
    """The result of work started by `start`: call it once to get the result, or `discard` it.

    Args:
        work: The work, run in this process when no child delivers its result.
        pid: The child computing it, if one was forked.
        result: The file the child writes its result to.
    """

    def __init__(self, work: Callable[[], T], pid: int | None = None, result: IO[bytes] | None = None) -> None:
        self._work = work
        self._pid = pid
        self._result = result

    def __call__(self) -> T:
        """What `work` returned: the child's result, or, if it could not deliver it, `work` run here."""
        received = self._reap(read=True)
        if received is None:
            return self._work()
        return cast(T, received[0])  # what `work` returned, pickled and read back

    def discard(self) -> None:
        """Drop the result unread: reap the child, and run nothing here."""
        self._reap(read=False)

    def _reap(self, *, read: bool) -> tuple[object] | None:
        # Reap the child (once), then read back what it wrote; None if it did not deliver.
        pid, result, self._pid, self._result = self._pid, self._result, None, None
        if pid is None or result is None:
            return None
        with result:
            _, status = os.waitpid(pid, 0)
            if not read or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
                return None
            result.seek(0)
            data = result.read()
        try:
            return (pickle.loads(data),)
        except Exception:  # unreadable: compute it here instead
            return None


def start(work: Callable[[], T], *, worth_forking: bool = True) -> Collect[T]:
    """Start `work` in a forked child; return what collects its result.

    Args:
        work: What to compute; it must return plain, picklable data.
        worth_forking: False when the work is too small to pay for a fork
            (a few milliseconds): it then runs in this process, when collected.

    Returns:
        What returns the result when called. Call it (or its `discard`)
        exactly once, also when the parent's own work fails (`try`/`finally`):
        it reaps the child and closes its result.
    """
    fork = getattr(os, "fork", None)
    if not worth_forking or fork is None:
        return Collect(work)
    result = tempfile.TemporaryFile()  # noqa: SIM115 - `Collect` closes it, in this process
    try:
        pid = fork()
    except OSError:
        result.close()
        return Collect(work)
    if pid == 0:  # pragma: no cover - runs in the child, which leaves by os._exit
        _run_child(work, result)
    return Collect(work, pid, result)


def _run_child(work: Callable[[], object], result: IO[bytes]) -> None:  # pragma: no cover - runs in the child
    # Compute and write the pickled result, then leave without returning into the parent's code.
    # Whatever goes wrong (the work raises, the result does not pickle or write) exits with status 1.
    status = 1
    try:
        gc.disable()  # the child is short-lived: a collection would only copy the parent's memory pages
        result.write(pickle.dumps(work(), pickle.HIGHEST_PROTOCOL))
        result.flush()
        status = 0
    finally:
        os._exit(status)
