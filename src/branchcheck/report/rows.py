"""What each branch sends back from being scored: its compact row and its errors, and what
a report knows of a rubric. They cross the process pool's pipe and the spool on disk, so each
pickles as its constructor's arguments (a row's arrays as raw doubles).
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, fields
from sys import intern
from typing import TypeVar

from ..models.result import NormResult, RectificationResult

T = TypeVar("T")


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle a slotted dataclass as its constructor's arguments. The spool and the pool's
    pipe carry every branch's records; dataclasses' own pickling of slots walks `fields()`
    in Python for each object, and took 3 times as long (15 us a row to load, now 5)."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

    def __reduce__(self: T) -> tuple[type[T], tuple[object, ...]]:
        return cls, tuple(getattr(self, name) for name in names)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class CostlyNorm:
    id: str
    name: str
    lost: float


@dataclass(frozen=True, slots=True)
class BranchRow:
    file: str
    rubric: str
    id: str
    name: str
    parent: str
    start: str
    end: str
    score: float
    tier_id: str
    tier_name: str
    tier_rank: int  # index in the rubric's tier list, 0 = lowest
    vetoes: tuple[str, ...]
    next_tier: str | None
    short_by: float | None
    blockers: tuple[str, ...]
    costliest: tuple[CostlyNorm, ...]
    dimension_earned: array[float]  # per dimension, in the rubric's order (meta.dimensions)
    norm_shares: array[float]  # earned / points per norm, rubric order; NaN: not applicable
    standard_shares: array[float]  # the same per work norm (meta.standards), if the rubric has them
    # What blocks the next tier, in words (the result's next_tier.blocker_texts), and whether
    # that tier has a score line at all.
    blocker_texts: tuple[str, ...] = ()
    next_min_score: float | None = None
    # The ledger's rectification items (整改) and their status at the period's end.
    rectifications: tuple[RectificationResult, ...] = ()


_ROW_FIELDS = tuple(f.name for f in fields(BranchRow))
_ROW_ARRAYS = tuple(
    _ROW_FIELDS.index(name) for name in ("dimension_earned", "norm_shares", "standard_shares")
)
_ROW_COSTLIEST = _ROW_FIELDS.index("costliest")


def _row_reduce(self: BranchRow) -> tuple[object, tuple[object, ...]]:
    """A row pickles as its fields, its arrays as their raw doubles and its costliest norms as
    plain tuples: an array pickles through `array._array_reconstructor` (1.7 us each to dump,
    as long to load), bytes in 0.2; a row took 9.5 us to dump, now 5."""
    values = [getattr(self, name) for name in _ROW_FIELDS]
    for index in _ROW_ARRAYS:
        values[index] = values[index].tobytes()
    values[_ROW_COSTLIEST] = tuple((c.id, c.name, c.lost) for c in self.costliest)
    return _row_from, tuple(values)


def _row_from(*values: object) -> BranchRow:
    fixed = list(values)
    for index in _ROW_ARRAYS:
        doubles = array("d")
        doubles.frombytes(fixed[index])  # type: ignore[arg-type]
        fixed[index] = doubles
    fixed[_ROW_COSTLIEST] = tuple(CostlyNorm(*c) for c in fixed[_ROW_COSTLIEST])  # type: ignore[attr-defined]
    return BranchRow(*fixed)  # type: ignore[arg-type]


BranchRow.__reduce__ = _row_reduce  # type: ignore[assignment,method-assign]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ErrorRecord:
    file: str
    line: int
    col: int
    message: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class NormMeta:
    id: str
    name: str
    dimension: str
    points: float
    bonus: bool
    requirement: str
    standard: str | None = None  # the work norm (工作规范) this check item belongs to


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class RubricMeta:
    """What a report needs to know of a rubric, small enough to send between processes."""

    id: str
    version: str
    name: str
    tiers: tuple[tuple[str, str], ...]  # (id, name), lowest first
    dimensions: tuple[tuple[str, str], ...]  # (id, name)
    norms: tuple[NormMeta, ...]
    standards: tuple[NormMeta, ...] = ()  # work norms with their points, for rubrics that group

    def standard_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.standards}


def costliest(lost: list[tuple[float, NormResult]], limit: int = 3) -> tuple[CostlyNorm, ...]:
    """The norms that lost the most points, largest first, from (points lost, norm) in the
    rubric's order: the norms not bonus, applicable and under their points (`branch_row`
    picks them in its one pass over the norms)."""
    lost.sort(key=lambda c: -c[0])  # stable: equal losses keep rubric order
    # Named only for the few kept (a ledger loses points on a dozen norms).
    return tuple(CostlyNorm(intern(n.id), intern(n.name), points) for points, n in lost[:limit])
