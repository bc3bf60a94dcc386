"""What reading a workbook keeps: the ledger data, the cell each value sat in, the problems.

Shared by the sheet readers (workbook_read.py, workbook_header.py, workbook_dues.py) and by
workbook.py, which places the models' and the ledger rules' problems at these cells.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..errors import Level, visible
from .workbook_cells import CellError, convert, text_of
from .workbook_layout import Column
from .workbook_open import column_letter, column_number

LEDGER_FORMAT = "branchcheck.ledger/1"
Key = tuple[str | int, ...]
Row = tuple[int, list[Any]]  # a row's number and its values (empty cells None)


class Place(NamedTuple):  # a tuple: one is made for every cell read
    sheet: str
    row: int
    col: int
    header: str  # the column's (or row's) header, named in messages

    def __str__(self) -> str:
        return f"{visible(self.sheet)}!{column_letter(self.col)}{self.row}"


def place_at(title: str, ref: str) -> Place:
    """The place of a cell reference such as `B11` on sheet `title`."""
    letters = ref.rstrip("0123456789")
    return Place(title, int(ref[len(letters) :]), column_number(letters), "")


@dataclass(frozen=True)
class Issue:
    place: Place | None  # None: the whole file
    message: str
    level: Level = "error"
    group: str | None = None


@dataclass
class Book:
    """What was read: the ledger data, each value's place, and the problems met on the way."""

    data: dict[str, Any] = field(default_factory=lambda: {"format": LEDGER_FORMAT})
    places: dict[Key, Place] = field(default_factory=dict)  # a value's cell
    keys: dict[Key, Place] = field(default_factory=dict)  # a mapping key's cell
    issues: list[Issue] = field(default_factory=list)
    sheets: dict[str, Place] = field(default_factory=dict)  # sheet field -> its A1
    # A table's cells, made only when a problem names one (a year has thousands of cells):
    rows: dict[str, list[Place]] = field(default_factory=dict)  # list key -> each record's row
    columns: dict[str, dict[str, tuple[int, str]]] = field(default_factory=dict)  # -> (col, header)

    def lookup(self, loc: Key) -> Place | None:
        """The cell that holds exactly `loc`, if one does."""
        found = self.places.get(loc)
        if found is not None or len(loc) not in (2, 3) or not isinstance(loc[1], int):
            return found
        rows = self.rows.get(str(loc[0]))
        if rows is None or not 0 <= loc[1] < len(rows):
            return None
        row = rows[loc[1]]
        if len(loc) == 2:
            return row
        column = self.columns[str(loc[0])].get(str(loc[2]))
        return None if column is None else Place(row.sheet, row.row, column[0], column[1])

    def add(
        self, place: Place | None, message: str, level: Level = "error", group: str = ""
    ) -> None:
        self.issues.append(Issue(place, message, level, group or None))


class Members:
    """Members named by 编号 or 姓名 -> their 编号 (learnt from the 党员 sheet)."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.ids: set[str] = set()
        self.names: dict[str, list[str]] = {}

    def learn(self) -> None:
        for member in self.book.data.get("members", []):
            mid, name = member.get("id"), member.get("name")
            if isinstance(mid, str):
                self.ids.add(mid)
                if isinstance(name, str):
                    self.names.setdefault(name, []).append(mid)

    def __call__(self, token: str) -> str:
        if token in self.ids:
            return token
        found = self.names.get(token, [])
        if len(found) > 1:
            raise CellError(
                f"two members are named {token!r} ({'、'.join(found)}); write the 编号 instead"
            )
        return found[0] if found else token


def cell_value(book: Book, column: Column, value: Any, place: Place, members: Members) -> Any:
    """The cell's value as its column reads it; None (and an error at the cell) when it cannot."""
    try:
        return convert(column, value, members)
    except CellError as exc:
        book.add(place, f"{column.header}: {exc}")
        return None


def label_of(book: Book, value: Any, place: Place, role: str) -> str | None:
    """A header's, an item's or a key's text; None, with an error at the cell, for a time of
    day or a date with a time, which name nothing (text_of refuses them)."""
    try:
        return text_of(value)
    except CellError:
        shown = f"{value:%H:%M}" if isinstance(value, dt.time) else f"{value:%Y-%m-%d %H:%M}"
        book.add(place, f"{role}: expected text, got a time ({shown}); type it as text")
        return None
