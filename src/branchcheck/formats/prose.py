"""The Chinese phrasings every format shares, in one place: a norm by id and name
(`N17（按月交纳党费）`), what blocks the next tier (the engine stores these as
`next_tier.blocker_texts`), a norm's deduction, how a 个性任务 was scored, a branch's report
cells, and a period as a 通报 names it (`2024年第三季度`). The sentences that account for a
whole score are in score_words.py. Ids never stand alone in a sentence: a dimension is its
name, a member their name. Pure functions of results or plain figures.
"""

from __future__ import annotations

import calendar
import datetime as dt

from ..cn_dates import cn_span
from ..models.result import NormResult, Result, TaskResult
from .escape import number

_MARKS = ("（否决项）", "（加分项）", "（加分）")
_TASK_SHARE = {"done": 1.0, "partial": 0.5, "open": 0.0}


def percent(ratio: float) -> str:
    """75%, or 89.3% where a whole percent would hide the distance from a threshold."""
    whole = f"{ratio:.0%}"
    return whole if abs(ratio * 100 - round(ratio * 100)) < 1e-9 else f"{ratio:.1%}"


def norm_label(norm_id: str, name: str) -> str:
    """`N17（按月交纳党费）`: the id and the name, without the name's own veto/bonus mark."""
    for mark in _MARKS:
        if name.endswith(mark) and len(name) > len(mark):
            name = name[: -len(mark)]
            break
    return f"{norm_id}（{name}）"


def name_list(items: list[str], limit: int = 3) -> str:
    """`N08（…）、N10（…）`, or the first three and `等10项`."""
    shown = "、".join(items[:limit])
    return f"{shown}等{len(items)}项" if len(items) > limit else shown


def ratio_text(name: str, earned: float, maximum: float) -> str:
    """`政治建设标准化得分率75%`."""
    return f"{name}得分率{percent(earned / maximum) if maximum else '—'}"


# --- what blocks the next tier (the engine stores these as `next_tier.blocker_texts`) ---


def veto_blocker(norm_id: str, name: str) -> str:
    return f"否决项{norm_label(norm_id, name)}未达标"


def required_blocker(norm_id: str, name: str, status: str) -> str:
    said = {"partial": "未全部达标", "unrated": "尚未评定"}.get(status, "未达标")
    return f"{norm_label(norm_id, name)}{said}"


def ratio_blocker(name: str, earned: float, maximum: float, floor: float) -> str:
    """`考核评价标准化得分率24%，低于80%`."""
    return f"{ratio_text(name, earned, maximum)}，低于{percent(floor)}"


def common_name(split: bool) -> str:
    """The rubric's own norms: 共性任务 when the rubric splits off 个性任务, else 各项规范."""
    return "共性任务" if split else "各项规范"


# --- a norm's line ---


def deduction_cell(norm: NormResult) -> str:
    """The 扣分 column: the points a norm lost (`0.5`; all of them while it waits for a
    rating); empty when met, not applicable or a bonus."""
    if norm.bonus or norm.status in ("met", "not_applicable"):
        return ""
    lost = round(norm.points - norm.earned, 2)
    return number(lost) if lost > 0 else ""


# --- tasks (个性任务) ---


def task_rule(task: TaskResult, status_words: dict[str, str]) -> str:
    """How a task was scored: `已完成，评定“较好”，25分×80%=20分`."""
    said = status_words[task.status]
    if task.status == "open":
        return f"{said}，不得分"
    factors = [f"{number(task.points)}分"]
    if task.rating is not None:
        said += f"，评定“{task.rating}”"
        factors.append(percent(task.rating_share))
    if task.status == "partial":
        factors.append(f"{percent(_TASK_SHARE['partial'])}（部分完成计一半）")
    if len(factors) == 1:
        return f"{said}，得{number(task.earned)}分"
    return f"{said}，{'×'.join(factors)}={number(task.earned)}分"


def task_line(task: TaskResult, status_words: dict[str, str]) -> str:
    """`T1 打造党建品牌：已完成，评定“较好”，25分×80%=20分`."""
    return f"{task.id} {task.name}：{task_rule(task, status_words)}"


def tasks_total(result: Result) -> str:
    """`个性任务得27.5分（满分40分）`."""
    points = sum(t.points for t in result.tasks)
    earned = round(sum(t.earned for t in result.tasks), 2)
    return f"个性任务得{number(earned)}分（满分{number(points)}分）"


# --- a branch in a report row ---


def next_tier_short(name: str | None, short_by: float | None, min_score: float | None) -> str:
    """The report's 距上一等级 cell: `示范性党支部：差3.25分` / `示范性党支部：已达分数线`."""
    if name is None:
        return "已是最高等级"
    if short_by:
        return f"{name}：差{number(short_by)}分"
    return f"{name}：已达分数线" if min_score is not None else f"{name}：无分数要求"


def costly_text(norm_id: str, name: str, lost: float) -> str:
    """`N16（党员学习培训学时）扣0.55分`."""
    return f"{norm_label(norm_id, name)}扣{number(lost)}分"


# --- what a batch covers ---

_QUARTERS = {1: "第一季度", 4: "第二季度", 7: "第三季度", 10: "第四季度"}


def period_name(start: str, end: str) -> str:
    """A period as a 通报 names it: `2024年度`, `2024年第三季度`, `2024年上半年`, `2024年3月`,
    `2023—2024年度`, `2024年3月至8月`; any other span by its days (`2024年3月15日至9月30日`)."""
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return f"{start}至{end}"
    month_end = calendar.monthrange(last.year, last.month)[1]
    if first.day != 1 or last.day != month_end:
        return cn_span(first, last)
    year, months = first.year, (first.month, last.month)
    if last.year != year:
        if months == (1, 12):
            return f"{year}—{last.year}年度"
        return f"{year}年{first.month}月至{last.year}年{last.month}月"
    if months == (1, 12):
        return f"{year}年度"
    if months in ((1, 6), (7, 12)):
        return f"{year}年{'上' if first.month == 1 else '下'}半年"
    if first.month in _QUARTERS and last.month == first.month + 2:
        return f"{year}年{_QUARTERS[first.month]}"
    if first.month == last.month:
        return f"{year}年{first.month}月"
    return f"{year}年{first.month}月至{last.month}月"


def and_list(items: list[str]) -> str:
    """`甲`, `甲和乙`, `甲、乙和丙`."""
    return items[0] if len(items) == 1 else "、".join(items[:-1]) + "和" + items[-1]
