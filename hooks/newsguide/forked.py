"""Run a function in a forked child process and collect its result.

`start` forks a child that runs the work while the parent goes on with its
own; the function it returns reads the child's result. It is how the corpus
uses the machine's second core (MkDocs uses one) for work that needs only
what is already loaded.

Safety:

- The result crosses a pipe pickled, so it must be plain data (numbers,
  strings, tuples, lists): objects of the model would come back as copies,
  not the parent's own. The caller rebuilds its objects from the data.
- The child only computes: it neither logs nor touches MkDocs, writes its
  result to the pipe, and leaves with `os._exit` (no `atexit` handlers, no
  flushing of the parent's buffers). Everything the work needs must be
  imported before `start`, so the child never takes the import lock.
- That is also why forking while another thread runs (the livereload thread
  of `mkdocs serve`) is fine: only the forking thread exists in the child,
  and the child takes no lock that such a thread could have held.
- Any failure falls back to running the work in the parent: no `os.fork`
  (Windows), fork refused, the work raising in the child, the child killed,
  a result that does not pickle or arrives cut short. The same work run in
  the parent then gives the result, or raises the real error.
- The parent reads the pipe to its end before it waits for the child (a
  result can be megabytes, more than a pipe holds), and always waits, so no
  zombie is left.
"""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Callable
from typing import TypeVar, cast

T = TypeVar("T")


def start(work: Callable[[], T], *, worth_forking: bool = True) -> Callable[[], T]:
    """Start `work` in a forked child; return the function that collects its result.

    Args:
        work: What to compute; it must return plain, picklable data.
        worth_forking: False when the work is too small to pay for a fork
            (a few milliseconds): it then runs in this process, when collected.

    Returns:
        A function that returns what `work` returned: the child's result, or,
        if the child could not deliver it, the result of running `work` in
        this process. Call it exactly once, also when the parent's own work
        fails (`try`/`finally`): it reaps the child, which cannot finish
        writing a large result until it is read.
    """
    fork = getattr(os, "fork", None)
    if not worth_forking or fork is None:
        return work
    reader, writer = os.pipe()
    try:
        pid = fork()
    except OSError:
        os.close(reader)
        os.close(writer)
        return work
    if pid == 0:  # pragma: no cover - runs in the child, which leaves by os._exit
        os.close(reader)
        _run_child(work, writer)
    os.close(writer)

    def collect() -> T:
        received = _receive(reader, pid)
        if received is None:
            return work()
        return cast(T, received[0])  # what `work` returned, pickled and read back

    return collect


def _run_child(work: Callable[[], object], writer: int) -> None:  # pragma: no cover - runs in the child
    # Compute and send the pickled result, then leave without returning into the parent's code.
    # Whatever goes wrong (the work raises, the result does not pickle) exits with status 1.
    status = 1
    try:
        gc.disable()  # the child is short-lived: a collection would only copy the parent's memory pages
        data = pickle.dumps(work(), pickle.HIGHEST_PROTOCOL)
        with open(writer, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)


def _receive(reader: int, pid: int) -> tuple[object] | None:
    # Read the child's result to the end, then reap the child; None if it did not deliver.
    try:
        with open(reader, "rb") as pipe:
            data = pipe.read()
    finally:
        _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    try:
        return (pickle.loads(data),)
    except Exception:  # cut short or unreadable: compute it here instead
        return None
