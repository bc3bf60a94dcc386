"""One input file, read once, in one line: bytes -> text -> data -> model, positions on demand.

    source = Source(path)              # bytes -> text (decode.py: BOM, UTF-8, forbidden characters)
    model = source.validate(Ledger)    # text -> data (fast.py, else strict.py) -> model
    source.diagnostics(problems)       # positions, only for the paths that have problems

The data comes from the fast path when it can (yaml-rs) and from the strict parse otherwise;
a schema error always comes from the strict parse, which knows every position. A problem
found later (a ledger rule, a warning) is placed by `where`: from the strict parse's
positions if it ran, else from the file's lines (line_positions.LinePositions), which parse
only the entry holding the path (nothing at all for a problem at a block mapping's key); only
when those are unsure is the whole file parsed again. Curly-quote warnings read the same
lines: only the entries whose lines hold a curly quote are walked for values wrapped in them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import BranchcheckError, Diagnostic, Level, visible
from . import fast
from .decode import read_text
from .locate import Loc, diagnostics_from, locate, resolve
from .pos_tree import MapPos, Pos

if TYPE_CHECKING:
    from .line_positions import LinePositions

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
        self.data: dict[str, Any] | None = None  # set by validate: the data the model read
        self.pos: Pos | None = None  # set when the strict parse ran: every position
        self._lines: LinePositions | None = None
        self._maybe_curly: bool | None = None

    def strict(self) -> tuple[dict[str, Any], Pos]:
        """The strict parse's data and positions (parsed once, when first needed)."""
        if self.pos is None:
            from . import strict  # PyYAML is loaded only when a file needs it

            data, pos = strict.parse(self.text, self.name)
            if data is None:  # `---` alone, or `~`: a document with nothing in it
                raise BranchcheckError.at(self.name, 1, 1, "file is empty (no `key: value` lines)")
            if not isinstance(data, dict) or not isinstance(pos, MapPos):
                raise BranchcheckError.at(self.name, pos.line, pos.col, _not_a_mapping(self.text))
            self.data, self.pos = data, pos
        assert self.data is not None
        return self.data, self.pos

    def validate(self, model: type[M]) -> M:
        data = fast.parse(self.text)
        if data is not None:
            try:
                validated = model.model_validate(data)
            except ValidationError:
                pass  # the strict parse decides, and says where
            else:
                self.data = data
                return validated
        data, pos = self.strict()
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise BranchcheckError(diagnostics_from(exc, model, self.name, data, pos)) from None

    def where(self, loc: Loc, *, at_key: bool = False) -> tuple[int, int, str]:
        """Line, column and readable path of `loc` in the validated data."""
        if self.pos is None and self.data is not None:
            found = resolve(self.data, loc)
            if found is not None:
                steps, path = found
                place = self.lines().find(steps, at_key=at_key)
                if place is not None:
                    line, col, key = place
                    return (*key, path) if at_key and key is not None else (line, col, path)
        data, pos = self.strict()  # unsure, or nothing validated yet: parse it all
        return locate(pos, data, loc, at_key=at_key)

    def may_have_curly_quotes(self) -> bool:
        if self._maybe_curly is None:  # asked before the rules' problems and again after
            self._maybe_curly = self._curly_candidate()
        return self._maybe_curly

    def _curly_candidate(self) -> bool:
        return curly_candidate(self.text)

    def curly_quotes(self) -> list[Problem]:
        """Warnings for values wrapped in Word/WeChat curly quotes, which YAML keeps as text.

        Read from the validated data: both parses give every string value alike."""
        if not self.may_have_curly_quotes():
            return []
        return [
            Problem(
                loc,
                f"value '{visible(value)}' is wrapped in curly quotes, which stay part of the"
                " text; remove them (YAML quotes are the ASCII \" and ')",
                level="warning",
            )
            for loc, value in self._curly_found()
        ]

    def _curly_found(self) -> list[tuple[Loc, str]]:
        """The values wholly in curly quotes, in the file's order. In data the fast path read
        (no escapes: each character stands in the text as itself), only the entries whose
        lines hold a curly quote are walked: a few of a ledger's hundreds (0.3 ms less on a
        ledger with such a value, measured); else the whole data."""
        if self.pos is None and self.data is not None:
            found = curly_in_lines(self.lines())
            if found is not None:
                return found
        data = self.data if self.data is not None else self.strict()[0]
        return _curly_values(data, (), [])

    def lines(self) -> LinePositions:
        """Positions from the file's lines (for data the fast path read)."""
        assert self.data is not None
        if self._lines is None:
            from .line_positions import LinePositions  # loaded by the first file with a problem

            self._lines = LinePositions(self.text, self.data, self.name)
        return self._lines

    def diagnostics(self, problems: list[Problem]) -> list[Diagnostic]:
        out = []
        for problem in problems:
            line, col, path = self.where(problem.loc, at_key=problem.at_key)
            text = f"{path}: {problem.message}" if path else problem.message
            out.append(Diagnostic(self.name, line, col, text, problem.level, problem.kind))
        return out


