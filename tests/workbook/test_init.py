"""`branchcheck init`: templates that load as they are, and score once filled in."""

from __future__ import annotations

import datetime as dt
import urllib.parse
import urllib.request
from pathlib import Path

import openpyxl
import pytest

from branchcheck.loading import builtin_rubrics, load_rubric, read_ledger
from branchcheck.models import checks as c

RUBRICS = sorted(builtin_rubrics())


@pytest.mark.parametrize("rubric", RUBRICS)
@pytest.mark.parametrize("fmt", ["xlsx", "yaml"])
def test_an_empty_template_loads_with_warnings_only(rubric, fmt, tmp_path: Path, run_line) -> None:
    out = tmp_path / f"ledger.{fmt}"
    run = run_line(f"branchcheck init --rubric {rubric} --period 2025 -f {fmt} -o {out}")
    assert run.code == 0, run.err
    loaded = read_ledger(out)
    assert loaded.ledger.period.start == dt.date(2025, 1, 1)
    assert [m.name for m in loaded.ledger.members] == ["张三"]
    assert all(d.level == "warning" for d in loaded.warnings)
    assert run_line(f"branchcheck score {out}").code == 0


@pytest.mark.parametrize(
    ("period", "start", "end", "months"),
    [
        ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31), 12),
        ("2025Q1", dt.date(2025, 1, 1), dt.date(2025, 3, 31), 3),
        ("2024q4", dt.date(2024, 10, 1), dt.date(2024, 12, 31), 3),
    ],
)
def test_the_period_fills_the_dues_grid(period, start, end, months, tmp_path, run_line) -> None:
    out = tmp_path / "t.xlsx"
    assert run_line(f"branchcheck init -r lanzhou-6543 --period {period} -o {out}").code == 0
    book = openpyxl.load_workbook(out)
    header = [cell.value for cell in book["党费"][1]]
    assert header[:2] == ["编号", "姓名"]
    assert len(header) == 2 + months
    assert header[2] == f"{start:%Y-%m}" and header[-1] == f"{end:%Y-%m}"
    ledger = read_ledger(out).ledger
    assert (ledger.period.start, ledger.period.end) == (start, end)


def test_the_workbook_lists_what_the_rubric_reads(tmp_path: Path, run_line) -> None:
    out = tmp_path / "t.xlsx"
    assert (
        run_line(f"branchcheck init -r lanzhou-6543 --type 机关 --period 2025 -o {out}").code == 0
    )
    rubric = load_rubric("lanzhou-6543")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "说明"
    facts = {row[0].value for row in book["情况记录"].iter_rows(min_row=2)}
    assert facts == {n.check.key for _, n in rubric.norms if isinstance(n.check, c.FactCheck)}
    rated = {row[0].value for row in book["评定"].iter_rows(min_row=2)}
    assert rated == {n.id for _, n in rubric.norms if isinstance(n.check, c.RatingCheck)}
    notes = "\n".join(str(cell.value) for row in book["说明"].iter_rows() for cell in row)
    for _, norm in rubric.norms:
        assert f"{norm.id} {norm.name}" in notes
    branch = {row[0].value: row[1].value for row in book["支部"].iter_rows(min_row=2)}
    assert branch["支部类型"] == "机关" and branch["考核规范"] == "lanzhou-6543"


def test_the_workbook_has_drop_downs_and_date_cells(tmp_path: Path, run_line) -> None:
    out = tmp_path / "t.xlsx"
    assert run_line(f"branchcheck init -r lanzhou-6543 --period 2025 -o {out}").code == 0
    book = openpyxl.load_workbook(out)
    rubric = load_rubric("lanzhou-6543")

    def rules(sheet: str) -> dict[str, tuple[str, str | None]]:
        found = {}
        for rule in book[sheet].data_validations.dataValidation:
            for area in str(rule.sqref).split():
                found[area.split(":")[0]] = (rule.type, rule.formula1)
        return found

    events = rules("会议活动")
    assert events["B2"] == ("list", '"' + ",".join(rubric.events) + '"')
    assert events["A2"][0] == "date"
    assert rules("党员")["D2"] == ("list", '"正式,预备"')
    assert rules("个性任务")["D2"] == ("list", '"已完成,部分完成,未完成"')
    assert rules("评定")["B2"] == ("list", '"' + ",".join(rubric.ratings) + '"')
    assert rules("培训")["B2"][0] == "decimal"


