"""A rubric named on the command line: a built-in id or a file. One that names neither is a
usage error about the option (`branchcheck: error: --rubric: …`), not a file position."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import one_line
from ..loading import builtin_rubrics, load_rubric, rubric_file
from ..models import Rubric
from .faults import UsageError

RUBRIC = "考评标准"  # as formats.labels.RUBRIC names it (cli imports no formats eagerly)


def known_rubric(ref: str, option: str = "--rubric") -> Rubric:
    """Load the rubric `ref` names, or raise a UsageError naming `option` and the built-in ids."""
    try:
        found = rubric_file(ref)
    except OSError:  # unreadable: loading it reports why
        found = Path(ref)
    if found is None:
        shown = one_line(ref)
        if Path(ref).suffix in (".yaml", ".yml") or os.sep in ref or "/" in ref:
            raise UsageError(option, f'找不到{RUBRIC}文件 "{shown}"')
        ids = "、".join(builtin_rubrics())
        raise UsageError(
            option, f'未知的{RUBRIC} "{shown}"：不是内置的{RUBRIC}（{ids}），也不是文件'
        )
    return load_rubric(ref)
