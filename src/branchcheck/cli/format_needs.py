"""What an output format needs before any work is done: a file to go to, and its extra.

One rule for every command with formats that write files (`report`, `trend`, `alerts`,
`rubrics show`, `notice`): such a
format (a workbook, a page) needs `--output FILE`; `-o -` sends it to a pipe but not to a
terminal; a format whose optional extra is missing says what to install. All checked before a
ledger is read, so a mistake costs nothing.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path

from .faults import UsageError
from .target import Target


@dataclass(frozen=True)
class Extra:
    """The module a format imports, the package that provides it, and the extra naming it."""

    module: str
    package: str
    extra: str = "report"


def check_format(
    fmt: str, needs_output: bool, output: Path | None, target: Target, extra: Extra | None
) -> None:
    if needs_output and output is None:
        raise UsageError("--format", f"{fmt} writes a file: add --output FILE")
    if needs_output and target.kind == "stdout" and sys.stdout.isatty():
        raise UsageError("--format", f"{fmt} is not for a terminal: give --output FILE")
    if extra is None:
        return
    try:  # imported now, not found only: a broken install is told before any work
        importlib.import_module(extra.module)
    except ImportError:
        raise UsageError(
            "--format", f"{fmt} needs {extra.package}: pip install 'branchcheck[{extra.extra}]'"
        ) from None
