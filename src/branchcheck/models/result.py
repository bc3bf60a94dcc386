"""The scoring result (`branchcheck.result/1`); its JSON is the public contract in design.md."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

# Points and maxima come from the rubric as the user wrote them: 3, not 3.0.
Points = Annotated[
    float, PlainSerializer(lambda v: int(v) if v == int(v) else v, return_type=float | int)
]

NormStatus = Literal["met", "partial", "missed", "unrated", "not_applicable"]


class ResultModel(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)  # built on first use: see FileModel


class RubricRef(ResultModel):
    id: str = Field(description="标准编号。The rubric's id.")
    version: str = Field(description="版本。The rubric's version.")


class BranchRef(ResultModel):
    id: str = Field(description="支部编号。The branch's id.")
    name: str = Field(description="支部名称。The branch's name.")
    parent: str | None = Field(None, description="上级党组织。The higher organisation.")


class PeriodRef(ResultModel):
    start: str = Field(description="考核期开始日期。The period's first day (ISO date).")
    end: str = Field(description="考核期结束日期。The period's last day (ISO date).")


class TierRef(ResultModel):
    id: str = Field(description="等次编号。The tier's id.")
    name: str = Field(description="等次名称。The tier's name.")


class DimensionResult(ResultModel):
    id: str = Field(description="维度编号。The dimension's id.")
    name: str = Field(description="维度名称。The dimension's name.")
    earned: float = Field(description="得分。Points earned.")
    max: Points = Field(description="分值。Points applicable.")


class NormResult(ResultModel):
    id: str = Field(description="考核项编号。The norm's id.")
    name: str = Field(description="考核项名称。The norm's name.")
    dimension: str = Field(description="维度编号。Its dimension's id.")
    standard: str | None = Field(  # the work norm (工作规范) this check item belongs to
        None, description="工作规范编号。Its work norm's id, if any."
    )
    points: Points = Field(description="分值。Its points.")
    earned: float = Field(description="得分。Points earned.")
    fraction: float | None = Field(
        description="完成比例。The share met (0–1); null when not applicable or unrated."
    )
    misses: int = Field(description="缺项数。How many times it was missed.")
    status: NormStatus = Field(description="状态。met, partial, missed, unrated or not_applicable.")
    detail: str = Field(description="说明。Why, in Chinese.")
    veto: bool = Field(False, description="一票否决。A veto item.")
    bonus: bool = Field(False, description="加分项。A bonus item.")
    # Points lost: points - earned for a norm that applies (0 when met or not applicable;
    # bonus norms lose nothing). A field added after the first release.
    deduction: float = Field(
        0.0, description="扣分。Points lost (points − earned; 0 when met or not applicable)."
    )


class StandardResult(ResultModel):
    """A work norm's check items added up."""

    id: str = Field(description="工作规范编号。The work norm's id.")
    name: str = Field(description="工作规范名称。The work norm's name.")
    dimension: str = Field(description="维度编号。Its dimension's id.")
    points: Points = Field(description="分值。Its check items' points.")
    earned: float = Field(description="得分。Points earned.")
    status: NormStatus = Field(description="状态。met, partial, missed, unrated or not_applicable.")
    norms: list[str] = Field(description="考核项。Its check items' ids.")


class PartResult(ResultModel):
    """Earned over applicable points of the rubric's norms (共性任务), tasks and bonus aside."""

    earned: float = Field(description="得分。Points earned.")
    max: Points = Field(description="分值。Points applicable.")


class TaskResult(ResultModel):
    id: str = Field(description="任务编号。The task's id.")
    name: str = Field(description="任务名称。The task's name.")
    points: Points = Field(description="分值。Its points.")
    earned: float = Field(description="得分。Points earned.")
    status: Literal["done", "partial", "open"] = Field(
        description="完成情况。done, partial or open."
    )
    # The assessor's level and its share of the points (1 without a level): the task earns
    # points x rating_share when done, half of that when partial, nothing when open.
    rating: str | None = Field(None, description="评价等次。The assessor's level.")
    rating_share: float = Field(
        1.0, description="等次得分比例。The level's share of the points (1 without a level)."
    )


AlertSeverity = Literal["overdue", "urgent", "reminder"]  # 逾期 > 紧急 > 提醒