def test_a_filled_in_workbook_scores(tmp_path: Path, run_line) -> None:
    """What a secretary does in LibreOffice, done with openpyxl: members, meetings, dues."""
    out = tmp_path / "t.xlsx"
    assert run_line(f"branchcheck init -r lanzhou-6543 --period 2025 -o {out}").code == 0
    book = openpyxl.load_workbook(out)
    members = book["党员"]
    for row, (mid, name) in enumerate([("M01", "王红"), ("M02", "李明"), ("M03", "赵刚")], 2):
        members.cell(row=row, column=1, value=mid)
        members.cell(row=row, column=2, value=name)
    events = book["会议活动"]
    for month in range(1, 13):
        events.append([dt.datetime(2025, month, 8), "主题党日", "全体", "李明", "学习党章"])
    dues = book["党费"]
    for row, (mid, name) in enumerate([("M01", "王红"), ("M02", "李明"), ("M03", "赵刚")], 2):
        dues.cell(row=row, column=1, value=mid)
        dues.cell(row=row, column=2, value=name)
        for col in range(3, 15):
            dues.cell(row=row, column=col, value="✓")
    dues.cell(row=3, column=5, value=dt.datetime(2025, 3, 20))  # paid on this day
    book.save(out)
    ledger = read_ledger(out).ledger
    assert [e.absent for e in ledger.events] == [("M02",)] * 12
    assert all(len(months) == 12 for months in ledger.dues.values())
    run = run_line(f"branchcheck score {out} -f json")
    assert run.code == 0, run.err
    assert '"N12"' in run.out


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("--period 2025-1", "--period: '2025-1': expected a year (2025) or a quarter (2025Q1)"),
        ("--type 工厂", "--type: '工厂': expected one of"),
        ("-f xlsx", "xlsx writes a file: add --output FILE.xlsx"),
        ("-f csv -o t.csv", "--format: 'csv': expected yaml or xlsx"),
    ],
)
def test_bad_options_are_usage_errors(options, message, tmp_path, run_line) -> None:
    run = run_line(f"branchcheck init -r lanzhou-6543 {options}", cwd=tmp_path)
    assert run.code == 2
    assert message in run.err
    assert list(tmp_path.iterdir()) == []


def test_a_yaml_template_says_what_each_record_proves(tmp_path: Path, run_line) -> None:
    run = run_line("branchcheck init -r five-star --period 2025Q2")
    assert run.code == 0
    text = run.out
    for sheet_words in ("党员名册", "党费交纳", "会议", "情况"):
        assert sheet_words in text
    assert "# 2025年4月" in text and "# 2025年6月" in text
    out = tmp_path / "t.yaml"
    out.write_text(text, encoding="utf-8")
    assert read_ledger(out).ledger.period.end == dt.date(2025, 6, 30)


def test_without_the_xlsx_extra_a_workbook_is_a_usage_error(
    tmp_path: Path, run_line, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "openpyxl" else real(name, *a)
    )
    run = run_line(f"branchcheck init -r lanzhou-6543 -o {tmp_path / 't.xlsx'}")
    assert run.code == 2
    assert "writing .xlsx needs openpyxl: pip install 'branchcheck[xlsx]'" in run.err
    assert list(tmp_path.iterdir()) == []


def test_a_yaml_template_names_the_ledger_schema_for_editors(tmp_path: Path, run_line) -> None:
    out = tmp_path / "ledger.yaml"
    assert run_line(f"branchcheck init --rubric lanzhou-6543 -o {out}").code == 0
    first = out.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix), first
    uri = first.removeprefix(prefix)
    shipped = Path(urllib.request.url2pathname(urllib.parse.urlparse(uri).path))
    committed = Path(__file__).parents[2] / "schemas" / "ledger.schema.json"
    assert shipped.read_bytes() == committed.read_bytes()
