"""Alerts: term_due (term ended, or ending within 90 days of the period's end), dues_gap
(six months in a row unpaid), unrated (a rating norm with no rating)."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, members, norm, rubric

from branchcheck import score
from branchcheck.models import Ledger

TERM = norm({"kind": "term"}, 10, id="T01")
DUES = norm({"kind": "dues"}, 10, id="D01")
RATING = norm({"kind": "rating"}, 10, id="R01")


def alerts(book: Ledger, *norms: dict[str, Any]) -> list[tuple[str, str]]:
    return [(a.kind, a.message) for a in score(rubric(*(norms or (TERM,))), book).alerts]


def committee(elected: str, **fields: Any) -> dict[str, Any]:
    return {"elected": elected, "members": ["M01", "M02", "M03"], **fields}


EXPIRED = "支部委员会任期已于{}届满，应抓紧换届"
DUE = "支部委员会任期将于{}届满，请提前向上级党组织报送换届请示"
AT_END = "支部委员会任期于考核期末（{}）届满，应及时换届"

TERM_CASES = [
    pytest.param(
        ledger(committee=committee("2021-06-01")),
        EXPIRED.format("2024年6月1日"),
        id="ended-in-period",
    ),
    pytest.param(
        ledger(committee=committee("2018-03-01")), EXPIRED.format("2021年3月1日"), id="long-expired"
    ),
    pytest.param(
        ledger(committee=committee("2021-12-30")),
        EXPIRED.format("2024年12月30日"),
        id="ended-day-before-period-end",
    ),
    pytest.param(
        ledger(committee=committee("2021-12-31")),
        AT_END.format("2024年12月31日"),
        id="ends-on-period-end",
    ),
    pytest.param(
        ledger(committee=committee("2022-03-31")),
        DUE.format("2025年3月31日"),
        id="ends-90-days-after",
    ),
    pytest.param(ledger(committee=committee("2022-04-01")), None, id="ends-91-days-after"),
    pytest.param(ledger(committee=committee("2022-06-20")), None, id="well-within-term"),
    pytest.param(ledger(), None, id="no-committee"),
    pytest.param(
        ledger(committee=committee("2020-03-01", term_years=5)),
        DUE.format("2025年3月1日"),
        id="ledger-term-years",
    ),
    pytest.param(
        ledger(start="2024-04-01", end="2024-06-30", committee=committee("2021-09-01")),
        DUE.format("2024年9月1日"),
        id="quarter-ledger",
    ),
]


@pytest.mark.parametrize(("book", "message"), TERM_CASES)
def test_term_due(book: Ledger, message: str | None) -> None:
    assert alerts(book) == ([("term_due", message)] if message else [])


def test_term_due_uses_the_rubrics_term_years() -> None:
    book = ledger(committee=committee("2022-06-20", term_years=5))
    check_years = norm({"kind": "term", "years": 2}, 10, id="T01")
    assert alerts(book, check_years) == [("term_due", EXPIRED.format("2024年6月20日"))]


def months(*numbers: int) -> list[str]:
    return [f"2024-{m:02d}" for m in numbers]


def gap(name: str, first: int, last: int) -> str:
    return (
        f"{name}{first}月至{last}月连续{last - first + 1}个月未交纳党费，请核实有无正当理由；"
        "无正当理由的，按党章第九条和《党员教育管理工作条例》第三十一条处置"
    )


YEAR = months(*range(1, 13))
DUES_CASES = [
    pytest.param({"M02": months(*range(7, 13))}, None, [gap("党员2", 1, 6)], id="six-in-a-row"),
    pytest.param({"M02": months(*range(6, 13))}, None, [], id="five-in-a-row"),
    pytest.param({"M02": months(4, 5, 6, 10, 11, 12)}, None, [], id="two-runs-of-three"),
    pytest.param({}, None, [gap("党员2", 1, 12)], id="nothing-paid"),
    pytest.param({"M02": months(1, 12)}, None, [gap("党员2", 2, 11)], id="longest-run-reported"),
    pytest.param(
        {"M02": ["2023-11", "2023-12", *months(*range(5, 13))]}, None, [], id="before-period-paid"
    ),
    pytest.param({}, {"joined": "2024-07-15"}, [gap("新党员", 7, 12)], id="joined-mid-month"),
    pytest.param({}, {"joined": "2024-08-01"}, [], id="joined-five-months-ago"),
    # Due months include the month a member leaves in (active on at least one day).
    pytest.param(
        {"M02": months(1)}, {"left": "2024-07-15"}, [gap("新党员", 2, 7)], id="left-mid-month"
    ),
    pytest.param({"M02": months(1)}, {"left": "2024-06-30"}, [], id="left-after-five"),
]


@pytest.mark.parametrize(("paid", "dates", "expected"), DUES_CASES)
def test_dues_gap(
    paid: dict[str, list[str]], dates: dict[str, str] | None, expected: list[str]
) -> None:
    people = members(2)
    if dates is not None:
        people = [*members(1), {"id": "M02", "name": "新党员", **dates}]
    book = ledger(members=people, dues={"M01": YEAR, **paid})
    assert alerts(book, DUES) == [("dues_gap", text) for text in expected]


def test_dues_gap_only_with_a_dues_norm() -> None:
    assert alerts(ledger(member_count=2), TERM) == []


def test_no_dues_gap_in_a_quarter_ledger() -> None:
    assert alerts(ledger(start="2024-04-01", end="2024-06-30"), DUES) == []


@pytest.mark.parametrize(
    ("ratings", "rated_norm", "expected"),
    [
        ({}, RATING, [("unrated", "R01（规范R01）尚未评定等次，请考核人补充评定")]),
        ({"R01": "一般"}, RATING, []),
        ({}, {**RATING, "when": {"members_at_least": 9}}, []),  # not applicable
    ],
    ids=["unrated", "rated", "not-applicable"],
)
def test_unrated(ratings: dict[str, str], rated_norm: dict[str, Any], expected: list) -> None:
    assert alerts(ledger(ratings=ratings), rated_norm) == expected


def test_alert_order_term_dues_unrated() -> None:
    book = ledger(member_count=1, committee={"elected": "2020-01-01"}, dues={"M01": months(1)})
    assert [kind for kind, _ in alerts(book, TERM, DUES, RATING)] == [
        "term_due",
        "dues_gap",
        "unrated",
    ]
