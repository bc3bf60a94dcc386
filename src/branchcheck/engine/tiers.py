"""Tiers: the highest whose rules all hold, and what stands between a branch and the next."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..formats import prose
from ..models.rubric import Rubric, Tier

COMMON = "common"  # the blocker id of `min_common_ratio`

# `score` places a ledger before its result is validated (in one call, at the end): the norms,
# dimensions and common part come as their result fields, and the tiers go back as fields.
Fields = Mapping[str, Any]


def blockers(
    tier: Tier,
    vetoes: list[str],
    norms: Mapping[str, Fields],
    dimensions: Sequence[Fields],
    common: Fields,
    split: bool = False,
) -> list[tuple[str, str]]:
    """Vetoes, required norms not fully met, dimensions under the ratio, and `common` when the
    norms' own ratio is under `min_common_ratio`, in that order: (id, the reason in words).
    `norms` holds (by id) at least the vetoes and the norms a tier requires."""
    found: list[tuple[str, str]] = []
    if tier.veto_free:
        found += [(v, prose.veto_blocker(v, norms[v]["name"] if v in norms else v)) for v in vetoes]
    for norm_id in tier.requires:
        result = norms.get(norm_id)
        if (
            result is not None
            and result["status"] not in ("met", "not_applicable")
            and all(norm_id != ident for ident, _ in found)
        ):
            found.append(
                (norm_id, prose.required_blocker(norm_id, result["name"], result["status"]))
            )
    if tier.min_dimension_ratio is not None:
        floor = tier.min_dimension_ratio
        for dim in dimensions:
            earned, most = dim["earned"], dim["max"]
            if most > 0 and earned / most < floor - 1e-9:
                found.append((dim["id"], prose.ratio_blocker(dim["name"], earned, most, floor)))
    if tier.min_common_ratio is not None and common["max"] > 0:
        floor = tier.min_common_ratio
        earned, most = common["earned"], common["max"]
        if earned / most < floor - 1e-9:
            name = prose.common_name(split)
            found.append((COMMON, prose.ratio_blocker(name, earned, most, floor)))
    return found


def place(
    rubric: Rubric,
    score: float,
    vetoes: list[str],
    norms: Mapping[str, Fields],
    dimensions: Sequence[Fields],
    common: Fields,
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The tier reached and the next one (the fields of TierRef and NextTier)."""
    split = rubric.split is not None
    reached = 0  # the lowest tier is where every branch starts
    pending: list[tuple[Tier, list[tuple[str, str]]]] = []
    for index, tier in enumerate(rubric.tiers):
        blocking = blockers(tier, vetoes, norms, dimensions, common, split)
        pending.append((tier, blocking))
        if not blocking and (tier.min_score is None or score >= tier.min_score):
            reached = index
    tier = rubric.tiers[reached]
    if reached + 1 == len(rubric.tiers):
        return {"id": tier.id, "name": tier.name}, None
    above, blocking = pending[reached + 1]
    short_by = max((above.min_score or 0.0) - score, 0.0)
    return {"id": tier.id, "name": tier.name}, {
        "id": above.id,
        "name": above.name,
        "short_by": round(short_by, 2),
        "blockers": [ident for ident, _ in blocking],
        "min_score": above.min_score,
        "blocker_texts": [text for _, text in blocking],
    }
