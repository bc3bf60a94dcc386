"""A norm in words, as the 对照表 says it: what its check counts (每月至少召开1次支委会), how it is
scored (每缺1个月扣0.5分，扣完为止), which ledger records it reads, and its marks."""

from __future__ import annotations

from collections.abc import Sequence

from ..checks.meetings import ANY_ACTIVITY, verb
from ..checks.records import fact_bool
from ..models import checks as c
from ..models.rubric import Deduct, Norm, Rubric
from .escape import number
from .labels import PER
from .prose import percent

# --- a norm in words -----------------------------------------------------------------------

_WINDOW = {"month": "月份", "quarter": "季度", "half": "半年", "year": "年度"}
_SHORT = {"month": "1个月", "quarter": "1个季度", "half": "1个半年", "year": "1个年度"}
TASK_ID = "个性任务"


def _kinds(types: Sequence[str], joiner: str = "或") -> str:
    """支委会 / 党课或主题党日 / 支委会、党员大会或理论学习."""
    return types[0] if len(types) == 1 else f"{'、'.join(types[:-1])}{joiner}{types[-1]}"


def _topic(topic: str | None) -> str:
    return f"（议题含“{topic}”）" if topic else ""


def _fact_expect(check: c.FactCheck) -> str:
    key, expected = check.key, str(check.expect if check.expect is not None else "true")
    wanted = fact_bool(expected)
    if wanted is None:
        return f"“{key}”为“{expected}”"
    default = fact_bool(str(check.default)) if check.default is not None else None
    if wanted is False and default is False:
        return f"无“{key}”情况（台账仅在发生时记“{key}：是”）"
    return f"“{key}”为“{'是' if wanted else '否'}”"


def _fact_min(check: c.FactCheck) -> str:
    assert check.min is not None
    if check.key.endswith("率") and 0 < check.min <= 1:
        return f"{check.key}{percent(check.min)}以上"
    return f"“{check.key}”不少于{number(check.min)}"


def _structure(check: c.StructureCheck) -> str:
    low, high = check.committee_size
    size = f"{low}至{high}人" if low != high else f"{low}人"
    parts = [
        f"正式党员{check.min_members}名以上",
        f"正式党员{check.committee_at}名以上的设支部委员会（委员{size}）",
    ]
    if check.roles:
        parts.append(f"设支委会的配齐{'、'.join(check.roles)}")
    if check.small_branch_roles:
        parts.append(f"不设支委会的设{'、'.join(check.small_branch_roles)}")
    return "；".join(parts)


def levels_text(levels: dict[str, float]) -> str:
    """`好100%、较好80%、一般60%、差0`."""
    return "、".join(f"{name}{percent(share) if share else '0'}" for name, share in levels.items())


def check_text(norm: Norm, rubric: Rubric) -> str:
    """What the norm's check counts, as a 对照表 says it: 每月至少召开1次支委会."""
    k = norm.check
    if isinstance(k, c.FrequencyCheck):
        text = f"{PER[k.per]}至少{verb(k.event)}{k.min}次{_kinds(k.event)}{_topic(k.topic)}"
        if k.grace_days:
            text += f"；次年{k.grace_days}天内{verb(k.event)}并注明所属年度的，计入该年度"
        return text
    if isinstance(k, c.CountCheck):
        return f"考核期内至少{verb(k.event)}{k.min}次{_kinds(k.event)}{_topic(k.topic)}"
    if isinstance(k, c.AttendanceCheck):
        return f"每次{_kinds(k.event)}到会率{percent(k.min_rate)}以上（按规定免于参加的不计入应到）"
    if isinstance(k, c.TalksCheck):
        if k.cover == "pairs":
            return (
                "每年开展支委与支委、支委与党员、党员与党员三类谈心谈话"
                "（只设书记的为书记与党员、党员与党员两类）"
            )
        if k.cover == "secretary":
            return f"书记每年与每名党员至少{_kinds(k.event)}1次"
        return f"每名党员每年至少参加{k.min}次{_kinds(k.event)}"
    if isinstance(k, c.DuesCheck):
        if k.in_full:
            return (
                "每名党员按月足额交纳党费（应交金额按党费基数和2008年党费规定的比例核定；"
                "减免的月份不计应交，代交、补交的计已交）"
            )
        return "每名党员按月交纳党费（减免的月份不计应交，代交、补交的计已交）"
    if isinstance(k, c.DuesGapCheck):
        return f"无连续{k.months}个月未交纳党费、台账又未记录原因或处理（缓交）的党员"
    if isinstance(k, c.TrainingCheck):
        who = "书记和支部委员每人" if k.who == "committee" else "每名党员"
        return f"{who}每年{number(k.hours)}学时以上学习培训"
    if isinstance(k, c.TermCheck):
        term = f"任期{k.years}年" if k.years else "任期按支部类型（村、社区5年，其他3年）"
        return (
            f"支部委员会（不设支委会的为书记）{term}，考核期末仍在任期内"
            "（经上级批准延期的，按批准的期限）"
        )
    if isinstance(k, c.StructureCheck):
        return _structure(k)
    if isinstance(k, c.FactCheck):
        if k.share:
            return f"按“{k.key}”计分（如记82%，得分值的82%）"
        return _fact_min(k) if k.min is not None else _fact_expect(k)
    if isinstance(k, c.RatingCheck):
        text = f"由考核人评定等次：{levels_text(k.levels or rubric.ratings)}"
        if k.self_weight is not None and k.self_weight != rubric.self_weight:
            text += f"；{self_weight_text(k.self_weight)}"
        return text
    if isinstance(k, c.GapCheck):
        what = (
            f"组织生活（{'、'.join(k.event)}）" if len(k.event) >= ANY_ACTIVITY else _kinds(k.event)
        )
        return f"相邻两次{what}间隔不超过{k.max_months}个月（考核期首尾亦计）"
    if isinstance(k, c.GroupsCheck):
        return f"各党小组{PER[k.per]}至少{verb(k.event)}{k.min}次{_kinds(k.event)}"
    raise TypeError(f"no words for check {k!r}")  # a new check kind must be described


