"""`score(rubric, ledger)`: the pure function from a ledger to its result."""

from __future__ import annotations

from typing import Any

from ..checks import REGISTRY
from ..checks.context import Context
from ..models.ledger import Ledger
from ..models.ledger_records import Task
from ..models.result import (
    DimensionResult,
    NormResult,
    NormStatus,
    PartResult,
    Result,
    StandardResult,
)
from ..models.rubric import Rubric
from .alerts import alerts
from .norms import norm_result
from .plan import Rollup, RubricPlan
from .rectify import overdue_deduction, rectification_items
from .shared import shared
from .tiers import place

NOT_APPLICABLE = "not_applicable"


def rating_share(task: Task, rubric: Rubric) -> float:
    """The rating's share of the task's points; a task with no rating counts at full share."""
    return rubric.ratings.get(task.rating, 0.0) if task.rating is not None else 1.0


def task_earned(task: Task, rubric: Rubric) -> float:
    """Points x the rating's share when done, half of that when partial, 0 when open."""
    factor = {"done": 1.0, "partial": 0.5, "open": 0.0}[task.status]
    return round(task.points * rating_share(task, rubric) * factor, 2)


def standard_fields(std: Rollup, items: list[NormResult]) -> dict[str, Any]:
    """A work norm's check items added up: points and earned over the items that apply;
    met when every item is, missed when none earned anything, not applicable when none apply.
    The fields of its StandardResult."""
    points, earned_each, kinds = [], [], set()
    for item in items:
        if item.status != NOT_APPLICABLE:
            points.append(item.points)
            earned_each.append(item.earned)
            kinds.add(item.status)
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
    return {
        "id": std.id,
        "name": std.name,
        "dimension": std.dimension,
        "points": round(sum(points), 2),
        "earned": earned,
        "status": status,
        "norms": std.ids,
    }


def roll_up(plan: RubricPlan, norms: list[NormResult]) -> list[StandardResult]:
    """Each work norm's result, shared by the ledgers whose items have the same figures."""
    out = []
    for std in plan.standards:
        # Its items' statuses and points earned decide it: looked up, not added up again.
        key: tuple[str | float, ...]
        if len(std.norms) == 1:  # most work norms have one item: no list to build
            only = norms[std.norms[0]]
            key = (only.status, only.earned)
        else:
            figures: list[str | float] = []
            for i in std.norms:
                norm = norms[i]
                figures.append(norm.status)
                figures.append(norm.earned)
            key = tuple(figures)
        found = std.results.get(key)
        if found is None:
            fields = standard_fields(std, [norms[i] for i in std.norms])
            found = shared(std.results, key, fields, StandardResult)
        out.append(found)
    return out


def score_norms(plan: RubricPlan, ctx: Context) -> list[NormResult]:
    """Every norm's result, in file order: its `when` first, then its check."""
    ledger = ctx.ledger
    full_members = len(ledger.full_members_on(ledger.period.end))
    skipped = plan.not_applicable(full_members, ledger.branch.type, bool(ledger.groups))
    results = []
    for p, result in zip(plan.norms, skipped, strict=True):
        if result is None:
            ctx.norm = p.norm  # one shared context, not a copy per norm (rating checks read it)
            outcome = REGISTRY[p.kind](p.norm.check, ctx)
            # `norm_result`'s lookup, inline: most outcomes were met before.
            result = p.results.get(outcome) or norm_result(p, outcome)
        results.append(result)
    return results


def score(rubric: Rubric, ledger: Ledger) -> Result:
    """Score one ledger against one rubric. Pure: no I/O, same input, same result."""
    plan = rubric.plan
    ctx = Context(ledger, rubric)
    norms = score_norms(plan, ctx)

    # One pass over the norms for what adds them up: the counted ones (not bonus, applicable)
    # in file order, which is dimension after dimension (see RubricPlan); the same floats
    # summed in the same order as the parts' own passes did (saves a pass, ~5 us).
    counted_earned_each: list[float] = []
    counted_points_each: list[float] = []
    rescaled = False
    dimensions = []
    for dim in plan.dimensions:
        start = len(counted_earned_each)
        for i in dim.norms:
            n = norms[i]
            if n.bonus:
                continue
            if n.status == NOT_APPLICABLE:
                # A 0-point veto item that does not apply takes no points away: no rescaling.
                rescaled = rescaled or n.points > 0
                continue
            counted_earned_each.append(n.earned)
            counted_points_each.append(n.points)
        key = (
            round(sum(counted_earned_each[start:]), 2),
            round(sum(counted_points_each[start:]), 2),
        )
        found = dim.results.get(key)
        if found is None:
            fields = {"id": dim.id, "name": dim.name, "earned": key[0], "max": key[1]}
            found = shared(dim.results, key, fields, DimensionResult)
        dimensions.append(found)
    counted_earned = sum(counted_earned_each)
    counted_points = sum(counted_points_each)
    common = PartResult(earned=round(counted_earned, 2), max=round(counted_points, 2))

    tasks: list[dict[str, Any]] = [
        {
            "id": t.id,
            "name": t.name,
            "points": t.points,
            "earned": task_earned(t, rubric),
            "status": t.status,
            "rating": t.rating,
            "rating_share": rating_share(t, rubric),
        }
        for t in ledger.tasks
    ]
    earned = counted_earned + sum(t["earned"] for t in tasks)
    applicable = counted_points + (rubric.split.individual if rubric.split else 0.0)
    base = earned * rubric.total / applicable if rescaled and applicable > 0 else earned
    bonus = sum([norms[i].earned for i in plan.bonuses])
    if rubric.bonus_cap is not None:
        bonus = min(bonus, rubric.bonus_cap)
    items = rectification_items(ledger, rubric)
    lost = overdue_deduction(rubric, items)  # 整改 overdue at the period's end, if the rubric says
    total_score = round(max(base + bonus - lost, 0.0), 2)

    vetoes = [
        norms[i].id for i in plan.vetoes if norms[i].status in ("partial", "missed", "unrated")
    ]
    tier, next_tier = place(rubric, total_score, vetoes, norms, dimensions, common)
    # The result validated in one call, from its parts made above (shared, so not validated
    # again) and plain fields for the rest: saves a model call per part.
    return Result.model_validate(
        {
            "rubric": {"id": rubric.id, "version": rubric.version},
            "branch": {
                "id": ledger.branch.id,
                "name": ledger.branch.name,
                "parent": ledger.branch.parent,
            },
            "period": {
                "start": ledger.period.start.isoformat(),
                "end": ledger.period.end.isoformat(),
            },
            "score": total_score,
            "max": rubric.total,
            "bonus": round(bonus, 2),
            "rescaled": rescaled,
            "tier": tier,
            "vetoes": vetoes,
            "dimensions": dimensions,
            "common": common,
            "standards": roll_up(plan, norms),
            "norms": norms,
            "tasks": tasks,
            "alerts": alerts(rubric, ctx, norms),
            "next_tier": next_tier,
            "rectifications": items,
            "rectification_deduction": lost,
        }
    )
