"""A rubric as the acceptance table (对照表) an evaluator prints, and the built-in rubrics.

The 对照表's rows (each norm in words, from rubric_words), the rules under it (the total, how a
base is rescaled, the bonus cap, what a veto bars, the rating levels), each tier's rules, and
the list of built-in rubrics: plain text, shared by the table, markdown, xlsx and html formats
(rubric_table, rubric_markdown, rubric_xlsx, rubric_html; rubric_json gives the rubric itself).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..checks.assessors import TRIM_FROM
from ..models import checks as c
from ..models.rubric import Norm, Rubric, Standard
from .escape import number
from .prose import norm_label, percent
from .rubric_words import (
    TASK_ID,
    check_text,
    levels_text,
    marks,
    record_text,
    scoring_text,
    self_weight_text,
)

# A norm in words is rubric_words.py; check_text, scoring_text and record_text stay importable
# from here for the modules written before the split (rubric_diff, tests).
__all__ = ["check_text", "record_text", "scoring_text"]

# --- the rows ------------------------------------------------------------------------------

HEADER = [
    "维度",
    "编号",
    "规范",
    "要求",
    "分值",
    "考核内容",
    "计分方式",
    "台账记录",
    "标记",
    "依据",
]
STANDARD_COLUMN = "工作规范"
POINTS_COLUMN = "分值"


def header(rubric: Rubric) -> list[str]:
    """With work norms, a column naming each check item's, after the dimension."""
    return [HEADER[0], STANDARD_COLUMN, *HEADER[1:]] if rubric.standards else list(HEADER)


@dataclass(frozen=True)
class Row:
    """One line of the 对照表: a norm, or the 个性任务 line."""

    cells: list[str]
    points: float
    veto: bool = False
    bonus: bool = False
    task: bool = False


def _standard(std: Standard | None) -> str:
    return f"{std.id} {std.name}" if std else ""


def table_rows(rubric: Rubric) -> list[Row]:
    grouped = bool(rubric.standards)
    out = [
        Row(
            [
                dim.name,
                *([_standard(std)] if grouped else []),
                norm.id,
                norm.name,
                norm.requirement or "",
                number(norm.points),
                check_text(norm, rubric),
                scoring_text(norm, rubric),
                record_text(norm),
                marks(norm),
                norm.basis or "",
            ],
            norm.points,
            veto=norm.veto,
            bonus=norm.bonus,
        )
        for dim, std, norm, _ in rubric.placed
    ]
    if rubric.split:
        individual = number(rubric.split.individual)
        out.append(
            Row(
                [
                    TASK_ID,
                    *([""] if grouped else []),
                    "—",
                    "个性任务（支部自定）",
                    f"支部结合实际确定的个性任务，逐项列明分值，分值合计{individual}分",
                    individual,
                    "逐项考核完成情况，可由考核人评定等次",
                    task_rule_text(),
                    "个性任务（tasks）：名称、分值、完成情况、评定等次",
                    "",
                    "",
                ],
                rubric.split.individual,
                task=True,
            )
        )
    return out


def rows(rubric: Rubric) -> list[list[str]]:
    return [row.cells for row in table_rows(rubric)]


def task_rule_text() -> str:
    return (
        "已完成：分值×等次比例；部分完成：分值×等次比例×50%；未完成：不得分；未评定等次的按100%计"
    )


# --- the rules under the table -------------------------------------------------------------


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


def dimension_lines(rubric: Rubric) -> list[list[str]]:
    """分值构成: per dimension its work norms, check items and points (bonus aside)."""
    out = []
    for dim in rubric.dimensions:
        items = [n for _, n in dim.items]
        points = sum(n.points for n in items if not n.bonus)
        bonus = sum(n.points for n in items if n.bonus)
        shown = number(points) if points or not bonus else f"加分{number(bonus)}"
        out.append([dim.name, str(len(dim.standards) or "—"), str(len(items)), shown])
    if rubric.split:
        out.append([TASK_ID, "—", "—", number(rubric.split.individual)])
    return out


DIMENSION_HEADER = ["维度", "工作规范", "检查内容", "分值"]


def heading(rubric: Rubric) -> list[str]:
    """Title, issuer and source."""
    return [
        f"{rubric.name}（{rubric.id}，{rubric.version}版）",
        f"发布：{rubric.issuer or '—'}",
        f"来源：{rubric.source or '—'}",
    ]


TIERS_TITLE = "等级评定"
RULES_TITLE = "计分规则"
PARTS_TITLE = "分值构成"
TABLE_TITLE = "对照表"


# --- the list of built-in rubrics ----------------------------------------------------------

CATALOGUE_HEADER = ["编号", "名称", "版本", "发布机关", "规范数", "满分"]


def catalogue_rows(rubrics: list[tuple[str, Rubric]]) -> list[list[str]]:
    return [
        [ident, r.name, r.version, r.issuer or "", _norm_count(r), number(r.total)]
        for ident, r in rubrics
    ]


def _norm_count(rubric: Rubric) -> str:
    """27（41项）: the work norms, and the check items under them."""
    if rubric.standards:
        return f"{len(rubric.standards)}（{rubric.norm_count}项）"
    return str(rubric.norm_count)
