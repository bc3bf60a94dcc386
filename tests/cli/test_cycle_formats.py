"""The file formats of `trend` (xlsx), `alerts` (xlsx, html) and `diff` (csv), read like shell
lines on the shipped examples: the 发改委's 2024Q3 and 2024Q4 ledgers archived, and its alerts
as of 1 December 2024. Workbooks are read back with openpyxl, pages and CSV as text."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from archive_builders import info, record
from conftest import EXAMPLES

from branchcheck.archive import Archive
from branchcheck.formats.report.html_parts import esc

openpyxl = pytest.importorskip("openpyxl")

FGW = EXAMPLES / "fgw"
DAY = "--as-of 2024-12-01"
Q3 = sorted(str(p) for p in FGW.glob("lz-fgw-??-2024q3.yaml"))
Q4 = sorted(str(p) for p in FGW.glob("lz-fgw-??-2024q4.yaml"))


@pytest.fixture
def archive(run_line, tmp_path: Path) -> Path:
    """`report Q3 --archive A`, then `report Q4 --archive A`, as the README's cycle."""
    path = tmp_path / "A.db"
    for files in (Q3, Q4):
        run = run_line(f"branchcheck report {' '.join(files)} --archive {path}")
        assert run.code == 0, run.err
    return path


def rows(ws) -> list[list[object]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def header_at(ws, first: str) -> int:
    """The 1-based row whose first cell is `first` (title and subtitle come before it)."""
    for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
        if row[0] == first:
            return number
    raise AssertionError(f"no header row starting {first!r}")


def row_of(ws, first: str) -> tuple:
    (found,) = [r for r in ws.iter_rows() if r[0].value == first]
    return found


def assert_printable(ws, header_row: int) -> None:
    """The report's print setup: A4 landscape, one page wide, the header on every page."""
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth or 1) == 1  # 1 is the file format's default: not written
    assert ws.page_setup.fitToHeight == 0  # as many pages long as it takes
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws.freeze_panes is not None


# --- trend -f xlsx ---------------------------------------------------------------------------


def test_trend_xlsx_sheets_scores_and_moves(run_line, archive, tmp_path) -> None:
    book = tmp_path / "trend.xlsx"
    run = run_line(f"branchcheck trend --archive {archive} -f xlsx -o {book}")
    assert (run.code, run.out) == (0, ""), run.err
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["等级分布", "各支部", "进位与退位"]

    counts = wb["等级分布"]
    top = header_at(counts, "时段")
    assert rows(counts)[top - 1] == ["时段", "示范性党支部", "标准化党支部", "一般党支部", "合计"]
    assert rows(counts)[top:] == [["2024年第三季度", 0, 2, 0, 2], ["2024年第四季度", 1, 1, 0, 2]]
    assert "进位1次，退位0次，停滞0个。" in rows(counts)[1][0]
    assert_printable(counts, top)

    branches = wb["各支部"]
    top = header_at(branches, "支部")
    assert rows(branches)[top - 1] == [
        "支部",
        "名称",
        "上级组织",
        "2024年\n第三季度\n得分",
        "2024年\n第三季度\n等级",
        "2024年\n第四季度\n得分",
        "2024年\n第四季度\n等级",
        "最近变化",
        "停滞",
    ]
    cells = row_of(branches, "lz-fgw-07")
    assert [c.value for c in cells] == [
        "lz-fgw-07",
        "市发展和改革委员会经济信息中心党支部",
        "市发改委机关党委",
        83.76,
        "标准化党支部",
        94.94,
        "示范性党支部（进位）",
        "进位：标准化党支部→示范性党支部",
        None,
    ]
    assert cells[3].number_format == cells[5].number_format == "0.00"
    assert_printable(branches, top)
    assert branches.auto_filter.ref is not None

    moves = wb["进位与退位"]
    top = header_at(moves, "支部")
    (move,) = list(moves.iter_rows(min_row=top + 1))
    assert [c.value for c in move][3:] == [
        "2024年第三季度",
        "2024年第四季度",
        "进位",
        "标准化党支部",
        "示范性党支部",
        83.76,
        94.94,
        11.18,
    ]
    assert move[-1].number_format == "+0.00;-0.00;0.00"
    assert_printable(moves, top)


