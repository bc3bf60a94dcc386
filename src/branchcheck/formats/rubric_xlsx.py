"""`rubrics show ID -f xlsx`: the 对照表 as a workbook to print and file.

One sheet, set up for print like the report's (A4 landscape, one page wide, the header row on
every page): a band per dimension with its points, a row per check item (a work norm's cell
merged down its items), the 个性任务 row, then the rules and the tiers in words.
"""

from __future__ import annotations

import datetime as dt
import io

from ..models.rubric import Rubric
from . import rubric_view as view
from .base import RenderOptions
from .escape import number
from .report.xlsx_book import Book
from .report.xlsx_sheet import Col, Sheet
from .rubric_rule_lines import rule_lines, tier_lines

# Characters (a Chinese character counts two): one A4 landscape page wide at 80 % or more
# (report/xlsx_sheet.PRINT_WIDTH), the long texts wrapped.
WIDTHS = {
    view.STANDARD_COLUMN: 14,
    "编号": 7,
    "规范": 16,
    "要求": 28,
    view.POINTS_COLUMN: 6,
    "考核内容": 24,
    "计分方式": 18,
    "台账记录": 20,
    "标记": 12,
    "依据": 18,
}


def _band(name: str, rows: list[view.Row]) -> str:
    points = sum(r.points for r in rows if not r.bonus)
    return f"{name}（{number(points)}分）" if points else f"{name}（加分项）"


def write_rubric(rubric: Rubric, out: io.BytesIO) -> None:
    book = Book(out, view.heading(rubric)[0], dt.datetime(2000, 1, 1), constant_memory=False)
    grouped = bool(rubric.standards)
    names = view.header(rubric)[1:]  # the dimension is each band's title
    sheet = Sheet(
        book,
        "对照表",
        view.heading(rubric)[0],
        [Col(name, WIDTHS[name]) for name in names],
        subtitle="；".join(view.heading(rubric)[1:]),
    )
    by_dimension: dict[str, list[view.Row]] = {}
    for row in view.table_rows(rubric):
        by_dimension.setdefault(row.cells[0], []).append(row)
    for dimension, rows in by_dimension.items():
        sheet.band(_band(dimension, rows))
        start, previous = sheet.row, None
        for row in rows:
            values: list[object] = list(row.cells[1:])
            points_at = names.index(view.POINTS_COLUMN)
            values[points_at] = row.points
            if grouped and values[0] == previous:
                values[0] = None
            elif grouped:
                _merge_standard(sheet, start, previous)
                start, previous = sheet.row, values[0]
            sheet.add(values)
        if grouped:
            _merge_standard(sheet, start, previous)
    sheet.skip()
    sheet.band(view.RULES_TITLE)
    for label, text in rule_lines(rubric):
        sheet.paragraph(label, text)
    sheet.skip()
    sheet.band(view.TIERS_TITLE)
    for name, text in tier_lines(rubric):
        sheet.paragraph(name, text)
    sheet.close()
    book.close()


def _merge_standard(sheet: Sheet, start: int, name: object) -> None:
    """The work norm's cell down the rows of its items (written since `start`)."""
    if isinstance(name, str) and name and sheet.row - 1 > start:
        sheet.ws.merge_range(start, 0, sheet.row - 1, 0, name, sheet.book.fmt["text"])


class RubricXlsx:
    needs_output = True

    def render(self, rubric: Rubric, options: RenderOptions) -> bytes:
        out = io.BytesIO()
        write_rubric(rubric, out)
        return out.getvalue()
