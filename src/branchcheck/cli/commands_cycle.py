"""The cycle after a score: `trend` and `diff` over the archive, `notice`, `alerts`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..formats.cycle import DIFF_FORMATS, TREND_FORMATS
from ..formats.registry import ALERT_FORMATS
from .app import (
    OutputOpt,
    RubricOpt,
    app,
    run_command,
)

if TYPE_CHECKING:
    TrendChoice = StrEnum
    DiffChoice = StrEnum
else:
    TrendChoice = StrEnum("TrendChoice", {name: name for name in TREND_FORMATS})
    DiffChoice = StrEnum("DiffChoice", {name: name for name in DIFF_FORMATS})
TREND_TERMINAL = TrendChoice("terminal")
DIFF_TERMINAL = DiffChoice("terminal")


NoticeFormat = StrEnum("NoticeFormat", {"docx": "docx", "markdown": "markdown"})
NOTICE_DOCX = NoticeFormat("docx")


@app.command("trend")
def trend_command(
    archive: Annotated[
        Path, typer.Option("--archive", help="The results archive to read.", dir_okay=False)
    ],
    branch: Annotated[str | None, typer.Option("--branch", help="One branch, by id.")] = None,
    parent: Annotated[
        str | None, typer.Option("--parent", help="The branches of one parent organisation.")
    ] = None,
    fmt: Annotated[
        TrendChoice,
        typer.Option("--format", "-f", help="Output format; xlsx and html need --output."),
    ] = TREND_TERMINAL,
    output: OutputOpt = None,
    stuck: Annotated[
        int,
        typer.Option(
            "--stuck", help="Stuck: this many latest periods in one tier, not the top.", min=2
        ),
    ] = 3,
) -> int:
    """Tiers and scores across periods: promotions and demotions (进位/退位), branches stuck."""
    return run_command("trend", "run_trend", archive, branch, parent, fmt.value, output, stuck)


@app.command("diff")
def diff_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="OLD NEW: two ledgers, two `score -f json` files, or (with --archive) two"
            " periods such as 2024Q3 2024Q4."
        ),
    ],
    archive: Annotated[
        Path | None,
        typer.Option("--archive", help="Compare two periods kept in this archive.", dir_okay=False),
    ] = None,
    branch: Annotated[
        str | None, typer.Option("--branch", help="The branch, by id (with --archive).")
    ] = None,
    rubric: RubricOpt = None,
    fmt: Annotated[
        DiffChoice, typer.Option("--format", "-f", help="Output format.")
    ] = DIFF_TERMINAL,
    output: OutputOpt = None,
) -> int:
    """What changed between two results: norms met before and failing now first."""
    return run_command("diff", "run_diff", inputs, archive, branch, rubric, fmt.value, output)


@app.command("notice")
def notice_command(
    ledger: Annotated[Path, typer.Argument(help="One ledger file (台账, YAML).")],
    rubric: RubricOpt = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The notice's date, YYYY-MM-DD (default: today).")
    ] = None,
    deadline: Annotated[
        str | None, typer.Option("--deadline", help="Rectify by this date, YYYY-MM-DD.")
    ] = None,
    days: Annotated[
        int | None, typer.Option("--days", help="Rectify within N days of --as-of (default 30).")
    ] = None,
    fmt: Annotated[
        NoticeFormat, typer.Option("--format", "-f", help="Output format; docx needs --output.")
    ] = NOTICE_DOCX,
    output: OutputOpt = None,
    issuer: Annotated[
        str | None, typer.Option("--issuer", help="Who signs (default: the rubric's issuer).")
    ] = None,
) -> int:
    """Write the 整改通知书 for one branch: each failing norm's problem, basis, requirement
    and deadline."""
    return run_command(
        "notice", "run_notice", ledger, rubric, as_of, deadline, days, fmt.value, output, issuer
    )


# `alerts` has its own formats (formats/alerts_base.py).
if TYPE_CHECKING:
    AlertsChoice = StrEnum
else:
    AlertsChoice = StrEnum("AlertsChoice", {name: name for name in ALERT_FORMATS})
ALERTS_TERMINAL = AlertsChoice("terminal")


@app.command("alerts")
def alerts_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Ledger files or folders (searched recursively).")
    ],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="The day to look from, as 2024-12-01 (default: today)."),
    ] = None,
    within: Annotated[
        int,
        typer.Option("--within", help="Days ahead within which a deadline is urgent.", min=0),
    ] = 30,
    rubric: RubricOpt = None,
    fmt: Annotated[
        AlertsChoice,
        typer.Option(
            "--format",
            "-f",
            help="Output format; xlsx and html need --output; ics is an iCalendar file.",
        ),
    ] = ALERTS_TERMINAL,
    output: OutputOpt = None,
) -> int:
    """What each branch must do next: terms ending, 转正, reviews, dues, 失联, 整改 due."""
    return run_command("alerts", "run_alerts", paths, rubric, as_of, within, fmt.value, output)
