"""`branchcheck alerts`: its formats behind one interface, and the words they share."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Protocol

from ..cn_dates import cn_date, cn_day
from ..engine.alert_rows import KIND_NAMES, SEVERITY_NAMES, SEVERITY_RANK, BranchAlert
from .registry import ALERT_FORMATS

__all__ = ["ALERT_FORMATS", "AlertOptions", "AlertsFormat"]


@dataclass(frozen=True)
class AlertOptions:
    as_of: dt.date
    within: int
    width: int = 100
    color: bool = False


class AlertsFormat(Protocol):
    # A format with `needs_output = True` (xlsx, html) needs `--output FILE`: cli/format_needs.
    def render(self, rows: list[BranchAlert], options: AlertOptions) -> str | bytes: ...


HEADER = ["程度", "日期", "上级组织", "支部", "事项", "说明"]


def title(options: AlertOptions) -> str:
    return f"党支部工作提醒（截至{cn_date(options.as_of)}，{options.within}天内到期的列为紧急）"


def tally(rows: list[BranchAlert]) -> str:
    """逾期2项，紧急3项，提醒1项；涉及4个支部 (or that nothing is due)."""
    if not rows:
        return "无逾期或即将到期的事项"
    counts = Counter(row.severity for row in rows)
    parts = [
        f"{SEVERITY_NAMES[s]}{counts[s]}项" for s in sorted(counts, key=SEVERITY_RANK.__getitem__)
    ]
    branches = len({row.branch_id for row in rows})
    return "，".join(parts) + f"；涉及{branches}个支部"


def kind_name(row: BranchAlert) -> str:
    return KIND_NAMES.get(row.alert.kind, row.alert.kind)


def cells(row: BranchAlert, year: int | None = None) -> list[str]:
    """The row's cells; dates in `year` without the year (the title says it)."""
    day = dt.date.fromisoformat(row.due) if row.due else None
    return [
        SEVERITY_NAMES[row.severity],
        cn_day(day, year) if day else "",
        row.parent,
        row.branch_name,
        kind_name(row),
        row.alert.message,
    ]
