"""`trend` as one self-contained HTML page: per group a chart of branches per tier per period
(stacked, the report's tier colours and fonts: report/html_charts), a chart of each branch's
score over the periods when there are few enough branches to tell apart, and the tables."""

from __future__ import annotations

from collections.abc import Sequence

from ..archive.trend import Group, Trend
from ..errors import BranchcheckError
from .base import RenderOptions
from .report.html_parts import esc, escaped, table
from .report.html_style import CSS, tier_colours, tier_css
from .trend_text import TITLE, blocks, period_text

MAX_LINES = 12  # branches drawn one line each; more would be a tangle (the table has them all)


def tier_periods_chart(key: str, group: Group) -> str:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    from .report.html_charts import GRID, _style, clip, to_svg

    counts = group.counts()
    tiers = group.rubric.tiers  # lowest first: stacked from the bottom up
    colours = tier_colours(len(tiers))
    labels = [period_text(p.start, p.end) for p in group.periods]
    with _style():
        fig = Figure(figsize=(6.4, 3.4), layout="constrained")
        ax = fig.subplots()
        bottom = [0] * len(labels)
        for (tier_id, name), colour in zip(tiers, colours, strict=True):
            heights = [counts[p.label].get(tier_id, 0) for p in group.periods]
            ax.bar(range(len(labels)), heights, bottom=bottom, color=colour, width=0.6, label=name)
            bottom = [a + b for a, b in zip(bottom, heights, strict=True)]
        ax.set_xticks(range(len(labels)), [clip(label, 18) for label in labels])
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel("支部数")
        ax.set_title("各时段等级分布", loc="left")
        fig.legend(loc="outside lower center", ncols=len(tiers), fontsize=8.5, handlelength=1)
        ax.grid(axis="y", color=GRID, linewidth=0.8)
        ax.set_axisbelow(True)
        return to_svg(fig, key, "各时段等级分布")


def score_chart(key: str, group: Group) -> str | None:
    if len(group.series) > MAX_LINES or len(group.periods) < 2:
        return None
    from matplotlib.figure import Figure

    from .report.html_charts import GRID, _style, clip, to_svg
    from .report.html_report import common_prefix

    index = {p.label: i for i, p in enumerate(group.periods)}
    shared = len(common_prefix([s.name for s in group.series]))  # 市发展和改革委员会: said once
    labels = [period_text(p.start, p.end) for p in group.periods]
    with _style():
        fig = Figure(figsize=(6.4, 3.6), layout="constrained")
        ax = fig.subplots()
        for series in group.series:
            xs = [index[p.label] for p in series.points]
            ys = [p.score for p in series.points]
            ax.plot(
                xs,
                ys,
                marker="o",
                linewidth=1.4,
                label=clip(series.name[shared:] or series.name, 24),
            )
        ax.set_xticks(range(len(labels)), [clip(label, 18) for label in labels])
        ax.set_ylabel("得分")
        ax.set_title("各支部得分变化", loc="left")
        fig.legend(loc="outside right center", fontsize=8)
        ax.grid(axis="y", color=GRID, linewidth=0.8)
        return to_svg(fig, key, "各支部得分变化")


def _numeric(header: Sequence[str], rows: list[list[str]]) -> list[int]:
    return [
        i
        for i in range(len(header))
        if rows and all(r[i].replace(".", "").lstrip("+-").isdigit() for r in rows)
    ]


class TrendHtml:
    needs_output = True

    def render(self, trend: Trend, options: RenderOptions) -> str:
        try:
            from .report import html_charts
        except ImportError:  # the `report` extra is not installed
            raise BranchcheckError.at(
                "--format", 1, 1, "html needs matplotlib: pip install 'branchcheck[report]'"
            ) from None
        css = (
            CSS
            + ".charts{display:flex;flex-wrap:wrap;gap:12px}\n"
            + "".join(tier_css(f"#g{i}", len(g.rubric.tiers)) for i, g in enumerate(trend.groups))
        )
        warn = (
            '<p class="warn">生成本页的机器上未找到中文字体（如 Noto Sans CJK SC），'
            "图表中的中文显示为方框。</p>"
            if html_charts.cjk_font() is None
            else ""
        )
        out = [
            '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{TITLE}</title>\n<style>\n{css}</style>\n</head>\n<body>\n<main>\n"
            f'<header class="top"><h1>{TITLE}</h1></header>\n{warn}'
        ]
        for i, (group, block) in enumerate(zip(trend.groups, blocks(trend), strict=False)):
            out.append(f'<section id="g{i}"><h2>{esc(block.title)}</h2>\n')
            out += [f'<p class="lede">{esc(line)}</p>\n' for line in block.lines]
            out.append(f'<div class="charts">{tier_periods_chart(f"g{i}t", group)}')
            lines = score_chart(f"g{i}s", group)
            out.append((lines or "") + "</div>\n")
            for name, header, rows in block.tables:
                if rows:
                    out.append(f"<h3>{esc(name)}</h3>\n")
                    out.append(table(header, escaped(rows), _numeric(header, rows)))
            out.append("</section>\n")
        if not trend.groups:
            out.append("<p>档案中没有符合条件的评分结果。</p>\n")
        out.append("<footer>由 branchcheck 生成</footer>\n</main>\n</body>\n</html>\n")
        return "".join(out)
