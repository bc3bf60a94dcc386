"""The rubric file (`branchcheck.rubric/1`): norms with points, checks, vetoes, bonus and tiers."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from .checks import Check, FactCheck, RatingCheck, StructureCheck, one_or_many
from .common import FileModel, Flag, Id, Int, Num, Points, Text, TextKey

if TYPE_CHECKING:
    from ..engine.plan import RubricPlan

Ratio = Annotated[Num, Field(ge=0, le=1)]
RUBRIC_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
VALUE = "{value}"  # in `met_text` / `missed_text`: the value a fact check found


class Deduct(FileModel):
    """扣分制: earn max(points - deduct x misses, 0)."""

    deduct: Annotated[Num, Field(gt=0)] = Field(description="每次扣分。Points taken per miss.")


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

    members_at_least: Annotated[Int, Field(ge=0)] | None = Field(
        None, description="正式党员不少于。Applies when the branch has at least this many."
    )
    members_below: Annotated[Int, Field(ge=1)] | None = Field(
        None, description="正式党员少于。Applies when the branch has fewer than this many."
    )
    type: Annotated[tuple[BranchType, ...], BeforeValidator(one_or_many)] | None = Field(
        None, description="支部类型。Applies to branches of this type (or these types)."
    )
    has_groups: Flag | None = Field(
        None, description="设有党小组。Applies when the branch has (true) or lacks (false) 党小组."
    )


class Norm(FileModel):
    """One check item. `points` may be 0 only for a veto item (一票否决 with no points)."""

    id: Id = Field(description="考核项编号。The norm's id (N01), unique in the rubric.")
    name: Text = Field(description="考核项名称。The norm's name, e.g. 按期召开支部党员大会.")
    requirement: Text | None = Field(None, description="考核要求。The requirement in full.")
    basis: Text | None = Field(None, description="依据。The rule it rests on, e.g. 党章第九条.")
    points: Annotated[Num, Field(ge=0, le=10000)] = Field(
        description="分值。The points it is worth (0 only for a veto item)."
    )
    check: Check = Field(description="检查方法。What the ledger must show: a check, by `kind`.")
    scoring: Scoring = Field(
        "proportional",
        description="计分方式。proportional (按比例), all_or_nothing (全有或全无), {deduct: N}.",
    )
    veto: Flag = Field(False, description="一票否决。A veto item: failing it caps the tier.")
    bonus: Flag = Field(False, description="加分项。A bonus item, counted above the total.")
    when: When | None = Field(None, description="适用条件。Which branches the norm applies to.")
    # The rubric's own words for the detail when fully met / when not (see docs/format.md);
    # on a fact check `{value}` stands for the value found.
    met_text: Text | None = Field(
        None, description="达标说明。The detail when fully met; `{value}`: the fact found."
    )
    missed_text: Text | None = Field(
        None, description="未达标说明。The detail when not met; `{value}`: the fact found."
    )


class Standard(FileModel):
    """A work norm (工作规范) holding one or more check items, which its results add up."""

    id: Id = Field(description="工作规范编号。The work norm's id.")
    name: Text = Field(description="工作规范名称。The work norm's name.")
    requirement: Text | None = Field(None, description="工作要求。The requirement in full.")
    basis: Text | None = Field(None, description="依据。The rule it rests on.")
    norms: Annotated[tuple[Norm, ...], Field(min_length=1)] = Field(
        description="考核项。Its check items."
    )


class Dimension(FileModel):
    """Norms listed directly, or grouped under `standards` (not both)."""

    id: Id = Field(description="维度编号。The dimension's id.")
    name: Text = Field(description="维度名称。The dimension's name, e.g. 组织设置标准化.")
    norms: tuple[Norm, ...] = Field((), description="考核项。Its check items, listed directly.")
    standards: tuple[Standard, ...] = Field(
        (), description="工作规范。Its work norms, each holding check items."
    )

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
    id: Id = Field(description="等次编号。The tier's id (standardized), for --min-tier.")
    name: Text = Field(description="等次名称。The tier's name, e.g. 标准化.")
    min_score: Annotated[Num, Field(ge=0)] | None = Field(
        None, description="最低分。The score needed."
    )
    veto_free: Flag = Field(False, description="无否决项。No veto item may be failed.")
    min_dimension_ratio: Ratio | None = Field(
        None, description="各维度最低得分率。Each dimension's share of its points needed (0–1)."
    )
    min_common_ratio: Ratio | None = Field(  # earned / applicable over the norms, tasks aside
        None, description="共性任务最低得分率。The norms' share of their points needed (0–1)."
    )
    requires: tuple[Id, ...] = Field(
        (), description="必须达标的考核项。Norm ids that must be fully met."
    )


class Split(FileModel):
    common: Points = Field(description="共性任务分值。The points of the norms.")
    individual: Points = Field(description="个性任务分值。The points of the tasks.")


class RectificationRule(FileModel):
    """整改: points taken off the score per rectification item still open past its due date at
    the period's end, up to `cap`."""

    overdue_deduction: Annotated[Num, Field(gt=0, le=100)] = Field(
        description="逾期扣分。Points off per item overdue at the period's end."
    )
    cap: Annotated[Num, Field(gt=0, le=10000)] | None = Field(
        None, description="扣分上限。At most this many points in all."
    )


