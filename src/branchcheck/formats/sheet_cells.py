"""Cells the report's sheets (report/xlsx_book.Sheet) write plainly, written here with the look
their meaning needs: scores with two decimals, changes with their sign, days as dates.

`TypedSheet` is the report's Sheet (title, frozen header, print setup, widths, row heights):
a row goes through `Sheet.add` as usual, then its typed cells are written again, in the same
row, with their number format (the constant_memory mode keeps the current row open until the
next one is started, so the second write replaces the first). Highlights are conditional
formats over the rows, so they follow a row when the reader sorts the sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..cn_dates import cn_date
from .report.xlsx_book import Book, Sheet

CELL = {"valign": "top", "border": 1, "border_color": "#BFBFBF"}  # ruled as the report's cells
NUMBER_FORMATS = {
    "fixed": "0.00",
    "signed": "+0.00;-0.00;0.00",
    "date": 'yyyy"年"m"月"d"日"',
}
# Figures kept off the text in the next column when printed; dates read as the text they are.
ALIGN: dict[str, dict[str, Any]] = {
    "fixed": {"align": "right", "indent": 1},
    "signed": {"align": "right", "indent": 1},
    "date": {"align": "left"},
}


class Fixed(float):
    """A score, shown with two decimals (85.00)."""


class Signed(float):
    """A change, shown with its sign (+11.18, -4.17)."""


def _width(value: object) -> int:
    """Columns the shown value takes: figures are ASCII; a date has three wide characters."""
    shown = _shown(value)
    return len(shown) + (3 if isinstance(value, dt.date) else 0)


def _shown(value: object) -> str:
    if isinstance(value, Signed):
        return f"{value:+.2f}"
    if isinstance(value, Fixed):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return cn_date(value)
    return ""


def cell_format(book: Book, kind: str, **extra: Any) -> Any:
    """One of NUMBER_FORMATS (or plain text) in the report's ruled cell, made once per book."""
    key = f"cycle:{kind}:{sorted(extra.items())}"
    if key not in book.fmt:
        style: dict[str, Any] = {**CELL, **ALIGN.get(kind, {}), **extra}
        if kind in NUMBER_FORMATS:
            style["num_format"] = NUMBER_FORMATS[kind]
        book.fmt[key] = book.workbook.add_format(style)
    return book.fmt[key]


class TypedSheet(Sheet):
    def add(self, values: Sequence[object], link: str | None = None) -> None:
        row = self.row
        plain = [_plain(v) for v in values]
        super().add(plain, link)
        for col, value in enumerate(values):
            if isinstance(value, Signed):
                self.ws.write_number(row, col, value, cell_format(self.book, "signed"))
            elif isinstance(value, Fixed):
                self.ws.write_number(row, col, value, cell_format(self.book, "fixed"))
            elif isinstance(value, dt.date):
                when = dt.datetime(value.year, value.month, value.day)
                self.ws.write_datetime(row, col, when, cell_format(self.book, "date"))
            else:
                continue
            self.widths[col] = max(self.widths[col], _width(value) + 3)

    @property
    def first_row(self) -> int:
        """The first row under the header."""
        return self.header_row + 1

    def highlight(self, column: int, word: str, style: dict[str, Any], whole_row: bool) -> None:
        """Rows whose `column` holds `word` (逾期), or its cells that contain it (进位)."""
        last_row, last_col = self.row - 1, len(self.cols) - 1
        if last_row < self.first_row:
            return
        look = self.book.workbook.add_format(style)
        if whole_row:
            from xlsxwriter.utility import xl_col_to_name

            letter = xl_col_to_name(column)
            self.ws.conditional_format(
                self.first_row,
                0,
                last_row,
                last_col,
                {
                    "type": "formula",
                    "criteria": f'=${letter}{self.first_row + 1}="{word}"',
                    "format": look,
                },
            )
        else:
            self.ws.conditional_format(
                self.first_row,
                column,
                last_row,
                column,
                {"type": "text", "criteria": "containing", "value": word, "format": look},
            )


def _plain(value: object) -> object:
    if isinstance(value, Fixed):
        return float(value)
    if isinstance(value, dt.date):
        return _shown(value)
    return value
