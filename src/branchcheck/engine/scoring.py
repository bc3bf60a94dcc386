"""`score(rubric, ledger)`: the pure function from a ledger to its result."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import TypeAdapter

from ..checks import Context
from ..models.ledger import Ledger, Task
from ..models.result import (
    DimensionResult,
    NormResult,
    NormStatus,
    PartResult,
    Result,
    TaskResult,
)
from ..models.rubric import Rubric
from .alerts import alerts
from .norms import score_norm
from .plan import RubricPlan
from .rectify import overdue_deduction, rectification_items
from .tiers import place


def rating_share(task: Task, rubric: Rubric) -> float:
    """The rating's share of the task's points; a task with no rating counts at full share."""
    return rubric.ratings.get(task.rating, 0.0) if task.rating is not None else 1.0


def task_earned(task: Task, rubric: Rubric) -> float:
    """Points x the rating's share when done, half of that when partial, 0 when open."""
    factor = {"done": 1.0, "partial": 0.5, "open": 0.0}[task.status]
    return round(task.points * rating_share(task, rubric) * factor, 2)


@cache
def norm_results() -> TypeAdapter[list[NormResult]]:
    """All of a ledger's norm results validated in one call (not one model call per norm:
    saves about 0.07 ms a ledger); made on first use, so a start that never scores skips it."""
    return TypeAdapter(list[NormResult])


def roll_up(plan: RubricPlan, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each work norm's check items added up: points and earned over the items that apply;
    met when every item is, missed when none earned anything, not applicable when none apply.
    From the norms' result fields; gives the fields of each StandardResult."""
    out = []
    for std in plan.standards:
        # One plain loop per work norm (27 of them), no comprehension frames: the same lists,
        # summed in the same order, at about half the cost.
        points, earned_each, kinds = [], [], set()
        for i in std.norms:
            row = rows[i]
            if row["status"] != "not_applicable":
                points.append(row["points"])
                earned_each.append(row["earned"])
                kinds.add(row["status"])
        earned = round(sum(earned_each), 2)
        status: NormStatus
        if not kinds:
            status = "not_applicable"
        elif kinds == {"met"}:
            status = "met"
        elif "unrated" in kinds and earned == 0:
            status = "unrated"
        else:
            status = "partial" if earned > 0 else "missed"
        out.append(
            {
                "id": std.id,
                "name": std.name,
                "dimension": std.dimension,
                "points": round(sum(points), 2),
                "earned": earned,
                "status": status,
                "norms": std.ids,
            }
        )
    return out


def score(rubric: Rubric, ledger: Ledger) -> Result:
    """Score one ledger against one rubric. Pure: no I/O, same input, same result."""
    plan = rubric.plan
    ctx = Context(ledger, rubric)
    full_members = len(ledger.full_members_on(ledger.period.end))
    rows = [score_norm(p, ctx, full_members) for p in plan.norms]
    norms = norm_results().validate_python(rows)
    counted = [n for n in norms if not n.bonus and n.status != "not_applicable"]
    counted_earned = sum([n.earned for n in counted])
    counted_points = sum([n.points for n in counted])
    common = PartResult(earned=round(counted_earned, 2), max=round(counted_points, 2))

    tasks = [
        TaskResult(
            id=t.id,
            name=t.name,
            points=t.points,
            earned=task_earned(t, rubric),
            status=t.status,
            rating=t.rating,
            rating_share=rating_share(t, rubric),
        )
        for t in ledger.tasks
    ]
    earned = counted_earned + sum(t.earned for t in tasks)
    applicable = counted_points + (rubric.split.individual if rubric.split else 0.0)
    # A 0-point veto item that does not apply takes no points away: nothing to rescale.
    rescaled = any(n.status == "not_applicable" and n.points > 0 for n in norms if not n.bonus)
    base = earned * rubric.total / applicable if rescaled and applicable > 0 else earned
    bonus = sum([n.earned for n in norms if n.bonus])
    if rubric.bonus_cap is not None:
        bonus = min(bonus, rubric.bonus_cap)
    items = rectification_items(ledger, rubric)
    lost = overdue_deduction(rubric, items)  # 整改 overdue at the period's end, if the rubric says
    total_score = round(max(base + bonus - lost, 0.0), 2)

    dimensions = []
    for dim in plan.dimensions:
        mine = [n for i in dim.norms if not (n := norms[i]).bonus and n.status != "not_applicable"]
        dimensions.append(
            DimensionResult(
                id=dim.id,
                name=dim.name,
                earned=round(sum([n.earned for n in mine]), 2),
                max=round(sum([n.points for n in mine]), 2),
            )
        )
    vetoes = [n.id for n in norms if n.veto and n.status in ("partial", "missed", "unrated")]
    tier, next_tier = place(rubric, total_score, vetoes, norms, dimensions, common)
    return Result(
        rubric={"id": rubric.id, "version": rubric.version},
        branch={"id": ledger.branch.id, "name": ledger.branch.name, "parent": ledger.branch.parent},
        period={"start": ledger.period.start.isoformat(), "end": ledger.period.end.isoformat()},
        score=total_score,
        max=rubric.total,
        bonus=round(bonus, 2),
        rescaled=rescaled,
        tier=tier,
        vetoes=vetoes,
        dimensions=dimensions,
        common=common,
        standards=roll_up(plan, rows),
        norms=norms,
        tasks=tasks,
        alerts=alerts(rubric, ctx, norms),
        next_tier=next_tier,
        rectifications=items,
        rectification_deduction=lost,
    )
