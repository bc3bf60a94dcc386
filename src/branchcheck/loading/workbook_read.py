"""An .xlsx ledger's sheets -> the ledger data the YAML loader gives, and where each value sat.

The file is opened, bounded and scanned by workbook_open.py; this module reads each sheet by
its shape in the layout table (workbook_layout.py) and keeps every value's cell, so a problem
found later, by the models or the ledger rules, is reported at the cell that held it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import Level, visible
from .decode import read_bytes
from .workbook_cells import CellError, convert, month_of, paid, text_of
from .workbook_layout import BY_NAME, INSTRUCTIONS, SHEETS, Column, Sheet
from .workbook_open import RawSheet, column_letter, column_number, open_workbook

LEDGER_FORMAT = "branchcheck.ledger/1"
Key = tuple[str | int, ...]


class Place(NamedTuple):  # a tuple: one is made for every cell read
    sheet: str
    row: int
    col: int
    header: str  # the column's (or row's) header, named in messages

    def __str__(self) -> str:
        return f"{visible(self.sheet)}!{column_letter(self.col)}{self.row}"


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


Row = tuple[int, list[Any]]  # a row's number and its values (empty cells None)


def read_workbook(path: Path) -> Book:
    """The workbook's ledger data; raises BranchcheckError when it is not a readable .xlsx."""
    book = Book()
    sheets = open_workbook(str(path), read_bytes(path), lambda title: title.strip() in BY_NAME)
    found = _sheets(sheets, book)
    members = found.pop(BY_NAME["党员"].name, None)
    resolve = _Members(book)
    if members is not None:
        _rows(book, BY_NAME["党员"], members[1], members[0], resolve)
        resolve.learn()
    readers = {"pairs": _pairs, "rows": _rows, "mapping": _mapping, "dues": _dues}
    for spec in SHEETS:
        if spec.name in found:
            title, rows = found[spec.name]
            readers[spec.shape](book, spec, rows, title, resolve)
    for spec in SHEETS:
        if not spec.optional and spec.name not in found and spec.name != "党员":
            book.add(None, f"no sheet named {spec.name!r}: {spec.proves}")
    if members is None:
        book.add(None, "no sheet named '党员' (the members); every ledger lists its members")
    return book


def _sheets(sheets: list[RawSheet], book: Book) -> dict[str, tuple[str, list[Row]]]:
    found: dict[str, tuple[str, list[Row]]] = {}
    known = "、".join(s.name for s in SHEETS)
    for sheet in sheets:
        title = sheet.title
        spec = BY_NAME.get(title.strip())
        top = Place(title, 1, 1, "")
        if title.strip() == INSTRUCTIONS:
            continue  # the template's instructions: for people, never read
        if spec is None:
            book.add(top, f"unknown sheet {title!r} not read (the sheets read: {known})", "warning")
            continue
        if spec.name in found:
            book.add(top, f"a second sheet named {spec.name!r}; rename or remove one")
            continue
        if not sheet.visible:
            book.add(top, "this sheet is hidden; it is read all the same", "warning")
        for ref in sheet.formulas:
            book.add(
                _at(title, ref),
                "this cell holds a formula; its value as last computed is read (a workbook"
                " saved by a program that does not compute formulas has none: paste values)",
                "warning",
                group="formula",
            )
        for ref in sheet.errors:
            book.add(
                _at(title, ref), "this cell shows an error value (such as #N/A); type the value"
            )
        bad = {(p.row, p.col) for p in (_at(title, ref) for ref in sheet.errors)}
        rows = (
            [
                (n, [None if (n, i + 1) in bad else v for i, v in enumerate(values)])
                for n, values in sheet.rows
            ]
            if bad
            else sheet.rows
        )
        book.sheets[spec.field or spec.name] = Place(title, 1, 1, "")
        found[spec.name] = (title, rows)
    return found


def _at(title: str, ref: str) -> Place:
    letters = ref.rstrip("0123456789")
    return Place(title, int(ref[len(letters) :]), column_number(letters), "")


class _Members:
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


def _value(book: Book, column: Column, value: Any, place: Place, members: _Members) -> Any:
    try:
        return convert(column, value, members)
    except CellError as exc:
        book.add(place, f"{column.header}: {exc}")
        return None


