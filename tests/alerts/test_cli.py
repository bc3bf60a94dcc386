"""`branchcheck alerts`, read like shell lines, on the shipped examples as of 1 December 2024."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from conftest import EXAMPLES

icalendar = pytest.importorskip("icalendar")

FGW = EXAMPLES / "fgw"
DAY = "--as-of 2024-12-01"

# What the examples hold as of 2024-12-01 (examples/README.md, Alerts): most pressing first.
EXPECTED = [
    ("overdue", "2024-05-18", "lz-fgw-03", "term_due"),
    ("overdue", "2024-09-30", "lz-fgw-03", "rectification"),
    ("overdue", "2024-11-30", "lz-fgw-04", "rectification"),
    ("urgent", "2024-12-15", "lz-fgw-11", "activist_review"),
    ("urgent", "2024-12-20", "lz-fgw-11", "rectification"),
    ("urgent", "2024-12-31", "lz-fgw-11", "dues_gap"),
    ("reminder", "2025-01-01", "lz-fgw-11", "lost_contact"),
    ("reminder", "2025-03-01", "lz-fgw-01", "probation_due"),
    ("reminder", "2025-03-22", "lz-fgw-06", "term_due"),
]


def test_json_lists_the_examples_in_order(run_line) -> None:
    run = run_line(f"branchcheck alerts {FGW} {DAY} -f json")
    assert run.code == 0
    data = json.loads(run.out)
    assert (data["format"], data["as_of"], data["within"]) == (
        "branchcheck.alerts/1",
        "2024-12-01",
        30,
    )
    got = [(a["severity"], a["due"], a["branch"]["id"], a["kind"]) for a in data["alerts"]]
    assert got == EXPECTED
    assert data["counts"] == {"overdue": 3, "urgent": 3, "reminder": 3}
    # lz-fgw-01 has a year and a quarter: its latest ledger alone speaks, once.
    assert [a["file"] for a in data["alerts"] if a["branch"]["id"] == "lz-fgw-01"] == [
        str(FGW / "lz-fgw-01.yaml")
    ]


def test_terminal_is_chinese_and_says_the_tally(run_line) -> None:
    run = run_line(f"branchcheck alerts {FGW} {DAY}")
    assert run.code == 0
    out = run.out
    assert "党支部工作提醒（截至2024年12月1日，30天内到期的列为紧急）" in out
    assert "逾期3项，紧急3项，提醒3项；涉及5个支部" in out
    assert "上级组织：市发改委机关党委" in out  # one organisation: said once, no column
    assert "柴文静自2024年7月1日起与党组织失去联系，2025年1月1日将满6个月" in out
    table = out[out.index("┏") :]
    assert table.index("│ 逾期") < table.index("│ 紧急") < table.index("│ 提醒")


def test_as_of_and_within_move_the_horizon(run_line) -> None:
    later = json.loads(
        run_line(f"branchcheck alerts {FGW}/lz-fgw-11.yaml --as-of 2025-01-10 -f json").out
    )
    kinds = {(a["kind"], a["severity"]) for a in later["alerts"]}
    assert ("lost_contact", "overdue") in kinds and ("activist_review", "overdue") in kinds
    wide = json.loads(
        run_line(f"branchcheck alerts {FGW}/lz-fgw-06.yaml {DAY} --within 120 -f json").out
    )
    assert [(a["kind"], a["severity"]) for a in wide["alerts"]] == [("term_due", "urgent")]


def test_nothing_due(run_line) -> None:
    run = run_line(f"branchcheck alerts {FGW}/lz-fgw-09.yaml {DAY} -f markdown")
    assert run.code == 0
    assert "无逾期或即将到期的事项" in run.out


def test_markdown_and_csv(run_line) -> None:
    md = run_line(f"branchcheck alerts {FGW} {DAY} -f markdown").out
    assert "| 程度 | 日期 | 上级组织 | 支部 | 事项 | 说明 |" in md
    assert (
        "| 逾期 | 5月18日 | 市发改委机关党委 | 市发展和改革委员会价格监督检查党支部 | 换届 |" in md
    )
    text = run_line(f"branchcheck alerts {FGW} {DAY} -f csv").out
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [(r["severity"], r["due"], r["branch_id"], r["kind"]) for r in rows] == EXPECTED
    assert rows[0]["severity_name"] == "逾期" and rows[0]["parent"] == "市发改委机关党委"


def test_ics_parses_back_and_is_deterministic(run_line, tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run_line(f"branchcheck alerts {FGW} {DAY} -f ics -o {first}").code == 0
    assert run_line(f"branchcheck alerts {FGW} {DAY} -f ics -o {second}").code == 0
    assert first.read_bytes() == second.read_bytes()
    calendar = icalendar.Calendar.from_ical(first.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(EXPECTED)
    assert len({str(e["UID"]) for e in events}) == len(events)
    overdue = events[0]
    assert str(overdue["SUMMARY"]) == "【逾期】市发展和改革委员会价格监督检查党支部：换届"
    assert overdue.decoded("DTSTART").isoformat() == "2024-12-01"  # a past date would never ring
    assert overdue.decoded("DTSTAMP").isoformat() == "2024-12-01T00:00:00+00:00"
    assert len(list(overdue.walk("VALARM"))) == 1
    upcoming = events[-1]
    assert upcoming.decoded("DTSTART").isoformat() == "2025-03-22"
    assert "任期将于2025年3月22日届满" in str(upcoming["DESCRIPTION"])
    (alarm,) = upcoming.walk("VALARM")
    assert alarm.decoded("TRIGGER") == dt.timedelta(hours=-15)  # 9:00 the day before
    (alarm,) = overdue.walk("VALARM")
    assert alarm.decoded("TRIGGER") == dt.timedelta(hours=9)  # 9:00 on the day


def test_ics_uids_survive_a_later_run(run_line, tmp_path: Path) -> None:
    """Next month's file updates the same events: UIDs come from branch, kind, subject, date."""
    now, later = tmp_path / "now.ics", tmp_path / "later.ics"
    run_line(f"branchcheck alerts {FGW} {DAY} -f ics -o {now}")
    run_line(f"branchcheck alerts {FGW} --as-of 2024-12-20 -f ics -o {later}")

    def uids(path: Path) -> set[str]:
        return {
            str(e["UID"]) for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        }

    assert len(uids(now) & uids(later)) >= 6


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("--as-of 2024-13-01", "--as-of: expected a date like 2024-12-01"),
        ("--as-of 2024-12-01 --within -1", "--within"),
        ("--as-of 2024-12-01 -f pdf", "--format"),
    ],
)
def test_bad_options(run_line, options: str, message: str) -> None:
    run = run_line(f"branchcheck alerts {FGW}/lz-fgw-11.yaml {options}")
    assert run.code == 2
    assert message in run.err


