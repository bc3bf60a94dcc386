"""Where a line of terminal text may break: cut into segments that never break inside (a date,
a number with its unit, an id, a short bracketed note such as （14学时）, punctuation kept off a
line's start); lines break between segments, after a comma or an enumeration comma when one is
near. Rich alone folds a cell anywhere (`任期至2` / `025年3月22日`)."""

from __future__ import annotations

import re

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from .escape import terminal

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
