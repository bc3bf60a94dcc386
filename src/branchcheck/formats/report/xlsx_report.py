"""XLSX: the batch as a workbook (XlsxWriter), for the people who file the 通报.

Sheets, in this order (each: a title row, maybe a note row, then a header row; all frozen):
- 汇总: one row per rubric (branches, mean, median), then each rubric's tier distribution.
- 各单位, 各项规范 (weakest norm first): per rubric, so a batch that mixes rubrics gets one of
  each per rubric ("各单位·mini", "各单位·mini-b"): tier columns and norms differ by rubric and
  a sheet keeps a single frozen header that fits all its rows.
- 各支部: every branch, weakest first; its id links to its own sheet.
- 未能评分: the ledgers that could not be scored, when there are any.
- One sheet per branch, named after the branch id (made valid and unique for Excel), holding
  its 对照表: dimension, norm, name, requirement, points, earned, status, detail; then the
  个性任务 and the alerts. A batch of more than PER_SHEET_LIMIT branches gets one 明细 sheet
  instead, every branch's rows under one filterable header: thousands of tabs cannot be
  browsed and make the file slow to open.

Ids, names and every other user text are written with write_string (a branch named `=1+2` stays
text); figures are numbers, shares are numbers formatted as percentages.

The workbook is written in constant_memory mode: each sheet's rows go to a temporary file as
they are written, so memory holds one row per sheet, not the workbook. That mode requires
each sheet's rows in order, which is how every sheet here is written; sheets are filled one
after the other, and column widths (known at the end of a sheet) are set when it is done.

The per-branch part lives in xlsx_branches.py.
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from ...report.model import RubricSummary, Summary
from ...report.rows import BranchRow
from ..labels import RUBRIC
from .base import ReportContext, ordered_rows
from .columns import Kind, period_text, sheet_columns
from .tables import (
    ERROR_HEADER,
    count_label,
    group_label,
    group_title,
    norm_header,
    org_header,
    org_rows,
    overview,
    period_line,
    report_title,
)
from .xlsx_book import Book
from .xlsx_branches import branch_detail, branch_sheets, detail_sheet
from .xlsx_rectify import rectify_sheet
from .xlsx_sheet import Col, Pct, Sheet, SheetNames, internal_link

PER_SHEET_LIMIT = 250  # more branches than this: one 明细 sheet instead of a sheet each


# --- the sheets ----------------------------------------------------------------------------


def summary_sheet(book: Book, summary: Summary) -> None:
    cols = [
        Col(RUBRIC, 24),
        Col("名称", 54),  # the longest built-in name (68) on two lines: the page fits A4
        Col("考核期", 36),
        Col("支部数", 10),
        Col("台账数", 10),
        Col("平均分", 10),
        Col("中位数", 10),
        Col("版本", 12),
    ]
    sheet = Sheet(book, "汇总", report_title(summary), cols, subtitle="；".join(overview(summary)))
    for group in summary.rubrics.values():
        meta = group.meta
        sheet.add(
            [
                group_label(group),
                meta.name,
                period_line(group.periods()).removeprefix("考核期："),
                group.branches,
                group.count,
                group.mean,
                group.median,
                meta.version,
            ]
        )
    for group in summary.rubrics.values():
        sheet.skip()
        sheet.heading([RUBRIC, "等级", count_label(group), "占比"])
        for tier_id, name in reversed(group.meta.tiers):
            count = group.tier_counts.get(tier_id, 0)
            share = Pct(count / group.count) if group.count else None
            sheet.add([group_label(group), name, count, share])
    if summary.errors:
        sheet.skip()
        sheet.note(
            "未能评分",
            f"{summary.failed_files}个台账未能评分（{len(summary.errors)}处问题），"
            "见“未能评分”工作表",
        )
    sheet.close()


def _suffix(group: RubricSummary, mixed: bool) -> str:
    return f"·{group_label(group)}" if mixed else ""


def org_sheet(book: Book, names: SheetNames, group: RubricSummary, mixed: bool) -> None:
    header = org_header(group)
    cols = [Col(header[0], 40), *(Col(h, 14) for h in header[1:])]
    sheet = Sheet(
        book, names.add("各单位" + _suffix(group, mixed)), f"各单位情况：{group_title(group)}", cols
    )
    for text in org_rows(group):  # the text tables' order; figures from the stats themselves
        org = group.organisations[text[0]]
        sheet.add(
            [
                org.name,
                org.branches,
                *(org.tiers.get(tier_id, 0) for tier_id, _ in reversed(group.meta.tiers)),
                org.mean,
                Pct(org.above_floor / org.branches),
            ]
        )
    sheet.close(autofilter=True)


def norm_sheet(
    book: Book, names: SheetNames, group: RubricSummary, mixed: bool, standards: bool = False
) -> None:
    caps = [10, 40, 24, 10, 10, 10, 10, 10]
    header = norm_header(group, standards)
    cols = [Col(h, c) for h, c in zip(header, caps, strict=True)]
    what = "工作规范" if standards else ("检查内容" if group.meta.standards else "规范")
    sheet = Sheet(
        book,
        names.add(f"各项{what}" + _suffix(group, mixed)),
        f"各项{what}达标率（由低到高）：{group_title(group)}",
        cols,
    )
    dims = dict(group.meta.dimensions)
    for n in group.weakest_standards() if standards else group.weakest_norms():
        sheet.add(
            [
                n.id,
                n.name,
                dims.get(n.dimension, n.dimension),
                n.points,
                n.applicable,
                n.met,
                "—" if n.share is None else Pct(n.share),
                n.lost,
            ]
        )
    sheet.close(autofilter=True)


def branch_list_sheet(book: Book, summary: Summary, sheets: dict[int, str], mixed: bool) -> None:
    """Every branch in the columns `columns.BRANCH_COLUMNS` describes; its id links to its
    sheet. About 160 characters wide in all (the long texts wrap): one A4 landscape page wide
    at a legible scale, about 84 % (at least xlsx_sheet.LEGIBLE)."""
    specs = sheet_columns(mixed)
    cols = [Col(c.label, c.cap, printed=c.printed) for c in specs]
    sheet = Sheet(book, "各支部", "各支部情况（按得分由低到高）", cols, freeze_cols=2)
    for group in summary.rubrics.values():
        for row in ordered_rows(group.rows):
            target = sheets.get(id(row))
            sheet.add(
                [c.get(row) if c.kind is Kind.NUMBER else c.text(row) for c in specs],
                link=internal_link(target) if target else None,
            )
    sheet.close(autofilter=True)


def error_sheet(book: Book, summary: Summary) -> None:
    cols = [
        Col(ERROR_HEADER[0], 60),
        Col(ERROR_HEADER[1], 8),
        Col(ERROR_HEADER[2], 8),
        Col(ERROR_HEADER[3], 80),
    ]
    sheet = Sheet(book, "未能评分", "未能评分的台账", cols)
    for e in summary.errors:
        sheet.add([e.file, e.line, e.col, e.message])
    sheet.close()


def _sheet_name(row: BranchRow, repeated: frozenset[str]) -> str:
    """A branch's sheet: its id, and its period when the branch has two ledgers."""
    return f"{row.id}·{period_text(row)}" if row.id in repeated else row.id


