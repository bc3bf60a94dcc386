"""`alerts` for programs: JSON (`branchcheck.alerts/1`) and CSV (UTF-8 with BOM, for Excel)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

from ..engine.alert_rows import SEVERITY_NAMES, BranchAlert
from .alerts_base import AlertOptions, kind_name
from .json_format import dumps
from .report.csv_report import safe_text


def alert_data(row: BranchAlert) -> dict[str, Any]:
    return {
        "uid": row.uid,
        "due": row.due,
        "severity": row.severity,
        "severity_name": SEVERITY_NAMES[row.severity],
        "kind": row.alert.kind,
        "kind_name": kind_name(row),
        "subject": row.alert.subject,
        "message": row.alert.message,
        "branch": {"id": row.branch_id, "name": row.branch_name, "parent": row.parent},
        "file": row.file,
    }


class JsonAlerts:
    def render(self, rows: list[BranchAlert], options: AlertOptions) -> str:
        counts = Counter(row.severity for row in rows)
        return dumps(
            {
                "format": "branchcheck.alerts/1",
                "as_of": options.as_of.isoformat(),
                "within": options.within,
                "counts": {s: counts[s] for s in SEVERITY_NAMES},
                "alerts": [alert_data(row) for row in rows],
            }
        )


COLUMNS = [
    "due",
    "severity",
    "severity_name",
    "kind",
    "kind_name",
    "subject",
    "parent",
    "branch_id",
    "branch_name",
    "message",
    "file",
    "uid",
]


class CsvAlerts:
    def render(self, rows: list[BranchAlert], options: AlertOptions) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for row in rows:
            data = alert_data(row)
            flat = {**data, **{f"branch_{k}": v for k, v in data["branch"].items()}}
            flat["parent"] = row.parent
            writer.writerow([safe_text(str(flat.get(c) or "")) for c in COLUMNS])
        return "\ufeff" + out.getvalue()