def ladder_archive(path: Path) -> Path:
    """b1 climbs, b2 drops, b3 stays 标准化 for four quarters (stuck)."""
    ladder = {
        "b1": [("general", 70), ("standardized", 82), ("standardized", 86), ("exemplary", 93)],
        "b2": [("exemplary", 95), ("exemplary", 94), ("standardized", 88), ("general", 75)],
        "b3": [
            ("standardized", 81),
            ("standardized", 83),
            ("standardized", 84),
            ("standardized", 85),
        ],
    }
    with Archive.open(path) as store:
        for q, label in enumerate(("2024Q1", "2024Q2", "2024Q3", "2024Q4")):
            store.write((record(b, label, *ladder[b][q]), info()) for b in ladder)
    return path


def test_trend_xlsx_marks_demotions_and_stuck_branches(run_line, tmp_path) -> None:
    archive = ladder_archive(tmp_path / "ladder.db")
    book = tmp_path / "trend.xlsx"
    assert run_line(f"branchcheck trend --archive {archive} -f xlsx -o {book}").code == 0
    ws = openpyxl.load_workbook(book)["各支部"]
    b2 = [c.value for c in row_of(ws, "b2")]
    assert b2[-2:] == ["退位：标准化党支部→一般党支部", None]
    assert b2[7:11] == [88, "标准化党支部（退位）", 75, "一般党支部（退位）"]
    assert [c.value for c in row_of(ws, "b3")][-1] == "连续4期"
    # 进位 green, 退位 red, 停滞 shaded: conditional formats, so they follow a sorted row.
    rules = {
        rule.text
        for cf in ws.conditional_formatting
        for rule in cf.rules
        if rule.type == "containsText"
    }
    assert {"进位", "退位", "连续"} <= rules


def test_trend_xlsx_names_sheets_per_kind_of_period(run_line, tmp_path) -> None:
    archive = tmp_path / "A.db"
    run = run_line(f"branchcheck report {FGW} -f json -o {tmp_path / 'r.json'} --archive {archive}")
    assert run.code == 0
    book = tmp_path / "trend.xlsx"
    assert run_line(f"branchcheck trend --archive {archive} -f xlsx -o {book}").code == 0
    assert openpyxl.load_workbook(book).sheetnames == [
        "等级分布·年度",
        "各支部·年度",
        "进位与退位·年度",
        "等级分布·季度",
        "各支部·季度",
        "进位与退位·季度",
    ]


def test_trend_xlsx_is_the_same_bytes_each_time(run_line, archive, tmp_path) -> None:
    one, two = tmp_path / "one.xlsx", tmp_path / "two.xlsx"
    run_line(f"branchcheck trend --archive {archive} -f xlsx -o {one}")
    run_line(f"branchcheck trend --archive {archive} -f xlsx -o {two}")
    assert one.read_bytes() == two.read_bytes()


# --- alerts -f xlsx --------------------------------------------------------------------------


def test_alerts_xlsx_one_sheet_in_the_terminal_order(run_line, tmp_path) -> None:
    book = tmp_path / "alerts.xlsx"
    run = run_line(f"branchcheck alerts {FGW} {DAY} -f xlsx -o {book}")
    assert (run.code, run.out) == (0, ""), run.err
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["工作提醒"]
    ws = wb["工作提醒"]
    assert ws["A1"].value == "党支部工作提醒（截至2024年12月1日，30天内到期的列为紧急）"
    assert ws["A2"].value == "逾期3项，紧急3项，提醒3项；涉及5个支部。"
    top = header_at(ws, "程度")
    assert rows(ws)[top - 1] == ["程度", "日期", "支部", "上级组织", "事项", "说明"]
    body = list(ws.iter_rows(min_row=top + 1))
    expected = json.loads(run_line(f"branchcheck alerts {FGW} {DAY} -f json").out)["alerts"]
    assert [(r[0].value, r[1].value.date().isoformat(), r[2].value) for r in body] == [
        (a["severity_name"], a["due"], a["branch"]["name"]) for a in expected
    ]
    first = [c.value for c in body[0]]
    assert first == [
        "逾期",
        dt.datetime(2024, 5, 18),
        "市发展和改革委员会价格监督检查党支部",
        "市发改委机关党委",
        "换届",
        "支部委员会任期已于2024年5月18日届满，应抓紧换届",
    ]
    assert body[0][1].number_format == 'yyyy"年"m"月"d"日"'
    assert_printable(ws, top)
    # 逾期 rows shaded across the table, by a rule on the 程度 column.
    formulas = [r.formula[0] for cf in ws.conditional_formatting for r in cf.rules if r.formula]
    assert f'$A{top + 1}="逾期"' in formulas


