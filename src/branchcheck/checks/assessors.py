"""`rating`: the assessors' levels for a norm (四互: 互查、互评), aggregated, and the branch's
self-rating (自评), kept apart and blended only where the rubric gives it a weight."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

from ..models.checks import RatingCheck
from ..models.ledger import Ledger
from ..models.ledger_records import Assessment
from ..models.rubric import Rubric
from .context import Context
from .outcome import Outcome
from .records import amount

TRIM_FROM = 4  # from four assessors on, the highest and the lowest level are dropped


class Given(NamedTuple):  # not a frozen dataclass: made ~1 µs faster, several a ledger
    """One assessor's level and its share (0 for a level the norm does not know)."""

    by: str | None
    level: str
    share: float
    known: bool


def assessments(ledger: Ledger, norm_id: str) -> tuple[Assessment, ...] | str | None:
    """The ledger's rating of a norm: one level (an unnamed assessor), a list, or None."""
    return ledger.ratings.get(norm_id)


def self_weight(check: RatingCheck, rubric: Rubric) -> float:
    """The self-rating's weight: the check's own, else the rubric's, else 0 (not scored)."""
    weight = check.self_weight if check.self_weight is not None else rubric.self_weight
    return weight or 0.0


def aggregate(shares: list[float]) -> tuple[float, bool]:
    """The mean of the shares, or with TRIM_FROM or more the mean without the highest and
    the lowest (one each); and whether it was trimmed."""
    ordered = sorted(shares)
    trimmed = len(ordered) >= TRIM_FROM
    kept = ordered[1:-1] if trimmed else ordered
    return round(math.fsum(kept) / len(kept), 6), trimmed


def percent(share: float) -> str:
    return f"{amount(round(share * 100, 2))}%"


@lru_cache(maxsize=256)  # a rubric's few levels, asked for by most rated norms (~1 µs each)
def _earns(share: float) -> str:
    if share >= 1:
        return "得该项满分"
    if share <= 0:
        return "该项不得分"
    return f"得该项分值的{percent(share)}"


def _given(rating: tuple[Assessment, ...] | str, levels: dict[str, float]) -> list[Given]:
    entries = [(None, rating)] if isinstance(rating, str) else [(a.by, a.level) for a in rating]
    return [Given(by, level, levels.get(level, 0.0), level in levels) for by, level in entries]


def _unknown_note(given: list[Given]) -> str:
    unknown = list(dict.fromkeys(g.level for g in given if not g.known))
    if not unknown:
        return ""
    # Only a ledger that skipped load_ledger's checks gets here.
    return "；" + "、".join(f"“{u}”" for u in unknown) + "不在评定等级之中，按0计"


def _assessors_text(given: list[Given], share: float, trimmed: bool) -> str:
    if len(given) == 1:
        one = given[0]
        return f"{one.by or '考核'}评定为“{one.level}”"
    ordered = sorted(given, key=lambda g: -g.share)  # highest first: the spread at a glance
    if len({g.level for g in given}) == 1:
        return f"{len(given)}位考核人评定均为“{given[0].level}”"
    listed = "、".join(g.level for g in ordered)
    how = "去掉一个最高、一个最低后平均得分率" if trimmed else "平均得分率"
    return f"{len(given)}位考核人评定：{listed}，{how}{percent(share)}"


def rating_check(check: RatingCheck, ctx: Context) -> Outcome:
    """The assessors' levels as a share of the points (rubric `ratings`, or the check's
    `levels`): one level as it is; several as their mean, trimmed from four on. A self-rating
    is blended in at the rubric's `self_weight` (self 0.4, assessors 0.6), else only shown.

    PASS: 好 -> 1.0. 好, 较好, 一般 -> 0.8. 好, 好, 较好, 一般 -> (1 + 0.8) / 2 = 0.9.
    No assessor's rating yet: fraction 0, status unrated (a self-rating alone decides nothing).
    """
    levels = check.levels or ctx.rubric.ratings
    norm_id = ctx.norm.id if ctx.norm else None
    rating = assessments(ctx.ledger, norm_id) if norm_id else None
    own = ctx.ledger.self_ratings.get(norm_id) if norm_id else None
    if rating is None:
        said = f"支部自评为“{own}”，" if own is not None else ""
        return Outcome(0.0, 0, f"{said}考核人尚未评定等次", unrated=True, replaceable=False)
    weight = self_weight(check, ctx.rubric)
    if isinstance(rating, str) and rating in levels and weight <= 0:
        # One known level, no self-rating blended in: the usual case, said as the general
        # path below says it (the mean of one share is the share, rounded) in fewer steps.
        share = round(levels[rating], 6)
        own_note = f"；支部自评为“{own}”（不计入得分）" if own is not None else ""
        detail = f"考核评定为“{rating}”，{_earns(share)}{own_note}"
        return Outcome(share, 0, detail, value=rating)
    given = _given(rating, levels)
    if len(given) == 1 and not given[0].known:
        detail = f"等级“{given[0].level}”不在评定等级之中，按0计"
        return Outcome(0.0, 0, detail, replaceable=False)
    share, trimmed = aggregate([g.share for g in given])
    detail = _assessors_text(given, share, trimmed)
    if own is not None and weight > 0:
        fraction = round(weight * levels.get(own, 0.0) + (1 - weight) * share, 6)
        detail += (
            f"；支部自评为“{own}”，按自评{percent(weight)}、考核人评定{percent(1 - weight)}"
            f"折算，{_earns(fraction)}"
        )
    else:
        fraction = share
        if len(given) == 1 or len({g.level for g in given}) == 1:
            detail += f"，{_earns(share)}"  # (a spread of levels has said its average)
        if own is not None:
            detail += f"；支部自评为“{own}”（不计入得分）"
        elif weight > 0:
            detail += "；台账未记录支部自评，按考核人评定计"
    # Misses are "–" for ratings (design.md): the levels' share is the whole answer.
    value = given[0].level if len(given) == 1 else percent(share)
    return Outcome(fraction, 0, detail + _unknown_note(given), value=value)
