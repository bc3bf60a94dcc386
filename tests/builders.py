"""Small rubrics and ledgers built in code, for table-style engine tests."""

from __future__ import annotations

from typing import Any

from branchcheck.models import Ledger, Rubric

EVENTS = [
    "支委会",
    "党员大会",
    "党小组会",
    "党课",
    "主题党日",
    "组织生活会",
    "民主评议党员",
    "谈心谈话",
]


def rubric(*norms: dict[str, Any], **top: Any) -> Rubric:
    """A one-dimension rubric whose total is the norms' points (bonus aside) unless given."""
    total = sum(n["points"] for n in norms if not n.get("bonus"))
    data: dict[str, Any] = {
        "format": "branchcheck.rubric/1",
        "id": "test",
        "name": "测试",
        "version": "1",
        "total": total,
        "events": EVENTS,
        "tiers": [{"id": "general", "name": "一般"}],
        "dimensions": [{"id": "d1", "name": "维度一", "norms": list(norms)}],
    }
    data.update(top)
    return Rubric.model_validate(data)


def norm(
    check: dict[str, Any], points: float = 10, id: str = "N01", **extra: Any
) -> dict[str, Any]:
    return {
        "id": id,
        "name": f"规范{id}",
        "requirement": "要求",
        "points": points,
        "check": check,
        **extra,
    }


def members(count: int, **extra: Any) -> list[dict[str, Any]]:
    return [{"id": f"M{i:02d}", "name": f"党员{i}", **extra} for i in range(1, count + 1)]


def ledger(
    start: str = "2024-01-01", end: str = "2024-12-31", member_count: int = 3, **fields: Any
) -> Ledger:
    data: dict[str, Any] = {
        "format": "branchcheck.ledger/1",
        "branch": {"id": "b1", "name": "测试支部"},
        "period": {"start": start, "end": end},
        "members": members(member_count),
    }
    data.update(fields)
    return Ledger.model_validate(data)


def monthly(
    event_type: str, months: list[int], year: int = 2024, day: int = 10, **extra: Any
) -> list[dict[str, Any]]:
    return [{"date": f"{year}-{m:02d}-{day:02d}", "type": event_type, **extra} for m in months]
