"""Terminal: rich tables, coloured on a terminal; piped, plain and never cut.

Tables are sized for the terminal by `table.grid`: ids, dates and figures are never broken,
long text wraps inside its own column, and a table too wide to read in one piece is shown in
two, each led by its first column.
"""

from __future__ import annotations

from dataclasses import replace
from typing import BinaryIO

from rich.console import RenderableType
from rich.rule import Rule
from rich.table import Table

from ..escape import terminal
from ..grid import Column, grid, render_to_text
from ..wrap import Wrapped
from . import rectify_section
from .base import ReportContext, no_fragment
from .tables import (
    ERROR_HEADER,
    ERRORS_TITLE,
    TextTable,
    error_rows,
    figures,
    group_lines,
    group_tables,
    group_title,
    overview,
    report_title,
)

CHUNK = 200  # rows per rendered table, so memory stays flat on big batches


def tables(title: str, header: list[str], rows: list[list[str]], width: int) -> list[Table]:
    """A table of text whose columns of figures align right (see `tables.figures`)."""
    return drawn(figures(title, header, rows), width)


def drawn(table: TextTable, width: int, title: bool = True) -> list[Table]:
    """A TextTable sized for the terminal: figures right, one-line columns whole."""
    columns = [
        Column(name, "right" if i in table.right else "left", whole=i in table.whole)
        for i, name in enumerate(table.header)
    ]
    return grid(table.title if title else None, columns, table.rows, width)


class TerminalReport:
    needs_output = False
    writes_bulletin = False
    fragment = staticmethod(no_fragment)

    def write(self, context: ReportContext, out: BinaryIO) -> None:
        summary, options = context.summary, context.options
        width = options.width

        def emit(*blocks: RenderableType) -> None:
            out.write(render_to_text(list(blocks), options).encode("utf-8"))

        heading = terminal(report_title(summary), "bold")
        emit(Wrapped(heading), *(Wrapped(line) for line in overview(summary)))
        for group in summary.rubrics.values():
            emit(
                Rule(),
                Wrapped(terminal(group_title(group), "bold cyan")),
                *(Wrapped(line) for line in group_lines(summary, group)),
            )
            for table in group_tables(group):
                # Long tables in chunks, so memory stays flat on big batches; every chunk is
                # sized on its own rows.
                for start in range(0, max(len(table.rows), 1), CHUNK):
                    chunk = replace(table, rows=table.rows[start : start + CHUNK])
                    emit(*drawn(chunk, width, title=start == 0))
            for title, header, rows in rectify_section.terminal_tables(group):
                emit(*tables(title, header, rows, width))
        if summary.errors:
            emit(*tables(ERRORS_TITLE, ERROR_HEADER, error_rows(summary), width))
