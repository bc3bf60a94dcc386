"""`term` by branch type (村/社区 5 years, others 3; the check's `years` first) and with an
approved extension (committee.extension: the term runs to its `until` when that is later)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from builders import ledger

from branchcheck.checks.organization import term_end, term_years
from branchcheck.models import Ledger
from checks import outcome


def book(
    elected: str, kind: str | None = None, term: int | None = None, **committee: Any
) -> Ledger:
    info: dict[str, Any] = {"id": "b1", "name": "测试支部"}
    if kind is not None:
        info["type"] = kind
    record: dict[str, Any] = {"elected": elected, "members": ["M01", "M02", "M03"], **committee}
    if term is not None:
        record["term_years"] = term
    return ledger(branch=info, committee=record)


def extension(until: str, approved_on: str = "2024-02-01") -> dict[str, Any]:
    return {"extension": {"approved_on": approved_on, "until": until}}


CASES = [
    # Elected 2020-06-01: 3 years end 2023-06-01, 5 years 2025-06-01 (period ends 2024-12-31).
    pytest.param({}, book("2020-06-01", "村"), 1.0, 0, id="village-5-years"),
    pytest.param({}, book("2020-06-01", "社区"), 1.0, 0, id="community-5-years"),
    pytest.param({}, book("2020-06-01", "机关"), 0.0, 1, id="organ-3-years"),
    pytest.param({}, book("2020-06-01", "企业"), 0.0, 1, id="enterprise-3-years"),
    pytest.param({}, book("2020-06-01", "学校"), 0.0, 1, id="school-3-years"),
    pytest.param({}, book("2020-06-01"), 0.0, 1, id="no-type-3-years"),
    pytest.param({}, book("2019-12-31", "村"), 1.0, 0, id="village-ends-on-period-end"),
    pytest.param({}, book("2019-12-30", "村"), 0.0, 1, id="village-ended-day-before"),
    pytest.param({"years": 3}, book("2020-06-01", "村"), 0.0, 1, id="check-years-beat-type"),
    pytest.param({"years": 5}, book("2020-06-01", "机关"), 1.0, 0, id="check-years-beat-type-up"),
    pytest.param({}, book("2020-06-01", term=5), 1.0, 0, id="ledger-term-years-without-type"),
    # The type decides before the ledger's own term_years (see the report: design doubt).
    pytest.param({}, book("2020-06-01", "机关", term=5), 0.0, 1, id="type-beats-ledger-term"),
    pytest.param({}, book("2022-06-01", "村", term=2), 1.0, 0, id="village-beats-short-term"),
    # Extensions: 3 years from 2021-03-01 end 2024-03-01.
    pytest.param({}, book("2021-03-01"), 0.0, 1, id="expired-without-extension"),
    pytest.param(
        {}, book("2021-03-01", **extension("2025-03-01")), 1.0, 0, id="extended-past-period-end"
    ),
    pytest.param(
        {}, book("2021-03-01", **extension("2024-12-31")), 1.0, 0, id="extended-to-period-end"
    ),
    pytest.param(
        {}, book("2021-03-01", **extension("2024-12-30")), 0.0, 1, id="extended-not-far-enough"
    ),
    pytest.param(
        {}, book("2021-03-01", **extension("2023-12-31")), 0.0, 1, id="extension-before-term-end"
    ),
    pytest.param(
        {"years": 2},
        book("2021-03-01", **extension("2025-03-01")),
        1.0,
        0,
        id="extension-with-check-years",
    ),
    pytest.param(
        {}, book("2020-06-01", "村", **extension("2025-01-31")), 1.0, 0, id="village-extension"
    ),
]


@pytest.mark.parametrize(("fields", "ledger_", "fraction", "misses"), CASES)
def test_term_by_type(
    fields: dict[str, Any], ledger_: Ledger, fraction: float, misses: int
) -> None:
    got = outcome({"kind": "term", **fields}, ledger_)
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("ledger_", "years", "span", "end"),
    [
        pytest.param(book("2020-06-01", "村"), None, 5, dt.date(2025, 6, 1), id="village"),
        pytest.param(book("2020-06-01", "社区"), None, 5, dt.date(2025, 6, 1), id="community"),
        pytest.param(book("2020-06-01", "事业"), None, 3, dt.date(2023, 6, 1), id="institution"),
        pytest.param(book("2020-06-01"), None, 3, dt.date(2023, 6, 1), id="default"),
        pytest.param(book("2020-06-01", term=4), None, 4, dt.date(2024, 6, 1), id="ledger"),
        pytest.param(book("2020-06-01", "村"), 2, 2, dt.date(2022, 6, 1), id="check"),
        pytest.param(book("2020-02-29", "村"), None, 5, dt.date(2025, 2, 28), id="leap-day"),
        pytest.param(
            book("2021-03-01", **extension("2025-03-01")),
            None,
            3,
            dt.date(2025, 3, 1),
            id="extension",
        ),
        pytest.param(
            book("2021-03-01", **extension("2023-12-31")),
            None,
            3,
            dt.date(2024, 3, 1),
            id="earlier-extension-ignored",
        ),
    ],
)
def test_term_years_and_end(ledger_: Ledger, years: int | None, span: int, end: dt.date) -> None:
    assert (term_years(ledger_, years), term_end(ledger_, years)) == (span, end)


@pytest.mark.parametrize(
    ("ledger_", "detail"),
    [
        pytest.param(
            book("2020-06-01", "村"), "2020年6月1日选举产生，任期至2025年6月1日", id="village"
        ),
        pytest.param(
            book("2021-03-01", **extension("2025-03-01", approved_on="2024-01-15")),
            "2021年3月1日选举产生，任期至2025年3月1日（经上级党组织2024年1月15日批准延期）",
            id="extended",
        ),
        pytest.param(
            book("2021-03-01", **extension("2024-12-30")),
            "2021年3月1日选举产生，任期已于2024年12月30日届满，未按期换届",
            id="extension-ran-out",
        ),
    ],
)
def test_term_type_detail(ledger_: Ledger, detail: str) -> None:
    assert outcome({"kind": "term"}, ledger_).detail == detail
