"""An .xlsx ledger's sheets -> the ledger data the YAML loader gives, and where each value sat.

The file is opened, bounded and scanned by workbook_open.py; this module reads each sheet by
its shape in the layout table (workbook_layout.py), from its header on (workbook_header.py
finds it below a title), and keeps every value's cell in a Book (workbook_book.py), so a
problem found later, by the models or the ledger rules, is reported at the cell that held it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .decode import read_bytes
from .workbook_book import Book, Members, Place, Row, cell_value, label_of, place_at
from .workbook_dues import read_dues
from .workbook_header import PAIRS_HEADER, below_title, header, unread
from .workbook_layout import BY_NAME, INSTRUCTIONS, SHEETS, Sheet
from .workbook_open import RawSheet, open_workbook


def read_workbook(path: Path) -> Book:
    """The workbook's ledger data; raises BranchcheckError when it is not a readable .xlsx."""
    book = Book()
    sheets = open_workbook(str(path), read_bytes(path), lambda title: title.strip() in BY_NAME)
    found = _sheets(sheets, book)
    members = found.pop(BY_NAME["党员"].name, None)
    resolve = Members(book)
    if members is not None:
        _rows(book, BY_NAME["党员"], members[1], members[0], resolve)
        resolve.learn()
    readers = {"pairs": _pairs, "rows": _rows, "mapping": _mapping, "dues": read_dues}
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
                place_at(title, ref),
                "this cell holds a formula; its value as last computed is read (a workbook"
                " saved by a program that does not compute formulas has none: paste values)",
                "warning",
                group="formula",
            )
        for ref in sheet.errors:
            shown = "this cell shows an error value (such as #N/A); type the value"
            book.add(place_at(title, ref), shown)
        bad = {(p.row, p.col) for p in (place_at(title, ref) for ref in sheet.errors)}
        rows = (
            [
                (n, [None if (n, i + 1) in bad else v for i, v in enumerate(values)])
                for n, values in sheet.rows
            ]
            if bad
            else sheet.rows
        )
        book.sheets[spec.field or spec.name] = Place(title, 1, 1, "")
        found[spec.name] = (title, below_title(book, spec, rows, title))
    return found


def _rows(book: Book, spec: Sheet, rows: list[Row], title: str, members: Members) -> None:
    columns, headed = header(book, spec, rows, title)
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
                record[str(column.field)] = cell_value(book, column, value, place, members)
        if gaps or len(values) > width:
            unread(book, values, headed, title, number)
        if not record:
            continue  # only unknown or headerless cells: warned of, not a record
        places.append(Place(title, number, 1, ""))
        records.append({k: v for k, v in record.items() if v is not None})
    book.data[spec.field] = records


def _pairs(book: Book, spec: Sheet, rows: list[Row], title: str, members: Members) -> None:
    by_header = {c.header: c for c in spec.columns}
    seen: dict[str, int] = {}
    notes: set[int] = set()  # columns headed 说明: the template's notes, never read
    for number, values in rows:
        first = values[0] if values else None
        label = (
            ""
            if first is None
            else label_of(book, first, Place(title, number, 1, ""), PAIRS_HEADER)
        )
        if label is None:
            continue
        if number == rows[0][0] and label == PAIRS_HEADER:
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
        converted = cell_value(book, column, value, place, members)
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


def _mapping(book: Book, spec: Sheet, rows: list[Row], title: str, members: Members) -> None:
    columns, headed = header(book, spec, rows, title)
    key_at = next((i for i, c in columns.items() if c.field == "key"), None)
    value_at = next((i for i, c in columns.items() if c.field == "value"), None)
    out: dict[str, Any] = {}
    first: dict[str, int] = {}
    for number, values in rows[1:]:
        unread(book, values, headed, title, number)
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
        name = label_of(book, key, key_place, key_column.header)
        if name is None:
            continue
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
            level = cell_value(book, value_column, value, value_place, members)
            record = {"level": level} | {
                f: cell_value(book, c, v, place, members) for f, (v, place, c) in extra.items()
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
        converted = cell_value(book, value_column, value, value_place, members)
        if converted is None:
            continue
        out[name] = converted
        book.places[(spec.field, name)] = value_place
        book.keys[(spec.field, name)] = key_place
    book.data[spec.field] = out
