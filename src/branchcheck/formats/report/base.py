"""The report formatter interface: a per-branch fragment (made where the ledger is scored,
possibly in another process) and a writer that streams the whole report to a binary file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

if TYPE_CHECKING:  # the registry is read at start-up; the models are built when writing
    from ...models.result import Result
    from ...report.model import Summary
    from ...report.rows import BranchRow
    from ..base import RenderOptions

Fragments = Callable[[str], Iterator[Any]]  # rubric id -> that rubric's fragments, input order


def no_fragment(result: Result, row: BranchRow) -> None:
    """For formats that need nothing beyond the branch row."""
    return None


@dataclass(frozen=True)
class ReportContext:
    summary: Summary
    fragments: Fragments
    options: RenderOptions
    as_of: dt.date | None = None  # the 通报's date (`report --as-of`); None: undated


class ReportFormat(Protocol):
    needs_output: bool  # binary or too big for a terminal: `--output` required
    writes_bulletin: bool  # carries the 通报 (dated by `--as-of`, refused for the others)

    @property
    def fragment(self) -> Callable[[Result, BranchRow], Any]:
        """The per-branch part, made where the ledger is scored; module-level, so it pickles."""
        ...

    def write(self, context: ReportContext, out: BinaryIO) -> None: ...


def ordered_rows(rows: list[BranchRow]) -> list[BranchRow]:
    """Branches weakest first: what a 通报 acts on."""
    return sorted(rows, key=lambda r: (r.score, r.parent, r.id, r.file))
