"""Files for the people who keep ledgers: `init` templates, `convert`, `schema`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .app import (
    OutputOpt,
    app,
    run_command,
)
from .output import stderr_line

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
    return run_command("schema", "run_schema", kind.value, output)


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
    return run_command("init", "run_init", rubric, branch_type, period, fmt, output)


@app.command("convert")
def convert_command(
    source: Annotated[Path, typer.Argument(help="A ledger: .yaml/.yml or .xlsx.")],
    output: Annotated[Path, typer.Argument(help="The other kind: .xlsx or .yaml.")],
) -> int:
    """Convert a ledger between YAML and an Excel/WPS workbook (.xlsx), either way."""
    return run_command("convert", "run_convert", source, output)
