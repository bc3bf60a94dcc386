"""Tiers and scores across periods, from the archive's rows: pure logic, no I/O.

Only comparable results are put side by side: one rubric id and one kind of period (年度 with
年度, 季度 with 季度). Where a branch has several results for one period under that rubric
(re-scored under a new version), the latest recorded counts. A move up the rubric's tiers
between two consecutive periods is a promotion (进位), down a demotion (退位). A branch is
stuck when its last `stuck_after` periods (or more) are all in one tier that is not the
rubric's top one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from .query import ResultRow, RubricRow
from .record import CADENCES, cadence

STUCK_AFTER = 3


@dataclass(frozen=True, slots=True)
class Point:
    label: str
    start: str
    end: str
    score: float
    tier: str
    tier_name: str
    rank: int
    rubric: RubricRow


@dataclass(frozen=True, slots=True)
class Move:
    before: Point
    after: Point

    @property
    def up(self) -> bool:
        return self.after.rank > self.before.rank


@dataclass(slots=True)
class Series:
    branch: str
    name: str
    parent: str | None
    points: list[Point] = field(default_factory=list)

    @property
    def moves(self) -> list[Move]:
        return [Move(a, b) for a, b in pairwise(self.points) if a.rank != b.rank]

    def stuck(self, after: int, top: int) -> int:
        """Periods at the end in one tier below the top, if at least `after`; else 0."""
        if not self.points or self.points[-1].rank >= top:
            return 0
        last = self.points[-1].rank
        run = 0
        for point in reversed(self.points):
            if point.rank != last:
                break
            run += 1
        return run if run >= after else 0


@dataclass(frozen=True, slots=True)
class Period:
    label: str
    start: str
    end: str


@dataclass(frozen=True, slots=True)
class VersionChange:
    before: Period
    after: Period
    old: RubricRow
    new: RubricRow


@dataclass(slots=True)
class Group:
    """One rubric id and one kind of period: the results that compare."""

    rubric_id: str
    cadence: str
    rubric: RubricRow  # the latest version seen: its name and tiers label the group
    periods: list[Period]
    series: list[Series]
    changes: list[VersionChange]

    @property
    def top(self) -> int:
        return len(self.rubric.tiers) - 1

    def counts(self) -> dict[str, dict[str, int]]:
        """Branches per tier (by id) per period label, in period order."""
        out: dict[str, dict[str, int]] = {p.label: {} for p in self.periods}
        for series in self.series:
            for point in series.points:
                tiers = out[point.label]
                tiers[point.tier] = tiers.get(point.tier, 0) + 1
        return out


@dataclass(frozen=True, slots=True)
class Trend:
    groups: list[Group]
    stuck_after: int


def build(
    rows: list[ResultRow], rubrics: dict[int, RubricRow], stuck_after: int = STUCK_AFTER
) -> Trend:
    # (rubric id, cadence) -> branch -> label -> (recorded, rid, row)
    chosen: dict[tuple[str, str], dict[str, dict[str, ResultRow]]] = {}
    for row in rows:
        key = (rubrics[row.rubric].id, cadence(row.label))
        per_label = chosen.setdefault(key, {}).setdefault(row.branch, {})
        kept = per_label.get(row.label)
        if kept is None or (row.recorded, row.rid) > (kept.recorded, kept.rid):
            per_label[row.label] = row
    order = list(CADENCES)
    keys = sorted(chosen, key=lambda k: (k[0], order.index(k[1])))
    groups = [_group(key, chosen[key], rubrics) for key in keys]
    return Trend(groups, stuck_after)


def _group(
    key: tuple[str, str], branches: dict[str, dict[str, ResultRow]], rubrics: dict[int, RubricRow]
) -> Group:
    periods: dict[str, Period] = {}
    used: dict[str, dict[int, str]] = {}  # label -> rubric rid -> latest recorded
    series = []
    for branch in sorted(branches):
        by_label = branches[branch]
        ordered = sorted(by_label.values(), key=lambda r: (r.start, r.end))
        latest = max(ordered, key=lambda r: (r.recorded, r.rid))
        s = Series(branch, latest.name, latest.parent)
        for row in ordered:
            periods.setdefault(row.label, Period(row.label, row.start, row.end))
            seen = used.setdefault(row.label, {})
            seen[row.rubric] = max(seen.get(row.rubric, ""), row.recorded)
            s.points.append(
                Point(
                    row.label,
                    row.start,
                    row.end,
                    row.score,
                    row.tier,
                    row.tier_name,
                    row.tier_rank,
                    rubrics[row.rubric],
                )
            )
        series.append(s)
    ordered_periods = sorted(periods.values(), key=lambda p: (p.start, p.end))
    # The rubric each period was mostly scored under (the latest recorded when several).
    period_rubric = {
        label: rubrics[max(seen, key=lambda rid: (seen[rid], rid))] for label, seen in used.items()
    }
    changes = []
    for a, b in pairwise(ordered_periods):
        old, new = period_rubric[a.label], period_rubric[b.label]
        if (old.version, old.hash) != (new.version, new.hash):
            changes.append(VersionChange(a, b, old, new))
    newest = period_rubric[ordered_periods[-1].label]
    return Group(key[0], key[1], newest, ordered_periods, series, changes)
