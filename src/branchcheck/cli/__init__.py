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
from ..formats.alerts_base import ALERT_FORMATS
from ..formats.cycle import DIFF_FORMATS, TREND_FORMATS
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
if TYPE_CHECKING:
    ValidateChoice = StrEnum
else:  # formats/diagnostics.py's formats, written out: importing it would slow the start
    ValidateChoice = StrEnum("ValidateChoice", {n: n for n in ("text", "github", "sarif")})
VALIDATE_TEXT = ValidateChoice("text")
NoticeFormat = StrEnum("NoticeFormat", {"docx": "docx", "markdown": "markdown"})
NOTICE_DOCX = NoticeFormat("docx")
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
ArchiveOpt = Annotated[
    Path | None,
    typer.Option(
        "--archive",
        help="Results archive (SQLite file): keep every result of this run in it, for"
        " `trend` and `diff`; created if missing.",
        dir_okay=False,
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
    compare_rubric: Annotated[
        str | None,
        typer.Option(
            "--compare-rubric",
            help="Also score under this older rubric (id or file) and show who changes tier,"
            " and why (terminal, markdown or json).",
        ),
    ] = None,
    archive: ArchiveOpt = None,
) -> int:
    """Score many ledgers into one report: tiers, organisations, weakest norms, every branch."""
    if compare_rubric is not None:
        given = {
            "--fail-under": fail_under,
            "--min-tier": min_tier,
            "--jobs": jobs,
            "--archive": archive,
        }
        refused = [name for name, value in given.items() if value is not None]
        return _run(
            "compare", "run_compare", paths, rubric, compare_rubric, fmt.value, output, refused
        )
    return _run(
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
    )


# `trend` and `diff`: read the results archive (`report --archive`); their own formats.
if TYPE_CHECKING:
    TrendChoice = StrEnum
    DiffChoice = StrEnum
else:
    TrendChoice = StrEnum("TrendChoice", {name: name for name in TREND_FORMATS})
    DiffChoice = StrEnum("DiffChoice", {name: name for name in DIFF_FORMATS})
TREND_TERMINAL = TrendChoice("terminal")
DIFF_TERMINAL = DiffChoice("terminal")


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
    return _run("trend", "run_trend", archive, branch, parent, fmt.value, output, stuck)


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
    return _run("diff", "run_diff", inputs, archive, branch, rubric, fmt.value, output)


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
    return _run(
        "notice", "run_notice", ledger, rubric, as_of, deadline, days, fmt.value, output, issuer
    )


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
    return _run("validate", "run_validate", paths, fmt.value, output)


if TYPE_CHECKING:
    SchemaChoice = StrEnum
else:
    SchemaChoice = StrEnum("SchemaChoice", {name: name for name in ("ledger", "rubric", "result")})


@app.command("schema")
def schema_command(
    kind: Annotated[SchemaChoice, typer.Argument(help="ledger, rubric or result.")],
    output: OutputOpt = None,
) -> int:
    """Print the JSON Schema of a ledger, a rubric or a result (`score -f json`), for editors:
    point a file's `# yaml-language-server: $schema=` line at it."""
    return _run("schema", "run_schema", kind.value, output)


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
    return _run("alerts", "run_alerts", paths, rubric, as_of, within, fmt.value, output)


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


if TYPE_CHECKING:
    DiffFormat = StrEnum
else:  # formats/rubric_compare.py's DIFF_FORMATS, written out to keep the start fast
    DiffFormat = StrEnum("DiffFormat", {n: n for n in ("table", "markdown", "json")})
DIFF_TABLE = DiffFormat("table")


@rubrics_app.command("diff")
def rubrics_diff(
    old: Annotated[str, typer.Argument(help="The older rubric: built-in id or file.")],
    new: Annotated[str, typer.Argument(help="The newer rubric: built-in id or file.")],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DIFF_TABLE,
    output: OutputOpt = None,
) -> int:
    """What changed between two rubrics: norms added, removed or renamed; points, check
    thresholds, scoring, vetoes, bonus, the common/individual split and tier rules."""
    return _run("rubrics", "run_diff", old, new, fmt.value, output)


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
