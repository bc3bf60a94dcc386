"""Markdown: a 通报 someone can paste: totals, organisations, weakest norms, every branch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..escape import md_cell
from ..markdown import md_table
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


def lines(context: ReportContext) -> Iterator[str]:
    summary = context.summary
    yield f"# {TITLE}"
    yield ""
    yield from (f"- {line}" for line in overview(summary))
    for group in summary.rubrics.values():
        yield ""
        yield f"## {md_cell(group_title(group))}"
        yield ""
        yield f"- {totals_line(group)}"
        yield ""
        yield "### 等级分布"
        yield ""
        yield from md_table(tier_header(group), tier_rows(group))  # type: ignore[arg-type]
        yield ""
        yield "### 各单位情况"
        yield ""
        yield from md_table(org_header(group), org_rows(group))  # type: ignore[arg-type]
        yield ""
        yield "### 各项规范达标率（由低到高）"
        yield ""
        yield from md_table(NORM_HEADER, norm_rows(group))  # type: ignore[arg-type]
        yield ""
        yield "### 各支部情况（按得分由低到高）"
        yield ""
        yield from md_table(BRANCH_HEADER, [branch_cells(r) for r in ordered_rows(group.rows)])  # type: ignore[misc]
    if summary.errors:
        yield ""
        yield "## 未能评分的台账"
        yield ""
        yield from md_table(ERROR_HEADER, error_rows(summary))  # type: ignore[arg-type]


class MarkdownReport:
    needs_output = False
    fragment = staticmethod(no_fragment)

    def write(self, context: ReportContext, out: BinaryIO) -> None:
        for line in lines(context):
            out.write(line.encode("utf-8") + b"\n")
