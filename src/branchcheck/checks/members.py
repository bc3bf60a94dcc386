"""Checks on each member over whole years: talks (谈心谈话) and training hours (学时)."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain
from typing import NamedTuple

from ..models.checks import TalksCheck, TrainingCheck
from ..models.ledger import Member
from .context import Context, Outcome, Window, name_list, no_whole

SECRETARY = "书记"


def _years_held(
    ctx: Context, years: list[Window], members: list[Member]
) -> tuple[dict[str, list[int]], set[str]]:
    """For each member held to a yearly norm, the years (by index) that hold them: those on
    whose last day the member is active and that they were not excused for (half the year or
    more, 《党员教育管理工作条例》第二十三条). Also the members excused from some year."""
    every = list(range(len(years)))
    held = {}
    excused: set[str] = set()
    excusing = ctx.has_excused  # asked once, not per member
    for m in members:
        indexes = (
            every
            if m.joined is None and m.left is None
            else [i for i, y in enumerate(years) if m.active_on(y.end)]
        )
        if excusing:
            kept = [i for i in indexes if not ctx.excused_for(m.id, years[i])]
            if len(kept) < len(indexes):
                excused.add(m.id)
            indexes = kept
        if indexes:
            held[m.id] = indexes
    return held, excused


class Wording(NamedTuple):  # not a frozen dataclass: made ~1 µs faster, several a ledger
    """How a per-member norm is said: `who` is held to it; `done` (after a count) and `short`
    (after the names) say whether they met it: 9名党员全年学习培训达32学时，黄敏未达到."""

    who: str  # 党员
    met_all: str  # 应谈话党员{n}名，均已谈话
    met_some: str  # {n}名党员中{m}名已谈话
    short: str  # 未谈
    met_none: str  # {n}名党员均未谈话
    none: str  # 无应谈话的党员
    one: str | None = None  # the one person held, met: {name}全年学习培训达56学时


def _per_member(
    ctx: Context,
    years: list[Window],
    members: list[Member],
    meets: dict[str, set[int]],
    words: Wording,
    shortfall: dict[str, str] | None = None,
) -> Outcome:
    held, excused = _years_held(ctx, years, members)
    counted = [m for m in members if m.id in held]
    none: set[int] = set()
    short = [m for m in counted if not meets.get(m.id, none).issuperset(held[m.id])]
    exempt = f"（另有{len(excused)}名按规定免于要求）" if excused else ""
    if not counted:
        return Outcome(None, 0, f"{words.none}{exempt}，本项不适用")
    n, m = len(counted), len(counted) - len(short)
    if not short and n == 1 and words.one:
        detail = words.one.format(name=counted[0].name) + exempt
    elif not short:
        detail = words.met_all.format(n=n, all="均" if n > 1 else "") + exempt
    else:
        notes = shortfall or {}
        names = name_list([f"{p.name}{notes.get(p.id, '')}" for p in short], "人")
        detail = (
            f"{words.met_some.format(n=n, m=m)}，{names}{words.short}{exempt}"
            if m
            else f"{words.met_none.format(n=n)}：{names}{exempt}"
        )
    return Outcome(m / n, len(short), detail)


def talks_check(check: TalksCheck, ctx: Context) -> Outcome:
    """Talks (谈心谈话) in every whole year, by `cover`:

    - members: each member in at least `min` talks; a member counts for a year when active
      on its last day and not excused for it.
      FAIL: 10 members, 2 in no talk -> 0.8, misses 2.
    - pairs: each of the three pair types (支委–支委, 支委–党员, 党员–党员) in a talk.
      FAIL: no 党员–党员 talk -> 2/3, misses 1.
    - secretary: the 书记 in a talk with each other member.
      FAIL: the 书记 talked with 6 of 10 -> 0.6, misses 4.
    """
    years = ctx.windows("year")
    if not years:
        return Outcome(None, 0, no_whole("year"))
    talks = ctx._talks.get(check.event)
    if talks is None:  # the same talks for every cover: gathered once per ledger
        talks = ctx._talks[check.event] = [
            (i, ctx.attendees(e))
            for e in ctx.events(check.event)
            if (i := ctx.year_index(e.date)) is not None
        ]
    if check.cover == "pairs":
        return _pair_types(ctx, years, talks)
    if check.cover == "secretary":
        return _secretary(ctx, years, talks)
    meets: dict[str, set[int]] = defaultdict(set)
    for i in range(len(years)):
        # Counted in C over each year's talks, not member by member in Python (~20 µs).
        tally = Counter(chain.from_iterable(present for y, present in talks if y == i))
        for member_id, times in tally.items():
            if times >= check.min:
                meets[member_id].add(i)
    each = "每年" if len(years) > 1 else ""
    done = "已谈话" if check.min == 1 else f"谈话达{check.min}次"
    words = Wording(
        who="党员",
        met_all=f"应谈话党员{{n}}名，{each}{{all}}{done}",
        met_some=f"{{n}}名党员中{{m}}名{each}{done}",
        short="未谈" if check.min == 1 else "未达到",
        met_none=f"{{n}}名党员{each}均{'未谈话' if check.min == 1 else f'未{done}'}",
        none="无应谈话的党员",
    )
    return _per_member(ctx, years, list(ctx.ledger.members), meets, words)


PAIR_NAMES = ("支委与支委", "支委与党员", "党员与党员")


def _pair_types(
    ctx: Context, years: list[Window], talks: list[tuple[int, frozenset[str]]]
) -> Outcome:
    committee = set(ctx.ledger.committee.members) if ctx.ledger.committee else set()
    if not committee:  # no committee: the 书记 stands for it
        committee = {m.id for m in ctx.ledger.members if SECRETARY in m.roles}
    found: list[set[int]] = [set(), set(), set()]
    # A lone 书记 (no committee) has no fellow committee member: two pair types apply.
    types = (0, 1, 2) if len(committee) > 1 else (1, 2)
    for i, present in talks:
        inside = len(present & committee)
        outside = len(present) - inside
        if inside >= 2:
            found[0].add(i)
        if inside and outside:
            found[1].add(i)
        if outside >= 2:
            found[2].add(i)
    wanted = set(range(len(years)))
    missing = [PAIR_NAMES[t] for t in types if not found[t] >= wanted]
    if not missing:
        done = "三类" if len(types) == 3 else "书记与党员、党员与党员"
        detail = f"{done}谈心谈话均已开展"
    else:
        detail = f"{'、'.join(missing)}之间未开展谈心谈话"
    return Outcome((len(types) - len(missing)) / len(types), len(missing), detail)


def _secretary(
    ctx: Context, years: list[Window], talks: list[tuple[int, frozenset[str]]]
) -> Outcome:
    secretaries = {m.id for m in ctx.ledger.members if SECRETARY in m.roles}
    if not secretaries:
        return Outcome(0.0, 1, "台账未登记书记，无法核对书记谈心谈话")
    met: dict[str, set[int]] = defaultdict(set)
    for i, present in talks:
        if present & secretaries:
            for member_id in present - secretaries:
                met[member_id].add(i)
    others = [m for m in ctx.ledger.members if m.id not in secretaries]
    each = "每年" if len(years) > 1 else ""
    words = Wording(
        who="党员",
        met_all=f"书记{each}已与{{n}}名党员逐一谈心谈话",
        met_some=f"书记{each}与{{n}}名党员中的{{m}}名谈心谈话",
        short="未谈",
        met_none=f"书记{each}未与{{n}}名党员谈心谈话",
        none="无应与书记谈话的党员",
    )
    return _per_member(ctx, years, others, met, words)


def training_check(check: TrainingCheck, ctx: Context) -> Outcome:
    """Members (or, with `who: committee`, committee members and the 书记) with at least
    `hours` of training in every whole year, over those counted.

    PASS: 10 members with 32 学时 or more -> 1.0.
    FAIL: 10 members, 3 under 32 学时 -> 0.7, misses 3.
    """
    years = ctx.windows("year")
    if not years:
        return Outcome(None, 0, no_whole("year"))
    hours = ctx.training_hours()
    meets: dict[str, set[int]] = defaultdict(set)
    for (member_id, i), total in hours.items():
        if total + 1e-9 >= check.hours:
            meets[member_id].add(i)
    members = list(ctx.ledger.members)
    if check.who == "committee":
        ids = set(ctx.ledger.committee.members) if ctx.ledger.committee else set()
        members = [m for m in members if m.id in ids or SECRETARY in m.roles]
    last = len(years) - 1
    notes = {
        m.id: f"（{hours.get((m.id, last), 0.0):g}学时）"
        for m in members
        if last not in meets[m.id]
    }
    who = "书记和委员" if check.who == "committee" else "党员"
    each = "每年" if len(years) > 1 else "全年"
    words = Wording(
        who=who,
        met_all=f"{{n}}名{who}{each}学习培训{{all}}达{check.hours:g}学时",
        met_some=f"{{m}}名{who}{each}学习培训达{check.hours:g}学时",
        short="未达到",
        met_none=f"{{n}}名{who}{each}学习培训均未达{check.hours:g}学时",
        none=f"无应参加学习培训的{who}",
        one=f"{{name}}{each}学习培训达{check.hours:g}学时" if check.who == "committee" else None,
    )
    return _per_member(ctx, years, members, meets, words, notes)
