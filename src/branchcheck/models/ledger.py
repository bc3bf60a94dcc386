"""The ledger file (台账, `branchcheck.ledger/1`): one branch, one period, its records."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from .common import (
    Date,
    FileModel,
    Id,
    IdKey,
    Int,
    Num,
    Points,
    ScalarText,
    Text,
    TextKey,
    plain_key,
)
from .ledger_followup import Activist, Rectification

MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
YearMonth = Annotated[str, Field(pattern=MONTH_PATTERN)]
MemberStatus = Literal["正式", "预备"]
# A use of a member id: checked against the declared ids (ledger_rules), not by pattern.
MemberRef = Annotated[str, Field(min_length=1, max_length=64)]
MemberKey = Annotated[MemberRef, BeforeValidator(plain_key)]


class Branch(FileModel):
    id: Id
    name: Text
    parent: Text | None = None
    # Decides the default term (村/社区 5 years, others 3) and a rubric's `when: {type: …}`.
    type: Literal["机关", "村", "社区", "企业", "事业", "学校"] | None = None


class Period(FileModel):
    start: Date
    end: Date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self


class Member(FileModel):
    id: Id
    name: Text
    roles: tuple[Text, ...] = ()
    status: MemberStatus = "正式"
    joined: Date | None = None
    left: Date | None = None
    # An extended 预备期 (延长预备期, at most one year): 转正 falls due on this day instead of
    # one year after `joined`.
    probation_until: Date | None = None
    # Out of contact (失联) since this day: at six months the branch decides on 停止党籍.
    lost_contact_since: Date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Member:
        if self.joined and self.left and self.left < self.joined:
            raise ValueError(f"member {self.id} left ({self.left}) before joining ({self.joined})")
        return self

    def active_on(self, day: dt.date) -> bool:
        """Active from `joined` to `left`, both days included."""
        return (self.joined is None or self.joined <= day) and (
            self.left is None or day <= self.left
        )


class Extension(FileModel):
    """A late re-election approved by the higher organisation (at most one year, 2018 意见)."""

    approved_on: Date
    until: Date


class Committee(FileModel):
    elected: Date
    term_years: Annotated[Int, Field(ge=1, le=10)] | None = None
    members: tuple[MemberRef, ...] = ()
    extension: Extension | None = None
    # When the term before this one ended: an election after it was late.
    previous_term_end: Date | None = None


class Event(FileModel):
    date: Date
    type: Text
    attendees: tuple[MemberRef, ...] | Literal["all"] = ()
    absent: tuple[MemberRef, ...] = ()
    topics: tuple[Text, ...] = ()
    note: Text | None = None
    # The year an annual event belongs to (所属年度): the 2023 组织生活会 held in January 2024.
    for_year: Annotated[Int, Field(ge=1900, le=2199)] | None = None
    group: Text | None = None  # the 党小组 whose meeting this is (ledger `groups`)


class Excused(FileModel):
    """A member excused from activities and study requirements for a time (《党员教育管理工作
    条例》第二十三条 年老体弱、重病; 第三十二条 流动; 出国), leaving the 应到 counts."""

    member: MemberRef
    start: Date = Field(alias="from")
    end: Date | None = Field(default=None, alias="to")
    reason: Text
    approved_by: Text | None = None

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

    member: MemberRef
    months: Annotated[tuple[YearMonth, ...], Field(min_length=1)]
    kind: DuesKind
    date: Date | None = None
    reason: Text | None = None
    approved_by: Text | None = None

    @model_validator(mode="after")
    def _dated(self) -> DuesException:
        if self.kind == "补交" and self.date is None:
            raise ValueError("a 补交 record needs the `date` it was paid")
        return self


class Training(FileModel):
    member: MemberRef
    hours: Annotated[Num, Field(gt=0, le=1000)]
    date: Date
    title: Text | None = None


class Task(FileModel):
    id: Id
    name: Text
    points: Points
    status: Literal["done", "partial", "open"]
    rating: Text | None = None


class Ledger(FileModel):
    format: Literal["branchcheck.ledger/1"]
    rubric: Text | None = None
    branch: Branch
    period: Period
    members: Annotated[tuple[Member, ...], Field(min_length=1)]
    committee: Committee | None = None
    events: tuple[Event, ...] = ()
    dues: dict[MemberKey, tuple[YearMonth, ...]] = Field(default_factory=dict)
    training: tuple[Training, ...] = ()
    facts: dict[TextKey, ScalarText] = Field(default_factory=dict)
    ratings: dict[IdKey, Text] = Field(default_factory=dict)
    tasks: tuple[Task, ...] = ()
    groups: dict[TextKey, tuple[MemberRef, ...]] = Field(default_factory=dict)
    excused: tuple[Excused, ...] = ()
    dues_exceptions: tuple[DuesException, ...] = ()
    # Rectification (整改) items and 入党积极分子 under review: models/ledger_followup.py.
    rectifications: tuple[Rectification, ...] = ()
    activists: tuple[Activist, ...] = ()

    def full_members_on(self, day: dt.date) -> list[Member]:
        """正式 members active on `day`."""
        return [m for m in self.members if m.status == "正式" and m.active_on(day)]
