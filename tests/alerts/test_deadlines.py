"""`deadlines`: each kind of alert, graded as of a fixed day (tables)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from builders import ledger, norm, rubric

from branchcheck.engine.deadlines import deadlines
from branchcheck.models.ledger_followup import add_months

R = rubric(norm({"kind": "term", "years": 3}, points=2))
AS_OF = dt.date(2024, 12, 1)


def _alerts(
    *kinds: str, as_of: dt.date = AS_OF, within: int = 30, **fields: Any
) -> list[tuple[str, str, str]]:
    """The alerts of these kinds (a bare test ledger owes dues and holds no meetings)."""
    found = deadlines(R, ledger(**fields), as_of, within)
    return [(a.kind, a.severity or "", a.due or "") for a in found if a.kind in kinds]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-08-31", 6, "2025-02-28"),
        ("2024-03-31", -1, "2024-02-29"),
        ("2024-12-15", 1, "2025-01-15"),
        ("2025-01-15", -3, "2024-10-15"),
    ],
)
def test_add_months(day: str, months: int, expected: str) -> None:
    assert add_months(dt.date.fromisoformat(day), months).isoformat() == expected


COMMITTEE = {"members": ["M01", "M02", "M03"]}


@pytest.mark.parametrize(
    ("elected", "expected"),
    [
        ("2022-06-20", []),  # ends 2025-06-20: more than six months off
        ("2022-05-20", [("term_due", "reminder", "2025-05-20")]),  # six months ahead
        (
            "2022-02-20",  # under three months: urgent, and the 请示 a month ahead
            [("term_due", "urgent", "2025-02-20"), ("term_request", "reminder", "2025-01-20")],
        ),
        (
            "2021-12-20",
            [("term_request", "overdue", "2024-11-20"), ("term_due", "urgent", "2024-12-20")],
        ),
        ("2021-05-18", [("term_due", "overdue", "2024-05-18")]),  # expired: no 请示 any more
    ],
)
def test_term(elected: str, expected: list[tuple[str, str, str]]) -> None:
    assert (
        _alerts("term_due", "term_request", committee={**COMMITTEE, "elected": elected}) == expected
    )


def test_term_extension_moves_the_end() -> None:
    committee = {
        **COMMITTEE,
        "elected": "2021-10-20",
        "extension": {"approved_on": "2024-09-18", "until": "2025-03-31"},
    }
    assert _alerts("term_due", "term_request", committee=committee) == [
        ("term_due", "reminder", "2025-03-31")
    ]


def _member(**extra: Any) -> list[dict[str, Any]]:
    return [{"id": "M01", "name": "张三"}, {"id": "M02", "name": "李四", **extra}]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"status": "预备", "joined": "2024-06-21"}, []),
        ({"status": "预备", "joined": "2024-02-20"}, [("probation_due", "reminder", "2025-02-20")]),
        ({"status": "预备", "joined": "2023-12-20"}, [("probation_due", "urgent", "2024-12-20")]),
        ({"status": "预备", "joined": "2023-11-02"}, [("probation_due", "overdue", "2024-11-02")]),
        (  # an extended 预备期: due at its end, not a year after admission
            {"status": "预备", "joined": "2023-11-02", "probation_until": "2025-05-02"},
            [],
        ),
        (
            {"status": "预备", "joined": "2023-11-02", "probation_until": "2024-12-10"},
            [("probation_due", "urgent", "2024-12-10")],
        ),
        ({"joined": "2023-11-02"}, []),  # 正式: nothing to do
        ({"lost_contact_since": "2024-07-01"}, [("lost_contact", "reminder", "2025-01-01")]),
        ({"lost_contact_since": "2024-06-20"}, [("lost_contact", "urgent", "2024-12-20")]),
        ({"lost_contact_since": "2024-03-01"}, [("lost_contact", "overdue", "2024-09-01")]),
        ({"lost_contact_since": "2024-09-01"}, []),
    ],
)
def test_members(extra: dict[str, Any], expected: list[tuple[str, str, str]]) -> None:
    assert _alerts("probation_due", "lost_contact", members=_member(**extra)) == expected


@pytest.mark.parametrize(
    ("activist", "expected"),
    [
        ({"since": "2024-06-15"}, [("activist_review", "urgent", "2024-12-15")]),
        ({"since": "2024-03-15"}, [("activist_review", "overdue", "2024-09-15")]),
        ({"since": "2024-03-15", "reviews": ["2024-09-10"]}, []),
        (
            {"since": "2024-01-15", "reviews": ["2024-06-25"]},
            [("activist_review", "urgent", "2024-12-25")],
        ),
        ({"since": "2025-01-15"}, []),  # named after the day asked about
    ],
)
def test_activists(activist: dict[str, Any], expected: list[tuple[str, str, str]]) -> None:
    assert _alerts("activist_review", activists=[{"name": "王五", **activist}]) == expected


SECRETARY = [{"id": "M01", "name": "张三", "roles": ["书记"]}, {"id": "M02", "name": "李四"}]


@pytest.mark.parametrize(
    ("elected", "training", "expected"),
    [
        ("2024-05-20", [], [("secretary_untrained", "overdue", "2024-11-20")]),
        ("2024-06-25", [], [("secretary_untrained", "urgent", "2024-12-25")]),
        ("2024-05-20", [{"member": "M01", "hours": 8, "date": "2024-07-01"}], []),
        (
            "2024-05-20",
            [{"member": "M02", "hours": 8, "date": "2024-07-01"}],
            [("secretary_untrained", "overdue", "2024-11-20")],
        ),
        (
            "2024-05-20",
            [{"member": "M01", "hours": 8, "date": "2024-12-10"}],  # after the day
            [("secretary_untrained", "overdue", "2024-11-20")],
        ),
        ("2023-05-20", [], []),  # elected before the ledger's period: training not on record
    ],
)
def test_secretary(
    elected: str, training: list[dict[str, Any]], expected: list[tuple[str, str, str]]
) -> None:
    committee = {"elected": elected, "members": ["M01"]}
    found = _alerts(
        "secretary_untrained", members=SECRETARY, committee=committee, training=training
    )
    assert found == expected


def _paid(months: range) -> list[str]:
    return [f"2024-{m:02d}" for m in months]


@pytest.mark.parametrize(
    ("paid", "exceptions", "expected"),
    [
        (_paid(range(1, 13)), [], []),
        (_paid(range(1, 7)), [], [("dues_gap", "urgent", "2024-12-31")]),  # Jul–Nov: five
        (_paid(range(1, 6)), [], [("dues_gap", "overdue", "2024-11-30")]),  # Jun–Nov: six
        (
            _paid(range(1, 6)),
            [{"member": "M02", "months": _paid(range(6, 12)), "kind": "缓交", "reason": "病休"}],
            [],
        ),
        (_paid(range(1, 8)), [], []),  # Aug–Nov: four; December is not yet owed on 1 December
    ],
)
def test_dues(
    paid: list[str], exceptions: list[dict[str, Any]], expected: list[tuple[str, str, str]]
) -> None:
    members = [{"id": "M01", "name": "张三"}, {"id": "M02", "name": "李四"}]
    dues = {"M01": _paid(range(1, 13)), "M02": paid}
    assert _alerts("dues_gap", members=members, dues=dues, dues_exceptions=exceptions) == expected


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([{"date": "2024-11-10", "type": "支委会"}], []),
        ([{"date": "2024-06-20", "type": "党课"}], [("no_org_life", "urgent", "2024-12-20")]),
        ([{"date": "2024-05-20", "type": "党员大会"}], [("no_org_life", "overdue", "2024-11-20")]),
        (  # a 主题党日 is not one of the 三会一课
            [
                {"date": "2024-05-20", "type": "党小组会"},
                {"date": "2024-11-10", "type": "主题党日"},
            ],
            [("no_org_life", "overdue", "2024-11-20")],
        ),
        ([{"date": "2024-12-20", "type": "支委会"}], [("no_org_life", "overdue", "2024-07-01")]),
    ],
)
def test_org_life(events: list[dict[str, Any]], expected: list[tuple[str, str, str]]) -> None:
    assert _alerts("no_org_life", events=events) == expected


def _rect(due: str, done_on: str | None = None) -> dict[str, Any]:
    return {
        "id": "ZG-1",
        "norm": "N01",
        "found_on": "2024-06-01",
        "source": "四互",
        "problem": "问题",
        "owner": "M01",
        "due": due,
        "done_on": done_on,
    }


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (_rect("2024-11-30"), [("rectification", "overdue", "2024-11-30")]),
        (_rect("2024-12-20"), [("rectification", "urgent", "2024-12-20")]),
        (_rect("2025-02-20"), []),  # further off than --within
        (_rect("2024-11-30", "2024-11-28"), []),  # signed off
        (_rect("2024-11-30", "2024-12-05"), [("rectification", "overdue", "2024-11-30")]),
    ],
)
def test_rectifications(item: dict[str, Any], expected: list[tuple[str, str, str]]) -> None:
    events = [{"date": "2024-11-10", "type": "支委会"}]
    assert _alerts("rectification", rectifications=[item], events=events) == expected


def test_within_widens_urgent() -> None:
    events = [{"date": "2024-11-10", "type": "支委会"}]
    item = _rect("2025-02-20")
    assert _alerts("rectification", within=90, rectifications=[item], events=events) == [
        ("rectification", "urgent", "2025-02-20")
    ]


def test_messages_are_chinese_and_name_people() -> None:
    found = deadlines(
        R,
        ledger(
            members=_member(status="预备", joined="2023-12-20"),
            events=[{"date": "2024-11-10", "type": "支委会"}],
            rectifications=[_rect("2024-11-30")],
        ),
        AS_OF,
        30,
    )
    texts = {a.kind: a.message for a in found}
    assert texts["probation_due"].startswith("预备党员李四预备期将于2024年12月20日届满")
    assert texts["rectification"] == (
        "N01（规范N01）整改事项ZG-1已于2024年11月30日到期，尚未整改销号：问题（责任人：张三）"
    )
    assert not any("M01" in t or "M02" in t for t in texts.values())


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ({"status": "预备", "joined": "2024-01-10", "probation_until": "2025-07-10"}, None),
        (
            {"status": "预备", "joined": "2024-01-10", "probation_until": "2024-12-10"},
            ":9:74: error: members[M02].probation_until: an extended 预备期 ends one to two years",
        ),
        (
            {"status": "预备", "joined": "2024-01-10", "probation_until": "2026-02-10"},
            "an extended 预备期 ends one to two years after admission",
        ),
        (
            {"joined": "2024-01-10", "probation_until": "2025-07-10"},
            "warning: members[M02].probation_until: member 'M02' is a 正式 member",
        ),
        (
            {"joined": "2024-01-10", "lost_contact_since": "2023-12-01"},
            "lost contact (2023-12-01) before joining (2024-01-10)",
        ),
    ],
)
def test_member_fields_are_checked(
    run_line, tmp_path, member: dict[str, Any], expected: str | None
) -> None:
    fields = ", ".join(f"{k}: {v}" for k, v in member.items())
    text = (
        "format: branchcheck.ledger/1\n"
        "rubric: quality-branch\n"
        "branch: {id: t1, name: 测试支部}\n"
        "period: {start: 2024-01-01, end: 2024-12-31}\n"
        "members:\n"
        "  - {id: M01, name: 张三, roles: [书记]}\n"
        "  - {id: M03, name: 王五}\n"
        "  - {id: M04, name: 赵六}\n"
        f"  - {{id: M02, name: 李四, {fields}}}\n"
    )
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_line(f"branchcheck validate {path}")
    if expected is None:
        assert "probation_until" not in run.err and "lost_contact" not in run.err
    else:
        assert expected in run.err
