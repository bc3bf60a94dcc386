"""Scored examples and summaries for the document tests."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES

from branchcheck.engine import score
from branchcheck.loading import read_ledger
from branchcheck.models.result import Result
from branchcheck.models.rubric import Rubric
from branchcheck.report import aggregate
from branchcheck.report.model import Summary

FGW = EXAMPLES / "fgw"


def scored(path: Path) -> tuple[Result, Rubric]:
    loaded = read_ledger(path)
    return score(loaded.rubric, loaded.ledger), loaded.rubric


def summary_of(paths: list[Path]) -> Summary:
    summary = Summary()
    for path in paths:
        result, rubric = scored(path)
        meta = aggregate.rubric_meta(rubric)
        aggregate.add(summary, meta, aggregate.branch_row(result, meta, str(path)))
    for group in summary.rubrics.values():
        group.rows  # noqa: B018 - read back from disk and kept, so the files can go
    summary.close()
    return summary
