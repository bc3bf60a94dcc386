"""One sheet of a workbook, filled row by row: a valid, unique name; a title, maybe a
subtitle, a frozen header, then rows; columns sized to what they hold (up to a cap, longer
text wraps); rows as tall as their wrapped text; set up to print (A4 landscape, one page wide,
the header row on every page)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .xlsx_book import Book

# --- sheet names ---------------------------------------------------------------------------

_SHEET_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")


def _fit(text: str, units: int) -> str:
    """The longest prefix of `text` within `units` UTF-16 code units (how Excel counts)."""
    used = 0
    for i, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > units:
            return text[:i]
    return text


class SheetNames:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, no quote at either end,
    unique without regard to case, and never the reserved `History`."""

    def __init__(self) -> None:
        self._taken = {"history"}

    def add(self, wanted: str) -> str:
        base = _SHEET_BAD.sub("_", wanted).strip().strip("'").strip() or "支部"
        name, n = _fit(base, 31), 2
        while name.casefold() in self._taken:
            suffix = f"~{n}"
            name, n = _fit(base, 31 - len(suffix)).rstrip("'") + suffix, n + 1
        self._taken.add(name.casefold())
        return name


def internal_link(sheet: str) -> str:
    return "internal:'" + sheet.replace("'", "''") + "'!A1"


# --- writing one sheet ---------------------------------------------------------------------


def text_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: CJK and other wide characters count twice."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class Pct(float):
    """A share, written as a number formatted as a percentage."""


@dataclass(frozen=True)
class Col:
    name: str
    cap: int = 40  # widest the column is made; longer text wraps
    status: bool = False  # text coloured by the status label it holds
    printed: bool = True  # False: in the workbook, not on paper (only trailing columns)


A4 = 9  # XlsxWriter's (and Excel's) paper size number
ROW_POINTS = 16.5  # one line of 11-point text, Chinese fonts included

# A4 landscape between page_setup's margins (277 mm) holds 141 characters of column width at
# 100 % (as LibreOffice lays out the workbook's Calibri 11: 5.55 points a stored character;
# Excel fits about 5 % more). A sheet fit to one page wide prints at PAGE_WIDTH divided by its
# printed columns' stored widths (each a set width plus XlsxWriter's 0.71 of padding): at
# most PRINT_WIDTH of them keeps 11-point text at 8.8 points or more on paper.
PAGE_WIDTH = 141
LEGIBLE = 0.8
PRINT_WIDTH = PAGE_WIDTH / LEGIBLE


def page_setup(ws: Any, header_row: int) -> None:
    """Printed as a 对照表 is filed: A4 landscape, one page wide (as many long as it takes),
    the header row on every page, page numbers in the footer."""
    ws.set_landscape()
    ws.set_paper(A4)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer("&C第 &P 页，共 &N 页")


