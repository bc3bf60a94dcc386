"""`trend` as a workbook: per rubric and kind of period (a group, as the terminal's sections),
three sheets, each printed as the report's are (report/xlsx_book: A4 landscape, one page
wide, the header row on every page):

- 等级分布: branches per tier per period, highest tier first, with the group's summary (moves,
  stuck branches, rubric changes) above;
- 各支部: each branch's score and tier per period, the tier marked （进位）/（退位） where it
  moved, the latest change and 停滞 (连续N期) where the branch is stuck;
- 进位与退位: every move, with the scores before and after.

Scores are numbers shown with two decimals, changes with their sign. A workbook with several
groups names its sheets after the kind of period (等级分布·季度), and the rubric when there are
several rubrics.
"""

from __future__ import annotations

import datetime as dt
import io

from ..archive.record import CADENCES
from ..archive.trend import Group, Series, Trend
from .base import RenderOptions
from .report.xlsx_book import Book, Col, SheetNames
from .sheet_cells import Fixed, Signed, TypedSheet
from .trend_text import TITLE, group_title, move_text, period_text, summary_lines, tier_table

UP, DOWN = "进位", "退位"
GREEN = {"font_color": "#1E7B34", "bold": True}
RED = {"font_color": "#B3261E", "bold": True}
AMBER = {"bg_color": "#FFF1D6", "font_color": "#8A5300", "bold": True}


def _stacked(period: str) -> str:
    """A period's name on two lines for a narrow header: 2024年 / 第三季度 (2024年度 stays)."""
    year, sep, rest = period.partition("年")
    return f"{year}年\n{rest}" if sep and rest and rest != "度" else period


def counts_sheet(
    book: Book, names: SheetNames, group: Group, stuck_after: int, suffix: str
) -> None:
    _, header, rows = tier_table(group)
    cols = [Col(header[0], 18), *(Col(h, 14) for h in header[1:-1]), Col(header[-1], 8)]
    sheet = TypedSheet(
        book,
        names.add("等级分布" + suffix),
        f"各时段等级分布：{group_title(group)}",
        cols,
        subtitle="".join(summary_lines(group, stuck_after)),
    )
    for row in rows:
        sheet.add([row[0], *(int(c) for c in row[1:])])
    sheet.close()


def _marks(series: Series) -> dict[str, str]:
    """Period label -> 进位/退位, for the periods a branch moved into."""
    return {m.after.label: UP if m.up else DOWN for m in series.moves}


def branches_sheet(
    book: Book, names: SheetNames, group: Group, stuck_after: int, suffix: str
) -> None:
    periods = [period_text(p.start, p.end) for p in group.periods]
    cols = [Col("支部", 16), Col("名称", 38), Col("上级组织", 20)]
    for name in periods:
        cols += [Col(f"{_stacked(name)}\n得分", 10), Col(f"{_stacked(name)}\n等级", 22)]
    cols += [Col("最近变化", 36), Col("停滞", 10)]
    sheet = TypedSheet(
        book,
        names.add("各支部" + suffix),
        f"各支部得分与等级：{group_title(group)}",
        cols,
        freeze_cols=2,
        subtitle=f"等级后注（进位）（退位）的，是与上一期相比的变化。"
        f"停滞：最近连续{stuck_after}期及以上停留在同一等级（最高等级除外）。",
    )
    for series in group.series:
        marks = _marks(series)
        points = {p.label: p for p in series.points}
        cells: list[object] = [series.branch, series.name, series.parent or ""]
        for period in group.periods:
            point = points.get(period.label)
            if point is None:
                cells += ["", "—"]
                continue
            mark = marks.get(period.label)
            cells += [Fixed(point.score), point.tier_name + (f"（{mark}）" if mark else "")]
        moves = series.moves
        run = series.stuck(stuck_after, group.top)
        cells += [
            move_text(moves[-1]) if moves else "—",
            f"连续{run}期" if run else "",
        ]
        sheet.add(cells)
    tier_columns = [3 + 2 * i + 1 for i in range(len(periods))]
    for column in [*tier_columns, len(cols) - 2]:
        sheet.highlight(column, UP, GREEN, whole_row=False)
        sheet.highlight(column, DOWN, RED, whole_row=False)
    sheet.highlight(len(cols) - 1, "连续", AMBER, whole_row=False)
    sheet.close(autofilter=True)


def moves_sheet(book: Book, names: SheetNames, group: Group, suffix: str) -> None:
    moves = [(s, m) for s in group.series for m in s.moves]
    up = sum(m.up for _, m in moves)
    cols = [
        Col("支部", 16),
        Col("名称", 38),
        Col("上级组织", 20),
        Col("原时段", 16),
        Col("新时段", 16),
        Col("变化", 8),
        Col("原等级", 14),
        Col("新等级", 14),
        Col("原得分", 10),
        Col("新得分", 10),
        Col("得分变化", 10),
    ]
    said = f"进位{up}次，退位{len(moves) - up}次。" if moves else "各时段之间没有进位或退位。"
    sheet = TypedSheet(
        book,
        names.add("进位与退位" + suffix),
        f"进位与退位：{group_title(group)}",
        cols,
        freeze_cols=2,
        subtitle=said,
    )
    for series, move in moves:
        before, after = move.before, move.after
        sheet.add(
            [
                series.branch,
                series.name,
                series.parent or "",
                period_text(before.start, before.end),
                period_text(after.start, after.end),
                UP if move.up else DOWN,
                before.tier_name,
                after.tier_name,
                Fixed(before.score),
                Fixed(after.score),
                Signed(round(after.score - before.score, 2)),
            ]
        )
    sheet.highlight(5, UP, GREEN, whole_row=False)
    sheet.highlight(5, DOWN, RED, whole_row=False)
    sheet.close(autofilter=True)


def _suffix(group: Group, several: bool, rubrics: bool) -> str:
    if not several:
        return ""
    return "·" + CADENCES[group.cadence] + (f"·{group.rubric_id}" if rubrics else "")


def created(trend: Trend) -> dt.datetime:
    """The workbook's date: the latest period's end, so the same archive gives the same bytes."""
    ends = [p.end for g in trend.groups for p in g.periods]
    try:
        return dt.datetime.fromisoformat(max(ends)) if ends else dt.datetime(2000, 1, 1)
    except ValueError:
        return dt.datetime(2000, 1, 1)


class TrendXlsx:
    needs_output = True

    def render(self, trend: Trend, options: RenderOptions) -> bytes:
        buffer = io.BytesIO()
        book = Book(buffer, TITLE, created(trend))
        try:
            names = SheetNames()
            several = len(trend.groups) > 1
            rubrics = len({g.rubric_id for g in trend.groups}) > 1
            for group in trend.groups:
                suffix = _suffix(group, several, rubrics)
                counts_sheet(book, names, group, trend.stuck_after, suffix)
                branches_sheet(book, names, group, trend.stuck_after, suffix)
                moves_sheet(book, names, group, suffix)
            if not trend.groups:
                empty = TypedSheet(
                    book,
                    names.add("等级分布"),
                    TITLE,
                    [Col("时段", 18), Col("合计", 8)],
                    subtitle="档案中没有符合条件的评分结果。",
                )
                empty.close()
        except BaseException:
            book.abandon()
            raise
        book.close()
        return buffer.getvalue()
