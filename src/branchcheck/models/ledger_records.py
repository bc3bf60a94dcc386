"""The records a ledger (models/ledger.py) keeps over its period, one model a record.

Events and who attended, training hours, the months of dues paid and the months handled
otherwise, members excused for a time, the branch's individual tasks (个性任务) and the
assessors' ratings. Each names members by id (`MemberRef`), checked against the ledger's
roster by loading/ledger_rules.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator

from .common import READ_NUMBER, Date, FileModel, Id, Int, Points, Text, plain_key
from .money import Money

MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
YearMonth = Annotated[str, Field(pattern=MONTH_PATTERN)]
# A use of a member id: checked against the declared ids (ledger_rules), not by pattern.
MemberRef = Annotated[str, Field(min_length=1, max_length=64)]


class Event(FileModel):
    date: Date = Field(description="日期。The day the activity was held.")
    type: Text = Field(
        description="活动类型。The event type the rubric counts, e.g. 支部党员大会, 支委会, 党课."
    )
    # Left to right: a list is tried as one first and "all" only after; the default (smart)
    # mode tries both strictly first, which cost 0.02 ms a ledger (measured), same answer.
    attendees: tuple[MemberRef, ...] | Literal["all"] = Field(
        (),
        union_mode="left_to_right",
        description="参加人员。The members present, by member id, or `all` (全体).",
    )
    absent: tuple[MemberRef, ...] = Field(
        (), description="缺席人员。With `attendees: all`: the members absent, by member id."
    )
    topics: tuple[Text, ...] = Field((), description="议题。The topics discussed.")
    note: Text | None = Field(None, description="备注。A note.")
    # The year an annual event belongs to (所属年度): the 2023 组织生活会 held in January 2024.
    for_year: Annotated[Int, Field(ge=1900, le=2199)] | None = Field(
        None, description="所属年度。The year an annual event belongs to, when held after it."
    )
    group: Text | None = Field(  # the 党小组 whose meeting this is (ledger `groups`)
        None, description="党小组。The 党小组 whose meeting this is (a name under `groups`)."
    )


class Excused(FileModel):
    """A member excused from activities and study requirements for a time (《党员教育管理工作
    条例》第二十三条 年老体弱、重病; 第三十二条 流动; 出国), leaving the 应到 counts."""

    member: MemberRef = Field(description="党员。The member excused, by member id.")
    start: Date = Field(alias="from", description="开始日期。The first day excused.")
    end: Date | None = Field(
        default=None, alias="to", description="结束日期。The last day excused; none: still excused."
    )
    reason: Text = Field(description="原因。Why: 年老体弱, 重病, 流动, 出国….")
    approved_by: Text | None = Field(None, description="批准人或组织。Who approved it.")

    @model_validator(mode="after")
    def _ordered(self) -> Excused:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"excused until {self.end}, before it starts ({self.start})")
        return self

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


DuesKind = Literal["减免", "代交", "补交", "缓交"]


class DuesException(FileModel):
    """Months handled otherwise: 减免 (approved: not owed), 代交 (paid through someone else, with
    the branch's consent), 补交 (paid late, on `date`), 缓交 (not paid, with a recorded reason)."""

    member: MemberRef = Field(description="党员。The member, by member id.")
    months: Annotated[tuple[YearMonth, ...], Field(min_length=1)] = Field(
        description="月份。The months concerned, as year-months: [2024-03, 2024-04]."
    )
    kind: DuesKind = Field(description="类别。减免, 代交, 补交 or 缓交.")
    date: Date | None = Field(None, description="交纳日期。The day paid (needed for 补交).")
    reason: Text | None = Field(None, description="原因。The reason recorded.")
    approved_by: Text | None = Field(None, description="批准人或组织。Who approved it.")

    @model_validator(mode="after")
    def _dated(self) -> DuesException:
        if self.kind == "补交" and self.date is None:
            raise ValueError("a 补交 record needs the `date` it was paid")
        return self


class Training(FileModel):
    member: MemberRef = Field(description="党员。The member trained, by member id.")
    hours: Annotated[float, Field(gt=0, le=1000), READ_NUMBER] = Field(
        description="学时。The hours of study."
    )
    date: Date = Field(description="日期。The day of the training.")
    title: Text | None = Field(None, description="培训名称。The course or session.")


class Task(FileModel):
    id: Id = Field(description="任务编号。The task's id.")
    name: Text = Field(description="任务名称。The individual task (个性任务).")
    points: Points = Field(description="分值。The points the task is worth.")
    status: Literal["done", "partial", "open"] = Field(
        description="完成情况。done (完成), partial (部分完成) or open (未完成)."
    )
    rating: Text | None = Field(
        None, description="评价等次。The assessor's level (a key of the rubric's `ratings`)."
    )


class Assessment(FileModel):
    """One assessor's level for a rated norm (四互: 互查、互评), with who gave it."""

    by: Text = Field(description="考核人。Who gave the rating: 机关党委, 第二党支部 ….")
    level: Text = Field(description="等次。The level (a key of the rubric's `ratings`).")
    date: Date | None = Field(None, description="评定日期。When it was given (not scored).")
    note: Text | None = Field(None, description="说明。A remark (not scored).")


def _rating_form(value: Any) -> str | None:
    if isinstance(value, str):
        return "one"
    if isinstance(value, list | tuple):
        return "many"
    return None


# One level (`好`, by an unnamed assessor), or a list of assessors' ratings.
Rating = Annotated[
    Annotated[Text, Tag("one")]
    | Annotated[tuple[Assessment, ...], Field(min_length=1), Tag("many")],
    Discriminator(
        _rating_form,
        custom_error_type="rating_form",
        custom_error_message="expected a level such as 好, or a list of assessors' ratings"
        " such as [{by: 机关党委, level: 较好}]",
    ),
]
# Months paid: a list (`[2024-01, …]`), or a map from month to the amount paid (`{2024-01: 35.5}`).
MonthKey = Annotated[YearMonth, BeforeValidator(plain_key)]
PaidMonths = Annotated[
    Annotated[tuple[YearMonth, ...], Tag("list")] | Annotated[dict[MonthKey, Money], Tag("map")],
    Discriminator(
        lambda value: "map" if isinstance(value, dict) else "list",
        custom_error_type="paid_months",
        custom_error_message="expected the months paid, [2024-01, 2024-02], or the amounts"
        " paid by month, {2024-01: 35.50, 2024-02: 35.50}",
    ),
]