class Alert(ResultModel):
    kind: str = Field(description="提醒类别。The alert's kind.")
    message: str = Field(description="提醒。The alert, in Chinese.")
    # Fields added with `branchcheck alerts`: the day the alert is about (a deadline, or the
    # day a thing went wrong), how pressing it is, and whom or what it concerns.
    due: str | None = Field(None, description="日期。The day the alert is about (YYYY-MM-DD).")
    severity: AlertSeverity | None = Field(
        None, description="紧急程度。overdue (逾期), urgent (紧急) or reminder (提醒)."
    )
    subject: str | None = Field(None, description="对象。Whom or what it concerns.")


RectificationStatus = Literal["open", "overdue", "closed_on_time", "closed_late"]


class RectificationResult(ResultModel):
    """A rectification item (整改) and where it stands at the period's end."""

    id: str = Field(description="编号。The item's id.")
    norm: str = Field(description="对应规范。The norm the problem falls under.")
    norm_name: str = Field(description="规范名称。The norm's name (empty if the rubric lacks it).")
    found_on: str = Field(description="发现日期。The day it was found.")
    source: str = Field(description="来源。Where it was found: 四互, 巡察, 自查 ….")
    problem: str = Field(description="问题。The problem.")
    owner: str = Field(description="责任人。Who answers for it (a member id becomes the name).")
    due: str = Field(description="整改时限。The deadline.")
    done_on: str | None = Field(description="销号日期。The day it was signed off, or null.")
    evidence: str | None = Field(description="整改材料。The evidence, or null.")
    status: RectificationStatus = Field(
        description="状态。open, overdue, closed_on_time or closed_late."
    )


class NextTier(ResultModel):
    id: str = Field(description="等次编号。The next tier's id.")
    name: str = Field(description="等次名称。The next tier's name.")
    short_by: float = Field(description="差距分数。Points short of its score line.")
    blockers: list[str] = Field(description="未满足条件。What stands in the way, as ids.")
    # The tier's score line (null when it has none), and each blocker said in Chinese, in the
    # order of `blockers`: 否决项N17（按月交纳党费）未达标 / 考核评价标准化得分率24%，低于80%.
    min_score: Points | None = Field(None, description="最低分。The tier's score line.")
    blocker_texts: list[str] = Field([], description="未满足条件说明。Each blocker in Chinese.")


class Result(ResultModel):
    format: Literal["branchcheck.result/1"] = Field(
        "branchcheck.result/1", description="文件格式。Always `branchcheck.result/1`."
    )
    rubric: RubricRef = Field(description="考核标准。The rubric scored against.")
    branch: BranchRef = Field(description="党支部。The branch.")
    period: PeriodRef = Field(description="考核期。The period.")
    score: float = Field(description="得分。The score, bonus included.")
    max: Points = Field(description="满分。The points applicable.")
    bonus: float = Field(description="加分。Bonus points earned.")
    rescaled: bool = Field(
        description="已折算。Scores were rescaled to the total (norms not applicable)."
    )
    tier: TierRef = Field(description="等次。The tier reached.")
    vetoes: list[str] = Field(description="否决项。Veto norm ids failed.")
    dimensions: list[DimensionResult] = Field(description="维度得分。Each dimension's points.")
    common: PartResult = Field(description="共性任务。The norms' points, tasks and bonus aside.")
    standards: list[StandardResult] = Field(
        [], description="工作规范得分。Each work norm's points."
    )
    norms: list[NormResult] = Field(description="考核项结果。Each norm: points, status, why.")
    tasks: list[TaskResult] = Field(description="个性任务。Each task's points.")
    alerts: list[Alert] = Field(description="提醒。Alerts for the branch.")
    next_tier: NextTier | None = Field(
        description="下一等次。The next tier and what it takes; null at the top."
    )
    # Fields added after the first release: the ledger's rectification items, and the points
    # the rubric's `rectification` rule took off for those overdue at the period's end.
    rectifications: list[RectificationResult] = Field(
        [], description="整改事项。The ledger's rectification items and their status."
    )
    rectification_deduction: float = Field(
        0.0, description="整改扣分。Points taken off for items overdue at the period's end."
    )
