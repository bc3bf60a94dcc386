"""`groups`: each 党小组 (ledger `groups`) holds `min` meetings per month or quarter; windows met
over groups x windows. An event counts for the group it names (`group:`); with one group, an
event naming none counts for it too. No groups: not applicable."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, monthly

from branchcheck.models import Ledger
from checks import outcome

YEAR = list(range(1, 13))
ONE = {"第一党小组": ["M01", "M02", "M03"]}
TWO = {"第一党小组": ["M01", "M02"], "第二党小组": ["M03"]}


def group_meetings(group: str | None, months: list[int], **extra: Any) -> list[dict[str, Any]]:
    return monthly("党小组会", months, **({"group": group} if group else {}), **extra)


BOTH_MONTHLY = group_meetings("第一党小组", YEAR) + group_meetings("第二党小组", YEAR, day=20)

CASES = [
    pytest.param({}, ledger(events=group_meetings(None, YEAR)), None, 0, id="no-groups-n/a"),
    pytest.param(
        {}, ledger(groups=ONE, events=group_meetings(None, YEAR)), 1.0, 0, id="one-group-unnamed"
    ),
    pytest.param(
        {},
        ledger(groups=ONE, events=group_meetings("第一党小组", YEAR)),
        1.0,
        0,
        id="one-group-named",
    ),
    pytest.param(
        {},
        ledger(
            groups=ONE,
            events=group_meetings(None, YEAR[:6]) + group_meetings("第一党小组", YEAR[6:]),
        ),
        1.0,
        0,
        id="one-group-mixed",
    ),
    pytest.param(
        {},
        ledger(groups=ONE, events=group_meetings("第二党小组", YEAR)),
        0.0,
        12,
        id="one-group-events-name-another",
    ),
    pytest.param(
        {},
        ledger(groups=ONE, events=group_meetings(None, YEAR[:-1])),
        11 / 12,
        1,
        id="one-group-december-missing",
    ),
    pytest.param({}, ledger(groups=TWO, events=BOTH_MONTHLY), 1.0, 0, id="two-groups"),
    pytest.param(
        {},
        ledger(
            groups=TWO,
            events=group_meetings("第一党小组", YEAR)
            + group_meetings("第二党小组", [m for m in YEAR if m != 5]),
        ),
        23 / 24,
        1,
        id="two-groups-second-misses-may",
    ),
    pytest.param(
        {},
        ledger(groups=TWO, events=group_meetings("第一党小组", YEAR)),
        12 / 24,
        12,
        id="two-groups-second-never",
    ),
    pytest.param(
        {},
        ledger(groups=TWO, events=group_meetings(None, YEAR)),
        0.0,
        24,
        id="two-groups-events-without-group",
    ),
    pytest.param(
        {},
        ledger(groups=TWO, events=group_meetings("第一党小组", YEAR) * 2),
        12 / 24,
        12,
        id="two-groups-one-meets-twice",
    ),
    pytest.param(
        {"per": "quarter"},
        ledger(
            groups=TWO,
            events=group_meetings("第一党小组", [2, 5, 8, 11])
            + group_meetings("第二党小组", [3, 6, 9]),
        ),
        7 / 8,
        1,
        id="quarterly",
    ),
    pytest.param(
        {"min": 2},
        ledger(
            groups=ONE, events=group_meetings(None, YEAR) + group_meetings(None, YEAR[:6], day=20)
        ),
        6 / 12,
        6,
        id="min-2",
    ),
    pytest.param(
        {"event": ["党小组会", "主题党日"]},
        ledger(
            groups=ONE,
            events=group_meetings(None, YEAR[:6])
            + monthly("主题党日", YEAR[6:], group="第一党小组"),
        ),
        1.0,
        0,
        id="list-of-types",
    ),
    pytest.param(
        {},
        ledger(groups=ONE, events=monthly("支委会", YEAR, group="第一党小组")),
        0.0,
        12,
        id="other-type",
    ),
    pytest.param(
        {},
        ledger(groups=ONE, events=group_meetings(None, YEAR, year=2023)),
        0.0,
        12,
        id="outside-the-period",
    ),
    pytest.param(
        {},
        ledger(start="2024-01-15", end="2024-02-14", groups=ONE),
        None,
        0,
        id="no-whole-month-n/a",
    ),
    pytest.param(
        {},
        ledger(
            start="2024-04-01",
            end="2024-06-30",
            groups=TWO,
            events=group_meetings("第一党小组", [4, 5, 6]) + group_meetings("第二党小组", [4, 6]),
        ),
        5 / 6,
        1,
        id="quarter-ledger",
    ),
]


@pytest.mark.parametrize(("fields", "book", "fraction", "misses"), CASES)
def test_groups(fields: dict[str, Any], book: Ledger, fraction: float | None, misses: int) -> None:
    got = outcome({"kind": "groups", **fields}, book)
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("book", "detail"),
    [
        pytest.param(
            ledger(groups=TWO, events=BOTH_MONTHLY), "2个党小组12个月均按期召开党小组会", id="met"
        ),
        pytest.param(
            ledger(
                groups=TWO,
                events=group_meetings("第一党小组", YEAR)
                + group_meetings("第二党小组", [m for m in YEAR if m != 5]),
            ),
            "第二党小组5月未召开党小组会",
            id="one-short",
        ),
        pytest.param(
            ledger(
                groups=TWO,
                events=group_meetings("第一党小组", YEAR[2:])
                + group_meetings("第二党小组", YEAR[2:]),
            ),
            "第一党小组、第二党小组1月、2月未召开党小组会",
            id="groups-short-together",
        ),
        pytest.param(
            ledger(
                groups=TWO,
                events=group_meetings("第一党小组", [1, 2, 9, 10, 11, 12])
                + group_meetings("第二党小组", YEAR[:-1]),
            ),
            "第一党小组3月至8月未召开党小组会；第二党小组12月未召开党小组会",
            id="each-group-its-months",
        ),
        pytest.param(ledger(), "本支部未划分党小组，本项不适用", id="n/a"),
    ],
)
def test_groups_detail(book: Ledger, detail: str) -> None:
    assert outcome({"kind": "groups"}, book).detail == detail
