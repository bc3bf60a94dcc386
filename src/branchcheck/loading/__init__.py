"""Reading rubrics and ledgers: bytes -> text -> data -> frozen models, or precise errors."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BranchcheckError, Diagnostic, InvalidRubric, fold
from ..models import Ledger, Rubric
from .filetypes import is_workbook
from .ledger_rules import ledger_problems
from .rubric_rules import rubric_problems
from .source import Problem, Source

if TYPE_CHECKING:
    from .workbook import WorkbookSource

__all__ = [
    "LoadedLedger",
    "builtin_rubrics",
    "load_ledger",
    "load_rubric",
    "read_ledger",
    "rubric_file",
]


@cache
def builtin_rubrics() -> dict[str, Path]:
    """Built-in rubric ids and their files, shipped inside the package (read once)."""
    folder = resources.files("branchcheck.rubrics")  # the top-level rubrics/ folder
    return {
        entry.name.removesuffix(".yaml"): Path(str(entry))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml")
    }


def rubric_file(ref: str | os.PathLike[str], base: Path | None = None) -> Path | None:
    """The file a rubric reference names: a built-in id, or a path (relative to `base`)."""
    text = os.fspath(ref)
    builtin = builtin_rubrics().get(text)
    if builtin is not None:
        return builtin
    path = Path(text)
    if base is not None and not path.is_absolute():
        path = base / path
    try:
        return path if path.exists() else None
    except (OSError, ValueError):  # a name too long for the system, a NUL in it
        return None


def load_rubric(ref: str | os.PathLike[str]) -> Rubric:
    """A built-in rubric by id, or a rubric file by path; raises BranchcheckError."""
    path = rubric_file(ref)
    if path is None:
        text = os.fspath(ref)
        if Path(text).suffix in (".yaml", ".yml") or os.sep in text or "/" in text:
            raise BranchcheckError.at(text, 1, 1, "rubric file not found")
        known = ", ".join(builtin_rubrics())
        raise BranchcheckError.at(
            text, 1, 1, f"unknown rubric: not a built-in id ({known}) nor a file"
        )
    return _rubric_at(path)


def _rubric_at(path: Path) -> Rubric:
    """The rubric in a file found to exist (by `rubric_file`)."""
    try:
        stat = os.stat(path)
        # Cached by the absolute path's text: never on a relative path, and no Path to build
        # and hash per ledger (0.01 ms a ledger, measured).
        resolved = _resolved(os.path.abspath(path))
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        raise BranchcheckError.at(str(path), 1, 1, f"cannot read file: {exc}") from None
    return _load_rubric_file(resolved, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _resolved(path: str) -> Path:
    return Path(path).resolve()


@lru_cache(maxsize=32)
def _load_rubric_file(path: Path, mtime_ns: int, size: int) -> Rubric:
    # Keyed on mtime and size so a batch loads each rubric once but never sees a stale one.
    source = Source(path)
    rubric = source.validate(Rubric)
    problems = rubric_problems(rubric)
    if problems:
        raise InvalidRubric(source.diagnostics(problems))
    return rubric


def check_rubric_file(path: Path) -> list[Diagnostic]:
    """Every problem in one rubric file (for `validate`); raises only for unreadable files."""
    source = Source(path)
    try:
        rubric = source.validate(Rubric)
    except BranchcheckError as exc:
        if source.pos is None:  # never parsed strictly: a syntax problem, not a schema one
            raise
        return exc.diagnostics
    return fold(source.diagnostics(rubric_problems(rubric)))


@dataclass(frozen=True)
class LoadedLedger:
    ledger: Ledger
    rubric: Rubric
    rubric_file: Path  # read too: commands that write must never write onto it
    warnings: list[Diagnostic] = field(default_factory=list)


def read_ledger(path: Path, rubric: str | os.PathLike[str] | Rubric | None = None) -> LoadedLedger:
    """Load a ledger and its rubric (`rubric` overrides the ledger's own), checked together."""
    source: Source | WorkbookSource
    if is_workbook(path):
        from .workbook import WorkbookSource  # lazily: the .xlsx reader takes ~15 ms to import

        source = WorkbookSource(path)
    else:
        source = Source(path)
    ledger = source.validate(Ledger)
    if isinstance(rubric, Rubric):
        resolved, resolved_file = rubric, path  # given in memory: no file of its own
    elif rubric is not None:
        resolved = load_rubric(rubric)
        resolved_file = rubric_file(rubric) or path
    elif ledger.rubric is None:
        raise BranchcheckError(
            source.diagnostics([Problem((), "no rubric: add `rubric: ID` or pass --rubric")])
        )
    else:
        found = rubric_file(ledger.rubric, path.parent)
        if found is None:
            known = ", ".join(builtin_rubrics())
            raise BranchcheckError(
                source.diagnostics(
                    [
                        Problem(
                            ("rubric",),
                            f"unknown rubric {ledger.rubric!r}: not a built-in id ({known})"
                            " nor a file next to the ledger",
                        )
                    ]
                )
            )
        resolved, resolved_file = _rubric_at(found), found  # found: no second look-up
    problems = ledger_problems(ledger, resolved)
    if not problems and not source.may_have_curly_quotes():
        return LoadedLedger(ledger, resolved, resolved_file)
    diagnostics = source.diagnostics(problems + source.curly_quotes())
    errors = [d for d in diagnostics if d.level == "error"]
    if errors:
        raise BranchcheckError(errors)
    return LoadedLedger(ledger, resolved, resolved_file, fold(diagnostics))


def load_ledger(
    path: str | os.PathLike[str], rubric: str | os.PathLike[str] | Rubric | None = None
) -> Ledger:
    """The public API: a checked ledger model (warnings are dropped; the CLI shows them)."""
    return read_ledger(Path(path), rubric).ledger
