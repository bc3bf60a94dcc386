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
    kind: Literal["frequency"]
    event: EventTypes
    per: Period
    min: Count = 1
    topic: Text | None = None
    # per: year only. An event whose `for_year` names a year counts for that year (never for
    # the year it was held in), if held by this many days after that year's end.
    grace_days: Annotated[Int, Field(ge=0, le=366)] = 0


class CountCheck(FileModel):
    kind: Literal["count"]
    event: EventTypes
    min: Count
    topic: Text | None = None


class AttendanceCheck(FileModel):
    kind: Literal["attendance"]
    event: EventTypes
    min_rate: Annotated[Num, Field(gt=0, le=1)]


class TalksCheck(FileModel):
    """`cover`: members (each member in `min` talks a year), pairs (each of the three pair
    types, 支委–支委, 支委–党员 and 党员–党员, at least once a year), or secretary (the 书记 with
    every other member once a year)."""

    kind: Literal["talks"]
    min: Count = 1
    event: EventTypes = ("谈心谈话",)
    cover: Literal["members", "pairs", "secretary"] = "members"


class DuesCheck(FileModel):
    """`in_full`: a month paid below the amount the member's base and category give (2008
    党费规定) counts as unpaid, where the ledger records amounts."""

    kind: Literal["dues"]
    in_full: Flag = False


class TrainingCheck(FileModel):
    """`who`: every member, or the committee (its members and the 书记), e.g. 56 学时."""

    kind: Literal["training"]
    hours: Annotated[Num, Field(gt=0, le=8784)]
    who: Literal["members", "committee"] = "members"


class TermCheck(FileModel):
    kind: Literal["term"]
    years: Annotated[Int, Field(ge=1, le=10)] | None = None


class StructureCheck(FileModel):
    kind: Literal["structure"]
    min_members: Annotated[Int, Field(ge=1)] = 3
    committee_at: Annotated[Int, Field(ge=1)] = 7
    committee_size: tuple[Annotated[Int, Field(ge=1)], Annotated[Int, Field(ge=1)]] = (3, 7)
    roles: tuple[Text, ...] = ()
    small_branch_roles: tuple[Text, ...] = ("书记",)

    @model_validator(mode="after")
    def _size_range(self) -> StructureCheck:
        low, high = self.committee_size
        if low > high:
            raise ValueError(
                f"committee_size [{low}, {high}]: the first number must not exceed the second"
            )
        return self


class FactCheck(FileModel):
    kind: Literal["fact"]
    key: Text
    expect: ScalarText | None = None
    min: Num | None = None
    # Read when the ledger does not record the fact, e.g. `false` for a misconduct fact
    # that is recorded only when it happened. Without it an unrecorded fact scores 0.
    default: ScalarText | None = None
    # The value itself is the share of the points (群众满意率: 82% -> 0.82 of them).
    share: Flag = False

    @model_validator(mode="after")
    def _expect_or_min(self) -> FactCheck:
        if sum(x for x in (self.expect is not None, self.min is not None, self.share)) > 1:
            raise ValueError("a fact check takes one of `expect`, `min` or `share: true`")
        return self


class RatingCheck(FileModel):
    kind: Literal["rating"]
    levels: dict[TextKey, Annotated[Num, Field(ge=0, le=1)]] | None = None
    # The self-rating's weight for this norm, over the rubric's `self_weight`.
    self_weight: Annotated[Num, Field(ge=0, le=1)] | None = None


class GapCheck(FileModel):
    """The longest stretch with none of these events, against `max_months` (党章第九条: six
    months without organisational life)."""

    kind: Literal["gap"]
    event: EventTypes
    max_months: Annotated[Int, Field(ge=1, le=24)] = 6


class GroupsCheck(FileModel):
    """Each 党小组 (ledger `groups`) holds `min` of these events per month or quarter; an
    event belongs to the group it names (`group:`), or to the only group there is."""

    kind: Literal["groups"]
    event: EventTypes = ("党小组会",)
    per: Literal["month", "quarter"] = "month"
    min: Count = 1


class DuesGapCheck(FileModel):
    """No member with `months` or more unpaid months in a row that the ledger gives no reason
    or handling for (a 缓交 record): 党章第九条, 《党员教育管理工作条例》第三十一条(六)."""

    kind: Literal["dues_gap"]
    months: Annotated[Int, Field(ge=1, le=24)] = 6


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
