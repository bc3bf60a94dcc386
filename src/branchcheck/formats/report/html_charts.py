"""The HTML report's charts: matplotlib figures inlined as SVG.

Text is drawn as paths (`svg.fonttype: path`), so Chinese labels show on a machine without a
Chinese font; the font used to draw them is the first CJK font found here (CJK_FONTS). Output
is deterministic: a fixed hash salt, no dates, no metadata. Everything that does not belong in
an HTML page goes (XML prolog, DOCTYPE, comments that repeat the labels, namespace
declarations), and element ids get a per-chart prefix so that several charts can share a page.

Imported only when an HTML report is written: matplotlib takes a while to load.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, cast

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, PercentFormatter

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Sarasa Gothic SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
    "Droid Sans Fallback",
    "Arial Unicode MS",
)
NOT_APPLICABLE = "#d3d7dd"
INK, GRID = "#333333", "#e4e4e4"
MAX_ORGS = 40  # organisations drawn in the per-organisation chart (the table has them all)
MAX_LABELLED_ROWS = 50  # heat map rows labelled; more: no labels


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The first CJK font installed here, or None (charts are still drawn, in DejaVu Sans)."""
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _rc() -> dict[str, Any]:
    font = cjk_font()
    return {
        "svg.fonttype": "path",
        "svg.hashsalt": "branchcheck",
        "svg.image_inline": True,
        "font.family": "sans-serif",
        "font.size": 9.5,
        "font.sans-serif": [*([font] if font else []), "DejaVu Sans"],
        "text.parse_math": False,  # a `$` in a name is a dollar sign, not mathtext
        "axes.unicode_minus": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": "#9a9a9a",
        "axes.labelcolor": INK,
        "text.color": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "legend.frameon": False,
        "figure.dpi": 100,
    }


@contextmanager
def _style() -> Iterator[None]:
    with matplotlib.rc_context(cast(Any, _rc())), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a missing glyph is a box, not a failed report
        yield


_PROLOG = re.compile(r"\A.*?(?=<svg)", re.S)
_DROP = re.compile(
    r"<!--.*?-->|<metadata>.*?</metadata>|<style[^>]*>.*?</style>"
    r'|\s+xmlns(?::\w+)?="[^"]*"',
    re.S,
)
_IDS = re.compile(r'\bid="([^"]+)"')
_REFS = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def to_svg(fig: Figure, key: str, label: str) -> str:
    """The figure as an `<svg>` element for an HTML5 page; `key` prefixes its ids."""
    buffer = io.StringIO()
    fig.savefig(
        buffer, format="svg", metadata={"Creator": None, "Date": None, "Format": None, "Type": None}
    )
    svg = _DROP.sub("", _PROLOG.sub("", buffer.getvalue(), count=1))
    ids = set(_IDS.findall(svg))
    svg = _REFS.sub(
        lambda m: m.group(1) + (f"{key}-{m.group(2)}" if m.group(2) in ids else m.group(2)), svg
    )
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1).strip()


def clip(text: str, width: int) -> str:
    """At most `width` columns (a CJK character is two), with an ellipsis when cut."""
    used = 0
    for i, char in enumerate(text):
        used += 1 if ord(char) < 0x1100 else 2
        if used > width:
            return text[:i] + "…"
    return text


def tier_chart(
    key: str,
    names: Sequence[str],
    counts: Sequence[int],
    colours: Sequence[str],
    counted: str = "支部数",
) -> str:
    """Branches per tier, in the given order (the tier table's: highest first), each bar in
    its tier's colour."""
    total = sum(counts) or 1
    with _style():
        fig = Figure(figsize=(5.4, 3.3), layout="constrained")
        ax = fig.subplots()
        bars = ax.bar(range(len(names)), counts, color=colours, width=0.62)
        ax.bar_label(bars, labels=[f"{c}（{c / total:.0%}）" for c in counts], padding=3)
        ax.set_xticks(range(len(names)), [clip(n, 16) for n in names])
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, max(max(counts, default=0), 1) * 1.18)
        ax.set_ylabel(counted)
        ax.grid(axis="y", color=GRID, linewidth=0.8)
        ax.set_axisbelow(True)
        return to_svg(fig, key, "等级分布")


