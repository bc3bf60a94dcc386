"""Terminal: rich tables, coloured on a terminal; piped, plain and never cut."""

from __future__ import annotations

from typing import BinaryIO

from rich.console import RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..escape import terminal
from ..table import render_to_text
from .base import ReportContext, no_fragment
from .tables import (
    ERROR_HEADER,
    ERRORS_TITLE,
    TITLE,
    error_rows,
    group_tables,
    group_title,
    overview,
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
            emit(Rule(), terminal(group_title(group), "bold cyan"), Text(totals_line(group)))
            for title, header, rows in group_tables(group):
                # Long tables in chunks, so memory stays flat on big batches.
                for start in range(0, max(len(rows), 1), CHUNK):
                    emit(table(title if start == 0 else "", header, rows[start : start + CHUNK]))
        if summary.errors:
            emit(table(ERRORS_TITLE, ERROR_HEADER, error_rows(summary)))