# A value that may be wholly wrapped in curly quotes: a curly quote to a value's end with no
# brackets between (led by the quote, so the search is fast on long text). Only files with
# such a candidate pay for the walk that finds the exact values. Commas may stand inside: a
# block value keeps them (`name: “甲, 乙”`), and in flow a wider candidate only costs the walk.
# Inner quoted phrases are allowed one level deep: “到社区开展“双报到”志愿服务”.
_CURLY_VALUE = re.compile(
    r"[“‘](?:[^\n\[\]{}“‘]|[“‘][^\n\[\]{}“‘]*[”’])*[”’][ \t]*(?:$|[,\]}#])", re.MULTILINE
)
_CURLY = re.compile(r"“.*”|‘.*’", re.DOTALL)
_OPENERS = ("“", "‘")


def curly_candidate(text: str) -> bool:
    """Whether a curly quote opens a value (only spaces back to a ':', '[', '{', ',', '- ' or
    the line start) and `_CURLY_VALUE` matches from there. The regex runs only at such a
    quote: most curly quotes stand inside text (“三会一课”), and a search for one character
    finds each (0.03 ms less on a five-star ledger than trying the regex at every quote)."""
    for start in _offsets(text, _OPENERS[0]) + _offsets(text, _OPENERS[1]):
        i = start - 1
        while i >= 0 and text[i] in " \t":
            i -= 1
        if (
            i < 0 or text[i] in ":[{,\n" or (text[i] == "-" and (i == 0 or text[i - 1] in " \n"))
        ) and _CURLY_VALUE.match(text, start):
            return True
    return False


def curly_in_lines(lines: LinePositions) -> list[tuple[Loc, str]] | None:
    """`_curly_values` of the data, walking only the entries whose lines hold a curly quote
    (for data the fast path read from these lines); None when the lines are unsure."""
    text = lines.text
    found = lines.holding(sorted(_offsets(text, _OPENERS[0]) + _offsets(text, _OPENERS[1])))
    if found is None:
        return None
    out: list[tuple[Loc, str]] = []
    for loc, value in found:
        _curly_values({loc[-1]: value}, loc[:-1], out)
    return out


def _offsets(text: str, char: str) -> list[int]:
    """Where `char` stands in `text` (a search per occurrence: a text holds a few)."""
    out = []
    at = text.find(char)
    while at >= 0:
        out.append(at)
        at = text.find(char, at + 1)
    return out


def _curly_values(data: Any, loc: Loc, out: list[tuple[Loc, str]]) -> list[tuple[Loc, str]]:
    """The string values wholly in curly quotes, with their paths, in the file's order (a
    plain walk: a ledger has thousands of values, and generators cost several times more)."""
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        if isinstance(value, str):
            if value[:1] in _OPENERS and _CURLY.fullmatch(value):
                out.append(((*loc, key), value))
        elif isinstance(value, dict | list):
            _curly_values(value, (*loc, key), out)
    return out


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
