"""`branchcheck trend`: tiers and scores across periods, from the results archive."""

from __future__ import annotations

import sys
from pathlib import Path

from ..archive import Archive, query
from ..archive.trend import build
from ..errors import BranchcheckError
from ..formats import RenderOptions
from ..formats.cycle import TREND_FORMATS
from .faults import UsageError
from .format_needs import Extra, check_format
from .output import emit, terminal_width
from .paths import check_names
from .target import check_not_input, plan_output

EXTRAS = {"xlsx": Extra("xlsxwriter", "XlsxWriter"), "html": Extra("matplotlib", "matplotlib")}


def run_trend(
    archive: Path,
    branch: str | None,
    parent: str | None,
    fmt: str,
    output: Path | None,
    stuck_after: int,
) -> int:
    check_names([archive, output])
    if branch is not None and parent is not None:
        raise UsageError("--branch", "give --branch or --parent, not both")
    formatter = TREND_FORMATS[fmt]
    target = plan_output(output)
    check_format(fmt, formatter.needs_output, output, target, EXTRAS.get(fmt))
    check_not_input(target, [archive])
    with Archive.open(archive, create=False) as store:
        rows = query.results(store, branch, parent)
        if not rows and (branch is not None or parent is not None):
            what = f"branch {branch!r}" if branch is not None else f"parent {parent!r}"
            raise BranchcheckError.at(str(archive), 1, 1, f"no results for {what} in the archive")
        rubrics = query.rubrics(store)
    trend = build(rows, rubrics, stuck_after)
    to_terminal = target.kind == "stdout"
    options = RenderOptions(
        width=terminal_width() if to_terminal else 200, color=to_terminal and sys.stdout.isatty()
    )
    emit(formatter.render(trend, options), target)
    return 0
