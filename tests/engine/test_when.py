"""`when: {type: …}` (the ledger's `branch.type`) and `when: {has_groups: …}` (ledger `groups`):
a norm that does not apply is not_applicable, says why, and is left out of the score."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, members, monthly, norm, rubric

from branchcheck import score
from branchcheck.models import Ledger

COUNT = {"kind": "count", "event": "党课", "min": 4}
GROUPS = {"第一党小组": ["M01", "M02", "M03"]}


def branch(kind: str | None = None, **fields: Any) -> Ledger:
    info: dict[str, Any] = {"id": "b1", "name": "测试支部"}
    if kind is not None:
        info["type"] = kind
    return ledger(branch=info, events=monthly("党课", [3, 6, 9, 12]), **fields)


CASES = [
    pytest.param({"type": "村"}, branch("村"), True, id="type-matches"),
    pytest.param({"type": "村"}, branch("机关"), False, id="type-differs"),
    pytest.param({"type": "村"}, branch(), False, id="type-not-given"),
    pytest.param({"type": ["村", "社区"]}, branch("社区"), True, id="type-in-list"),
    pytest.param({"type": ["村", "社区"]}, branch("企业"), False, id="type-not-in-list"),
    pytest.param({"has_groups": True}, branch(groups=GROUPS), True, id="has-groups"),
    pytest.param({"has_groups": True}, branch(), False, id="has-groups-none"),
    pytest.param({"has_groups": False}, branch(), True, id="no-groups-wanted"),
    pytest.param({"has_groups": False}, branch(groups=GROUPS), False, id="no-groups-has-some"),
    pytest.param({"type": "村", "has_groups": True}, branch("村", groups=GROUPS), True, id="both"),
    pytest.param({"type": "村", "has_groups": True}, branch("村"), False, id="both-groups-fail"),
    pytest.param(
        {"type": "村", "has_groups": True},
        branch("机关", groups=GROUPS),
        False,
        id="both-type-fail",
    ),
    pytest.param(
        {"type": "村", "members_at_least": 7}, branch("村"), False, id="with-members-at-least"
    ),
    pytest.param(
        {"type": "村", "members_at_least": 3}, branch("村"), True, id="with-members-at-least-met"
    ),
    pytest.param({}, branch("机关"), True, id="empty-when"),
]


@pytest.mark.parametrize(("when", "book", "applies"), CASES)
def test_when(when: dict[str, Any], book: Ledger, applies: bool) -> None:
    model = rubric(norm(COUNT, 10), norm(COUNT, 10, id="N02", when=when))
    result = score(model, book)
    n02 = result.norms[1]
    assert (n02.status != "not_applicable") is applies
    assert result.rescaled is not applies
    assert result.score == 20.0  # both met; rescaled to the total when N02 is out


@pytest.mark.parametrize(
    ("when", "book", "reason"),
    [
        pytest.param(
            {"type": "村"}, branch("机关"), "本项仅适用于村党支部，本支部为机关党支部", id="type"
        ),
        pytest.param(
            {"type": ["村", "社区"]},
            branch(),
            "本项仅适用于村、社区党支部，台账未填写支部类型",
            id="none",
        ),
        pytest.param({"has_groups": True}, branch(), "本支部未划分党小组，本项不适用", id="groups"),
        pytest.param(
            {"has_groups": False},
            branch(groups=GROUPS),
            "本支部已划分党小组，本项不适用",
            id="no-groups",
        ),
        pytest.param(
            {"members_at_least": 7},
            branch(),
            "正式党员3名，不设支部委员会，本项不适用",
            id="below-committee-size",
        ),
        pytest.param(
            {"members_at_least": 5}, branch(), "正式党员3名，不足5名，本项不适用", id="below-n"
        ),
        pytest.param(
            {"members_below": 3},
            branch(),
            "正式党员3名，本项仅适用于正式党员不足3名的支部",
            id="members-below",
        ),
    ],
)
def test_when_reason(when: dict[str, Any], book: Ledger, reason: str) -> None:
    model = rubric(norm(COUNT, 10, when=when))
    (only,) = score(model, book).norms
    assert (only.status, only.detail) == ("not_applicable", reason)


def test_a_norm_without_when_applies_to_any_branch() -> None:
    (only,) = score(rubric(norm(COUNT, 10)), branch()).norms
    assert only.status != "not_applicable"


def test_when_groups_declared_but_empty_list_counts_as_groups() -> None:
    """A group named with no members listed is still a group (has_groups reads `groups`)."""
    book = branch(groups={"第一党小组": []})
    (only,) = score(rubric(norm(COUNT, 10, when={"has_groups": True})), book).norms
    assert only.status == "met"


def test_when_type_counts_members_as_before() -> None:
    book = ledger(branch={"id": "b", "name": "村支部", "type": "村"}, members=members(2))
    model = rubric(norm(COUNT, 10, when={"type": "村", "members_below": 3}))
    (only,) = score(model, book).norms
    assert only.status == "missed"
