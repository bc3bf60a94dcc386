"""`rubrics`: the built-in rubrics, one rubric as its 对照表, two rubrics compared."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from ..formats.registry import CATALOGUE_FORMATS, RUBRIC_FORMATS
from .app import (
    OutputOpt,
    rubrics_app,
    run_command,
)

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
        raise typer.Exit(run_command("rubrics", "run_list", fmt.value))


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
    return run_command("rubrics", "run_show", rubric, fmt.value, output)


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
    return run_command("rubrics", "run_diff", old, new, fmt.value, output)
