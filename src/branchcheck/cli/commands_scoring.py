"""`score`, `report` and `validate`: scoring ledgers, and checking them for CI."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..formats import SCORE_FORMATS
from ..formats.report import REPORT_FORMATS
from .app import (
    ArchiveOpt,
    FailUnderOpt,
    MinTierOpt,
    OutputOpt,
    RubricOpt,
    app,
    run_command,
)

# Every command's --format choices are its registry's names: a format added there is offered.
if TYPE_CHECKING:
    ScoreChoice = StrEnum
    ReportChoice = StrEnum
else:
    ScoreChoice = StrEnum("ScoreChoice", {name: name for name in SCORE_FORMATS})
    ReportChoice = StrEnum("ReportChoice", {name: name for name in REPORT_FORMATS})
SCORE_TABLE = ScoreChoice("table")
if TYPE_CHECKING:
    ValidateChoice = StrEnum
else:  # formats/diagnostics.py's formats, written out: importing it would slow the start
    ValidateChoice = StrEnum("ValidateChoice", {n: n for n in ("text", "github", "sarif")})
VALIDATE_TEXT = ValidateChoice("text")
REPORT_TERMINAL = ReportChoice("terminal")


@app.command("score")
def score_command(
    ledgers: Annotated[list[Path], typer.Argument(help="Ledger files (台账, YAML or .xlsx).")],
    rubric: RubricOpt = None,
    fmt: Annotated[
        ScoreChoice, typer.Option("--format", "-f", help="Output format.")
    ] = SCORE_TABLE,
    output: OutputOpt = None,
    fail_under: FailUnderOpt = None,
    min_tier: MinTierOpt = None,
) -> int:
    """Score ledgers: score, tier, every deduction explained."""
    return run_command(
        "score", "run_score", ledgers, rubric, fmt.value, output, fail_under, min_tier
    )


@app.command("report")
def report_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Ledger files or folders (searched recursively).")
    ],
    rubric: RubricOpt = None,
    fmt: Annotated[
        ReportChoice,
        typer.Option("--format", "-f", help="Output format; xlsx and html need --output."),
    ] = REPORT_TERMINAL,
    output: OutputOpt = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", help="Processes to score in (default: the machine's cores).", min=1
        ),
    ] = None,
    fail_under: FailUnderOpt = None,
    min_tier: MinTierOpt = None,
    compare_rubric: Annotated[
        str | None,
        typer.Option(
            "--compare-rubric",
            help="Also score under this older rubric (id or file) and show who changes tier,"
            " and why (terminal, markdown or json).",
        ),
    ] = None,
    archive: ArchiveOpt = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="The 通报's date (成文日期), YYYY-MM-DD (default: today); only with a format"
            " that writes the 通报 (markdown, html, notice).",
        ),
    ] = None,
) -> int:
    """Score many ledgers into one report: tiers, organisations, weakest norms, every branch."""
    if compare_rubric is not None:
        given = {
            "--fail-under": fail_under,
            "--min-tier": min_tier,
            "--jobs": jobs,
            "--archive": archive,
            "--as-of": as_of,
        }
        refused = [name for name, value in given.items() if value is not None]
        return run_command(
            "compare", "run_compare", paths, rubric, compare_rubric, fmt.value, output, refused
        )
    return run_command(
        "report",
        "run_report",
        paths,
        rubric,
        fmt.value,
        output,
        jobs,
        fail_under,
        min_tier,
        archive,
        as_of,
    )


# `trend` and `diff`: read the results archive (`report --archive`); their own formats.


@app.command("validate")
def validate_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Ledger and rubric files or folders (searched recursively)."),
    ],
    fmt: Annotated[
        ValidateChoice,
        typer.Option(
            "--format",
            "-f",
            help="text: FILE:LINE:COL lines on stderr; github: workflow annotations;"
            " sarif: SARIF 2.1.0 (both on stdout or --output).",
        ),
    ] = VALIDATE_TEXT,
    output: OutputOpt = None,
) -> int:
    """Check ledgers and rubrics, told apart by their `format:` line, without scoring. For CI."""
    return run_command("validate", "run_validate", paths, fmt.value, output)
