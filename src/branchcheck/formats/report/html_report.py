"""HTML: one self-contained page to look at: charts, the summary tables, a section per branch.

Self-contained: the CSS is inline and the charts are inline SVG (html_charts); no script, no
external reference, not even an address in the text: user text is HTML-escaped with `://`
written `&#58;//`, which shows the same. Same batch, same bytes (no dates).

Each branch's section is rendered where its ledger is scored (`html_parts.branch_section`, in
parallel with --jobs) and written in input order, inside a <details> that is open when the batch is
small; the page streams out, one section in memory at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ...errors import BranchcheckError
from ...report.model import RubricSummary, Summary
from ..escape import number
from .base import ReportContext, ordered_rows
from .html_parts import branch_section, esc, escaped, table, tier_badge
from .html_style import CSS, tier_colours, tier_css
from .tables import (
    BRANCH_HEADER,
    ERROR_HEADER,
    NORM_HEADER,
    STANDARD_HEADER,
    TITLE,
    blockers_text,
    costliest_text,
    error_rows,
    floor_label,
    group_title,
    next_tier_text,
    norm_rows,
    org_header,
    org_rows,
    overview,
    percent,
    tier_header,
    tier_rows,
)

OPEN_UP_TO = 20  # batches this small show every branch's section unfolded


def _cards(group: RubricSummary) -> str:
    above = sum(org.above_floor for org in group.organisations.values())
    cards = [
        ("支部数", str(group.count)),
        ("平均分", number(group.mean)),
        ("中位数", number(group.median)),
        (floor_label(group), percent(above / group.count if group.count else None)),
    ]
    inner = "".join(
        f'<div class="card"><b>{esc(v)}</b><span>{esc(k)}</span></div>' for k, v in cards
    )
    return f'<div class="cards">{inner}</div>'


def _charts(key: str, group: RubricSummary) -> tuple[str, str, str]:
    """Tier distribution, tiers per organisation, and the heat map, as <figure>s."""
    from . import html_charts as charts

    tiers = group.meta.tiers
    colours = tier_colours(len(tiers))
    names = [name for _, name in tiers]
    counts = [group.tier_counts.get(tier_id, 0) for tier_id, _ in tiers]
    orgs = [
        (text[0], [group.organisations[text[0]].tiers.get(t, 0) for t, _ in tiers])
        for text in org_rows(group)
    ]
    scored = [i for i, n in enumerate(group.meta.norms) if not n.bonus]  # no bonus: not a failure
    heat = [
        (f"{r.id} {r.name}", [r.norm_shares[i] for i in scored]) for r in ordered_rows(group.rows)
    ]
    caption = (
        "行：支部，按得分由低到高；列：规范（加分项除外）；颜色：得分占分值的比例，灰色为不适用"
    )
    heatmap = (
        (
            f"<figure><figcaption>{caption}</figcaption>"
            f"{charts.heatmap(key + 'h', heat, [group.meta.norms[i].id for i in scored])}"
            "</figure>"
        )
        if scored
        else ""
    )  # a rubric of bonus norms only: nothing to map
    return (
        f"<figure>{charts.tier_chart(key + 't', names, counts, colours)}</figure>",
        f"<figure>{charts.org_chart(key + 'o', orgs, names, colours)}</figure>",
        heatmap,
    )


def _branch_list(key: str, group: RubricSummary) -> str:
    index = {id(row): i for i, row in enumerate(group.rows)}
    rows = []
    for row in ordered_rows(group.rows):
        rows.append(
            [
                f'<a href="#{key}-b{index[id(row)]}">{esc(row.id)}</a>',
                esc(row.name),
                esc(row.parent),
                number(row.score),
                tier_badge(row.tier_name, row.tier_rank),
                esc("、".join(row.vetoes)),
                esc(next_tier_text(row)),
                esc(blockers_text(row)),
                esc(costliest_text(row)),
            ]
        )
    return table(BRANCH_HEADER, rows, numeric=(3,), cls="branches")


def _group(
    key: str, group: RubricSummary, context: ReportContext, group_id: str, unfold: bool
) -> Iterator[str]:
    yield f'<section class="rubric" id="{key}">\n<h2>{esc(group_title(group))}</h2>\n'
    tiers, orgs, heat = _charts(key, group)
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
            + table(STANDARD_HEADER, escaped(norm_rows(group, standards=True)), (3, 4, 5, 6, 7))
        )
    items = "检查内容" if group.meta.standards else "规范"
    yield (
        f"<h3>各项{items}达标率（由低到高）</h3>\n"
        + heat
        + table(NORM_HEADER, escaped(norm_rows(group)), (3, 4, 5, 6, 7))
    )
    yield "<h3>各支部情况（按得分由低到高）</h3>\n" + _branch_list(key, group)
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
        '<p class="warn">本机未找到中文字体（如 Noto Sans CJK SC），'
        "图表中的中文可能显示为方框。</p>"
        if font_missing
        else ""
    )
    lede = "".join(f'<p class="lede">{esc(line)}</p>' for line in overview(summary))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(TITLE)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n<main>\n"
        f'<header class="top"><h1>{esc(TITLE)}</h1>{lede}</header>\n{warn}'
        f'<nav class="toc"><ol>{toc}</ol></nav>\n'
    )


class HtmlReport:
    needs_output = True
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
        if summary.errors:
            out.write(
                (
                    '<section id="errors"><h2>未能评分的台账</h2>\n'
                    + table(ERROR_HEADER, escaped(error_rows(summary)), (1, 2))
                    + "</section>\n"
                ).encode("utf-8")
            )
        out.write("<footer>由 branchcheck 生成</footer>\n</main>\n</body>\n</html>\n".encode())