def _missed_unit(norm: Norm) -> str | None:
    """What one miss is, for a deduction: 每缺1个月 / 每少1次 / 每有1人未达到; None for a check
    with at most one miss."""
    k = norm.check
    if isinstance(k, c.FrequencyCheck):
        return f"每缺{_SHORT[k.per]}"
    if isinstance(k, c.CountCheck):
        return "每少1次"
    if isinstance(k, c.AttendanceCheck):
        return "每有1次未达到（未召开的计1次）"
    if isinstance(k, c.TalksCheck):
        return "每缺1类" if k.cover == "pairs" else "每缺1人"
    if isinstance(k, c.DuesCheck):
        return "每有1人1个月未交纳或未足额交纳" if k.in_full else "每有1人1个月未交纳"
    if isinstance(k, c.DuesGapCheck):
        return "每有1人"
    if isinstance(k, c.TrainingCheck):
        return "每有1人未达到"
    if isinstance(k, c.StructureCheck):
        return "每有1项不符合"
    if isinstance(k, c.GroupsCheck):
        return f"每个党小组每缺{_SHORT[k.per]}"
    return None


def _proportion(norm: Norm, rubric: Rubric) -> str:
    k = norm.check
    if isinstance(k, c.FrequencyCheck):
        return f"按达标{_WINDOW[k.per]}比例得分"
    if isinstance(k, c.CountCheck):
        return "按完成次数比例得分"
    if isinstance(k, c.AttendanceCheck):
        return "按到会率达标的次数比例得分"
    if isinstance(k, c.TalksCheck):
        return {
            "pairs": "按已开展的谈话类别比例得分",
            "secretary": "按书记已谈话的党员比例得分",
        }.get(k.cover, "按已谈话的党员比例得分")
    if isinstance(k, c.DuesCheck):
        return f"按{'足额' if k.in_full else '已'}交纳人次（按月计）比例得分"
    if isinstance(k, c.TrainingCheck):
        return "按学时达标的人数比例得分"
    if isinstance(k, c.StructureCheck):
        return "按符合的条件比例得分"
    if isinstance(k, c.GroupsCheck):
        return f"按各党小组达标{_WINDOW[k.per]}比例得分"
    if isinstance(k, c.RatingCheck):
        return "按评定等次得分（得分值×等次比例）"
    if isinstance(k, c.FactCheck) and k.share:
        return "按所记比例得分"
    return "达到要求得满分，否则不得分"  # a yes/no check: its fraction is 1 or 0


