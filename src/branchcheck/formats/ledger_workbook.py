"""Ledger data -> an .xlsx workbook laid out by loading/workbook_layout.py (openpyxl).

Used by `convert` (a YAML ledger's data) and `init -f xlsx` (a template's). This module lays
out the book: its sheets in order, their headers, widths, rows and print setup. What goes in
a cell is ledger_cell_values.py; the rule each column's cells get as they are typed (drop-downs
for choices, dates, numbers) is ledger_data_validation.py; what the data does not hold (the
rubric's vocabulary, notes, the dues months, the instructions) comes in as ledger_extras.Extras.
What is written reads back, through loading/workbook_read.py, to the same data.
"""

from __future__ import annotations

import io
from typing import Any

from ..loading.workbook_layout import INSTRUCTIONS, SHEETS, Sheet
from .ledger_cell_values import TICK, MemberNames, cell_value
from .ledger_data_validation import validate, validate_dues
from .ledger_extras import Extras

DATE_FORMAT = "yyyy-mm-dd"
ROWS = 500  # rows a table's validations cover below its header
HEADER_FILL = "DDEBF7"


def write_workbook(data: dict[str, Any], extras: Extras) -> bytes:
    """The workbook's bytes (written whole by the caller)."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    names = MemberNames(data.get("members", []))
    if extras.instructions:
        _instructions(book.create_sheet(INSTRUCTIONS), extras.instructions)
    for sheet in SHEETS:
        ws = book.create_sheet(sheet.name)
        if sheet.shape == "pairs":
            _pairs(ws, sheet, data, names, extras)
        elif sheet.shape == "rows":
            _rows(ws, sheet, data.get(sheet.field) or [], names, extras)
        elif sheet.shape == "mapping":
            _mapping(ws, sheet, data.get(sheet.field) or {}, names, extras)
        else:
            _dues(ws, data, names, extras)
    for ws in book.worksheets:  # printed as kept: landscape, one page wide
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "1:1"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _lines_shown(text: str, width: int) -> int:
    """Lines a wrapped cell takes: a Chinese character is about two width units."""
    return sum(
        max(1, -(-sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) // width))
        for line in text.splitlines()
    )


def _style_header(ws: Any, headers: list[str], widths: list[int]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(headers)
    for i, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


def _pairs(ws: Any, sheet: Sheet, data: dict[str, Any], names: MemberNames, extras: Extras) -> None:
    from openpyxl.styles import Alignment

    _style_header(ws, ["项目", "内容", "说明"], [16, 40, 50])
    for number, column in enumerate(sheet.columns, start=2):
        assert column.field is not None
        value: Any = data
        for part in column.field.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        ws.cell(row=number, column=1, value=column.header)
        cell = ws.cell(row=number, column=2, value=cell_value(column, value, names))
        cell.alignment = Alignment(horizontal="left")
        if column.kind == "date":
            cell.number_format = DATE_FORMAT
        if column.hint:
            ws.cell(row=number, column=3, value=column.hint)
        validate(ws, column, extras, f"B{number}")


def _rows(
    ws: Any, sheet: Sheet, records: list[dict[str, Any]], names: MemberNames, extras: Extras
) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    _style_header(ws, [c.header for c in sheet.columns], [c.width for c in sheet.columns])
    for record in records:
        ws.append([cell_value(c, record.get(c.field or ""), names) for c in sheet.columns])
    last = max(len(records) + 1, ROWS)
    top = Alignment(vertical="top")
    for row in ws.iter_rows(min_row=2, max_row=len(records) + 1):
        for cell in row:
            cell.alignment = top
    for i, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(i)
        if column.kind == "date":  # data rows only: styled empty rows would be read too
            for row in range(2, len(records) + 2):
                ws.cell(row=row, column=i).number_format = DATE_FORMAT
        if column.kind == "lines":  # one topic a line, each row tall enough to show them all
            for row in range(2, len(records) + 2):
                cell = ws.cell(row=row, column=i)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                shown = _lines_shown(str(cell.value or ""), column.width)
                if shown > 1:
                    ws.row_dimensions[row].height = 15 * shown
        validate(ws, column, extras, f"{letter}2:{letter}{last}")


def _mapping(
    ws: Any, sheet: Sheet, mapping: dict[str, Any], names: MemberNames, extras: Extras
) -> None:
    from openpyxl.utils import get_column_letter

    _style_header(ws, [c.header for c in sheet.columns], [c.width for c in sheet.columns])
    notes = extras.notes.get(sheet.field, {})
    keys = list(mapping) + [k for k in notes if k not in mapping]
    rows = 0
    for key in keys:
        value = mapping.get(key)
        # Several assessors' ratings (`[{by, level, date, note}]`): one row each.
        records = value if isinstance(value, list | tuple) and sheet.field == "ratings" else [value]
        for record in records:
            fields = dict(record) if isinstance(record, dict) else {"level": record}
            row: list[Any] = []
            for column in sheet.columns:
                if column.field == "key":
                    row.append(key)
                elif column.field is None:
                    row.append(notes.get(key))
                else:
                    field = (
                        "level" if column.field == "value" and isinstance(record, dict) else None
                    )
                    raw = (
                        fields.get(field or column.field)
                        if isinstance(record, dict)
                        else (record if column.field == "value" else None)
                    )
                    row.append(cell_value(column, raw, names))
            ws.append(row)
            rows += 1
    last = max(rows + 1, ROWS)
    for i, column in enumerate(sheet.columns[1:], start=2):
        if column.field is not None:
            letter = get_column_letter(i)
            validate(ws, column, extras, f"{letter}2:{letter}{last}")


def _dues(ws: Any, data: dict[str, Any], names: MemberNames, extras: Extras) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    dues: dict[str, Any] = data.get("dues") or {}  # months paid, or {month: amount}
    months = sorted(set(extras.months) | {m for paid in dues.values() for m in paid})
    _style_header(ws, ["编号", "姓名", *months], [10, 10] + [9] * len(months))
    member_ids = [str(m.get("id")) for m in data.get("members", [])]
    everyone = member_ids + [k for k in dues if k not in member_ids]
    for member_id in everyone:
        paid = dues.get(member_id, ())
        amounts = paid if isinstance(paid, dict) else {}
        name = names(member_id)
        ws.append(
            [member_id, name if name != member_id else None]
            + [float(amounts[m]) if m in amounts else TICK if m in paid else None for m in months]
        )
    for row in ws.iter_rows(min_row=2, min_col=3):
        for cell in row:
            cell.alignment = Alignment(horizontal="center")
    if months:
        last = get_column_letter(2 + len(months))
        validate_dues(ws, f"C2:{last}{max(len(everyone) + 1, 60)}")


def _instructions(ws: Any, rows: tuple[tuple[str, str], ...]) -> None:
    from openpyxl.styles import Alignment, Font

    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 100
    for heading, text in rows:
        ws.append([heading, text])
        row = ws.max_row
        ws.cell(row=row, column=1).font = Font(bold=True)
        ws.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
