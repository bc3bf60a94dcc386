"""One norm scored: applicability, its check, the scoring mode, the status."""

from __future__ import annotations

from ..checks import REGISTRY, Context, Outcome
from ..models.ledger import Ledger
from ..models.result import NormResult, NormStatus
from ..models.rubric import Deduct, Dimension, Norm, Standard, When


def when_holds(when: When | None, full_members: int, ledger: Ledger) -> str | None:
    """None when the norm applies, else why not."""
    if when is None:
        return None
    if when.members_at_least is not None and full_members < when.members_at_least:
        return f"正式党员{full_members}名，本项适用于{when.members_at_least}名及以上的支部"
    if when.members_below is not None and full_members >= when.members_below:
        return f"正式党员{full_members}名，本项适用于不足{when.members_below}名的支部"
    if when.type is not None and ledger.branch.type not in when.type:
        kind = ledger.branch.type or "未填写类型"
        return f"本项适用于{'、'.join(when.type)}党支部（本支部：{kind}）"
    if when.has_groups is not None and bool(ledger.groups) != when.has_groups:
        return "本项适用于划分党小组的支部" if when.has_groups else "本项适用于未划分党小组的支部"
    return None


def earn(norm: Norm, outcome: Outcome) -> float:
    """Points earned under the norm's scoring mode (unrounded)."""
    assert outcome.fraction is not None
    if isinstance(norm.scoring, Deduct):
        earned = max(norm.points - norm.scoring.deduct * outcome.misses, 0.0)
    elif norm.scoring == "all_or_nothing":
        earned = norm.points if outcome.fraction >= 1.0 else 0.0
    else:
        earned = norm.points * outcome.fraction
    return earned


def status_of(points: float, earned: float, outcome: Outcome) -> NormStatus:
    """From the unrounded points: 9.996 of 10 shows as 10.00 but is not fully met."""
    if outcome.unrated:
        return "unrated"
    if earned >= points - 1e-9 and (points > 0 or (outcome.fraction or 0.0) >= 1.0):
        return "met"
    return "partial" if earned > 0 else "missed"


def score_norm(
    dimension: Dimension, standard: Standard | None, norm: Norm, ctx: Context, full_members: int
) -> NormResult:
    base = {
        "id": norm.id,
        "name": norm.name,
        "dimension": dimension.id,
        "standard": standard.id if standard else None,
        "points": norm.points,
        "veto": norm.veto,
        "bonus": norm.bonus,
    }
    reason = when_holds(norm.when, full_members, ctx.ledger)
    outcome = (
        Outcome(None, 0, f"不适用：{reason}")
        if reason
        else REGISTRY[norm.check.kind](norm.check, ctx.for_norm(norm))
    )
    if outcome.fraction is None:
        return NormResult(
            **base,
            earned=0.0,
            fraction=None,
            misses=0,
            status="not_applicable",
            detail=outcome.detail,
        )
    earned = earn(norm, outcome)
    # Shown to the cent, and totals add the shown figures, so sums can be redone by hand.
    return NormResult(
        **base,
        earned=round(earned, 2),
        fraction=round(outcome.fraction, 4),
        misses=outcome.misses,
        status=status_of(norm.points, earned, outcome),
        detail=outcome.detail,
    )