def _header(
    book: Book, spec: Sheet, rows: list[Row], title: str
) -> tuple[dict[int, Column], set[int]]:
    """The header row (the first non-empty one): which column holds which field."""
    if not rows:
        return {}, set()
    number, values = rows[0]
    by_header = {c.header: c for c in spec.columns}
    columns: dict[int, Column] = {}
    seen: dict[str, int] = {}
    for i, value in enumerate(values):
        if value is None:
            continue
        header = text_of(value)
        place = Place(title, number, i + 1, header)
        column = by_header.get(header)
        if column is None:
            if spec.shape == "dues" and month_of(value) is not None:
                continue  # a month column
            known = "、".join(by_header)
            book.add(place, f"unknown column {header!r} not read (the columns: {known})", "warning")
        elif header in seen:
            book.add(
                place, f"column {header!r} again (first in column {column_letter(seen[header])})"
            )
        else:
            seen[header] = i + 1
            columns[i] = column
    return columns, {i for i, value in enumerate(values) if value is not None}


def _rows(book: Book, spec: Sheet, rows: list[Row], title: str, members: _Members) -> None:
    columns, headed = _header(book, spec, rows, title)
    book.columns[spec.field] = {str(c.field): (i + 1, c.header) for i, c in columns.items()}
    records: list[dict[str, Any]] = []
    places = book.rows.setdefault(spec.field, [])
    width = len(rows[0][1]) if rows else 0
    gaps = any(i not in headed for i in range(width))  # a header cell left empty
    for number, values in rows[1:]:
        record: dict[str, Any] = {}
        for i, column in columns.items():
            value = values[i] if i < len(values) else None
            if value is not None:
                place = Place(title, number, i + 1, column.header)
                record[str(column.field)] = _value(book, column, value, place, members)
        if gaps or len(values) > width:
            _unread(book, values, headed, title, number)
        if not record:
            continue  # only unknown or headerless cells: warned of, not a record
        places.append(Place(title, number, 1, ""))
        records.append({k: v for k, v in record.items() if v is not None})
    book.data[spec.field] = records


def _unread(book: Book, values: list[Any], headed: set[int], title: str, row: int) -> None:
    """Warn of cells in columns without a header (an unknown header is warned of once)."""
    for i, value in enumerate(values):
        if value is not None and i not in headed:
            book.add(
                Place(title, row, i + 1, ""),
                "this cell has no column header; not read",
                "warning",
                group="no-header",
            )


def _pairs(book: Book, spec: Sheet, rows: list[Row], title: str, members: _Members) -> None:
    by_header = {c.header: c for c in spec.columns}
    seen: dict[str, int] = {}
    notes: set[int] = set()  # columns headed 说明: the template's notes, never read
    for number, values in rows:
        label = text_of(values[0]) if values and values[0] is not None else ""
        if number == rows[0][0] and label == "项目":
            notes = {i for i, v in enumerate(values) if i >= 2 and v == "说明"}
            continue  # the header row
        place = Place(title, number, 2, label)
        column = by_header.get(label)
        for i, extra in enumerate(values[2:], start=3):
            if extra is not None and i - 1 not in notes:
                book.add(Place(title, number, i, ""), "only columns A and B are read", "warning")
        if column is None or column.field is None:
            shown = Place(title, number, 1, label)
            if label:
                known = "、".join(by_header)
                book.add(shown, f"unknown item {label!r} not read (the items: {known})", "warning")
            else:
                book.add(shown, "a value without its item name (column A); not read", "warning")
            continue
        if label in seen:
            book.add(place, f"{label!r} again (first on row {seen[label]})")
            continue
        seen[label] = number
        path = tuple(column.field.split("."))
        book.places[path] = place
        value = values[1] if len(values) > 1 else None
        if value is None:
            continue
        converted = _value(book, column, value, place, members)
        if converted is None:
            continue
        target = book.data
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = converted
    for column in spec.columns:  # parents (`branch`, `committee.extension`) point at A1
        assert column.field is not None
        path = tuple(column.field.split("."))
        for depth in range(1, len(path)):
            book.places.setdefault(path[:depth], Place(title, 1, 1, ""))


