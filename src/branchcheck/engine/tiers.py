"""Tiers: the highest whose rules all hold, and what stands between a branch and the next."""

from __future__ import annotations

from ..formats import prose
from ..models.result import DimensionResult, NextTier, NormResult, PartResult, TierRef
from ..models.rubric import Rubric, Tier

COMMON = "common"  # the blocker id of `min_common_ratio`


def blockers(
    tier: Tier,
    vetoes: list[str],
    norms: dict[str, NormResult],
    dimensions: list[DimensionResult],
    common: PartResult,
    split: bool = False,
) -> list[tuple[str, str]]:
    """Vetoes, required norms not fully met, dimensions under the ratio, and `common` when the
    norms' own ratio is under `min_common_ratio`, in that order: (id, the reason in words)."""
    found: list[tuple[str, str]] = []
    if tier.veto_free:
        found += [(v, prose.veto_blocker(v, norms[v].name if v in norms else v)) for v in vetoes]
    for norm_id in tier.requires:
        result = norms.get(norm_id)
        if (
            result is not None
            and result.status not in ("met", "not_applicable")
            and all(norm_id != ident for ident, _ in found)
        ):
            found.append((norm_id, prose.required_blocker(norm_id, result.name, result.status)))
    if tier.min_dimension_ratio is not None:
        floor = tier.min_dimension_ratio
        for dim in dimensions:
            if dim.max > 0 and dim.earned / dim.max < floor - 1e-9:
                found.append((dim.id, prose.ratio_blocker(dim.name, dim.earned, dim.max, floor)))
    if tier.min_common_ratio is not None and common.max > 0:
        floor = tier.min_common_ratio
        if common.earned / common.max < floor - 1e-9:
            name = prose.common_name(split)
            found.append((COMMON, prose.ratio_blocker(name, common.earned, common.max, floor)))
    return found


def place(
    rubric: Rubric,
    score: float,
    vetoes: list[str],
    norms: list[NormResult],
    dimensions: list[DimensionResult],
    common: PartResult,
) -> tuple[TierRef, NextTier | None]:
    """The tier reached and the next one; `norms` in the rubric's order (`rubric.plan.norms`)."""
    plan = rubric.plan
    # Only the vetoes and the required norms are looked up by id: no map of all 41 norms.
    by_id = {
        ident: norms[i]
        for ident in (*vetoes, *plan.required)
        if (i := plan.index.get(ident)) is not None
    }
    split = rubric.split is not None
    reached = 0  # the lowest tier is where every branch starts
    pending: list[tuple[Tier, list[tuple[str, str]]]] = []
    for index, tier in enumerate(rubric.tiers):
        blocking = blockers(tier, vetoes, by_id, dimensions, common, split)
        pending.append((tier, blocking))
        if not blocking and (tier.min_score is None or score >= tier.min_score):
            reached = index
    if reached + 1 == len(rubric.tiers):
        return plan.tiers[reached], None
    above, blocking = pending[reached + 1]
    short_by = max((above.min_score or 0.0) - score, 0.0)
    return plan.tiers[reached], NextTier(
        id=above.id,
        name=above.name,
        short_by=round(short_by, 2),
        blockers=[ident for ident, _ in blocking],
        min_score=above.min_score,
        blocker_texts=[text for _, text in blocking],
    )
