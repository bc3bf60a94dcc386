"""`term`: 1 when `elected` + years (check, else committee.term_years, else 3) is not before
the period's end; no committee record: 0 with one miss."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger

from branchcheck.models import Ledger
from checks import outcome


def elected(day: str, term_years: int | None = None, **period: str) -> Ledger:
    committee: dict[str, Any] = {"elected": day, "members": ["M01", "M02", "M03"]}
    if term_years is not None:
        committee["term_years"] = term_years
    return ledger(committee=committee, **period)


CASES = [
    pytest.param({}, elected("2022-06-20"), 1.0, 0, id="running"),
    pytest.param({}, elected("2021-12-31"), 1.0, 0, id="expires-exactly-on-period-end"),
    pytest.param({}, elected("2021-12-30"), 0.0, 1, id="expired-day-before-period-end"),
    pytest.param({}, elected("2022-03-31"), 1.0, 0, id="expires-within-90-days-after"),
    pytest.param({}, elected("2018-03-01"), 0.0, 1, id="long-expired"),
    pytest.param({}, ledger(), 0.0, 1, id="no-committee"),
    pytest.param({}, elected("2020-03-01", term_years=5), 1.0, 0, id="ledger-term-years"),
    pytest.param({"years": 2}, elected("2022-06-20", term_years=5), 0.0, 1, id="check-overrides"),
    pytest.param({"years": 5}, elected("2020-03-01", term_years=3), 1.0, 0, id="check-longer"),
    pytest.param(
        {}, elected("2021-06-01", start="2024-01-01", end="2024-03-31"), 1.0, 0, id="quarter"
    ),
    pytest.param(
        {},
        elected("2020-02-29", start="2023-01-01", end="2023-02-28"),
        1.0,
        0,
        id="leap-day-election-ends-feb-28",
    ),
]


@pytest.mark.parametrize(("fields", "book", "fraction", "misses"), CASES)
def test_term(fields: dict[str, Any], book: Ledger, fraction: float, misses: int) -> None:
    got = outcome({"kind": "term", **fields}, book)
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("book", "detail"),
    [
        (elected("2022-06-20"), "2022年6月20日选举产生，任期至2025年6月20日"),
        (elected("2021-03-01"), "2021年3月1日选举产生，任期已于2024年3月1日届满，未按期换届"),
        (ledger(), "台账未记录换届选举时间"),
    ],
    ids=["running", "expired", "none"],
)
def test_term_detail(book: Ledger, detail: str) -> None:
    assert outcome({"kind": "term"}, book).detail == detail
