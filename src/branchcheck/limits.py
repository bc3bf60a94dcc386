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

from .errors import BranchcheckError

FILE_SECONDS = float(os.environ.get("BRANCHCHECK_FILE_SECONDS", "60"))


@contextmanager
def time_limit(name: str, seconds: float | None = None) -> Iterator[None]:
    """Raise BranchcheckError for `name` if the block runs longer than `seconds` (default
    FILE_SECONDS)."""
    if seconds is None:
        seconds = FILE_SECONDS
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and seconds > 0
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise BranchcheckError.at(
            name,
            1,
            1,
            f"took longer than {seconds:g} s to read and score; is this file what you meant?"
            " (BRANCHCHECK_FILE_SECONDS sets the limit)",
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
