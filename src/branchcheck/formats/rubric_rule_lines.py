"""The rules printed under a rubric's 对照表, in words: the rubric-wide ones and each tier's.

`rule_lines` (计分规则: the total and its parts, 个性任务, how a base is rescaled, the bonus cap,
what a veto bars, the rating levels, several assessors, 整改) and `tier_lines` (等级评定),
beside the table's rows (rubric_view.py) in every format that shows a rubric (rubric_table,
rubric_markdown, rubric_xlsx, rubric_html). A norm's own words are rubric_words.py.
"""

from __future__ import annotations

from ..checks.assessors import TRIM_FROM
from ..models import checks as c
from ..models.rubric import Norm, Rubric
from .escape import number
from .prose import norm_label, percent
from .rubric_words import levels_text, self_weight_text


def task_rule_text() -> str:
    """How a 个性任务 is scored: said in the 对照表's 个性任务 row and in the rules under it."""
    return (
        "已完成：分值×等次比例；部分完成：分值×等次比例×50%；未完成：不得分；未评定等次的按100%计"
    )


def _labels(rubric: Rubric, norms: list[Norm]) -> str:
    return "、".join(norm_label(n.id, n.name) for n in norms)


def total_line(rubric: Rubric) -> str:
    """`满分100分：共性任务（各项规范）60分，个性任务40分；另有加分项，加分合计不超过5分`."""
    parts = [f"满分{number(rubric.total)}分"]
    if rubric.split:
        parts[0] += (
            f"：共性任务（各项规范）{number(rubric.split.common)}分，"
            f"个性任务{number(rubric.split.individual)}分"
        )
    bonus = [n for _, n in rubric.norms if n.bonus]
    if bonus:
        cap = (
            f"，加分合计不超过{number(rubric.bonus_cap)}分" if rubric.bonus_cap is not None else ""
        )
        parts.append(f"另有加分项{len(bonus)}项{cap}")
    return "；".join(parts)


def rule_lines(rubric: Rubric) -> list[tuple[str, str]]:
    """The rubric-wide rules, (label, text): the total and its parts, 个性任务, rescaling,
    bonus, vetoes, rating levels."""
    lines = [("总分", total_line(rubric))]
    if rubric.split:
        lines.append(
            (
                "个性任务",
                f"台账逐项列出，分值合计{number(rubric.split.individual)}分；{task_rule_text()}",
            )
        )
    over = "（适用项得分+个性任务得分）" if rubric.split else "适用项得分"
    whole = f"（适用项满分+{number(rubric.split.individual)}）" if rubric.split else "适用项满分"
    lines.append(
        (
            "不适用项",
            f"不计入满分，基础分按适用项折算：{over}×{number(rubric.total)}÷{whole}；"
            "0分的否决项不适用时不折算",
        )
    )
    bonus = [n for _, n in rubric.norms if n.bonus]
    if bonus:
        cap = (
            f"加分合计不超过{number(rubric.bonus_cap)}分，" if rubric.bonus_cap is not None else ""
        )
        lines.append(
            (
                "加分项",
                f"{_labels(rubric, bonus)}：达到要求的加分，{cap}加在基础分上（总分可超过满分）；"
                "未获加分不算失分",
            )
        )
    vetoes = [n for _, n in rubric.norms if n.veto]
    if vetoes:
        barred = [t.name for t in rubric.tiers if t.veto_free]
        effect = (
            f"未全部达到要求的，不得评为{'、'.join(barred)}"
            if barred
            else "未全部达到要求的，列为否决项（本表各等级未设否决条件）"
        )
        lines.append(
            ("否决项", f"{_labels(rubric, vetoes)}：{effect}；否决项照常计分，不适用的不否决")
        )
    rated = any(isinstance(n.check, c.RatingCheck) and not n.check.levels for _, n in rubric.norms)
    if rated or rubric.split:
        users = "、".join(
            ([] if not rated else ["评定类规范"]) + (["个性任务"] if rubric.split else [])
        )
        lines.append(
            ("评定等次", f"{levels_text(rubric.ratings)}（得该项分值的比例；用于{users}）")
        )
    if any(isinstance(n.check, c.RatingCheck) for _, n in rubric.norms):
        lines.append(("考核人评定", assessors_rule(rubric)))
    if rubric.rectification is not None:
        rule = rubric.rectification
        cap = f"，合计不超过{number(rule.cap)}分" if rule.cap is not None else ""
        lines.append(
            (
                "整改",
                f"考核期末仍未整改销号且已过整改时限的整改事项，每项从总分中扣"
                f"{number(rule.overdue_deduction)}分{cap}",
            )
        )
    return lines


def assessors_rule(rubric: Rubric) -> str:
    """How several assessors' levels and the branch's self-rating make a rated norm's share."""
    text = (
        f"多名考核人评定的，取各人等次比例的平均；{TRIM_FROM}名及以上的，"
        "去掉一个最高、一个最低后取平均；"
    )
    own = [
        n
        for _, n in rubric.norms
        if isinstance(n.check, c.RatingCheck)
        and n.check.self_weight is not None
        and n.check.self_weight != rubric.self_weight
    ]
    text += self_weight_text(rubric.self_weight or 0.0)
    if own:
        text += f"（{_labels(rubric, own)}另有规定，见该项）"
    return text


def tier_lines(rubric: Rubric) -> list[tuple[str, str]]:
    """Each tier and what it takes, lowest first: (name, rules in words)."""
    names = {n.id: n.name for _, n in rubric.norms}
    common = "共性任务" if rubric.split else "各项规范"
    out = []
    for i, tier in enumerate(rubric.tiers):
        if i == 0:
            out.append((tier.name, "未达到以上等级的，均为本等级"))
            continue
        rules = []
        if tier.min_score is not None:
            rules.append(f"总分{number(tier.min_score)}分以上（含加分）")
        if tier.veto_free:
            rules.append("无否决项未达标")
        if tier.min_dimension_ratio is not None:
            rules.append(f"各维度得分率均在{percent(tier.min_dimension_ratio)}以上")
        if tier.min_common_ratio is not None:
            extra = "（只计各项规范，不含个性任务和加分）" if rubric.split else "（不含加分）"
            rules.append(f"{common}得分率{percent(tier.min_common_ratio)}以上{extra}")
        if tier.requires:
            listed = "、".join(norm_label(n, names.get(n, n)) for n in tier.requires)
            every = "全部达标" if len(tier.requires) > 1 else "达标"
            rules.append(f"{listed}{every}（不适用的不影响）")
        out.append((tier.name, "；".join(rules) or "无其他条件"))
    return out
