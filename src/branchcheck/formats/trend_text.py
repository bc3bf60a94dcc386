"""`trend` as terminal text and markdown: per rubric and kind of period, the tiers per period,
each branch's scores and tiers, promotions and demotions (进位/退位), branches stuck."""

from __future__ import annotations

from ..archive.record import CADENCES
from ..archive.trend import Group, Move, Series, Trend
from .base import RenderOptions
from .cycle_doc import Block, to_markdown, to_terminal
from .prose import period_name

TITLE = "等级变化趋势"


def period_text(start: str, end: str) -> str:
    return period_name(start, end)


def group_title(group: Group) -> str:
    first, last = group.periods[0], group.periods[-1]
    span = period_text(first.start, first.end)
    if len(group.periods) > 1:
        span += f"至{period_text(last.start, last.end)}"
    return f"{group.rubric.name}（{CADENCES[group.cadence]}）：{span}"


def rule_text(stuck_after: int) -> str:
    return f"停滞：最近连续{stuck_after}期及以上停留在同一等级（最高等级除外）。"


def move_text(move: Move) -> str:
    word = "进位" if move.up else "退位"
    return f"{word}：{move.before.tier_name}→{move.after.tier_name}"


def change_lines(group: Group) -> list[str]:
    out = []
    for change in group.changes:
        when = (
            f"{period_text(change.before.start, change.before.end)}与"
            f"{period_text(change.after.start, change.after.end)}之间"
        )
        if change.old.version != change.new.version:
            out.append(
                f"评分标准在{when}由{change.old.version}版改为{change.new.version}版："
                "两期按各自版本计分，比较时请留意。"
            )
        else:
            out.append(
                f"评分标准在{when}内容有改动（版本号{change.new.version}未变）："
                "两期按各自内容计分，比较时请留意。"
            )
    return out


def summary_lines(group: Group, stuck_after: int) -> list[str]:
    moves = [m for s in group.series for m in s.moves]
    up = sum(m.up for m in moves)
    stuck = sum(1 for s in group.series if s.stuck(stuck_after, group.top))
    return [
        f"{len(group.series)}个支部，{len(group.periods)}个时段；"
        f"进位{up}次，退位{len(moves) - up}次，停滞{stuck}个。",
        *change_lines(group),
        rule_text(stuck_after),
    ]


def tier_table(group: Group) -> tuple[str, list[str], list[list[str]]]:
    tiers = list(reversed(group.rubric.tiers))  # highest first, as the report's tables
    counts = group.counts()
    names = dict(group.rubric.tiers)
    known = {t for t, _ in tiers}
    extra = sorted({t for c in counts.values() for t in c} - known)  # tiers of older versions
    header = ["时段", *(name for _, name in tiers), *(names.get(t, t) for t in extra), "合计"]
    rows = []
    for period in group.periods:
        c = counts[period.label]
        cells = [str(c.get(t, 0)) for t, _ in tiers] + [str(c.get(t, 0)) for t in extra]
        rows.append([period_text(period.start, period.end), *cells, str(sum(c.values()))])
    return "各时段等级分布", header, rows


def point_cell(series: Series, label: str) -> str:
    for point in series.points:
        if point.label == label:
            return f"{point.score:.2f} {point.tier_name}"
    return "—"


def branch_table(group: Group) -> tuple[str, list[str], list[list[str]]]:
    header = [
        "支部",
        "名称",
        *(period_text(p.start, p.end) for p in group.periods),
        "最近变化",
    ]
    rows = []
    for series in group.series:
        moves = series.moves
        last = moves[-1] if moves else None
        rows.append(
            [
                series.branch,
                series.name,
                *(point_cell(series, p.label) for p in group.periods),
                move_text(last) if last is not None else "—",
            ]
        )
    return "各支部得分与等级", header, rows


def moves_table(group: Group) -> tuple[str, list[str], list[list[str]]]:
    header = ["支部", "名称", "时段", "等级变化", "得分变化"]
    rows = []
    for series in group.series:
        for move in series.moves:
            delta = move.after.score - move.before.score
            rows.append(
                [
                    series.branch,
                    series.name,
                    f"{period_text(move.before.start, move.before.end)}→"
                    f"{period_text(move.after.start, move.after.end)}",
                    move_text(move),
                    f"{delta:+.2f}",
                ]
            )
    return "进位与退位", header, rows


def stuck_table(group: Group, stuck_after: int) -> tuple[str, list[str], list[list[str]]]:
    header = ["支部", "名称", "等级", "连续期数", "最近得分"]
    rows = []
    for series in group.series:
        run = series.stuck(stuck_after, group.top)
        if run:
            last = series.points[-1]
            rows.append([series.branch, series.name, last.tier_name, str(run), f"{last.score:.2f}"])
    return "停滞的支部", header, rows


def blocks(trend: Trend) -> list[Block]:
    out = []
    for group in trend.groups:
        out.append(
            Block(
                group_title(group),
                summary_lines(group, trend.stuck_after),
                [
                    tier_table(group),
                    branch_table(group),
                    moves_table(group),
                    stuck_table(group, trend.stuck_after),
                ],
            )
        )
    if not out:
        out.append(Block("没有可比较的结果", ["档案中没有符合条件的评分结果。"]))
    return out


class TrendTerminal:
    needs_output = False

    def render(self, trend: Trend, options: RenderOptions) -> str:
        return to_terminal(TITLE, blocks(trend), options)


class TrendMarkdown:
    needs_output = False

    def render(self, trend: Trend, options: RenderOptions) -> str:
        return to_markdown(TITLE, blocks(trend))
