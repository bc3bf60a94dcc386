"""The report's tables as plain rows of text: shared by terminal, markdown, xlsx and html."""

from __future__ import annotations

from ...report.model import BranchRow, RubricSummary, Summary
from .. import prose
from ..escape import number
from .base import ordered_rows

TITLE = "党支部标准化规范化建设评估通报"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f}%"


def overview(summary: Summary) -> list[str]:
    return [
        f"评估支部{summary.count}个，平均分{number(summary.mean)}"
        + (f"，另有{len(summary.errors)}个台账未能评分" if summary.errors else "")
    ]


def group_title(group: RubricSummary) -> str:
    meta = group.meta
    return f"{meta.name}（{meta.id}，{meta.version}版）"


def tier_header(group: RubricSummary) -> list[str]:
    return ["等级", "支部数", "占比"]


def tier_rows(group: RubricSummary) -> list[list[str]]:
    rows = []
    for tier_id, name in reversed(group.meta.tiers):
        count = group.tier_counts.get(tier_id, 0)
        rows.append([name, str(count), percent(count / group.count if group.count else None)])
    return rows


def totals_line(group: RubricSummary) -> str:
    return f"支部{group.count}个，平均分{number(group.mean)}，中位数{number(group.median)}"


def floor_label(group: RubricSummary) -> str:
    tiers = group.meta.tiers
    return f"{tiers[1][1]}及以上占比" if len(tiers) > 1 else "占比"


def org_header(group: RubricSummary) -> list[str]:
    return [
        "上级组织",
        "支部数",
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


BRANCH_HEADER = [
    "支部编号",
    "支部名称",
    "上级组织",
    "得分",
    "等级",
    "一票否决",
    "距上一等级",
    "须先解决",
    "失分最多的规范",
]


def next_tier_text(row: BranchRow) -> str:
    return prose.next_tier_short(row.next_tier, row.short_by, row.next_min_score)


def blockers_text(row: BranchRow) -> str:
    """What blocks the next tier, in words: `否决项N05（按期换届选举）未达标；…`."""
    return "；".join(row.blocker_texts or row.blockers)


def costliest_text(row: BranchRow) -> str:
    return "；".join(prose.costly_text(c.id, c.name, c.lost) for c in row.costliest)


def branch_cells(row: BranchRow) -> list[str]:
    return [
        row.id,
        row.name,
        row.parent,
        number(row.score),
        row.tier_name,
        "、".join(row.vetoes),
        next_tier_text(row),
        blockers_text(row),
        costliest_text(row),
    ]


ERROR_HEADER = ["文件", "行", "列", "问题"]


def error_rows(summary: Summary) -> list[list[str]]:
    return [[e.file, str(e.line), str(e.col), e.message] for e in summary.errors]


def group_tables(group: RubricSummary) -> list[tuple[str, list[str], list[list[str]]]]:
    """The report's tables for one rubric, in order: (title, header, rows)."""
    by_standard = (
        [("各项工作规范达标率（由低到高）", STANDARD_HEADER, norm_rows(group, standards=True))]
        if group.meta.standards
        else []
    )
    return [
        ("等级分布", tier_header(group), tier_rows(group)),
        ("各单位情况", org_header(group), org_rows(group)),
        *by_standard,
        (
            "各项检查内容达标率（由低到高）" if by_standard else "各项规范达标率（由低到高）",
            NORM_HEADER,
            norm_rows(group),
        ),
        (
            "各支部情况（按得分由低到高）",
            BRANCH_HEADER,
            [branch_cells(r) for r in ordered_rows(group.rows)],
        ),
    ]


ERRORS_TITLE = "未能评分的台账"
