"""HTML: one self-contained page to look at: charts, the summary tables, a section per branch.

Self-contained: the CSS is inline and the charts are inline SVG (html_charts); no script, no
external reference, not even an address in the text: user text is HTML-escaped with `://`
written `&#58;//`, which shows the same. Same batch and `--as-of`, same bytes (the 通报's date
is the only date).

Each branch's section is rendered where its ledger is scored (`html_parts.branch_section`, in
parallel with --jobs) and written in input order, inside a <details> that is open when the batch is
small; the page streams out, one section in memory at a time.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ...errors import BranchcheckError
from ...report.model import RubricSummary, Summary
from ...report.rows import BranchRow
from ..escape import number
from ..notice.report_format import html_section
from . import rectify_section
from .base import ReportContext, ordered_rows
from .columns import BranchColumn, Kind, period_text, table_columns
from .html_parts import branch_section, esc, escaped, table, tier_badge
from .html_style import CSS, tier_colours, tier_css
from .tables import (
    ERROR_HEADER,
    count_label,
    error_rows,
    floor_label,
    group_lines,
    group_title,
    norm_header,
    norm_rows,
    org_header,
    org_rows,
    overview,
    percent,
    report_title,
    tier_header,
    tier_rows,
)

OPEN_UP_TO = 20  # batches this small show every branch's section unfolded
MAX_BRANCH_ROWS = 50  # more branches: the heat map has a row per organisation instead
MIN_PREFIX = 3  # a shared prefix shorter than this is not an organisation's name
# Where an organisation's name may end: a common prefix is cut back to the last of these, so
# that 市发展和改革委员会机关第一/第二党支部 keep 机关第一党支部, not 一党支部.
_NAME_ENDS = frozenset("省市州县区镇乡村道委会局厅院所办处科室校司站队心府社团部")


def common_prefix(names: Sequence[str]) -> str:
    """The start the names share, up to where an organisation's name ends (`市发展和改革委员会`);
    empty when it is too short to say anything or the names are all one."""
    if len(set(names)) < 2:
        return ""
    first, last = min(names), max(names)  # what these two share, every name between shares
    size = next(
        (i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(first)
    )
    shared = first[:size]
    cut = max((i + 1 for i, char in enumerate(shared) if char in _NAME_ENDS), default=0)
    return shared[:cut] if cut >= MIN_PREFIX else ""


def branch_labels(rows: Sequence[BranchRow], repeated: frozenset[str]) -> tuple[list[str], str]:
    """Heat-map labels: each name without the prefix all share (returned too), the period
    when the branch has two ledgers, the id when two branches still read alike."""
    prefix = common_prefix([r.name for r in rows])
    labels = [r.name.removeprefix(prefix) or r.name for r in rows]
    labels = [
        f"{label}（{period_text(r)}）" if r.id in repeated else label
        for label, r in zip(labels, rows, strict=True)
    ]
    ids: dict[str, set[str]] = {}
    for label, r in zip(labels, rows, strict=True):
        ids.setdefault(label, set()).add(r.id)
    return [
        f"{label} {r.id}" if len(ids[label]) > 1 else label
        for label, r in zip(labels, rows, strict=True)
    ], prefix


def _cards(group: RubricSummary) -> str:
    above = sum(org.above_floor for org in group.organisations.values())
    cards = [
        ("参评支部", str(group.branches)),
        *([("台账（份）", str(group.count))] if group.count != group.branches else []),
        ("平均分", number(group.mean)),
        ("中位数", number(group.median)),
        (floor_label(group), percent(above / group.count if group.count else None)),
    ]
    inner = "".join(
        f'<div class="card"><b>{esc(v)}</b><span>{esc(k)}</span></div>' for k, v in cards
    )
    return f'<div class="cards">{inner}</div>'


def _charts(key: str, group: RubricSummary) -> tuple[str, str, str]:
    """Tier distribution, tiers per organisation, and the heat map, as <figure>s; each in
    the order of the table beside it."""
    from . import html_charts as charts

    tiers = list(reversed(group.meta.tiers))  # highest first, as the tables list them
    colours = list(reversed(tier_colours(len(tiers))))
    names = [name for _, name in tiers]
    counted = count_label(group)
    counts = [group.tier_counts.get(tier_id, 0) for tier_id, _ in tiers]
    orgs = [
        (text[0], [group.organisations[text[0]].tiers.get(t, 0) for t, _ in tiers])
        for text in org_rows(group)
    ]
    return (
        f"<figure>{charts.tier_chart(key + 't', names, counts, colours, counted)}</figure>",
        f"<figure>{charts.org_chart(key + 'o', orgs, names, colours, counted)}</figure>",
        _heatmap(key, group),
    )


def _heatmap(key: str, group: RubricSummary) -> str:
    """Branches (or, past MAX_BRANCH_ROWS, organisations) by norms: the rows in the order of
    the branch (organisation) table, the columns in the norm table's (bonus norms aside: an
    unearned bonus is not a failure)."""
    from . import html_charts as charts

    index = {n.id: i for i, n in enumerate(group.meta.norms)}
    columns = [index[n.id] for n in group.weakest_norms() if not n.bonus]
    if not columns:
        return ""  # a rubric of bonus norms only: nothing to map
    norm_ids = [group.meta.norms[i].id for i in columns]
    order = "列：规范，顺序同下表（达标率由低到高，加分项除外）"
    if group.count > MAX_BRANCH_ROWS:
        members: dict[str, list[BranchRow]] = {}
        for row in group.rows:
            members.setdefault(row.parent, []).append(row)
        heat = [
            (text[0], [_mean([r.norm_shares[i] for r in members[text[0]]]) for i in columns])
            for text in org_rows(group)
        ]
        caption = (
            f"行：上级组织，顺序同“各单位情况”表；{order}；颜色：该单位各支部得分占分值比例的"
            f"平均值，灰色为均不适用。{group.count}个台账逐一列在“各支部情况”表中"
        )
        what = "个单位"
    else:
        rows = ordered_rows(group.rows)
        labels, prefix = branch_labels(rows, group.repeated)
        heat = [
            (label, [r.norm_shares[i] for i in columns])
            for label, r in zip(labels, rows, strict=True)
        ]
        omitted = f"，名称略去共同的“{prefix}”" if prefix else ""
        caption = (
            f"行：支部，按得分由低到高{omitted}；{order}；颜色：得分占分值的比例，灰色为不适用"
        )
        what = "个支部（得分由低到高）"
    return (
        f"<figure><figcaption>{esc(caption)}</figcaption>"
        f"{charts.heatmap(key + 'h', heat, norm_ids, what)}</figure>"
    )


def _mean(shares: list[float]) -> float:
    """The mean share over the branches the norm applied to; NaN when it applied to none."""
    applied = [s for s in shares if not math.isnan(s)]
    return sum(applied) / len(applied) if applied else math.nan


def _branch_cell(key: str, index: dict[int, int], column: BranchColumn, row: BranchRow) -> str:
    """A branch table cell: its id links to the branch's section, its tier is a badge."""
    if column.key == "branch_id":
        return f'<a href="#{key}-b{index[id(row)]}">{esc(row.id)}</a>'
    if column.key == "tier":
        return tier_badge(row.tier_name, row.tier_rank)
    text = esc(column.text(row))
    return text if column.wrap else f'<span style="white-space:nowrap">{text}</span>'