def created(summary: Summary) -> dt.datetime:
    """The workbook's date: the latest period end in the batch, so the same batch gives the
    same bytes."""
    ends = [row.end for g in summary.rubrics.values() for row in g.rows]
    try:
        return dt.datetime.fromisoformat(max(ends)) if ends else dt.datetime(2000, 1, 1)
    except ValueError:
        return dt.datetime(2000, 1, 1)


class XlsxReport:
    needs_output = True
    writes_bulletin = False
    fragment = staticmethod(branch_detail)

    def write(self, context: ReportContext, out: BinaryIO) -> None:
        summary = context.summary
        groups = len(summary.rubrics) > 1  # a sheet per group: named for it
        mixed = len(summary.rubric_ids) > 1  # rubrics mixed: each branch says its own
        book = Book(out, report_title(summary), created(summary))
        names = SheetNames()
        fixed = ["汇总", "各支部", "未能评分", "明细"]
        for name in fixed:
            names.add(name)
        summary_sheet(book, summary)
        for group in summary.rubrics.values():
            org_sheet(book, names, group, groups)
        for group in summary.rubrics.values():
            if group.meta.standards:
                norm_sheet(book, names, group, groups, standards=True)
            norm_sheet(book, names, group, groups)
            rectify_sheet(book, names, group, _suffix(group, groups))
        per_sheet = summary.count <= PER_SHEET_LIMIT
        repeated = summary.repeated
        sheets = (
            {
                id(row): names.add(_sheet_name(row, repeated))
                for g in summary.rubrics.values()
                for row in g.rows
            }
            if per_sheet
            else {}
        )
        branch_list_sheet(book, summary, sheets, mixed)
        if summary.errors:
            error_sheet(book, summary)
        if per_sheet:
            branch_sheets(book, context, sheets)
        else:
            detail_sheet(book, context, mixed)
        book.close()
