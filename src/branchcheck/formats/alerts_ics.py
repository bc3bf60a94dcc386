"""`alerts --format ics`: an iCalendar file a secretary imports into a phone calendar.

One all-day VEVENT per alert, with a VALARM. UIDs come from branch, kind, subject and date
(BranchAlert.uid), so importing next month's file updates the same events instead of adding
copies; DTSTAMP is `--as-of` at midnight UTC, so the same day's file is byte-identical and a
later file's events are newer. An overdue item is put on the `--as-of` day: a date in the past
would never ring. Written by the `icalendar` package (extra `calendar`).
"""

from __future__ import annotations

import datetime as dt

from ..cn_dates import cn_date
from ..engine.alert_rows import SEVERITY_NAMES, BranchAlert
from .alerts_base import AlertOptions, kind_name

PRODID = "-//branchcheck//党支部工作提醒//ZH"


class IcsAlerts:
    def render(self, rows: list[BranchAlert], options: AlertOptions) -> bytes:
        from icalendar import Alarm, Calendar, Event

        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", "党支部工作提醒")
        stamp = dt.datetime.combine(options.as_of, dt.time(), tzinfo=dt.UTC)
        for row in rows:
            due = dt.date.fromisoformat(row.due)
            day = max(due, options.as_of)
            severity = SEVERITY_NAMES[row.severity]
            event = Event()
            event.add("uid", row.uid)
            event.add("dtstamp", stamp)
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
            event.add("summary", f"【{severity}】{row.branch_name}：{kind_name(row)}")
            description = row.alert.message
            if due != day:
                description += f"（期限为{cn_date(due)}）"
            event.add("description", f"{description}\n上级组织：{row.parent}\n台账：{row.file}")
            event.add("categories", [severity, kind_name(row)])
            event.add("transp", "TRANSPARENT")
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{row.branch_name}：{kind_name(row)}")
            # 9:00 on the day; a day ahead as well for what is still to come.
            alarm.add(
                "trigger",
                dt.timedelta(hours=9)
                if row.severity == "overdue"
                else dt.timedelta(days=-1, hours=9),
            )
            event.add_component(alarm)
            calendar.add_component(event)
        data: bytes = calendar.to_ical()
        return data
