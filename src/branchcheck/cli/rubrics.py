"""`branchcheck rubrics` and `rubrics show`: the built-in rubrics, and one as its 对照表."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from ..formats import RenderOptions
from ..formats.registry import CATALOGUE_FORMATS, RUBRIC_FORMATS
from ..loading import builtin_rubrics, load_rubric
from .faults import UsageError
from .output import emit, terminal_width
from .paths import check_names
from .rubric_ref import known_rubric
from .target import STDOUT, check_not_input, plan_output, rubric_source

EXTRAS = {"xlsx": ("xlsxwriter", "XlsxWriter")}  # format -> (module, package) it needs


def run_list(fmt: str) -> int:
    rubrics = [(ident, load_rubric(path)) for ident, path in builtin_rubrics().items()]
    emit(CATALOGUE_FORMATS[fmt].render(rubrics, _options()), STDOUT)
    return 0


def run_show(ref: str, fmt: str, output: Path | None) -> int:
    check_names([ref, output])
    formatter = RUBRIC_FORMATS[fmt]
    if formatter.needs_output and output is None:
        raise UsageError("--format", f"{fmt} writes a file: add --output FILE")
    module, name = EXTRAS.get(fmt, (None, None))
    if module is not None and importlib.util.find_spec(module) is None:
        raise UsageError("--format", f"{fmt} needs {name}: pip install 'branchcheck[report]'")
    target = plan_output(output)
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
