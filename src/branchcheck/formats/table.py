"""`branchcheck score -f table`: rich, coloured on a terminal, plain and never cut when piped.

Narrow terminals: ids, dates and figures are never broken (wrap.py), long text wraps inside its
own column and a table too wide to read in one piece is shown in two (grid.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..models.result import Result
from . import prose, score_words
from .base import RenderOptions
from .escape import number, terminal
from .grid import COMFORT, Column, grid, render_to_text
from .labels import STATUS, TASK_STATUS
from .result_tables import STANDARD_HEADER, standard_rows
from .wrap import Wrapped, line_breaks, min_width

# The terminal layout lives in wrap.py and grid.py; these names are kept importable from here
# for the modules written before the split (cycle_doc, plain_table, rubric_compare).
__all__ = [
    "COMFORT",
    "Column",
    "TableFormat",
    "Wrapped",
    "grid",
    "line_breaks",
    "min_width",
    "render_to_text",
]

_STATUS_STYLE = {
    "met": "green",
    "partial": "yellow",
    "missed": "red",
    "unrated": "magenta",
    "not_applicable": "dim",
}


def _summary(result: Result) -> Iterator[RenderableType]:
    head = Text()
    head.append_text(terminal(result.branch.name, "bold"))
    head.append(f"  {result.branch.id}  {result.rubric.id} {result.rubric.version}  ")
    head.append(f"考核期 {result.period.start} 至 {result.period.end}")
    yield Wrapped(head)
    score = Text(score_words.score_line(result), style="bold")
    score.append("   等级 ", style="")
    score.append_text(terminal(result.tier.name, "bold cyan"))
    yield Wrapped(score)
    for line, items in score_words.account(result, TASK_STATUS):
        yield Wrapped(terminal(line, "red" if line.startswith("否决项") else ""))
        for item in items:
            yield Wrapped(item, indent=2)
    for alert in result.alerts:
        text = Text("提示：", style="yellow")
        text.append_text(terminal(alert.message))
        yield Wrapped(text)


def _dimension_tables(result: Result, width: int) -> list[Table]:
    columns = [Column(h, "left" if h == "维度" else "right") for h in score_words.DIMENSION_HEADER]
    return grid("各维度得分", columns, score_words.dimension_table(result), width)


def _standard_tables(result: Result, width: int) -> list[Table]:
    columns = [
        Column(h, "right" if h in ("分值", "得分") else "left", whole=h == "状态")
        for h in STANDARD_HEADER
    ]
    rows: list[list[Text | str]] = [
        [*cells[:-1], Text(cells[-1], style=_STATUS_STYLE[s.status])]
        for cells, s in zip(standard_rows(result), result.standards, strict=True)
    ]
    return grid("工作规范", columns, rows, width)


def _norm_tables(result: Result, width: int) -> list[Table]:
    columns = [
        Column("编号"),
        # Names wrap before details do: on a narrow terminal the detail needs the room.
        Column("规范", cap=max(10, (width - 50) // 3)),
        Column("分值", "right"),
        Column("扣分", "right"),
        Column("得分", "right"),
        Column("状态", whole=True),
        Column("说明"),
    ]
    rows: list[list[Text | str]] = [
        [
            terminal(n.id + ("*" if n.veto else "") + ("+" if n.bonus else "")),
            terminal(n.name),
            number(n.points),
            prose.deduction_cell(n),
            "—" if n.status == "not_applicable" else number(n.earned),
            Text(STATUS[n.status], style=_STATUS_STYLE[n.status]),
            terminal(n.detail),
        ]
        for n in result.norms
    ]
    return grid(None, columns, rows, width, caption="* 一票否决项  + 加分项")


def _rectification_tables(result: Result, width: int) -> list[RenderableType]:
    from . import rectify_view

    columns = [Column(h, whole=h == "编号") for h in rectify_view.COMPACT_HEADER]
    body = rectify_view.compact_rows(result.rectifications)
    tables = grid(rectify_view.TITLE, columns, body, width)
    return [Wrapped(rectify_view.summary(result)), *tables]


class TableFormat:
    def render(self, results: list[Result], options: RenderOptions) -> str:
        blocks: list[RenderableType] = []
        width = options.width
        for result in results:
            parts: list[RenderableType] = [*_summary(result), *_dimension_tables(result, width)]
            if result.standards:
                parts += _standard_tables(result, width)
            parts += _norm_tables(result, width)
            if result.rectifications:
                parts += _rectification_tables(result, width)
            blocks.append(Group(*parts, Text("")))
        return render_to_text(blocks, options)
