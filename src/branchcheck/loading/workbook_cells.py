"""One workbook cell's value as the ledger data the YAML loader would give (kinds: workbook_layout).

Values are handed to the same pydantic models as YAML's, so the models' own readings apply
(dates typed as text in the Chinese spellings, numbers typed as text); only what a cell adds
is settled here: numbers in text columns, date cells, lists in one cell, members by name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from ..models.common import number_text
from .workbook_layout import ALL, TICKS, UNPAID, Column

_SEPARATORS = re.compile(r"[、，,；;\s]+")
_MONTH = re.compile(r"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$")
_DATE_TEXT = re.compile(r"^\d{4}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}\s*日?$")


class CellError(ValueError):
    """A cell that cannot stand for its field; the reader reports it at the cell."""


def text_of(value: Any) -> str:
    """A cell as text: numbers as their shortest text (1001, not 1001.0), dates as ISO."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_text(value)
    if isinstance(value, dt.datetime):
        return date_of(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        raise CellError("expected a date, got a time of day")
    return str(value).strip()


def date_of(value: dt.datetime) -> dt.date:
    if value.time() != dt.time(0, 0):
        raise CellError(
            f"expected a date, got a date and time ({value:%Y-%m-%d %H:%M});"
            " format the cell as a date"
        )
    return value.date()


def month_of(value: Any) -> str | None:
    """`2024-03` for a month header or entry (a date cell, 2024-3, 2024年3月), else None."""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    match = _MONTH.match(text_of(value)) if isinstance(value, str) else None
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}-{int(match.group(2)):02d}"
    return None


def split(text: str) -> list[str]:
    return [part for part in _SEPARATORS.split(text) if part]


def convert(column: Column, value: Any, member: Callable[[str], str]) -> Any:
    """The data for one non-empty cell; raises CellError for what no field could read."""
    kind = column.kind
    if isinstance(value, dt.time):
        wanted = {"date": "a date", "number": "a number", "scalar": "a value"}.get(kind, "text")
        raise CellError(f"expected {wanted}, got a time of day")
    if kind == "date":
        if isinstance(value, dt.datetime):
            return date_of(value)
        if isinstance(value, int | float):  # never a Unix time, as the model would read it
            raise CellError(
                f"expected a date, got the number {text_of(value)}"
                " (a date cell formatted as a number? format it as a date)"
            )
        return text_of(value)
    if kind == "number":
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            return int(value)  # 2024.0 from a number cell is the year 2024
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        return text_of(value)
    if kind == "scalar":
        if isinstance(value, bool | int | float):
            return value  # read as YAML reads a plain true or number
        return text_of(value)
    text = text_of(value)
    if kind == "member":
        return member(text)
    if kind == "members":
        if column.field == "attendees" and text in (ALL, "全体党员", "all"):
            return "all"
        return [member(part) for part in split(text)]
    if kind == "lines":
        return [line.strip() for line in text.splitlines() if line.strip()]
    if kind == "words":
        return split(text)
    if kind == "months":
        if isinstance(value, dt.datetime | dt.date):
            return [month_of(value)]
        return [month_of(part) or part for part in split(text)]
    if kind == "choice":
        return dict(column.words).get(text, text)
    return text


def paid(value: Any) -> bool:
    """Whether a dues-grid cell says the month was paid: a tick, 已交, or the date paid."""
    if isinstance(value, dt.datetime | dt.date):
        return True
    text = text_of(value)
    if text in TICKS or _DATE_TEXT.match(text):
        return True
    if text in UNPAID:
        return False
    raise CellError(
        f"expected ✓ (or 已交, or the date paid) for a paid month, got {text!r};"
        " leave the cell empty for a month not paid"
    )
