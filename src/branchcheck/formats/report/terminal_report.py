"""Terminal: rich tables, coloured on a terminal; piped, plain and never cut."""

from __future__ import annotations

from typing import BinaryIO

from rich.console import RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..escape import terminal
from ..table import render_to_text
from .base import ReportContext, no_fragment, ordered_rows
from .tables import (
    BRANCH_HEADER,
    ERROR_HEADER,
    NORM_HEADER,
    TITLE,
    branch_cells,
    error_rows,
    group_title,
    norm_rows,
    org_header,
    org_rows,
    overview,
    tier_header,
    tier_rows,
    totals_line,
)

CHUNK = 200  # rows per rendered table, so memory stays flat on big batches


def table(title: str, header: list[str], rows: list[list[str]]) -> Table:
    out = Table(title=title, title_justify="left", header_style="bold")
    for name in header:
        out.add_column(name, overflow="fold")
    for row in rows:
        out.add_row(*(terminal(cell) for cell in row))
    return out


class TerminalReport:
    needs_output = False
    fragment = staticmethod(no_fragment)

    def write(self, context: ReportContext, out: BinaryIO) -> None:
        summary, options = context.summary, context.options

        def emit(*blocks: RenderableType) -> None:
            out.write(render_to_text(list(blocks), options).encode("utf-8"))

        emit(Text(TITLE, style="bold"), *(Text(line) for line in overview(summary)))
        for group in summary.rubrics.values():
            emit(
                Rule(),
                terminal(group_title(group), "bold cyan"),
                Text(totals_line(group)),
                table("等级分布", tier_header(group), tier_rows(group)),
                table("各单位情况", org_header(group), org_rows(group)),
                table("各项规范达标率（由低到高）", NORM_HEADER, norm_rows(group)),
            )
            rows = [branch_cells(r) for r in ordered_rows(group.rows)]
            for start in range(0, len(rows), CHUNK):
                title = "各支部情况（按得分由低到高）" if start == 0 else ""
                emit(table(title, BRANCH_HEADER, rows[start : start + CHUNK]))
        if summary.errors:
            emit(table("未能评分的台账", ERROR_HEADER, error_rows(summary)))
