"""Checks on how the branch is organised: its committee's term and its structure."""

from __future__ import annotations

import datetime as dt

from ..cn_dates import cn_date
from ..models.checks import StructureCheck, TermCheck
from ..models.ledger import Ledger
from .context import Context
from .outcome import Outcome

DEFAULT_TERM_YEARS = 3
TERM_BY_TYPE = {"村": 5, "社区": 5}  # 《中国共产党支部工作条例（试行）》第二十七条; others 3


def term_years(ledger: Ledger, years: int | None = None) -> int:
    """The term: the rubric's `years`, else by branch type (村/社区 5), else the ledger's
    `term_years`, else 3."""
    if years:
        return years
    kind = ledger.branch.type
    if kind is not None:
        return TERM_BY_TYPE.get(kind, DEFAULT_TERM_YEARS)
    committee = ledger.committee
    return (committee.term_years if committee else None) or DEFAULT_TERM_YEARS


def term_end(ledger: Ledger, years: int | None = None) -> dt.date | None:
    """When the elected committee's (or secretary's) term runs out, if an election is
    recorded; an approved extension moves it to the extension's end."""
    committee = ledger.committee
    if committee is None:
        return None
    span = term_years(ledger, years)
    elected = committee.elected
    try:
        end = elected.replace(year=elected.year + span)
    except ValueError:  # elected on 29 February
        end = elected.replace(year=elected.year + span, day=28)
    if committee.extension is not None and committee.extension.until > end:
        return committee.extension.until
    return end


def term_check(check: TermCheck, ctx: Context) -> Outcome:
    """1 when `elected` + years is not before the period's end, else 0.

    PASS: elected 2022-06-20, 3 years, period ends 2024-12-31.
    FAIL: elected 2021-03-01, 3 years -> expired 2024-03-01, misses 1.
    """
    end = term_end(ctx.ledger, check.years)
    if end is None:
        return Outcome(0.0, 1, "台账未记录换届选举时间")
    committee = ctx.ledger.committee
    assert committee is not None
    elected = cn_date(committee.elected)
    extended = (
        f"（经上级党组织{cn_date(committee.extension.approved_on)}批准延期）"
        if committee.extension is not None and end == committee.extension.until
        else ""
    )
    if end >= ctx.period.end:
        return Outcome(1.0, 0, f"{elected}选举产生，任期至{cn_date(end)}{extended}")
    return Outcome(0.0, 1, f"{elected}选举产生，任期已于{cn_date(end)}届满，未按期换届")


def structure_check(check: StructureCheck, ctx: Context) -> Outcome:
    """Conditions met / conditions, counted on the period's last day.

    Conditions: at least `min_members` full members; from `committee_at` full members on, a
    committee sized within `committee_size`; each role (`roles` with a committee, else
    `small_branch_roles`) held by an active full (正式) member.
    """
    day = ctx.period.end
    active = ctx.active_on(day)
    full = [m for m in active if m.status == "正式"]
    results: list[bool] = []  # one per condition
    parts: list[str] = []

    results.append(len(full) >= check.min_members)
    parts.append(
        f"正式党员{len(full)}名"
        if results[-1]
        else f"正式党员仅{len(full)}名（应至少{check.min_members}名）"
    )
    needs_committee = len(full) >= check.committee_at
    if needs_committee:
        committee = ctx.ledger.committee
        active_ids = {m.id for m in active}
        size = len([i for i in committee.members if i in active_ids]) if committee else 0
        low, high = check.committee_size
        results.append(low <= size <= high)
        if size == 0:
            parts.append(f"未设支部委员会（应设{low}至{high}人）")
        elif size < low:
            parts.append(f"支委会仅{size}人（应为{low}至{high}人）")
        else:
            parts.append(f"支委会{size}人" + (f"，超过{high}人" if size > high else ""))
    else:
        parts.append("不设支部委员会")
    roles = check.roles if needs_committee else check.small_branch_roles
    # A 预备党员 has no right to be elected, so only full members hold posts.
    held = {role for m in full for role in m.roles}
    have = [role for role in roles if role in held]
    lack = [role for role in roles if role not in held]
    results += [role in held for role in roles]
    if have and not lack:
        parts.append(f"{'、'.join(have)}配备齐全" if len(have) > 1 else f"已配备{have[0]}")
    elif have:
        parts.append(f"{'、'.join(have)}已配备，缺{'、'.join(lack)}")
    elif lack:
        parts.append(f"未配备{'、'.join(lack)}")
    return Outcome(sum(results) / len(results), results.count(False), "，".join(parts))
