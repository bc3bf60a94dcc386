"""A time bound per input file, so no file can hold a command (or a batch worker) forever.

Files are at most 5 MB and every step is meant to be linear, but a hostile file may still find
a slow path (a huge ledger of members who join and leave daily, say). Past FILE_SECONDS the
file is refused with one line, like any other bad input. Uses SIGALRM, so it bounds work on
the main thread of a POSIX process (the CLI and each batch worker); elsewhere it does nothing.
The Python API (`load_ledger`, `score`) stays free of signals: only the commands use this.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .errors import BranchcheckError

FILE_SECONDS = float(os.environ.get("BRANCHCHECK_FILE_SECONDS", "60"))


class FileTimer:
    """The bound for many files one after another (a batch): the SIGALRM handler is set once,
    and each file only arms and clears the timer. `time_limit` around every ledger took
    0.035 ms a ledger in a 545-ledger batch (a generator context, and two `signal.signal`
    calls, each converting the old handler to an enum by raising and catching a ValueError);
    this takes 0.006.
    """

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = FILE_SECONDS if seconds is None else seconds
        self.usable = (
            hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and self.seconds > 0
        )
        self.name = ""
        self._previous: Any = None

    def __enter__(self) -> FileTimer:
        if self.usable:
            self._previous = signal.signal(signal.SIGALRM, self._expire)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)

    def start(self, name: str) -> None:
        """Bound the work on `name` from now until `stop`."""
        self.name = name
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def stop(self) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def _expire(self, signum: int, frame: object) -> None:
        raise BranchcheckError.at(
            self.name,
            1,
            1,
            f"took longer than {self.seconds:g} s to read and score; is this file what you"
            " meant? (BRANCHCHECK_FILE_SECONDS sets the limit)",
        )


@contextmanager
def time_limit(name: str, seconds: float | None = None) -> Iterator[None]:
    """Raise BranchcheckError for `name` if the block runs longer than `seconds` (default
    FILE_SECONDS)."""
    with FileTimer(seconds) as timer:
        timer.start(name)
        try:
            yield
        finally:
            timer.stop()
