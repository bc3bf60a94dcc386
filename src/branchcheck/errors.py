"""Problems found in user files, and the one error type that carries them to the CLI."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one place: rendered as yamllint's `FILE:LINE:COL: LEVEL: MESSAGE`.

    Always one line, whatever the file name or the message quote from the input: control,
    format and line-break characters are shown escaped, so no input can forge a line or
    move the cursor. `group` names the kind of problem, for folding repeats (not shown).
    """

    file: str
    line: int
    col: int
    message: str
    level: Level = "error"
    group: str | None = None
    # A workbook's place, `Sheet!C12` (line and col then hold the cell's row and column).
    cell: str | None = None

    def __str__(self) -> str:
        where = self.cell or f"{self.line}:{self.col}"
        return one_line(f"{self.file}:{where}: {self.level}: {self.message}")


MAX_PER_FILE = 20  # diagnostics shown per file; the rest are counted on the last line
SHOWN_LINES = 5  # line numbers listed for a folded repeat


def fold(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """One line per kind of problem (a repeat adds "and N more like it" with their lines), at
    most MAX_PER_FILE lines per file: one mistake repeated 100,000 times is one line."""
    groups: dict[tuple[str, str, str], list[Diagnostic]] = {}
    for d in diagnostics:
        groups.setdefault((d.file, d.level, d.group or d.message), []).append(d)
    out: list[Diagnostic] = []
    per_file: dict[str, int] = {}
    hidden: dict[str, list[Diagnostic]] = {}
    for same in groups.values():
        first = same[0]
        if len(same) > 1:
            if first.cell is not None:
                places, word = list(dict.fromkeys(d.cell or "" for d in same[1:])), "cell"
            else:
                places, word = [str(n) for n in sorted({d.line for d in same[1:]})], "line"
            shown = ", ".join(places[:SHOWN_LINES])
            more = ", …" if len(places) > SHOWN_LINES else ""
            first = Diagnostic(
                first.file,
                first.line,
                first.col,
                f"{first.message} (and {len(same) - 1} more like it, {word} {shown}{more})",
                first.level,
                first.group,
                first.cell,
            )
        count = per_file.get(first.file, 0)
        if count < MAX_PER_FILE - 1:
            per_file[first.file] = count + 1
            out.append(first)
        else:
            hidden.setdefault(first.file, []).append(first)
    for file, rest in hidden.items():
        if len(rest) == 1:
            out.append(rest[0])
            continue
        first = rest[0]
        errors = sum(d.level == "error" for d in rest)
        out.append(
            Diagnostic(
                file,
                first.line,
                first.col,
                f"{first.message} (and {len(rest) - 1} more problems in this file;"
                " fix the ones above first)",
                "error" if errors else "warning",
                cell=first.cell,
            )
        )
    return out


class BranchcheckError(Exception):
    """Bad input or usage; the CLI prints every diagnostic and exits with `exit_code`."""

    exit_code = 2

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        diagnostics = fold(diagnostics)
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics

    @classmethod
    def at(cls, file: str, line: int, col: int, message: str) -> BranchcheckError:
        return cls([Diagnostic(file, line, col, message)])


class InvalidRubric(BranchcheckError):
    """A rubric that loads but breaks the format's rules (points, tiers, vocabulary)."""


# Invisible format characters (Unicode category Cf) and the line and paragraph separators:
# never legitimate in a ledger, refused on input and escaped on output.
INVISIBLE = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
_BREAKS = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


def one_line(text: str) -> str:
    """`visible`, with line breaks and tabs escaped too: for one line of stderr."""
    return visible(text).translate(_BREAKS)


def visible(text: str) -> str:
    """Show control, format and odd-space characters as \\uXXXX so a message can be read."""
    if text.isprintable():  # the common case, and fast
        return text
    out = []
    for char in text:
        if char in "\t\n":
            out.append(char)
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp") or char in "\u00a0\u3000":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)