def _branch_list(key: str, group: RubricSummary) -> str:
    index = {id(row): i for i, row in enumerate(group.rows)}
    cols = table_columns(group)
    rows = [[_branch_cell(key, index, c, row) for c in cols] for row in ordered_rows(group.rows)]
    numeric = [i for i, c in enumerate(cols) if c.kind is Kind.NUMBER]
    return table([c.label for c in cols], rows, numeric=numeric, cls="branches")


def _nowrap(cell: str) -> str:
    return f'<span style="white-space:nowrap">{cell}</span>'


def _group(
    key: str, group: RubricSummary, context: ReportContext, group_id: str, unfold: bool
) -> Iterator[str]:
    yield f'<section class="rubric" id="{key}">\n<h2>{esc(group_title(group))}</h2>\n'
    tiers, orgs, heat = _charts(key, group)
    lines = group_lines(context.summary, group)[:-1]  # the totals are the cards
    yield "".join(f'<p class="lede">{esc(line)}</p>' for line in lines)
    yield _cards(group)
    yield (
        f'<h3>等级分布</h3>\n<div class="pair">{tiers}'
        + table(tier_header(group), escaped(tier_rows(group)), (1, 2))
        + "</div>\n"
    )
    header = org_header(group)
    yield (
        "<h3>各单位情况</h3>\n"
        + orgs
        + table(header, escaped(org_rows(group)), range(1, len(header)))
    )
    if group.meta.standards:
        yield (
            "<h3>各项工作规范达标率（由低到高）</h3>\n"
            + table(
                norm_header(group, standards=True),
                escaped(norm_rows(group, standards=True)),
                (3, 4, 5, 6, 7),
            )
        )
    items = "检查内容" if group.meta.standards else "规范"
    yield (
        f"<h3>各项{items}达标率（由低到高）</h3>\n"
        + heat
        + table(norm_header(group), escaped(norm_rows(group)), (3, 4, 5, 6, 7))
    )
    # The widest table: printed on landscape pages of its own (@page wide).
    yield '<div class="wide"><h3>各支部情况（按得分由低到高）</h3>\n' + _branch_list(key, group)
    yield "</div>\n"
    for title, header, rows in rectify_section.tables(group):
        numeric = tuple(range(1, len(header))) if title == rectify_section.ORGS_TITLE else ()
        cells = escaped(rows)
        if title == rectify_section.ITEMS_TITLE:  # ids, dates and statuses kept whole
            cells = [
                [_nowrap(c) if i in rectify_section.WHOLE else c for i, c in enumerate(row)]
                for row in cells
            ]
        yield f"<h3>{esc(title)}</h3>\n" + table(header, cells, numeric)
    yield "<h3>各支部详情（按台账顺序）</h3>\n"
    for i, section in enumerate(context.fragments(group_id)):
        state = " open" if unfold else ""
        yield f'<details class="branch" id="{key}-b{i}"{state}>{section}</details>\n'
    yield "</section>\n"


