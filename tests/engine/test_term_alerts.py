"""Term alerts with the new fields: term_due by branch type and extension, the 书记 wording
when no committee of two or more is recorded, and term_late (elected after previous_term_end)."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, norm, rubric

from branchcheck import score
from branchcheck.models import Ledger

TERM = norm({"kind": "term"}, 10, id="T01")


def alerts(book: Ledger) -> list[tuple[str, str]]:
    return [(a.kind, a.message) for a in score(rubric(TERM), book).alerts]


def book(
    elected: str,
    kind: str | None = None,
    committee: tuple[str, ...] = ("M01", "M02", "M03"),
    **fields: Any,
) -> Ledger:
    info: dict[str, Any] = {"id": "b1", "name": "测试支部"}
    if kind is not None:
        info["type"] = kind
    return ledger(branch=info, committee={"elected": elected, "members": list(committee), **fields})


def committee_due(day: str) -> str:
    return f"支部委员会任期将于{day}届满，请提前向上级党组织报送换届请示"


def committee_over(day: str) -> str:
    return f"支部委员会任期已于{day}届满，应抓紧换届"


def secretary_over(day: str) -> str:
    return f"支部书记任期已于{day}届满，应抓紧换届"


CASES = [
    # By type: elected 2020-02-01, 3 years ended 2023-02-01; 5 years end 2025-02-01.
    pytest.param(
        book("2020-02-01", "机关"), [("term_due", committee_over("2023年2月1日"))], id="organ"
    ),
    pytest.param(
        book("2020-02-01", "村"), [("term_due", committee_due("2025年2月1日"))], id="village"
    ),
    pytest.param(book("2020-06-01", "社区"), [], id="community-not-yet"),
    # An extension moves the end the alert speaks of.
    pytest.param(
        book("2021-03-01", extension={"approved_on": "2024-02-01", "until": "2025-03-01"}),
        [("term_due", committee_due("2025年3月1日"))],
        id="extended-due-soon",
    ),
    pytest.param(
        book("2021-03-01", extension={"approved_on": "2024-02-01", "until": "2025-06-01"}),
        [],
        id="extended-well-past",
    ),
    pytest.param(
        book("2021-03-01", extension={"approved_on": "2024-02-01", "until": "2024-09-01"}),
        [("term_due", committee_over("2024年9月1日"))],
        id="extension-ran-out",
    ),
    # A single elected 书记 (no committee of two or more).
    pytest.param(
        book("2021-03-01", committee=("M01",)),
        [("term_due", secretary_over("2024年3月1日"))],
        id="secretary-alone",
    ),
    pytest.param(
        book("2021-03-01", committee=()),
        [("term_due", secretary_over("2024年3月1日"))],
        id="no-committee-members",
    ),
    pytest.param(
        book("2021-03-01", committee=("M01", "M02")),
        [("term_due", committee_over("2024年3月1日"))],
        id="two-member-committee",
    ),
    # term_late: the election came after the previous term ran out.
    pytest.param(
        book("2023-05-10", previous_term_end="2023-03-01"),
        [("term_late", "上届任期于2023年3月1日届满，2023年5月10日才换届，推迟70天")],
        id="late",
    ),
    pytest.param(book("2023-03-01", previous_term_end="2023-03-01"), [], id="on-the-day"),
    pytest.param(book("2023-02-20", previous_term_end="2023-03-01"), [], id="early"),
    pytest.param(
        book("2021-03-01", previous_term_end="2021-01-01"),
        [
            ("term_late", "上届任期于2021年1月1日届满，2021年3月1日才换届，推迟59天"),
            ("term_due", committee_over("2024年3月1日")),
        ],
        id="late-and-expired",
    ),
    pytest.param(
        book("2021-03-01", "村", previous_term_end="2021-01-01"),
        [("term_late", "上届任期于2021年1月1日届满，2021年3月1日才换届，推迟59天")],
        id="late-village-running",
    ),
]


@pytest.mark.parametrize(("ledger_", "expected"), CASES)
def test_term_alerts(ledger_: Ledger, expected: list[tuple[str, str]]) -> None:
    assert alerts(ledger_) == expected


def test_term_alert_follows_the_checks_years_over_the_type() -> None:
    village = book("2020-06-01", "村")
    model = rubric(norm({"kind": "term", "years": 3}, 10, id="T01"))
    assert [(a.kind, a.message) for a in score(model, village).alerts] == [
        ("term_due", committee_over("2023年6月1日"))
    ]
