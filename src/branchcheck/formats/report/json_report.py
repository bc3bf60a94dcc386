"""JSON: `branchcheck.report/1`, results streamed one per line."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from ...models.result import Result
from ...report.model import NormStat, RubricSummary, Summary
from ...report.rows import BranchRow
from ..json_format import json_safe, json_safe_bytes
from ..prose import period_name
from . import rectify_section
from .base import ReportContext
from .titles import report_title


def result_fragment(result: Result, row: BranchRow) -> bytes:
    # Compact, serialized in Rust, kept as the UTF-8 the report is written in (model_dump_json
    # would decode it, and the spool and the pool's pipe encode it again: 0.05 ms each).
    return json_safe_bytes(result.__pydantic_serializer__.to_json(result))


def _group(group: RubricSummary) -> dict[str, Any]:
    return {
        "id": group.meta.id,
        "version": group.meta.version,
        "name": group.meta.name,
        "period_kind": group.kind,
        "count": group.count,
        "branches": group.branches,
        "periods": _periods(group.periods()),
        "tiers": group.tier_counts,
        "mean_score": group.mean,
        "median_score": group.median,
        "organisations": [
            {
                "name": o.name,
                "branches": o.branches,
                "tiers": o.tiers,
                "mean_score": o.mean,
                "above_lowest_tier": round(o.above_floor / o.branches, 4),
            }
            for o in sorted(group.organisations.values(), key=lambda o: o.name)
        ],
        "standards": [_stat(s) for s in group.weakest_standards()],
        "norms": [_stat(n) for n in group.weakest_norms()],
        "rectifications": rectify_section.json_data(group),
    }


def _periods(periods: dict[tuple[str, str], int]) -> list[dict[str, Any]]:
    return [
        {"start": start, "end": end, "name": period_name(start, end), "ledgers": count}
        for (start, end), count in periods.items()
    ]


def _stat(n: NormStat) -> dict[str, Any]:
    return {
        "id": n.id,
        "name": n.name,
        "dimension": n.dimension,
        "applicable": n.applicable,
        "met": n.met,
        "share_met": None if n.share is None else round(n.share, 4),
        "points_lost": n.lost,
    }


def header(summary: Summary) -> dict[str, Any]:
    return {
        "format": "branchcheck.report/1",
        "title": report_title(summary),
        "count": summary.count,
        "branches": summary.branches,
        "failed_files": summary.failed_files,
        "periods": _periods(summary.periods()),
        # Both pool every rubric's branches: kept for compatibility; `rubrics` has each
        # rubric's own figures, the only ones a report shows.
        "tiers": summary.tier_counts,
        "mean_score": summary.mean,
        "rubrics": [_group(g) for g in summary.rubrics.values()],
        "errors": [
            {"file": e.file, "line": e.line, "col": e.col, "message": e.message}
            for e in summary.errors
        ],
    }


_CHUNK = 1 << 18  # measured best of 64 KB to 1 MB (a 1 MB bytes is mapped afresh each time)


class JsonReport:
    needs_output = False
    writes_bulletin = False
    fragment = staticmethod(result_fragment)

    def write(self, context: ReportContext, out: BinaryIO) -> None:
        head = json_safe(
            json.dumps(header(context.summary), ensure_ascii=False, allow_nan=False, indent=1)
        )
        out.write(head[:-2].encode("utf-8"))  # reopen the object to stream "results" last
        out.write(b',\n "results": [')
        # Written in chunks: two writes a result (each a system call, a result being larger
        # than the file's buffer) took 4 ms for 545 results, chunks 2.
        parts: list[bytes] = []
        size = 0
        separator = b"\n  "
        for group in context.summary.rubrics:
            for fragment in context.fragments(group):
                parts += (separator, fragment)
                separator = b",\n  "
                size += len(fragment)
                if size >= _CHUNK:
                    out.write(b"".join(parts))
                    parts.clear()
                    size = 0
        parts.append(b"\n ]\n}\n")
        out.write(b"".join(parts))
