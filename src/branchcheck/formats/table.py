"""The terminal table: rich, coloured on a terminal, plain and never cut when piped.

Narrow terminals: rich folds a cell anywhere (`任期至2` / `025年3月22日`) and shrinks every
column alike. Here a cell's text is cut into segments that never break inside (a date, a
number with its unit, an id, a short bracketed note such as （14学时）, punctuation kept off a
line's start), lines break between segments (after a comma or an enumeration comma when one
is near), and column widths are worked out before rich sees them: no column narrower than its
longest segment, narrow columns whole, the rest of the width shared among the long ones. A
table too wide for that is shown as two or more tables, each repeating its first column.
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from ..models.result import Result
from . import prose
from .base import RenderOptions
from .escape import number, terminal
from .labels import STATUS, TASK_STATUS
from .result_tables import STANDARD_HEADER, standard_rows

# --- cutting text into segments that never break inside --------------------------------------

_UNIT = r"(?:学时|人次|个季度|个月|万元|季度|年度|个|名|人|次|分|元|天|年|月|日|项|条|岁|倍|期|%)?"
_PIECE = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日"  # 2025年3月22日
    r"|\d{4}年\d{1,2}月"  # 2024年8月
    r"|\d{1,2}月\d{1,2}日"  # 3月22日
    r"|[（(][^（）()，。；、：\s]{1,6}[）)]"  # a short note: （14学时） （否决项） （按月计）
    rf"|[A-Za-z0-9][A-Za-z0-9_.\-+*/:#@%']*{_UNIT}"  # ids, numbers, 32学时, 0.5分, 72.7%
    r"|\s+"
    r"|.",
    re.DOTALL,
)
_CLOSING = set("，。、；：？！）》」』】〕’”…%,.;:!?)]}")  # never the first on a line
_OPENING = set("（《「『【〔‘“([{")  # never the last on a line
_JOINING = set("×÷=～")  # formulas stay whole: 25分×80%=20分
_SOFT = set("，。、；：？！ ")  # a line ends well after these
_LEADS = set("扣差")  # a figure keeps the word it follows: 扣0.5分, 差3.25分


def segments(text: str) -> list[str]:
    """`text` cut where a line may break: every segment is shown whole when it fits."""
    out: list[str] = []
    glue = False  # the previous segment asks for the next to join it
    for match in _PIECE.finditer(text):
        piece = match.group()
        first = piece[0]
        joins = out and (
            glue
            or piece.isspace()
            or first in _CLOSING
            or first in _JOINING
            or (first.isdigit() and out[-1][-1] in _LEADS)
        )
        if joins:
            out[-1] += piece
        else:
            out.append(piece)
        last = piece[-1]
        glue = last in _OPENING or last in _JOINING
    return out


def _width(segment: str) -> int:
    return cell_len(segment.rstrip())


def min_width(text: str) -> int:
    """The width below which a segment of `text` would have to be folded."""
    return max((_width(s) for line in text.split("\n") for s in segments(line)), default=0)


def line_breaks(text: str, width: int) -> list[int]:
    """Offsets in `text` (one line, no newline) where new lines start, for lines of at most
    `width` cells. A segment wider than `width` is folded: the last resort."""
    width = max(width, 1)
    slack = max(4, width // 4)  # how far back a line may end to end after punctuation
    lines: list[list[tuple[int, str]]] = [[]]  # (offset, segment) per line
    offset = 0
    for seg in segments(text):
        line = lines[-1]
        used = sum(cell_len(s) for _, s in line)
        need = _width(seg)
        if line and used + need > width:
            cut = len(line)
            for i in range(len(line) - 1, 0, -1):  # end after punctuation when one is near
                before = sum(cell_len(s) for _, s in line[:i])
                if width - before > slack or used - before + need > width:
                    break
                if line[i - 1][1].rstrip(" ")[-1:] in _SOFT or line[i - 1][1].endswith(" "):
                    cut = i
                    break
            lines[-1], line = line[:cut], line[cut:]
            lines.append(line)
        if not line and need > width:  # wider than the column: fold it
            parts = chop_cells(seg, width)
            pos = offset
            for part in parts[:-1]:
                line.append((pos, part))
                pos += len(part)
                line = []
                lines.append(line)
            line.append((pos, parts[-1]))
        else:
            line.append((offset, seg))
        offset += len(seg)
    _no_widow(lines, width)
    return [line[0][0] for line in lines[1:] if line]


def _no_widow(lines: list[list[tuple[int, str]]], width: int) -> None:
    """A last line of one character (记 / 录) takes the segment before it along, when that
    leaves the line above at least two segments."""
    if len(lines) < 2 or len(lines[-2]) < 3:
        return
    last, above = lines[-1], lines[-2]
    if sum(_width(s) for _, s in last) > 2:
        return
    moved = above[-1]
    if _width(moved[1]) + sum(cell_len(s) for _, s in last) <= width and len(moved[1]) == 1:
        lines[-2], lines[-1] = above[:-1], [moved, *last]


def wrap_text(text: Text, width: int) -> list[Text]:
    """`text` as lines of at most `width` cells, broken between segments; styles kept."""
    lines: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        for line in paragraph.divide(line_breaks(paragraph.plain, width)):
            line.rstrip()
            lines.append(line)
    return lines


class Wrapped:
    """A cell (or a paragraph) that wraps between segments, never inside one."""

    def __init__(self, text: Text | str, style: str = "", indent: int = 0) -> None:
        self.text = text if isinstance(text, Text) else terminal(text, style)
        self.indent = indent  # spaces before every line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        widest = max((cell_len(line) for line in plain.split("\n")), default=0)
        least = min_width(plain) + self.indent
        return Measurement(least, widest + self.indent).with_maximum(options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in wrap_text(self.text.copy(), options.max_width - self.indent):
            if self.indent:
                line = Text(" " * self.indent).append_text(line)
            line.end = "\n"
            yield line


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


# --- `branchcheck score -f table` ----------------------------------------------------------

_STATUS_STYLE = {
    "met": "green",
    "partial": "yellow",
    "missed": "red",
    "unrated": "magenta",
    "not_applicable": "dim",
}


def _summary(result: Result) -> Iterator[RenderableType]:
    head = Text()
    head.append_text(terminal(result.branch.name, "bold"))
    head.append(f"  {result.branch.id}  {result.rubric.id} {result.rubric.version}  ")
    head.append(f"考核期 {result.period.start} 至 {result.period.end}")
    yield Wrapped(head)
    score = Text(prose.score_line(result), style="bold")
    score.append("   等级 ", style="")
    score.append_text(terminal(result.tier.name, "bold cyan"))
    yield Wrapped(score)
    for line, items in prose.account(result, TASK_STATUS):
        yield Wrapped(terminal(line, "red" if line.startswith("否决项") else ""))
        for item in items:
            yield Wrapped(item, indent=2)
    for alert in result.alerts:
        text = Text("提示：", style="yellow")
        text.append_text(terminal(alert.message))
        yield Wrapped(text)


def _dimension_tables(result: Result, width: int) -> list[Table]:
    columns = [Column(h, "left" if h == "维度" else "right") for h in prose.DIMENSION_HEADER]
    return grid("各维度得分", columns, prose.dimension_table(result), width)


def _standard_tables(result: Result, width: int) -> list[Table]:
    columns = [
        Column(h, "right" if h in ("分值", "得分") else "left", whole=h == "状态")
        for h in STANDARD_HEADER
    ]
    rows: list[list[Text | str]] = [
        [*cells[:-1], Text(cells[-1], style=_STATUS_STYLE[s.status])]
        for cells, s in zip(standard_rows(result), result.standards, strict=True)
    ]
    return grid("工作规范", columns, rows, width)


def _norm_tables(result: Result, width: int) -> list[Table]:
    columns = [
        Column("编号"),
        # Names wrap before details do: on a narrow terminal the detail needs the room.
        Column("规范", cap=max(10, (width - 50) // 3)),
        Column("分值", "right"),
        Column("扣分", "right"),
        Column("得分", "right"),
        Column("状态", whole=True),
        Column("说明"),
    ]
    rows: list[list[Text | str]] = [
        [
            terminal(n.id + ("*" if n.veto else "") + ("+" if n.bonus else "")),
            terminal(n.name),
            number(n.points),
            prose.deduction_cell(n),
            "—" if n.status == "not_applicable" else number(n.earned),
            Text(STATUS[n.status], style=_STATUS_STYLE[n.status]),
            terminal(n.detail),
        ]
        for n in result.norms
    ]
    return grid(None, columns, rows, width, caption="* 一票否决项  + 加分项")


def _rectification_tables(result: Result, width: int) -> list[RenderableType]:
    from . import rectify_view

    columns = [Column(h, whole=h == "编号") for h in rectify_view.COMPACT_HEADER]
    body = rectify_view.compact_rows(result.rectifications)
    tables = grid(rectify_view.TITLE, columns, body, width)
    return [Wrapped(rectify_view.summary(result)), *tables]


class TableFormat:
    def render(self, results: list[Result], options: RenderOptions) -> str:
        blocks: list[RenderableType] = []
        width = options.width
        for result in results:
            parts: list[RenderableType] = [*_summary(result), *_dimension_tables(result, width)]
            if result.standards:
                parts += _standard_tables(result, width)
            parts += _norm_tables(result, width)
            if result.rectifications:
                parts += _rectification_tables(result, width)
            blocks.append(Group(*parts, Text("")))
        return render_to_text(blocks, options)
