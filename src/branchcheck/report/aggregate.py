"""Fold branch rows into a batch summary, one row at a time."""

from __future__ import annotations

import math
from array import array
from sys import intern

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
NOT_APPLICABLE = math.nan


def rubric_meta(rubric: Rubric) -> RubricMeta:
    return RubricMeta(
        id=rubric.id,
        version=rubric.version,
        name=rubric.name,
        tiers=tuple((t.id, t.name) for t in rubric.tiers),
        dimensions=tuple((d.id, d.name) for d in rubric.dimensions),
        norms=tuple(
            NormMeta(
                n.id, n.name, d.id, n.points, n.bonus, n.requirement or "", s.id if s else None
            )
            for d, s, n, _ in rubric.placed
        ),
        standards=tuple(
            NormMeta(
                s.id,
                s.name,
                d.id,
                sum(n.points for n in s.norms if not n.bonus),
                all(n.bonus for n in s.norms),
                s.requirement or "",
            )
            for d, s in rubric.standards
        ),
    )


def branch_row(result: Result, meta: RubricMeta, file: str) -> BranchRow:
    # Rows are kept for the whole batch: repeated texts are shared, shares packed as doubles.
    ranks = {tier_id: i for i, (tier_id, _) in enumerate(meta.tiers)}
    nxt = result.next_tier
    return BranchRow(
        file=file,
        rubric=intern(meta.id),
        id=result.branch.id,
        name=result.branch.name,
        parent=intern(result.branch.parent or NO_PARENT),
        start=intern(result.period.start),
        end=intern(result.period.end),
        score=result.score,
        tier_id=intern(result.tier.id),
        tier_name=intern(result.tier.name),
        tier_rank=ranks[result.tier.id],
        vetoes=tuple(result.vetoes),
        next_tier=nxt.name if nxt else None,
        short_by=nxt.short_by if nxt else None,
        blockers=tuple(nxt.blockers) if nxt else (),
        blocker_texts=tuple(nxt.blocker_texts) if nxt else (),
        next_min_score=nxt.min_score if nxt else None,
        costliest=costliest(result),
        dimension_earned=array("d", (d.earned for d in result.dimensions)),
        norm_shares=array(
            "d",
            (_share(n.status, n.earned, n.points) for n in result.norms),
        ),
        standard_shares=array(
            "d",
            (_share(s.status, s.earned, s.points) for s in result.standards),
        ),
    )


def _share(status: str, earned: float, points: float) -> float:
    """Earned / points, kept below 1 unless the norm is fully met (9.996 of 10 shows as 10)."""
    if status == "not_applicable":
        return NOT_APPLICABLE
    if status == "met":
        return 1.0
    return min(earned / points, 0.9999) if points else 0.0  # a 0-point veto item not met


def add(summary: Summary, meta: RubricMeta, row: BranchRow, file: str | None = None) -> str | None:
    """Count one scored branch into the summary, its row parked on disk; the file that held
    the same branch before, for this rubric, if any. `file` is the row's file name, given
    when the caller holds that text already (it is kept for the whole batch)."""
    group = summary.rubrics.get(meta.id)
    if group is None:
        group = summary.rubrics[meta.id] = RubricSummary(meta=meta)
        group.tier_counts = {tier_id: 0 for tier_id, _ in meta.tiers}
        group.norms = {
            n.id: NormStat(n.id, n.name, n.dimension, n.points, n.bonus) for n in meta.norms
        }
        group.standards = {
            s.id: NormStat(s.id, s.name, s.dimension, s.points, s.bonus) for s in meta.standards
        }
    group.count += 1
    group.scores.append(row.score)
    group.tier_counts[row.tier_id] += 1
    group.store.append(row)
    period = (row.start, row.end)
    group.period_counts[period] = group.period_counts.get(period, 0) + 1
    earlier = group.first_files.setdefault(row.id, row.file if file is None else file)
    if earlier != row.file:
        group.repeated_ids.add(row.id)
    org = group.organisations.get(row.parent)
    if org is None:
        org = group.organisations[row.parent] = OrgStat(row.parent)
        org.tiers = {tier_id: 0 for tier_id, _ in meta.tiers}
    org.branches += 1
    org.score_sum += row.score
    org.tiers[row.tier_id] += 1
    org.above_floor += row.tier_rank > 0
    _count(group.norms, meta.norms, row.norm_shares)
    _count(group.standards, meta.standards, row.standard_shares)
    return earlier if earlier != row.file else None


def _count(stats: dict[str, NormStat], metas: tuple[NormMeta, ...], shares: array[float]) -> None:
    for norm, share in zip(metas, shares, strict=True):
        if math.isnan(share):  # not applicable
            continue
        stat = stats[norm.id]
        stat.applicable += 1
        stat.met += share >= 1.0
        if not norm.bonus:  # an unearned bonus is not a loss
            stat.lost = round(stat.lost + norm.points * (1 - share), 4)
