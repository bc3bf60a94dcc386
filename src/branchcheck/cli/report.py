"""`branchcheck report`: many ledgers, one summary, in the format evaluators use."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .. import gates
from ..errors import BranchcheckError
from ..formats import RenderOptions
from ..formats.report import REPORT_FORMATS, ReportContext
from ..limits import time_limit
from ..report import aggregate, batch
from ..report.model import Summary
from ..report.spool import Spool
from .dates import parse_day
from .faults import InternalFault, UsageError
from .format_needs import Extra, check_format
from .output import open_output, stderr_line, stderr_lines, terminal_width
from .paths import check_names, yaml_file_names
from .rubric_ref import known_rubric
from .target import Target, check_not_input, plan_output, rubric_source

if TYPE_CHECKING:
    from .archiving import Recorder

EXTRAS = {
    "xlsx": Extra("xlsxwriter", "XlsxWriter"),
    "html": Extra("matplotlib", "matplotlib"),
    "notice": Extra("docx", "python-docx"),
}


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[], None] | None]:
    """A bar on stderr when it is a terminal; silence otherwise."""
    if sys.stderr is None or not sys.stderr.isatty() or total < 2:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    console = Console(file=sys.stderr)
    columns = (TextColumn("评分中"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("score", total=total)
        yield lambda: bar.advance(task)


def gate(summary: Summary, fail_under: float | None, min_tier: str | None) -> list[str]:
    """The shared rule (gates.py) over every scored branch, named by its file."""
    if fail_under is None and min_tier is None:
        return []  # no gate: the rows stay on disk
    branches = (
        gates.GatedBranch(row.file, row.score, group.meta.id, row.tier_id, tiers)
        for group in summary.rubrics.values()
        for tiers in [[t for t, _ in group.meta.tiers]]
        for row in group.store  # streamed: only what a gate needs is kept
    )
    return gates.failures(branches, fail_under, min_tier)


def bulletin_day(fmt: str, as_of: str | None) -> dt.date | None:
    """The 通报's date: `--as-of`, else today. A format that writes no 通报 has none, and
    refuses `--as-of` rather than ignore it."""
    if REPORT_FORMATS[fmt].writes_bulletin:
        return parse_day("--as-of", as_of)
    if as_of is None:
        return None
    dated = [name for name in REPORT_FORMATS if REPORT_FORMATS[name].writes_bulletin]
    formats = (", ".join(dated[:-1]) + " or " if len(dated) > 1 else "") + dated[-1]
    raise UsageError(
        "--as-of", f"dates the 通报, which {fmt} does not write: use --format {formats}"
    )


def run_report(
    paths: list[Path],
    rubric: str | None,
    fmt: str,
    output: Path | None,
    jobs: int | None,
    fail_under: float | None,
    min_tier: str | None,
    archive: Path | None = None,
    as_of: str | None = None,
) -> int:
    check_names([*paths, rubric, output, archive])
    target: Target = plan_output(output)  # everything about the output is checked first
    check_format(fmt, REPORT_FORMATS[fmt].needs_output, output, target, EXTRAS.get(fmt))
    day = bulletin_day(fmt, as_of)
    gates.check_options(fail_under)
    if rubric is not None:
        with time_limit(rubric):
            known_rubric(rubric)  # a bad --rubric is one error, not one per ledger
    files = yaml_file_names(paths)
    if not files:
        stderr_line("branchcheck: error: no .yaml, .yml or .xlsx files found")
        return 2
    check_not_input(target, [*files, *rubric_source(rubric)])
    formatter = REPORT_FORMATS[fmt]
    workers = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    fragment = formatter.fragment
    recorder = None
    if archive is not None:  # checked and opened before any work; written after the report
        from ..archive import WithRecord
        from .archiving import Recorder
        from .archiving import check_not_input as check_archive

        check_archive(archive, [*files, *rubric_source(rubric), *([output] if output else [])])
        recorder, fragment = Recorder(archive), WithRecord(fragment)
    work = batch.Jobs(files, rubric, fragment)
    try:
        with Spool() as spool, closing(Summary()) as summary:
            rubric_files = collect(work, workers, spool, summary, recorder)
            check_not_input(target, sorted(rubric_files))  # the rubrics the ledgers named
            if recorder is not None:
                check_archive(recorder.path, sorted(rubric_files))
            failures = gate(summary, fail_under, min_tier)
            to_terminal = target.kind == "stdout"
            color = to_terminal and sys.stdout.isatty()
            options = RenderOptions(width=terminal_width() if to_terminal else 200, color=color)
            context = ReportContext(summary, spool.read, options, day)
            with open_output(target) as stream:  # rendered whole before the first byte is sent
                formatter.write(context, stream)
            if recorder is not None:
                recorder.commit()
    except BrokenPipeError:
        raise
    except OSError as exc:  # the output's own failures are named for it in open_output
        raise BranchcheckError.at(
            tempfile.gettempdir(),
            1,
            1,
            f"cannot write temporary files: {exc.strerror or exc} (TMPDIR chooses the folder)",
        ) from None
    finally:
        if recorder is not None:
            recorder.close()  # committed by now, or the batch is left out
    for failure in failures:
        stderr_line(failure)
    if summary.errors:
        return 2
    return 1 if failures else 0


def collect(
    work: batch.Jobs,
    workers: int,
    spool: Spool,
    summary: Summary,
    recorder: Recorder | None = None,
) -> set[str]:
    """Score the batch into the summary (fragments to the spool); the rubric files read.
    With a recorder (`--archive`), each fragment carries the ledger's archive record."""
    rubric_files: set[str] = set()
    with progress_bar(len(work)) as tick, closing(batch.run(work, workers, tick)) as results:
        for path, scored in zip(work.paths, results, strict=True):
            if scored.internal is not None:
                raise InternalFault(f"{scored.path}: {scored.internal}", scored.trace)
            stderr_lines(scored.warnings)
            for error in scored.errors:
                stderr_line(f"{error.file}:{error.line}:{error.col}: error: {error.message}")
            summary.errors += scored.errors
            if scored.rubric_file is not None:
                rubric_files.add(scored.rubric_file)
            if scored.meta is not None and scored.row is not None:
                row = scored.row
                # The parent's own name for the file: a worker's copy would be kept twice.
                group, earlier = aggregate.add(summary, scored.meta, row, path)
                if earlier is not None:
                    stderr_line(
                        f"{row.file}:1:1: warning: branch {row.id!r} is also in"
                        f" {earlier}; both ledgers are counted"
                    )
                fragment = scored.fragment if recorder is None else recorder.take(scored)
                if fragment is not None:
                    spool.add(group, fragment)
    return rubric_files
