"""The rows of `branchcheck alerts`: an alert with its branch, the words for severities and
kinds, and the batch's order (most pressing first)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..models.result import Alert, AlertSeverity

SEVERITY_RANK: dict[AlertSeverity, int] = {"overdue": 0, "urgent": 1, "reminder": 2}
SEVERITY_NAMES: dict[AlertSeverity, str] = {"overdue": "逾期", "urgent": "紧急", "reminder": "提醒"}
# What each kind is about, as a secretary's to-do list names it.
KIND_NAMES = {
    "term_due": "换届",
    "term_request": "换届请示",
    "probation_due": "预备党员转正",
    "activist_review": "积极分子考察",
    "secretary_untrained": "书记培训",
    "dues_gap": "党费交纳",
    "no_org_life": "组织生活",
    "lost_contact": "失联党员",
    "rectification": "整改",
}


@dataclass(frozen=True)
class BranchAlert:
    """One row of `branchcheck alerts`: an alert and the branch (and file) it is about."""

    branch_id: str
    branch_name: str
    parent: str
    file: str
    alert: Alert

    @property
    def uid(self) -> str:
        """Stable across runs: the same deadline keeps its id, so a calendar updates it."""
        key = "|".join((self.branch_id, self.alert.kind, self.alert.subject or "", self.due))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24] + "@branchcheck"

    @property
    def due(self) -> str:
        return self.alert.due or ""

    @property
    def severity(self) -> AlertSeverity:
        return self.alert.severity or "reminder"


def batch_order(row: BranchAlert) -> tuple[int, str, str, str, str, str]:
    """Most pressing first (逾期 > 紧急 > 提醒), then earliest, then by organisation and branch."""
    return (
        SEVERITY_RANK[row.severity],
        row.due,
        row.parent,
        row.branch_id,
        row.alert.kind,
        row.alert.subject or "",
    )
