"""`branchcheck rubrics` and `rubrics show`: the built-in rubrics, and one as its 对照表."""

from __future__ import annotations

import sys
from pathlib import Path

from ..formats import RenderOptions
from ..formats.registry import CATALOGUE_FORMATS, RUBRIC_FORMATS
from ..loading import builtin_rubrics, load_rubric
from .format_needs import Extra, check_format
from .output import emit, terminal_width
from .paths import check_names
from .rubric_ref import known_rubric
from .target import STDOUT, check_not_input, plan_output, rubric_source

EXTRAS = {"xlsx": Extra("xlsxwriter", "XlsxWriter")}  # what a format needs installed


def run_list(fmt: str) -> int:
    rubrics = [(ident, load_rubric(path)) for ident, path in builtin_rubrics().items()]
    emit(CATALOGUE_FORMATS[fmt].render(rubrics, _options()), STDOUT)
    return 0


def run_show(ref: str, fmt: str, output: Path | None) -> int:
    check_names([ref, output])
    formatter = RUBRIC_FORMATS[fmt]
    target = plan_output(output)
    check_format(fmt, formatter.needs_output, output, target, EXTRAS.get(fmt))
    check_not_input(target, rubric_source(ref))
    rubric = known_rubric(ref, "rubrics show")
    to_terminal = target.kind == "stdout"
    options = _options() if to_terminal else RenderOptions(width=200)
    emit(formatter.render(rubric, options), target)
    return 0


def run_diff(old_ref: str, new_ref: str, fmt: str, output: Path | None) -> int:
    from ..formats.rubric_compare import DIFF_FORMATS
    from ..rubric_diff import diff

    check_names([old_ref, new_ref, output])
    target = plan_output(output)
    check_not_input(target, [*rubric_source(old_ref), *rubric_source(new_ref)])
    changes = diff(load_rubric(old_ref), load_rubric(new_ref))
    to_terminal = target.kind == "stdout"
    options = _options() if to_terminal else RenderOptions(width=200)
    emit(DIFF_FORMATS[fmt](changes, options), target)
    return 0


def _options() -> RenderOptions:
    return RenderOptions(width=terminal_width(), color=sys.stdout.isatty())
