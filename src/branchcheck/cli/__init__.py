"""The command line: thin typer wiring. The only package that imports typer.

Exit codes: 0 done; 1 a gate failed or a rubric is invalid (`validate`); 2 bad input or
usage; 3 an internal error (a bug: please report it); 130 interrupted; 141 stdout's reader
went away. See cli/faults.py.
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer.exceptions import TyperException

from .. import __version__
from ..formats import SCORE_FORMATS
from ..formats.registry import CATALOGUE_FORMATS, RUBRIC_FORMATS
from ..formats.report import REPORT_FORMATS
from .faults import guarded, prepare_standard_streams, shielded
from .output import stderr_line, write_stdout

app = typer.Typer(
    name="branchcheck",
    help="Score Party branch standardization ledgers (党支部标准化规范化建设台账) against rubrics.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rubrics_app = typer.Typer(
    help="The built-in rubrics, and one rubric as its acceptance table.",
    invoke_without_command=True,
)
app.add_typer(rubrics_app, name="rubrics")


# Every command's --format choices are its registry's names: a format added there is offered.
if TYPE_CHECKING:
    ScoreChoice = StrEnum
    ReportChoice = StrEnum
else:
    ScoreChoice = StrEnum("ScoreChoice", {name: name for name in SCORE_FORMATS})
    ReportChoice = StrEnum("ReportChoice", {name: name for name in REPORT_FORMATS})
SCORE_TABLE = ScoreChoice("table")
REPORT_TERMINAL = ReportChoice("terminal")


RubricOpt = Annotated[
    str | None,
    typer.Option(
        "--rubric", "-r", help="Built-in rubric id or rubric file; overrides the ledger's `rubric`."
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (whole or not at all) instead of stdout.",
        dir_okay=False,
    ),
]


FailUnderOpt = Annotated[
    float | None, typer.Option("--fail-under", help="Exit 1 if any score is under N.")
]
# The built-in rubrics' tiers, lowest first (written out: loading the rubrics to say them
# would slow every command's start; tests/cli/test_gates.py holds them to the rubrics).
BUILTIN_TIERS = (
    "five-star: star1 < star2 < star3 < star4 < star5; "
    "lanzhou-6543: general < standardized < exemplary; "
    "quality-branch: fail < pass < quality"
)
MinTierOpt = Annotated[
    str | None,
    typer.Option(
        "--min-tier",
        help="Exit 1 if any branch is below this tier id; it must be a tier of every rubric"
        f" in the run. Built-in tiers, lowest first: {BUILTIN_TIERS}.",
    ),
]


def _run(module: str, function: str, *args: object) -> int:
    """Import a command's module (it may take a while) and run it, both shielded from click's
    handling of Ctrl-C and broken pipes."""

    def body() -> int:
        return int(getattr(importlib.import_module(f".{module}", __name__), function)(*args))

    return shielded(body)


def _version(value: bool) -> None:
    if value:
        shielded(lambda: _print(f"branchcheck {__version__}\n"))
        raise typer.Exit()


def _print(text: str) -> int:
    write_stdout(text)
    return 0


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Exit codes: 0 done, 1 a gate failed or a rubric is invalid, 2 bad input or usage,
    3 internal error, 130 interrupted, 141 broken pipe."""


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
    return _run("score", "run_score", ledgers, rubric, fmt.value, output, fail_under, min_tier)


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
) -> int:
    """Score many ledgers into one report: tiers, organisations, weakest norms, every branch."""
    return _run(
        "report", "run_report", paths, rubric, fmt.value, output, jobs, fail_under, min_tier
    )


@app.command("validate")
def validate_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Ledger and rubric files or folders (searched recursively)."),
    ],
) -> int:
    """Check ledgers and rubrics, told apart by their `format:` line, without scoring. For CI."""
    return _run("validate", "run_validate", paths)


@app.command("init")
def init_command(
    rubric: Annotated[
        str, typer.Option("--rubric", "-r", help="Built-in rubric id or rubric file.")
    ],
    branch_type: Annotated[
        str | None,
        typer.Option("--type", help="The branch's type: 机关, 村, 社区, 企业, 事业 or 学校."),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option("--period", help="A year (2025) or a quarter (2025Q1); default this year."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="yaml or xlsx (default: by the output's suffix, else yaml)."
        ),
    ] = None,
    output: OutputOpt = None,
) -> int:
    """Write a ledger template (台账模板) for a rubric, as YAML or an .xlsx workbook."""
    if fmt is not None and fmt not in ("yaml", "xlsx"):
        stderr_line(f"branchcheck: error: --format: {fmt!r}: expected yaml or xlsx")
        return 2
    return _run("init", "run_init", rubric, branch_type, period, fmt, output)


@app.command("convert")
def convert_command(
    source: Annotated[Path, typer.Argument(help="A ledger: .yaml/.yml or .xlsx.")],
    output: Annotated[Path, typer.Argument(help="The other kind: .xlsx or .yaml.")],
) -> int:
    """Convert a ledger between YAML and an Excel/WPS workbook (.xlsx), either way."""
    return _run("convert", "run_convert", source, output)


# `rubrics` has its own formats; the choices are the registries' names.
if TYPE_CHECKING:
    CatalogueFormat = StrEnum
    RubricFormat = StrEnum
else:
    CatalogueFormat = StrEnum("CatalogueFormat", {name: name for name in CATALOGUE_FORMATS})
    RubricFormat = StrEnum("RubricFormat", {name: name for name in RUBRIC_FORMATS})
CATALOGUE_TABLE = CatalogueFormat("table")
RUBRIC_TABLE = RubricFormat("table")


@rubrics_app.callback()
def rubrics_list(
    ctx: typer.Context,
    fmt: Annotated[
        CatalogueFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CATALOGUE_TABLE,
) -> None:
    """List the built-in rubrics (id, name, version, issuer, norms, total)."""
    if ctx.invoked_subcommand is None:
        raise typer.Exit(_run("rubrics", "run_list", fmt.value))


@rubrics_app.command("show")
def rubrics_show(
    rubric: Annotated[str, typer.Argument(help="Built-in rubric id or rubric file.")],
    fmt: Annotated[
        RubricFormat,
        typer.Option("--format", "-f", help="Output format; xlsx and html need --output."),
    ] = RUBRIC_TABLE,
    output: OutputOpt = None,
) -> int:
    """Print one rubric as its acceptance table (对照表): every norm, what its check counts,
    how it is scored and which ledger records it reads; 个性任务, bonus, vetoes and tiers."""
    return _run("rubrics", "run_show", rubric, fmt.value, output)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; map every outcome to an exit code in one place (cli/faults.py)."""
    prepare_standard_streams()
    return guarded(lambda: _dispatch(argv))


def _dispatch(argv: list[str] | None) -> int:
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="branchcheck", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except TyperException as exc:  # usage errors: unknown option, bad value, missing argument
        if type(exc).__name__ == "NoArgsIsHelpError":
            write_stdout(exc.format_message() + "\n")
            return 0
        stderr_line(f"branchcheck: error: {exc.format_message()}")
        return 2
    except typer.Abort:
        raise KeyboardInterrupt from None
    return result if isinstance(result, int) else 0
