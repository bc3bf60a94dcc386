"""Fold branch rows into a batch summary, one row at a time."""

from __future__ import annotations

from ..models.result import Result
from ..models.rubric import Rubric
from .model import (
    BranchRow,
    NormMeta,
    NormStat,
    OrgStat,
    RubricMeta,
    RubricSummary,
    Summary,
    costliest,
)

NO_PARENT = "（未填写上级组织）"


def rubric_meta(rubric: Rubric) -> RubricMeta:
    return RubricMeta(
        id=rubric.id,
        version=rubric.version,
        name=rubric.name,
        tiers=tuple((t.id, t.name) for t in rubric.tiers),
        dimensions=tuple((d.id, d.name) for d in rubric.dimensions),
        norms=tuple(
            NormMeta(n.id, n.name, d.id, n.points, n.bonus, n.requirement or "")
            for d, n in rubric.norms
        ),
    )


def branch_row(result: Result, meta: RubricMeta, file: str) -> BranchRow:
    ranks = {tier_id: i for i, (tier_id, _) in enumerate(meta.tiers)}
    nxt = result.next_tier
    return BranchRow(
        file=file,
        rubric=meta.id,
        id=result.branch.id,
        name=result.branch.name,
        parent=result.branch.parent or NO_PARENT,
        start=result.period.start,
        end=result.period.end,
        score=result.score,
        tier_id=result.tier.id,
        tier_name=result.tier.name,
        tier_rank=ranks[result.tier.id],
        vetoes=tuple(result.vetoes),
        next_tier=nxt.name if nxt else None,
        short_by=nxt.short_by if nxt else None,
        blockers=tuple(nxt.blockers) if nxt else (),
        costliest=costliest(result),
        dimensions=tuple((d.id, d.earned, d.max) for d in result.dimensions),
        norm_shares=tuple(
            None if n.status == "not_applicable" else round(n.earned / n.points, 4)
            for n in result.norms
        ),
    )


def add(summary: Summary, meta: RubricMeta, row: BranchRow) -> None:
    """Count one scored branch into the summary (rows are kept; they are small)."""
    group = summary.rubrics.get(meta.id)
    if group is None:
        group = summary.rubrics[meta.id] = RubricSummary(meta=meta)
        group.tier_counts = {tier_id: 0 for tier_id, _ in meta.tiers}
        group.norms = {
            n.id: NormStat(n.id, n.name, n.dimension, n.points, n.bonus) for n in meta.norms
        }
    group.count += 1
    group.scores.append(row.score)
    group.tier_counts[row.tier_id] += 1
    group.rows.append(row)
    org = group.organisations.get(row.parent)
    if org is None:
        org = group.organisations[row.parent] = OrgStat(row.parent)
        org.tiers = {tier_id: 0 for tier_id, _ in meta.tiers}
    org.branches += 1
    org.score_sum += row.score
    org.tiers[row.tier_id] += 1
    org.above_floor += row.tier_rank > 0
    for norm, share in zip(meta.norms, row.norm_shares, strict=True):
        if share is None:
            continue
        stat = group.norms[norm.id]
        stat.applicable += 1
        stat.met += share >= 1.0
        if not norm.bonus:  # an unearned bonus is not a loss
            stat.lost = round(stat.lost + norm.points * (1 - share), 4)
