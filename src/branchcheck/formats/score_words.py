"""The sentences that account for a score (总分, 基础分 and how it was rescaled, 共性任务, 个性任务,
加分 and the cap's cut, 否决项, 距上一等级) and the dimension table: one wording for every format.
Pure functions of a `Result`."""

from __future__ import annotations

from ..models.result import DimensionResult, Result
from .escape import number
from .prose import common_name, name_list, norm_label, percent, task_line, tasks_total


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
