"""One ledger field's value as the workbook cell that reads back to it.

ledger_workbook.py writes these values into its sheets; loading/workbook_read.py (with
loading/workbook_cells.py) reads them back to the same data: members by name where the name
is theirs alone, lists joined with 、, choices as shown, amounts and facts as typed cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ..loading.workbook_cells import text_of
from ..loading.workbook_layout import ALL, TICKS, Column

TICK = TICKS[0]  # a month paid, in the dues grid


class MemberNames:
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


def cell_value(column: Column, value: Any, names: MemberNames) -> Any:
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


def _scalar_cell(text: str) -> Any:
    """A fact's value: yes/no and plain numbers as typed cells, other text as text."""
    if text in ("true", "false"):
        return text == "true"
    from ..models.common import number_text, yaml_number

    number = yaml_number(text)
    if number is not None and number_text(number) == text:
        return number
    return text
