"""A box-drawn table without rich: fast enough for a parent's hundreds of branches (rich
measures and renders each cell through several layers: about a millisecond a cell).

Drawn like rich's default table (heavy head, light body), cells wrapped where `table.line_breaks`
allows; when even the narrowest layout is wider than the terminal, the caller falls back to
`table.grid`, which splits the table in two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from rich.cells import cell_len

from ..errors import one_line
from .table import COMFORT, line_breaks, min_width

_FIGURE = re.compile(r"[-+]?\d+(?:\.\d+)?%?|—")


def _lines(text: str, width: int) -> list[str]:
    if cell_len(text) <= width:
        return [text]
    cuts = [0, *line_breaks(text, width), len(text)]
    return [text[a:b].rstrip() for a, b in pairwise(cuts)]


def _pad(text: str, width: int, right: bool) -> str:
    room = " " * (width - cell_len(text))
    return room + text if right else text + room


def draw(
    title: str, header: Sequence[str], rows: Sequence[Sequence[str]], width: int
) -> str | None:
    """The table as text at most `width` cells wide, or None when it cannot be."""
    header = [one_line(h) for h in header]
    rows = [[one_line(c) for c in row] for row in rows]
    columns = list(zip(header, *rows, strict=True))
    right = [
        bool(rows) and all(_FIGURE.fullmatch(r[i]) for r in rows if r[i])
        for i in range(len(header))
    ]
    widths = [max(cell_len(c) for c in col) for col in columns]
    # Narrower than COMFORT a long column reads badly: then the table is split instead.
    least = [
        max(max(min_width(c) for c in col), min(w, COMFORT))
        for col, w in zip(columns, widths, strict=True)
    ]
    room = width - (3 * len(header) + 1)
    while sum(widths) > room:
        slack, i = max((widths[k] - least[k], k) for k in range(len(widths)))
        if slack <= 0:
            return None
        widths[i] -= 1  # one cell at a time from the column with the most to spare
    out = [title] if title else []
    out.append("┏" + "┳".join("━" * (w + 2) for w in widths) + "┓")
    out += _row(header, widths, [False] * len(widths), "┃")
    out.append("┡" + "╇".join("━" * (w + 2) for w in widths) + "┩")
    for row in rows:
        out += _row(row, widths, right, "│")
    out.append("└" + "┴".join("─" * (w + 2) for w in widths) + "┘")
    return "\n".join(out) + "\n"


def _row(cells: Sequence[str], widths: list[int], right: list[bool], bar: str) -> list[str]:
    wrapped = [_lines(c, w) for c, w in zip(cells, widths, strict=True)]
    height = max(len(w) for w in wrapped)
    lines = []
    for n in range(height):
        parts = [
            _pad(w[n] if n < len(w) else "", width, r)
            for w, width, r in zip(wrapped, widths, right, strict=True)
        ]
        lines.append(f"{bar} " + f" {bar} ".join(parts) + f" {bar}")
    return lines