def scoring_text(norm: Norm, rubric: Rubric) -> str:
    """How the norm's points are earned, in words."""
    if norm.points == 0:
        return "不计分，只作否决：未达到要求即为否决项未达标"
    scoring = norm.scoring
    if isinstance(scoring, Deduct):
        unit = _missed_unit(norm)
        deduct = number(scoring.deduct)
        if unit is None:
            if scoring.deduct >= norm.points:
                return "达到要求得满分，否则不得分"
            return f"未达到要求扣{deduct}分"
        return f"{unit}扣{deduct}分，扣完为止"
    if scoring == "all_or_nothing":
        if norm.bonus:
            return f"达到要求加{number(norm.points)}分，否则不加分"
        return "达到要求得满分，否则不得分"
    text = _proportion(norm, rubric)
    return text.replace("得满分", f"加{number(norm.points)}分") if norm.bonus else text


_EVENTS = "会议活动（events）"
_MEMBERS = "党员名册（members）"
_EXCUSED = "免于参加（excused）"
_COMMITTEE = "支部委员会（committee）"


def record_text(norm: Norm) -> str:
    """Which ledger records the norm reads: 会议活动（events）：支委会."""
    k = norm.check
    parts: list[str]
    if isinstance(k, c.FrequencyCheck | c.CountCheck | c.GapCheck):
        said = None if isinstance(k, c.GapCheck) else k.topic
        topic = f"，议题（topics）含“{said}”" if said else ""
        year = "，所属年度（for_year）" if isinstance(k, c.FrequencyCheck) and k.grace_days else ""
        parts = [f"{_EVENTS}：{_kinds(k.event, '、')}{topic}{year}"]
    elif isinstance(k, c.AttendanceCheck):
        parts = [f"{_EVENTS}：{_kinds(k.event, '、')}的到会人员", _MEMBERS, _EXCUSED]
    elif isinstance(k, c.TalksCheck):
        parts = [f"{_EVENTS}：{_kinds(k.event, '、')}的参加人员", _MEMBERS]
        parts += [_EXCUSED] if k.cover != "pairs" else []
        parts += [_COMMITTEE] if k.cover == "pairs" else []
    elif isinstance(k, c.DuesCheck | c.DuesGapCheck):
        parts = ["党费交纳（dues）", "党费减免、缓交、代交、补交（dues_exceptions）", _MEMBERS]
        if isinstance(k, c.DuesCheck) and k.in_full:
            parts[0] = "党费交纳（dues）：月份和金额"
            parts[2] = f"{_MEMBERS}：党费基数（dues_base）、类别（dues_category）"
    elif isinstance(k, c.TrainingCheck):
        parts = ["学习培训（training）", _MEMBERS, _EXCUSED]
        parts += [_COMMITTEE] if k.who == "committee" else []
    elif isinstance(k, c.TermCheck):
        parts = [f"{_COMMITTEE}：选举时间、批准延期", "支部类型（branch.type）"]
    elif isinstance(k, c.StructureCheck):
        parts = [f"{_MEMBERS}：正式党员、职务", _COMMITTEE]
    elif isinstance(k, c.FactCheck):
        parts = [f"情况记录（facts）：{k.key}"]
    elif isinstance(k, c.RatingCheck):
        parts = [f"考核评定（ratings）：{norm.id}"]
    elif isinstance(k, c.GroupsCheck):
        parts = ["党小组（groups）", f"{_EVENTS}：{_kinds(k.event, '、')}及所属党小组"]
    else:
        raise TypeError(f"no records for check {k!r}")
    when = norm.when
    if when and (when.members_at_least or when.members_below) and _MEMBERS not in parts:
        parts.append(_MEMBERS)
    if when and when.type and not isinstance(k, c.TermCheck):
        parts.append("支部类型（branch.type）")
    if when and when.has_groups is not None and not isinstance(k, c.GroupsCheck):
        parts.append("党小组（groups）")
    return "；".join(parts)


def marks(norm: Norm) -> str:
    """一票否决, 加分项, and when the norm applies."""
    found = (["一票否决"] if norm.veto else []) + (["加分项"] if norm.bonus else [])
    when = norm.when
    if when and when.members_at_least:
        found.append(f"正式党员{when.members_at_least}名以上的支部适用")
    if when and when.members_below:
        found.append(f"正式党员不足{when.members_below}名的支部适用")
    if when and when.type:
        found.append(f"{'、'.join(when.type)}党支部适用")
    if when and when.has_groups is not None:
        found.append("划分党小组的支部适用" if when.has_groups else "未划分党小组的支部适用")
    return "；".join(found)


def self_weight_text(weight: float) -> str:
    """`支部自评占40%、考核人评定占60%`, or that the self-rating is not scored."""
    if not weight:
        return "支部自评单独列出，不计入得分"
    return f"支部自评占{percent(weight)}、考核人评定占{percent(1 - weight)}"
