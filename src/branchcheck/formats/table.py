"""The terminal table: rich, coloured on a terminal, plain and never cut when piped."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..models.result import Result
from . import prose
from .base import RenderOptions
from .escape import number, terminal
from .labels import STATUS, TASK_STATUS
from .result_tables import STANDARD_HEADER, standard_rows

_STATUS_STYLE = {
    "met": "green",
    "partial": "yellow",
    "missed": "red",
    "unrated": "magenta",
    "not_applicable": "dim",
}


def render_to_text(renderables: list[RenderableType], options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        emoji=False,
        highlight=False,
        markup=False,
        soft_wrap=False,
    )
    for renderable in renderables:
        console.print(renderable)
    return buffer.getvalue()


def _summary(result: Result) -> Text:
    text = Text()
    text.append_text(terminal(result.branch.name, "bold"))
    text.append(f"  {result.branch.id}  {result.rubric.id} {result.rubric.version}  ")
    text.append(f"考核期 {result.period.start} 至 {result.period.end}\n")
    text.append(prose.score_line(result), style="bold")
    text.append("   等级 ")
    text.append_text(terminal(result.tier.name, "bold cyan"))
    for line, items in prose.account(result, TASK_STATUS):
        style = "red" if line.startswith("否决项") else ""
        text.append("\n")
        text.append_text(terminal(line, style))
        for item in items:
            text.append("\n  ")
            text.append_text(terminal(item))
    for alert in result.alerts:
        text.append("\n提示：", style="yellow")
        text.append_text(terminal(alert.message))
    return text


def _dimension_table(result: Result) -> Table:
    table = Table(header_style="bold", title="各维度得分", title_justify="left")
    for header in prose.DIMENSION_HEADER:
        justify = "left" if header == "维度" else "right"
        table.add_column(header, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for row in prose.dimension_table(result):
        table.add_row(*(terminal(cell) for cell in row))
    return table


def _norm_table(result: Result, width: int) -> Table:
    table = Table(show_lines=False, expand=False, header_style="bold")
    for header, justify in (
        ("编号", "left"),
        ("规范", "left"),
        ("分值", "right"),
        ("扣分", "right"),
        ("得分", "right"),
        ("状态", "left"),
        ("说明", "left"),
    ):
        # Names fold before details do: on a narrow terminal the detail needs the room.
        limit = max(10, (width - 50) // 3) if header == "规范" else None
        table.add_column(header, justify=justify, overflow="fold", max_width=limit)  # type: ignore[arg-type]
    for n in result.norms:
        marks = ("*" if n.veto else "") + ("+" if n.bonus else "")
        table.add_row(
            terminal(n.id + marks),
            terminal(n.name),
            number(n.points),
            prose.deduction_cell(n),
            "—" if n.status == "not_applicable" else number(n.earned),
            Text(STATUS[n.status], style=_STATUS_STYLE[n.status]),
            terminal(n.detail),
        )
    table.caption = "* 一票否决项  + 加分项"
    return table


def _standard_table(result: Result) -> Table:
    table = Table(header_style="bold", title="工作规范", title_justify="left")
    for header in STANDARD_HEADER:
        justify = "right" if header in ("分值", "得分") else "left"
        table.add_column(header, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for row, s in zip(standard_rows(result), result.standards, strict=True):
        *cells, status = row
        table.add_row(*(terminal(c) for c in cells), Text(status, style=_STATUS_STYLE[s.status]))
    return table


class TableFormat:
    def render(self, results: list[Result], options: RenderOptions) -> str:
        blocks: list[RenderableType] = []
        for result in results:
            parts: list[RenderableType] = [_summary(result), _dimension_table(result)]
            if result.standards:
                parts.append(_standard_table(result))
            blocks.append(Group(*parts, _norm_table(result, options.width), Text("")))
        return render_to_text(blocks, options)
