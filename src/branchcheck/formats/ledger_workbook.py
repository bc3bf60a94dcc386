"""Ledger data -> an .xlsx workbook laid out by loading/workbook_layout.py (openpyxl).

Used by `convert` (a YAML ledger's data) and `init -f xlsx` (a template's). Every column gets
the data validation that fits it: drop-downs for choices (event types and rating levels come
from the rubric), date cells that refuse what is not a date, numbers that must be numbers.
What is written reads back, through loading/workbook_read.py, to the same data.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..loading.workbook_cells import text_of
from ..loading.workbook_layout import (
    ALL,
    INSTRUCTIONS,
    SHEETS,
    TICKS,
    Column,
    Sheet,
)

DATE_FORMAT = "yyyy-mm-dd"
ROWS = 500  # rows a table's validations cover below its header
HEADER_FILL = "DDEBF7"
TICK = TICKS[0]


@dataclass(frozen=True)
class Extras:
    """What the data does not hold: the rubric's vocabulary, notes and the instructions."""

    event_types: tuple[str, ...] = ()
    rating_levels: tuple[str, ...] = ()
    notes: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet field -> key -> note
    months: tuple[str, ...] = ()  # the dues grid's columns, beside the months paid
    instructions: tuple[tuple[str, str], ...] = ()  # (heading, text) rows of 说明; none: no sheet


def period_months(start: dt.date, end: dt.date) -> tuple[str, ...]:
    months: list[str] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month) and len(months) < 100:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


class _Names:
    """Members written by name where the name is theirs alone, else by 编号."""

    def __init__(self, members: Iterable[dict[str, Any]]) -> None:
        counts: dict[str, int] = {}
        listed = [(m.get("id"), m.get("name")) for m in members]
        for _, name in listed:
            counts[str(name)] = counts.get(str(name), 0) + 1
        ids = {str(mid) for mid, _ in listed}
        # A name that is also someone's 编号 would read back as that member: keep the 编号.
        self.names = {
            str(mid): str(name)
            for mid, name in listed
            if counts[str(name)] == 1 and str(name) not in ids
        }

    def __call__(self, member_id: str) -> str:
        return self.names.get(member_id, member_id)


def write_workbook(data: dict[str, Any], extras: Extras) -> bytes:
    """The workbook's bytes (written whole by the caller)."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    names = _Names(data.get("members", []))
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


def cell_value(column: Column, value: Any, names: _Names) -> Any:
    """One field's value as the cell that reads back to it."""
    if value is None:
        return None
    kind = column.kind
    if kind == "member":
        return names(str(value))
    if kind == "members":
        return ALL if value == "all" else "、".join(names(str(v)) for v in value)
    if kind == "lines":
        return "\n".join(str(v) for v in value)
    if kind in ("words", "months"):
        return "、".join(str(v) for v in value)
    if kind == "choice":
        return column.shown(str(value))
    if kind == "date" and isinstance(value, dt.date):
        return value
    if kind == "number":
        if isinstance(value, Decimal):
            return float(value)  # an amount in 元: 35.50 reads back as 35.5, the same amount
        return value if isinstance(value, int | float) else text_of(value)
    if kind == "scalar":
        return _scalar_cell(str(value))
    return str(value)


def _lines_shown(text: str, width: int) -> int:
    """Lines a wrapped cell takes: a Chinese character is about two width units."""
    return sum(
        max(1, -(-sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) // width))
        for line in text.splitlines()
    )


def _scalar_cell(text: str) -> Any:
    """A fact's value: yes/no and plain numbers as typed cells, other text as text."""
    if text in ("true", "false"):
        return text == "true"
    from ..models.common import number_text, yaml_number

    number = yaml_number(text)
    if number is not None and number_text(number) == text:
        return number
    return text


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


def _menu(column: Column, extras: Extras) -> tuple[str, ...]:
    if column.field == "type" and column.header == "类型" and not column.choices:
        return extras.event_types
    if column.kind == "choice" and not column.menu():
        return extras.rating_levels
    return column.menu()


def _validate(ws: Any, column: Column, extras: Extras, area: str) -> None:
    """The drop-down, date or number rule that catches a wrong value as it is typed."""
    from openpyxl.worksheet.datavalidation import DataValidation

    rule: DataValidation | None = None
    menu = _menu(column, extras)
    if menu and sum(len(item) + 1 for item in menu) < 250:
        rule = DataValidation(type="list", formula1='"' + ",".join(menu) + '"', allow_blank=True)
        rule.error, rule.errorTitle = "请从下拉列表中选择。", column.header
        if column.field == "type":  # a type the rubric does not declare: warned, not refused
            rule.errorStyle = "warning"
    elif column.kind == "date":
        rule = DataValidation(
            type="date", operator="between", formula1="DATE(1900,1,1)", formula2="DATE(2199,12,31)"
        )
        rule.error, rule.errorTitle = "请输入日期，如 2024-03-01。", column.header
    elif column.kind == "number":
        rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        rule.error, rule.errorTitle = "请输入数字。", column.header
    if rule is None:
        return
    rule.showErrorMessage = True
    if column.hint:
        rule.prompt, rule.showInputMessage = column.hint, True
    ws.add_data_validation(rule)
    rule.add(area)


def _pairs(ws: Any, sheet: Sheet, data: dict[str, Any], names: _Names, extras: Extras) -> None:
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
        _validate(ws, column, extras, f"B{number}")


def _rows(
    ws: Any, sheet: Sheet, records: list[dict[str, Any]], names: _Names, extras: Extras
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
        _validate(ws, column, extras, f"{letter}2:{letter}{last}")


def _mapping(ws: Any, sheet: Sheet, mapping: dict[str, Any], names: _Names, extras: Extras) -> None:
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
            _validate(ws, column, extras, f"{letter}2:{letter}{last}")


def _dues(ws: Any, data: dict[str, Any], names: _Names, extras: Extras) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

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
        rule = DataValidation(type="list", formula1=f'"{TICK},已交"', allow_blank=True)
        rule.errorStyle = "information"  # a date paid is welcome too
        rule.prompt, rule.showInputMessage = "已交打 ✓，或填交纳日期；未交空着", True
        ws.add_data_validation(rule)
        last = get_column_letter(2 + len(months))
        rule.add(f"C2:{last}{max(len(everyone) + 1, 60)}")


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
