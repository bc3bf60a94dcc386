"""`fact`: 1 when the ledger's fact matches `expect` (default true) or reaches `min`, else 0.

Both sides read as booleans (true/yes/是/有/1 ...) compare as booleans, else as text.
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger

from checks import outcome

CASES = [
    pytest.param({}, {"活动室": True}, 1.0, 0, id="true"),
    pytest.param({}, {"活动室": "有"}, 1.0, 0, id="you-reads-true"),
    pytest.param({}, {"活动室": "是"}, 1.0, 0, id="shi-reads-true"),
    pytest.param({}, {"活动室": 1}, 1.0, 0, id="one-reads-true"),
    pytest.param({}, {"活动室": False}, 0.0, 1, id="false"),
    pytest.param({}, {"活动室": "无"}, 0.0, 1, id="wu-reads-false"),
    pytest.param({}, {"活动室": "一间"}, 0.0, 1, id="text-is-not-true"),
    pytest.param({}, {"其他": True}, 0.0, 1, id="missing"),
    pytest.param({}, {}, 0.0, 1, id="no-facts"),
    pytest.param({"expect": False}, {"活动室": "否"}, 1.0, 0, id="expect-false-met"),
    pytest.param({"expect": False}, {"活动室": True}, 0.0, 1, id="expect-false-missed"),
    pytest.param({"expect": False}, {}, 0.0, 1, id="expect-false-missing"),
    pytest.param({"expect": "是"}, {"活动室": "yes"}, 1.0, 0, id="both-boolean-words"),
    pytest.param({"expect": "已建立"}, {"活动室": "已建立"}, 1.0, 0, id="text-equal"),
    pytest.param({"expect": "已建立"}, {"活动室": "筹建中"}, 0.0, 1, id="text-differs"),
    pytest.param({"min": 5000}, {"活动室": 6000}, 1.0, 0, id="min-above"),
    pytest.param({"min": 5000}, {"活动室": 5000}, 1.0, 0, id="min-exact"),
    pytest.param({"min": 5000}, {"活动室": 4999.5}, 0.0, 1, id="min-below"),
    pytest.param({"min": 5000}, {"活动室": "6,000"}, 1.0, 0, id="min-thousands-comma"),
    pytest.param({"min": 5000}, {"活动室": "很多"}, 0.0, 1, id="min-not-a-number"),
    pytest.param({"min": 5000}, {}, 0.0, 1, id="min-missing"),
    pytest.param({"min": 5000}, {"活动室": "inf"}, 0.0, 1, id="min-inf-is-not-a-number"),
    pytest.param({"min": 5000}, {"活动室": "1e400"}, 0.0, 1, id="min-overflow-is-not-a-number"),
    pytest.param({"min": 5000}, {"活动室": float("inf")}, 0.0, 1, id="min-typed-inf"),
    pytest.param({"min": 5000}, {"活动室": "nan"}, 0.0, 1, id="min-nan"),
    # share: the value is the fraction (群众满意率 in five-star).
    pytest.param({"share": True}, {"活动室": "82%"}, 0.82, 1, id="share-percent"),
    pytest.param({"share": True}, {"活动室": 0.82}, 0.82, 1, id="share-decimal"),
    pytest.param({"share": True}, {"活动室": 82}, 0.82, 1, id="share-82-means-percent"),
    pytest.param({"share": True}, {"活动室": "100%"}, 1.0, 0, id="share-full"),
    pytest.param({"share": True}, {"活动室": "120%"}, 1.0, 0, id="share-capped-at-1"),
    pytest.param({"share": True}, {"活动室": "很好"}, 0.0, 1, id="share-not-a-number"),
    pytest.param({"share": True}, {}, 0.0, 1, id="share-missing"),
]


@pytest.mark.parametrize(("fields", "facts", "fraction", "misses"), CASES)
def test_fact(fields: dict[str, Any], facts: dict[str, Any], fraction: float, misses: int) -> None:
    got = outcome({"kind": "fact", "key": "活动室", **fields}, ledger(facts=facts))
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("fields", "facts", "detail"),
    [
        ({}, {"活动室": True}, "活动室：符合要求"),
        ({}, {"活动室": False}, "活动室：不符合要求"),
        ({}, {}, "台账未记录“活动室”"),
        ({"expect": "已建立"}, {"活动室": "筹建中"}, "活动室为“筹建中”，要求为“已建立”"),
        ({"min": 5000}, {"活动室": 3000}, "活动室3000，低于5000"),
    ],
    ids=["met", "missed", "missing", "text", "min"],
)
def test_fact_detail(fields: dict[str, Any], facts: dict[str, Any], detail: str) -> None:
    got = outcome({"kind": "fact", "key": "活动室", **fields}, ledger(facts=facts))
    assert got.detail == detail
