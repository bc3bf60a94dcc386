"""The Chinese sentences that account for a score, in one place for every format.

The score table, markdown, every report format and the engine's blocker texts call these, so
a figure is said one way wherever it is shown. Ids never stand alone in a sentence: a norm is
its id and name (`N17（按月交纳党费）`), a dimension its name, a member their name.
Pure functions of a `Result` (or of plain figures); nothing here reads a rubric or a ledger.
"""

from __future__ import annotations

import calendar
import datetime as dt

from ..models.result import DimensionResult, NormResult, Result, TaskResult
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


# --- the score ---


def bonus_raw(result: Result) -> float:
    return round(sum(n.earned for n in result.norms if n.bonus), 2)


def bonus_text(result: Result) -> str | None:
    """`加分6分，计5分（上限5分）：N26（…）3分、N27（…）3分`; `加分3分：N26（…）3分`;
    `未获加分`; None for a rubric without bonus norms."""
    if not any(n.bonus for n in result.norms):
        return None
    raw = bonus_raw(result)
    if raw <= 0:
        return "未获加分"
    items = "、".join(
        f"{norm_label(n.id, n.name)}{number(n.earned)}分"
        for n in result.norms
        if n.bonus and n.earned > 0
    )
    if raw > result.bonus + 1e-9:
        capped = number(result.bonus)
        return f"加分{number(raw)}分，计{capped}分（上限{capped}分）：{items}"
    return f"加分{number(raw)}分：{items}"


def base_score(result: Result) -> float:
    """The score before bonus, as the engine computed it (rescaled where it was)."""
    return round(result.score - result.bonus + result.rectification_deduction, 2)


def score_line(result: Result) -> str:
    """`总分100.6分（基础分97.6分，加分3分）`, or `总分86.75分`; an 整改 deduction is named."""
    parts = [f"加分{number(result.bonus)}分"] if result.bonus else []
    if result.rectification_deduction:
        parts.append(f"整改逾期扣{number(result.rectification_deduction)}分")
    if parts:
        return (
            f"总分{number(result.score)}分"
            f"（基础分{number(base_score(result))}分，{'，'.join(parts)}）"
        )
    return f"总分{number(result.score)}分"


def base_formula(result: Result) -> str:
    """How the base score was made: `（50.92+27.5）×100÷97=80.85` when rescaled (the points of
    the norms that apply plus the tasks' points stand for the total), else the plain sum."""
    common = result.common.earned
    tasks = round(sum(t.earned for t in result.tasks), 2)
    base = number(base_score(result))
    if result.rescaled:
        over = round(result.common.max + sum(t.points for t in result.tasks), 2)
        earned = f"（{number(common)}+{number(tasks)}）" if result.tasks else number(common)
        return f"{earned}×{number(result.max)}÷{number(over)}={base}"
    if result.tasks:
        return f"{number(common)}+{number(tasks)}={base}"
    return base


def base_line(result: Result) -> str:
    """The base score and how it was made, with the norms that did not apply when rescaled."""
    if result.rescaled:
        skipped = [
            norm_label(n.id, n.name)
            for n in result.norms
            if n.status == "not_applicable" and not n.bonus and n.points > 0
        ]
        over = number(round(result.common.max + sum(t.points for t in result.tasks), 2))
        return (
            f"基础分按适用项折算：{base_formula(result)}"
            f"（{name_list(skipped)}不适用，适用项满分{over}分）"
        )
    if result.tasks:
        return f"基础分：{common_name(True)}+个性任务={base_formula(result)}"
    return f"基础分：{base_formula(result)}"


def common_line(result: Result) -> str:
    """`共性任务得50.92分（适用项满分57分），得分率89.3%`."""
    part = result.common
    name = common_name(bool(result.tasks))
    ratio = f"，得分率{percent(part.earned / part.max)}" if part.max else ""
    return f"{name}得{number(part.earned)}分（适用项满分{number(part.max)}分）{ratio}"


