"""`count`: min(events / min, 1) over the whole period; misses = min - events, floor 0."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, monthly

from branchcheck.models import Ledger
from checks import outcome

QUARTER = {"start": "2024-04-01", "end": "2024-06-30"}

CASES = [
    pytest.param({}, ledger(events=monthly("党课", [3, 6, 9, 12])), 1.0, 0, id="exactly-min"),
    pytest.param({}, ledger(events=monthly("党课", [3, 6, 9])), 0.75, 1, id="one-short"),
    pytest.param({}, ledger(events=monthly("党课", [1, 2, 3, 4, 5, 6])), 1.0, 0, id="capped-at-1"),
    pytest.param({}, ledger(), 0.0, 4, id="none"),
    pytest.param(
        {},
        ledger(events=monthly("党课", [3, 6]) + monthly("党课", [10, 11], year=2023)),
        0.5,
        2,
        id="outside-period-ignored",
    ),
    pytest.param(
        {}, ledger(**QUARTER, events=monthly("党课", [5])), 0.25, 3, id="quarter-ledger-applies"
    ),
    pytest.param(
        {"min": 2, "topic": "廉政"},
        ledger(events=monthly("党课", [3]) + monthly("党课", [6], topics=["廉政教育专题党课"])),
        0.5,
        1,
        id="topic",
    ),
    pytest.param(
        {"event": ["党课", "主题党日"]},
        ledger(events=monthly("党课", [1, 2]) + monthly("主题党日", [3, 4])),
        1.0,
        0,
        id="list-of-types",
    ),
    pytest.param(
        {"min": 1}, ledger(events=monthly("主题党日", [1, 2])), 0.0, 1, id="other-type-not-counted"
    ),
    pytest.param(
        {"event": ["党课", "党课"]}, ledger(events=monthly("党课", [1, 2])), 0.5, 2, id="type-twice"
    ),
]


@pytest.mark.parametrize(("fields", "book", "fraction", "misses"), CASES)
def test_count(fields: dict[str, Any], book: Ledger, fraction: float, misses: int) -> None:
    got = outcome({"kind": "count", "event": "党课", "min": 4, **fields}, book)
    assert (got.fraction, got.misses) == (fraction, misses)


DETAILS = [
    pytest.param(
        {},
        ledger(events=monthly("党课", [3, 6, 9])),
        "考核期内开展党课3次，少于要求的4次",
        id="plain",
    ),
    pytest.param(
        {"min": 2, "topic": "廉政"},
        ledger(events=monthly("党课", [6], topics=["廉政教育专题党课"])),
        "考核期内开展含“廉政”的党课1次，少于要求的2次",
        id="topic",
    ),
    pytest.param(
        {"event": ["党课", "主题党日"]},
        ledger(events=monthly("党课", [1]) + monthly("主题党日", [3])),
        "考核期内开展党课或主题党日2次，少于要求的4次",
        id="list",
    ),
]


@pytest.mark.parametrize(("fields", "book", "detail"), DETAILS)
def test_count_detail(fields: dict[str, Any], book: Ledger, detail: str) -> None:
    assert outcome({"kind": "count", "event": "党课", "min": 4, **fields}, book).detail == detail
