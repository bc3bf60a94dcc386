"""`branchcheck convert IN OUT`: a ledger from YAML to an .xlsx workbook, or back.

The ledger is read as `score` reads it (the schema; the rubric only for the workbook's
drop-downs and 说明 sheet, when it can be found) and written whole, never over the input.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ..errors import BranchcheckError
from ..formats.ledger_extras import Extras, period_months
from ..formats.ledger_template import instructions
from ..formats.ledger_workbook import write_workbook
from ..formats.ledger_yaml import ledger_yaml
from ..limits import time_limit
from ..loading import load_rubric, rubric_file
from ..loading.filetypes import is_workbook
from ..loading.source import Source
from ..loading.workbook import WorkbookSource
from ..models import Ledger
from ..models.checks import RatingCheck
from .faults import UsageError
from .output import emit, print_diagnostics
from .paths import check_names
from .target import check_not_input, plan_output

YAML_SUFFIXES = (".yaml", ".yml")


def need_writer(option: str) -> None:
    """Writing a workbook needs openpyxl (the `xlsx` extra): a usage error, not a crash."""
    if importlib.util.find_spec("openpyxl") is None:
        raise UsageError(option, "writing .xlsx needs openpyxl: pip install 'branchcheck[xlsx]'")


def run_convert(source: Path, output: Path) -> int:
    check_names([source, output])
    to_workbook = _kind(output, "OUT") == "xlsx"
    if _kind(source, "IN") == ("xlsx" if to_workbook else "yaml"):
        raise UsageError("OUT", "converts YAML to .xlsx or .xlsx to YAML; give the other kind")
    if to_workbook:
        need_writer("OUT")
    target = plan_output(output)
    check_not_input(target, [source])
    with time_limit(str(source)):
        if to_workbook:
            ledger = Source(source).validate(Ledger)
            data: bytes | str = write_workbook(_data(ledger), _extras(ledger, source))
        else:
            workbook = WorkbookSource(source)
            ledger = workbook.validate(Ledger)
            data = ledger_yaml(ledger, f"converted from {source.name} by branchcheck convert")
            warned = workbook.diagnostics(workbook.curly_quotes())  # what was not read, said
    emit(data, target)
    if not to_workbook:
        print_diagnostics(warned)
    return 0


def _kind(path: Path, which: str) -> str:
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES:
        return "yaml"
    if is_workbook(path):
        return "xlsx"
    raise UsageError(which, f"{path.name}: expected a .yaml, .yml or .xlsx file name")


def _data(ledger: Ledger) -> dict[str, object]:
    return ledger.model_dump(mode="python", by_alias=True, exclude_none=True)


def _extras(ledger: Ledger, source: Path) -> Extras:
    """The rubric's event types and rating levels for the drop-downs, when it can be found."""
    months = period_months(ledger.period.start, ledger.period.end)
    found = rubric_file(ledger.rubric, source.parent) if ledger.rubric else None
    if found is None:
        return Extras(months=months)
    try:
        rubric = load_rubric(found)
    except BranchcheckError:
        return Extras(months=months)  # scoring will say what is wrong with it
    levels = [*rubric.ratings]
    for _, norm in rubric.norms:
        if isinstance(norm.check, RatingCheck) and norm.check.levels:
            levels += list(norm.check.levels)
    return Extras(
        event_types=tuple(rubric.events),
        rating_levels=tuple(dict.fromkeys(levels)),
        months=months,
        instructions=tuple(instructions(rubric, ledger.period.start, ledger.period.end)),
    )
