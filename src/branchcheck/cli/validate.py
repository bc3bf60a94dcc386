"""`branchcheck validate`: every problem in every ledger and rubric file, then one exit code.

Each file says what it is by its `format:` line:
- `branchcheck.ledger/1`: the ledger is read as `score` reads it (the schema, the checks
  against the rubric it names, the warnings), but not scored;
- `branchcheck.rubric/1`: the rubric's schema and rules (points, tiers, vocabulary);
- anything else gets one line saying what the file looks like: an error when it looks like a
  ledger or a rubric without its `format:` line (or with a misspelt one), a warning (and the
  file skipped) when it is some other YAML file, such as a CI configuration in the folder.

`--format text` (the default) writes each problem as a line on stderr as it is found;
`github` (workflow annotations) and `sarif` (SARIF 2.1.0) write them all at the end, to
stdout or `--output` (formats/diagnostics.py). The summary line stays on stderr.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BranchcheckError, Diagnostic
from ..formats.diagnostics import DIAGNOSTIC_FORMATS, Found, RuleId
from ..limits import time_limit
from ..loading import check_rubric_file, read_ledger
from ..loading import fast as fast_parse
from ..loading.filetypes import is_workbook
from ..loading.source import Source
from .faults import UsageError
from .output import emit, print_diagnostics, stderr_line
from .paths import check_names, yaml_files
from .target import check_not_input, plan_output

LEDGER = "branchcheck.ledger/1"
RUBRIC = "branchcheck.rubric/1"
# Top-level keys that only one kind of file has: enough to say what a file without its
# `format:` line was meant to be.
LEDGER_KEYS = ("branch", "period", "members", "events", "dues", "committee")
RUBRIC_KEYS = ("dimensions", "tiers", "total", "ratings", "standards")
SHOWN_KEYS = 5
_FORMAT_LINE = re.compile(r"^format[ \t]*:", re.MULTILINE)


@dataclass
class Tally:
    ledgers: int = 0
    rubrics: int = 0
    unreadable: int = 0  # not YAML, not a mapping, not readable: what it is cannot be told
    other: int = 0  # neither a ledger nor a rubric
    skipped: int = 0  # of those, other YAML files (a warning, not a problem)
    invalid: int = 0
    warned: int = 0
    code: int = 0
    collect: bool = False  # keep problems for a format rendered at the end
    found: list[Found] = field(default_factory=list)

    def report(self, diagnostics: Iterable[Diagnostic], rule: RuleId) -> None:
        if self.collect:
            self.found += [Found(d, rule) for d in diagnostics]
        else:
            print_diagnostics(diagnostics)

    def fail(self, code: int) -> None:
        self.invalid += 1
        self.code = max(self.code, code)

    def line(self) -> str:
        """`23 file(s) checked (20 ledgers, 3 rubrics), 0 with problems`."""
        total = self.ledgers + self.rubrics + self.unreadable + self.other
        kinds = [
            (self.ledgers, "ledger", "ledgers"),
            (self.rubrics, "rubric", "rubrics"),
            (self.unreadable, "unreadable", "unreadable"),
            (self.other, "neither", "neither"),
        ]
        parts = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in kinds if n)
        text = f"{total} file(s) checked ({parts}), {self.invalid} with problems"
        if self.warned:
            text += f", {self.warned} with warnings"
        if self.skipped:
            text += f"; {self.skipped} skipped"
        return text


def run_validate(paths: list[Path], fmt: str = "text", output: Path | None = None) -> int:
    check_names([*paths, output])
    if fmt == "text" and output is not None:
        raise UsageError(
            "--output", "text goes to stderr; --output is for --format github or sarif"
        )
    target = plan_output(output)
    files = yaml_files(paths)
    if not files:
        stderr_line("branchcheck: error: no .yaml, .yml or .xlsx files found")
        return 2
    check_not_input(target, files)
    tally = Tally(collect=fmt != "text")
    for path in files:
        if is_workbook(path):  # a workbook is a ledger: no `format:` line to tell
            _check_workbook(path, tally)
            continue
        try:
            with time_limit(str(path)):
                source, data = _read(path)
        except BranchcheckError as exc:  # unreadable, not YAML, not a mapping, too slow
            tally.report(exc.diagnostics, "unreadable")
            tally.unreadable += 1
            tally.fail(2)
            continue
        try:
            with time_limit(str(path)):
                _check(source, data, tally)
        except BranchcheckError as exc:  # too slow, or the rubric a ledger names unreadable
            tally.report(exc.diagnostics, "ledger")
            tally.fail(2)
    if tally.collect:
        emit(DIAGNOSTIC_FORMATS[fmt].render(tally.found), target)
    stderr_line(tally.line())
    return tally.code


def _check_workbook(path: Path, tally: Tally) -> None:
    try:
        with time_limit(str(path)):
            loaded = read_ledger(path)
    except BranchcheckError as exc:
        unreadable = all(d.cell is None for d in exc.diagnostics)  # not a workbook at all
        tally.report(exc.diagnostics, "unreadable" if unreadable else "ledger")
        if unreadable:
            tally.unreadable += 1
            tally.fail(2)
        else:
            tally.ledgers += 1
            tally.fail(1)
        return
    tally.ledgers += 1
    if loaded.warnings:
        tally.report(loaded.warnings, "ledger")
        tally.warned += 1


def _read(path: Path) -> tuple[Source, dict[str, Any]]:
    """The file's top-level data, to tell what it is; raises for a file that cannot be read."""
    source = Source(path)
    data = fast_parse.parse(source.text)
    if data is None:
        data, _ = source.strict()  # a syntax problem is raised here, with its position
    return source, data


