"""Alerts: things an evaluator should act on that the score alone does not say."""

from __future__ import annotations

import datetime as dt

from ..checks.context import Context
from ..checks.dues import unexplained_runs
from ..checks.dues_amounts import shortfall_alerts
from ..checks.organization import term_end
from ..cn_dates import cn_date
from ..formats.prose import norm_label
from ..models.result import Alert, NormResult
from ..models.rubric import Rubric
from .rectify import rectification_items

TERM_WARNING_DAYS = 90
DUES_GAP_MONTHS = 6


def alerts(rubric: Rubric, ctx: Context, norms: list[NormResult]) -> list[Alert]:
    found = _term_due(rubric, ctx)
    if rubric.plan.has_dues:
        found += _dues_gaps(ctx)
        found += [Alert(kind="dues_short", message=m) for m in shortfall_alerts(ctx)]
    found += [
        Alert(kind="unrated", message=f"{norm_label(n.id, n.name)}尚未评定等次，请考核人补充评定")
        for n in norms
        if n.status == "unrated"
    ]
    return found + _rectifications(rubric, ctx)


def _term_due(rubric: Rubric, ctx: Context) -> list[Alert]:
    end = term_end(ctx.ledger, rubric.plan.term_years)
    period_end = ctx.period.end
    found = []
    committee = ctx.ledger.committee
    if (
        committee
        and committee.previous_term_end
        and committee.elected > committee.previous_term_end
    ):
        late = (committee.elected - committee.previous_term_end).days
        found.append(
            Alert(
                kind="term_late",
                message=f"上届任期于{cn_date(committee.previous_term_end)}届满，"
                f"{cn_date(committee.elected)}才换届，推迟{late}天",
            )
        )
    if end is None or end > period_end + dt.timedelta(days=TERM_WARNING_DAYS):
        return found
    # Below 7 full members there is no committee: the term is the 书记's (机关条例第七条).
    whose = "支部委员会" if committee and len(committee.members) > 1 else "支部书记"
    if end < period_end:
        message = f"{whose}任期已于{cn_date(end)}届满，应抓紧换届"
    elif end == period_end:
        message = f"{whose}任期于考核期末（{cn_date(end)}）届满，应及时换届"
    else:
        message = f"{whose}任期将于{cn_date(end)}届满，请提前向上级党组织报送换届请示"
    return [*found, Alert(kind="term_due", message=message)]


def _dues_gaps(ctx: Context) -> list[Alert]:
    """Six months in a row unpaid with no reason recorded: 党章第九条 and 《党员教育管理工作
    条例》第三十一条(六) treat it, without a valid reason, as leaving the Party."""
    return [
        Alert(
            kind="dues_gap",
            message=f"{name}{first.label}至{last.label}连续{months}个月未交纳党费，请核实有无正当"
            "理由；无正当理由的，按党章第九条和《党员教育管理工作条例》第三十一条处置",
        )
        for name, months, first, last in unexplained_runs(ctx, DUES_GAP_MONTHS)
    ]


def _rectifications(rubric: Rubric, ctx: Context) -> list[Alert]:
    """Items still open past their due date at the period's end (整改 not signed off)."""
    found = []
    for item in rectification_items(ctx.ledger, rubric):
        if item.status != "overdue":
            continue
        label = norm_label(item.norm, item.norm_name) if item.norm_name else item.norm
        found.append(
            Alert(
                kind="rectification_overdue",
                message=f"{label}整改事项{item.id}已于{cn_date(dt.date.fromisoformat(item.due))}"
                f"到期，至考核期末尚未整改销号：{item.problem}",
                due=item.due,
                severity="overdue",
                subject=item.id,
            )
        )
    return found