# --- alerts -f html --------------------------------------------------------------------------


def hostile_ledgers(tmp_path: Path, name: str) -> Path:
    """The examples' 价格监督检查党支部 (three alerts) under another name."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    text = (FGW / "lz-fgw-03.yaml").read_text("utf-8")
    old = "name: 市发展和改革委员会价格监督检查党支部"
    assert old in text
    (folder / "lz-fgw-03.yaml").write_text(text.replace(old, f"name: {name}"), "utf-8")
    return folder


def test_alerts_html_one_page_every_row(run_line, tmp_path) -> None:
    page = tmp_path / "alerts.html"
    run = run_line(f"branchcheck alerts {FGW} {DAY} -f html -o {page}")
    assert (run.code, run.out) == (0, ""), run.err
    html = page.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "@media print" in html
    assert "<script" not in html.lower() and "://" not in html
    assert not re.search(r"""(src|href)\s*=\s*["'](?!#)""", html)
    assert html.count('<tr class="overdue">') == 3 and html.count('<tr class="urgent">') == 3
    expected = json.loads(run_line(f"branchcheck alerts {FGW} {DAY} -f json").out)["alerts"]
    for alert in expected:
        assert esc(alert["message"]) in html  # every row's 说明
    # One parent: said once, its column left out; the names' shared start said once too.
    assert "上级组织：市发改委机关党委；支部名称省略共同的“市发展和改革委员会”" in html
    assert "<th>上级组织</th>" not in html
    assert '<td class="branch">价格监督检查党支部</td>' in html


def test_alerts_html_keeps_the_parent_column_when_parents_differ(run_line, tmp_path) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    for name, parent in (("lz-fgw-03", "市发改委机关党委"), ("lz-fgw-04", "市统计局机关党委")):
        text = (FGW / f"{name}.yaml").read_text("utf-8")
        (folder / f"{name}.yaml").write_text(
            text.replace("parent: 市发改委机关党委", f"parent: {parent}"), "utf-8"
        )
    page = tmp_path / "alerts.html"
    assert run_line(f"branchcheck alerts {folder} {DAY} -f html -o {page}").code == 0
    html = page.read_text("utf-8")
    assert "<th>支部</th><th>上级组织</th>" in html and "上级组织：" not in html
    assert '<td class="parent">市统计局机关党委</td>' in html


