"""`rating`: the assessor's level as a share (check `levels`, else rubric `ratings`).

No rating: fraction 0 and `unrated`.
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger

from checks import outcome

OWN = {"优秀": 1.0, "合格": 0.7, "不合格": 0.0}

# A rating has no misses ("–" in design.md): the level's share is the whole answer.
CASES = [
    pytest.param({}, {}, "好", 1.0, 0, id="default-good"),
    pytest.param({}, {}, "较好", 0.8, 0, id="default-fairly-good"),
    pytest.param({}, {}, "一般", 0.6, 0, id="default-average"),
    pytest.param({}, {}, "差", 0.0, 0, id="default-poor"),
    pytest.param({}, {"ratings": {"A": 1.0, "B": 0.5}}, "B", 0.5, 0, id="rubric-levels"),
    pytest.param({"levels": OWN}, {}, "合格", 0.7, 0, id="check-levels"),
    pytest.param(
        {"levels": OWN}, {"ratings": {"合格": 0.2}}, "合格", 0.7, 0, id="check-levels-win"
    ),
    pytest.param({"levels": OWN}, {}, "优秀", 1.0, 0, id="check-levels-top"),
]


@pytest.mark.parametrize(("fields", "top", "level", "fraction", "misses"), CASES)
def test_rating(
    fields: dict[str, Any], top: dict[str, Any], level: str, fraction: float, misses: int
) -> None:
    got = outcome({"kind": "rating", **fields}, ledger(ratings={"N01": level}), **top)
    assert (got.fraction, got.misses, got.unrated) == (fraction, misses, False)


@pytest.mark.parametrize("ratings", [{}, {"N02": "好"}], ids=["none", "other-norm-only"])
def test_unrated(ratings: dict[str, str]) -> None:
    got = outcome({"kind": "rating"}, ledger(ratings=ratings))
    assert (got.fraction, got.misses, got.unrated, got.detail) == (
        0.0,
        0,
        True,
        "考核人尚未评定等次",
    )


def test_rating_detail() -> None:
    got = outcome({"kind": "rating"}, ledger(ratings={"N01": "较好"}))
    assert got.detail == "考核评定为“较好”，得该项分值的80%"
    full = outcome({"kind": "rating"}, ledger(ratings={"N01": "好"}))
    assert full.detail == "考核评定为“好”，得该项满分"
    none = outcome({"kind": "rating"}, ledger(ratings={"N01": "差"}))
    assert none.detail == "考核评定为“差”，该项不得分"


def test_level_unknown_to_the_rubric_scores_zero_without_crashing() -> None:
    # Only a ledger built without load_ledger's checks can carry one; score() must not crash.
    got = outcome({"kind": "rating"}, ledger(ratings={"N01": "优秀"}))
    assert (got.fraction, got.misses, got.unrated) == (0.0, 0, False)
    assert got.detail == "等级“优秀”不在评定等级之中，按0计"
