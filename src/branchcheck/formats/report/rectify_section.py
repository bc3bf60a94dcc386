"""The report's 整改 section: every branch's rectification items, and counts per 机关.

Kept in its own module so that the report formats each call it in one line.
"""

from __future__ import annotations

from typing import Any

from ...engine.rectify import STATUS_NAMES
from ...models.result import RectificationStatus
from ...report.model import OrgTally, RubricSummary
from ...report.rows import BranchRow
from ..prose import norm_label
from ..rectify_view import progress

ITEMS_TITLE = "整改事项"
ORGS_TITLE = "整改情况（按上级组织）"
ITEMS_HEADER = [
    "支部",
    "编号",
    "来源",
    "对应规范",
    "问题",
    "责任人",
    "整改时限",
    "销号日期",
    "状态",
]
ORGS_HEADER = [
    "上级组织",
    "有整改事项的支部",
    "事项",
    "逾期未整改",
    "整改中",
    "按期销号",
    "逾期销号",
]
WHOLE = (1, 6, 7, 8)  # item columns never broken: id, dates, status
_COUNTED: tuple[RectificationStatus, ...] = ("overdue", "open", "closed_on_time", "closed_late")


def _rows(group: RubricSummary) -> list[BranchRow]:
    return sorted(
        (row for row in group.store if row.rectifications), key=lambda r: (r.parent, r.id, r.end)
    )


def org_tallies(group: RubricSummary) -> list[OrgTally]:
    """Per 机关 by name: counted as the batch was scored (no row is read back)."""
    return [group.rectifications[name] for name in sorted(group.rectifications)]


def tables(group: RubricSummary) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) for the counts per 机关 and the items; none without items."""
    rows = _rows(group)
    if not rows:
        return []
    orgs = [
        [
            t.name,
            str(len(t.branches)),
            str(sum(t.statuses.values())),
            *(str(t.statuses[s]) for s in _COUNTED),
        ]
        for t in org_tallies(group)
    ]
    items = [
        [
            row.name,
            item.id,
            item.source,
            norm_label(item.norm, item.norm_name) if item.norm_name else item.norm,
            item.problem,
            item.owner,
            item.due,
            item.done_on or "—",
            STATUS_NAMES[item.status],
        ]
        for row in rows
        for item in row.rectifications
    ]
    return [(ORGS_TITLE, ORGS_HEADER, orgs), (ITEMS_TITLE, ITEMS_HEADER, items)]


COMPACT_HEADER = ["支部", "编号", "对应规范", "问题", "责任人", "进度"]


def terminal_tables(group: RubricSummary) -> list[tuple[str, list[str], list[list[str]]]]:
    """The same for a terminal: the item table narrowed (source dropped, dates folded into
    one 进度 column) so that it reads in one piece at 100 columns."""
    found = tables(group)
    if not found:
        return []
    items = [
        [
            row.name,
            item.id,
            _norm(item.norm, item.norm_name),
            item.problem,
            item.owner,
            progress(item.status, item.due, item.done_on),
        ]
        for row in _rows(group)
        for item in row.rectifications
    ]
    return [found[0], (ITEMS_TITLE, COMPACT_HEADER, items)]


def _norm(norm_id: str, name: str) -> str:
    return norm_label(norm_id, name) if name else norm_id


def json_data(group: RubricSummary) -> list[dict[str, Any]]:
    """Counts per 机关; the items themselves are in each result's `rectifications`."""
    return [
        {
            "name": t.name,
            "branches": len(t.branches),
            "items": sum(t.statuses.values()),
            **{status: t.statuses[status] for status in _COUNTED},
        }
        for t in org_tallies(group)
    ]
