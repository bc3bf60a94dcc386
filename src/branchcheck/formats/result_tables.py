"""Rows of one result's tables that more than one format shows (one rule, one place)."""

from __future__ import annotations

from ..models.result import Result
from .escape import number
from .labels import STATUS

STANDARD_HEADER = ["编号", "工作规范", "分值", "得分", "状态"]


def standard_rows(result: Result) -> list[list[str]]:
    """The work norms (工作规范) with their check items added up; empty for rubrics that list
    check items only."""
    return [
        [
            s.id,
            s.name,
            number(s.points),
            "—" if s.status == "not_applicable" else number(s.earned),
            STATUS[s.status],
        ]
        for s in result.standards
    ]
