"""`branchcheck report`: many ledgers, one summary, in the format evaluators use."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import BranchcheckError
from ..formats import RenderOptions
from ..formats.report import REPORT_FORMATS, ReportContext
from ..report import aggregate, batch
from ..report.model import Summary
from ..report.spool import Spool
from .output import atomic_output, check_output_path, stderr_line, terminal_width
from .paths import yaml_files


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[], None] | None]:
    """A bar on stderr when it is a terminal; silence otherwise."""
    if not sys.stderr.isatty() or total < 2:
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
    failures: list[str] = []
    if min_tier is not None and not any(
        min_tier in dict(g.meta.tiers) for g in summary.rubrics.values()
    ):
        known = sorted({t for g in summary.rubrics.values() for t, _ in g.meta.tiers})
        raise BranchcheckError.at(
            "--min-tier", 1, 1, f"unknown tier {min_tier!r} (tiers: {', '.join(known)})"
        )
    for group in summary.rubrics.values():
        order = [tier_id for tier_id, _ in group.meta.tiers]
        for row in group.rows:
            if fail_under is not None and row.score < fail_under:
                failures.append(
                    f"{row.file}: score {row.score:g} is under --fail-under {fail_under:g}"
                )
            if min_tier in order and row.tier_rank < order.index(min_tier):
                failures.append(f"{row.file}: tier {row.tier_id} is below --min-tier {min_tier}")
    return failures


def run_report(
    paths: list[Path],
    rubric: str | None,
    fmt: str,
    output: Path | None,
    jobs: int | None,
    fail_under: float | None,
    min_tier: str | None,
) -> int:
    formatter = REPORT_FORMATS[fmt]
    if formatter.needs_output and output is None:
        raise BranchcheckError.at(fmt, 1, 1, f"--format {fmt} writes a file: add --output FILE")
    files = yaml_files(paths)
    if not files:
        stderr_line("branchcheck: error: no .yaml or .yml files found")
        return 2
    if output is not None:
        check_output_path(output, files)  # before the batch, not after it
    workers = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    work = [batch.Job(str(f), rubric, formatter.fragment) for f in files]
    summary = Summary()
    first_seen: dict[tuple[str, str], str] = {}  # (rubric, branch id) -> first file
    with Spool() as spool:
        with progress_bar(len(work)) as tick:
            for scored in batch.run(work, workers, tick):
                for warning in scored.warnings:
                    stderr_line(warning)
                for error in scored.errors:
                    stderr_line(f"{error.file}:{error.line}:{error.col}: error: {error.message}")
                summary.errors += scored.errors
                if scored.meta is not None and scored.row is not None:
                    row = scored.row
                    earlier = first_seen.setdefault((row.rubric, row.id), row.file)
                    if earlier != row.file:
                        stderr_line(
                            f"{row.file}:1:1: warning: branch {row.id!r} is also in"
                            f" {earlier}; both ledgers are counted"
                        )
                    aggregate.add(summary, scored.meta, row)
                    if scored.fragment is not None:
                        spool.add(scored.meta.id, scored.fragment)
        failures = gate(summary, fail_under, min_tier)
        color = output is None and sys.stdout.isatty()
        options = RenderOptions(width=terminal_width() if output is None else 200, color=color)
        context = ReportContext(summary, spool.read, options)
        if output is not None:
            with atomic_output(output, files) as stream:
                formatter.write(context, stream)
        else:
            # Render whole before the first byte reaches stdout.
            with tempfile.TemporaryFile() as buffer:
                formatter.write(context, buffer)
                buffer.seek(0)
                sys.stdout.flush()
                shutil.copyfileobj(buffer, sys.stdout.buffer)
                sys.stdout.buffer.flush()
    for failure in failures:
        stderr_line(failure)
    if summary.errors:
        return 2
    return 1 if failures else 0
