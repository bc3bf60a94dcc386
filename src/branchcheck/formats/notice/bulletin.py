"""The 通报 of a batch: 总体情况 → 等级分布 → 共性问题 → 个性问题 by 机关 → 整改要求.

Built from the report model alone (the branch rows and each rubric's aggregates), so any
report format can carry it. Scores on different rubrics are never pooled: with several
rubrics each section says each rubric's figures in turn.
"""

from __future__ import annotations

import datetime as dt

from ...cn_dates import cn_date
from ...report.model import NormStat, RubricSummary, Summary
from ...report.rows import BranchRow
from ..escape import number
from ..prose import and_list, norm_label, percent
from ..report.base import ordered_rows
from ..report.tables import period_line, periods_phrase, report_title
from .document import Block, Document, heading1, heading2, paragraph

COMMON_PROBLEMS = 5  # the weakest norms named as 共性问题
PER_ORGANISATION = 3  # branches named per 机关 when none has a veto or the lowest tier
RECTIFY_DAYS = 30  # the 整改 is due this many days after the 通报's date


def _share(part: int, whole: int) -> str:
    return percent(part / whole) if whole else "—"


def _unit(group: RubricSummary) -> str:
    """What is counted: 支部, or 台账 when a branch has two ledgers here."""
    return "台账" if group.repeated else "支部"


def _prefix(summary: Summary, group: RubricSummary) -> str:
    """`按《…》，` when the batch mixes rubrics; `年度考核，` when a rubric's ledgers cover
    periods of more than one kind (each kind is its own group: figures never pooled)."""
    parts = [f"按《{group.meta.name}》"] if len(summary.rubric_ids) > 1 else []
    parts += [f"{group.kind}考核"] if group.split else []
    return "，".join(parts) + "，" if parts else ""


def overall(summary: Summary) -> list[Block]:
    blocks = []
    for group in summary.rubrics.values():
        period = period_line(group.periods()).removeprefix("考核期：")
        counted = f"参评支部{group.branches}个"
        if group.count != group.branches:
            counted += f"（台账{group.count}份）"
        blocks.append(
            paragraph(
                f"{_prefix(summary, group)}{counted}，考核期为{period}，"
                f"平均分{number(group.mean)}分，中位数{number(group.median)}分，"
                f"最高{number(max(group.scores))}分，最低{number(min(group.scores))}分。"
            )
        )
    if summary.errors:
        blocks.append(
            paragraph(
                f"另有{summary.failed_files}个台账因格式或内容问题未能评分，"
                "请有关支部核实后重新报送。"
            )
        )
    return blocks


def tiers(summary: Summary) -> list[Block]:
    blocks = []
    for group in summary.rubrics.values():
        parts = [
            f"{name}{group.tier_counts.get(tier_id, 0)}个，"
            f"占{_share(group.tier_counts.get(tier_id, 0), group.count)}"
            for tier_id, name in reversed(group.meta.tiers)
        ]
        text = f"{_prefix(summary, group)}等级评定结果：{'；'.join(parts)}。"
        vetoed = [row for row in group.rows if row.vetoes]
        if vetoed:
            text += f"有{len(vetoed)}个{_unit(group)}存在否决项未达标，不能评定为相应等级。"
        blocks.append(paragraph(text))
    return blocks


def weak_norms(group: RubricSummary) -> list[NormStat]:
    return [
        n for n in group.weakest_norms() if not n.bonus and n.applicable and n.met < n.applicable
    ][:COMMON_PROBLEMS]


def common_problems(summary: Summary) -> list[Block]:
    blocks: list[Block] = []
    for group in summary.rubrics.values():
        weak = weak_norms(group)
        unit = _unit(group)
        if not weak:
            blocks.append(paragraph(f"{_prefix(summary, group)}各项规范均全部达标。"))
            continue
        blocks.append(paragraph(f"{_prefix(summary, group)}达标率最低的{len(weak)}项规范是："))
        for i, norm in enumerate(weak, 1):
            missed = norm.applicable - norm.met
            blocks.append(
                paragraph(
                    f"适用的{norm.applicable}个{unit}中有{missed}个未全部达标"
                    f"（占{_share(missed, norm.applicable)}），共扣{number(norm.lost)}分。",
                    f"{i}.{norm_label(norm.id, norm.name)}：",
                )
            )
    return blocks


def _named(group: RubricSummary, rows: list[BranchRow]) -> list[BranchRow]:
    """The branches a 机关's paragraph names: those with a veto or at the lowest tier, else
    its lowest scores below the rubric's mean."""
    flagged = [r for r in rows if r.vetoes or r.tier_rank == 0]
    if flagged:
        return flagged
    return [r for r in rows if r.score < group.mean][:PER_ORGANISATION]


