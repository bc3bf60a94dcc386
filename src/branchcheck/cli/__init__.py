"""The command line: thin typer wiring. The only package that imports typer.

Exit codes: 0 done; 1 a gate failed or a rubric is invalid (`validate`); 2 bad input or
usage; 3 an internal error (a bug: please report it); 130 interrupted; 141 stdout's reader
went away. See cli/faults.py.
"""

from __future__ import annotations

import copy
import os
import sys

# isort: off
from . import startup  # first: it pauses the collector while the rest loads

import typer
from typer.exceptions import TyperException

# The commands register themselves on `app` as their modules are imported, in the order
# `--help` lists them.
from . import commands_scoring  # noqa: F401
from . import commands_cycle  # noqa: F401
from . import commands_files  # noqa: F401
from . import commands_rubrics  # noqa: F401

# isort: on
from .app import BUILTIN_TIERS, app, pause_collector, resume_collector, skip_collection_at_exit
from .commands_scoring import ReportChoice, ScoreChoice
from .faults import guarded, prepare_standard_streams
from .output import stderr_line, write_stdout

__all__ = ["BUILTIN_TIERS", "ReportChoice", "ScoreChoice", "app", "main"]

startup.loaded()


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; map every outcome to an exit code in one place (cli/faults.py)."""
    prepare_standard_streams()
    # pydantic looks for plugins in every installed distribution's entry points when it builds
    # its first model (~4 ms among 50 distributions, more in a big environment), and a plugin
    # may watch or alter validation: the CLI's results must not depend on what else is
    # installed. PYDANTIC_DISABLE_PLUGINS is pydantic's documented switch (typer sets it while
    # building its own validators); a value the user set, even empty, is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    skip_collection_at_exit()
    pause_collector()
    try:
        return guarded(lambda: _dispatch(argv))
    finally:
        resume_collector()


def _dispatch(argv: list[str] | None) -> int:
    command = typer.main.get_command(_app_for(sys.argv[1:] if argv is None else argv))
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


def _app_for(args: list[str]) -> typer.Typer:
    """`app` with only the command `args` names, if it names one: typer turns every command's
    signature into click options before it parses anything (~17 ms for all of them, 2 ms for
    one), and a run needs one. `--help`, `--version`, a mistyped command: the whole app,
    which lists or suggests them all."""
    name = args[0] if args else None
    commands = [info for info in app.registered_commands if info.name == name]
    groups = [info for info in app.registered_groups if info.name == name]
    if not commands and not groups:
        return app
    one = copy.copy(app)  # the same settings and root callback
    one.registered_commands = commands
    one.registered_groups = groups
    return one
