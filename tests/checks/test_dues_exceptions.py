"""Dues exceptions (ledger `dues_exceptions`) in `dues`, and the veto-style `dues_gap`.

减免: the month is not owed (the due count shrinks); 代交 and 补交: paid; 缓交: unpaid, but with a
reason, so it breaks a `dues_gap` run. `dues_gap`: 0 when a member has `months` (default 6)
unpaid months in a row with nothing recorded; a month not owed breaks the run.
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, members, norm, rubric
from pydantic import ValidationError

from branchcheck import score
from branchcheck.models import Ledger
from checks import named, outcome

# A two-year ledger straddling a year boundary (2023-07 .. 2024-06: 12 whole months).
STRADDLE = {"start": "2023-07-01", "end": "2024-06-30"}


def months(*numbers: int, year: int = 2024) -> list[str]:
    return [f"{year}-{m:02d}" for m in numbers]


def span(first: str, last: str) -> list[str]:
    """Every YYYY-MM from `first` to `last`, both included."""
    y, m = map(int, first.split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


YEAR = months(*range(1, 13))
STRADDLE_MONTHS = span("2023-07", "2024-06")


def but(*gone: str, paid: list[str] = YEAR) -> list[str]:
    return [m for m in paid if m not in gone]


def handled(kind: str, *which: str, member: str = "M02", **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"member": member, "months": list(which), "kind": kind, **extra}
    if kind == "补交" and "date" not in record:
        record["date"] = "2024-12-20"
    if kind == "缓交" and "reason" not in record:
        record["reason"] = "病休，经支部同意"
    return record


def two(m02: list[str], *records: dict[str, Any], **fields: Any) -> Ledger:
    """M01 paid the whole year; M02 paid `m02`."""
    paid = fields.pop("m01", YEAR)
    return ledger(
        member_count=2, dues={"M01": paid, "M02": m02}, dues_exceptions=list(records), **fields
    )


UNPAID_3 = but("2024-03", "2024-04", "2024-05")

DUES_CASES = [
    pytest.param(two(UNPAID_3), 21 / 24, 3, id="three-unpaid"),
    pytest.param(
        two(UNPAID_3, handled("减免", "2024-03", "2024-04", "2024-05")),
        1.0,
        0,
        id="减免-not-owed",
    ),
    pytest.param(two([], handled("减免", *months(1, 2, 3))), 12 / 21, 9, id="减免-shrinks-due"),
    pytest.param(two(YEAR, handled("减免", "2024-03")), 1.0, 0, id="减免-on-a-paid-month"),
    pytest.param(
        two(UNPAID_3, handled("代交", "2024-03", "2024-04", "2024-05")),
        1.0,
        0,
        id="代交-paid",
    ),
    pytest.param(
        two(UNPAID_3, handled("补交", "2024-03", "2024-04", "2024-05")),
        1.0,
        0,
        id="补交-paid",
    ),
    pytest.param(
        two(UNPAID_3, handled("补交", "2024-03", date="2025-02-01")),
        22 / 24,
        2,
        id="补交-after-the-period-still-paid",
    ),
    pytest.param(
        two(UNPAID_3, handled("缓交", "2024-03", "2024-04", "2024-05")),
        21 / 24,
        3,
        id="缓交-stays-unpaid",
    ),
    pytest.param(
        two(
            UNPAID_3,
            handled("减免", "2024-03"),
            handled("代交", "2024-04"),
            handled("缓交", "2024-05"),
        ),
        22 / 23,
        1,
        id="one-of-each",
    ),
    pytest.param(two(UNPAID_3, handled("减免", "2023-03", "2025-03")), 21 / 24, 3, id="outside"),
    pytest.param(
        two(UNPAID_3, handled("减免", "2024-03", member="M01")), 20 / 23, 3, id="other-member"
    ),
    pytest.param(two([], handled("减免", *YEAR)), 1.0, 0, id="减免-whole-year"),
    pytest.param(
        ledger(member_count=1, dues_exceptions=[handled("减免", *YEAR, member="M01")]),
        None,
        0,
        id="nothing-owed-n/a",
    ),
    pytest.param(
        ledger(
            members=[*members(1), {"id": "M02", "name": "党员2", "joined": "2024-07-01"}],
            dues={"M01": YEAR},
            dues_exceptions=[handled("代交", *months(1, 2, 3))],
        ),
        12 / 18,
        6,
        id="代交-before-joining-not-owed",
    ),
    pytest.param(
        two(
            but("2023-12", "2024-01", paid=STRADDLE_MONTHS),
            handled("补交", "2023-12"),
            m01=STRADDLE_MONTHS,
            **STRADDLE,
        ),
        23 / 24,
        1,
        id="straddle-补交",
    ),
]


@pytest.mark.parametrize(("book", "fraction", "misses"), DUES_CASES)
def test_dues_with_exceptions(book: Ledger, fraction: float | None, misses: int) -> None:
    got = outcome({"kind": "dues"}, book)
    assert (got.fraction, got.misses) == (fraction, misses)


def test_dues_detail_names_缓交_months_as_unpaid() -> None:
    book = ledger(
        members=named("王建国", "李华"),
        dues={"M01": YEAR, "M02": UNPAID_3},
        dues_exceptions=[handled("缓交", "2024-03", "2024-04"), handled("减免", "2024-05")],
    )
    assert outcome({"kind": "dues"}, book).detail == (
        "应交党费23人次（按月计），已交21人次；李华3月、4月（已登记缓交）党费未交纳"
    )


# dues_gap: M01 always pays; M02's months as given.
GAP_CASES = [
    pytest.param({}, two(YEAR), 1.0, 0, id="all-paid"),
    pytest.param({}, two(but(*months(1, 2, 3, 4, 5))), 1.0, 0, id="five-in-a-row"),
    pytest.param({}, two(but(*months(3, 4, 5, 6, 7, 8))), 0.0, 1, id="six-in-a-row"),
    pytest.param({}, two(but(*months(7, 8, 9, 10, 11, 12))), 0.0, 1, id="six-at-the-end"),
    pytest.param({}, two([]), 0.0, 1, id="nothing-paid"),
    pytest.param({}, ledger(member_count=2), 0.0, 2, id="two-members-each-a-run"),
    pytest.param({}, two(but(*months(1, 2, 3, 5, 6, 7))), 1.0, 0, id="broken-by-a-paid-month"),
    pytest.param({"months": 3}, two(UNPAID_3), 0.0, 1, id="months-3"),
    pytest.param({"months": 4}, two(UNPAID_3), 1.0, 0, id="months-4"),
    # Six unpaid months across the year boundary of a 2023-07 .. 2024-06 ledger.
    pytest.param(
        {},
        two(
            but(*span("2023-10", "2024-03"), paid=STRADDLE_MONTHS),
            m01=STRADDLE_MONTHS,
            **STRADDLE,
        ),
        0.0,
        1,
        id="six-across-new-year",
    ),
    pytest.param(
        {},
        two(
            but(*span("2023-10", "2024-02"), paid=STRADDLE_MONTHS),
            m01=STRADDLE_MONTHS,
            **STRADDLE,
        ),
        1.0,
        0,
        id="five-across-new-year",
    ),
    pytest.param(
        {},
        two(
            but(*span("2023-10", "2024-03"), paid=STRADDLE_MONTHS),
            handled("缓交", "2023-12"),
            m01=STRADDLE_MONTHS,
            **STRADDLE,
        ),
        1.0,
        0,
        id="across-new-year-缓交-breaks",
    ),
    # Exceptions inside a run of six.
    pytest.param(
        {},
        two(but(*months(3, 4, 5, 6, 7, 8)), handled("减免", "2024-05")),
        1.0,
        0,
        id="减免-breaks",
    ),
    pytest.param(
        {},
        two(but(*months(3, 4, 5, 6, 7, 8)), handled("代交", "2024-05")),
        1.0,
        0,
        id="代交-breaks",
    ),
    pytest.param(
        {},
        two(but(*months(3, 4, 5, 6, 7, 8)), handled("补交", "2024-08")),
        1.0,
        0,
        id="补交-breaks",
    ),
    pytest.param(
        {},
        two(but(*months(3, 4, 5, 6, 7, 8)), handled("缓交", "2024-06")),
        1.0,
        0,
        id="缓交-breaks",
    ),
    pytest.param(
        {},
        two(but(*months(3, 4, 5, 6, 7, 8)), handled("缓交", *months(3, 4, 5, 6, 7, 8))),
        1.0,
        0,
        id="all-six-缓交",
    ),
    pytest.param(
        {},
        two(but(*months(2, 3, 4, 5, 6, 7, 8)), handled("缓交", "2024-02")),
        0.0,
        1,
        id="缓交-at-the-edge-leaves-six",
    ),
    pytest.param(
        {},
        two(but(*months(3, 4, 5, 6, 7, 8)), handled("减免", "2024-03", member="M01")),
        0.0,
        1,
        id="exception-for-another-member",
    ),
    pytest.param(
        {},
        ledger(
            members=[*members(1), {"id": "M02", "name": "党员2", "joined": "2024-08-01"}],
            dues={"M01": YEAR},
        ),
        1.0,
        0,
        id="joined-five-months-before-the-end",
    ),
    pytest.param(
        {},
        ledger(
            members=[*members(1), {"id": "M02", "name": "党员2", "left": "2024-06-15"}],
            dues={"M01": YEAR},
        ),
        0.0,
        1,
        id="left-after-six-unpaid",
    ),
    pytest.param(
        {}, ledger(start="2024-01-15", end="2024-02-14", member_count=2), None, 0, id="no-month"
    ),
]


@pytest.mark.parametrize(("fields", "book", "fraction", "misses"), GAP_CASES)
def test_dues_gap(
    fields: dict[str, Any], book: Ledger, fraction: float | None, misses: int
) -> None:
    got = outcome({"kind": "dues_gap", **fields}, book)
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("book", "detail"),
    [
        pytest.param(
            ledger(members=named("王建国", "李华"), dues={"M01": YEAR, "M02": months(1, 2)}),
            "李华3月至12月连续10个月未交纳党费，台账未记录原因或处理",
            id="one",
        ),
        pytest.param(
            ledger(
                members=named("王建国", "李华"),
                dues={
                    "M01": STRADDLE_MONTHS,
                    "M02": but(*span("2023-10", "2024-03"), paid=STRADDLE_MONTHS),
                },
                **STRADDLE,
            ),
            "李华2023年10月至2024年3月连续6个月未交纳党费，台账未记录原因或处理",
            id="across-new-year-labels-carry-the-year",
        ),
        pytest.param(
            ledger(members=named("王建国", "李华"), dues={"M01": YEAR, "M02": YEAR}),
            "无连续6个月未交纳党费且无正当理由的党员",
            id="none",
        ),
    ],
)
def test_dues_gap_detail(book: Ledger, detail: str) -> None:
    assert outcome({"kind": "dues_gap"}, book).detail == detail


DUES = norm({"kind": "dues"}, 10, id="D01")


def alert_kinds(book: Ledger) -> list[tuple[str, str]]:
    return [(a.kind, a.message[:30]) for a in score(rubric(DUES), book).alerts]


@pytest.mark.parametrize(
    ("book", "alerted"),
    [
        pytest.param(two(but(*months(3, 4, 5, 6, 7, 8))), True, id="six"),
        pytest.param(
            two(but(*months(3, 4, 5, 6, 7, 8)), handled("缓交", "2024-06")), False, id="缓交"
        ),
        pytest.param(
            two(but(*months(3, 4, 5, 6, 7, 8)), handled("减免", "2024-06")), False, id="减免"
        ),
        pytest.param(
            two(but(*months(3, 4, 5, 6, 7, 8)), handled("代交", "2024-06")), False, id="代交"
        ),
        pytest.param(
            two(
                but(*span("2023-10", "2024-03"), paid=STRADDLE_MONTHS),
                m01=STRADDLE_MONTHS,
                **STRADDLE,
            ),
            True,
            id="across-new-year",
        ),
    ],
)
def test_dues_gap_alert_uses_the_same_runs(book: Ledger, alerted: bool) -> None:
    found = [kind for kind, _ in alert_kinds(book)]
    assert found == (["dues_gap"] if alerted else [])
    check = outcome({"kind": "dues_gap"}, book)
    assert (check.fraction == 0.0) is alerted


def test_dues_gap_alert_names_months_across_new_year() -> None:
    book = two(
        but(*span("2023-10", "2024-03"), paid=STRADDLE_MONTHS), m01=STRADDLE_MONTHS, **STRADDLE
    )
    (alert,) = score(rubric(DUES), book).alerts
    assert alert.message.startswith("党员22023年10月至2024年3月连续6个月未交纳党费")


def test_补交_needs_its_date() -> None:
    with pytest.raises(ValidationError, match="补交"):
        ledger(dues_exceptions=[{"member": "M01", "months": ["2024-01"], "kind": "补交"}])


def test_dues_exception_needs_months() -> None:
    with pytest.raises(ValidationError):
        ledger(dues_exceptions=[{"member": "M01", "months": [], "kind": "减免"}])
