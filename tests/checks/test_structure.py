"""`structure`: conditions met / conditions, on the period's last day.

(1) at least `min_members` full (正式) members; (2) from `committee_at` full members on, a
committee of active members sized within `committee_size`; (3) each role (`roles` with a
committee, `small_branch_roles` below committee_at) held by an active full member (a 预备
member has no right to be elected).
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger

from branchcheck.models import Ledger
from checks import outcome

ROLES = ["书记", "组织委员", "宣传委员"]
CHECK = {
    "kind": "structure",
    "min_members": 3,
    "committee_at": 7,
    "committee_size": [3, 5],
    "roles": ROLES,
}


def people(full: int, probation: int = 0, **by_id: dict[str, Any]) -> list[dict[str, Any]]:
    """M01 书记, M02 组织委员, M03 宣传委员, then plain members; `by_id` overrides fields."""
    out = []
    for i in range(1, full + probation + 1):
        member: dict[str, Any] = {"id": f"M{i:02d}", "name": f"党员{i}"}
        if i <= len(ROLES):
            member["roles"] = [ROLES[i - 1]]
        if i > full:
            member["status"] = "预备"
        out.append({**member, **by_id.get(member["id"], {})})
    return out


def branch(members: list[dict[str, Any]], committee: list[str] | None = None) -> Ledger:
    if committee is None:
        return ledger(members=members)
    return ledger(members=members, committee={"elected": "2023-01-01", "members": committee})


TRIO = ["M01", "M02", "M03"]

CASES = [
    # Small branches (< committee_at full members): min_members + small_branch_roles [书记].
    pytest.param(branch(people(3)), 2 / 2, 0, id="small-branch-with-secretary"),
    pytest.param(branch(people(5, M01={"roles": []})), 1 / 2, 1, id="small-branch-no-secretary"),
    pytest.param(branch(people(2, probation=1)), 1 / 2, 1, id="probationary-not-full"),
    pytest.param(
        branch(people(3, probation=1, M01={"roles": []}, M04={"roles": ["书记"]})),
        1 / 2,
        1,
        id="probationary-cannot-hold-a-post",
    ),
    pytest.param(branch(people(2, M01={"roles": []})), 0 / 2, 2, id="too-few-and-no-secretary"),
    pytest.param(
        branch(people(6, probation=2)), 2 / 2, 0, id="6-full-2-probationary-no-committee-needed"
    ),
    pytest.param(
        branch(people(3, M01={"left": "2024-06-30"}, M02={"roles": ["书记"]})),
        1 / 2,
        1,
        id="secretary-left-deputy-took-role-but-too-few",
    ),
    pytest.param(
        branch(people(4, M01={"left": "2024-06-30"})), 1 / 2, 1, id="secretary-left-role-vacant"
    ),
    pytest.param(
        branch(people(3, M01={"joined": "2025-01-01"})), 0 / 2, 2, id="joins-after-period-end"
    ),
    # From committee_at full members: committee size and every role in `roles`.
    pytest.param(branch(people(7), TRIO), 5 / 5, 0, id="committee-ok"),
    pytest.param(branch(people(7), ["M01", "M02"]), 4 / 5, 1, id="committee-too-small"),
    pytest.param(
        branch(people(9), ["M01", "M02", "M03", "M04", "M05", "M06"]),
        4 / 5,
        1,
        id="committee-too-big",
    ),
    pytest.param(branch(people(7)), 4 / 5, 1, id="no-committee-record"),
    pytest.param(
        branch(people(8, M03={"left": "2024-06-30"}), TRIO),
        3 / 5,
        2,
        id="committee-member-left-and-role-vacant",
    ),
    pytest.param(
        branch(people(7, M03={"roles": []}), TRIO), 4 / 5, 1, id="role-missing-with-committee"
    ),
]


@pytest.mark.parametrize(("book", "fraction", "misses"), CASES)
def test_structure(book: Ledger, fraction: float, misses: int) -> None:
    got = outcome(CHECK, book)
    assert (got.fraction, got.misses) == (fraction, misses)


def test_custom_small_branch_roles() -> None:
    check = {**CHECK, "small_branch_roles": ["书记", "纪检委员"]}
    assert outcome(check, branch(people(3))).fraction == 2 / 3


@pytest.mark.parametrize(
    ("book", "detail"),
    [
        (branch(people(3)), "正式党员3名，不设支部委员会，已配备书记"),
        (
            branch(people(2, M01={"roles": []})),
            "正式党员仅2名（应至少3名），不设支部委员会，未配备书记",
        ),
        (
            branch(people(7), ["M01", "M02"]),
            "正式党员7名，支委会仅2人（应为3至5人），书记、组织委员、宣传委员配备齐全",
        ),
        (
            branch(people(7), ["M01", "M02", "M03", "M04", "M05", "M06"]),
            "正式党员7名，支委会6人，超过5人，书记、组织委员、宣传委员配备齐全",
        ),
        (
            branch(people(8)),
            "正式党员8名，未设支部委员会（应设3至5人），书记、组织委员、宣传委员配备齐全",
        ),
        (
            branch(people(7, M03={"roles": []}), ["M01", "M02", "M03"]),
            "正式党员7名，支委会3人，书记、组织委员已配备，缺宣传委员",
        ),
    ],
    ids=["met", "all-failed", "committee-small", "committee-large", "no-committee", "role-missing"],
)
def test_structure_detail(book: Ledger, detail: str) -> None:
    assert outcome(CHECK, book).detail == detail
