"""What a batch report is made of: one compact row per branch, and the batch's aggregates.

Rows stay small (no records, no details) so that a batch of ten thousand ledgers never
holds ten thousand results; the per-branch detail each format needs is rendered as soon as
a ledger is scored and spooled to disk.
"""

from __future__ import annotations

import calendar
import datetime as dt
from array import array
from collections import Counter
from collections.abc import KeysView
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import chain
from sys import intern
from typing import TypeVar

from ..models.result import NormResult, RectificationResult, RectificationStatus
from .spool import RowStore

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


@dataclass(slots=True)
class NormStat:
    id: str
    name: str
    dimension: str
    points: float
    bonus: bool = False
    applicable: int = 0
    met: int = 0
    lost: float = 0.0

    @property
    def share(self) -> float | None:
        return self.met / self.applicable if self.applicable else None


@dataclass(slots=True)
class OrgTally:
    """A 机关's rectification items (整改): the branches that have any, and items by status."""

    name: str
    branches: set[str] = field(default_factory=set)
    statuses: Counter[RectificationStatus] = field(default_factory=Counter)


@dataclass(slots=True)
class OrgStat:
    name: str
    branches: int = 0
    score_sum: float = 0.0
    tiers: dict[str, int] = field(default_factory=dict)
    above_floor: int = 0  # branches above the rubric's lowest tier

    @property
    def mean(self) -> float:
        return round(self.score_sum / self.branches, 2) if self.branches else 0.0


PERIOD_KINDS = {12: "年度", 6: "半年度", 3: "季度", 1: "月度"}


@lru_cache(maxsize=256)  # asked once a ledger, of the few periods a batch has (dates parsed)
def period_kind(start: str, end: str) -> tuple[str, int]:
    """What kind of period a ledger covers, as a group's heading names it (`年度`, `季度`,
    `5个月`, `100天`), and its length in days (longer kinds are listed first)."""
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return "", 0
    days = (last - first).days + 1
    if first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        return PERIOD_KINDS.get(months, f"{months}个月"), days
    return f"{days}天", days


@dataclass(slots=True)
class RubricSummary:
    """Everything a report says about the branches scored against one rubric, over periods
    of one kind: means and tier counts never pool an annual with a quarterly ledger.

    Its figures are kept up to date branch by branch (aggregate.add); the rows themselves are
    parked on disk (`store`), so a batch's memory does not grow with it: `rows` reads them back
    for the formats that list every branch.
    """

    meta: RubricMeta
    kind: str = ""  # the period kind (period_kind): 年度, 季度…
    span: int = 0  # its length in days
    split: bool = False  # the batch has this rubric over periods of another kind too
    count: int = 0
    tier_counts: dict[str, int] = field(default_factory=dict)
    scores: array[float] = field(default_factory=lambda: array("d"))
    organisations: dict[str, OrgStat] = field(default_factory=dict)
    norms: dict[str, NormStat] = field(default_factory=dict)
    standards: dict[str, NormStat] = field(default_factory=dict)
    # The same stats in the rubric's order, as each row's shares are (aggregate._count).
    norm_order: list[NormStat] = field(default_factory=list)
    standard_order: list[NormStat] = field(default_factory=list)
    store: RowStore = field(default_factory=RowStore)
    # Per 机关, counted as rows come: the JSON report's 整改 counts read no row back.
    rectifications: dict[str, OrgTally] = field(default_factory=dict)
    repeated_ids: set[str] = field(default_factory=set)  # branches with more than one ledger
    period_counts: dict[tuple[str, str], int] = field(default_factory=dict)
    # What the same period twice is warned of with, kept small for a province's batch (one
    # entry a branch, no tuple; 100 bytes a ledger less than a (branch id, start) key): every
    # branch id -> the file of its ledger for the group's first period start (`main_start`),
    # None if it has none; ledgers for other starts by (branch id, start) -> the first file.
    main_start: str = ""
    ids: dict[str, str | None] = field(default_factory=dict)
    other_starts: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def rows(self) -> list[BranchRow]:
        """Every branch's row, in input order (read back from disk once, then kept)."""
        return self.store.rows()

    @property
    def mean(self) -> float:
        return round(sum(self.scores) / len(self.scores), 2) if self.scores else 0.0

    @property
    def branch_ids(self) -> KeysView[str]:
        return self.ids.keys()

    @property
    def branches(self) -> int:
        """Distinct branches (a branch with an annual and a quarterly ledger is one)."""
        return len(self.ids)

    @property
    def repeated(self) -> frozenset[str]:
        """The ids of branches with more than one ledger here (their rows need a period)."""
        return frozenset(self.repeated_ids)

    def periods(self) -> dict[tuple[str, str], int]:
        """Ledgers per period (start, end), earliest first."""
        return _ordered_periods(self.period_counts)

    @property
    def median(self) -> float:
        n = len(self.scores)
        if not n:
            return 0.0
        middle = n // 2
        value = (
            _nth(self.scores, middle)
            if n % 2
            else (_nth(self.scores, middle - 1) + _nth(self.scores, middle)) / 2
        )
        return round(value, 2)

    def weakest_norms(self) -> list[NormStat]:
        """Norms by the share of branches that met them, weakest first; bonus norms, and norms
        that applied nowhere, last."""
        return _weakest(self.norms, self.meta.norms)

    def weakest_standards(self) -> list[NormStat]:
        """The same for the work norms (工作规范) the check items add up to."""
        return _weakest(self.standards, self.meta.standards)


