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


class Committee(FileModel):
    elected: Date
    term_years: Annotated[Int, Field(ge=1, le=10)] | None = None
    members: tuple[MemberRef, ...] = ()


class Event(FileModel):
    date: Date
    type: Text
    attendees: tuple[MemberRef, ...] | Literal["all"] = ()
    absent: tuple[MemberRef, ...] = ()
    topics: tuple[Text, ...] = ()
    note: Text | None = None


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

    def full_members_on(self, day: dt.date) -> list[Member]:
        """正式 members active on `day`."""
        return [m for m in self.members if m.status == "正式" and m.active_on(day)]