def lines_needed(text: str, width: int) -> int:
    """Lines a wrapped text takes in a cell `width` characters wide (a generous guess: a
    printed row must not cut its last line)."""
    return max(1, -(-text_width(text) * 11 // (10 * max(width, 1))))


def cell_lines(text: str, cap: int) -> int:
    """Lines a text takes in a column whose width is at most `cap`: one when it fits (the
    column is made at least as wide as its longest text, up to the cap), else wrapped at the
    cap. Spreadsheets do not size rows to wrapped text on their own (LibreOffice keeps one
    line), so each row is given its height."""
    return sum(
        1 if text_width(line) + 2 <= cap else lines_needed(line, cap - 1)
        for line in text.split("\n")
    )


class Sheet:
    """A sheet filled row by row: title, frozen header, rows; columns sized when done. Set up
    for print (page_setup); the subtitle spans the table's width and wraps."""

    def __init__(
        self,
        book: Book,
        name: str,
        title: str,
        cols: Sequence[Col],
        freeze_cols: int = 0,
        subtitle: str | None = None,
    ) -> None:
        self.book, self.cols = book, list(cols)
        self.ws = book.workbook.add_worksheet(name)
        self.ws.set_default_row(ROW_POINTS)  # 15 points cut Chinese text at the bottom
        self.widths = [text_width(c.name) + 2 for c in self.cols]
        self.ws.write_string(0, 0, title, book.fmt["title"])
        self.row = 1
        if subtitle is not None:
            self._subtitle(subtitle)
            self.row = 2
        self.header_row = self.row
        self.heading([c.name for c in self.cols])
        self.ws.freeze_panes(self.row, freeze_cols)
        page_setup(self.ws, self.header_row)

    def _subtitle(self, text: str) -> None:
        """Row 2 across every column, wrapped; its height guessed from the narrowest the
        columns can end up (their headings), since rows are written before widths are known."""
        last = len(self.cols) - 1
        fmt = self.book.fmt["subtitle"]
        if last == 0:
            self.ws.write_string(1, 0, text, fmt)
            return
        narrowest = sum(min(c.cap, max(text_width(c.name) + 2, 8)) for c in self.cols)
        self.ws.set_row(1, ROW_POINTS * lines_needed(text, narrowest))
        self.ws.merge_range(1, 0, 1, last, text, fmt)

    def heading(self, names: Sequence[str]) -> None:
        self._height([(spec.cap, name) for spec, name in zip(self.cols, names, strict=False)])
        for col, name in enumerate(names):
            if name:
                self.ws.write_string(self.row, col, name, self.book.fmt["header"])
        self.row += 1

    def _height(self, cells: Sequence[tuple[int, object]]) -> None:
        """The current row's height: its tallest wrapped text (set before the row is
        written, as constant_memory mode requires)."""
        lines = max(
            (
                cell_lines(str(value), cap)
                for cap, value in cells
                if isinstance(value, str) and not isinstance(value, Pct)
            ),
            default=1,
        )
        if lines > 1:
            self.ws.set_row(self.row, ROW_POINTS * lines)

    def add(self, values: Sequence[object], link: str | None = None) -> None:
        """A row; one shorter than the columns leaves the cells after it untouched (a small
        table under a wider one)."""
        fmt = self.book.fmt
        cols = self.cols[: len(values)]
        self._height([(spec.cap, value) for spec, value in zip(cols, values, strict=True)])
        for col, (spec, value) in enumerate(zip(cols, values, strict=True)):
            if value is None or value == "":
                self.ws.write_blank(self.row, col, None, fmt["text"])  # ruled like the rest
                continue
            if isinstance(value, Pct):
                self.ws.write_number(self.row, col, value, fmt["pct"])
                shown = f"{value:.1%}"
            elif isinstance(value, int | float) and not isinstance(value, bool):
                self.ws.write_number(self.row, col, value, fmt["num"])
                shown = f"{value:g}"
            else:
                shown = str(value)
                if col == 0 and link is not None:
                    self.ws.write_url(self.row, col, link, fmt["link"], string=shown)
                else:
                    style = fmt.get(f"status:{shown}", fmt["text"]) if spec.status else fmt["text"]
                    self.ws.write_string(self.row, col, shown, style)
            self.widths[col] = max(self.widths[col], text_width(shown) + 2)
        self.row += 1

    def band(self, text: str) -> None:
        """A row across the table: a group's heading (一、政治建设标准化（8分）)."""
        self.ws.merge_range(self.row, 0, self.row, len(self.cols) - 1, text, self.book.fmt["band"])
        self.row += 1

    def paragraph(self, label: str, text: str) -> None:
        """A label, and a text across the rest of the table's width, wrapped."""
        fmt = self.book.fmt
        width = sum(c.cap for c in self.cols[1:])
        lines = lines_needed(text, width)
        if lines > 1:
            self.ws.set_row(self.row, ROW_POINTS * lines)
        self.ws.write_string(self.row, 0, label, fmt["label"])
        last = len(self.cols) - 1
        if last > 1:
            self.ws.merge_range(self.row, 1, self.row, last, text, fmt["paragraph"])
        else:
            self.ws.write_string(self.row, last, text, fmt["paragraph"])
        self.row += 1

    def note(self, label: str, text: str) -> None:
        self.ws.write_string(self.row, 0, label, self.book.fmt["label"])
        self.ws.write_string(self.row, 1, text, self.book.fmt["note"])
        self.row += 1

    def skip(self) -> None:
        self.row += 1

    def close(self, autofilter: bool = False) -> None:
        for col, (spec, width) in enumerate(zip(self.cols, self.widths, strict=True)):
            self.ws.set_column(col, col, min(max(width, 6), spec.cap))
        if autofilter and self.row > self.header_row + 1:
            self.ws.autofilter(self.header_row, 0, self.row - 1, len(self.cols) - 1)
        printed = len(self.cols)
        while printed > 1 and not self.cols[printed - 1].printed:
            printed -= 1
        if printed < len(self.cols):  # e.g. the ledger file: a path, not for the 通报
            self.ws.print_area(0, 0, max(self.row - 1, self.header_row), printed - 1)
