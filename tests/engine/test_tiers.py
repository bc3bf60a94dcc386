"""Tier placement and next_tier: the highest tier whose rules all hold; what blocks the next."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, monthly, norm, rubric

from branchcheck import score
from branchcheck.engine.tiers import place
from branchcheck.models.result import DimensionResult, NormResult, PartResult

TIERS = [
    {"id": "general", "name": "一般党支部"},
    {"id": "standardized", "name": "标准化党支部", "min_score": 80, "veto_free": True},
    {
        "id": "exemplary",
        "name": "示范性党支部",
        "min_score": 90,
        "veto_free": True,
        "min_dimension_ratio": 0.8,
        "requires": ["N02"],
    },
]
COUNT = {"kind": "count", "event": "党课", "min": 4}
RUBRIC = rubric(norm(COUNT, 10), norm(COUNT, 10, id="N02"), tiers=TIERS)


def result(norm_id: str, status: str) -> NormResult:
    earned = {"met": 10.0, "partial": 5.0}.get(status, 0.0)
    return NormResult(
        id=norm_id,
        name=norm_id,
        dimension="d1",
        points=10,
        earned=earned,
        fraction=None if status == "not_applicable" else earned / 10,
        misses=0,
        status=status,
        detail="",
    )  # type: ignore[arg-type]


def dims(*pairs: tuple[float, float]) -> list[DimensionResult]:
    return [
        DimensionResult(id=f"d{i}", name=f"维度{i}", earned=e, max=m)
        for i, (e, m) in enumerate(pairs, 1)
    ]


def placed(
    total: float,
    vetoes: tuple[str, ...] = (),
    n02: str = "met",
    dimensions: tuple[tuple[float, float], ...] = ((9, 10),),
    tiers: Any = None,
) -> tuple:
    model = (
        RUBRIC if tiers is None else rubric(norm(COUNT, 10), norm(COUNT, 10, id="N02"), tiers=tiers)
    )
    norms = [result("N01", "met"), result("N02", n02)]
    tier, above = place(model, total, list(vetoes), norms, dims(*dimensions), ALL_MET)
    if above is None:
        return (tier.id, None)
    return (tier.id, above.id, above.short_by, above.blockers)


ALL_MET = PartResult(earned=20, max=20)

CASES = [
    pytest.param({"total": 0}, ("general", "standardized", 80.0, []), id="zero"),
    pytest.param({"total": 79.99}, ("general", "standardized", 0.01, []), id="just-under-80"),
    pytest.param({"total": 80}, ("standardized", "exemplary", 10.0, []), id="exactly-80-passes"),
    pytest.param({"total": 89.99}, ("standardized", "exemplary", 0.01, []), id="just-under-90"),
    pytest.param({"total": 90}, ("exemplary", None), id="exactly-90-top-tier"),
    pytest.param({"total": 100}, ("exemplary", None), id="full-marks"),
    pytest.param(
        {"total": 95, "vetoes": ("N01",)}, ("general", "standardized", 0.0, ["N01"]), id="veto"
    ),
    pytest.param(
        {"total": 75, "vetoes": ("N01",)},
        ("general", "standardized", 5.0, ["N01"]),
        id="veto-and-short",
    ),
    pytest.param(
        {"total": 95, "n02": "partial"}, ("standardized", "exemplary", 0.0, ["N02"]), id="partial"
    ),
    pytest.param(
        {"total": 95, "n02": "missed"}, ("standardized", "exemplary", 0.0, ["N02"]), id="missed"
    ),
    pytest.param(
        {"total": 95, "n02": "unrated"}, ("standardized", "exemplary", 0.0, ["N02"]), id="unrated"
    ),
    pytest.param({"total": 95, "n02": "not_applicable"}, ("exemplary", None), id="required-n/a"),
    pytest.param(
        {"total": 95, "dimensions": ((9, 10), (7.9, 10))},
        ("standardized", "exemplary", 0.0, ["d2"]),
        id="dimension-under-ratio",
    ),
    pytest.param(
        {"total": 95, "dimensions": ((8, 10), (24, 30))}, ("exemplary", None), id="ratio-exact"
    ),
    pytest.param(
        {"total": 95, "dimensions": ((9, 10), (0, 0))}, ("exemplary", None), id="empty-dimension"
    ),
    pytest.param(
        {"total": 85, "vetoes": ("N03",), "n02": "missed", "dimensions": ((1, 10),)},
        ("general", "standardized", 0.0, ["N03"]),
        id="next-tier-blockers-only",
    ),
]


@pytest.mark.parametrize(("args", "expected"), CASES)
def test_placement(args: dict[str, Any], expected: tuple) -> None:
    assert placed(**args) == expected


def test_blocker_order_vetoes_then_required_then_dimensions() -> None:
    tiers = [TIERS[0], {**TIERS[2], "requires": ["N05", "N02"]}]
    got = placed(
        85, vetoes=("N09", "N02"), n02="missed", dimensions=((7, 10), (9, 10), (1, 10)), tiers=tiers
    )
    # N02 is a veto and a required norm: listed once, as a veto. N05 is unknown: ignored.
    assert got == ("general", "exemplary", 5.0, ["N09", "N02", "d1", "d3"])


def test_vetoes_do_not_block_a_tier_without_veto_free() -> None:
    tiers = [TIERS[0], {"id": "scored", "name": "达标", "min_score": 60}]
    assert placed(70, vetoes=("N01",), tiers=tiers) == ("scored", None)


def test_highest_tier_whose_rules_hold_even_above_a_failing_one() -> None:
    tiers = [
        TIERS[0],
        {"id": "a", "name": "甲", "min_score": 60, "requires": ["N02"]},
        {"id": "b", "name": "乙", "min_score": 90},
    ]
    assert placed(95, n02="missed", tiers=tiers) == ("b", None)


@pytest.mark.parametrize(
    ("held", "tier", "next_tier"),
    [
        (8, "exemplary", None),
        (7, "general", ("standardized", 0.0, ["N02"])),  # 93.75, but the N02 veto is partial
        (3, "general", ("standardized", 23.75, ["N02"])),  # 37.5 + 18.75
    ],
)
def test_tiers_through_score(held: int, tier: str, next_tier: tuple | None) -> None:
    model = rubric(norm(COUNT, 50), norm({**COUNT, "min": 8}, 50, id="N02", veto=True), tiers=TIERS)
    book = ledger(events=monthly("党课", list(range(1, held + 1))))
    got = score(model, book)
    assert got.tier.id == tier
    above = got.next_tier
    assert (None if above is None else (above.id, above.short_by, above.blockers)) == next_tier