def test_alerts_html_escapes_a_hostile_branch_name(run_line, tmp_path) -> None:
    folder = hostile_ledgers(tmp_path, '"<script>alert(1)</script>"')
    page = tmp_path / "alerts.html"
    run = run_line(f"branchcheck alerts {folder} {DAY} -f html -o {page}")
    assert run.code == 0, run.err
    html = page.read_text("utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- diff -f csv -----------------------------------------------------------------------------


def parsed(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # UTF-8 with BOM: Excel reads the Chinese right
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_diff_csv_one_row_per_changed_norm(run_line) -> None:
    q3, q4 = FGW / "lz-fgw-01-2024q3.yaml", FGW / "lz-fgw-01-2024q4.yaml"
    run = run_line(f"branchcheck diff {q3} {q4} -f csv")
    assert run.code == 0, run.err
    table = parsed(run.out)
    norms = json.loads(run_line(f"branchcheck diff {q3} {q4} -f json").out)["norms"]
    assert [(r["norm_id"], r["change"], float(r["delta"])) for r in table] == [
        (n["id"], n["change"], n["delta"]) for n in norms
    ]
    first = table[0]  # 退步 first: met in 2024Q3, not now
    assert (first["change"], first["change_name"]) == ("regressed", "退步（原达标，现未达标）")
    assert (first["old_status"], first["old_status_name"]) == ("met", "达标")
    assert first["new_status"] != "met"
    assert (first["branch_id"], first["old_source"], first["new_source"]) == (
        "lz-fgw-01",
        "lz-fgw-01-2024q3.yaml",
        "lz-fgw-01-2024q4.yaml",
    )
    assert (first["old_period_start"], first["new_period_end"]) == ("2024-07-01", "2024-12-31")


def test_diff_csv_from_the_archive_and_no_formula(run_line, tmp_path) -> None:
    path = tmp_path / "results.db"
    norms_q3 = (("N01", 2.0, "met"), ("N17", 3.0, "met"))
    norms_q4 = (("N01", 2.0, "met"), ("N17", 0.0, "missed"))
    with Archive.open(path) as store:
        store.write([(record("=b1", "2024Q3", "standardized", 85, norms=norms_q3), info())])
        store.write([(record("=b1", "2024Q4", "general", 78, norms=norms_q4), info())])
    run = run_line(f"branchcheck diff --archive {path} --branch =b1 2024Q3 2024Q4 -f csv")
    assert run.code == 0, run.err
    (row,) = parsed(run.out)
    assert row["branch_id"] == "'=b1"  # the report csv's rule: text never read as a formula
    assert (row["norm_id"], row["old_earned"], row["new_earned"], row["delta"]) == (
        "N17",
        "3.00",
        "0.00",
        "-3.00",  # a figure of ours, not text: no quote
    )


# --- what a file format needs ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "fmt"),
    [
        ("trend --archive {archive} -f xlsx", "xlsx"),
        ("trend --archive {archive} -f html", "html"),
        ("alerts {fgw} -f xlsx", "xlsx"),
        ("alerts {fgw} -f html", "html"),
    ],
)
def test_a_file_format_needs_output_as_report_says(run_line, tmp_path, line, fmt) -> None:
    archive = ladder_archive(tmp_path / "ladder.db")
    run = run_line("branchcheck " + line.format(archive=archive, fgw=FGW))
    assert (run.code, run.out) == (2, "")
    assert run.err_lines == [
        f"branchcheck: error: --format: {fmt} writes a file: add --output FILE"
    ]


@pytest.mark.parametrize(
    ("line", "module", "message"),
    [
        ("trend --archive {archive} -f xlsx", "xlsxwriter", "xlsx needs XlsxWriter"),
        ("trend --archive {archive} -f html", "matplotlib", "html needs matplotlib"),
        ("alerts {fgw} -f xlsx", "xlsxwriter", "xlsx needs XlsxWriter"),
    ],
)
def test_a_missing_extra_is_said_as_report_says(
    run_line, tmp_path, monkeypatch, line, module, message
) -> None:
    import sys

    archive = ladder_archive(tmp_path / "ladder.db")

    monkeypatch.setitem(sys.modules, module, None)  # importing it now fails
    out = tmp_path / "out.file"
    run = run_line("branchcheck " + line.format(archive=archive, fgw=FGW) + f" -o {out}")
    assert (run.code, run.out) == (2, "")
    assert run.err_lines == [
        f"branchcheck: error: --format: {message}: pip install 'branchcheck[report]'"
    ]
    assert not out.exists()


def test_alerts_html_needs_no_extra(run_line, tmp_path, monkeypatch) -> None:
    import sys

    for module in ("matplotlib", "xlsxwriter", "icalendar"):
        monkeypatch.setitem(sys.modules, module, None)
    run = run_line(f"branchcheck alerts {FGW} {DAY} -f html -o {tmp_path / 'a.html'}")
    assert run.code == 0, run.err
