"""A rubric as the acceptance table (对照表) an evaluator prints, and the built-in rubrics.

The 对照表's heading, its rows (each norm in words, from rubric_words), the 分值构成 table of
its dimensions, and the list of built-in rubrics: plain text, shared by the table, markdown,
xlsx and html formats (rubric_table, rubric_markdown, rubric_xlsx, rubric_html; rubric_json
gives the rubric itself). The rules printed under the table, rubric-wide and each tier's, are
rubric_rule_lines.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models.rubric import Rubric, Standard
from .escape import number
from .rubric_rule_lines import task_rule_text
from .rubric_words import TASK_ID, check_text, marks, record_text, scoring_text

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
