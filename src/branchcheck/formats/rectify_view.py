"""Rectification items (整改) as every format shows them: one table, one summary line."""

from __future__ import annotations

from collections import Counter

from ..engine.rectify import STATUS_NAMES
from ..models.result import RectificationResult, RectificationStatus, Result
from .escape import number
from .prose import norm_label

TITLE = "整改事项"
HEADER = ["编号", "来源", "对应规范", "问题", "责任人", "发现日期", "整改时限", "销号日期", "状态"]
ORDER: tuple[RectificationStatus, ...] = ("overdue", "open", "closed_late", "closed_on_time")


def rows(items: list[RectificationResult]) -> list[list[str]]:
    return [
        [
            item.id,
            item.source,
            norm_label(item.norm, item.norm_name) if item.norm_name else item.norm,
            item.problem,
            item.owner,
            item.found_on,
            item.due,
            item.done_on or "—",
            STATUS_NAMES[item.status],
        ]
        for item in items
    ]


def counts_text(statuses: Counter[RectificationStatus]) -> str:
    """逾期未整改1项，整改中1项，按期销号2项 (statuses with none left out)."""
    return "，".join(f"{STATUS_NAMES[s]}{statuses[s]}项" for s in ORDER if statuses[s])


def summary(result: Result) -> str:
    """整改事项3项：逾期未整改1项，…；逾期未整改扣0.5分."""
    statuses = Counter(item.status for item in result.rectifications)
    line = f"{TITLE}{len(result.rectifications)}项：{counts_text(statuses)}"
    if result.rectification_deduction:
        line += f"；逾期未整改扣{number(result.rectification_deduction)}分"
    return line