def dimension_rows(result: Result) -> list[DimensionResult]:
    """The dimensions that carry points of their own (a dimension of bonus norms is shown in
    the bonus line instead)."""
    bonus_only = {
        d.id for d in result.dimensions if all(n.bonus for n in result.norms if n.dimension == d.id)
    }
    return [d for d in result.dimensions if d.id not in bonus_only]


def dimension_ratio(dim: DimensionResult) -> str:
    return percent(dim.earned / dim.max) if dim.max else "不适用"


def next_tier_line(result: Result) -> str | None:
    """What stands between the branch and the next tier, in words; None at the top.

    `距示范性党支部差3.25分`; `得分已达标准化党支部分数线，但否决项N17（按月交纳党费）未达标，
    暂不能评定为标准化党支部`; `距示范性党支部差9.15分，另有3项不符合要求：N12（主题党日）未全部
    达标；…`.
    """
    nxt = result.next_tier
    if nxt is None:
        return None
    texts = nxt.blocker_texts or nxt.blockers
    if nxt.short_by > 0:
        gap = f"距{nxt.name}差{number(nxt.short_by)}分"
        if len(texts) > 1:
            return f"{gap}，另有{len(texts)}项不符合要求：{'；'.join(texts)}"
        return f"{gap}，且{texts[0]}" if texts else gap
    reached = f"得分已达{nxt.name}分数线，但" if nxt.min_score is not None else ""
    if len(texts) > 1:
        return f"{reached}有{len(texts)}项不符合要求，暂不能评定为{nxt.name}：{'；'.join(texts)}"
    return f"{reached}{texts[0]}，暂不能评定为{nxt.name}"


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


def veto_line(result: Result) -> str | None:
    """`否决项未达标：N05（按期换届选举）`."""
    if not result.vetoes:
        return None
    names = {n.id: n.name for n in result.norms}
    return "否决项未达标：" + "、".join(norm_label(v, names.get(v, v)) for v in result.vetoes)


def account(result: Result, task_words: dict[str, str]) -> list[tuple[str, list[str]]]:
    """The lines under the score that account for every point, each with its sub-lines:
    the base score and how it was made, the common part, the tasks one by one, the bonus, the
    vetoes and what blocks the next tier."""
    lines: list[tuple[str, list[str]]] = [(base_line(result), []), (common_line(result), [])]
    if result.tasks:
        lines.append((f"{tasks_total(result)}：", [task_line(t, task_words) for t in result.tasks]))
    bonus = bonus_text(result)
    if bonus:
        lines.append((bonus, []))
    if result.rectification_deduction:
        overdue = [r.id for r in result.rectifications if r.status == "overdue"]
        lines.append(
            (
                f"整改事项{'、'.join(overdue)}至考核期末逾期未整改销号，"
                f"扣{number(result.rectification_deduction)}分",
                [],
            )
        )
    vetoes = veto_line(result)
    if vetoes:
        lines.append((vetoes, []))
    nxt = next_tier_line(result)
    lines.append((nxt if nxt else "已是最高等级", []))
    return lines


def dimension_table(result: Result) -> list[list[str]]:
    """维度 | 得分 | 满分 | 得分率, and the common part's total as the last row."""
    rows = [
        [d.name, number(d.earned), number(d.max), dimension_ratio(d)]
        for d in dimension_rows(result)
    ]
    part = result.common
    rows.append(
        [
            f"{common_name(bool(result.tasks))}合计",
            number(part.earned),
            number(part.max),
            percent(part.earned / part.max) if part.max else "不适用",
        ]
    )
    return rows


DIMENSION_HEADER = ["维度", "得分", "满分", "得分率"]


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
        same = f"{last.month}月{last.day}日" if last.year == first.year else _day(last)
        return f"{_day(first)}至{same}"
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


def _day(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def and_list(items: list[str]) -> str:
    """`甲`, `甲和乙`, `甲、乙和丙`."""
    return items[0] if len(items) == 1 else "、".join(items[:-1]) + "和" + items[-1]
