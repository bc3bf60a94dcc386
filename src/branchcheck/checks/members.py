"""Checks on each member over whole years: talks (谈心谈话) and training hours (学时)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache
from itertools import chain, filterfalse
from typing import NamedTuple

from ..models.checks import TalksCheck, TrainingCheck
from ..models.ledger import Member
from .context import SECRETARY, Context
from .kept import kept
from .outcome import Outcome
from .wording import Window, name_list, no_whole


class Held(NamedTuple):
    """Which whole years hold each member to a yearly per-member norm: every year, except the
    members in `restricted` (by id: the years that do hold them, maybe none). A member is held
    for a year when active on its last day and not excused for it (half the year or more,
    《党员教育管理工作条例》第二十三条); `excused`: the members excused from some year."""

    restricted: dict[str, list[int]]
    excused: set[str]


def _held(ctx: Context, years: list[Window]) -> Held:
    """Computed once per ledger for every per-member check (talks, training)."""
    found: Held | None = ctx._memo.get("held")
    if found is not None:
        return found
    restricted: dict[str, list[int]] = {}
    excused: set[str] = set()
    every = list(range(len(years)))
    excusing = ctx.has_excused  # asked once, not per member
    members = ctx.ledger.members
    for position, m in enumerate(members):
        dated = m.joined is not None or m.left is not None
        if not dated and not excusing:  # the usual member: held every year, nothing to note
            restricted.pop(m.id, None)
            continue
        indexes = [i for i, y in enumerate(years) if m.active_on(y.end)] if dated else every
        if excusing:
            kept = [i for i in indexes if not ctx.excused_for(m.id, years[i])]
            if len(kept) < len(indexes):
                excused.add(m.id)
            indexes = kept
        if not indexes and any(o.id == m.id for o in members[:position]):
            continue  # a repeated id held by no year: the last one held by some year decides
        if len(indexes) < len(every):
            restricted[m.id] = indexes
        else:
            restricted.pop(m.id, None)
    found = ctx._memo["held"] = Held(restricted, excused)
    return found


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
    met_in: list[set[str]],
    words: Wording,
    shortfall: Callable[[Member], str] | None = None,
) -> Outcome:
    """Members who met the norm in every year that holds them (`met_in`: by year, the ids of
    those who met it that year), over the members held by some year."""
    restricted, excused_ids = _held(ctx, years)
    met_every = met_in[0] if len(met_in) == 1 else set.intersection(*met_in)
    if not restricted:  # everyone held every year, the usual case: one set test a member
        counted = members
        short = [p for p in members if p.id not in met_every]
    else:
        counted, short = [], []
        for member in members:
            need = restricted.get(member.id)
            if need is None:
                counted.append(member)
                if member.id not in met_every:
                    short.append(member)
            elif need:
                counted.append(member)
                if not all(member.id in met_in[i] for i in need):
                    short.append(member)
    excused = len(excused_ids.intersection([p.id for p in members])) if excused_ids else 0
    exempt = f"（另有{excused}名按规定免于要求）" if excused else ""
    if not counted:
        return Outcome(None, 0, f"{words.none}{exempt}，本项不适用")
    n, m = len(counted), len(counted) - len(short)
    if not short and n == 1 and words.one:
        detail = words.one.format(name=counted[0].name) + exempt
    elif not short:
        detail = words.met_all.format(n=n, all="均" if n > 1 else "") + exempt
    else:
        notes = shortfall or _nothing
        names = name_list([f"{p.name}{notes(p)}" for p in short], "人")
        detail = (
            f"{words.met_some.format(n=n, m=m)}，{names}{words.short}{exempt}"
            if m
            else f"{words.met_none.format(n=n)}：{names}{exempt}"
        )
    return Outcome(m / n, len(short), detail)


def _nothing(member: Member) -> str:
    return ""


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
            ctx.present_at(held) for held in ctx.by_year(ctx.events(check.event))
        ]
    if check.cover == "pairs":
        return _pair_types(ctx, years, talks)
    if check.cover == "secretary":
        return _secretary(ctx, years, talks)
    met_in: list[set[str]] = []
    for present in talks:
        # Counted in C over each year's talks, not member by member in Python (~20 µs).
        everyone = chain.from_iterable(present)
        if check.min == 1:  # in one talk at least: no count to keep
            met_in.append(set(everyone))
        else:
            met_in.append({m for m, times in Counter(everyone).items() if times >= check.min})
    several = len(years) > 1
    words = kept(check, f"words{several}", lambda: _talk_words(check, several))
    return _per_member(ctx, years, list(ctx.ledger.members), met_in, words)


def _talk_words(check: TalksCheck, several: bool) -> Wording:
    each = "每年" if several else ""
    done = "已谈话" if check.min == 1 else f"谈话达{check.min}次"
    return Wording(
        who="党员",
        met_all=f"应谈话党员{{n}}名，{each}{{all}}{done}",
        met_some=f"{{n}}名党员中{{m}}名{each}{done}",
        short="未谈" if check.min == 1 else "未达到",
        met_none=f"{{n}}名党员{each}均{'未谈话' if check.min == 1 else f'未{done}'}",
        none="无应谈话的党员",
    )


PAIR_NAMES = ("支委与支委", "支委与党员", "党员与党员")


def _pair_types(ctx: Context, years: list[Window], talks: list[list[frozenset[str]]]) -> Outcome:
    committee = set(ctx.ledger.committee.members) if ctx.ledger.committee else set()
    if not committee:  # no committee: the 书记 stands for it
        committee = ctx.secretaries()
    # A lone 书记 (no committee) has no fellow committee member: two pair types apply.
    types = (0, 1, 2) if len(committee) > 1 else (1, 2)
    found = [0, 0, 0]  # years in which each pair type was found
    for present_in_year in talks:
        seen = [False, False, False]
        for present in present_in_year:
            inside = len(present & committee)
            outside = len(present) - inside
            seen[0] = seen[0] or inside >= 2
            seen[1] = seen[1] or bool(inside and outside)
            seen[2] = seen[2] or outside >= 2
            if all(seen):  # every type found this year: the rest cannot change it (~5 µs)
                break
        found = [n + s for n, s in zip(found, seen, strict=True)]
    missing = [PAIR_NAMES[t] for t in types if found[t] < len(years)]
    if not missing:
        done = "三类" if len(types) == 3 else "书记与党员、党员与党员"
        detail = f"{done}谈心谈话均已开展"
    else:
        detail = f"{'、'.join(missing)}之间未开展谈心谈话"
    return Outcome((len(types) - len(missing)) / len(types), len(missing), detail)


def _secretary(ctx: Context, years: list[Window], talks: list[list[frozenset[str]]]) -> Outcome:
    secretaries = ctx.secretaries()
    if not secretaries:
        return Outcome(0.0, 1, "台账未登记书记，无法核对书记谈心谈话")
    # Everyone in a talk with a 书记, by year; the 书记 among them do not matter, as they are
    # not among `others` (the talks picked and joined in C: saves ~10 µs).
    met_in = [
        set(chain.from_iterable(filterfalse(secretaries.isdisjoint, present))) for present in talks
    ]
    others = [m for m in ctx.ledger.members if m.id not in secretaries]
    return _per_member(ctx, years, others, met_in, _secretary_words(len(years) > 1))


@cache  # the same words for every ledger of one or of several years (~1 µs)
def _secretary_words(several: bool) -> Wording:
    each = "每年" if several else ""
    return Wording(
        who="党员",
        met_all=f"书记{each}已与{{n}}名党员逐一谈心谈话",
        met_some=f"书记{each}与{{n}}名党员中的{{m}}名谈心谈话",
        short="未谈",
        met_none=f"书记{each}未与{{n}}名党员谈心谈话",
        none="无应与书记谈话的党员",
    )


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
    met_in = [{m for m, total in year.items() if total + 1e-9 >= check.hours} for year in hours]
    members = list(ctx.ledger.members)
    if check.who == "committee":
        ids = set(ctx.ledger.committee.members) if ctx.ledger.committee else set()
        # (the roles read only for the ids of 书记: a set test for the rest)
        secretaries = ctx.secretaries()
        members = [
            m for m in members if m.id in ids or (m.id in secretaries and SECRETARY in m.roles)
        ]
    last_met, last_hours = met_in[-1], hours[-1]

    def shortfall(member: Member) -> str:
        """The hours of the last year, after the name of a member short of them."""
        if member.id in last_met:
            return ""
        return f"（{last_hours.get(member.id, 0.0):g}学时）"

    several = len(years) > 1
    words = kept(check, f"words{several}", lambda: _training_words(check, several))
    return _per_member(ctx, years, members, met_in, words, shortfall)


def _training_words(check: TrainingCheck, several: bool) -> Wording:
    who = "书记和委员" if check.who == "committee" else "党员"
    each = "每年" if several else "全年"
    return Wording(
        who=who,
        met_all=f"{{n}}名{who}{each}学习培训{{all}}达{check.hours:g}学时",
        met_some=f"{{m}}名{who}{each}学习培训达{check.hours:g}学时",
        short="未达到",
        met_none=f"{{n}}名{who}{each}学习培训均未达{check.hours:g}学时",
        none=f"无应参加学习培训的{who}",
        one=f"{{name}}{each}学习培训达{check.hours:g}学时" if check.who == "committee" else None,
    )
