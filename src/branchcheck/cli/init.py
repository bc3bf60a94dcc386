"""`branchcheck init`: a ledger template for one rubric, as YAML or as an .xlsx workbook."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..formats.ledger_template import build, parse_period, yaml_text
from ..formats.ledger_workbook import write_workbook
from ..loading import builtin_rubrics, load_rubric, rubric_file
from ..models.rubric import BRANCH_TYPES
from .convert import need_writer
from .faults import UsageError
from .output import emit, stderr_line
from .paths import check_names
from .target import check_not_input, plan_output, rubric_source


def run_init(
    rubric_ref: str,
    branch_type: str | None,
    period: str | None,
    fmt: str | None,
    output: Path | None,
) -> int:
    check_names([rubric_ref, output])
    if fmt is None:
        fmt = "xlsx" if output is not None and output.suffix.lower() == ".xlsx" else "yaml"
    if fmt == "xlsx" and output is None:
        raise UsageError("--format", "xlsx writes a file: add --output FILE.xlsx")
    if fmt == "xlsx":
        need_writer("--format")
    if branch_type is not None and branch_type not in BRANCH_TYPES:
        raise UsageError("--type", f"{branch_type!r}: expected one of {'、'.join(BRANCH_TYPES)}")
    text = period or str(dt.date.today().year)
    dates = parse_period(text)
    if dates is None:
        raise UsageError("--period", f"{text!r}: expected a year (2025) or a quarter (2025Q1)")
    target = plan_output(output)
    check_not_input(target, rubric_source(rubric_ref))
    rubric = load_rubric(rubric_ref)
    template = build(rubric, _reference(rubric_ref, output), dates, branch_type)
    if fmt == "xlsx":
        emit(write_workbook(template.data, template.extras), target)
    else:
        emit(yaml_text(template), target)
    if output is not None:
        stderr_line(f"wrote {output}; fill it in, then run: branchcheck score {output}")
    return 0


def _reference(ref: str, output: Path | None) -> str:
    """The rubric as the ledger names it: a built-in id, or its path from the ledger's folder."""
    if ref in builtin_rubrics():
        return ref
    found = rubric_file(ref)
    if found is None or output is None:
        return ref
    return os.path.relpath(os.path.abspath(found), os.path.dirname(os.path.abspath(output)))
