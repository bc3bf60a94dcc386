"""The same ledgers under two rubrics (`report --compare-rubric OLD`): who changes tier, and why.

A tier is ranked by its place in its own rubric's list (lowest first), so 标准化党支部 under the
2021 table and under the 2025 table compare by rank even if the lists differ. Why: the norms
whose earned points moved most (norms matched across the rubrics as `rubric_diff` matches
them), each with what the rubric changed about it; and the tier rules that changed, when the
tier did.

Pure: results and rubrics in, rows out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formats.escape import number
from ..formats.prose import norm_label, period_name
from ..models.result import NormResult, Result
from ..models.rubric import Rubric
from ..rubric_diff import RubricDiff, match_norms

REASONS = 3  # norms named per branch
EPSILON = 1e-9


@dataclass(frozen=True)
class Shift:
    """One norm's points under the old and the new rubric (None: not in that rubric)."""

    norm_id: str
    label: str  # N05（按期换届选举）
    old: float | None
    new: float | None
    change: str  # what the rubric changed about it, e.g. 分值 2→3; empty when nothing

    @property
    def delta(self) -> float:
        return (self.new or 0.0) - (self.old or 0.0)

    def text(self) -> str:
        sign = "+" if self.delta > 0 else ""
        before = "—" if self.old is None else number(round(self.old, 2))
        after = "—" if self.new is None else number(round(self.new, 2))
        why = f"；{self.change}" if self.change else ""
        return f"{self.label} {sign}{number(round(self.delta, 2))}分（{before}→{after}{why}）"


@dataclass(frozen=True)
class Row:
    file: str
    branch_id: str
    branch: str
    period: str  # 2024年度, 2024年第三季度
    old_score: float
    new_score: float
    old_tier: tuple[str, str]  # (id, name)
    new_tier: tuple[str, str]
    move: int  # +1 up, -1 down, 0 same rank
    shifts: tuple[Shift, ...]
    tier_rules: tuple[str, ...] = ()  # tier rule changes that bear on this branch
    vetoes: tuple[str, ...] = ()  # vetoes failed under one rubric and not the other

    @property
    def changed_tier(self) -> bool:
        return self.move != 0 or self.old_tier != self.new_tier

    @property
    def movement(self) -> str:
        if self.move > 0:
            return "上升"
        if self.move < 0:
            return "下降"
        return "等次名称变化" if self.changed_tier else "不变"

    def reasons(self) -> list[str]:
        return [*self.vetoes, *(s.text() for s in self.shifts), *self.tier_rules]


@dataclass
class Comparison:
    old: tuple[str, str]  # (id, version)
    new: tuple[str, str]
    rows: list[Row] = field(default_factory=list)

    def ordered(self) -> list[Row]:
        """Tier changes first (down before up), then by the size of the score change."""
        return sorted(
            self.rows,
            key=lambda r: (not r.changed_tier, r.move, -abs(r.new_score - r.old_score), r.file),
        )

    def counts(self) -> dict[str, int]:
        return {
            "up": sum(r.move > 0 for r in self.rows),
            "down": sum(r.move < 0 for r in self.rows),
            "same": sum(not r.changed_tier for r in self.rows),
        }


def _rank(rubric: Rubric, tier_id: str) -> int:
    return next(i for i, t in enumerate(rubric.tiers) if t.id == tier_id)


def _earned(norm: NormResult | None) -> float | None:
    return None if norm is None else norm.earned


def compare_one(
    file: str, old: Result, new: Result, old_rubric: Rubric, new_rubric: Rubric, diff: RubricDiff
) -> Row:
    old_norms = {n.id: n for n in old.norms}
    new_norms = {n.id: n for n in new.norms}
    shifts = []
    for a, b in match_norms(old_rubric, new_rubric):
        x = old_norms.get(a.id) if a else None
        y = new_norms.get(b.id) if b else None
        label = norm_label(b.id, b.name) if b else norm_label(a.id, a.name) if a else ""
        changes = diff.of_norm(b.id if b else a.id if a else "")
        said = "，".join(f"{c.what} {c.old}→{c.new}" for c in changes if c.what != "新增")
        if b is None:
            said = "已删除"
        elif a is None:
            said = "新增"
        shift = Shift(b.id if b else a.id if a else "", label, _earned(x), _earned(y), said)
        if abs(shift.delta) > EPSILON:
            shifts.append(shift)
    shifts.sort(key=lambda s: (-abs(s.delta), s.norm_id))
    vetoes = _vetoes(old, new, old_rubric, new_rubric)
    move = _rank(new_rubric, new.tier.id) - _rank(old_rubric, old.tier.id)
    row = Row(
        file=file,
        branch_id=new.branch.id,
        branch=new.branch.name,
        period=period_name(new.period.start, new.period.end),
        old_score=old.score,
        new_score=new.score,
        old_tier=(old.tier.id, old.tier.name),
        new_tier=(new.tier.id, new.tier.name),
        move=(move > 0) - (move < 0),
        shifts=tuple(shifts[:REASONS]),
        vetoes=tuple(vetoes),
    )
    if row.changed_tier:
        bearing = {old.tier.id, new.tier.id}
        rules = [
            f"{c.subject}{c.what} {c.old}→{c.new}"
            for c in diff.of_area("等次")
            if c.id in bearing or (c.id is not None and _between(c.id, old, new, new_rubric))
        ]
        row = Row(**{**row.__dict__, "tier_rules": tuple(rules)})
    return row


def _vetoes(old: Result, new: Result, old_rubric: Rubric, new_rubric: Rubric) -> list[str]:
    """Vetoes failed under one rubric and not under the other, said per norm."""
    said = []
    for a, b in match_norms(old_rubric, new_rubric):
        was = a is not None and a.id in old.vetoes
        now = b is not None and b.id in new.vetoes
        if was and not now:
            assert a is not None
            label = norm_label(a.id, a.name)
            why = "新标准已删除此项" if b is None else "新标准不再作为否决项"
            if b is not None and b.veto:
                why = "新标准下已达标"
            said.append(f"{label}原为否决项未达标，{why}")
        elif now and not was:
            assert b is not None
            label = norm_label(b.id, b.name)
            why = "新增的否决项" if a is None or not a.veto else "原标准下达标"
            said.append(f"{label}否决项未达标（{why}）")
    return said


def _between(tier_id: str, old: Result, new: Result, rubric: Rubric) -> bool:
    """A tier the branch passed on its way up or down (its rules decided the move)."""
    ids = [t.id for t in rubric.tiers]
    if tier_id not in ids or new.tier.id not in ids:
        return False
    low, high = sorted(
        (ids.index(new.tier.id), ids.index(old.tier.id) if old.tier.id in ids else 0)
    )
    return low <= ids.index(tier_id) <= high
