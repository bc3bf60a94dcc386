"""The rubric file (`branchcheck.rubric/1`): norms with points, checks, vetoes, bonus and tiers."""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from .checks import Check
from .common import FileModel, Flag, Id, Int, Num, Points, Text, TextKey

Ratio = Annotated[Num, Field(ge=0, le=1)]
RUBRIC_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class Deduct(FileModel):
    """扣分制: earn max(points - deduct x misses, 0)."""

    deduct: Annotated[Num, Field(gt=0)]


def _scoring_form(value: Any) -> Any:
    if isinstance(value, str) and value not in ("proportional", "all_or_nothing"):
        raise ValueError(
            f"unknown scoring {value!r}: use proportional, all_or_nothing or {{deduct: N}}"
        )
    return value


Scoring = Annotated[
    Literal["proportional", "all_or_nothing"] | Deduct, BeforeValidator(_scoring_form)
]


class When(FileModel):
    """Applicability of a norm, on the number of full (正式) members active at the period's end."""

    members_at_least: Annotated[Int, Field(ge=0)] | None = None
    members_below: Annotated[Int, Field(ge=1)] | None = None


class Norm(FileModel):
    id: Id
    name: Text
    requirement: Text | None = None
    basis: Text | None = None
    points: Points
    check: Check
    scoring: Scoring = "proportional"
    veto: Flag = False
    bonus: Flag = False
    when: When | None = None


class Dimension(FileModel):
    id: Id
    name: Text
    norms: Annotated[tuple[Norm, ...], Field(min_length=1)]


class Tier(FileModel):
    id: Id
    name: Text
    min_score: Annotated[Num, Field(ge=0)] | None = None
    veto_free: Flag = False
    min_dimension_ratio: Ratio | None = None
    requires: tuple[Id, ...] = ()


class Split(FileModel):
    common: Points
    individual: Points


DEFAULT_RATINGS = {"好": 1.0, "较好": 0.8, "一般": 0.6, "差": 0.0}


class Rubric(FileModel):
    format: Literal["branchcheck.rubric/1"]
    id: Annotated[str, Field(pattern=RUBRIC_ID_PATTERN, max_length=64)]
    name: Text
    version: Text
    issuer: Text | None = None
    source: Text | None = None
    total: Points
    split: Split | None = None
    bonus_cap: Annotated[Num, Field(ge=0)] | None = None
    ratings: dict[TextKey, Ratio] = Field(default_factory=lambda: dict(DEFAULT_RATINGS))
    events: tuple[Text, ...] = ()
    tiers: Annotated[tuple[Tier, ...], Field(min_length=1)]
    dimensions: Annotated[tuple[Dimension, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _ratings_not_empty(self) -> Rubric:
        if not self.ratings:
            raise ValueError("ratings must name at least one level")
        return self

    @cached_property
    def norms(self) -> tuple[tuple[Dimension, Norm], ...]:
        """Every norm with its dimension, in file order."""
        return tuple((dim, norm) for dim in self.dimensions for norm in dim.norms)

    @cached_property
    def norm_count(self) -> int:
        return len(self.norms)
