"""The ten check kinds a norm can use, as a union discriminated by `kind`.

The engine's registry (`branchcheck.checks.REGISTRY`) holds one function per model here;
a test keeps the two sets equal.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator

from .common import FileModel, Int, Num, ScalarText, Text, TextKey

Period = Literal["month", "quarter", "half", "year"]
Count = Annotated[Int, Field(ge=1, le=10000)]


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


EventTypes = Annotated[tuple[Text, ...], BeforeValidator(_one_or_many), Field(min_length=1)]


class FrequencyCheck(FileModel):
    kind: Literal["frequency"]
    event: EventTypes
    per: Period
    min: Count = 1
    topic: Text | None = None


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
    kind: Literal["talks"]
    min: Count = 1
    event: EventTypes = ("谈心谈话",)


class DuesCheck(FileModel):
    kind: Literal["dues"]


class TrainingCheck(FileModel):
    kind: Literal["training"]
    hours: Annotated[Num, Field(gt=0, le=8784)]


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

    @model_validator(mode="after")
    def _expect_or_min(self) -> FactCheck:
        if self.expect is not None and self.min is not None:
            raise ValueError("a fact check takes `expect` or `min`, not both")
        return self


class RatingCheck(FileModel):
    kind: Literal["rating"]
    levels: dict[TextKey, Annotated[Num, Field(ge=0, le=1)]] | None = None


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
    | Annotated[RatingCheck, Tag("rating")],
    Discriminator(_kind_of),
]
