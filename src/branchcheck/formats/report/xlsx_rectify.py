"""The workbook's 整改 sheet: every rectification item by branch, the counts per 机关 above."""

from __future__ import annotations

from ...report.model import RubricSummary
from ..rectify_view import counts_text
from . import rectify_section
from .tables import group_title
from .xlsx_book import Book, Col, Sheet, SheetNames

_WIDTHS = [30, 12, 10, 24, 40, 10, 12, 12, 12]


def rectify_sheet(book: Book, names: SheetNames, group: RubricSummary, suffix: str) -> None:
    """One sheet per rubric whose branches have items; none otherwise."""
    found = rectify_section.tables(group)
    if not found:
        return
    _, header, rows = found[-1]
    counts = "；".join(
        f"{t.name}：{len(t.branches)}个支部{sum(t.statuses.values())}项，{counts_text(t.statuses)}"
        for t in rectify_section.org_tallies(group)
    )
    sheet = Sheet(
        book,
        names.add("整改" + suffix),
        f"整改情况：{group_title(group)}",
        [Col(h, w) for h, w in zip(header, _WIDTHS, strict=True)],
        freeze_cols=1,
        subtitle=counts,
    )
    for row in rows:
        sheet.add(row)
    sheet.close(autofilter=True)
