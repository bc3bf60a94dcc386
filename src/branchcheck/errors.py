"""Problems found in user files, and the one error type that carries them to the CLI."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one place: rendered as yamllint's `FILE:LINE:COL: LEVEL: MESSAGE`."""

    file: str
    line: int
    col: int
    message: str
    level: Level = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.level}: {self.message}"


class BranchcheckError(Exception):
    """Bad input or usage; the CLI prints every diagnostic and exits with `exit_code`."""

    exit_code = 2

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics

    @classmethod
    def at(cls, file: str, line: int, col: int, message: str) -> BranchcheckError:
        return cls([Diagnostic(file, line, col, message)])


class InvalidRubric(BranchcheckError):
    """A rubric that loads but breaks the format's rules (points, tiers, vocabulary)."""


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
