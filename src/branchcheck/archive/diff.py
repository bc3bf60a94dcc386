"""What changed between two results of a branch: pure logic over two snapshots.

A snapshot is what a comparison needs of a result, whether it was scored from a ledger just
now, read from `score -f json` output, or kept in the archive. Norms are matched by id; the
ones met before and not met now (退步) come first, then other losses, then gains.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models.result import Result
from .query import FullResult

RANK = {"met": 3, "partial": 2, "unrated": 1, "missed": 0}
KIND_ORDER = ("regressed", "worse", "better", "changed", "applicability", "added", "removed")


@dataclass(frozen=True, slots=True)
class NormState:
    id: str
    name: str
    dimension: str
    points: float
    earned: float
    status: str
    bonus: bool = False


@dataclass(frozen=True, slots=True)
class Snapshot:
    source: str
    branch: str
    name: str
    start: str
    end: str
    rubric_id: str
    rubric_version: str
    score: float
    tier: str
    tier_name: str
    tier_rank: int | None
    vetoes: tuple[str, ...]
    norms: tuple[NormState, ...]
    dimensions: tuple[tuple[str, str, float, float], ...]  # (id, name, earned, max)
    common: tuple[float, float] = (0.0, 0.0)  # earned, max
    # id, name, points, earned, status, rating
    tasks: tuple[tuple[str, str, float, float, str, str | None], ...] = ()
    bonus: float = 0.0
    rescaled: bool = False


def from_result(result: Result, source: str, tier_rank: int | None = None) -> Snapshot:
    names = {d.id: d.name for d in result.dimensions}
    return Snapshot(
        source,
        result.branch.id,
        result.branch.name,
        result.period.start,
        result.period.end,
        result.rubric.id,
        result.rubric.version,
        result.score,
        result.tier.id,
        result.tier.name,
        tier_rank,
        tuple(result.vetoes),
        tuple(
            NormState(n.id, n.name, n.dimension, float(n.points), n.earned, n.status, n.bonus)
            for n in result.norms
        ),
        tuple((d.id, names[d.id], d.earned, float(d.max)) for d in result.dimensions),
        (result.common.earned, float(result.common.max)),
        tuple((t.id, t.name, float(t.points), t.earned, t.status, t.rating) for t in result.tasks),
        result.bonus,
        result.rescaled,
    )


def from_archive(found: FullResult, source: str) -> Snapshot:
    row, names = found.row, dict(found.rubric.dimensions)
    return Snapshot(
        source,
        row.branch,
        row.name,
        row.start,
        row.end,
        found.rubric.id,
        found.rubric.version,
        row.score,
        row.tier,
        row.tier_name,
        row.tier_rank,
        tuple(found.vetoes),
        tuple(
            NormState(n.id, n.name, n.dimension, n.points, n.earned, n.status, n.bonus)
            for n in found.norms
        ),
        tuple((d, names.get(d, d), e, m) for d, e, m in found.dimensions),
        tuple(found.parts.get("common", (0.0, 0.0))),
        tuple((*t, None)[:6] for t in found.parts.get("tasks", ())),
        float(found.parts.get("bonus", 0.0)),
        bool(found.parts.get("rescaled", False)),
    )


@dataclass(frozen=True, slots=True)
class NormChange:
    kind: str  # one of KIND_ORDER
    old: NormState | None
    new: NormState | None

    @property
    def norm(self) -> NormState:
        state = self.new or self.old
        assert state is not None
        return state

    @property
    def delta(self) -> float:
        return round((self.new.earned if self.new else 0) - (self.old.earned if self.old else 0), 2)


@dataclass(frozen=True, slots=True)
class DimensionChange:
    id: str
    name: str
    old: float | None
    new: float | None

    @property
    def delta(self) -> float:
        return round((self.new or 0) - (self.old or 0), 2)


@dataclass(frozen=True, slots=True)
class TaskChange:
    id: str
    name: str
    old: tuple[float, str, str | None] | None  # earned, status, rating
    new: tuple[float, str, str | None] | None

    @property
    def delta(self) -> float:
        return round((self.new[0] if self.new else 0) - (self.old[0] if self.old else 0), 2)


@dataclass(frozen=True, slots=True)
class Diff:
    old: Snapshot
    new: Snapshot
    norms: list[NormChange]
    dimensions: list[DimensionChange]
    tasks: list[TaskChange]

    @property
    def score_delta(self) -> float:
        return round(self.new.score - self.old.score, 2)

    @property
    def tier_move(self) -> str | None:
        """`up`, `down`, `changed` (tiers not comparable by rank) or None."""
        if self.old.tier == self.new.tier and self.old.rubric_id == self.new.rubric_id:
            return None
        if self.old.tier_rank is not None and self.new.tier_rank is not None:
            if self.new.tier_rank == self.old.tier_rank:
                return None
            return "up" if self.new.tier_rank > self.old.tier_rank else "down"
        return "changed"


def _kind(old: NormState, new: NormState) -> str | None:
    if old.status == new.status and round(old.earned - new.earned, 2) == 0:
        return None
    if "not_applicable" in (old.status, new.status):
        return "applicability"
    if old.status == "met" and new.status != "met":
        return "regressed"
    delta = round(new.earned - old.earned, 2)
    if delta < 0 or RANK[new.status] < RANK[old.status]:
        return "worse"
    if delta > 0 or RANK[new.status] > RANK[old.status]:
        return "better"
    return "changed"


def compare(old: Snapshot, new: Snapshot) -> Diff:
    before = {n.id: n for n in old.norms}
    after = {n.id: n for n in new.norms}
    order = [n.id for n in new.norms] + [n.id for n in old.norms if n.id not in after]
    changes = []
    for norm_id in order:
        a, b = before.get(norm_id), after.get(norm_id)
        kind = "added" if a is None else "removed" if b is None else _kind(a, b)
        if kind is not None:
            changes.append(NormChange(kind, a, b))
    position = {norm_id: i for i, norm_id in enumerate(order)}
    changes.sort(key=lambda c: (KIND_ORDER.index(c.kind), c.delta, position[c.norm.id]))
    old_dims = {d[0]: d for d in old.dimensions}
    new_dims = {d[0]: d for d in new.dimensions}
    dim_order = [d[0] for d in new.dimensions] + [
        d[0] for d in old.dimensions if d[0] not in new_dims
    ]
    dimensions = [
        DimensionChange(
            d,
            (new_dims.get(d) or old_dims[d])[1],
            old_dims[d][2] if d in old_dims else None,
            new_dims[d][2] if d in new_dims else None,
        )
        for d in dim_order
    ]
    old_tasks = {t[0]: t for t in old.tasks}
    new_tasks = {t[0]: t for t in new.tasks}
    task_order = [t[0] for t in new.tasks] + [t[0] for t in old.tasks if t[0] not in new_tasks]
    tasks = [
        TaskChange(
            t,
            (new_tasks.get(t) or old_tasks[t])[1],
            old_tasks[t][3:6] if t in old_tasks else None,
            new_tasks[t][3:6] if t in new_tasks else None,
        )
        for t in task_order
    ]
    changed = [t for t in tasks if t.old != t.new]
    return Diff(old, new, changes, dimensions, changed)
