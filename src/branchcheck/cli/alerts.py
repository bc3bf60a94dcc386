"""`branchcheck alerts`: what every branch in a batch must do next, as of a day."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ..engine.alert_rows import BranchAlert, batch_order
from ..engine.deadlines import deadlines
from ..errors import BranchcheckError, Diagnostic
from ..formats.alerts_base import ALERT_FORMATS, AlertOptions
from ..limits import time_limit
from ..loading import LoadedLedger, load_rubric, read_ledger
from ..report.aggregate import NO_PARENT
from .dates import parse_day
from .format_needs import Extra, check_format
from .output import emit, print_diagnostics, stderr_line, terminal_width
from .paths import check_names, yaml_files
from .target import check_not_input, plan_output, rubric_source

STALE_DAYS = 31  # a ledger ending this long before --as-of is said to be out of date
EXTRAS = {
    "ics": Extra("icalendar", "icalendar", "calendar"),
    "xlsx": Extra("xlsxwriter", "XlsxWriter"),
}


def run_alerts(
    paths: list[Path],
    rubric: str | None,
    as_of: str | None,
    within: int,
    fmt: str,
    output: Path | None,
) -> int:
    check_names([*paths, rubric, output])
    day = parse_day("--as-of", as_of)
    target = plan_output(output)
    formatter = ALERT_FORMATS[fmt]
    needs_output = bool(getattr(formatter, "needs_output", False))  # xlsx, html
    check_format(fmt, needs_output, output, target, EXTRAS.get(fmt))
    if rubric is not None:
        with time_limit(rubric):
            load_rubric(rubric)
    files = yaml_files(paths)
    if not files:
        stderr_line("branchcheck: error: no .yaml or .yml files found")
        return 2
    check_not_input(target, [*files, *rubric_source(rubric)])
    latest: dict[str, tuple[Path, LoadedLedger]] = {}
    errors: list[Diagnostic] = []
    for path in files:
        try:
            with time_limit(str(path)):
                loaded = read_ledger(path, rubric)
        except BranchcheckError as exc:
            errors += exc.diagnostics
            continue
        print_diagnostics(loaded.warnings)
        check_not_input(target, [loaded.rubric_file])
        # A branch with several ledgers (a year and a quarter): its latest one says what holds.
        branch = loaded.ledger.branch.id
        kept = latest.get(branch)
        if kept is None or kept[1].ledger.period.end <= loaded.ledger.period.end:
            latest[branch] = (path, loaded)
    if errors:
        print_diagnostics(errors)
        return 2
    for path, loaded in latest.values():
        end = loaded.ledger.period.end
        if end + dt.timedelta(days=STALE_DAYS) < day:
            stderr_line(
                str(
                    Diagnostic(
                        str(path),
                        1,
                        1,
                        f"the ledger ends on {end}, before --as-of {day}: what happened since is"
                        " not on record, so only what it records is alerted on",
                        level="warning",
                    )
                )
            )
    rows = [
        BranchAlert(
            loaded.ledger.branch.id,
            loaded.ledger.branch.name,
            loaded.ledger.branch.parent or NO_PARENT,
            str(path),
            alert,
        )
        for path, loaded in latest.values()
        for alert in deadlines(loaded.rubric, loaded.ledger, day, within)
    ]
    rows.sort(key=batch_order)
    to_terminal = target.kind == "stdout"
    options = AlertOptions(
        as_of=day,
        within=within,
        width=terminal_width() if to_terminal else 200,
        color=to_terminal and sys.stdout.isatty(),
    )
    emit(formatter.render(rows, options), target)
    return 0
