"""The typer application and what its commands share: the options, and how a command's module
is imported and run. The commands themselves are in cli/commands_*.py."""

from __future__ import annotations

import atexit
import gc
import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from .faults import shielded
from .output import write_stdout

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


def run_command(module: str, function: str, *args: object) -> int:
    """Import a command's module (it may take a while) and run it, both shielded from click's
    handling of Ctrl-C and broken pipes."""

    def body() -> int:
        name = f"{__package__}.{module}"
        with _collector_paused(first=name not in sys.modules):
            command = getattr(importlib.import_module(name), function)
        return int(command(*args))

    return shielded(body)


class _StartUp:
    paused = False  # main() paused the collector: the command's import resumes it


def pause_collector() -> bool:
    """Called first by main(): start-up (typer reading the command line, pydantic's first
    schemas) also makes long-lived objects, and the collector walked them some 30 times
    (~6 ms of a one-ledger run) before the command's import paused it. False if the
    collector was off already (then it is left as it is)."""
    if not gc.isenabled():
        return False
    gc.disable()
    _StartUp.paused = True
    return True


def resume_collector() -> None:
    """Undo pause_collector, if the command's import has not already (`--help`, a usage
    error: no command ran)."""
    if _StartUp.paused:
        _StartUp.paused = False
        gc.enable()


@contextmanager
def _collector_paused(first: bool) -> Iterator[None]:
    """A command's first import makes tens of thousands of objects that live as long as the
    process (modules, classes, pydantic's schemas): the cyclic collector, run every 700
    allocations, would walk them again and again (~5 ms of a one-ledger run), and every later
    collection of a batch too. So it pauses while they are made (from main()'s start, see
    pause_collector), and they are then set aside with gc.freeze (what the gc docs advise,
    also for forked workers)."""
    if not first:
        yield
        resume_collector()
        return
    if not (gc.isenabled() or _StartUp.paused):
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        _StartUp.paused = False
        gc.enable()


@cache
def skip_collection_at_exit() -> None:
    """At exit the interpreter collects cycles one last time, walking every object still
    alive (some 40,000 after a one-ledger report: ~35 ms, a tenth of the run) only to free
    memory the process is about to give back. Freezing them first spares the walk; module
    teardown and the other exit handlers (temporary files, pools) run as before."""
    atexit.register(gc.freeze)


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
