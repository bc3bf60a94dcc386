"""Markdown: a 通报 someone can paste: totals, organisations, weakest norms, every branch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..escape import md_cell
from ..markdown import md_table
from ..notice.report_format import markdown_section
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


def lines(context: ReportContext) -> Iterator[str]:
    summary = context.summary
    yield f"# {md_cell(report_title(summary))}"
    yield ""
    yield from (f"- {line}" for line in overview(summary))
    for group in summary.rubrics.values():
        yield from ("", f"## {md_cell(group_title(group))}", "")
        yield from (f"- {line}" for line in group_lines(summary, group))
        for table in group_tables(group):
            yield from ("", f"### {table.title}", "")
            yield from md_table(table.header, table.rows)  # type: ignore[arg-type]
        for title, header, rows in rectify_section.tables(group):
            yield from ("", f"### {title}", "")
            yield from md_table(header, rows)  # type: ignore[arg-type]
    yield from markdown_section(
        summary, context.as_of
    )  # the 通报's text, after the tables it rests on
    if summary.errors:
        yield from ("", f"## {ERRORS_TITLE}", "")
        yield from md_table(ERROR_HEADER, error_rows(summary))  # type: ignore[arg-type]


class MarkdownReport:
    needs_output = False
    writes_bulletin = True
    fragment = staticmethod(no_fragment)

    def write(self, context: ReportContext, out: BinaryIO) -> None:
        for line in lines(context):
            out.write(line.encode("utf-8") + b"\n")
