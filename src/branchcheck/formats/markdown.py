"""Markdown: a result someone can paste into a 通报 or a wiki page."""

from __future__ import annotations

from ..models.result import NormResult, Result
from . import prose, score_words
from .base import RenderOptions
from .escape import md_cell, number
from .labels import RUBRIC, STATUS, TASK_STATUS
from .result_tables import STANDARD_HEADER, standard_rows


def md_table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def summary_lines(result: Result) -> list[str]:
    score = score_words.score_line(result).replace(
        f"总分{number(result.score)}分", f"总分：**{number(result.score)}**分", 1
    )
    lines = [
        f"- {RUBRIC}：{md_cell(result.rubric.id)}（{md_cell(result.rubric.version)}版）",
        f"- 考核期：{result.period.start} 至 {result.period.end}",
        f"- {score}",
        f"- 等级：**{md_cell(result.tier.name)}**",
    ]
    for line, items in score_words.account(result, TASK_STATUS):
        lines.append(f"- {md_cell(line)}")
        lines += [f"  - {md_cell(item)}" for item in items]
    lines += [f"- 提示：{md_cell(alert.message)}" for alert in result.alerts]
    return lines


def _marked(norm: NormResult) -> str:
    """The id with its marks, unless the name already says them."""
    marks = [
        mark
        for flag, mark in ((norm.veto, "（否决项）"), (norm.bonus, "（加分项）"))
        if flag and mark not in norm.name
    ]
    return norm.id + "".join(marks)


def render_result(result: Result) -> str:
    lines = [f"## {md_cell(result.branch.name)}（{md_cell(result.branch.id)}）", ""]
    lines += [*summary_lines(result), ""]
    lines += md_table(score_words.DIMENSION_HEADER, score_words.dimension_table(result))  # type: ignore[arg-type]
    lines.append("")
    if result.standards:
        lines += md_table(STANDARD_HEADER, standard_rows(result))  # type: ignore[arg-type]
        lines.append("")
    rows: list[list[object]] = [
        [
            _marked(n),
            n.name,
            number(n.points),
            prose.deduction_cell(n),
            "—" if n.status == "not_applicable" else number(n.earned),
            STATUS[n.status],
            n.detail,
        ]
        for n in result.norms
    ]
    lines += md_table(["编号", "规范", "分值", "扣分", "得分", "状态", "说明"], rows)
    if result.rectifications:
        from . import rectify_view

        lines += ["", f"- {md_cell(rectify_view.summary(result))}", ""]
        lines += md_table(rectify_view.HEADER, rectify_view.rows(result.rectifications))  # type: ignore[arg-type]
    return "\n".join(lines) + "\n"


class MarkdownFormat:
    def render(self, results: list[Result], options: RenderOptions) -> str:
        return "\n".join(render_result(r) for r in results)