def _mapping(book: Book, spec: Sheet, rows: list[Row], title: str, members: _Members) -> None:
    columns, headed = _header(book, spec, rows, title)
    key_at = next((i for i, c in columns.items() if c.field == "key"), None)
    value_at = next((i for i, c in columns.items() if c.field == "value"), None)
    out: dict[str, Any] = {}
    first: dict[str, int] = {}
    for number, values in rows[1:]:
        _unread(book, values, headed, title, number)
        key = values[key_at] if key_at is not None and key_at < len(values) else None
        value = values[value_at] if value_at is not None and value_at < len(values) else None
        if key is None and value is None:
            continue
        key_column = columns[key_at] if key_at is not None else spec.columns[0]
        value_column = columns[value_at] if value_at is not None else spec.columns[1]
        key_place = Place(title, number, (key_at or 0) + 1, key_column.header)
        value_place = Place(
            title, number, (value_at if value_at is not None else 1) + 1, value_column.header
        )
        if key is None:
            book.add(key_place, f"{key_column.header}: empty, but the row has a value")
            continue
        name = text_of(key)
        extra = {
            str(c.field): (values[i], Place(title, number, i + 1, c.header), c)
            for i, c in columns.items()
            if c.field not in ("key", "value", None) and i < len(values) and values[i] is not None
        }
        assessed = isinstance(out.get(name), list)
        if name in first and not (extra and assessed):
            book.add(key_place, f"{name!r} again (first on row {first[name]})")
            continue
        first.setdefault(name, number)
        if extra and value is not None:  # one assessor's rating: 考核人, 评定日期, 备注
            level = _value(book, value_column, value, value_place, members)
            record = {"level": level} | {
                f: _value(book, c, v, place, members) for f, (v, place, c) in extra.items()
            }
            found = out.setdefault(name, [])
            index = len(found)
            found.append({k: v for k, v in record.items() if v is not None})
            book.places[(spec.field, name, index)] = Place(title, number, 1, "")
            book.places[(spec.field, name, index, "level")] = value_place
            for f, (_, place, _) in extra.items():
                book.places[(spec.field, name, index, f)] = place
            book.places.setdefault((spec.field, name), value_place)
            book.keys.setdefault((spec.field, name), key_place)
            continue
        if value is None:
            book.add(
                value_place,
                f"{name!r} has no {value_column.header}; not recorded until it is filled in",
                "warning",
                group=f"unfilled-{spec.field}",
            )
            continue
        converted = _value(book, value_column, value, value_place, members)
        if converted is None:
            continue
        out[name] = converted
        book.places[(spec.field, name)] = value_place
        book.keys[(spec.field, name)] = key_place
    book.data[spec.field] = out


def _dues(book: Book, spec: Sheet, rows: list[Row], title: str, members: _Members) -> None:
    columns, _ = _header(book, spec, rows, title)
    if not rows:
        return
    header_row = rows[0][1]
    months = {i: m for i, v in enumerate(header_row) if v is not None and (m := month_of(v))}
    id_at = next((i for i, c in columns.items() if c.header == "编号"), None)
    name_at = next((i for i, c in columns.items() if c.header == "姓名"), None)
    dues: dict[str, Any] = {}
    first: dict[str, int] = {}
    for number, values in rows[1:]:
        mid = values[id_at] if id_at is not None and id_at < len(values) else None
        name = values[name_at] if name_at is not None and name_at < len(values) else None
        who_at = id_at if mid is not None else name_at
        place = Place(title, number, (who_at or 0) + 1, "编号" if mid is not None else "姓名")
        paid_months: list[str] = []
        paid_places: list[Place] = []
        amounts: dict[str, Any] = {}
        for i, value in enumerate(values):
            if value is None or i in columns:
                continue
            month = months.get(i)
            cell = Place(title, number, i + 1, month or "")
            if month is None:
                book.add(cell, "this cell has no month above it; not read", "warning", "no-month")
                continue
            if isinstance(value, int | float) and not isinstance(value, bool):
                amounts[month] = value  # the amount paid, in 元
                paid_months.append(month)
                paid_places.append(cell)
                continue
            try:
                if paid(value):
                    paid_months.append(month)
                    paid_places.append(cell)
            except CellError as exc:
                book.add(cell, f"{month}: {exc}")
        if mid is None and name is None:
            if paid_months:
                book.add(place, "a row of ticks without 编号 or 姓名: whose dues are these?")
            continue
        try:
            key = members(text_of(mid if mid is not None else name))
        except CellError as exc:
            book.add(place, f"姓名: {exc}")
            continue
        if key in first:
            book.add(place, f"{key!r} again (first on row {first[key]})")
            continue
        first[key] = number
        if not paid_months:
            continue  # a member who paid nothing: the same as no entry
        if amounts and len(amounts) != len(paid_months):
            book.add(place, "a row of amounts and ticks: write the amount paid in every month")
            continue
        dues[key] = amounts if amounts else paid_months
        book.places[("dues", key)] = place
        book.keys[("dues", key)] = place
        for j, cell in enumerate(paid_places):
            book.places[("dues", key, j)] = cell
    book.data["dues"] = dues
