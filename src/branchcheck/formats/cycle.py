"""The formats of `trend` and `diff`, behind one small interface each, loaded on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from .registry import LazyRegistry

if TYPE_CHECKING:
    from ..archive.diff import Diff
    from ..archive.trend import Trend
    from .base import RenderOptions


class TrendFormat(Protocol):
    needs_output: bool  # a workbook or a page: `--output FILE` required (cli/format_needs.py)

    def render(self, trend: Trend, options: RenderOptions) -> str | bytes: ...


class DiffFormat(Protocol):
    def render(self, diff: Diff, options: RenderOptions) -> str: ...


TREND_FORMATS: LazyRegistry[TrendFormat] = LazyRegistry(
    "branchcheck.formats",
    {
        "terminal": ".trend_text:TrendTerminal",
        "markdown": ".trend_text:TrendMarkdown",
        "json": ".trend_data:TrendJson",
        "csv": ".trend_data:TrendCsv",
        "xlsx": ".trend_xlsx:TrendXlsx",
        "html": ".trend_html:TrendHtml",
    },
)
DIFF_FORMATS: LazyRegistry[DiffFormat] = LazyRegistry(
    "branchcheck.formats",
    {
        "terminal": ".diff_text:DiffTerminal",
        "markdown": ".diff_text:DiffMarkdown",
        "json": ".diff_text:DiffJson",
        "csv": ".diff_csv:DiffCsv",
    },
)
