"""One input file: its text, its data by the fast or strict parse, and positions on demand."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import BranchcheckError, Diagnostic, Level, visible
from . import fast
from .decode import read_text
from .locate import Loc, diagnostics_from, locate
from .positions import MapPos, Pos

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """A rule broken at `loc` (a path into the file's data); becomes a Diagnostic."""

    loc: Loc
    message: str
    level: Level = "error"
    at_key: bool = False
    kind: str | None = None  # problems of one kind fold into one line (errors.fold)


class Source:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        self.text = read_text(path)
        self._strict: tuple[Any, Pos] | None = None

    def strict(self) -> tuple[Any, Pos]:
        if self._strict is None:
            from . import strict  # PyYAML is loaded only when a file needs it

            data, pos = strict.parse(self.text, self.name)
            if data is None:  # `---` alone, or `~`: a document with nothing in it
                raise BranchcheckError.at(self.name, 1, 1, "file is empty (no `key: value` lines)")
            if not isinstance(data, dict) or not isinstance(pos, MapPos):
                raise BranchcheckError.at(self.name, pos.line, pos.col, _not_a_mapping(self.text))
            self._strict = data, pos
        return self._strict

    def validate(self, model: type[M]) -> M:
        data = fast.parse(self.text)
        if data is not None:
            try:
                return model.model_validate(data)
            except ValidationError:
                pass  # the strict parse decides, and says where
        data, pos = self.strict()
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise BranchcheckError(diagnostics_from(exc, model, self.name, data, pos)) from None

    def may_have_curly_quotes(self) -> bool:
        text = self.text
        for match in _CURLY_VALUE.finditer(text):
            # A value's start: only spaces back to a ':', '[', '{', ',', '- ' or the line start.
            i = match.start() - 1
            while i >= 0 and text[i] in " \t":
                i -= 1
            if (
                i < 0
                or text[i] in ":[{,\n"
                or (text[i] == "-" and (i == 0 or text[i - 1] in " \n"))
            ):
                return True
        return False

    def curly_quotes(self) -> list[Problem]:
        """Warnings for values wrapped in Word/WeChat curly quotes, which YAML keeps as text."""
        if not self.may_have_curly_quotes():
            return []
        data, _ = self.strict()
        return [
            Problem(
                loc,
                f"value '{visible(value)}' is wrapped in curly quotes, which stay part of the"
                " text; remove them (YAML quotes are the ASCII \" and ')",
                level="warning",
            )
            for loc, value in _strings(data, ())
            if _CURLY.fullmatch(value)
        ]

    def diagnostics(self, problems: list[Problem]) -> list[Diagnostic]:
        data, pos = self.strict()
        out = []
        for problem in problems:
            line, col, path = locate(pos, data, problem.loc, at_key=problem.at_key)
            text = f"{path}: {problem.message}" if path else problem.message
            out.append(Diagnostic(self.name, line, col, text, problem.level, problem.kind))
        return out


# A value that may be wholly wrapped in curly quotes: a curly quote to a value's end with no
# flow punctuation between (led by the quote, so the search is fast on long text). Only
# files with such a candidate pay for the walk that finds the exact values.
# Inner quoted phrases are allowed one level deep: “到社区开展“双报到”志愿服务”.
_CURLY_VALUE = re.compile(
    r"[“‘](?:[^\n,\[\]{}“‘]|[“‘][^\n,\[\]{}“‘]*[”’])*[”’][ \t]*(?:$|[,\]}#])", re.MULTILINE
)
_CURLY = re.compile(r"“.*”|‘.*’", re.DOTALL)


def _strings(data: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*loc, index))
    elif isinstance(data, str):
        yield loc, data


def _not_a_mapping(text: str) -> str:
    message = "top level must be 'key: value' lines"
    if "：" in text:
        return (
            message + " (full-width colon '：' used? YAML needs an ASCII ':' followed by a space)"
        )
    if "\t" in text:
        return message + " (rows pasted from Excel? write one `key: value` per line)"
    if re.search(r"^[^\s:#]+:\S", text, re.MULTILINE):
        return message + " (YAML needs a space after ':')"
    return message
