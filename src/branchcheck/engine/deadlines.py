"""`branchcheck alerts`: what a branch must do next, as of a day.

Each kind of deadline gives at most one alert per subject (a member, a rectification item, the
term), dated on the day it falls due, and graded against the day asked about (`as_of`):
逾期 (overdue) once that day has passed, 紧急 (urgent) when it falls within `within` days
(or, for a term, within three months), 提醒 (reminder) when it is further off but inside the
kind's lead time (a term: six months; a 转正: three months; the others one month, except
rectification items, shown only within `within` days). Pure: no I/O, no clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..checks.context import Context
from ..checks.dues import UNPAID, dues_status
from ..checks.organization import term_end
from ..cn_dates import cn_date
from ..formats.prose import norm_label
from ..models.checks import TermCheck
from ..models.ledger import Ledger
from ..models.ledger_followup import add_months
from ..models.result import Alert, AlertSeverity
from ..models.rubric import Rubric
from .alert_rows import SEVERITY_RANK
from .rectify import rectification_items

# 三会一课: 支部党员大会、支部委员会会议、党小组会、党课 (支部工作条例第十九条).
ORG_LIFE_TYPES = frozenset({"党员大会", "支委会", "支部委员会", "党小组会", "党课"})
GAP_MONTHS = 6  # dues unpaid, no organisational life, out of contact: six months each
TERM_LEAD, TERM_URGENT, REQUEST_AHEAD = 6, 3, 1  # months before a term ends
LEAD = 1  # month: the other kinds show a month ahead (or `within` days, if longer)
PROBATION_LEAD = 3  # months: 转正申请, 征求意见 and the 党员大会 take time to prepare
DEFAULT_WITHIN = 30


@dataclass(frozen=True)
class Horizon:
    as_of: dt.date
    within: int = DEFAULT_WITHIN

    @property
    def soon(self) -> dt.date:
        return self.as_of + dt.timedelta(days=self.within)

    def ahead(self, months: int) -> dt.date:
        """The last day an alert with a lead of `months` is shown for (at least `within`)."""
        return max(self.soon, add_months(self.as_of, months))

    def severity(self, due: dt.date, urgent_until: dt.date | None = None) -> AlertSeverity:
        if due < self.as_of:
            return "overdue"
        return "urgent" if due <= max(self.soon, urgent_until or self.soon) else "reminder"

    def alert(self, kind: str, due: dt.date, subject: str, message: str) -> Alert:
        return Alert(
            kind=kind,
            message=message,
            due=due.isoformat(),
            severity=self.severity(due),
            subject=subject,
        )


def deadlines(rubric: Rubric, ledger: Ledger, as_of: dt.date, within: int) -> list[Alert]:
    """Everything due or overdue for one ledger's branch as of `as_of`, most pressing first."""
    horizon = Horizon(as_of, within)
    found = [
        *_term(rubric, ledger, horizon),
        *_probation(ledger, horizon),
        *_activists(ledger, horizon),
        *_secretary(ledger, horizon),
        *_dues(rubric, ledger, horizon),
        *_org_life(ledger, horizon),
        *_lost_contact(ledger, horizon),
        *_rectifications(rubric, ledger, horizon),
    ]
    return sorted(found, key=alert_order)


def alert_order(alert: Alert) -> tuple[int, str, str, str]:
    rank = SEVERITY_RANK[alert.severity] if alert.severity else len(SEVERITY_RANK)
    return (rank, alert.due or "", alert.kind, alert.subject or "")


