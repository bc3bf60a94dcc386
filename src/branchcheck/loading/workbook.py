"""An .xlsx ledger as a source: the same models and rules as YAML, problems placed at cells.

    source = WorkbookSource(path)      # the workbook read into ledger data (workbook_read.py)
    ledger = source.validate(Ledger)   # the YAML loader's model, so scores are identical
    source.diagnostics(problems)       # `FILE:Sheet!C12: error: ...`

It stands in for loading.source.Source in `read_ledger`: the reading's own warnings (unknown
sheets and columns, unfilled rows) come out where Source's curly-quote warnings do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import BranchcheckError, Diagnostic
from .locate import Loc, _message, _significant, _union_message
from .source import Problem, _curly_values
from .workbook_book import Book, Issue, Key, Place
from .workbook_layout import SHEETS
from .workbook_read import read_workbook

M = TypeVar("M", bound=BaseModel)

# Each field's header, to name a field that has no cell: (sheet field, column field) -> header.
_HEADERS: dict[Key, str] = {}
for _sheet in SHEETS:
    for _column in _sheet.columns:
        if _column.field is not None:
            path = tuple(_column.field.split("."))
            _HEADERS[path if _sheet.shape == "pairs" else (_sheet.field, _column.field)] = (
                f"{_sheet.name}的「{_column.header}」"
            )


class WorkbookSource:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        self.book: Book = read_workbook(path)
        self.data: dict[str, Any] = self.book.data
        self._curly: list[tuple[Loc, str]] | None = None

    def _curly_found(self) -> list[tuple[Loc, str]]:
        if self._curly is None:
            self._curly = _curly_values(self.data, (), [])
        return self._curly

    def validate(self, model: type[M]) -> M:
        """The model, or every error: the reading's (a cell no field can read) with the
        schema's, so one run names them all."""
        read = [self._issue(i) for i in self.book.issues]
        try:
            validated = model.model_validate(self.data)
        except ValidationError as exc:
            raise BranchcheckError(self._schema(exc, model) + read) from None
        if any(i.level == "error" for i in self.book.issues):
            raise BranchcheckError(read)
        return validated

    def may_have_curly_quotes(self) -> bool:
        """Whether `curly_quotes` has anything: the reading's warnings, or curly quotes."""
        return bool(self.book.issues) or bool(self._curly_found())

    def curly_quotes(self) -> list[Problem]:
        read = [
            _IssueProblem((), i.message, i.level, kind=i.group, issue=i) for i in self.book.issues
        ]
        return read + [
            Problem(
                loc,
                f"{value!r} is wrapped in curly quotes, which stay part of the text; remove them",
                level="warning",
            )
            for loc, value in self._curly_found()
        ]

    def place(self, loc: Loc, *, at_key: bool = False) -> Place:
        """The cell of `loc`, or of its closest ancestor that has one; the sheet's A1 else."""
        parts = tuple(loc)
        if at_key and parts in self.book.keys:
            return self.book.keys[parts]
        for depth in range(len(parts), 0, -1):
            found = self.book.lookup(parts[:depth])
            if found is not None:
                return found
        sheet = self.book.sheets.get(str(parts[0])) if parts else None
        return sheet or self.book.sheets.get("", Place("支部", 1, 1, "支部"))

    def diagnostics(self, problems: list[Problem]) -> list[Diagnostic]:
        out = []
        for problem in problems:
            if isinstance(problem, _IssueProblem) and problem.issue is not None:
                out.append(self._issue(problem.issue))
                continue
            place = self.place(problem.loc, at_key=problem.at_key)
            out.append(self._at(place, problem.message, problem.level, problem.kind))
        return out

    def _at(
        self, place: Place, message: str, level: Any = "error", group: str | None = None
    ) -> Diagnostic:
        text = f"{place.header}: {message}" if place.header else message
        return Diagnostic(self.name, place.row, place.col, text, level, group, str(place))

    def _issue(self, issue: Issue) -> Diagnostic:
        if issue.place is None:
            return Diagnostic(self.name, 1, 1, issue.message, issue.level, issue.group)
        return Diagnostic(
            self.name,
            issue.place.row,
            issue.place.col,
            issue.message,
            issue.level,
            issue.group,
            str(issue.place),
        )

    def _schema(self, exc: ValidationError, model: type[Any]) -> list[Diagnostic]:
        """One line per cell, worded as the YAML loader words it (locate.py's messages)."""
        cells: dict[Place, list[Any]] = {}
        out: list[Diagnostic] = []
        unread = {i.place for i in self.book.issues if i.level == "error"}  # said at the cell
        for error in _significant(exc.errors(include_url=False), model):
            loc = tuple(error["loc"])
            place = self.place(loc)
            if error["type"] != "missing":
                cells.setdefault(place, []).append(error)
                continue
            if place in unread:
                continue  # a cell that could not be read is missing: its own error says why
            if self.book.lookup(loc) is not None:
                message = f"{place.header}: required, but this cell is empty"
            else:
                header = _HEADERS.get(loc) or _HEADERS.get(_row_field(loc)) or str(loc[-1])
                message = f"{header} is required; add it"
            out.append(Diagnostic(self.name, place.row, place.col, message, cell=str(place)))
        for place, errors in cells.items():
            own = [e for e in errors if e["type"] == "value_error"]  # ours say more
            message = (
                (_message(own[0], model) if own else None)
                or _union_message(errors)
                or _message(errors[0], model)
            )
            loc = errors[0]["loc"]
            shape = ".".join("*" if isinstance(p, int) else str(p) for p in loc)
            out.append(self._at(place, message, group=f"{errors[0]['type']}:{shape}"))
        return out


def _row_field(loc: tuple[Any, ...]) -> Key:
    """(`members`, 3, `name`) -> (`members`, `name`): a record field's header key."""
    return (loc[0], loc[-1]) if len(loc) >= 3 and isinstance(loc[1], int) else loc


@dataclass(frozen=True)
class _IssueProblem(Problem):
    """A problem the reading found, already at its cell."""

    issue: Issue | None = None
