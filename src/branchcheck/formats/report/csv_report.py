"""CSV: one row per ledger, UTF-8 with BOM for Excel, no cell able to become a formula.

Each row says what it covers: its period (dates, and `period` as a 通报 names it) and rubric.
The branch fields are `columns.BRANCH_COLUMNS` as data; then each dimension's points and
each work norm's share."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from typing import BinaryIO

from ...report.model import Summary
from ...report.rows import BranchRow, RubricMeta
from .base import ReportContext, no_fragment
from .columns import Getter, csv_fields

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def safe_text(value: str) -> str:
    """OWASP: text that a spreadsheet would read as a formula gets a leading quote."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def dimension_columns(summary: Summary) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for group in summary.rubrics.values():
        for dim_id, name in group.meta.dimensions:
            seen.setdefault(dim_id, name)
    return list(seen.items())


def standard_columns(summary: Summary) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for group in summary.rubrics.values():
        for standard in group.meta.standards:
            seen.setdefault(standard.id, standard.name)
    return list(seen.items())


def _cell(value: object) -> object:
    if value is None:
        return ""
    return safe_text(value) if isinstance(value, str) else value


def cells(
    row: BranchRow,
    meta: RubricMeta,
    fields: Sequence[tuple[str, Getter]],
    dims: list[tuple[str, str]],
    standards: Sequence[tuple[str, str]] = (),
) -> list[object]:
    pairs = zip(meta.dimensions, row.dimension_earned, strict=True)
    earned = {dim_id: value for (dim_id, _), value in pairs}
    shares = {
        s.id: round(v, 4)
        for s, v in zip(meta.standards, row.standard_shares, strict=True)
        if not math.isnan(v)
    }
    return [
        *(_cell(get(row)) for _, get in fields),
        *(earned.get(dim_id, "") for dim_id, _ in dims),
        *(shares.get(std_id, "") for std_id, _ in standards),
    ]


class CsvReport:
    needs_output = False
    writes_bulletin = False
    fragment = staticmethod(no_fragment)

    def write(self, context: ReportContext, out: BinaryIO) -> None:
        fields = csv_fields()
        dims = dimension_columns(context.summary)
        standards = standard_columns(context.summary)
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(
            [key for key, _ in fields]
            + [f"{name}（得分）" for _, name in dims]
            + [f"{std_id} {name}（得分率）" for std_id, name in standards]
        )
        out.write("\ufeff".encode())
        for group in context.summary.rubrics.values():
            for row in group.rows:  # input order: data, not a ranking
                writer.writerow(cells(row, group.meta, fields, dims, standards))
                if buffer.tell() > 65536:
                    out.write(buffer.getvalue().encode("utf-8"))
                    buffer.seek(0)
                    buffer.truncate()
        out.write(buffer.getvalue().encode("utf-8"))
