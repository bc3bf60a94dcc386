"""The 党费 sheet: whose dues were paid in which month, read from a grid of ticks or amounts."""

from __future__ import annotations

from typing import Any

from .workbook_book import Book, Members, Place, Row
from .workbook_cells import CellError, month_of, paid, text_of
from .workbook_header import header
from .workbook_layout import Sheet


def read_dues(book: Book, spec: Sheet, rows: list[Row], title: str, members: Members) -> None:
    """The dues grid: a row per member (编号 or 姓名), a column per month; a tick (or the date
    paid) for a paid month, or the amount paid in it."""
    columns, _ = header(book, spec, rows, title)
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
