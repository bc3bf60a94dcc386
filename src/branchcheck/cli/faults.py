"""Every way a run can end, as one line on stderr and one exit code (README's table).

0 done; 1 a gate failed, or `validate` found an invalid rubric; 2 bad input or usage (and
output that cannot be written); 3 an internal error (a bug); 130 interrupted (SIGINT);
141 the reader of standard output went away (128 + SIGPIPE, as a shell reports it).
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable

from ..errors import BranchcheckError, one_line
from ..gates import GateUsageError

DONE, GATE_FAILED, BAD_INPUT, INTERNAL, INTERRUPTED, BROKEN_PIPE = 0, 1, 2, 3, 130, 141


class UsageError(Exception):
    """A bad option: `branchcheck: error: OPTION: MESSAGE`, exit 2."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(f"{option}: {message}")
        self.option = option
        self.message = message


class StdoutError(Exception):
    """Standard output cannot be written (closed, full): exit 2, not a bug."""

    def __init__(self, cause: BaseException) -> None:
        reason = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(cause)
        super().__init__(reason)
        self.reason = reason


class InternalFault(Exception):
    """A bug met where it could not simply propagate (in a pool worker): exit 3."""

    def __init__(self, message: str, trace: str | None = None) -> None:
        super().__init__(message)
        self.trace = trace


class Interrupted(Exception):
    """SIGINT, carried past click (which would print a blank line and call it Abort)."""


class ReaderGone(Exception):
    """EPIPE on stdout, carried past click (which would exit 1, the failed-gate code)."""


def shielded(body: Callable[[], int]) -> int:
    """Run a command's body so that click does not remap an interrupt or a broken pipe."""
    try:
        return body()
    except KeyboardInterrupt:
        raise Interrupted from None
    except BrokenPipeError:
        raise ReaderGone from None


def _line(text: str) -> None:
    if sys.stderr is not None:
        print(one_line(text), file=sys.stderr, flush=True)  # whatever user text it quotes


class _ClosedOutput(io.RawIOBase):
    """Stands for a standard output the shell closed (`>&-`): every write fails with EBADF."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


def prepare_standard_streams() -> None:
    """Keep descriptors 0-2 taken (so no file we open lands on them), and give Python a
    stdout that fails on write when the shell closed it, instead of None."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            spare = os.open(os.devnull, os.O_RDWR)
            if spare != fd:
                os.dup2(spare, fd)
                os.close(spare)
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_ClosedOutput()), encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # a GBK console must not crash a report


def _silence_stdout() -> None:
    """After stdout failed: let nothing more (not even the exit's flush) try to write to it."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError, AttributeError):  # not a real descriptor (tests, closed)
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _print_error(exc: BranchcheckError) -> None:
    for d in exc.diagnostics:
        if d.file.startswith("--") and (d.line, d.col) == (1, 1):  # an option, not a file
            _line(f"branchcheck: {d.level}: {d.file}: {d.message}")
        else:
            _line(str(d))


def _internal(message: str, trace: str | None = None) -> int:
    if trace and os.environ.get("BRANCHCHECK_DEBUG") and sys.stderr is not None:
        print(trace.rstrip("\n"), file=sys.stderr, flush=True)  # many lines: asked for
    _line(
        f"branchcheck: internal error: {message} "
        "(please report it; rerun with BRANCHCHECK_DEBUG=1 for details)"
    )
    return INTERNAL


def guarded(body: Callable[[], int]) -> int:
    """Run `body` and map whatever it raises to one stderr line and an exit code."""
    try:
        return body()
    except BranchcheckError as exc:
        _print_error(exc)
        return exc.exit_code
    except UsageError as exc:
        _line(f"branchcheck: error: {exc.option}: {exc.message}")
        return BAD_INPUT
    except GateUsageError as exc:
        _line(f"branchcheck: error: {exc.option}: {exc.message}")
        return BAD_INPUT
    except StdoutError as exc:
        _silence_stdout()
        _line(f"branchcheck: error: cannot write to standard output: {exc.reason}")
        return BAD_INPUT
    except (KeyboardInterrupt, Interrupted):
        _line("branchcheck: interrupted")
        return INTERRUPTED
    except (BrokenPipeError, ReaderGone):
        # The reader went away (`| head`): quiet, as the shell would be; stop Python's own
        # complaint at exit too.
        _silence_stdout()
        return BROKEN_PIPE
    except InternalFault as exc:
        return _internal(str(exc), exc.trace)
    except Exception as exc:  # a bug: one line, never a traceback, unless asked for
        if os.environ.get("BRANCHCHECK_DEBUG"):
            raise
        return _internal(f"{type(exc).__name__}: {exc}")
