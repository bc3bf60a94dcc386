"""Score many ledgers, in one process or several, yielding results in input order.

Pool workers leave Ctrl-C to the parent, and end with it however it ends (even SIGKILL):
on Linux the kernel kills them when the parent dies (PR_SET_PDEATHSIG), elsewhere a thread
in each worker watches for its parent to change. If the batch stops early (an interrupt, an
error, the consumer closing the generator), pending work is cancelled and workers are ended.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from ..engine import score
from ..errors import BranchcheckError, one_line
from ..limits import FileTimer
from ..loading import read_ledger
from ..models.rubric import Rubric
from .aggregate import branch_row, rubric_meta
from .rows import BranchRow, ErrorRecord, RubricMeta, pickled_by_fields

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

Fragment = Callable[..., Any]  # (result, row) -> whatever the format spools per branch


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    rubric: str | None
    fragment: Fragment


class Jobs(Sequence[Job]):
    """A batch's jobs, each made when it is sent: 100,000 files keep only their names."""

    def __init__(self, paths: list[str], rubric: str | None, fragment: Fragment) -> None:
        self.paths, self.rubric, self.fragment = paths, rubric, fragment

    def __len__(self) -> int:
        return len(self.paths)

    def __iter__(self) -> Iterator[Job]:  # Sequence's own goes through __getitem__: 1 us a job
        rubric, fragment = self.rubric, self.fragment
        return (Job(path, rubric, fragment) for path in self.paths)

    @overload
    def __getitem__(self, index: int) -> Job: ...
    @overload
    def __getitem__(self, index: slice) -> list[Job]: ...
    def __getitem__(self, index: int | slice) -> Job | list[Job]:
        if isinstance(index, slice):
            return [Job(p, self.rubric, self.fragment) for p in self.paths[index]]
        return Job(self.paths[index], self.rubric, self.fragment)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Scored:
    path: str
    meta: RubricMeta | None = None
    row: BranchRow | None = None
    fragment: Any = None
    errors: list[ErrorRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rubric_file: str | None = None  # the rubric file read: commands that write protect it
    internal: str | None = None  # a bug met while scoring: `Type: message` (exit 3)
    trace: str | None = None  # its traceback, for BRANCHCHECK_DEBUG


# Per process, by the rubric object's id. Each entry holds its rubric: the loader's cache may
# let a rubric go (it keeps 32), and a new rubric at the old one's address must not get the
# old one's tiers (an internal error seen in a long test process).
_META: dict[int, tuple[Rubric, RubricMeta]] = {}
META_KEPT = 64  # a process scoring against many rubrics starts over


def _meta(rubric: Rubric) -> RubricMeta:
    entry = _META.get(id(rubric))
    if entry is None or entry[0] is not rubric:
        if len(_META) >= META_KEPT:
            _META.clear()
        entry = _META[id(rubric)] = (rubric, rubric_meta(rubric))
    return entry[1]


def score_one(job: Job, timer: FileTimer) -> Scored:
    """Load, score and pre-render one ledger; a bad ledger becomes error records, never a raise."""
    try:
        timer.start(job.path)  # no file holds a worker forever
        try:
            loaded = read_ledger(Path(job.path), job.rubric)
            result = score(loaded.rubric, loaded.ledger)
        finally:
            timer.stop()
        meta = _meta(loaded.rubric)
        row = branch_row(result, meta, job.path)
        return Scored(
            job.path,
            meta,
            row,
            job.fragment(result, row),
            warnings=[str(w) for w in loaded.warnings],
            rubric_file=str(loaded.rubric_file),
        )
    except BranchcheckError as exc:
        # Escaped here, once: every format shows them, and a file name may not even be UTF-8.
        errors = [
            ErrorRecord(one_line(d.file), d.line, d.col, one_line(d.message))
            for d in exc.diagnostics
        ]
        return Scored(job.path, errors=errors)
    except Exception as exc:  # a bug: carried to the parent (it may be in another process)
        import traceback

        return Scored(
            job.path, internal=f"{type(exc).__name__}: {exc}", trace=traceback.format_exc()
        )


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with_parent() -> bool:
    """Ask Linux to SIGKILL this process when its parent ends; False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def init_worker(parent: int) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle; end when the parent ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _die_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the death signal was asked for
        os._exit(1)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End a pool now: cancel what is queued, end the workers, do not wait for their work."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=2)
    # Wait for the pool's manager thread to close its wake-up pipe. Otherwise, on Python
    # 3.11, the interpreter's exit hook may write to that pipe just as the thread closes it,
    # printing `OSError: [Errno 9] Bad file descriptor` after our last line. Newer
    # Pythons guard the pipe with a lock (CPython gh-125451).
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(timeout=5)


def score_all(jobs: Iterable[Job]) -> Generator[Scored, None, None]:
    """Each job scored in turn, each within its time bound."""
    with FileTimer() as timer:
        for job in jobs:
            yield score_one(job, timer)


def score_chunk(chunk: list[Job]) -> list[Scored]:
    return list(score_all(chunk))


def _chunks(jobs: Sequence[Job], size: int) -> Iterator[list[Job]]:
    for start in range(0, len(jobs), size):
        yield list(jobs[start : start + size])


def run(
    jobs: Sequence[Job], workers: int, progress: Callable[[], None] | None = None
) -> Generator[Scored, None, None]:
    """Results in the order of `jobs`, whatever the number of workers."""
    # Scoring allocates many short-lived, acyclic objects: the cyclic collector only costs time.
    gc.freeze()
    gc.disable()
    try:
        if workers <= 1 or len(jobs) < 2:
            with closing(score_all(jobs)) as outcomes:
                for outcome in outcomes:
                    yield outcome
                    if progress:
                        progress()
            return
        from concurrent.futures import ProcessPoolExecutor  # ~14 ms: only when a pool is used

        chunk = max(1, min(64, len(jobs) // (workers * 8)))
        pool = ProcessPoolExecutor(
            max_workers=workers, initializer=init_worker, initargs=(os.getpid(),)
        )
        try:
            # Two chunks in flight per worker (the one it scores, the next one waiting), sent
            # as earlier ones come back: the whole batch is never queued at once (pool.map
            # would make every job and future first), and the results waiting their turn in
            # the parent (some 1 MB a chunk of JSON results) stay few.
            chunks = _chunks(jobs, chunk)
            pending: deque[Future[list[Scored]]] = deque(
                pool.submit(score_chunk, part) for part in islice(chunks, workers * 2)
            )
            while pending:
                done = pending.popleft().result()
                part = next(chunks, None)
                if part is not None:
                    pending.append(pool.submit(score_chunk, part))
                for outcome in done:
                    yield outcome
                    if progress:
                        progress()
        except BaseException:  # interrupted, or closed by the consumer (GeneratorExit)
            _stop(pool)
            raise
        pool.shutdown()
    finally:
        gc.enable()
        gc.unfreeze()
