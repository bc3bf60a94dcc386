"""What a batch report is made of: the batch's aggregates, kept up to date row by row (the
rows themselves are in `rows.py`).

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
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from ..models.result import RectificationStatus
from .rows import BranchRow, ErrorRecord, NormMeta, RubricMeta
from .spool import RowStore


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
