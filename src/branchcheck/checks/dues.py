"""Checks on party dues: months paid, and runs of unpaid months with no recorded reason."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from ..models.checks import DuesCheck, DuesGapCheck
from ..models.ledger import Member
from .context import Context
from .dues_amounts import short_detail, shortfalls
from .outcome import Outcome
from .wording import Window, make_windows, name_list, no_whole, spans

PAID, UNPAID, DEFERRED = 1, 0, 2  # DEFERRED: unpaid, with a reason recorded (缓交)


def owes(member: Member, month: Window) -> bool:
    """Dues are due for a month in which the member is active on at least one day."""
    return (member.joined is None or member.joined <= month.end) and (
        member.left is None or month.start <= member.left
    )


def month_key(window: Window) -> str:
    return f"{window.start.year:04d}-{window.start.month:02d}"


@lru_cache(maxsize=64)
def month_keys(start: dt.date, end: dt.date) -> tuple[str, ...]:
    """The keys of the whole months of a period (`windows("month")`), made once per period:
    a batch's ledgers share one (formatting them cost ~8 µs a ledger)."""
    return tuple(month_key(w) for w in make_windows("month", start, end))


def dues_status(ctx: Context) -> dict[str, list[int | None]]:
    """Per member and whole month of the period: PAID, UNPAID, DEFERRED, or None when not owed.

    A month is owed when the member is active on at least one day of it, unless 减免 was
    approved for it; 代交 and 补交 records count as paid. Computed once per ledger; the rows
    are shared (one list for all who paid every month): callers must not change them.
    """
    cache = ctx._dues
    if cache or not ctx.ledger.members:
        return cache
    months = ctx.windows("month")
    keys = month_keys(ctx.period.start, ctx.period.end)
    every: list[int | None] = [PAID] * len(keys)
    irregular: list[Member] = []  # the members whose row is not `every`
    # Months handled otherwise, by member: only their own rows need the month-by-month walk.
    handled: dict[str, dict[str, str]] = {}
    for record in ctx.ledger.dues_exceptions:
        for month in record.months:
            handled.setdefault(record.member, {})[month] = record.kind
    dues = ctx.ledger.dues
    for member in ctx.ledger.members:
        listed = dues.get(member.id, ())
        always = member.joined is None and member.left is None
        own = handled.get(member.id) if handled else None
        if always and not own:  # owes every month, none handled otherwise: the usual case
            if listed == keys:  # every month, listed in order: no set to make (~0.4 µs)
                cache[member.id] = every
                continue
            # (saves the month-by-month walk below, ~2 µs a member)
            paid = set(listed)
            if paid.issuperset(keys):
                cache[member.id] = every
            else:
                row: list[int | None] = [PAID if key in paid else UNPAID for key in keys]
                cache[member.id] = row
                irregular.append(member)
            continue
        paid = set(listed)
        row = []
        for window, key in zip(months, keys, strict=True):
            kind = own.get(key) if own else None
            if kind == "减免" or not (always or owes(member, window)):
                row.append(None)
            elif key in paid or kind in ("代交", "补交"):
                row.append(PAID)
            else:
                row.append(DEFERRED if kind == "缓交" else UNPAID)
        cache[member.id] = row
        irregular.append(member)
    if len(cache) < len(ctx.ledger.members):  # a repeated id: its last row counts for each
        irregular = [m for m in ctx.ledger.members if cache[m.id] is not every]
    ctx._memo["dues_irregular"] = irregular
    return cache


def _irregular(ctx: Context) -> list[Member]:
    """The members, in file order, whose dues row is not "paid every month" (few, often none):
    the checks look at them only (saves ~0.3 µs a member)."""
    dues_status(ctx)
    found: list[Member] = ctx._memo.get("dues_irregular", [])
    return found


def dues_check(check: DuesCheck, ctx: Context) -> Outcome:
    """Paid member-months over due member-months (whole months, any active day makes it due).

    PASS: 2 members x 12 months, all paid -> 1.0.
    FAIL: 2 members x 12 months, one unpaid month -> 23/24, misses 1.
    FAIL (in_full): all paid, one month 20.00 of 35.50 -> 23/24, misses 1 (应交党费24人次（按月
    计），已交24人次；李华3月应交35.50元，实交20.00元，少交15.50元，按未足额交纳计).
    """
    months = ctx.windows("month")
    if not months:
        return Outcome(None, 0, no_whole("month"))
    status = dues_status(ctx)
    irregular = _irregular(ctx)
    # Those who paid every month, together: each owed and paid every month, nothing to list.
    due = paid = len(months) * (len(ctx.ledger.members) - len(irregular))
    unpaid: list[str] = []
    for member in irregular:
        row = status[member.id]
        owed = [(w, p) for w, p in zip(months, row, strict=True) if p is not None]
        due += len(owed)
        missing = [(w, p) for w, p in owed if p != PAID]
        paid += len(owed) - len(missing)
        if missing:
            deferred = "（已登记缓交）" if all(p == DEFERRED for _, p in missing) else ""
            unpaid.append(f"{member.name}{spans([w for w, _ in missing], 'month')}{deferred}")
    if due == 0:
        return Outcome(None, 0, "考核期内无应交党费的党员，本项不适用")
    # in_full: a month paid below the 2008 rate counts as unpaid (only where amounts are kept).
    short = shortfalls(ctx) if check.in_full else []
    detail = f"应交党费{due}人次（按月计），"
    if unpaid or short:
        detail += f"已交{paid}人次"
    else:
        detail += "已全部按月交纳"
    if unpaid:
        shown = "，".join(unpaid[:6]) + (f"等{len(unpaid)}人" if len(unpaid) > 6 else "")
        detail += f"；{shown}党费未交纳"
    if short:
        detail += "；" + short_detail(short)
    full = paid - len(short)
    return Outcome(full / due, due - full, detail)


def unexplained_runs(ctx: Context, months: int) -> list[tuple[str, int, Window, Window]]:
    """Members with `months` or more unpaid months in a row with no recorded reason: name,
    run length, first and last month of the longest run. A month not owed breaks a run."""
    windows = ctx.windows("month")
    status = dues_status(ctx)
    found = []
    for member in _irregular(ctx):  # (a row paid every month has no unpaid month)
        row = status[member.id]
        if row.count(UNPAID) < months:  # no run can be long enough: skip the walk
            continue
        run = longest = 0
        best = (0, 0)
        for i, state in enumerate(row):
            run = run + 1 if state == UNPAID else 0
            if run > longest:
                longest, best = run, (i - run + 1, i)
        if longest >= months:
            found.append((member.name, longest, windows[best[0]], windows[best[1]]))
    return found


def dues_gap_check(check: DuesGapCheck, ctx: Context) -> Outcome:
    """1 when no member has `months` unpaid months in a row without a recorded reason, else 0.

    PASS: one unpaid month, or six unpaid months recorded as 缓交 (病休, with a reason).
    FAIL: a member unpaid May to October with nothing recorded -> 0, misses 1.
    """
    if not ctx.windows("month"):
        return Outcome(None, 0, no_whole("month"))
    runs = unexplained_runs(ctx, check.months)
    if not runs:
        return Outcome(1.0, 0, f"无连续{check.months}个月未交纳党费且无正当理由的党员")
    shown = [f"{name}{first.label}至{last.label}连续{n}个月" for name, n, first, last in runs]
    return Outcome(0.0, len(runs), f"{name_list(shown, '人')}未交纳党费，台账未记录原因或处理")