def _weakest(stats: dict[str, NormStat], metas: tuple[NormMeta, ...]) -> list[NormStat]:
    order = {meta.id: i for i, meta in enumerate(metas)}
    return sorted(
        stats.values(),
        key=lambda n: (n.bonus, n.share is None, n.share or 0.0, -n.lost, order[n.id]),
    )


@dataclass(slots=True)
class Summary:
    # One group per rubric and period kind (aggregate.group_key), rubrics in the order first
    # met, within a rubric the longest periods first.
    rubrics: dict[str, RubricSummary] = field(default_factory=dict)
    errors: list[ErrorRecord] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(r.count for r in self.rubrics.values())

    @property
    def rubric_ids(self) -> list[str]:
        """The rubrics scored, in the order first met (a rubric may have several groups)."""
        return list(dict.fromkeys(g.meta.id for g in self.rubrics.values()))

    def close(self) -> None:
        """Let go of the rows parked on disk."""
        for group in self.rubrics.values():
            group.store.close()

    @property
    def scores(self) -> list[float]:
        return [s for r in self.rubrics.values() for s in r.scores]

    @property
    def mean(self) -> float:
        """The mean over every rubric's scores: kept for the JSON contract (`mean_score`);
        no report shows it, since scores on different rubrics are not comparable."""
        count = self.count  # summed in the order `scores` lists them, without the list
        return (
            round(sum(chain.from_iterable(r.scores for r in self.rubrics.values())) / count, 2)
            if count
            else 0.0
        )

    @property
    def branches(self) -> int:
        """Distinct branches over every group, counted without a set of them all."""
        groups = [g.ids for g in self.rubrics.values()]
        return sum(
            sum(1 for branch in ids if not any(branch in other for other in groups[:i]))
            for i, ids in enumerate(groups)
        )

    @property
    def repeated(self) -> frozenset[str]:
        """The ids of branches with more than one ledger in the batch, in whichever groups."""
        groups = [g.ids for g in self.rubrics.values()]
        twice: set[str] = set()
        for i, group in enumerate(self.rubrics.values()):
            twice |= group.repeated_ids
            twice.update(b for b in group.ids if any(b in other for other in groups[:i]))
        return frozenset(twice)

    @property
    def failed_files(self) -> int:
        """Ledgers that could not be scored: files, however many problems each has."""
        return len({e.file for e in self.errors})

    def periods(self) -> dict[tuple[str, str], int]:
        counts: dict[tuple[str, str], int] = {}
        for group in self.rubrics.values():
            for period, count in group.period_counts.items():
                counts[period] = counts.get(period, 0) + count
        return _ordered_periods(counts)

    @property
    def tier_counts(self) -> dict[str, int]:
        merged: dict[str, int] = {}
        for rubric in self.rubrics.values():
            for tier_id, count in rubric.tier_counts.items():
                merged[tier_id] = merged.get(tier_id, 0) + count
        return merged


def _nth(values: array[float], n: int) -> float:
    """The n-th smallest value (as `sorted(values)[n]`), counted over the distinct values:
    scores have two decimals, so a province's 100,000 make a few thousand at most, where a
    sorted copy would hold 100,000 floats (3 MB) at the report's peak."""
    counts = Counter(values)
    for value in sorted(counts):
        n -= counts[value]
        if n < 0:
            return value
    raise IndexError(n)


def _ordered_periods(counts: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    longest_first = sorted(counts, key=lambda p: p[1], reverse=True)
    return {p: counts[p] for p in sorted(longest_first, key=lambda p: p[0])}


def costliest(lost: list[tuple[float, NormResult]], limit: int = 3) -> tuple[CostlyNorm, ...]:
    """The norms that lost the most points, largest first, from (points lost, norm) in the
    rubric's order: the norms not bonus, applicable and under their points (`branch_row`
    picks them in its one pass over the norms)."""
    lost.sort(key=lambda c: -c[0])  # stable: equal losses keep rubric order
    # Named only for the few kept (a ledger loses points on a dozen norms).
    return tuple(CostlyNorm(intern(n.id), intern(n.name), points) for points, n in lost[:limit])
