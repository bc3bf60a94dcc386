"""Where a sheet's table starts, and which column holds which field.

Offices put a title above a table (`市委办公室机关第一党支部党员名册`, merged across the
columns, so its one value sits in the first cell) and sometimes a line under it
(`填报单位：…  填报日期：…`). The header is the row, among the sheet's first rows, that holds
the most of the sheet's headers; rows above it are its title. A title of one cell a row is
not data and is passed over; a row above the header holding several cells may be a record
out of place (a table sorted with its header), so it is warned of, never read.
"""

from __future__ import annotations

from .workbook_book import Book, Place, Row, label_of
from .workbook_cells import month_of
from .workbook_layout import Column, Sheet
from .workbook_open import column_letter

TITLE_ROWS = 3  # rows a title may take above the header: a title, a subtitle, a 填报 line
PAIRS_HEADER = "项目"  # the optional header over a sheet of items (支部, 支委会): 项目 | 内容


def _known(spec: Sheet, values: list[object]) -> int:
    """How many of the row's cells are headers of the sheet (for a sheet of items: 1 when its
    first cell names an item, or is the header 项目)."""
    names = {c.header for c in spec.columns}
    if spec.shape == "pairs":
        first = values[0] if values else None
        return int(isinstance(first, str) and first.strip() in names | {PAIRS_HEADER})
    return sum(1 for v in values if isinstance(v, str) and v.strip() in names)  # headers are text


def header_at(spec: Sheet, rows: list[Row]) -> int:
    """The index in `rows` (the sheet's non-empty rows) of its header: of the first
    TITLE_ROWS + 1 rows, the one holding the most of the sheet's headers, the first on a tie;
    the first row when none holds one (its cells are then warned of as unknown columns). On a
    sheet of items the search ends at the first row with cells in both A and B: an item and
    its value, which is warned of by name when the item is unknown."""
    best, at = 0, 0
    for index, (_, values) in enumerate(rows[: TITLE_ROWS + 1]):
        count = _known(spec, values)
        if count > best:
            best, at = count, index
        if spec.shape == "pairs" and len(values) > 1 and None not in values[:2]:
            break  # an item and its value, known or not: the items have begun
    return at


def below_title(book: Book, spec: Sheet, rows: list[Row], title: str) -> list[Row]:
    """The sheet's rows from its header on; a row above it holding several cells is warned of."""
    at = header_at(spec, rows)
    if at:
        header_row = rows[at][0]
        for number, values in rows[:at]:
            cells = [i for i, v in enumerate(values) if v is not None]
            if len(cells) > 1:
                book.add(
                    Place(title, number, cells[0] + 1, ""),
                    f"this row is above the header (row {header_row}); not read",
                    "warning",
                    group="above-header",
                )
    return rows[at:]


def header(
    book: Book, spec: Sheet, rows: list[Row], title: str
) -> tuple[dict[int, Column], set[int]]:
    """The header row (the first of `rows`): which column holds which field, and which
    columns have a header at all."""
    if not rows:
        return {}, set()
    number, values = rows[0]
    by_header = {c.header: c for c in spec.columns}
    columns: dict[int, Column] = {}
    seen: dict[str, int] = {}
    for i, value in enumerate(values):
        if value is None:
            continue
        name = label_of(book, value, Place(title, number, i + 1, ""), "column header")
        if name is None:
            continue
        place = Place(title, number, i + 1, name)
        column = by_header.get(name)
        if column is None:
            if spec.shape == "dues" and month_of(value) is not None:
                continue  # a month column
            known = "、".join(by_header)
            book.add(place, f"unknown column {name!r} not read (the columns: {known})", "warning")
        elif name in seen:
            book.add(place, f"column {name!r} again (first in column {column_letter(seen[name])})")
        else:
            seen[name] = i + 1
            columns[i] = column
    return columns, {i for i, value in enumerate(values) if value is not None}


def unread(book: Book, values: list[object], headed: set[int], title: str, row: int) -> None:
    """Warn of cells in columns without a header (an unknown header is warned of once)."""
    for i, value in enumerate(values):
        if value is not None and i not in headed:
            book.add(
                Place(title, row, i + 1, ""),
                "this cell has no column header; not read",
                "warning",
                group="no-header",
            )