def _check(source: Source, data: dict[str, Any], tally: Tally) -> None:
    kind = data.get("format")
    text = kind if isinstance(kind, str) else ""
    if text.startswith("branchcheck.ledger/"):  # another version: the schema says which
        kind = LEDGER
    elif text.startswith("branchcheck.rubric/"):
        kind = RUBRIC
    if kind == LEDGER:
        tally.ledgers += 1
        try:
            loaded = read_ledger(source.path)
        except BranchcheckError as exc:
            tally.report(exc.diagnostics, "ledger")
            tally.fail(1)
            return
        if loaded.warnings:
            tally.report(loaded.warnings, "ledger")
            tally.warned += 1
    elif kind == RUBRIC:
        tally.rubrics += 1
        problems = check_rubric_file(source.path)
        if problems:
            tally.report(sorted(problems, key=lambda d: (d.line, d.col)), "rubric")
            tally.fail(1)
    else:
        tally.other += 1
        diagnostic = _other(source, data, kind)
        tally.report([diagnostic], "other")
        if diagnostic.level == "error":
            tally.fail(1)
        else:
            tally.skipped += 1


def _other(source: Source, data: dict[str, Any], kind: object) -> Diagnostic:
    """One line for a file that is neither a ledger nor a rubric, saying what it looks like."""
    keys = [str(k) for k in data]
    ledgerish = [k for k in LEDGER_KEYS if k in data]
    rubricish = [k for k in RUBRIC_KEYS if k in data]
    found = _FORMAT_LINE.search(source.text)
    line = source.text.count("\n", 0, found.start()) + 1 if found else 1
    if kind is not None:  # a format this tool does not read
        guess = "ledger" if ledgerish and len(ledgerish) >= len(rubricish) else None
        guess = guess or ("rubric" if rubricish else None)
        said = f"format {str(kind)!r}"
        if guess is None:
            message = f"skipped: {said}: neither a ledger ({LEDGER}) nor a rubric ({RUBRIC})"
            return Diagnostic(source.name, line, 1, message, "warning")
        wanted = LEDGER if guess == "ledger" else RUBRIC
        return Diagnostic(
            source.name, line, 1, f"{said} is not read here; a {guess} has `format: {wanted}`"
        )
    if ledgerish and len(ledgerish) >= len(rubricish):
        return Diagnostic(
            source.name,
            1,
            1,
            f"looks like a ledger ({', '.join(ledgerish[:3])}) but has no `format:` line;"
            f" add `format: {LEDGER}` at the top",
        )
    if rubricish:
        return Diagnostic(
            source.name,
            1,
            1,
            f"looks like a rubric ({', '.join(rubricish[:3])}) but has no `format:` line;"
            f" add `format: {RUBRIC}` at the top",
        )
    shown = ", ".join(keys[:SHOWN_KEYS]) + (", …" if len(keys) > SHOWN_KEYS else "")
    return Diagnostic(
        source.name,
        1,
        1,
        f"skipped: not a ledger or a rubric (no `format:` line; top-level keys: {shown})",
        "warning",
    )
