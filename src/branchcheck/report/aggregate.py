"""Fold branch rows into a batch summary, one row at a time."""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from sys import intern

from ..models.result import NormResult, Result, StandardResult
from ..models.rubric import Rubric
from .model import NormStat, OrgStat, OrgTally, RubricSummary, Summary, period_kind
from .rows import BranchRow, NormMeta, RubricMeta, costliest

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
    nxt = result.next_tier
    norm_shares, lost = _norm_figures(result.norms)
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
        tier_rank=[tier_id for tier_id, _ in meta.tiers].index(result.tier.id),
        vetoes=tuple(result.vetoes),
        next_tier=nxt.name if nxt else None,
        short_by=nxt.short_by if nxt else None,
        blockers=tuple(nxt.blockers) if nxt else (),
        blocker_texts=tuple(nxt.blocker_texts) if nxt else (),
        next_min_score=nxt.min_score if nxt else None,
        rectifications=tuple(result.rectifications),
        costliest=costliest(lost),
        dimension_earned=array("d", [d.earned for d in result.dimensions]),
        norm_shares=norm_shares,
        standard_shares=_shares(result.standards),
    )


def _norm_figures(norms: list[NormResult]) -> tuple[array[float], list[tuple[float, NormResult]]]:
    """`_shares` of the norms, and the points each lost (bonus norms aside) for `costliest`,
    in one loop over them (two loops cost ~9 µs more a ledger)."""
    shares = array("d")
    lost = []
    for item in norms:
        status = item.status
        if status == "not_applicable":
            shares.append(NOT_APPLICABLE)
            continue
        earned, points = item.earned, item.points
        if status == "met":
            shares.append(1.0)
        else:  # a 0-point veto item not met: 0
            shares.append(min(earned / points, 0.9999) if points else 0.0)
        if earned < points and not item.bonus:
            lost.append((round(points - earned, 2), item))
    return shares, lost


def _shares(items: Sequence[NormResult] | Sequence[StandardResult]) -> array[float]:
    """Earned / points per item, kept below 1 unless the item is fully met (9.996 of 10 shows
    as 10); NaN where it does not apply. One loop, no call per item: some 70 items a ledger."""
    shares = array("d")
    for item in items:
        status = item.status
        if status == "met":
            shares.append(1.0)
        elif status == "not_applicable":
            shares.append(NOT_APPLICABLE)
        else:  # a 0-point veto item not met: 0
            points = item.points
            shares.append(min(item.earned / points, 0.9999) if points else 0.0)
    return shares


def group_key(meta: RubricMeta, row: BranchRow) -> str:
    """The summary group a row belongs to: its rubric and the kind of period it covers."""
    return f"{meta.id}\0{period_kind(row.start, row.end)[0]}"


def add(
    summary: Summary, meta: RubricMeta, row: BranchRow, file: str | None = None
) -> tuple[str, str | None]:
    """Count one scored branch into the summary, its row parked on disk. Return the key of
    the group it went to (its fragments are kept under that key), and the file that held the
    same branch for the same period before, if any. `file` is the row's file name, given when
    the caller holds that text already (it is kept for the whole batch)."""
    key = group_key(meta, row)
    group = summary.rubrics.get(key)
    if group is None:
        kind, span = period_kind(row.start, row.end)
        group = RubricSummary(meta=meta, kind=kind, span=span)
        _insert(summary, key, group)
        group.tier_counts = {tier_id: 0 for tier_id, _ in meta.tiers}
        group.norms = {
            n.id: NormStat(n.id, n.name, n.dimension, n.points, n.bonus) for n in meta.norms
        }
        group.standards = {
            s.id: NormStat(s.id, s.name, s.dimension, s.points, s.bonus) for s in meta.standards
        }
        group.norm_order = [group.norms[n.id] for n in meta.norms]
        group.standard_order = [group.standards[s.id] for s in meta.standards]
    group.count += 1
    group.scores.append(row.score)
    group.tier_counts[row.tier_id] += 1
    group.store.append(row)
    period = (intern(row.start), intern(row.end))
    group.period_counts[period] = group.period_counts.get(period, 0) + 1
    # Ledgers of one branch for different periods (a year, its quarters) are the cycle, not a
    # duplicate: only the same period twice is worth a warning.
    earlier = _first_file(group, row.id, period[0], row.file if file is None else file)
    org = group.organisations.get(row.parent)
    if org is None:
        org = group.organisations[row.parent] = OrgStat(row.parent)
        org.tiers = {tier_id: 0 for tier_id, _ in meta.tiers}
    org.branches += 1
    org.score_sum += row.score
    org.tiers[row.tier_id] += 1
    org.above_floor += row.tier_rank > 0
    if row.rectifications:
        tally = group.rectifications.get(row.parent)
        if tally is None:
            tally = group.rectifications[row.parent] = OrgTally(row.parent)
        tally.branches.add(row.id)
        tally.statuses.update(item.status for item in row.rectifications)
    _count(group.norm_order, row.norm_shares)
    _count(group.standard_order, row.standard_shares)
    return key, (earlier if earlier != row.file else None)


def _first_file(group: RubricSummary, branch: str, start: str, file: str) -> str:
    """Note the branch's ledger for the period beginning `start`; the first file that held
    that branch and period (`file` itself if none did)."""
    if not group.ids:
        group.main_start = start
    ids = group.ids
    if branch in ids:
        group.repeated_ids.add(branch)
        if start == group.main_start:
            first = ids[branch]
            if first is not None:
                return first
            ids[branch] = file
            return file
    else:
        ids[branch] = file if start == group.main_start else None
        if start == group.main_start:
            return file
    return group.other_starts.setdefault((branch, start), file)


def _insert(summary: Summary, key: str, group: RubricSummary) -> None:
    """A new group, kept in order: rubrics as first met, the longest periods first."""
    groups = {**summary.rubrics, key: group}
    first = {
        rubric: i for i, rubric in enumerate(dict.fromkeys(g.meta.id for g in groups.values()))
    }
    kinds = [g for g in groups.values() if g.meta.id == group.meta.id]
    for g in kinds:
        g.split = len(kinds) > 1
    order = sorted(groups, key=lambda k: (first[groups[k].meta.id], -groups[k].span))
    summary.rubrics = {k: groups[k] for k in order}


def _count(stats: list[NormStat], shares: array[float]) -> None:
    """`stats` in the rubric's order (the order of `shares`)."""
    for stat, share in zip(stats, shares, strict=True):
        if share != share:  # NaN: not applicable
            continue
        stat.applicable += 1
        if share >= 1.0:  # met: nothing lost (rounding the sum again would not change it)
            stat.met += 1
        elif not stat.bonus:  # an unearned bonus is not a loss
            stat.lost = round(stat.lost + stat.points * (1 - share), 4)
