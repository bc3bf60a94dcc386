"""Imported first by the CLI package: the cyclic collector pauses while typer, click and the
commands' wiring load, and what they made is then set aside with gc.freeze, as the command's
own import does (cli/app.py): objects that live as long as the process, which the collector
walked some 25 times (~3.5 ms of every command's start)."""

from __future__ import annotations

import gc

_WAS_ENABLED = gc.isenabled()
gc.disable()


def loaded() -> None:
    if _WAS_ENABLED:
        gc.freeze()
        gc.enable()
