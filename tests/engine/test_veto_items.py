"""Veto items of 0 points (一票否决, no points of their own): met only at fraction 1, else missed
and listed under `vetoes`; they never move the score, the maximum or the common part."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, monthly, norm, rubric

from branchcheck import score
from branchcheck.models import Ledger

LESSONS = {"kind": "count", "event": "党课", "min": 4}
YEAR = [f"2024-{m:02d}" for m in range(1, 13)]
TIERS = [
    {"id": "general", "name": "一般党支部"},
    {"id": "standardized", "name": "标准化党支部", "min_score": 80, "veto_free": True},
]


def book(lessons: int = 4, **fields: Any) -> Ledger:
    return ledger(events=monthly("党课", list(range(1, lessons + 1))), **fields)


def veto(check: dict[str, Any], scoring: Any = "proportional", **extra: Any) -> dict[str, Any]:
    return norm(check, 0, id="V01", veto=True, scoring=scoring, **extra)


BASE = norm(LESSONS, 100)

CASES = [
    # (veto item, ledger) -> (status, earned, fraction, in vetoes)
    pytest.param(veto(LESSONS), book(4), ("met", 0.0, 1.0, False), id="fraction-1-met"),
    pytest.param(veto(LESSONS), book(3), ("missed", 0.0, 0.75, True), id="fraction-0.75-missed"),
    pytest.param(veto(LESSONS), book(0), ("missed", 0.0, 0.0, True), id="fraction-0-missed"),
    pytest.param(
        veto(LESSONS, "all_or_nothing"), book(3), ("missed", 0.0, 0.75, True), id="all-or-nothing"
    ),
    pytest.param(veto(LESSONS, {"deduct": 1}), book(3), ("missed", 0.0, 0.75, True), id="deduct"),
    pytest.param(
        veto({"kind": "dues_gap"}),
        book(dues={"M01": YEAR, "M02": YEAR, "M03": YEAR[:6]}),
        ("missed", 0.0, 0.0, True),
        id="dues-gap-missed",
    ),
    pytest.param(
        veto({"kind": "dues_gap"}),
        book(dues={"M01": YEAR, "M02": YEAR, "M03": YEAR[:7]}),
        ("met", 0.0, 1.0, False),
        id="dues-gap-met",
    ),
    pytest.param(
        veto({"kind": "fact", "key": "违纪", "expect": False, "default": False}),
        book(),
        ("met", 0.0, 1.0, False),
        id="fact-default-met",
    ),
    pytest.param(
        veto({"kind": "fact", "key": "违纪", "expect": False, "default": False}),
        book(facts={"违纪": "有"}),
        ("missed", 0.0, 0.0, True),
        id="fact-recorded-missed",
    ),
    pytest.param(
        veto(LESSONS, when={"members_at_least": 50}),
        book(0),
        ("not_applicable", 0.0, None, False),
        id="not-applicable-no-veto",
    ),
    pytest.param(
        veto({"kind": "rating"}), book(), ("unrated", 0.0, 0.0, True), id="unrated-vetoes"
    ),
    pytest.param(
        veto({"kind": "rating"}),
        book(ratings={"V01": "好"}),
        ("met", 0.0, 1.0, False),
        id="rated-top-level",
    ),
    pytest.param(
        veto({"kind": "rating"}),
        book(ratings={"V01": "较好"}),
        ("missed", 0.0, 0.8, True),
        id="rated-below-top-level",
    ),
]


@pytest.mark.parametrize(("item", "ledger_", "expected"), CASES)
def test_zero_point_veto(item: dict[str, Any], ledger_: Ledger, expected: tuple) -> None:
    result = score(rubric(BASE, item, tiers=TIERS), ledger_)
    veto_item = result.norms[1]
    status, earned, fraction, vetoed = expected
    assert (veto_item.status, veto_item.earned, veto_item.fraction) == (status, earned, fraction)
    assert ("V01" in result.vetoes) is vetoed
    # The base norm alone decides the score; the veto decides the tier.
    base = result.norms[0].earned
    assert (result.score, result.max, result.common.max) == (base, 100, 100)
    reached = "general" if vetoed or base < 80 else "standardized"
    assert result.tier.id == reached


def test_zero_point_veto_blocks_a_full_score() -> None:
    item = veto({"kind": "count", "event": "党员大会", "min": 1})
    result = score(rubric(BASE, item, tiers=TIERS), book(4))
    assert (result.score, result.vetoes, result.tier.id) == (100.0, ["V01"], "general")
    assert result.next_tier is not None and result.next_tier.blockers == ["V01"]


def test_zero_point_veto_not_applicable_does_not_rescale() -> None:
    item = veto(LESSONS, when={"members_at_least": 50})
    result = score(rubric(BASE, item, tiers=TIERS), book(3))
    assert (result.score, result.rescaled) == (75.0, False)


def test_pointed_norm_not_applicable_still_rescales() -> None:
    item = norm(LESSONS, 0.5, id="N02", when={"members_at_least": 50})
    result = score(rubric(norm(LESSONS, 99.5), item), book(4))
    assert (result.score, result.rescaled) == (100.0, True)


def test_zero_point_veto_in_the_dimension_totals() -> None:
    result = score(rubric(norm(LESSONS, 10), veto(LESSONS)), book(0))
    ((dim_earned, dim_max),) = [(d.earned, d.max) for d in result.dimensions]
    assert (dim_earned, dim_max, result.vetoes) == (0.0, 10, ["V01"])


@pytest.mark.parametrize(
    ("points", "lessons", "status"),
    [
        pytest.param(10, 3, "partial", id="pointed-veto-partial"),
        pytest.param(10, 4, "met", id="pointed-veto-met"),
        pytest.param(0, 3, "missed", id="zero-veto-never-partial"),
    ],
)
def test_zero_point_veto_is_never_partial(points: float, lessons: int, status: str) -> None:
    model = rubric(norm(LESSONS, 10), norm(LESSONS, points, id="V01", veto=True), total=10)
    assert score(model, book(lessons)).norms[1].status == status