def _term(rubric: Rubric, ledger: Ledger, h: Horizon) -> Iterator[Alert]:
    committee = ledger.committee
    if committee is None:
        return
    if committee.elected > h.as_of:  # re-elected later: until then the previous term runs
        if committee.previous_term_end is None or committee.previous_term_end >= h.as_of:
            return
        end = committee.previous_term_end
    else:
        years = next(
            (n.check.years for _, n in rubric.norms if isinstance(n.check, TermCheck)), None
        )
        found = term_end(ledger, years)
        if found is None:
            return
        end = found
    if end > add_months(h.as_of, TERM_LEAD):
        return
    # Below 7 full members there is no committee: the term is the 书记's (机关条例第七条).
    whose = "支部委员会" if len(committee.members) > 1 else "支部书记"
    if end < h.as_of:
        message = f"{whose}任期已于{cn_date(end)}届满，应抓紧换届"
    else:
        days = (end - h.as_of).days
        message = f"{whose}任期将于{cn_date(end)}届满（还有{days}天），请做好换届准备"
    yield Alert(
        kind="term_due",
        message=message,
        due=end.isoformat(),
        severity=h.severity(end, add_months(h.as_of, TERM_URGENT)),
        subject="换届",
    )
    request = add_months(end, -REQUEST_AHEAD)
    if add_months(end, -TERM_URGENT) <= h.as_of <= end:
        yield h.alert(
            "term_request",
            request,
            "换届请示",
            f"{whose}任期{cn_date(end)}届满，请于{cn_date(request)}前向上级党组织报送换届请示",
        )


def _unrecorded(ledger: Ledger, due: dt.date, h: Horizon) -> bool:
    """Due after the ledger's period, asked about after it too: what happened is not known."""
    return due > ledger.period.end and h.as_of > ledger.period.end


def _probation(ledger: Ledger, h: Horizon) -> Iterator[Alert]:
    for member in ledger.members:
        if member.status != "预备" or member.joined is None or not member.active_on(h.as_of):
            continue
        until = member.probation_until or add_months(member.joined, 12)
        if until > h.ahead(PROBATION_LEAD):
            continue
        extended = "（延长后）" if member.probation_until else ""
        if until < h.as_of:
            text = (
                f"预备党员{member.name}预备期{extended}已于{cn_date(until)}届满，"
                "请及时召开支部党员大会讨论其转正"
            )
        else:
            text = (
                f"预备党员{member.name}预备期{extended}将于{cn_date(until)}届满，请提前做好转正"
                "准备（本人转正申请、征求党内外群众意见、支部党员大会讨论）"
            )
        yield h.alert("probation_due", until, member.name, text)


def _activists(ledger: Ledger, h: Horizon) -> Iterator[Alert]:
    for activist in ledger.activists:
        if activist.since > h.as_of:
            continue
        last = max((d for d in activist.reviews if d <= h.as_of), default=activist.since)
        due = add_months(last, GAP_MONTHS)
        if due > h.ahead(LEAD):
            continue
        if last == activist.since:
            what = f"于{cn_date(last)}确定为入党积极分子，尚无考察记录"
        else:
            what = f"上次考察为{cn_date(last)}"
        yield h.alert(
            "activist_review",
            due,
            activist.name,
            f"入党积极分子{activist.name}{what}，应于{cn_date(due)}前完成半年一次的考察",
        )


def _secretary(ledger: Ledger, h: Horizon) -> Iterator[Alert]:
    committee = ledger.committee
    # Took office at the election; training before the ledger's period is not on record.
    if committee is None or not ledger.period.start <= committee.elected <= h.as_of:
        return
    start = committee.elected
    due = add_months(start, GAP_MONTHS)
    if due > h.ahead(LEAD) or _unrecorded(ledger, due, h):
        return
    for member in ledger.members:
        if "书记" not in member.roles or not member.active_on(h.as_of):
            continue
        if any(t.member == member.id and start <= t.date <= h.as_of for t in ledger.training):
            continue
        yield h.alert(
            "secretary_untrained",
            due,
            member.name,
            f"支部书记{member.name}于{cn_date(start)}任职，台账无此后参加培训的记录；新任书记应在"
            f"{cn_date(due)}前参加书记培训",
        )


