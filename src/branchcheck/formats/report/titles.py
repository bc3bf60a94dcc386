"""The report's title, naming the periods a batch covers: its own module, so that the JSON
report (which has no tables) does not import the table layouts (~2 ms of its start-up)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import prose

if TYPE_CHECKING:
    from ...report.model import Summary

# The title without its periods (report_title names them): for a place with no summary.
TITLE = "党支部标准化规范化建设考评情况通报"
MAX_TITLE_PERIODS = 3  # more: the title names the years, the 考核期 line every period


def periods_phrase(periods: list[tuple[str, str]]) -> str:
    """`2024年度`, `2024年度和2024年第三季度`; more than three periods: their years."""
    if len(periods) <= MAX_TITLE_PERIODS:
        return prose.and_list([prose.period_name(*p) for p in periods]) if periods else ""
    years = sorted({day[:4] for period in periods for day in period})
    return f"{years[0]}年" if len(years) == 1 else f"{years[0]}—{years[-1]}年"


def report_title(summary: Summary) -> str:
    """`关于2024年度党支部标准化规范化建设考评情况的通报`, naming what the batch covers."""
    return f"关于{periods_phrase(list(summary.periods()))}党支部标准化规范化建设考评情况的通报"
