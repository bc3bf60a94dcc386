"""Warnings on what the records say: admissions and votes without their meeting or quorum,
events outside the period, dues exceptions out of bounds, and the committee's term.

None of these changes a score; each tells the user about a record the norms read otherwise
than the user may think, so nothing written is silently ignored.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from ..checks.organization import DEFAULT_TERM_YEARS, TERM_BY_TYPE, term_years
from ..models.checks import TermCheck
from ..models.ledger import Ledger
from ..models.rubric import Rubric
from .source import Problem

GENERAL_MEETING = "党员大会"
# Topics on which the 党员大会 votes: 接收/转正 预备党员, elections, any 表决.
VOTE_WORDS = ("接收", "转正", "选举", "表决")
ADMISSION_WINDOW = dt.timedelta(days=31)  # the meeting may precede the admission date
LATE_PAYMENT_MONTHS = 6  # 2008 党费规定: 补交一般不超过6个月
MAX_EXTENSION_YEARS = 1  # 2018 任期意见: 延期一般不超过1年


def record_warnings(ledger: Ledger, rubric: Rubric) -> list[Problem]:
    problems = _admissions(ledger) + _quorum(ledger) + _outside_period(ledger)
    if ledger.dues_exceptions:
        problems += _dues_exceptions(ledger)
    if ledger.committee is not None:
        problems += _committee(ledger, rubric)
    return problems


def _warning(loc: tuple[str | int, ...], message: str, kind: str | None = None) -> Problem:
    return Problem(loc, message, level="warning", kind=kind)


def _admissions(ledger: Ledger) -> list[Problem]:
    """A 预备党员 admitted in the period: the 党员大会 that voted on it is on record
    (支部工作条例第十一条), on the admission date or up to 31 days before."""
    start, end = ledger.period.start, ledger.period.end
    admitted = [
        (m, member.joined)
        for m, member in enumerate(ledger.members)
        if member.status == "预备" and member.joined is not None and start <= member.joined <= end
    ]
    if not admitted:
        return []
    meetings = sorted(e.date for e in ledger.events if e.type == GENERAL_MEETING)
    problems = []
    for m, joined in admitted:
        i = bisect_left(meetings, joined - ADMISSION_WINDOW)
        if i < len(meetings) and meetings[i] <= joined:
            continue
        problems.append(
            _warning(
                ("members", m, "joined"),
                f"no {GENERAL_MEETING} on or before the admission date {joined}"
                f" (支部工作条例第十一条: the {GENERAL_MEETING} votes on admitting a 预备党员);"
                " record that meeting under `events` (up to 31 days before), or correct `joined`",
            )
        )
    return problems


def _quorum(ledger: Ledger) -> list[Problem]:
    """A 党员大会 that votes: more than half of the 正式 members due that day (active, not
    excused) attended; only 正式 members vote."""
    problems = []
    for e, event in enumerate(ledger.events):
        if event.type != GENERAL_MEETING:
            continue
        topic = next((t for t in event.topics if any(w in t for w in VOTE_WORDS)), None)
        if topic is None:
            continue
        full = {m.id for m in ledger.full_members_on(event.date)}
        excused = {x.member for x in ledger.excused if x.covers(event.date)}
        due = len(full - excused)
        if due == 0:
            continue
        if event.attendees == "all":
            present = full.difference(event.absent)
        elif not event.attendees:
            problems.append(
                _warning(
                    ("events", e),
                    f"the vote ({topic!r}) needs more than half of the 正式 members present,"
                    " but no attendees are recorded; list them under `attendees`"
                    " (or write `all` and list who was `absent`)",
                )
            )
            continue
        else:
            present = full.intersection(event.attendees).difference(event.absent)
        if 2 * len(present) > due:
            continue
        problems.append(
            _warning(
                ("events", e),
                f"only {len(present)} of the {due} 正式 members due on {event.date} attended the"
                f" vote ({topic!r}): no quorum (有表决权的到会人数须超过应到会人数的半数);"
                " check `attendees`, or hold the vote again",
            )
        )
    return problems


def _outside_period(ledger: Ledger) -> list[Problem]:
    """An event outside the period is not counted, unless it is a yearly event held after
    its year (`for_year`), which belongs to a year of the period."""
    start, end = ledger.period.start, ledger.period.end
    problems = []
    for e, event in enumerate(ledger.events):
        if start <= event.date <= end:
            continue
        year = event.for_year
        if year is not None and start.year <= year <= end.year:
            continue
        belongs = (
            f"; its for_year {year} is not a year of this period either"
            if year is not None
            else "; or, for a yearly event held after its year, give `for_year`"
        )
        problems.append(
            _warning(
                ("events", e, "date"),
                f"{event.date} lies outside the period ({start} to {end}), so the event is not"
                f" counted; move it to the ledger of its period{belongs}",
                kind="event-outside-period",
            )
        )
    return problems


def _month_bounds(month: str) -> tuple[dt.date, dt.date]:
    year, number = int(month[:4]), int(month[5:7])
    return dt.date(year, number, 1), _month_end(year, number)


def _month_end(year: int, month: int) -> dt.date:
    """The last day of `month` (which may run past 12: 2024-18 is 2025-06)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _dues_exceptions(ledger: Ledger) -> list[Problem]:
    start, end = ledger.period.start, ledger.period.end
    problems = []
    for x, record in enumerate(ledger.dues_exceptions):
        late: list[tuple[str, dt.date]] = []
        for j, month in enumerate(record.months):
            first, last = _month_bounds(month)
            if last < start or end < first:
                problems.append(
                    _warning(
                        ("dues_exceptions", x, "months", j),
                        f"month {month} lies outside the period ({start} to {end}), so this"
                        " record does not count here; move it to the ledger of its period",
                        kind="dues-month-outside-period",
                    )
                )
            deadline = _month_end(first.year, first.month + LATE_PAYMENT_MONTHS)
            if record.kind == "补交" and record.date is not None and record.date > deadline:
                late.append((month, deadline))
        if late:
            month, deadline = late[0]
            more = f" (and {len(late) - 1} more month(s))" if len(late) > 1 else ""
            problems.append(
                _warning(
                    ("dues_exceptions", x, "date"),
                    f"补交 on {record.date} is more than {LATE_PAYMENT_MONTHS} months after"
                    f" {month}{more}, due by {deadline} (2008 党费规定: 补交一般不超过6个月);"
                    " check the date and `months`, or give the reason under `reason`",
                )
            )
    return problems


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _committee(ledger: Ledger, rubric: Rubric) -> list[Problem]:
    committee = ledger.committee
    assert committee is not None
    problems = []
    kind = ledger.branch.type
    if kind is not None and committee.term_years is not None:
        by_type = TERM_BY_TYPE.get(kind, DEFAULT_TERM_YEARS)
        if committee.term_years != by_type:
            problems.append(
                _warning(
                    ("committee", "term_years"),
                    f"term_years {committee.term_years} disagrees with branch type {kind},"
                    f" whose {by_type}-year term is used (2018 任期意见: 村、社区 5 years,"
                    " others 3); remove term_years, or correct branch.type",
                )
            )
    extension = committee.extension
    if extension is not None:
        fixed = next(
            (n.check.years for _, n in rubric.norms if isinstance(n.check, TermCheck)), None
        )
        end = _add_years(committee.elected, term_years(ledger, fixed))
        if extension.until > _add_years(end, MAX_EXTENSION_YEARS):
            problems.append(
                _warning(
                    ("committee", "extension", "until"),
                    f"the extension runs to {extension.until}, more than a year past the"
                    f" term's end {end} (2018 任期意见: 延期一般不超过1年); check `until`,"
                    " or record the election held since under `committee.elected`",
                )
            )
        elif extension.until <= end:
            problems.append(
                _warning(
                    ("committee", "extension", "until"),
                    f"the extension runs to {extension.until}, not past the term's end {end},"
                    " so it changes nothing; check `until` and `committee.elected`",
                )
            )
    return problems
