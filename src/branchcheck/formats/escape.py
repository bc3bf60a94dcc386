"""Make user text safe for each destination: terminal, markdown table cell, CSV cell."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import visible

if TYPE_CHECKING:
    from rich.text import Text

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#~!|<>&])")
_MD_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def terminal(text: object, style: str = "") -> Text:
    """A rich Text: never markup, never emoji codes, control characters shown as \\uXXXX."""
    from rich.text import Text  # rich is loaded only by the formats that draw with it

    return Text(visible(str(text)), style=style)


def md_cell(text: object) -> str:
    """One markdown table cell: pipes, markup and HTML escaped, newlines as <br>."""

    def repl(match: re.Match[str]) -> str:
        char = match.group(1)
        return _MD_ENTITIES.get(char, "\\" + char)

    escaped = _MD_SPECIAL.sub(repl, visible(str(text)))
    return escaped.replace("\r\n", "\n").replace("\n", "<br>")


def number(value: float) -> str:
    """2.0 -> '2', 2.75 -> '2.75': figures as a person writes them."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
