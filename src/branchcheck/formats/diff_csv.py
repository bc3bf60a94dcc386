"""`diff` as CSV: one row per norm whose status or points changed, in the order the terminal
lists them (退步 first). UTF-8 with BOM for Excel; ids in English, names as written; no cell
able to become a formula (the report's rule, csv_report.safe_text)."""

from __future__ import annotations

import csv
import io

from ..archive.diff import Diff, NormChange, NormState
from .base import RenderOptions
from .diff_text import KIND_WORDS
from .labels import STATUS
from .report.csv_report import safe_text

COLUMNS = [
    "branch_id",
    "branch_name",
    "old_source",
    "old_period_start",
    "old_period_end",
    "new_source",
    "new_period_start",
    "new_period_end",
    "norm_id",
    "norm_name",
    "dimension_id",
    "dimension_name",
    "change",
    "change_name",
    "old_status",
    "old_status_name",
    "old_earned",
    "old_points",
    "new_status",
    "new_status_name",
    "new_earned",
    "new_points",
    "delta",
]


def _figure(value: float) -> str:
    return f"{value:.2f}"


def _state(state: NormState | None) -> list[str]:
    """status, its name, earned, points; empty where the norm is not on that side."""
    if state is None:
        return ["", "", "", ""]
    name = STATUS.get(state.status, state.status)
    return [safe_text(state.status), safe_text(name), _figure(state.earned), _figure(state.points)]


def _row(diff: Diff, change: NormChange, dimensions: dict[str, str]) -> list[str]:
    old, new, norm = diff.old, diff.new, change.norm
    text = [
        new.branch,
        new.name,
        old.source,
        old.start,
        old.end,
        new.source,
        new.start,
        new.end,
        norm.id,
        norm.name,
        norm.dimension,
        dimensions.get(norm.dimension, ""),
        change.kind,
        KIND_WORDS[change.kind],
    ]
    return [
        *(safe_text(t) for t in text),
        *_state(change.old),
        *_state(change.new),
        _figure(change.delta),
    ]


class DiffCsv:
    def render(self, diff: Diff, options: RenderOptions) -> str:
        dimensions = {d[0]: d[1] for d in (*diff.old.dimensions, *diff.new.dimensions)}
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for change in diff.norms:
            writer.writerow(_row(diff, change, dimensions))
        return "\ufeff" + buffer.getvalue()
