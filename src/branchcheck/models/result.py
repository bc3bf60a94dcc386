"""The scoring result (`branchcheck.result/1`); its JSON is the public contract in design.md."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, PlainSerializer

# Points and maxima come from the rubric as the user wrote them: 3, not 3.0.
Points = Annotated[
    float, PlainSerializer(lambda v: int(v) if v == int(v) else v, return_type=float | int)
]

NormStatus = Literal["met", "partial", "missed", "unrated", "not_applicable"]


class ResultModel(BaseModel):
    model_config = ConfigDict(frozen=True)


class RubricRef(ResultModel):
    id: str
    version: str


class BranchRef(ResultModel):
    id: str
    name: str
    parent: str | None = None


class PeriodRef(ResultModel):
    start: str
    end: str


class TierRef(ResultModel):
    id: str
    name: str


class DimensionResult(ResultModel):
    id: str
    name: str
    earned: float
    max: Points


class NormResult(ResultModel):
    id: str
    name: str
    dimension: str
    standard: str | None = None  # the work norm (工作规范) this check item belongs to
    points: Points
    earned: float
    fraction: float | None
    misses: int
    status: NormStatus
    detail: str
    veto: bool = False
    bonus: bool = False
    # Points lost: points - earned for a norm that applies (0 when met or not applicable;
    # bonus norms lose nothing). A field added after the first release.
    deduction: float = 0.0


class StandardResult(ResultModel):
    """A work norm's check items added up."""

    id: str
    name: str
    dimension: str
    points: Points
    earned: float
    status: NormStatus
    norms: list[str]


class PartResult(ResultModel):
    """Earned over applicable points of the rubric's norms (共性任务), tasks and bonus aside."""

    earned: float
    max: Points


class TaskResult(ResultModel):
    id: str
    name: str
    points: Points
    earned: float
    status: Literal["done", "partial", "open"]
    # The assessor's level and its share of the points (1 without a level): the task earns
    # points x rating_share when done, half of that when partial, nothing when open.
    rating: str | None = None
    rating_share: float = 1.0


AlertSeverity = Literal["overdue", "urgent", "reminder"]  # 逾期 > 紧急 > 提醒


class Alert(ResultModel):
    kind: str
    message: str
    # Fields added with `branchcheck alerts`: the day the alert is about (a deadline, or the
    # day a thing went wrong), how pressing it is, and whom or what it concerns.
    due: str | None = None
    severity: AlertSeverity | None = None
    subject: str | None = None


RectificationStatus = Literal["open", "overdue", "closed_on_time", "closed_late"]


class RectificationResult(ResultModel):
    """A rectification item (整改) and where it stands at the period's end."""

    id: str
    norm: str
    norm_name: str
    found_on: str
    source: str
    problem: str
    owner: str
    due: str
    done_on: str | None
    evidence: str | None
    status: RectificationStatus


class NextTier(ResultModel):
    id: str
    name: str
    short_by: float
    blockers: list[str]
    # The tier's score line (null when it has none), and each blocker said in Chinese, in the
    # order of `blockers`: 否决项N17（按月交纳党费）未达标 / 考核评价标准化得分率24%，低于80%.
    min_score: Points | None = None
    blocker_texts: list[str] = []


class Result(ResultModel):
    format: Literal["branchcheck.result/1"] = "branchcheck.result/1"
    rubric: RubricRef
    branch: BranchRef
    period: PeriodRef
    score: float
    max: Points
    bonus: float
    rescaled: bool
    tier: TierRef
    vetoes: list[str]
    dimensions: list[DimensionResult]
    common: PartResult
    standards: list[StandardResult] = []
    norms: list[NormResult]
    tasks: list[TaskResult]
    alerts: list[Alert]
    next_tier: NextTier | None
    # Fields added after the first release: the ledger's rectification items, and the points
    # the rubric's `rectification` rule took off for those overdue at the period's end.
    rectifications: list[RectificationResult] = []
    rectification_deduction: float = 0.0
