"""The command line: thin typer wiring. The only package that imports typer.

Exit codes: 0 done; 1 a gate failed or a rubric is invalid (`validate`); 2 bad input or
usage; 3 an internal error (a bug: please report it); 130 interrupted; 141 stdout's reader
went away. See cli/faults.py.
"""

from __future__ import annotations

import typer
from typer.exceptions import TyperException

# The commands register themselves on `app` as their modules are imported, in the order
# `--help` lists them.
# isort: off
from . import commands_scoring  # noqa: F401
from . import commands_cycle  # noqa: F401
from . import commands_files  # noqa: F401
from . import commands_rubrics  # noqa: F401

# isort: on
from .app import BUILTIN_TIERS, app
from .commands_scoring import ReportChoice, ScoreChoice
from .faults import guarded, prepare_standard_streams
from .output import stderr_line, write_stdout

__all__ = ["BUILTIN_TIERS", "ReportChoice", "ScoreChoice", "app", "main"]


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
