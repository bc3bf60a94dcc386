"""`branchcheck diff OLD NEW`: what changed between two results of a branch.

OLD and NEW are each a ledger (scored now), or a `score -f json` output (an array of one or a
single object); with `--archive FILE --branch ID` they are two periods kept in the archive
(2024Q3, 2024).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import ValidationError

from ..archive import Archive, query
from ..archive.diff import Snapshot, compare, from_archive, from_result
from ..engine import score
from ..errors import BranchcheckError, one_line
from ..formats import RenderOptions
from ..formats.cycle import DIFF_FORMATS
from ..limits import time_limit
from ..loading import builtin_rubrics, load_rubric, read_ledger
from ..loading.decode import read_text
from ..models.result import Result
from .faults import UsageError
from .output import emit, print_diagnostics, terminal_width
from .paths import check_names
from .target import check_not_input, plan_output, rubric_source


def run_diff(
    inputs: list[str],
    archive: Path | None,
    branch: str | None,
    rubric: str | None,
    fmt: str,
    output: Path | None,
) -> int:
    check_names([*inputs, archive, output, rubric])
    if len(inputs) != 2:
        raise UsageError("OLD NEW", f"give two results to compare, not {len(inputs)}")
    target = plan_output(output)
    if archive is not None:
        if branch is None:
            raise UsageError("--branch", "with --archive, name the branch: --branch ID")
        if rubric is not None:
            raise UsageError("--rubric", "archived results are already scored; not with --archive")
        check_not_input(target, [archive])
        with Archive.open(archive, create=False) as store:
            old, new = (_from_archive(store, branch, label) for label in inputs)
    else:
        if branch is not None:
            raise UsageError("--branch", "only with --archive")
        check_not_input(target, [*inputs, *rubric_source(rubric)])
        old, new = (_from_file(Path(name), rubric) for name in inputs)
    diff = compare(old, new)
    to_terminal = target.kind == "stdout"
    options = RenderOptions(
        width=terminal_width() if to_terminal else 200, color=to_terminal and sys.stdout.isatty()
    )
    emit(DIFF_FORMATS[fmt].render(diff, options), target)
    return 0


def _from_archive(store: Archive, branch: str, label: str) -> Snapshot:
    found = query.full(store, branch, label.upper())
    if not found:
        known = query.labels(store, branch)
        kept = f"kept: {', '.join(known)}" if known else "no results for this branch"
        raise BranchcheckError.at(
            str(store.path), 1, 1, f"no result for branch {branch!r} in period {label!r} ({kept})"
        )
    return from_archive(found[0], f"档案 {found[0].row.label}")


def _rank(rubric_id: str, version: str, tier: str) -> int | None:
    if rubric_id not in builtin_rubrics():
        return None
    rubric = load_rubric(rubric_id)
    ids = [t.id for t in rubric.tiers]
    return ids.index(tier) if rubric.version == version and tier in ids else None


def _from_file(path: Path, rubric: str | None) -> Snapshot:
    if path.suffix.lower() == ".json":
        result = _read_result(path)
        return from_result(
            result, path.name, _rank(result.rubric.id, result.rubric.version, result.tier.id)
        )
    with time_limit(str(path)):
        loaded = read_ledger(path, rubric)
        result = score(loaded.rubric, loaded.ledger)
    print_diagnostics(loaded.warnings)
    rank = [t.id for t in loaded.rubric.tiers].index(result.tier.id)
    return from_result(result, path.name, rank)


def _read_result(path: Path) -> Result:
    def fail(message: str) -> BranchcheckError:
        return BranchcheckError.at(str(path), 1, 1, message)

    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BranchcheckError.at(
            str(path), exc.lineno, exc.colno, f"not JSON: {exc.msg}"
        ) from None
    if isinstance(data, list):
        if len(data) != 1:
            raise fail(f"holds {len(data)} results; give a file with one (score one ledger)")
        data = data[0]
    try:
        return Result.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise fail(
            f"not a branchcheck result (`score -f json` output): {where}: {one_line(first['msg'])}"
        ) from None
