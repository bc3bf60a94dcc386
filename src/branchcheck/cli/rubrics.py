"""`branchcheck rubrics` and `rubrics show`: the built-in rubrics, and one as its 对照表."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.table import Table

from ..formats import RenderOptions
from ..formats.escape import terminal
from ..formats.json_format import dumps
from ..formats.markdown import md_table
from ..formats.rubric_view import (
    CATALOGUE_HEADER,
    catalogue_entry,
    catalogue_rows,
    rubric_json,
    rubric_markdown,
    rubric_table,
)
from ..formats.table import render_to_text
from ..loading import builtin_rubrics, load_rubric
from .output import emit, terminal_width
from .paths import check_names
from .target import STDOUT, check_not_input, plan_output, rubric_source


def run_list(fmt: str) -> int:
    rubrics = [(ident, load_rubric(path)) for ident, path in builtin_rubrics().items()]
    rows = catalogue_rows(rubrics)
    if fmt == "json":
        text = dumps([catalogue_entry(ident, rubric) for ident, rubric in rubrics])
    elif fmt == "markdown":
        text = "\n".join(md_table(CATALOGUE_HEADER, rows)) + "\n"  # type: ignore[arg-type]
    else:
        table = Table(header_style="bold")
        for header in CATALOGUE_HEADER:
            table.add_column(header, overflow="fold")
        for row in rows:
            table.add_row(*(terminal(cell) for cell in row))
        text = render_to_text([table], _options())
    emit(text, STDOUT)
    return 0


def run_show(ref: str, fmt: str, output: Path | None) -> int:
    check_names([ref, output])
    target = plan_output(output)
    check_not_input(target, rubric_source(ref))
    rubric = load_rubric(ref)
    if fmt == "json":
        text = rubric_json(rubric)
    elif fmt == "markdown":
        text = rubric_markdown(rubric)
    else:
        to_terminal = target.kind == "stdout"
        text = rubric_table(rubric, _options() if to_terminal else RenderOptions(width=200))
    emit(text, target)
    return 0


def _options() -> RenderOptions:
    return RenderOptions(width=terminal_width(), color=sys.stdout.isatty())
