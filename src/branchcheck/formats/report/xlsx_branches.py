"""XLSX, per branch: its 对照表 rows, sent from where it is scored, and the sheets they fill.

The per-branch data (`branch_detail`, made where the ledger is scored, possibly in another
process) is only what the rubric does not say: each norm's earned points, status and detail,
the tasks and the alerts. Names, points and requirement texts come once per rubric from its
RubricMeta.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from ...models.result import Result
from ...report.model import RubricSummary
from ...report.rows import BranchRow
from .. import prose
from ..escape import number
from ..labels import RUBRIC, STATUS, TASK_STATUS
from .base import ReportContext
from .columns import blockers_text, next_tier_text, period_text
from .xlsx_book import Book
from .xlsx_sheet import Col, Sheet

TASKS = "个性任务"
ALERT = "提醒"


@dataclass(frozen=True, slots=True)
class BranchDetail:
    norms: tuple[tuple[float, str, str], ...]  # earned, status, detail; rubric order
    # id, name, points, earned, status, how it was scored (已完成，评定“好”，20分×100%=20分)
    tasks: tuple[tuple[str, str, float, float, str, str], ...]
    alerts: tuple[str, ...]


def branch_detail(result: Result, row: BranchRow) -> BranchDetail:
    return BranchDetail(
        norms=tuple((n.earned, n.status, n.detail) for n in result.norms),
        tasks=tuple(
            (t.id, t.name, t.points, t.earned, t.status, prose.task_rule(t, TASK_STATUS))
            for t in result.tasks
        ),
        alerts=tuple(a.message for a in result.alerts),
    )


# Widths (in characters; a Chinese character counts two) that print one page wide on A4
# landscape at about 85%: long texts wrap in their column.
DETAIL_COLS = [
    Col("维度", 12),
    Col("编号", 7),
    Col("规范", 20),
    Col("要求", 40),
    Col("分值", 6),
    Col("得分", 7),
    Col("状态", 10, status=True),
    Col("说明", 44),
]


# The 明细 sheet puts each branch's id and name first: its long texts wrap narrower, so the
# sheet still prints one A4 landscape page wide at a legible scale.
LIST_CAPS = {"规范": 16, "要求": 30, "说明": 32}


def detail_cols(with_standards: bool, caps: dict[str, int] | None = None) -> list[Col]:
    """With work norms (工作规范), a column naming each item's, after the dimension; `caps`
    narrows the columns it names."""
    cols = [replace(c, cap=caps.get(c.name, c.cap)) for c in DETAIL_COLS] if caps else DETAIL_COLS
    if not with_standards:
        return cols
    return [cols[0], Col("工作规范", 14), *cols[1:]]


def detail_rows(
    group: RubricSummary, detail: BranchDetail, with_standards: bool
) -> Iterator[list[object]]:
    """A branch's 对照表 rows: its norms, its 个性任务, then its alerts."""
    dims = dict(group.meta.dimensions)
    standards = group.meta.standard_names()
    pad = [""] if with_standards else []
    for norm, (earned, status, text) in zip(group.meta.norms, detail.norms, strict=True):
        standard = f"{norm.standard} {standards[norm.standard]}" if norm.standard else ""
        yield [
            dims.get(norm.dimension, norm.dimension),
            *([standard] if with_standards else []),
            norm.id,
            norm.name,
            norm.requirement,
            norm.points,
            None if status == "not_applicable" else earned,
            STATUS.get(status, status),
            text,
        ]
    for task_id, name, points, earned, status, rule in detail.tasks:
        status_text = TASK_STATUS.get(status, status)
        yield [TASKS, *pad, task_id, name, "", points, earned, status_text, rule]
    for message in detail.alerts:
        yield [ALERT, *pad, "", "", "", "", "", "", message]


def branch_title(row: BranchRow) -> str:
    return (
        f"得分{number(row.score)}（{row.tier_name}）；"
        f"一票否决：{'、'.join(row.vetoes) or '无'}；距上一等级：{next_tier_text(row)}；"
        f"须先解决：{blockers_text(row) or '无'}；"
        f"上级组织：{row.parent}；考核期：{period_text(row)}（{row.start} 至 {row.end}）"
    )


def branch_sheets(book: Book, context: ReportContext, sheets: dict[int, str]) -> None:
    for group_id, group in context.summary.rubrics.items():
        grouped = bool(group.meta.standards)
        for row, detail in zip(group.rows, context.fragments(group_id), strict=True):
            sheet = Sheet(
                book,
                sheets[id(row)],
                f"{row.id} {row.name}",
                detail_cols(grouped),
                subtitle=branch_title(row),
            )
            for values in detail_rows(group, detail, grouped):
                sheet.add(values)
            sheet.close()


def detail_sheet(book: Book, context: ReportContext, mixed: bool) -> None:
    grouped = any(g.meta.standards for g in context.summary.rubrics.values())
    cols = [
        Col("支部编号", 12),
        Col("支部名称", 16),
        *detail_cols(grouped, LIST_CAPS),
        # Off the printed pages, which hold one page's width: 各支部 names each branch's.
        *([Col(RUBRIC, 24, printed=False)] if mixed else []),
    ]
    sheet = Sheet(book, "明细", "各支部对照表明细（按台账顺序）", cols, freeze_cols=2)
    for group_id, group in context.summary.rubrics.items():
        extra = [group.meta.id] if mixed else []
        for row, detail in zip(group.rows, context.fragments(group_id), strict=True):
            for values in detail_rows(group, detail, grouped):
                sheet.add([row.id, row.name, *values, *extra])
    sheet.close(autofilter=True)
