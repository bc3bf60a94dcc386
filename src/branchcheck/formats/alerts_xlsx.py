"""`alerts` as a workbook: one sheet, a row per alert in the terminal's order (逾期, 紧急, 提醒;
then by date, organisation and branch), printed as the report's sheets are (A4 landscape, one
page wide, the header on every page). Dates are dates (sortable, filterable); 逾期 rows are
shaded, 紧急 marked, by conditional formats that follow a row when the sheet is sorted."""

from __future__ import annotations

import datetime as dt
import io

from ..engine.alert_rows import SEVERITY_NAMES, BranchAlert
from .alerts_base import AlertOptions, kind_name, tally, title
from .report.xlsx_book import Book, Col, SheetNames
from .sheet_cells import TypedSheet

COLUMNS = [
    Col("程度", 8),
    Col("日期", 16),
    Col("支部", 40),
    Col("上级组织", 20),
    Col("事项", 14),
    Col("说明", 70),
]
OVERDUE = {"bg_color": "#FBE3E1", "font_color": "#8E1B14"}
URGENT = {"font_color": "#9C5700", "bold": True}


def cells(row: BranchAlert) -> list[object]:
    due = dt.date.fromisoformat(row.due) if row.due else ""
    return [
        SEVERITY_NAMES[row.severity],
        due,
        row.branch_name,
        row.parent,
        kind_name(row),
        row.alert.message,
    ]


class XlsxAlerts:
    needs_output = True

    def render(self, rows: list[BranchAlert], options: AlertOptions) -> bytes:
        buffer = io.BytesIO()
        day = options.as_of
        book = Book(buffer, title(options), dt.datetime(day.year, day.month, day.day))
        try:
            sheet = TypedSheet(
                book,
                SheetNames().add("工作提醒"),
                title(options),
                COLUMNS,
                subtitle=tally(rows) + "。",
            )
            for row in rows:
                sheet.add(cells(row))
            sheet.highlight(0, SEVERITY_NAMES["overdue"], OVERDUE, whole_row=True)
            sheet.highlight(0, SEVERITY_NAMES["urgent"], URGENT, whole_row=False)
            sheet.close(autofilter=True)
        except BaseException:
            book.abandon()
            raise
        book.close()
        return buffer.getvalue()
