"""One norm scored: applicability, its check, the scoring mode, the status."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..checks.outcome import Outcome
from ..formats.escape import number
from ..models.result import NormResult, NormStatus
from ..models.rubric import VALUE, Deduct, Norm, When
from .shared import shared

if TYPE_CHECKING:
    from .plan import NormPlan

COMMITTEE_AT = 7  # 正式党员7人以上的设支部委员会 (机关条例第七条; 支部条例第八条)


def unmet_condition(
    when: When, full_members: int, branch_type: str | None, has_groups: bool
) -> str | None:
    """None when a norm's `when` holds for a ledger, else why not (the whole not-applicable
    detail); from the three values of a ledger it reads, which `RubricPlan` memoises on."""
    n = full_members
    if when.members_at_least is not None and n < when.members_at_least:
        if when.members_at_least == COMMITTEE_AT:
            return f"正式党员{n}名，不设支部委员会，本项不适用"
        return f"正式党员{n}名，不足{when.members_at_least}名，本项不适用"
    if when.members_below is not None and n >= when.members_below:
        return f"正式党员{n}名，本项仅适用于正式党员不足{when.members_below}名的支部"
    if when.type is not None and branch_type not in when.type:
        kind = f"本支部为{branch_type}党支部" if branch_type else "台账未填写支部类型"
        return f"本项仅适用于{'、'.join(when.type)}党支部，{kind}"
    if when.has_groups is not None and has_groups != when.has_groups:
        return f"本支部{'未' if when.has_groups else '已'}划分党小组，本项不适用"
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


def deduction_note(norm: Norm, outcome: Outcome) -> str:
    """`，扣0.5分` after the detail of a norm scored by deduction (扣分制) that lost points."""
    if not isinstance(norm.scoring, Deduct) or outcome.misses == 0:
        return ""
    taken = norm.scoring.deduct * outcome.misses
    if taken >= norm.points - 1e-9:
        whole = "（扣完为止）" if taken > norm.points + 1e-9 else ""
        return f"，扣{number(norm.points)}分{whole}"
    return f"，扣{number(round(taken, 2))}分"


def own_words(norm: Norm, status: NormStatus, outcome: Outcome) -> str:
    """The rubric's `met_text` / `missed_text` in place of the check's detail, where given;
    `{value}` is the value the check found (a fact's value)."""
    text = norm.met_text if status == "met" else norm.missed_text
    if text is None or status not in ("met", "partial", "missed") or not outcome.replaceable:
        return outcome.detail
    return text.replace(VALUE, outcome.value or "")


def not_applicable_row(plan: NormPlan, detail: str) -> dict[str, Any]:
    """The result fields of a norm that does not apply (as a NormResult's fields)."""
    return {
        **plan.base,
        "earned": 0.0,
        "fraction": None,
        "misses": 0,
        "status": "not_applicable",
        "detail": detail,
    }


def norm_fields(plan: NormPlan, outcome: Outcome) -> dict[str, Any]:
    """One norm's result from its check's outcome, as the fields of a NormResult."""
    norm = plan.norm
    if outcome.fraction is None:
        return not_applicable_row(plan, outcome.detail)
    earned = earn(norm, outcome)
    status = status_of(norm.points, earned, outcome)
    detail = own_words(norm, status, outcome) + deduction_note(norm, outcome)
    # Shown to the cent, and totals add the shown figures, so sums can be redone by hand.
    shown = round(earned, 2)
    return {
        **plan.base,
        "earned": shown,
        "fraction": round(outcome.fraction, 4),
        "misses": outcome.misses,
        "status": status,
        "detail": detail,
        "deduction": 0.0 if norm.bonus else round(norm.points - shown, 2),
    }


def norm_result(plan: NormPlan, outcome: Outcome) -> NormResult:
    """One norm's result: a pure function of the norm and its check's outcome (a hashable
    NamedTuple), so made once per distinct outcome and shared. A batch's ledgers give the same
    few answers in the same words: 86 % of the clean set's norm results repeat one before it,
    and sharing them with the work norms and dimensions took the engine's own part from 0.27
    to 0.23 ms a ledger. Outcomes that compare equal give equal results: fractions are ratios
    of counts (1 and 1.0 validate alike; never -0.0)."""
    found = plan.results.get(outcome)
    if found is None:
        found = shared(plan.results, outcome, norm_fields(plan, outcome), NormResult)
    return found
