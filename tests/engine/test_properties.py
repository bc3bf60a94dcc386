"""Properties of score() over random small ledgers: bounds hold, output is deterministic,
and the Result (and the models) survive pickle and JSON."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from typing import Any

from builders import EVENTS, ledger, norm, rubric
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branchcheck import score
from branchcheck.models import Ledger, Result, Rubric

NORMS = [
    norm({"kind": "frequency", "event": "支委会", "per": "month"}, 10, id="N01"),
    norm(
        {
            "kind": "frequency",
            "event": ["党小组会", "主题党日"],
            "per": "quarter",
            "min": 2,
            "topic": "学习",
        },
        5,
        id="N02",
        scoring="all_or_nothing",
    ),
    norm({"kind": "count", "event": "党课", "min": 4}, 6, id="N03", scoring={"deduct": 1.5}),
    norm({"kind": "attendance", "event": "党员大会", "min_rate": 0.8}, 5, id="N04", veto=True),
    norm({"kind": "talks"}, 5, id="N05"),
    norm({"kind": "dues"}, 5, id="N06", scoring={"deduct": 0.5}),
    norm({"kind": "training", "hours": 8}, 5, id="N07", when={"members_at_least": 3}),
    norm({"kind": "term"}, 5, id="N08", scoring="all_or_nothing"),
    norm(
        {
            "kind": "structure",
            "committee_at": 5,
            "committee_size": [3, 5],
            "roles": ["书记", "组织委员"],
        },
        5,
        id="N09",
    ),
    norm({"kind": "fact", "key": "活动室"}, 3, id="N10"),
    norm({"kind": "fact", "key": "经费", "min": 5000}, 3, id="N11", when={"members_below": 7}),
    norm({"kind": "rating"}, 5, id="N12", veto=True),
    norm({"kind": "rating", "levels": {"优": 1.0, "中": 0.5}}, 3, id="N13"),
    norm({"kind": "fact", "key": "品牌"}, 4, id="B1", bonus=True),
    norm({"kind": "count", "event": "主题党日", "min": 2}, 3, id="B2", bonus=True),
]
TIERS = [
    {"id": "general", "name": "一般"},
    {"id": "standardized", "name": "标准化", "min_score": 60, "veto_free": True},
    {
        "id": "exemplary",
        "name": "示范",
        "min_score": 85,
        "veto_free": True,
        "min_dimension_ratio": 0.7,
        "requires": ["N05"],
    },
]
COMMON = sum(n["points"] for n in NORMS if not n.get("bonus"))
PLAIN = rubric(*NORMS, tiers=TIERS, bonus_cap=5)
SPLIT = rubric(*NORMS, tiers=TIERS, total=COMMON + 40, split={"common": COMMON, "individual": 40})
PERIODS = [
    ("2024-01-01", "2024-12-31"),
    ("2024-04-01", "2024-06-30"),
    ("2024-01-15", "2024-12-14"),
    ("2023-01-01", "2024-12-31"),
    ("2024-03-01", "2024-03-31"),
    ("2024-02-10", "2024-02-20"),
]
DAYS = st.dates(dt.date(2022, 10, 1), dt.date(2025, 3, 31))
MONTHS = [f"{y}-{m:02d}" for y in (2023, 2024, 2025) for m in range(1, 13)]


@st.composite
def ledgers(draw: st.DrawFn, split: bool) -> Ledger:
    start, end = draw(st.sampled_from(PERIODS))
    ids = [f"M{i:02d}" for i in range(1, draw(st.integers(1, 8)) + 1)]
    people = []
    for member_id in ids:
        joined, left = sorted([draw(DAYS), draw(DAYS)])
        person: dict[str, Any] = {
            "id": member_id,
            "name": f"党员{member_id}",
            "status": draw(st.sampled_from(["正式", "正式", "预备"])),
            "roles": draw(
                st.lists(st.sampled_from(["书记", "组织委员", "宣传委员"]), max_size=2, unique=True)
            ),
        }
        if draw(st.booleans()):
            person["joined"] = joined.isoformat()
        if draw(st.booleans()):
            person["left"] = left.isoformat()
        people.append(person)
    some_ids = st.lists(st.sampled_from(ids), unique=True)
    events = [
        {
            "date": draw(DAYS).isoformat(),
            "type": draw(st.sampled_from(EVENTS)),
            "attendees": draw(st.one_of(st.just("all"), some_ids)),
            "absent": draw(some_ids),
            "topics": draw(st.lists(st.sampled_from(["学习讲话", "研究工作"]), max_size=2)),
        }
        for _ in range(draw(st.integers(0, 25)))
    ]
    fields: dict[str, Any] = {
        "members": people,
        "events": events,
        "dues": draw(
            st.dictionaries(st.sampled_from(ids), st.lists(st.sampled_from(MONTHS), unique=True))
        ),
        "training": [
            {
                "member": draw(st.sampled_from(ids)),
                "date": draw(DAYS).isoformat(),
                "hours": draw(st.floats(0.5, 40, allow_nan=False)),
            }
            for _ in range(draw(st.integers(0, 6)))
        ],
        "facts": draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "活动室": st.sampled_from([True, False, "有", "无", "一间"]),
                    "经费": st.sampled_from([3000, 6000, 5000.5, "很多"]),
                    "品牌": st.booleans(),
                },
            )
        ),
        "ratings": draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "N12": st.sampled_from(["好", "较好", "一般", "差"]),
                    "N13": st.sampled_from(["优", "中"]),
                },
            )
        ),
    }
    if draw(st.booleans()):
        fields["committee"] = {"elected": draw(DAYS).isoformat(), "members": draw(some_ids)}
    if split:
        points = draw(st.sampled_from([[40], [20, 20], [10, 30]]))
        fields["tasks"] = [
            {
                "id": f"T{i}",
                "name": "任务",
                "points": p,
                "status": draw(st.sampled_from(["done", "partial", "open"])),
                **draw(
                    st.fixed_dictionaries(
                        {}, optional={"rating": st.sampled_from(["好", "较好", "一般", "差"])}
                    )
                ),
            }
            for i, p in enumerate(points, 1)
        ]
    return ledger(start=start, end=end, **fields)


def check_bounds(model: Rubric, result: Result) -> None:
    for n in result.norms:
        assert (n.fraction is None) == (n.status == "not_applicable")
        if n.fraction is not None:
            assert 0 <= n.fraction <= 1
        assert 0 <= n.earned <= n.points
    for d in result.dimensions:
        assert 0 <= d.earned <= d.max
    for t in result.tasks:
        assert 0 <= t.earned <= t.points
    cap = (
        model.bonus_cap
        if model.bonus_cap is not None
        else sum(n.points for _, n in model.norms if n.bonus)
    )
    assert 0 <= result.bonus <= cap
    assert 0 <= result.score <= model.total + cap
    assert result.score == round(result.score, 2)
    assert set(result.vetoes) <= {n.id for n in result.norms if n.veto}


def check_stable(model: Rubric, book: Ledger, result: Result) -> None:
    assert score(model, book) == result
    assert score(model, Ledger.model_validate(book.model_dump())) == result
    assert pickle.loads(pickle.dumps(result)) == result
    assert score(pickle.loads(pickle.dumps(model)), pickle.loads(pickle.dumps(book))) == result
    text = result.model_dump_json()
    assert Result.model_validate_json(text) == result
    assert json.loads(text)["format"] == "branchcheck.result/1"


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(ledgers(split=False))
def test_plain_rubric_properties(book: Ledger) -> None:
    result = score(PLAIN, book)
    check_bounds(PLAIN, result)
    check_stable(PLAIN, book, result)


@SETTINGS
@given(ledgers(split=True))
def test_split_rubric_properties(book: Ledger) -> None:
    result = score(SPLIT, book)
    check_bounds(SPLIT, result)
    check_stable(SPLIT, book, result)
