"""Terminal tables whose columns are sized before rich sees them: no column narrower than its
longest segment (wrap.segments), narrow columns whole, the rest of the width shared among the
long ones. A table too wide for that is shown as two or more tables, each repeating its first
column. Rich alone shrinks every column alike."""

from __future__ import annotations

import io
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from .base import RenderOptions
from .escape import terminal
from .wrap import Wrapped, min_width

# --- tables whose columns are sized before rich sees them ----------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    justify: str = "left"  # "right" for figures
    whole: bool = False  # never wrapped, e.g. a status word (部分达标)
    cap: int | None = None  # widest it is made while the table is too wide


COMFORT = 10  # cells: a long column narrower than this reads badly; split the table first


def _chrome(columns: int) -> int:
    """Borders and padding of a table of `columns` columns (rich's default box)."""
    return 3 * columns + 1


def _level(mins: Sequence[int], maxs: Sequence[int], room: int) -> int:
    """The widest a long column may be made so that all fit in `room` (each column at least
    its minimum, at most its maximum); at least the widest column when everything fits."""
    low, high = 0, max(maxs, default=0)
    while low < high:
        mid = (low + high + 1) // 2
        fits = sum(min(hi, max(lo, mid)) for lo, hi in zip(mins, maxs, strict=True)) <= room
        low, high = (mid, high) if fits else (low, mid - 1)
    return low


def fit_widths(mins: Sequence[int], maxs: Sequence[int], room: int) -> list[int]:
    """Column widths within `room`: each at least its minimum, the narrow ones whole, the
    rest of the room shared so that no column is wider than it needs. When even the minimums
    do not fit, the widest are narrowed first (their long segments fold: the last resort)."""
    if sum(maxs) <= room:
        return list(maxs)
    if sum(mins) >= room:
        widths = list(mins)
        while sum(widths) > room and max(widths) > 1:
            widths[widths.index(max(widths))] -= 1
        return widths
    level = _level(mins, maxs, room)
    widths = [min(hi, max(lo, level)) for lo, hi in zip(mins, maxs, strict=True)]
    for i, (lo, hi) in enumerate(zip(mins, maxs, strict=True)):  # hand out what is left
        if sum(widths) < room and widths[i] < hi and lo <= level:
            widths[i] += 1
    return widths


@dataclass
class _Sized:
    column: Column
    header: Text
    least: int = 0  # narrower, and a segment would fold
    body: int = 0  # every cell on one line
    most: int = 0  # the heading on one line too
    cells: list[Text] = field(default_factory=list)

    def measure(self) -> None:
        plains = [cell.plain for cell in self.cells]
        widest = max((cell_len(line) for p in plains for line in p.split("\n")), default=0)
        least = widest if self.column.whole else max(map(min_width, plains), default=0)
        heading = cell_len(self.header.plain)
        # A heading wraps too (适用 / 支部), but to no fewer than two characters a line.
        self.least = max(least, min(heading, max(4, min_width(self.header.plain))))
        self.body = max(widest, self.least)
        self.most = max(self.body, heading)
        if self.column.cap is not None:
            self.body = max(self.least, min(self.body, self.column.cap))
            self.most = max(self.body, min(self.most, self.column.cap))


def _widths(sized: list[_Sized], group: list[int], room: int) -> list[int]:
    """The cells first; headings get their whole width from what is left."""
    least = [sized[i].least for i in group]
    body = [sized[i].body for i in group]
    if sum(body) >= room:
        return fit_widths(least, body, room)
    return fit_widths(body, [sized[i].most for i in group], room)


def _readable(sized: list[_Sized], group: list[int], width: int) -> bool:
    """Whether the columns fit `width` with every long column at least COMFORT wide."""
    mins = [sized[i].least for i in group]
    maxs = [sized[i].body for i in group]
    room = width - _chrome(len(group))
    return sum(maxs) <= room or (sum(mins) <= room and _level(mins, maxs, room) >= COMFORT)


def _groups(sized: list[_Sized], width: int) -> list[list[int]]:
    """Columns in groups that can be read at `width`, each led by the first column."""
    everything = list(range(len(sized)))
    if len(sized) <= 2 or _readable(sized, everything, width):
        return [everything]
    groups: list[list[int]] = []
    current = [0]
    for i in range(1, len(sized)):
        if len(current) > 1 and not _readable(sized, [*current, i], width):
            groups.append(current)
            current = [0]
        current.append(i)
    groups.append(current)
    return groups


def grid(
    title: str | None,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Text | str]],
    width: int,
    caption: str | None = None,
    ends: Collection[int] = (),
) -> list[Table]:
    """A table sized for `width` cells: one rich Table, or several (each repeating the first
    column, titled 续) when it cannot be read at that width in one. A line is drawn under
    each row whose index is in `ends`."""
    sized = [_Sized(c, Text(c.name)) for c in columns]
    for row in rows:
        for s, cell in zip(sized, row, strict=True):
            s.cells.append(cell if isinstance(cell, Text) else terminal(cell))
    for s in sized:
        s.measure()
    groups = _groups(sized, width)
    tables = []
    for n, group in enumerate(groups):
        widths = _widths(sized, group, width - _chrome(len(group)))
        heading = None if title is None else title + ("（续）" if n else "")
        table = Table(title=heading, title_justify="left", header_style="bold")
        for i, w in zip(group, widths, strict=True):
            c = sized[i].column
            table.add_column(Wrapped(sized[i].header), justify=c.justify, width=w)  # type: ignore[arg-type]
        for r in range(len(sized[0].cells)):
            table.add_row(*(Wrapped(sized[i].cells[r]) for i in group), end_section=r in ends)
        tables.append(table)
    if caption is not None:
        tables[-1].caption = caption
    return tables


def render_to_text(renderables: list[RenderableType], options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        emoji=False,
        highlight=False,
        markup=False,
        soft_wrap=False,
    )
    for renderable in renderables:
        console.print(renderable)
    return buffer.getvalue()
