"""The terminal table: rich, coloured on a terminal, plain and never cut when piped."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..models.result import Result
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
    text.append(
        f"  {result.branch.id}  {result.rubric.id} {result.rubric.version}  "
        f"{result.period.start} 至 {result.period.end}\n"
    )
    text.append("得分 ")
    text.append(number(result.score), style="bold")
    text.append(f" / {number(result.max)}")
    if result.bonus:
        text.append(f"（含加分{number(result.bonus)}）")
    if result.rescaled:
        text.append("（按适用项折算）")
    text.append("   等级 ")
    text.append_text(terminal(result.tier.name, "bold cyan"))
    if result.vetoes:
        text.append("\n一票否决：", style="red")
        text.append_text(terminal("、".join(result.vetoes), "red"))
    if result.next_tier:
        nxt = result.next_tier
        text.append("\n距")
        text.append_text(terminal(nxt.name))
        text.append(f"：差{number(nxt.short_by)}分" if nxt.short_by > 0 else "：分数已够")
        if nxt.blockers:
            text.append("；须先解决：")
            text.append_text(terminal("、".join(nxt.blockers)))
    for alert in result.alerts:
        text.append("\n提示：", style="yellow")
        text.append_text(terminal(alert.message))
    return text


def _norm_table(result: Result) -> Table:
    table = Table(show_lines=False, expand=False, header_style="bold")
    for header, justify in (
        ("编号", "left"),
        ("规范", "left"),
        ("分值", "right"),
        ("得分", "right"),
        ("状态", "left"),
        ("说明", "left"),
    ):
        table.add_column(header, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for n in result.norms:
        marks = ("*" if n.veto else "") + ("+" if n.bonus else "")
        table.add_row(
            terminal(n.id + marks),
            terminal(n.name),
            number(n.points),
            number(n.earned),
            Text(STATUS[n.status], style=_STATUS_STYLE[n.status]),
            terminal(n.detail),
        )
    for t in result.tasks:
        table.add_row(
            terminal(t.id),
            terminal(t.name),
            number(t.points),
            number(t.earned),
            Text(TASK_STATUS[t.status]),
            Text("个性任务"),
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
            parts: list[RenderableType] = [_summary(result)]
            if result.standards:
                parts.append(_standard_table(result))
            blocks.append(Group(*parts, _norm_table(result), Text("")))
        return render_to_text(blocks, options)
