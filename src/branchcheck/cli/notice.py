"""`branchcheck notice`: the 整改通知书 for one branch, as .docx or markdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..engine import score
from ..engine.rectify import rectification_items
from ..errors import BranchcheckError
from ..formats.notice.letter import OpenItem, build_letter
from ..limits import time_limit
from ..loading import load_rubric, read_ledger
from .dates import parse_day
from .faults import UsageError
from .format_needs import Extra, check_format
from .output import emit, print_diagnostics
from .paths import check_names
from .target import check_not_input, plan_output, rubric_source

DEFAULT_DAYS = 30
DOCX = Extra("docx", "python-docx")
FORMATS = ("docx", "markdown")


def due_date(as_of: dt.date, deadline: str | None, days: int | None) -> dt.date:
    if deadline is not None and days is not None:
        raise UsageError("--deadline", "give --deadline or --days, not both")
    if days is not None:
        if days < 1:
            raise UsageError("--days", "must be 1 or more")
        return as_of + dt.timedelta(days=days)
    due = parse_day("--deadline", deadline, as_of + dt.timedelta(days=DEFAULT_DAYS))
    if due < as_of:
        raise UsageError("--deadline", f"{due.isoformat()} is before --as-of {as_of.isoformat()}")
    return due


def run_notice(
    ledger: Path,
    rubric: str | None,
    as_of: str | None,
    deadline: str | None,
    days: int | None,
    fmt: str,
    output: Path | None,
    issuer: str | None,
) -> int:
    check_names([ledger, rubric, output])
    if fmt == "docx" and output is None:  # said before the dates: the first thing to fix
        raise UsageError("--format", "docx writes a file: add --output FILE")
    day = parse_day("--as-of", as_of)
    due = due_date(day, deadline, days)
    target = plan_output(output)  # everything about the output is checked before any work
    docx = fmt == "docx"
    check_format(fmt, docx, output, target, DOCX if docx else None)
    check_not_input(target, [ledger, *rubric_source(rubric)])
    if rubric is not None:
        with time_limit(rubric):
            load_rubric(rubric)
    try:
        with time_limit(str(ledger)):
            loaded = read_ledger(ledger, rubric)
            result = score(loaded.rubric, loaded.ledger)
    except BranchcheckError as exc:
        print_diagnostics(exc.diagnostics)
        return 2
    print_diagnostics(loaded.warnings)
    check_not_input(target, [loaded.rubric_file])
    # Items still open on the day (整改未销号) are listed apart from the failing norms.
    open_items = tuple(
        OpenItem(item.norm, item.problem, dt.date.fromisoformat(item.due))
        for item in rectification_items(loaded.ledger, loaded.rubric, day)
        if item.status in ("open", "overdue")
    )
    document = build_letter(result, loaded.rubric, day, due, issuer, open_items=open_items)
    if fmt == "docx":
        from ..formats.notice.docx_writer import to_docx

        emit(to_docx(document), target)
    else:
        from ..formats.notice.markdown_writer import to_markdown

        emit(to_markdown(document), target)
    return 0
