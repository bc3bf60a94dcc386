"""score(): scoring modes, rescaling, split with tasks, bonus, rounding and vetoes."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, members, monthly, norm, rubric

from branchcheck import score
from branchcheck.models import Ledger, Result

COUNT = {"kind": "count", "event": "党课", "min": 4}
MONTHLY = {"kind": "frequency", "event": "支委会", "per": "month"}
TALKS = {"kind": "talks"}
QUARTER = {"start": "2024-04-01", "end": "2024-06-30"}


def lessons(held: int, **fields: Any) -> Ledger:
    return ledger(events=monthly("党课", list(range(1, held + 1))), **fields)


def by_id(result: Result) -> dict[str, Any]:
    return {n.id: n for n in result.norms}


@pytest.mark.parametrize(
    ("scoring", "held", "earned", "status"),
    [
        ("proportional", 4, 10.0, "met"),
        ("proportional", 3, 7.5, "partial"),
        ("proportional", 0, 0.0, "missed"),
        ("all_or_nothing", 4, 10.0, "met"),
        ("all_or_nothing", 3, 0.0, "missed"),
        ({"deduct": 0.5}, 4, 10.0, "met"),
        ({"deduct": 2}, 3, 8.0, "partial"),
        ({"deduct": 2}, 1, 4.0, "partial"),
        ({"deduct": 2.5}, 0, 0.0, "missed"),
        ({"deduct": 3}, 0, 0.0, "missed"),  # 10 - 3 x 4 floors at 0
    ],
)
def test_scoring_modes(scoring: Any, held: int, earned: float, status: str) -> None:
    result = score(rubric(norm(COUNT, scoring=scoring)), lessons(held))
    (only,) = result.norms
    assert (only.earned, only.status, result.score) == (earned, status, earned)


@pytest.mark.parametrize(
    ("points", "months", "earned", "fraction"),
    [(3, 11, 2.75, 0.9167), (1, 11, 0.92, 0.9167), (1, 1, 0.08, 0.0833), (7, 5, 2.92, 0.4167)],
)
def test_earned_and_fraction_are_rounded(
    points: float, months: int, earned: float, fraction: float
) -> None:
    book = ledger(events=monthly("支委会", list(range(1, months + 1))))
    (only,) = score(rubric(norm(MONTHLY, points=points)), book).norms
    assert (only.earned, only.fraction) == (earned, fraction)


def test_score_sums_rounded_earned_values() -> None:
    three = rubric(*(norm(MONTHLY, points=1, id=f"N0{i}") for i in (1, 2, 3)))
    result = score(three, ledger(events=monthly("支委会", list(range(1, 12)))))
    assert [n.earned for n in result.norms] == [0.92, 0.92, 0.92]
    assert result.score == 2.76  # not round(3 x 11/12, 2) = 2.75


# Rescaling: earned (bonus aside) x total / applicable maximum.
RESCALE = [
    pytest.param(
        [norm(MONTHLY, 60), norm(TALKS, 40, id="N02")],
        ledger(**QUARTER, events=monthly("支委会", [4, 5])),
        66.67,  # 40 x 100 / 60
        True,
        id="no-whole-year",
    ),
    pytest.param(
        [norm(MONTHLY, 60), norm(TALKS, 40, id="N02")],
        ledger(events=monthly("支委会", list(range(1, 9)))),
        40.0,
        False,
        id="year-ledger-not-rescaled",
    ),
    pytest.param(
        [norm(COUNT, 30), norm(TALKS, 70, id="N02", when={"members_at_least": 7})],
        lessons(3),
        75.0,  # 22.5 x 100 / 30
        True,
        id="when-members-at-least",
    ),
    pytest.param(
        [norm(COUNT, 30), norm(TALKS, 70, id="N02", when={"members_below": 3})],
        lessons(3),
        75.0,
        True,
        id="when-members-below",
    ),
    pytest.param(
        [norm(COUNT, 30), norm(TALKS, 70, id="N02", when={"members_below": 3})],
        lessons(3, members=[*members(2), {"id": "M03", "name": "预备", "status": "预备"}]),
        22.5,
        False,
        id="probationary-not-counted-by-when",
    ),
    pytest.param(
        [norm(COUNT, 30), norm(TALKS, 70, id="N02", when={"members_at_least": 3})],
        lessons(4, members=[*members(2), {"id": "M03", "name": "调出", "left": "2024-11-30"}]),
        100.0,
        True,
        id="left-before-period-end-not-counted-by-when",
    ),
    pytest.param(
        [norm(COUNT, 10), norm(TALKS, 3, id="B1", bonus=True, when={"members_at_least": 7})],
        lessons(3),
        7.5,
        False,
        id="bonus-norm-n/a-does-not-rescale",
    ),
    pytest.param([norm(TALKS, 10)], ledger(**QUARTER), 0.0, True, id="nothing-applicable"),
    pytest.param(
        [norm(MONTHLY, 1), norm(TALKS, 1, id="N02")],
        ledger(**QUARTER, events=monthly("支委会", [4, 5])),
        1.34,  # the rounded 0.67, rescaled: 0.67 x 2 / 1
        True,
        id="rescales-rounded-earned",
    ),
]


@pytest.mark.parametrize(("norms", "book", "expected", "rescaled"), RESCALE)
def test_rescaling(
    norms: list[dict[str, Any]], book: Ledger, expected: float, rescaled: bool
) -> None:
    result = score(rubric(*norms), book)
    assert (result.score, result.rescaled) == (expected, rescaled)


def test_not_applicable_norm_result() -> None:
    norms = [norm(COUNT, 30), norm(TALKS, 70, id="N02", when={"members_at_least": 7})]
    result = score(rubric(*norms), lessons(3))
    n02 = by_id(result)["N02"]
    assert (n02.status, n02.earned, n02.fraction, n02.misses) == ("not_applicable", 0.0, None, 0)
    assert n02.detail == "正式党员3名，不设支部委员会，本项不适用"
    assert [(d.earned, d.max) for d in result.dimensions] == [(22.5, 30)]
    assert result.max == 100


SPLIT = {"split": {"common": 60, "individual": 40}, "total": 100}


def task(status: str, rating: str | None = None, points: float = 40, id: str = "T1") -> dict:
    return {
        "id": id,
        "name": "打造党建品牌",
        "points": points,
        "status": status,
        **({"rating": rating} if rating else {}),
    }


@pytest.mark.parametrize(
    ("status", "rating", "earned"),
    [
        ("done", "好", 40.0),
        ("done", "较好", 32.0),
        ("done", None, 40.0),
        ("done", "差", 0.0),
        ("partial", "一般", 12.0),
        ("partial", None, 20.0),
        ("open", "好", 0.0),
        ("open", None, 0.0),
    ],
)
def test_split_tasks(status: str, rating: str | None, earned: float) -> None:
    result = score(rubric(norm(COUNT, 60), **SPLIT), lessons(3, tasks=[task(status, rating)]))
    (only,) = result.tasks
    assert (only.earned, only.status) == (earned, status)
    assert result.score == 45.0 + earned
    assert not result.rescaled


def test_split_two_tasks() -> None:
    tasks = [task("done", "好", 20), task("partial", "较好", 20, id="T2")]
    result = score(rubric(norm(COUNT, 60), **SPLIT), lessons(4, tasks=tasks))
    assert [t.earned for t in result.tasks] == [20.0, 8.0]
    assert result.score == 88.0


def test_split_rescaled_counts_tasks_on_both_sides() -> None:
    norms = [norm(COUNT, 30), norm(TALKS, 30, id="N02")]
    book = ledger(**QUARTER, events=monthly("党课", [4, 5, 6]), tasks=[task("done", "较好")])
    result = score(rubric(*norms, **SPLIT), book)
    # (22.5 + 32) x 100 / (30 + 40)
    assert (result.score, result.rescaled) == (77.86, True)


BONUS = [
    norm(COUNT, 10),
    norm({"kind": "fact", "key": "党建品牌"}, 3, id="B1", bonus=True),
    norm({"kind": "fact", "key": "示范点"}, 3, id="B2", bonus=True),
]


@pytest.mark.parametrize(
    ("cap", "facts", "bonus", "total"),
    [
        (5, {"党建品牌": True, "示范点": True}, 5.0, 15.0),
        (5, {"党建品牌": True}, 3.0, 13.0),
        (2, {"党建品牌": True}, 2.0, 12.0),
        (0, {"党建品牌": True}, 0.0, 10.0),
        (None, {"党建品牌": True, "示范点": True}, 6.0, 16.0),
        (5, {}, 0.0, 10.0),
    ],
)
def test_bonus_and_cap(
    cap: float | None, facts: dict[str, bool], bonus: float, total: float
) -> None:
    top = {"bonus_cap": cap} if cap is not None else {}
    result = score(rubric(*BONUS, **top), lessons(4, facts=facts))
    assert (result.bonus, result.score, result.max) == (bonus, total, 10)
    assert result.dimensions[0].max == 10  # bonus norms stay out of the maximum


def test_bonus_norm_statuses_use_its_own_points() -> None:
    result = score(rubric(*BONUS, bonus_cap=5), lessons(4, facts={"党建品牌": True}))
    assert [(n.id, n.status, n.earned) for n in result.norms] == [
        ("N01", "met", 10.0),
        ("B1", "met", 3.0),
        ("B2", "missed", 0.0),
    ]


def test_vetoes_list_partial_missed_and_unrated_not_not_applicable() -> None:
    norms = [
        norm(COUNT, 10, id="N01", veto=True),
        norm({**COUNT, "min": 8}, 10, id="N02", veto=True),
        norm({"kind": "count", "event": "党员大会", "min": 1}, 10, id="N03", veto=True),
        norm({"kind": "rating"}, 10, id="N04", veto=True),
        norm(TALKS, 10, id="N05", veto=True, when={"members_at_least": 9}),
        norm({"kind": "count", "event": "党员大会", "min": 1}, 10, id="N06"),
        norm({"kind": "rating"}, 10, id="N07", veto=True),
    ]
    result = score(rubric(*norms), lessons(4, ratings={"N07": "好"}))
    statuses = [n.status for n in result.norms]
    assert statuses == ["met", "partial", "missed", "unrated", "not_applicable", "missed", "met"]
    assert result.vetoes == ["N02", "N03", "N04"]
