"""Tier `min_common_ratio`: earned over applicable points of the rubric's norms (共性任务; bonus
and tasks aside) must reach the ratio, else the tier is blocked with the blocker id `common`."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, monthly, norm, rubric

from branchcheck import score
from branchcheck.models import Ledger

LESSONS = {"kind": "count", "event": "党课", "min": 10}  # earns held/10 of the points
TIERS = [
    {"id": "general", "name": "一般党支部"},
    {"id": "standardized", "name": "标准化党支部", "min_common_ratio": 0.9},
]


def held(count: int, **fields: Any) -> Ledger:
    return ledger(events=monthly("党课", list(range(1, count + 1))), **fields)


def placed(book: Ledger, *norms: dict[str, Any], tiers: Any = TIERS, **top: Any) -> tuple:
    result = score(rubric(*(norms or (norm(LESSONS, 100),)), tiers=tiers, **top), book)
    blockers = result.next_tier.blockers if result.next_tier else None
    return (result.tier.id, blockers, result.common.earned, result.common.max)


CASES = [
    pytest.param(held(10), (), ("standardized", None, 100.0, 100), id="all-earned"),
    pytest.param(held(9), (), ("standardized", None, 90.0, 100), id="exactly-the-ratio"),
    pytest.param(held(8), (), ("general", ["common"], 80.0, 100), id="under-the-ratio"),
    pytest.param(held(0), (), ("general", ["common"], 0.0, 100), id="nothing-earned"),
    # Not applicable norms leave the ratio: 9 of 10 on the one that applies.
    pytest.param(
        held(9),
        (norm(LESSONS, 10), norm(LESSONS, 90, id="N02", when={"members_at_least": 50})),
        ("standardized", None, 9.0, 10),
        id="not-applicable-left-out",
    ),
    pytest.param(
        held(8),
        (norm(LESSONS, 10), norm(LESSONS, 90, id="N02", when={"members_at_least": 50})),
        ("general", ["common"], 8.0, 10),
        id="not-applicable-left-out-under",
    ),
    # Every norm not applicable: no ratio to hold, nothing blocks.
    pytest.param(
        held(0),
        (norm(LESSONS, 10, when={"members_at_least": 50}),),
        ("standardized", None, 0.0, 0),
        id="nothing-applies",
    ),
    # A bonus norm neither helps nor hurts the ratio.
    pytest.param(
        held(8),
        (norm(LESSONS, 100), norm(LESSONS, 20, id="B01", bonus=True)),
        ("general", ["common"], 80.0, 100),
        id="bonus-does-not-help",
    ),
    pytest.param(
        held(9),
        (
            norm(LESSONS, 100),
            norm({"kind": "count", "event": "支委会", "min": 1}, 20, id="B01", bonus=True),
        ),
        ("standardized", None, 90.0, 100),
        id="unearned-bonus-does-not-hurt",
    ),
]


@pytest.mark.parametrize(("book", "norms", "expected"), CASES)
def test_min_common_ratio(book: Ledger, norms: tuple[dict[str, Any], ...], expected: tuple) -> None:
    assert placed(book, *norms) == expected


SPLIT = {"total": 100, "split": {"common": 40, "individual": 60}}


def tasks(rating: str | None = None) -> list[dict[str, Any]]:
    task: dict[str, Any] = {"id": "T1", "name": "个性任务", "points": 60, "status": "done"}
    if rating:
        task["rating"] = rating
    return [task]


def test_tasks_do_not_lift_the_common_ratio() -> None:
    """Full marks on the individual tasks, 50% on the norms: 80 points, yet blocked."""
    tiers = [
        {"id": "general", "name": "一般党支部"},
        {"id": "standardized", "name": "标准化党支部", "min_score": 60, "min_common_ratio": 0.6},
    ]
    result = score(rubric(norm(LESSONS, 40), tiers=tiers, **SPLIT), held(5, tasks=tasks()))
    assert (result.score, result.common.earned, result.common.max) == (80.0, 20.0, 40)
    assert result.tier.id == "general"
    assert result.next_tier is not None and result.next_tier.blockers == ["common"]


def test_common_ratio_met_but_score_short() -> None:
    tiers = [
        {"id": "general", "name": "一般党支部"},
        {"id": "standardized", "name": "标准化党支部", "min_score": 90, "min_common_ratio": 0.6},
    ]
    result = score(rubric(norm(LESSONS, 40), tiers=tiers, **SPLIT), held(8, tasks=tasks("一般")))
    assert (result.score, result.tier.id) == (68.0, "general")
    assert result.next_tier is not None
    assert (result.next_tier.short_by, result.next_tier.blockers) == (22.0, [])


def test_common_is_the_last_blocker() -> None:
    tiers = [
        {"id": "general", "name": "一般党支部"},
        {
            "id": "standardized",
            "name": "标准化党支部",
            "veto_free": True,
            "requires": ["N02"],
            "min_dimension_ratio": 0.9,
            "min_common_ratio": 0.9,
        },
    ]
    norms = (
        norm(LESSONS, 50, veto=True),
        norm({"kind": "count", "event": "支委会", "min": 1}, 50, id="N02"),
    )
    got = placed(held(5), *norms, tiers=tiers)
    assert got == ("general", ["N01", "N02", "d1", "common"], 25.0, 100)


def test_common_ratio_on_a_higher_tier_only() -> None:
    tiers = [
        {"id": "general", "name": "一般党支部"},
        {"id": "standardized", "name": "标准化党支部", "min_common_ratio": 0.7},
        {"id": "exemplary", "name": "示范性党支部", "min_common_ratio": 0.9},
    ]
    assert placed(held(8), tiers=tiers) == ("standardized", ["common"], 80.0, 100)
    assert placed(held(9), tiers=tiers) == ("exemplary", None, 90.0, 100)
    assert placed(held(6), tiers=tiers) == ("general", ["common"], 60.0, 100)
