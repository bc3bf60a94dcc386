"""The check kinds a norm can use, as a union discriminated by `kind`.

The engine's registry (`branchcheck.checks.REGISTRY`) holds one function per model here;
a test keeps the two sets equal.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator

from .common import FileModel, Flag, Int, Num, ScalarText, Text, TextKey

Period = Literal["month", "quarter", "half", "year"]
Count = Annotated[Int, Field(ge=1, le=10000)]


def one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


EventTypes = Annotated[tuple[Text, ...], BeforeValidator(one_or_many), Field(min_length=1)]


class FrequencyCheck(FileModel):
    kind: Literal["frequency"] = Field(description="按周期计次。Held `min` times every `per`.")
    event: EventTypes = Field(description="活动类型。The event type counted, or a list of them.")
    per: Period = Field(description="周期。month, quarter, half (半年) or year.")
    min: Count = Field(1, description="每周期最少次数。Times needed in each period.")
    topic: Text | None = Field(None, description="议题。Only events with this topic count.")
    # per: year only. An event whose `for_year` names a year counts for that year (never for
    # the year it was held in), if held by this many days after that year's end.
    grace_days: Annotated[Int, Field(ge=0, le=366)] = Field(
        0, description="宽限天数。per: year: days after the year an event may be held for it."
    )


class CountCheck(FileModel):
    kind: Literal["count"] = Field(description="计次。Held `min` times in the period.")
    event: EventTypes = Field(description="活动类型。The event type counted, or a list of them.")
    min: Count = Field(description="最少次数。Times needed in the period.")
    topic: Text | None = Field(None, description="议题。Only events with this topic count.")


class AttendanceCheck(FileModel):
    kind: Literal["attendance"] = Field(description="到会率。Each event's attendance rate.")
    event: EventTypes = Field(description="活动类型。The event type counted, or a list of them.")
    min_rate: Annotated[Num, Field(gt=0, le=1)] = Field(
        description="最低到会率。The share of members expected who must attend (0–1)."
    )


class TalksCheck(FileModel):
    """`cover`: members (each member in `min` talks a year), pairs (each of the three pair
    types, 支委–支委, 支委–党员 and 党员–党员, at least once a year), or secretary (the 书记 with
    every other member once a year)."""

    kind: Literal["talks"] = Field(description="谈心谈话。Talks that reach every member.")
    min: Count = Field(1, description="每人最少次数。Talks each member needs a year.")
    event: EventTypes = Field(
        ("谈心谈话",), description="活动类型。The event type counted (default 谈心谈话)."
    )
    cover: Literal["members", "pairs", "secretary"] = Field(
        "members", description="覆盖方式。members, pairs (三类谈话) or secretary (书记与每名党员)."
    )


class DuesCheck(FileModel):
    """`in_full`: a month paid below the amount the member's base and category give (2008
    党费规定) counts as unpaid, where the ledger records amounts."""

    kind: Literal["dues"] = Field(description="按月交纳党费。Every member paid every month owed.")
    in_full: Flag = Field(
        False,
        description="足额交纳。A month paid below the expected amount counts as unpaid"
        " (where the ledger records amounts).",
    )


class TrainingCheck(FileModel):
    """`who`: every member, or the committee (its members and the 书记), e.g. 56 学时."""

    kind: Literal["training"] = Field(description="学习培训学时。Each one's hours of training.")
    hours: Annotated[Num, Field(gt=0, le=8784)] = Field(
        description="学时要求。The hours each needs in the period."
    )
    who: Literal["members", "committee"] = Field(
        "members", description="对象。members (全体党员) or committee (支委成员)."
    )


class TermCheck(FileModel):
    kind: Literal["term"] = Field(description="按期换届。The committee was elected on time.")
    years: Annotated[Int, Field(ge=1, le=10)] | None = Field(
        None, description="任期（年）。The term; default the ledger's, or 5 (村/社区) or 3."
    )


class StructureCheck(FileModel):
    kind: Literal["structure"] = Field(description="组织设置。Size, committee and roles.")
    min_members: Annotated[Int, Field(ge=1)] = Field(
        3, description="最少正式党员。Full members a branch needs."
    )
    committee_at: Annotated[Int, Field(ge=1)] = Field(
        7, description="设支委会人数。From this many full members a committee is needed."
    )
    committee_size: tuple[Annotated[Int, Field(ge=1)], Annotated[Int, Field(ge=1)]] = Field(
        (3, 7), description="支委会人数范围。The committee's size: [fewest, most]."
    )
    roles: tuple[Text, ...] = Field((), description="应设职务。Roles a committee branch fills.")
    small_branch_roles: tuple[Text, ...] = Field(
        ("书记",), description="小支部应设职务。Roles a branch without a committee fills."
    )

    @model_validator(mode="after")
    def _size_range(self) -> StructureCheck:
        low, high = self.committee_size
        if low > high:
            raise ValueError(
                f"committee_size [{low}, {high}]: the first number must not exceed the second"
            )
        return self


class FactCheck(FileModel):
    kind: Literal["fact"] = Field(description="事实项。A fact the ledger records (`facts`).")
    key: Text = Field(description="事实名称。The fact's key in the ledger's `facts`.")
    expect: ScalarText | None = Field(None, description="期望值。The value needed, e.g. true.")
    min: Num | None = Field(None, description="最小值。The least number needed, e.g. 5000.")
    # Read when the ledger does not record the fact, e.g. `false` for a misconduct fact
    # that is recorded only when it happened. Without it an unrecorded fact scores 0.
    default: ScalarText | None = Field(
        None, description="缺省值。Read when the ledger does not record the fact."
    )
    # The value itself is the share of the points (群众满意率: 82% -> 0.82 of them).
    share: Flag = Field(
        False, description="按比例得分。The value is the share of the points (82% -> 0.82)."
    )

    @model_validator(mode="after")
    def _expect_or_min(self) -> FactCheck:
        if sum(x for x in (self.expect is not None, self.min is not None, self.share)) > 1:
            raise ValueError("a fact check takes one of `expect`, `min` or `share: true`")
        return self


class RatingCheck(FileModel):
    kind: Literal["rating"] = Field(description="评价等次。An assessor's level (`ratings`).")
    levels: dict[TextKey, Annotated[Num, Field(ge=0, le=1)]] | None = Field(
        None, description="等次与得分比例。Levels and shares; default the rubric's `ratings`."
    )
    # The self-rating's weight for this norm, over the rubric's `self_weight`.
    self_weight: Annotated[Num, Field(ge=0, le=1)] | None = Field(
        None, description="自评权重。The self-rating's weight for this norm (0–1)."
    )


class GapCheck(FileModel):
    """The longest stretch with none of these events, against `max_months` (党章第九条: six
    months without organisational life)."""

    kind: Literal["gap"] = Field(description="最长间隔。No long stretch without these events.")
    event: EventTypes = Field(description="活动类型。The event type counted, or a list of them.")
    max_months: Annotated[Int, Field(ge=1, le=24)] = Field(
        6, description="最长间隔（月）。The longest stretch allowed, in months."
    )


class GroupsCheck(FileModel):
    """Each 党小组 (ledger `groups`) holds `min` of these events per month or quarter; an
    event belongs to the group it names (`group:`), or to the only group there is."""

    kind: Literal["groups"] = Field(description="党小组活动。Each 党小组 meets every `per`.")
    event: EventTypes = Field(
        ("党小组会",), description="活动类型。The event type counted (default 党小组会)."
    )
    per: Literal["month", "quarter"] = Field("month", description="周期。month or quarter.")
    min: Count = Field(1, description="每周期最少次数。Times each group meets per period.")


class DuesGapCheck(FileModel):
    """No member with `months` or more unpaid months in a row that the ledger gives no reason
    or handling for (a 缓交 record): 党章第九条, 《党员教育管理工作条例》第三十一条(六)."""

    kind: Literal["dues_gap"] = Field(description="连续未交党费。Long runs of unpaid months.")
    months: Annotated[Int, Field(ge=1, le=24)] = Field(
        6, description="连续月数。Unpaid months in a row, with no 缓交 record, that fail it."
    )


CHECK_MODELS: dict[str, type[FileModel]] = {
    "frequency": FrequencyCheck,
    "count": CountCheck,
    "attendance": AttendanceCheck,
    "talks": TalksCheck,
    "dues": DuesCheck,
    "training": TrainingCheck,
    "term": TermCheck,
    "structure": StructureCheck,
    "fact": FactCheck,
    "rating": RatingCheck,
    "gap": GapCheck,
    "groups": GroupsCheck,
    "dues_gap": DuesGapCheck,
}


def _kind_of(value: Any) -> str | None:
    if isinstance(value, dict):
        kind = value.get("kind")
        return kind if isinstance(kind, str) else None
    return getattr(value, "kind", None)


Check = Annotated[
    Annotated[FrequencyCheck, Tag("frequency")]
    | Annotated[CountCheck, Tag("count")]
    | Annotated[AttendanceCheck, Tag("attendance")]
    | Annotated[TalksCheck, Tag("talks")]
    | Annotated[DuesCheck, Tag("dues")]
    | Annotated[TrainingCheck, Tag("training")]
    | Annotated[TermCheck, Tag("term")]
    | Annotated[StructureCheck, Tag("structure")]
    | Annotated[FactCheck, Tag("fact")]
    | Annotated[RatingCheck, Tag("rating")]
    | Annotated[GapCheck, Tag("gap")]
    | Annotated[GroupsCheck, Tag("groups")]
    | Annotated[DuesGapCheck, Tag("dues_gap")],
    Discriminator(_kind_of),
]
