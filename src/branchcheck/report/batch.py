"""Score many ledgers, in one process or several, yielding results in input order."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..engine import score
from ..errors import BranchcheckError
from ..loading import read_ledger
from ..models.rubric import Rubric
from .aggregate import branch_row, rubric_meta
from .model import BranchRow, ErrorRecord, RubricMeta

Fragment = Callable[..., Any]  # (result, row) -> whatever the format spools per branch


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    rubric: str | None
    fragment: Fragment


@dataclass(frozen=True, slots=True)
class Scored:
    path: str
    meta: RubricMeta | None = None
    row: BranchRow | None = None
    fragment: Any = None
    errors: list[ErrorRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_META: dict[int, RubricMeta] = {}  # per process: rubrics are loaded once and cached


def _meta(rubric: Rubric) -> RubricMeta:
    meta = _META.get(id(rubric))
    if meta is None:
        meta = _META[id(rubric)] = rubric_meta(rubric)
    return meta


def score_one(job: Job) -> Scored:
    """Load, score and pre-render one ledger; a bad ledger becomes error records, never a raise."""
    try:
        loaded = read_ledger(Path(job.path), job.rubric)
        result = score(loaded.rubric, loaded.ledger)
        meta = _meta(loaded.rubric)
        row = branch_row(result, meta, job.path)
        return Scored(
            job.path,
            meta,
            row,
            job.fragment(result, row),
            warnings=[str(w) for w in loaded.warnings],
        )
    except BranchcheckError as exc:
        errors = [ErrorRecord(d.file, d.line, d.col, d.message) for d in exc.diagnostics]
        return Scored(job.path, errors=errors)
    except Exception as exc:  # a bug must not sink the whole batch
        return Scored(
            job.path,
            errors=[
                ErrorRecord(
                    job.path,
                    1,
                    1,
                    f"internal error: {type(exc).__name__}: {exc} (please report it)",
                )
            ],
        )


def run(
    jobs: list[Job], workers: int, progress: Callable[[], None] | None = None
) -> Iterator[Scored]:
    """Results in the order of `jobs`, whatever the number of workers."""
    # Scoring allocates many short-lived, acyclic objects: the cyclic collector only costs time.
    gc.freeze()
    gc.disable()
    try:
        if workers <= 1 or len(jobs) < 2:
            outcomes: Iterator[Scored] = map(score_one, jobs)
            for outcome in outcomes:
                yield outcome
                if progress:
                    progress()
            return
        chunk = max(1, min(64, len(jobs) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for outcome in pool.map(score_one, jobs, chunksize=chunk):
                yield outcome
                if progress:
                    progress()
    finally:
        gc.enable()
        gc.unfreeze()