def branch_text(group: RubricSummary, row: BranchRow) -> str:
    names = {n.id: n.name for n in group.meta.norms}
    period = f"（{_period(row)}）" if row.id in group.repeated else ""
    text = f"{row.name}{period}得分{number(row.score)}分，评定为{row.tier_name}"
    if row.vetoes:
        text += f"，否决项{and_list([norm_label(v, names.get(v, v)) for v in row.vetoes])}未达标"
    costly = [f"{norm_label(c.id, c.name)}扣{number(c.lost)}分" for c in row.costliest]
    if costly:
        text += f"；失分较多的是{'、'.join(costly)}"
    return text + "。"


def _period(row: BranchRow) -> str:
    return periods_phrase([(row.start, row.end)])


def individual_problems(summary: Summary) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    for group in summary.rubrics.values():
        by_org: dict[str, list[BranchRow]] = {}
        for row in ordered_rows(group.rows):
            by_org.setdefault(row.parent or "未注明上级组织", []).append(row)
        for org in sorted(
            by_org,
            key=lambda o: (
                (group.organisations[o].mean, o) if o in group.organisations else (0.0, o)
            ),
        ):
            rows = by_org[org]
            index += 1
            kind = f"（{group.kind}考核）" if group.split else ""
            blocks.append(heading2(index, org + kind))
            named = _named(group, rows)
            stat = group.organisations.get(org)
            mean = f"，平均分{number(stat.mean)}分" if stat else ""
            intro = f"所属参评{_unit(group)}{len(rows)}个{mean}"
            if not named:
                blocks.append(paragraph(f"{intro}，未发现突出问题。"))
                continue
            blocks.append(paragraph(f"{intro}。"))
            blocks += [paragraph(branch_text(group, row)) for row in named]
    return blocks


def requirements(summary: Summary, issuer: str | None, day: dt.date | None) -> list[Block]:
    """What the branches must do; a dated 通报 says by which day the 整改报告 is due."""
    to = issuer or "上级党组织"
    by = f"于{cn_date(day + dt.timedelta(days=RECTIFY_DAYS))}前" if day else ""
    vetoed = any(row.vetoes for group in summary.rubrics.values() for row in group.rows)
    blocks = [
        paragraph(
            "各党支部要对照本通报指出的问题和本支部考评结果，逐项建立整改台账，明确整改措施、"
            f"责任人和完成时限，自通报印发之日起{RECTIFY_DAYS}日内完成整改。",
            "1.抓好问题整改。",
        ),
    ]
    if vetoed:
        blocks.append(
            paragraph(
                "存在否决项未达标的支部要立即整改，支部书记要向上级党组织作出说明。",
                "2.否决项立行立改。",
            )
        )
    n = len(blocks) + 1
    blocks += [
        paragraph(
            f"整改完成后，各党支部要{by}将整改报告及相关台账资料报送{to}。",
            f"{n}.按时报送整改报告。",
        ),
        paragraph(
            "下一轮互查考评将对本通报所列问题的整改情况进行重点检查，"
            "对整改不到位、问题反复出现的支部予以通报。",
            f"{n + 1}.开展跟踪检查。",
        ),
    ]
    return blocks


def common_parent(summary: Summary) -> str | None:
    """The one organisation every scored branch belongs to, which then signs the 通报."""
    parents = {row.parent for group in summary.rubrics.values() for row in group.rows}
    return parents.pop() if len(parents) == 1 and "" not in parents else None


def build_bulletin(summary: Summary, day: dt.date | None = None) -> Document:
    """The 通报, dated `day` (its 成文日期) when given."""
    issuer = common_parent(summary)
    title = report_title(summary)
    branches = summary.branches
    periods = periods_phrase(list(summary.periods()))
    blocks: list[Block] = [
        paragraph(
            f"按照党支部标准化规范化建设考评工作安排，对{branches}个党支部{periods}"
            "党建工作进行了考评。现将有关情况通报如下。"
        ),
        heading1(1, "总体情况"),
        *overall(summary),
        heading1(2, "等级分布"),
        *tiers(summary),
        heading1(3, "共性问题"),
        *common_problems(summary),
        heading1(4, "个性问题"),
        *individual_problems(summary),
        heading1(5, "整改要求"),
        *requirements(summary, issuer, day),
    ]
    return Document(
        title=title,
        title_break=title.find("党支部标准化") if title.find("党支部标准化") > 2 else 0,
        addressee="各党支部：",
        blocks=tuple(blocks),
        signature=issuer,
        date=cn_date(day) if day else None,  # dated even when no one organisation signs
    )
