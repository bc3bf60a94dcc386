"""The rubric file (`branchcheck.rubric/1`): norms with points, checks, vetoes, bonus and tiers."""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from .checks import Check, one_or_many
from .common import FileModel, Flag, Id, Int, Num, Points, Text, TextKey

Ratio = Annotated[Num, Field(ge=0, le=1)]
RUBRIC_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
VALUE = "{value}"  # in `met_text` / `missed_text`: the value a fact check found


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


BRANCH_TYPES = ("机关", "村", "社区", "企业", "事业", "学校")
BranchType = Literal["机关", "村", "社区", "企业", "事业", "学校"]


class When(FileModel):
    """Applicability of a norm: the number of full (正式) members active at the period's end,
    the branch's type (`branch.type` in the ledger), and whether it has 党小组 (`groups`)."""

    members_at_least: Annotated[Int, Field(ge=0)] | None = None
    members_below: Annotated[Int, Field(ge=1)] | None = None
    type: Annotated[tuple[BranchType, ...], BeforeValidator(one_or_many)] | None = None
    has_groups: Flag | None = None


class Norm(FileModel):
    """One check item. `points` may be 0 only for a veto item (一票否决 with no points)."""

    id: Id
    name: Text
    requirement: Text | None = None
    basis: Text | None = None
    points: Annotated[Num, Field(ge=0, le=10000)]
    check: Check
    scoring: Scoring = "proportional"
    veto: Flag = False
    bonus: Flag = False
    when: When | None = None
    # The rubric's own words for the detail when fully met / when not (see docs/format.md);
    # on a fact check `{value}` stands for the value found.
    met_text: Text | None = None
    missed_text: Text | None = None


class Standard(FileModel):
    """A work norm (工作规范) holding one or more check items, which its results add up."""

    id: Id
    name: Text
    requirement: Text | None = None
    basis: Text | None = None
    norms: Annotated[tuple[Norm, ...], Field(min_length=1)]


class Dimension(FileModel):
    """Norms listed directly, or grouped under `standards` (not both)."""

    id: Id
    name: Text
    norms: tuple[Norm, ...] = ()
    standards: tuple[Standard, ...] = ()

    @model_validator(mode="after")
    def _norms_or_standards(self) -> Dimension:
        if bool(self.norms) == bool(self.standards):
            raise ValueError(
                f"dimension {self.id}: list its check items under `norms`, or group them"
                " under `standards` (each with its own `norms`), not both and not neither"
            )
        return self

    @property
    def items(self) -> tuple[tuple[Standard | None, Norm], ...]:
        if self.norms:
            return tuple((None, norm) for norm in self.norms)
        return tuple((std, norm) for std in self.standards for norm in std.norms)


class Tier(FileModel):
    id: Id
    name: Text
    min_score: Annotated[Num, Field(ge=0)] | None = None
    veto_free: Flag = False
    min_dimension_ratio: Ratio | None = None
    min_common_ratio: Ratio | None = None  # earned / applicable over the norms, tasks aside
    requires: tuple[Id, ...] = ()


class Split(FileModel):
    common: Points
    individual: Points


class RectificationRule(FileModel):
    """整改: points taken off the score per rectification item still open past its due date at
    the period's end, up to `cap`."""

    overdue_deduction: Annotated[Num, Field(gt=0, le=100)]
    cap: Annotated[Num, Field(gt=0, le=10000)] | None = None


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
    rectification: RectificationRule | None = None

    @model_validator(mode="after")
    def _ratings_not_empty(self) -> Rubric:
        if not self.ratings:
            raise ValueError("ratings must name at least one level")
        return self

    @cached_property
    def norms(self) -> tuple[tuple[Dimension, Norm], ...]:
        """Every norm (check item) with its dimension, in file order."""
        return tuple((dim, norm) for dim in self.dimensions for _, norm in dim.items)

    @cached_property
    def placed(self) -> tuple[tuple[Dimension, Standard | None, Norm, tuple[str | int, ...]], ...]:
        """Every norm with its dimension, standard and place in the file (for messages)."""
        out: list[tuple[Dimension, Standard | None, Norm, tuple[str | int, ...]]] = []
        for d, dim in enumerate(self.dimensions):
            if dim.norms:
                out += [
                    (dim, None, n, ("dimensions", d, "norms", i)) for i, n in enumerate(dim.norms)
                ]
            for s, std in enumerate(dim.standards):
                out += [
                    (dim, std, n, ("dimensions", d, "standards", s, "norms", i))
                    for i, n in enumerate(std.norms)
                ]
        return tuple(out)

    @cached_property
    def standards(self) -> tuple[tuple[Dimension, Standard], ...]:
        return tuple((dim, std) for dim in self.dimensions for std in dim.standards)

    @cached_property
    def norm_count(self) -> int:
        return len(self.norms)
