"""`trend` as JSON (`branchcheck.trend/1`: ids in English, names as written) and as CSV (one
row per branch and period, UTF-8 with BOM for Excel, no cell able to become a formula)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..archive.trend import Group, Point, Trend
from .base import RenderOptions
from .report.csv_report import safe_text


def _point(point: Point) -> dict[str, Any]:
    return {
        "period": point.label,
        "start": point.start,
        "end": point.end,
        "score": point.score,
        "tier": point.tier,
        "tier_name": point.tier_name,
        "rubric_version": point.rubric.version,
    }


def _group(group: Group, stuck_after: int) -> dict[str, Any]:
    return {
        "rubric": {"id": group.rubric_id, "name": group.rubric.name},
        "cadence": group.cadence,
        "tiers": [{"id": t, "name": n} for t, n in group.rubric.tiers],
        "periods": [{"label": p.label, "start": p.start, "end": p.end} for p in group.periods],
        "rubric_changes": [
            {
                "before": c.before.label,
                "after": c.after.label,
                "old": {"version": c.old.version, "hash": c.old.hash},
                "new": {"version": c.new.version, "hash": c.new.hash},
            }
            for c in group.changes
        ],
        "tier_counts": group.counts(),
        "branches": [
            {
                "id": s.branch,
                "name": s.name,
                "parent": s.parent,
                "points": [_point(p) for p in s.points],
                "moves": [
                    {
                        "from": m.before.label,
                        "to": m.after.label,
                        "from_tier": m.before.tier,
                        "to_tier": m.after.tier,
                        "direction": "up" if m.up else "down",
                    }
                    for m in s.moves
                ],
                "stuck": s.stuck(stuck_after, group.top),
            }
            for s in group.series
        ],
    }


class TrendJson:
    needs_output = False

    def render(self, trend: Trend, options: RenderOptions) -> str:
        data = {
            "format": "branchcheck.trend/1",
            "stuck_after": trend.stuck_after,
            "groups": [_group(g, trend.stuck_after) for g in trend.groups],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


COLUMNS = [
    "rubric",
    "rubric_version",
    "cadence",
    "branch_id",
    "branch_name",
    "parent",
    "period",
    "period_start",
    "period_end",
    "score",
    "tier_id",
    "tier_name",
    "move",
    "stuck",
]


class TrendCsv:
    needs_output = False

    def render(self, trend: Trend, options: RenderOptions) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for group in trend.groups:
            for s in group.series:
                moved = {m.after.label: ("进位" if m.up else "退位") for m in s.moves}
                stuck = s.stuck(trend.stuck_after, group.top)
                for i, p in enumerate(s.points):
                    last = i == len(s.points) - 1
                    cells = [
                        group.rubric_id,
                        p.rubric.version,
                        group.cadence,
                        s.branch,
                        s.name,
                        s.parent or "",
                        p.label,
                        p.start,
                        p.end,
                        f"{p.score:.2f}",
                        p.tier,
                        p.tier_name,
                        moved.get(p.label, ""),
                        str(stuck) if last and stuck else "",
                    ]
                    writer.writerow([safe_text(c) for c in cells])
        return "\ufeff" + buffer.getvalue()