def org_chart(
    key: str,
    orgs: Sequence[tuple[str, Sequence[int]]],
    tier_names: Sequence[str],
    colours: Sequence[str],
    counted: str = "支部数",
) -> str:
    """Branches per organisation stacked by tier, tiers left to right as given (the table's
    columns: highest first), organisations top to bottom in the table's order."""
    shown = list(orgs[:MAX_ORGS])
    with _style():
        fig = Figure(figsize=(10.5, 1.6 + 0.27 * len(shown)), layout="constrained")
        ax = fig.subplots()
        y = range(len(shown))
        left = [0] * len(shown)
        for t, (name, colour) in enumerate(zip(tier_names, colours, strict=True)):
            widths = [counts[t] for _, counts in shown]
            ax.barh(y, widths, left=left, color=colour, height=0.66, label=name)
            left = [a + b for a, b in zip(left, widths, strict=True)]
        for i, total in enumerate(left):
            ax.text(total, i, f" {total}", va="center", fontsize=8.5)
        ax.set_yticks(list(y), [clip(name, 24) for name, _ in shown])
        ax.set_ylim(len(shown) - 0.4, -0.6)  # first organisation on top
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlim(0, max(max(left, default=0), 1) * 1.12)
        ax.set_xlabel(counted)
        more = f"（前{MAX_ORGS}个，共{len(orgs)}个）" if len(orgs) > MAX_ORGS else ""
        ax.set_title(f"各单位等级构成{more}", loc="left")
        fig.legend(
            loc="outside lower center",
            ncols=len(tier_names),
            fontsize=8.5,
            handlelength=1,
            columnspacing=1.2,
        )
        ax.grid(axis="x", color=GRID, linewidth=0.8)
        ax.set_axisbelow(True)
        return to_svg(fig, key, "各单位等级构成")


def heatmap(
    key: str,
    rows: Sequence[tuple[str, Sequence[float | None]]],
    norm_ids: Sequence[str],
    what: str = "行",
) -> str:
    """Rows (branches or organisations, in the given order) by norms (columns, in the given
    order), coloured by earned / points; not applicable in grey. Rows are labelled when there
    are few enough to read; otherwise the axis says how many `what` there are."""
    import numpy as np

    data = np.ma.masked_invalid(
        np.array(
            [[np.nan if s is None else s for s in shares] for _, shares in rows], dtype=float
        ).reshape(len(rows), len(norm_ids))
    )
    labelled = len(rows) <= MAX_LABELLED_ROWS
    height = 1.9 + (0.24 * len(rows) if labelled else 6.0)
    with _style():
        fig = Figure(figsize=(10.5, height), layout="constrained")
        ax = fig.subplots()
        cmap = matplotlib.colormaps["RdYlGn"].with_extremes(bad=NOT_APPLICABLE)
        image = ax.imshow(
            data,
            cmap=cmap,
            vmin=0,
            vmax=1,
            aspect="auto",
            interpolation="nearest" if labelled else "antialiased",
        )
        rotate = max((len(n) for n in norm_ids), default=0) * len(norm_ids) > 90
        ax.set_xticks(range(len(norm_ids)), norm_ids, rotation=90 if rotate else 0, fontsize=8)
        ax.xaxis.tick_top()
        if labelled:
            ax.set_yticks(range(len(rows)), [clip(label, 40) for label, _ in rows], fontsize=8)
            ax.set_xticks([x - 0.5 for x in range(1, len(norm_ids))], minor=True)
            ax.set_yticks([y - 0.5 for y in range(1, len(rows))], minor=True)
            ax.grid(which="minor", color="white", linewidth=1.2)
            ax.tick_params(which="minor", length=0)
        else:
            ax.set_yticks([])
            ax.set_ylabel(f"{len(rows)}{what}")
        for side in ("top", "right", "bottom", "left"):
            ax.spines[side].set_visible(False)
        bar = fig.colorbar(
            image,
            ax=ax,
            location="bottom",
            shrink=0.45,
            aspect=40,
            pad=0.02,
            format=PercentFormatter(1.0, decimals=0),
        )
        bar.set_label("得分比例（得分 ÷ 分值）")
        bar.outline.set_visible(False)
        fig.legend(
            handles=[Patch(color=NOT_APPLICABLE, label="不适用")], loc="lower right", fontsize=8.5
        )
        return to_svg(fig, key, "各支部各项规范得分热力图")
