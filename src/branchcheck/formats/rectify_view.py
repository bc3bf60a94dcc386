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


COMPACT_HEADER = ["编号", "来源", "对应规范", "问题", "责任人", "进度"]


def progress(status: RectificationStatus, due: str, done_on: str | None) -> str:
    """逾期未整改（时限2024-09-30） / 按期销号（2024-05-20） / 逾期销号（2024-10-15，时限…）."""
    name = STATUS_NAMES[status]
    if status == "closed_on_time":
        return f"{name}（{done_on}）"
    if status == "closed_late":
        return f"{name}（{done_on}，时限{due}）"
    return f"{name}（时限{due}）"


def compact_rows(items: list[RectificationResult]) -> list[list[str]]:
    """For a terminal: the dates folded into one 进度 column, so the table reads in one piece."""
    return [
        [*row[:5], progress(item.status, item.due, item.done_on)]
        for row, item in zip(rows(items), items, strict=True)
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