def test_bad_ledger_is_one_line_exit_2(run_line, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (FGW / "lz-fgw-11.yaml").read_text(encoding="utf-8").replace("norm: N18", "norm: N99"),
        encoding="utf-8",
    )
    run = run_line(f"branchcheck alerts {bad} {DAY}")
    assert run.code == 2 and run.out == ""
    assert "norm 'N99' is not in rubric 'lanzhou-6543'" in run.err


def test_output_never_replaces_an_input(run_line) -> None:
    target = FGW / "lz-fgw-11.yaml"
    before = target.read_bytes()
    run = run_line(f"branchcheck alerts {target} {DAY} -o {target}")
    assert run.code == 2
    assert target.read_bytes() == before


def test_a_ledger_long_past_is_said_to_be(run_line) -> None:
    run = run_line(f"branchcheck alerts {FGW}/lz-fgw-09.yaml --as-of 2025-12-01 -f json")
    assert run.code == 0
    assert "warning: the ledger ends on 2024-12-31, before --as-of 2025-12-01" in run.err
    kinds = {a["kind"] for a in json.loads(run.out)["alerts"]}
    assert "no_org_life" not in kinds  # a year not on record is not a year without meetings


def test_ics_without_icalendar_says_what_to_install(run_line, monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "icalendar", None)  # importing it now fails
    run = run_line(f"branchcheck alerts {FGW}/lz-fgw-11.yaml {DAY} -f ics")
    assert run.code == 2 and run.out == ""
    assert "--format: ics needs icalendar: pip install 'branchcheck[calendar]'" in run.err
