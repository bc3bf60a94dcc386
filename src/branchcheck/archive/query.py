"""Reading the archive back: the rows `trend` needs, and one result in full for `diff`."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..errors import BranchcheckError
from .store import Archive


@dataclass(frozen=True, slots=True)
class RubricRow:
    rid: int
    id: str
    version: str
    hash: str
    name: str
    tiers: tuple[tuple[str, str], ...]
    dimensions: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class ResultRow:
    rid: int
    branch: str
    name: str
    parent: str | None
    start: str
    end: str
    label: str
    rubric: int
    score: float
    tier: str
    tier_name: str
    tier_rank: int
    recorded: str


@dataclass(frozen=True, slots=True)
class NormRow:
    id: str
    name: str
    dimension: str
    points: float
    bonus: bool
    earned: float
    status: str


@dataclass(frozen=True, slots=True)
class FullResult:
    row: ResultRow
    rubric: RubricRow
    max: float
    vetoes: list[str]
    alerts: list[tuple[str, str]]
    dimensions: list[tuple[str, float, float]]  # (id, earned, max)
    norms: list[NormRow]
    parts: dict[str, Any]  # common, tasks, bonus, rescaled (see schema.V1)


_COLUMNS = (
    "rid, branch, name, parent, period_start, period_end, label, rubric, score, tier,"
    " tier_name, tier_rank, recorded"
)


def _error(archive: Archive, exc: sqlite3.Error) -> BranchcheckError:
    return BranchcheckError.at(str(archive.path), 1, 1, f"cannot read archive: {exc}")


def rubrics(archive: Archive) -> dict[int, RubricRow]:
    try:
        rows = archive.db.execute(
            "SELECT rid, id, version, hash, name, tiers, dimensions FROM rubrics"
        ).fetchall()
    except sqlite3.Error as exc:
        raise _error(archive, exc) from None
    return {
        rid: RubricRow(
            rid,
            rid_id,
            version,
            digest,
            name,
            tuple((a, b) for a, b in json.loads(tiers)),
            tuple((a, b) for a, b in json.loads(dims)),
        )
        for rid, rid_id, version, digest, name, tiers, dims in rows
    }


def results(
    archive: Archive, branch: str | None = None, parent: str | None = None
) -> list[ResultRow]:
    """Results of one branch, of one parent's branches, or all; by branch, then period."""
    where, args = "", tuple[str, ...]()
    if branch is not None:
        where, args = " WHERE branch = ?", (branch,)
    elif parent is not None:
        where, args = " WHERE parent = ?", (parent,)
    sql = f"SELECT {_COLUMNS} FROM results{where} ORDER BY branch, period_start, period_end, rid"
    try:
        return [ResultRow(*row) for row in archive.db.execute(sql, args)]
    except sqlite3.Error as exc:
        raise _error(archive, exc) from None


def parents(archive: Archive) -> list[str]:
    sql = "SELECT DISTINCT parent FROM results WHERE parent IS NOT NULL ORDER BY parent"
    return [p for (p,) in archive.db.execute(sql)]


def full(archive: Archive, branch: str, label: str) -> list[FullResult]:
    """Every result kept for the branch in the period the label names, latest first."""
    try:
        rows = archive.db.execute(
            f"SELECT {_COLUMNS}, max, vetoes, alerts, dimensions, parts FROM results"
            " WHERE branch = ? AND label = ? ORDER BY recorded DESC, rid DESC",
            (branch, label),
        ).fetchall()
        known = rubrics(archive)
        out = []
        for values in rows:
            row = ResultRow(*values[:13])
            maximum, vetoes, alerts, dims, parts = values[13:]
            norms = [
                NormRow(nid, name, dim, points, bool(bonus), earned, status)
                for nid, name, dim, points, bonus, earned, status in archive.db.execute(
                    "SELECT n.id, m.name, m.dimension, m.points, m.bonus, n.earned, n.status"
                    " FROM norms n JOIN rubric_norms m ON m.rubric = ? AND m.id = n.id"
                    " WHERE n.result = ? ORDER BY m.position",
                    (row.rubric, row.rid),
                )
            ]
            out.append(
                FullResult(
                    row,
                    known[row.rubric],
                    maximum,
                    json.loads(vetoes),
                    [(k, m) for k, m in json.loads(alerts)],
                    [(d, e, x) for d, e, x in json.loads(dims)],
                    norms,
                    json.loads(parts),
                )
            )
        return out
    except sqlite3.Error as exc:
        raise _error(archive, exc) from None


def labels(archive: Archive, branch: str) -> list[str]:
    sql = "SELECT DISTINCT label FROM results WHERE branch = ? ORDER BY period_start, period_end"
    return [label for (label,) in archive.db.execute(sql, (branch,))]
