"""What the archive keeps of one scored ledger, made where the ledger is scored.

A `Record` is small and picklable: report workers make one per ledger next to the format's
own fragment (`WithRecord`), and the parent writes the batch in one transaction.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ..models.result import Result
from ..models.rubric import Rubric


@dataclass(frozen=True, slots=True)
class Record:
    file: str
    branch: str
    name: str
    parent: str | None
    start: str
    end: str
    rubric_id: str
    rubric_version: str
    score: float
    max: float
    tier: str
    tier_name: str
    vetoes: tuple[str, ...]
    alerts: tuple[tuple[str, str], ...]  # (kind, message)
    norms: tuple[tuple[str, float, str], ...]  # (id, earned, status), rubric order
    dimensions: tuple[tuple[str, float, float], ...]  # (id, earned, max)
    # How the score is made: common part (earned, max), tasks (id, name, points, earned,
    # status, rating), bonus, and whether the base was rescaled to the rubric's total.
    common: tuple[float, float] = (0.0, 0.0)
    tasks: tuple[tuple[str, str, float, float, str, str | None], ...] = ()
    bonus: float = 0.0
    rescaled: bool = False


def record_of(result: Result, file: str) -> Record:
    return Record(
        file=file,
        branch=result.branch.id,
        name=result.branch.name,
        parent=result.branch.parent,
        start=result.period.start,
        end=result.period.end,
        rubric_id=result.rubric.id,
        rubric_version=result.rubric.version,
        score=result.score,
        max=float(result.max),
        tier=result.tier.id,
        tier_name=result.tier.name,
        vetoes=tuple(result.vetoes),
        alerts=tuple((a.kind, a.message) for a in result.alerts),
        norms=tuple((n.id, n.earned, n.status) for n in result.norms),
        dimensions=tuple((d.id, d.earned, float(d.max)) for d in result.dimensions),
        common=(result.common.earned, float(result.common.max)),
        tasks=tuple(
            (t.id, t.name, float(t.points), t.earned, t.status, t.rating) for t in result.tasks
        ),
        bonus=result.bonus,
        rescaled=result.rescaled,
    )


@dataclass(frozen=True, slots=True)
class WithRecord:
    """A report format's fragment function, plus the archive record: (fragment, record).
    Module-level and frozen, so it pickles to the pool's workers."""

    inner: Any

    def __call__(self, result: Result, row: Any) -> tuple[Any, Record]:
        return self.inner(result, row), record_of(result, row.file)


def rubric_hash(rubric: Rubric) -> str:
    """SHA-256 of the rubric as loaded (the validated model as JSON, keys sorted, no spaces,
    UTF-8): comments, layout, key order and quoting do not change it; any change of meaning
    (a point, a threshold, a name) does."""
    text = json.dumps(
        rubric.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_QUARTER_START = {1: 1, 4: 2, 7: 3, 10: 4}


def period_label(start: str, end: str) -> str:
    """`2024`, `2024H1`, `2024Q3`, `2024-03`; any other span `2024-03-15..2024-09-30`."""
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return f"{start}..{end}"
    whole_months = first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]
    if not whole_months or first.year != last.year:
        return f"{start}..{end}"
    months = (first.month, last.month)
    if months == (1, 12):
        return str(first.year)
    if months in ((1, 6), (7, 12)):
        return f"{first.year}H{1 if first.month == 1 else 2}"
    if first.month in _QUARTER_START and last.month == first.month + 2:
        return f"{first.year}Q{_QUARTER_START[first.month]}"
    if first.month == last.month:
        return f"{first.year}-{first.month:02d}"
    return f"{start}..{end}"


CADENCES = {"year": "年度", "half": "半年", "quarter": "季度", "month": "月度", "span": "其他时段"}


def cadence(label: str) -> str:
    """The kind of period a label names: results compare only within one kind."""
    if label.isdigit():
        return "year"
    if "H" in label:
        return "half"
    if "Q" in label:
        return "quarter"
    if ".." in label:
        return "span"
    return "month"
