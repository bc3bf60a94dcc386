"""Markdown: a result someone can paste into a 通报 or a wiki page."""

from __future__ import annotations

from ..models.result import Result
from .base import RenderOptions
from .escape import md_cell, number
from .labels import STATUS, TASK_STATUS
from .result_tables import STANDARD_HEADER, standard_rows


def md_table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def summary_lines(result: Result) -> list[str]:
    bonus = f"（含加分{number(result.bonus)}）" if result.bonus else ""
    lines = [
        f"- 评分标准：{md_cell(result.rubric.id)}（{md_cell(result.rubric.version)}版）",
        f"- 期间：{result.period.start} 至 {result.period.end}",
        f"- 得分：**{number(result.score)}** / {number(result.max)}{bonus}"
        + ("，按适用项折算" if result.rescaled else ""),
        f"- 等级：**{md_cell(result.tier.name)}**",
    ]
    if result.vetoes:
        lines.append(f"- 一票否决：{md_cell('、'.join(result.vetoes))}")
    if result.next_tier:
        nxt = result.next_tier
        gap = f"差{number(nxt.short_by)}分" if nxt.short_by > 0 else "分数已够"
        block = f"；须先解决：{md_cell('、'.join(nxt.blockers))}" if nxt.blockers else ""
        lines.append(f"- 距{md_cell(nxt.name)}：{gap}{block}")
    lines += [f"- 提示：{md_cell(alert.message)}" for alert in result.alerts]
    return lines


def render_result(result: Result) -> str:
    lines = [f"## {md_cell(result.branch.name)}（{md_cell(result.branch.id)}）", ""]
    lines += [*summary_lines(result), ""]
    lines += md_table(
        ["维度", "得分", "满分"],
        [[d.name, number(d.earned), number(d.max)] for d in result.dimensions],
    )
    lines.append("")
    if result.standards:
        lines += md_table(STANDARD_HEADER, standard_rows(result))  # type: ignore[arg-type]
        lines.append("")
    rows: list[list[object]] = [
        [
            n.id + ("（否决项）" if n.veto else "") + ("（加分项）" if n.bonus else ""),
            n.name,
            number(n.points),
            number(n.earned),
            STATUS[n.status],
            n.detail,
        ]
        for n in result.norms
    ]
    lines += md_table(["编号", "规范", "分值", "得分", "状态", "说明"], rows)
    if result.tasks:
        lines.append("")
        lines += md_table(
            ["个性任务", "名称", "分值", "得分", "状态"],
            [
                [t.id, t.name, number(t.points), number(t.earned), TASK_STATUS[t.status]]
                for t in result.tasks
            ],
        )
    return "\n".join(lines) + "\n"


class MarkdownFormat:
    def render(self, results: list[Result], options: RenderOptions) -> str:
        return "\n".join(render_result(r) for r in results)