DEFAULT_RATINGS = {"好": 1.0, "较好": 0.8, "一般": 0.6, "差": 0.0}


class Rubric(FileModel):
    format: Literal["branchcheck.rubric/1"] = Field(
        description="文件格式。Always `branchcheck.rubric/1`: says this file is a rubric."
    )
    id: Annotated[str, Field(pattern=RUBRIC_ID_PATTERN, max_length=64)] = Field(
        description="标准编号。The rubric's id: lower-case letters, digits and `-`."
    )
    name: Text = Field(description="标准名称。The rubric's name.")
    version: Text = Field(description="版本。The rubric's version, e.g. 2024.")
    issuer: Text | None = Field(None, description="发布单位。Who issued it.")
    source: Text | None = Field(None, description="出处。Where it was published.")
    total: Points = Field(description="总分。The points of the norms and tasks, bonus aside.")
    split: Split | None = Field(
        None, description="共性与个性任务分值。The total split into norms and tasks."
    )
    bonus_cap: Annotated[Num, Field(ge=0)] | None = Field(
        None, description="加分上限。At most this many bonus points."
    )
    ratings: dict[TextKey, Ratio] = Field(
        default_factory=lambda: dict(DEFAULT_RATINGS),
        description="评价等次。Each level and its share of the points: {好: 1, 较好: 0.8}.",
    )
    events: tuple[Text, ...] = Field(
        (), description="活动类型。The event types (vocabulary) checks count and ledgers use."
    )
    tiers: Annotated[tuple[Tier, ...], Field(min_length=1)] = Field(
        description="等次。The tiers, lowest first, each with what it takes."
    )
    dimensions: Annotated[tuple[Dimension, ...], Field(min_length=1)] = Field(
        description="考核维度。The dimensions, holding the norms."
    )
    # The branch's self-rating's weight in a rated norm (self 0.4, assessors 0.6: domain.md
    # 3.3); None: self-ratings are shown beside the assessors' but not scored.
    self_weight: Ratio | None = Field(
        None,
        description="自评权重。The self-rating's weight in rated norms (0–1); unset: not scored.",
    )
    rectification: RectificationRule | None = Field(
        None, description="整改扣分规则。Points off per item overdue at the period's end."
    )

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

    # What the ledger rules read from the rubric, gathered once per rubric, not per ledger.
    @cached_property
    def event_types(self) -> frozenset[str]:
        return frozenset(self.events)

    @cached_property
    def fact_checks(self) -> dict[str, list[FactCheck]]:
        """Each fact key a norm reads, with the checks that read it, in the rubric's order."""
        checks: dict[str, list[FactCheck]] = {}
        for _, norm in self.norms:
            if isinstance(norm.check, FactCheck):
                checks.setdefault(norm.check.key, []).append(norm.check)
        return checks

    @cached_property
    def rated_norms(self) -> dict[str, RatingCheck]:
        return {n.id: n.check for _, n in self.norms if isinstance(n.check, RatingCheck)}

    @cached_property
    def structure_roles(self) -> tuple[str, ...]:
        """The posts the rubric's structure checks name, in order, each once."""
        roles: dict[str, None] = {}
        for _, norm in self.norms:
            if isinstance(norm.check, StructureCheck):
                roles.update(dict.fromkeys((*norm.check.roles, *norm.check.small_branch_roles)))
        return tuple(roles)

    @cached_property
    def plan(self) -> RubricPlan:
        """What scoring derives from the rubric alone, made once per rubric (engine/plan.py)."""
        from ..engine.plan import RubricPlan  # the engine's data, kept with the rubric it is of

        return RubricPlan(self)
