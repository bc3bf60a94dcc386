"""A rubric as its acceptance table (对照表), and the list of built-in rubrics."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from ..models.rubric import Deduct, Norm, Rubric
from .base import RenderOptions
from .escape import number, terminal
from .json_format import dumps
from .markdown import md_table
from .table import render_to_text

HEADER = ["维度", "编号", "规范", "要求", "分值", "计分方式", "标记", "依据"]
STANDARD_COLUMN = "工作规范"


def scoring_label(norm: Norm) -> str:
    if isinstance(norm.scoring, Deduct):
        return f"每项不符扣{number(norm.scoring.deduct)}分，扣完为止"
    return "全部达标得分" if norm.scoring == "all_or_nothing" else "按达标比例得分"


def marks(norm: Norm) -> str:
    found = (["一票否决"] if norm.veto else []) + (["加分项"] if norm.bonus else [])
    if norm.when and norm.when.members_at_least:
        found.append(f"正式党员≥{norm.when.members_at_least}名时适用")
    if norm.when and norm.when.members_below:
        found.append(f"正式党员<{norm.when.members_below}名时适用")
    if norm.when and norm.when.type:
        found.append(f"{'、'.join(norm.when.type)}党支部适用")
    if norm.when and norm.when.has_groups is not None:
        found.append("划分党小组的适用" if norm.when.has_groups else "未划分党小组的适用")
    return "、".join(found)


def header(rubric: Rubric) -> list[str]:
    """With work norms, a column naming each check item's, after the dimension."""
    return [HEADER[0], STANDARD_COLUMN, *HEADER[1:]] if rubric.standards else HEADER


def rows(rubric: Rubric) -> list[list[str]]:
    grouped = bool(rubric.standards)
    return [
        [
            dim.name,
            *([f"{std.id} {std.name}" if std else ""] if grouped else []),
            norm.id,
            norm.name,
            norm.requirement or "",
            number(norm.points),
            scoring_label(norm),
            marks(norm),
            norm.basis or "",
        ]
        for dim, std, norm, _ in rubric.placed
    ]


def _tier_lines(rubric: Rubric) -> list[str]:
    lines = []
    for tier in rubric.tiers:
        rules = []
        if tier.min_score is not None:
            rules.append(f"得分≥{number(tier.min_score)}")
        if tier.veto_free:
            rules.append("无一票否决项")
        if tier.min_dimension_ratio is not None:
            rules.append(f"各维度得分率≥{tier.min_dimension_ratio:.0%}")
        if tier.min_common_ratio is not None:
            rules.append(f"共性任务（各项规范）得分率≥{tier.min_common_ratio:.0%}")
        if tier.requires:
            rules.append(f"{'、'.join(tier.requires)}全部达标")
        lines.append(f"{tier.name}（{tier.id}）：{'，'.join(rules) or '基础等级'}")
    return lines


def _heading(rubric: Rubric) -> list[str]:
    split = (
        f"，共性任务{number(rubric.split.common)}分、个性任务{number(rubric.split.individual)}分"
        if rubric.split
        else ""
    )
    cap = f"，加分上限{number(rubric.bonus_cap)}分" if rubric.bonus_cap is not None else ""
    return [
        f"{rubric.name}（{rubric.id}，{rubric.version}版）",
        f"发布：{rubric.issuer or '—'}；来源：{rubric.source or '—'}",
        f"满分{number(rubric.total)}分{split}{cap}",
    ]


def rubric_markdown(rubric: Rubric) -> str:
    head = _heading(rubric)
    lines = [f"# {head[0]}", "", *(f"- {line}" for line in head[1:]), ""]
    lines += md_table(header(rubric), rows(rubric))  # type: ignore[arg-type]
    lines += ["", "## 等级", ""] + [f"- {line}" for line in _tier_lines(rubric)]
    return "\n".join(lines) + "\n"


def rubric_table(rubric: Rubric, options: RenderOptions) -> str:
    table = Table(header_style="bold", show_lines=True)
    for name in header(rubric):
        table.add_column(name, overflow="fold")
    for row in rows(rubric):
        table.add_row(*(terminal(cell) for cell in row))
    head = Text("\n".join(_heading(rubric)))
    tiers = Text("\n".join(["等级：", *_tier_lines(rubric)]))
    return render_to_text([head, table, tiers], options)


def rubric_json(rubric: Rubric) -> str:
    data: dict[str, Any] = rubric.model_dump(mode="json", exclude_none=True)
    return dumps(data)


def catalogue_rows(rubrics: list[tuple[str, Rubric]]) -> list[list[str]]:
    return [
        [ident, r.name, r.version, r.issuer or "", _norm_count(r), number(r.total)]
        for ident, r in rubrics
    ]


def catalogue_entry(ident: str, rubric: Rubric) -> dict[str, Any]:
    """One built-in rubric for `rubrics -f json`: figures as numbers."""
    return {
        "id": ident,
        "name": rubric.name,
        "version": rubric.version,
        "issuer": rubric.issuer,
        "standards": len(rubric.standards),
        "norms": rubric.norm_count,
        "total": rubric.total,
    }


def _norm_count(rubric: Rubric) -> str:
    """27（41项）: the work norms, and the check items under them."""
    if rubric.standards:
        return f"{len(rubric.standards)}（{rubric.norm_count}项）"
    return str(rubric.norm_count)


CATALOGUE_HEADER = ["编号", "名称", "版本", "发布机关", "规范数", "满分"]
