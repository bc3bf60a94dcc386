"""Alerts: things an evaluator should act on that the score alone does not say."""

from __future__ import annotations

import datetime as dt

from ..checks import Context
from ..checks.context import cn_date
from ..checks.organization import term_end
from ..models.checks import DuesCheck, TermCheck
from ..models.result import Alert, NormResult
from ..models.rubric import Rubric

TERM_WARNING_DAYS = 90
DUES_GAP_MONTHS = 6


def alerts(rubric: Rubric, ctx: Context, norms: list[NormResult]) -> list[Alert]:
    found = _term_due(rubric, ctx)
    if any(isinstance(norm.check, DuesCheck) for _, norm in rubric.norms):
        found += _dues_gaps(ctx)
    found += [
        Alert(kind="unrated", message=f"{n.id}尚待评定：在台账 ratings 中给出等级")
        for n in norms
        if n.status == "unrated"
    ]
    return found


def _term_due(rubric: Rubric, ctx: Context) -> list[Alert]:
    years = next((n.check.years for _, n in rubric.norms if isinstance(n.check, TermCheck)), None)
    end = term_end(ctx.ledger, years)
    period_end = ctx.period.end
    if end is None or end > period_end + dt.timedelta(days=TERM_WARNING_DAYS):
        return []
    if end < period_end:
        message = f"支部委员会任期已于{cn_date(end)}届满，应抓紧换届"
    elif end == period_end:
        message = f"支部委员会任期于期末（{cn_date(end)}）届满，应及时换届"
    else:
        days = (end - period_end).days
        message = f"支部委员会任期将于{cn_date(end)}届满（期末后{days}天），请筹备换届"
    return [Alert(kind="term_due", message=message)]


def _dues_gaps(ctx: Context) -> list[Alert]:
    """Six months in a row unpaid: 党章 Art. 9 treats it as leaving the Party."""
    found = []
    status = ctx.dues_status()
    for member in ctx.ledger.members:
        run = longest = 0
        for paid in status[member.id]:
            run = 0 if paid is None or paid else run + 1  # a month not owed breaks the run
            if run > longest:
                longest = run
        if longest >= DUES_GAP_MONTHS:
            found.append(
                Alert(
                    kind="dues_gap",
                    message=f"{member.name}（{member.id}）连续{longest}个月未缴党费，须核实原因（党章第九条）",
                )
            )
    return found
