"""Tiers: the highest whose rules all hold, and what stands between a branch and the next."""

from __future__ import annotations

from ..models.result import DimensionResult, NextTier, NormResult, PartResult, TierRef
from ..models.rubric import Rubric, Tier

COMMON = "common"  # the blocker id of `min_common_ratio`


def blockers(
    tier: Tier,
    vetoes: list[str],
    norms: dict[str, NormResult],
    dimensions: list[DimensionResult],
    common: PartResult,
) -> list[str]:
    """Vetoes, required norms not fully met, dimensions under the ratio, and `common` when the
    norms' own ratio is under `min_common_ratio`: ids, in that order."""
    found: list[str] = list(vetoes) if tier.veto_free else []
    for norm_id in tier.requires:
        result = norms.get(norm_id)
        if (
            result is not None
            and result.status not in ("met", "not_applicable")
            and norm_id not in found
        ):
            found.append(norm_id)
    if tier.min_dimension_ratio is not None:
        for dim in dimensions:
            if dim.max > 0 and dim.earned / dim.max < tier.min_dimension_ratio - 1e-9:
                found.append(dim.id)
    if tier.min_common_ratio is not None and common.max > 0:
        if common.earned / common.max < tier.min_common_ratio - 1e-9:
            found.append(COMMON)
    return found


def place(
    rubric: Rubric,
    score: float,
    vetoes: list[str],
    norms: list[NormResult],
    dimensions: list[DimensionResult],
    common: PartResult,
) -> tuple[TierRef, NextTier | None]:
    by_id = {n.id: n for n in norms}
    reached = 0  # the lowest tier is where every branch starts
    pending: list[tuple[Tier, list[str]]] = []
    for index, tier in enumerate(rubric.tiers):
        blocking = blockers(tier, vetoes, by_id, dimensions, common)
        pending.append((tier, blocking))
        if not blocking and (tier.min_score is None or score >= tier.min_score):
            reached = index
    tier = rubric.tiers[reached]
    if reached + 1 == len(rubric.tiers):
        return TierRef(id=tier.id, name=tier.name), None
    above, blocking = pending[reached + 1]
    short_by = max((above.min_score or 0.0) - score, 0.0)
    return TierRef(id=tier.id, name=tier.name), NextTier(
        id=above.id, name=above.name, short_by=round(short_by, 2), blockers=blocking
    )
