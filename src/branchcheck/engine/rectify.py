"""Rectification items (整改): where each stands on a day, and what the rubric takes off.

`rectification_items` is the one public reading of a ledger's items: `score` uses it (as of
the period's end), `branchcheck alerts` (as of `--as-of`), and the documents (整改通知书)
take the open ones from it.
"""

from __future__ import annotations

import datetime as dt

from ..models.ledger import Ledger
from ..models.ledger_followup import Rectification
from ..models.result import RectificationResult, RectificationStatus
from ..models.rubric import Rubric

STATUS_NAMES: dict[RectificationStatus, str] = {
    "open": "整改中",
    "overdue": "逾期未整改",
    "closed_on_time": "按期销号",
    "closed_late": "逾期销号",
}


def item_status(item: Rectification, as_of: dt.date) -> RectificationStatus:
    """Open until `done_on` (a sign-off after `as_of` is not known yet); overdue once open
    past `due`; closed on time when done by `due`, late when after it."""
    if item.done_on is not None and item.done_on <= as_of:
        return "closed_on_time" if item.done_on <= item.due else "closed_late"
    return "overdue" if as_of > item.due else "open"


def owner_name(ledger: Ledger, owner: str) -> str:
    """A member id names that member; anything else (a post, a name) is shown as written."""
    return next((m.name for m in ledger.members if m.id == owner), owner)


def rectification_items(
    ledger: Ledger, rubric: Rubric, as_of: dt.date | None = None
) -> list[RectificationResult]:
    """The ledger's rectification items in file order, each with its status as of `as_of`
    (default: the period's end). Pure."""
    if not ledger.rectifications:  # most ledgers: nothing to read
        return []
    day = ledger.period.end if as_of is None else as_of
    names = rubric.plan.norm_names
    return [
        RectificationResult(
            id=item.id,
            norm=item.norm,
            norm_name=names.get(item.norm, ""),
            found_on=item.found_on.isoformat(),
            source=item.source,
            problem=item.problem,
            owner=owner_name(ledger, item.owner),
            due=item.due.isoformat(),
            done_on=item.done_on.isoformat() if item.done_on else None,
            evidence=item.evidence,
            status=item_status(item, day),
        )
        for item in ledger.rectifications
        if item.found_on <= day  # found after the day: not yet on anyone's list
    ]


def overdue_deduction(rubric: Rubric, items: list[RectificationResult]) -> float:
    """`overdue_deduction` per item overdue, up to `cap`; 0 when the rubric says nothing."""
    rule = rubric.rectification
    if rule is None:
        return 0.0
    lost = rule.overdue_deduction * sum(1 for item in items if item.status == "overdue")
    return round(min(lost, rule.cap) if rule.cap is not None else lost, 2)