def _head(summary: Summary, font_missing: bool) -> str:
    groups = list(summary.rubrics.values())
    css = CSS + "".join(tier_css(f"#g{i}", len(g.meta.tiers)) for i, g in enumerate(groups))
    toc = "".join(
        f'<li><a href="#g{i}">{esc(group_title(g))}</a></li>' for i, g in enumerate(groups)
    )
    if summary.errors:
        toc += '<li><a href="#errors">未能评分的台账</a></li>'
    warn = (
        '<p class="warn">生成本报告的机器上未找到中文字体（如 Noto Sans CJK SC），'
        "图表中的中文显示为方框。安装字体后，请删除 matplotlib 的字体缓存"
        "（~/.cache/matplotlib）再重新生成。</p>"
        if font_missing
        else ""
    )
    lede = "".join(f'<p class="lede">{esc(line)}</p>' for line in overview(summary))
    title = esc(report_title(summary))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n<main>\n"
        f'<header class="top"><h1>{title}</h1>{lede}</header>\n{warn}'
        f'<nav class="toc"><ol>{toc}</ol></nav>\n'
    )


class HtmlReport:
    needs_output = True
    writes_bulletin = True
    fragment = staticmethod(branch_section)

    def write(self, context: ReportContext, out: BinaryIO) -> None:
        try:
            from . import html_charts
        except ImportError:  # the `report` extra is not installed
            raise BranchcheckError.at(
                "--format", 1, 1, "html needs matplotlib: pip install 'branchcheck[report]'"
            ) from None
        summary = context.summary
        out.write(_head(summary, html_charts.cjk_font() is None).encode("utf-8"))
        for i, (group_id, group) in enumerate(summary.rubrics.items()):
            for chunk in _group(f"g{i}", group, context, group_id, summary.count <= OPEN_UP_TO):
                out.write(chunk.encode("utf-8"))
        out.write(
            html_section(summary, context.as_of).encode("utf-8")
        )  # the 通报's text, after the tables
        if summary.errors:
            out.write(
                (
                    '<section id="errors"><h2>未能评分的台账</h2>\n'
                    + table(ERROR_HEADER, escaped(error_rows(summary)), (1, 2))
                    + "</section>\n"
                ).encode("utf-8")
            )
        out.write("<footer>由 branchcheck 生成</footer>\n</main>\n</body>\n</html>\n".encode())
