"""The data validation of a ledger workbook's cells: what a cell accepts as it is typed.

ledger_workbook.py lays out the sheets and gives each column's cells the rule that fits it
here: a drop-down for a choice (event types and rating levels from the rubric, via
ledger_extras.Extras), a date that must be a date, a number that must be a number, and the
dues grid's tick. A rule warns or refuses in the spreadsheet only; what is read back is
checked again when the workbook is loaded.
"""

from __future__ import annotations

from typing import Any

from ..loading.workbook_layout import Column
from .ledger_cell_values import TICK
from .ledger_extras import Extras


def validate(ws: Any, column: Column, extras: Extras, area: str) -> None:
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


def validate_dues(ws: Any, area: str) -> None:
    """The dues grid's months: a tick offered, a date paid welcome too."""
    from openpyxl.worksheet.datavalidation import DataValidation

    rule = DataValidation(type="list", formula1=f'"{TICK},已交"', allow_blank=True)
    rule.errorStyle = "information"  # a date paid is welcome too
    rule.prompt, rule.showInputMessage = "已交打 ✓，或填交纳日期；未交空着", True
    ws.add_data_validation(rule)
    rule.add(area)


def _menu(column: Column, extras: Extras) -> tuple[str, ...]:
    if column.field == "type" and column.header == "类型" and not column.choices:
        return extras.event_types
    if column.kind == "choice" and not column.menu():
        return extras.rating_levels
    return column.menu()
