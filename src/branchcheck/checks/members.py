"""Checks on each member: talks, training hours, dues."""

from __future__ import annotations

from collections import defaultdict

from ..models.checks import DuesCheck, TalksCheck, TrainingCheck
from ..models.ledger import Member
from .context import Context, Outcome, Window, name_list


def _years_held(ctx: Context, years: list[Window]) -> dict[str, list[int]]:
    """For each member held to a yearly norm, the years (by index) that hold them: those
    on whose last day the member is active."""
    every = list(range(len(years)))
    held = {}
    for m in ctx.ledger.members:
        indexes = (
            every
            if m.joined is None and m.left is None
            else [i for i, y in enumerate(years) if m.active_on(y.end)]
        )
        if indexes:
            held[m.id] = indexes
    return held


def _shortfall(
    ctx: Context, years: list[Window], meets: dict[str, set[int]]
) -> tuple[list[Member], list[Member]]:
    held = _years_held(ctx, years)
    counted = [m for m in ctx.ledger.members if m.id in held]
    none: set[int] = set()
    short = [m for m in counted if not meets.get(m.id, none).issuperset(held[m.id])]
    return counted, short


def talks_check(check: TalksCheck, ctx: Context) -> Outcome:
    """Members in at least `min` talks in every whole year, over members counted.

    A member counts for a year when active on its last day.
    FAIL: 10 members, 2 in no talk -> 0.8, misses 2.
    """
    years = ctx.windows("year")
    if not years:
        return Outcome(None, 0, "期内没有完整的年度，不适用")
    tally: dict[tuple[str, int], int] = defaultdict(int)
    for event in ctx.events(check.event):
        for i, year in enumerate(years):
            if year.start <= event.date <= year.end:
                for member_id in ctx.attendees(event):
                    tally[(member_id, i)] += 1
    meets: dict[str, set[int]] = defaultdict(set)
    for (member_id, i), times in tally.items():
        if times >= check.min:
            meets[member_id].add(i)
    return _per_member(ctx, years, meets, f"每年至少{check.min}次{'或'.join(check.event)}")


def training_check(check: TrainingCheck, ctx: Context) -> Outcome:
    """Members with at least `hours` of training in every whole year, over members counted.

    FAIL: 10 members, 3 under 32 学时 -> 0.7, misses 3.
    """
    years = ctx.windows("year")
    if not years:
        return Outcome(None, 0, "期内没有完整的年度，不适用")
    hours: dict[tuple[str, int], float] = defaultdict(float)
    for record in ctx.ledger.training:
        for i, year in enumerate(years):
            if year.start <= record.date <= year.end:
                hours[(record.member, i)] += record.hours
    meets: dict[str, set[int]] = defaultdict(set)
    for (member_id, i), total in hours.items():
        if total + 1e-9 >= check.hours:
            meets[member_id].add(i)
    return _per_member(ctx, years, meets, f"年学时达{check.hours:g}")


def _per_member(
    ctx: Context, years: list[Window], meets: dict[str, set[int]], what: str
) -> Outcome:
    counted, short = _shortfall(ctx, years, meets)
    if not counted:
        return Outcome(None, 0, "无应参加的党员，不适用")
    detail = f"{len(counted)}名党员中{len(counted) - len(short)}名{what}"
    if short:
        detail += f"（未达：{name_list([m.name for m in short], '人')}）"
    return Outcome((len(counted) - len(short)) / len(counted), len(short), detail)


def dues_check(check: DuesCheck, ctx: Context) -> Outcome:
    """Paid member-months over due member-months (whole months, any active day makes it due).

    FAIL: 2 members x 12 months, one unpaid month -> 23/24, misses 1.
    """
    months = ctx.windows("month")
    if not months:
        return Outcome(None, 0, "期内没有完整的月份，不适用")
    due = paid = 0
    unpaid: list[str] = []
    status = ctx.dues_status()
    for member in ctx.ledger.members:
        months_owed = [
            (w, p) for w, p in zip(months, status[member.id], strict=True) if p is not None
        ]
        due += len(months_owed)
        missing = [w.label for w, p in months_owed if not p]
        paid += len(months_owed) - len(missing)
        if missing:
            shown = "、".join(missing) if len(missing) <= 3 else f"{len(missing)}个月"
            unpaid.append(f"{member.name}{shown}")
    if due == 0:
        return Outcome(None, 0, "期内无应缴党费的党员，不适用")
    detail = f"应缴{due}人月，已缴{paid}人月"
    if unpaid:
        detail += f"（未缴：{name_list(unpaid, '人')}）"
    return Outcome(paid / due, due - paid, detail)