def _dues(rubric: Rubric, ledger: Ledger, h: Horizon) -> Iterator[Alert]:
    """Unpaid months running up to the last whole month before `as_of` (this month's dues
    may still come): five in a row warns, six is overdue."""
    ctx = Context(ledger, rubric)
    months = [w for w in ctx.windows("month") if w.end < h.as_of]
    if not months:
        return
    states = dues_status(ctx)
    for member in ledger.members:
        row = states.get(member.id, [])[: len(months)]
        run = 0
        for state in reversed(row):
            if state != UNPAID:
                break
            run += 1
        if run < GAP_MONTHS - 1:
            continue
        first, last = months[len(row) - run], months[len(row) - 1]
        sixth = add_months(first.start, GAP_MONTHS) - dt.timedelta(days=1)
        span = f"{first.label}至{last.label}" if run > 1 else first.label
        if run >= GAP_MONTHS:
            text = (
                f"{member.name}{span}连续{run}个月未交纳党费，请核实有无正当理由；无正当理由的，"
                "按党章第九条和《党员教育管理工作条例》第三十一条处置"
            )
        else:
            text = (
                f"{member.name}{span}已连续{run}个月未交纳党费，{cn_date(sixth)}前仍未交纳即满"
                f"{GAP_MONTHS}个月，请及时提醒并核实原因"
            )
        yield h.alert("dues_gap", sixth, member.name, text)


def _org_life(ledger: Ledger, h: Horizon) -> Iterator[Alert]:
    held = [e for e in ledger.events if e.type in ORG_LIFE_TYPES and e.date <= h.as_of]
    if held:
        last = max(held, key=lambda e: e.date)
        since, what = last.date, f"上次为{cn_date(last.date)}的{last.type}"
    elif ledger.period.start <= h.as_of:
        since, what = ledger.period.start, f"{cn_date(ledger.period.start)}以来台账无记录"
    else:
        return
    due = add_months(since, GAP_MONTHS)
    if due > h.ahead(LEAD) or _unrecorded(ledger, due, h):
        return
    if due < h.as_of:
        text = f"已连续{GAP_MONTHS}个月以上未开展“三会一课”（{what}），请尽快恢复正常组织生活"
    else:
        text = f"“三会一课”{what}，{cn_date(due)}前须开展，否则将连续{GAP_MONTHS}个月无组织生活"
    yield h.alert("no_org_life", due, "三会一课", text)


def _lost_contact(ledger: Ledger, h: Horizon) -> Iterator[Alert]:
    for member in ledger.members:
        since = member.lost_contact_since
        if since is None or since > h.as_of or not member.active_on(h.as_of):
            continue
        due = add_months(since, GAP_MONTHS)
        if due > h.ahead(LEAD):
            continue
        if due < h.as_of:
            text = (
                f"{member.name}自{cn_date(since)}起与党组织失去联系，已满{GAP_MONTHS}个月，"
                "请按《中国共产党党员教育管理工作条例》研究停止其党籍"
            )
        else:
            text = (
                f"{member.name}自{cn_date(since)}起与党组织失去联系，{cn_date(due)}将满"
                f"{GAP_MONTHS}个月，请抓紧查找联系"
            )
        yield h.alert("lost_contact", due, member.name, text)


def _rectifications(rubric: Rubric, ledger: Ledger, h: Horizon) -> Iterator[Alert]:
    for item in rectification_items(ledger, rubric, h.as_of):
        due = dt.date.fromisoformat(item.due)
        if item.status not in ("open", "overdue") or due > h.soon:
            continue
        label = norm_label(item.norm, item.norm_name) if item.norm_name else item.norm
        if item.status == "overdue":
            head = f"{label}整改事项{item.id}已于{cn_date(due)}到期，尚未整改销号"
        else:
            head = f"{label}整改事项{item.id}应于{cn_date(due)}前完成整改销号"
        yield h.alert(
            "rectification", due, item.id, f"{head}：{item.problem}（责任人：{item.owner}）"
        )
