"""What a ledger workbook shows besides the ledger's data: `Extras`, and a period's months.

The writer (ledger_workbook.py) takes a ledger's data and these: the rubric's event types and
rating levels for the drop-downs (ledger_data_validation.py), the notes beside the facts and
ratings, the dues grid's months and the rows of the 说明 sheet. `convert` makes them from a
YAML ledger and its rubric, `init -f xlsx` from the template (ledger_template.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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
