"""The report's tables as plain rows of text: shared by terminal, markdown, xlsx and html."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...report.model import RubricSummary, Summary
from .. import prose
from ..escape import number
from ..labels import RUBRIC
from .base import ordered_rows
from .columns import Kind, table_columns
from .titles import periods_phrase as periods_phrase  # where the formats look for them
from .titles import report_title as report_title

MAX_LISTED_PERIODS = 6


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f}%"


def period_line(periods: dict[tuple[str, str], int]) -> str:
    """`考核期：2024年度`, or each period with its ledgers: `考核期：2024年度（台账12份）、…`."""
    if len(periods) == 1:
        return f"考核期：{prose.period_name(*next(iter(periods)))}"
    parts = [f"{prose.period_name(*p)}（台账{n}份）" for p, n in periods.items()]
    if len(parts) > MAX_LISTED_PERIODS:
        return f"考核期：{'、'.join(parts[:MAX_LISTED_PERIODS])}等{len(parts)}个考核期"
    return f"考核期：{'、'.join(parts)}"


def _counted(branches: int, ledgers: int) -> str:
    return f"参评支部{branches}个" + (f"，台账{ledgers}份" if ledgers != branches else "")


def overview(summary: Summary) -> list[str]:
    """The batch's own lines: its periods, branches and ledgers, and the ledgers not scored.
    No score: a mean across rubrics would mix scales (each rubric's totals say theirs)."""
    periods = summary.periods()
    line = _counted(summary.branches, summary.count)
    rubrics = len(summary.rubric_ids)
    if rubrics > 1:
        line += f"，按{rubrics}个{RUBRIC}分别评分、分别统计"
    kinds = list(dict.fromkeys(g.kind for g in summary.rubrics.values() if g.split))
    if kinds:
        line += f"，{prose.and_list(kinds)}考核分别统计"
    if summary.errors:
        line += f"；另有{summary.failed_files}个台账未能评分"
    return [*([period_line(periods)] if periods else []), line]


def group_title(group: RubricSummary) -> str:
    """`…验收规范（lanzhou-6543，2021版）`; `——季度考核` when the rubric's ledgers cover
    periods of more than one kind (each kind is its own group)."""
    meta = group.meta
    kind = f"——{group.kind}考核" if group.split else ""
    return f"{meta.name}（{meta.id}，{meta.version}版）{kind}"


def group_label(group: RubricSummary) -> str:
    """A group in a cell or a sheet name: `lanzhou-6543`, `lanzhou-6543·季度`."""
    return f"{group.meta.id}·{group.kind}" if group.split else group.meta.id


def totals_line(group: RubricSummary) -> str:
    """`参评支部12个，台账14份，平均分88.2，中位数86.85（按台账计）`: one group's totals."""
    per_ledger = "（按台账计）" if group.count != group.branches else ""
    return (
        f"{_counted(group.branches, group.count)}，平均分{number(group.mean)}，"
        f"中位数{number(group.median)}{per_ledger}"
    )


def group_lines(summary: Summary, group: RubricSummary) -> list[str]:
    """The lines under a rubric's title: its periods when the batch has several rubrics (the
    overview says them otherwise), then its totals."""
    periods = [period_line(group.periods())] if len(summary.rubrics) > 1 else []
    return [*periods, totals_line(group)]


def count_label(group: RubricSummary) -> str:
    """What the tier and organisation tables count: branches, or ledgers when a branch has
    two (an annual and a quarterly one are two results)."""
    return "台账数" if group.repeated else "支部数"


def tier_header(group: RubricSummary) -> list[str]:
    return ["等级", count_label(group), "占比"]


def tier_rows(group: RubricSummary) -> list[list[str]]:
    rows = []
    for tier_id, name in reversed(group.meta.tiers):
        count = group.tier_counts.get(tier_id, 0)
        rows.append([name, str(count), percent(count / group.count if group.count else None)])
    return rows


def floor_label(group: RubricSummary) -> str:
    tiers = group.meta.tiers
    return f"{tiers[1][1]}及以上占比" if len(tiers) > 1 else "占比"


def org_header(group: RubricSummary) -> list[str]:
    return [
        "上级组织",
        count_label(group),
        *[name for _, name in reversed(group.meta.tiers)],
        "平均分",
        floor_label(group),
    ]


def org_rows(group: RubricSummary) -> list[list[str]]:
    rows = []
    for org in sorted(
        group.organisations.values(), key=lambda o: (o.above_floor / o.branches, o.mean, o.name)
    ):
        rows.append(
            [
                org.name,
                str(org.branches),
                *[str(org.tiers.get(tier_id, 0)) for tier_id, _ in reversed(group.meta.tiers)],
                number(org.mean),
                percent(org.above_floor / org.branches),
            ]
        )
    return rows


NORM_HEADER = ["编号", "规范", "维度", "分值", "适用支部", "达标支部", "达标率", "共失分"]
STANDARD_HEADER = ["编号", "工作规范", "维度", "分值", "适用支部", "达标支部", "达标率", "共失分"]


def norm_header(group: RubricSummary, standards: bool = False) -> list[str]:
    """NORM_HEADER (STANDARD_HEADER), counting ledgers when a branch has two."""
    header = STANDARD_HEADER if standards else NORM_HEADER
    return [
        h.replace("支部", "台账") if h in ("适用支部", "达标支部") and group.repeated else h
        for h in header
    ]


def norm_rows(group: RubricSummary, standards: bool = False) -> list[list[str]]:
    dims = dict(group.meta.dimensions)
    return [
        [
            n.id,
            n.name,
            dims.get(n.dimension, n.dimension),
            number(n.points),
            str(n.applicable),
            str(n.met),
            percent(n.share),
            number(n.lost),
        ]
        for n in (group.weakest_standards() if standards else group.weakest_norms())
    ]


def branch_table(group: RubricSummary) -> TextTable:
    """Every branch, weakest first, in the columns `columns.BRANCH_COLUMNS` describes."""
    cols = table_columns(group)
    return TextTable(
        "各支部情况（按得分由低到高）",
        [c.label for c in cols],
        [[c.text(row) for c in cols] for row in ordered_rows(group.rows)],
        right=frozenset(i for i, c in enumerate(cols) if c.kind is Kind.NUMBER),
        whole=frozenset(i for i, c in enumerate(cols) if not c.wrap),
    )


ERROR_HEADER = ["文件", "行", "列", "问题"]


def error_rows(summary: Summary) -> list[list[str]]:
    return [[e.file, str(e.line), str(e.col), e.message] for e in summary.errors]


_FIGURE = re.compile(r"[-+]?\d+(?:\.\d+)?%?|—")


@dataclass(frozen=True)
class TextTable:
    """A table as text: its title, header and rows, and which columns hold figures (aligned
    right) and which are kept on one line."""

    title: str
    header: list[str]
    rows: list[list[str]]
    right: frozenset[int] = frozenset()
    whole: frozenset[int] = frozenset()


def figures(title: str, header: list[str], rows: list[list[str]]) -> TextTable:
    """A summary table whose columns of figures (every cell a number, a percentage or —)
    align right."""
    right = frozenset(
        i
        for i in range(len(header))
        if rows and all(_FIGURE.fullmatch(row[i]) for row in rows if row[i])
    )
    return TextTable(title, header, rows, right)


def group_tables(group: RubricSummary) -> list[TextTable]:
    """The report's tables for one rubric, in order."""
    by_standard = (
        [
            figures(
                "各项工作规范达标率（由低到高）",
                norm_header(group, standards=True),
                norm_rows(group, standards=True),
            )
        ]
        if group.meta.standards
        else []
    )
    return [
        figures("等级分布", tier_header(group), tier_rows(group)),
        figures("各单位情况", org_header(group), org_rows(group)),
        *by_standard,
        figures(
            "各项检查内容达标率（由低到高）" if by_standard else "各项规范达标率（由低到高）",
            norm_header(group),
            norm_rows(group),
        ),
        branch_table(group),
    ]


ERRORS_TITLE = "未能评分的台账"
