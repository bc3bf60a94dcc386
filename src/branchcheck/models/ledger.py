"""The ledger file (台账, `branchcheck.ledger/1`): one branch, one period, its records.

Here: the file's root (`Ledger`), the branch, its period, its members and its committee. The
records kept over the period (events, training, dues paid and their exceptions, excused
members, tasks and ratings) are models/ledger_records.py; rectification items and
入党积极分子, models/ledger_followup.py.
"""

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
    ScalarText,
    Text,
    TextKey,
    plain_key,
)
from .ledger_followup import Activist, Rectification
from .ledger_records import (
    DuesException,
    Event,
    Excused,
    MemberRef,
    PaidMonths,
    Rating,
    Task,
    Training,
)
from .money import Money

MemberStatus = Literal["正式", "预备"]
# 《关于中国共产党党费收缴、使用和管理的规定》(2008): 在职 by the Art. 2 bands (研究生: the
# stipend as base, same bands), 离退休 by Art. 5, the rest a fixed amount (Art. 6).
DuesCategory = Literal["在职", "离退休", "研究生", "学生", "下岗失业", "抚恤救济", "低保", "农民"]
MemberKey = Annotated[MemberRef, BeforeValidator(plain_key)]


class Branch(FileModel):
    id: Id = Field(description="支部编号。The branch's id: letters, digits, `-`, `_`, `.`.")
    name: Text = Field(
        description="支部名称。The branch's full name, e.g. 市发展改革委机关第一党支部."
    )
    parent: Text | None = Field(
        None, description="上级党组织。The higher Party organisation, e.g. 市直机关工委."
    )
    # Decides the default term (村/社区 5 years, others 3) and a rubric's `when: {type: …}`.
    type: Literal["机关", "村", "社区", "企业", "事业", "学校"] | None = Field(
        None, description="支部类型。The branch's type: 机关, 村, 社区, 企业, 事业 or 学校."
    )


class Period(FileModel):
    start: Date = Field(description="考核期开始日期。The first day of the period, e.g. 2024-01-01.")
    end: Date = Field(description="考核期结束日期。The last day of the period, e.g. 2024-12-31.")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self


class Member(FileModel):
    id: Id = Field(
        description="党员编号。The member's id (M01), used everywhere else in the ledger."
    )
    name: Text = Field(description="姓名。The member's name, as reports show it.")
    roles: tuple[Text, ...] = Field(
        (), description="职务。The member's roles, e.g. [书记], [组织委员], [党小组长]."
    )
    status: MemberStatus = Field(
        "正式", description="党员类别。正式 (full member) or 预备 (probationary); default 正式."
    )
    joined: Date | None = Field(
        None, description="转入日期。The day the member joined the branch (active from then)."
    )
    left: Date | None = Field(
        None, description="转出日期。The day the member left the branch (active until then)."
    )
    # The monthly base for dues (计算基数, after tax) and the 2008 规定's category: together
    # they give the expected amount (checks/dues_amounts.py).
    dues_base: Money | None = Field(
        None, description="党费计算基数。The monthly base (after tax), in 元."
    )
    dues_category: DuesCategory | None = Field(
        None,
        description="党费类别。在职 (default), 离退休, 研究生, 学生, 下岗失业, 抚恤救济,"
        " 低保 or 农民.",
    )
    # An extended 预备期 (延长预备期, at most one year): 转正 falls due on this day instead of
    # one year after `joined`.
    probation_until: Date | None = Field(
        None, description="预备期届满日期。The end of an extended 预备期 (延长预备期)."
    )
    # Out of contact (失联) since this day: at six months the branch decides on 停止党籍.
    lost_contact_since: Date | None = Field(
        None, description="失联日期。The day the member lost contact with the branch."
    )

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

    approved_on: Date = Field(description="批准日期。The day the higher organisation approved it.")
    until: Date = Field(description="延期至。The day the extended term ends.")


class Committee(FileModel):
    elected: Date = Field(description="选举日期。The day the committee (支委会) was elected.")
    term_years: Annotated[Int, Field(ge=1, le=10)] | None = Field(
        None, description="任期（年）。The term in years; default 5 for 村/社区, 3 for others."
    )
    members: tuple[MemberRef, ...] = Field(
        (), description="支委成员。The committee's members, by member id (members[].id)."
    )
    extension: Extension | None = Field(
        None, description="延期换届。A late re-election approved by the higher organisation."
    )
    # When the term before this one ended: an election after it was late.
    previous_term_end: Date | None = Field(
        None,
        description="上届任期届满日期。When the previous term ended: a later election was late.",
    )


class Ledger(FileModel):
    format: Literal["branchcheck.ledger/1"] = Field(
        description="文件格式。Always `branchcheck.ledger/1`: says this file is a ledger."
    )
    rubric: Text | None = Field(
        None, description="考核标准。The rubric: a built-in id (lanzhou-6543) or a rubric file."
    )
    branch: Branch = Field(description="党支部。The branch: id, name, parent and type.")
    period: Period = Field(description="考核期。The period scored: its first and last day.")
    members: Annotated[tuple[Member, ...], Field(min_length=1)] = Field(
        description="党员名册。Every member: id, name, roles, status, joining and leaving."
    )
    committee: Committee | None = Field(
        None, description="支部委员会。The committee: election, term and members."
    )
    events: tuple[Event, ...] = Field(
        (), description="组织生活记录。Every meeting and activity: date, type, attendance."
    )
    dues: dict[MemberKey, PaidMonths] = Field(
        default_factory=dict,
        description="党费交纳。Per member id, the months paid: {M01: [2024-01, 2024-02]},"
        " or the amount paid by month: {M01: {2024-01: 35.50}}.",
    )
    training: tuple[Training, ...] = Field(
        (), description="学习培训。Training records: member, hours, date."
    )
    facts: dict[TextKey, ScalarText] = Field(
        default_factory=dict,
        description="事实项。Facts the rubric reads: {党员活动室: true, 活动经费: 6000元}.",
    )
    ratings: dict[IdKey, Rating] = Field(
        default_factory=dict,
        description="评价等次。Per rated norm id, the assessor's level: {N03: 较好}, or"
        " several assessors' levels: {N03: [{by: 机关党委, level: 较好}]}.",
    )
    tasks: tuple[Task, ...] = Field((), description="个性任务。The branch's individual tasks.")
    groups: dict[TextKey, tuple[MemberRef, ...]] = Field(
        default_factory=dict,
        description="党小组。Per 党小组 name, its members by id: {第一党小组: [M01, M02]}.",
    )
    excused: tuple[Excused, ...] = Field(
        (), description="免于参加组织生活。Members excused for a time (年老体弱, 流动, 出国)."
    )
    dues_exceptions: tuple[DuesException, ...] = Field(
        (), description="党费特殊情况。Months handled otherwise: 减免, 代交, 补交, 缓交."
    )
    # The branch's own level per rated norm (自评), kept apart from the assessors' `ratings`.
    self_ratings: dict[IdKey, Text] = Field(
        default_factory=dict,
        description="支部自评。Per rated norm id, the branch's own level: {N03: 好}.",
    )
    # Rectification (整改) items and 入党积极分子 under review: models/ledger_followup.py.
    rectifications: tuple[Rectification, ...] = Field(
        (), description="整改事项。Problems found, their deadlines and sign-off (整改销号)."
    )
    activists: tuple[Activist, ...] = Field(
        (), description="入党积极分子。Activists under review: name, since, reviews."
    )

    def full_members_on(self, day: dt.date) -> list[Member]:
        """正式 members active on `day`."""
        return [m for m in self.members if m.status == "正式" and m.active_on(day)]
