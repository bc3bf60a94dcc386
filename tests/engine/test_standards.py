"""Work norms (`standards`) rolled up in Result.standards: points and earned over the items that
apply; met when every applying item is met, not applicable when none applies, unrated when an
item awaits its rating and nothing is earned, else partial (something earned) or missed."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger, monthly, norm, rubric
from pydantic import ValidationError

from branchcheck import score
from branchcheck.models import Result

# Against a ledger with 4 党课 and nothing else:
MET = {"kind": "count", "event": "党课", "min": 4}  # fraction 1
PARTIAL = {"kind": "count", "event": "党课", "min": 8}  # fraction 0.5
MISSED = {"kind": "count", "event": "党员大会", "min": 1}  # fraction 0
UNRATED = {"kind": "rating"}
NEVER = {"members_at_least": 100}  # not applicable
BOOK = ledger(events=monthly("党课", [3, 6, 9, 12]))


def item(kind: str, i: int, points: float = 10, **extra: Any) -> dict[str, Any]:
    check = {"met": MET, "partial": PARTIAL, "missed": MISSED, "unrated": UNRATED, "na": MET}
    if kind == "na":
        extra["when"] = NEVER
    return norm(check[kind], points, id=f"N{i:02d}", **extra)


def standards_rubric(*groups: tuple[str, list[dict[str, Any]]], **top: Any) -> Any:
    total = sum(n["points"] for _, items in groups for n in items if not n.get("bonus"))
    dims = [
        {
            "id": "d1",
            "name": "维度一",
            "standards": [
                {"id": sid, "name": f"工作规范{sid}", "norms": items} for sid, items in groups
            ],
        }
    ]
    return rubric(total=top.pop("total", total) or 1, dimensions=dims, **top)


def rolled(*kinds: str, points: tuple[float, ...] = ()) -> tuple[str, float, float]:
    items = [item(k, i, points[i - 1] if points else 10) for i, k in enumerate(kinds, 1)]
    (std,) = score(standards_rubric(("S1", items)), BOOK).standards
    return (std.status, std.points, std.earned)


CASES = [
    pytest.param(("met",), ("met", 10, 10.0), id="one-met"),
    pytest.param(("met", "met"), ("met", 20, 20.0), id="all-met"),
    pytest.param(("met", "partial"), ("partial", 20, 15.0), id="some-partial"),
    pytest.param(("partial",), ("partial", 10, 5.0), id="only-partial"),
    pytest.param(("met", "missed"), ("partial", 20, 10.0), id="met-and-missed"),
    pytest.param(("missed", "missed"), ("missed", 20, 0.0), id="all-missed"),
    pytest.param(("na", "na"), ("not_applicable", 0, 0.0), id="all-not-applicable"),
    pytest.param(("met", "na"), ("met", 10, 10.0), id="met-and-not-applicable"),
    pytest.param(("missed", "na"), ("missed", 10, 0.0), id="missed-and-not-applicable"),
    pytest.param(("partial", "na"), ("partial", 10, 5.0), id="partial-and-not-applicable"),
    pytest.param(("unrated",), ("unrated", 10, 0.0), id="unrated"),
    pytest.param(("unrated", "missed"), ("unrated", 20, 0.0), id="unrated-and-missed"),
    pytest.param(("unrated", "met"), ("partial", 20, 10.0), id="unrated-and-met"),
    pytest.param(("unrated", "na"), ("unrated", 10, 0.0), id="unrated-and-not-applicable"),
]


@pytest.mark.parametrize(("kinds", "expected"), CASES)
def test_roll_up_status(kinds: tuple[str, ...], expected: tuple[str, float, float]) -> None:
    assert rolled(*kinds) == expected


def test_roll_up_points_are_rounded_sums() -> None:
    assert rolled("met", "partial", "met", points=(1.1, 2.2, 3.3)) == ("partial", 6.6, 5.5)


def zero_veto(i: int, kind: str) -> dict[str, Any]:
    check = {"met": MET, "missed": MISSED, "partial": PARTIAL}[kind]
    return norm(check, 0, id=f"V{i:02d}", veto=True)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        pytest.param([item("met", 1), zero_veto(1, "met")], ("met", 10, 10.0), id="veto-met"),
        pytest.param(
            [item("met", 1), zero_veto(1, "missed")], ("partial", 10, 10.0), id="veto-missed"
        ),
        pytest.param(
            [item("met", 1), zero_veto(1, "partial")], ("partial", 10, 10.0), id="veto-half"
        ),
        pytest.param([zero_veto(1, "met")], ("met", 0, 0.0), id="only-veto-met"),
        pytest.param([zero_veto(1, "missed")], ("missed", 0, 0.0), id="only-veto-missed"),
    ],
)
def test_roll_up_with_zero_point_veto(
    items: list[dict[str, Any]], expected: tuple[str, float, float]
) -> None:
    (std,) = score(standards_rubric(("S1", items), total=10), BOOK).standards
    assert (std.status, std.points, std.earned) == expected


def several() -> Result:
    model = rubric(
        total=40,
        dimensions=[
            {"id": "d1", "name": "维度一", "norms": [item("met", 1)]},
            {
                "id": "d2",
                "name": "维度二",
                "standards": [
                    {"id": "S1", "name": "规范一", "norms": [item("met", 2), item("na", 3)]},
                    {
                        "id": "S2",
                        "name": "规范二",
                        "norms": [item("partial", 4), item("missed", 5)],
                    },
                ],
            },
        ],
    )
    return score(model, BOOK)


def test_standards_in_file_order_with_their_items() -> None:
    got = [(s.id, s.name, s.dimension, s.norms, s.status) for s in several().standards]
    assert got == [
        ("S1", "规范一", "d2", ["N02", "N03"], "met"),
        ("S2", "规范二", "d2", ["N04", "N05"], "partial"),
    ]


def test_norms_name_their_standard() -> None:
    assert [(n.id, n.dimension, n.standard) for n in several().norms] == [
        ("N01", "d1", None),
        ("N02", "d2", "S1"),
        ("N03", "d2", "S1"),
        ("N04", "d2", "S2"),
        ("N05", "d2", "S2"),
    ]


def test_dimension_totals_count_the_items_under_standards() -> None:
    result = several()
    assert [(d.id, d.earned, d.max) for d in result.dimensions] == [
        ("d1", 10.0, 10),
        ("d2", 15.0, 30),
    ]
    assert (result.common.earned, result.common.max) == (25.0, 40)


def test_no_standards_no_roll_up() -> None:
    assert score(rubric(item("met", 1)), BOOK).standards == []


def test_standards_in_the_json() -> None:
    data = several().model_dump(mode="json")
    assert data["standards"][0] == {
        "id": "S1",
        "name": "规范一",
        "dimension": "d2",
        "points": 10,
        "earned": 10.0,
        "status": "met",
        "norms": ["N02", "N03"],
    }
    assert data["norms"][1]["standard"] == "S1"


@pytest.mark.parametrize(
    "dimension",
    [
        pytest.param(
            {
                "id": "d1",
                "name": "维度一",
                "norms": [item("met", 1)],
                "standards": [{"id": "S1", "name": "规范一", "norms": [item("met", 2)]}],
            },
            id="both",
        ),
        pytest.param({"id": "d1", "name": "维度一"}, id="neither"),
        pytest.param(
            {
                "id": "d1",
                "name": "维度一",
                "standards": [{"id": "S1", "name": "规范一", "norms": []}],
            },
            id="empty-standard",
        ),
    ],
)
def test_dimension_takes_norms_or_standards(dimension: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        rubric(total=10, dimensions=[dimension])
