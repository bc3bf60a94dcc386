"""Terminal: rich tables, coloured on a terminal; piped, plain and never cut.

Tables are sized for the terminal by `table.grid`: ids, dates and figures are never broken,
long text wraps inside its own column, and a table too wide to read in one piece is shown in
two, each led by its first column.
"""

from __future__ import annotations

import re
from typing import BinaryIO

from rich.console import RenderableType
from rich.rule import Rule
from rich.table import Table

from ..escape import terminal
from ..table import Column, Wrapped, grid, render_to_text
from . import rectify_section
from .base import ReportContext, no_fragment
from .tables import (
    ERROR_HEADER,
    ERRORS_TITLE,
    error_rows,
    group_lines,
    group_tables,
    group_title,
    overview,
    report_title,
)

CHUNK = 200  # rows per rendered table, so memory stays flat on big batches
_FIGURE = re.compile(r"[-+]?\d+(?:\.\d+)?%?|—")


def columns(header: list[str], rows: list[list[str]]) -> list[Column]:
    """Figures (every cell a number, a percentage or —) align right."""
    return [
        Column(
            name,
            "right"
            if rows and all(_FIGURE.fullmatch(row[i]) for row in rows if row[i])
            else "left",
        )
        for i, name in enumerate(header)
    ]


def tables(title: str, header: list[str], rows: list[list[str]], width: int) -> list[Table]:
    return grid(title or None, columns(header, rows), rows, width)


class TerminalReport:
    needs_output = False
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
            for title, header, rows in group_tables(group):
                # Long tables in chunks, so memory stays flat on big batches; every chunk is
                # sized on its own rows.
                for start in range(0, max(len(rows), 1), CHUNK):
                    chunk = rows[start : start + CHUNK]
                    emit(*tables(title if start == 0 else "", header, chunk, width))
            for title, header, rows in rectify_section.terminal_tables(group):
                emit(*tables(title, header, rows, width))
        if summary.errors:
            emit(*tables(ERRORS_TITLE, ERROR_HEADER, error_rows(summary), width))
