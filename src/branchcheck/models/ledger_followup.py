"""Follow-up records in a ledger: rectification items (整改) and 入党积极分子 under review.

Kept apart from models/ledger.py so the action side (alerts, 整改销号) grows on its own.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, model_validator

from .common import Date, FileModel, Id, Text

# Where a problem was found; another source is accepted with a warning (ledger_followup rules).
RECTIFICATION_SOURCES = ("四互", "组织生活会", "巡察", "督查", "自查", "考核", "审计", "民主评议")


class Rectification(FileModel):
    """One problem found, given a deadline, fixed and signed off (整改销号)."""

    id: Id = Field(description="编号。The item's id, e.g. ZG-01.")
    norm: Id = Field(description="对应规范。The rubric norm the problem falls under, e.g. N08.")
    found_on: Date = Field(description="发现日期。The day the problem was found.")
    source: Text = Field(
        description="来源。Where it was found: 四互, 组织生活会, 巡察, 督查, 自查 …."
    )
    problem: Text = Field(description="问题。The problem, in a sentence.")
    owner: Text = Field(description="责任人。A member id, or a name or post written out.")
    due: Date = Field(description="整改时限。The deadline.")
    done_on: Date | None = Field(
        None, description="销号日期。The day it was signed off (整改销号)."
    )
    evidence: Text | None = Field(None, description="整改材料。What shows it was fixed.")

    @model_validator(mode="after")
    def _ordered(self) -> Rectification:
        if self.due < self.found_on:
            raise ValueError(
                f"rectification {self.id}: due ({self.due}) before it was found ({self.found_on})"
            )
        if self.done_on is not None and self.done_on < self.found_on:
            raise ValueError(
                f"rectification {self.id}: done ({self.done_on}) before it was found"
                f" ({self.found_on})"
            )
        return self


class Activist(FileModel):
    """An 入党积极分子: named by the branch on `since`, reviewed (考察) every six months."""

    name: Text = Field(description="姓名。The activist's name.")
    since: Date = Field(description="确定日期。The day the branch named them an activist.")
    reviews: Annotated[tuple[Date, ...], Field(max_length=100)] = Field(
        (), description="考察日期。The days of the six-monthly reviews (考察)."
    )

    @model_validator(mode="after")
    def _ordered(self) -> Activist:
        early = [d for d in self.reviews if d < self.since]
        if early:
            raise ValueError(f"activist {self.name}: reviewed ({early[0]}) before {self.since}")
        return self


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), on the month's last day when it has none."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, last)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover
