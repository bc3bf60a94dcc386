"""`report --format xlsx`: the workbook re-read with openpyxl, its sheets and cells checked.

The batch is tests/files/batch (see test_report.py for its figures worked out by hand):
mini: b-ok 10, b-q 10 (named `=1+2`), b-short 8.17 (A1 6 - 1.5 = 4.5, A2 4 x 11/12 = 3.67);
mini-b: b-d 2.5; broken.yaml cannot be scored.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl
from conftest import EXAMPLES, TEST_FILES, sha256

from branchcheck.formats.report import xlsx_report
from branchcheck.formats.report.xlsx_sheet import SheetNames

BATCH = TEST_FILES / "batch"
FORMULA = '=HYPERLINK("http://x","点我")'


def injected_ledger(folder: Path) -> Path:
    """lz-fgw-01 with an id that looks like a number and a name that looks like a formula."""
    folder.mkdir(exist_ok=True)
    text = (EXAMPLES / "fgw" / "lz-fgw-01.yaml").read_text(encoding="utf-8")
    branch = f"branch: {{id: '0012', name: '{FORMULA}', parent: 市发改委机关党委}}"
    text, count = re.subn(r"(?m)^branch: .*$", branch, text)
    assert count == 1
    path = folder / "injected.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def workbook(run_line, source: Path, out: Path, *options: str) -> tuple[int, openpyxl.Workbook]:
    run = run_line(f"branchcheck report {source} -f xlsx -o {out} " + " ".join(options))
    return run.code, openpyxl.load_workbook(out)


def values(ws, row: int) -> list[object]:
    return [c.value for c in ws[row]]


def test_sheets_frozen_headers_and_the_error(run_line, tmp_path) -> None:
    code, wb = workbook(run_line, BATCH, tmp_path / "r.xlsx", "-j 1")
    assert code == 2  # broken.yaml: reported, and the workbook is still written
    # A sheet per rubric and period kind: mini's half-years and its quarter apart.
    assert wb.sheetnames == [
        "汇总",
        "各单位·mini·半年度",
        "各单位·mini·季度",
        "各单位·mini-b",
        "各项规范·mini·半年度",
        "各项规范·mini·季度",
        "各项规范·mini-b",
        "各支部",
        "未能评分",
        "b-ok",
        "b-short",
        "b-q",
        "b-d",
    ]
    frozen = {ws.title: ws.freeze_panes for ws in wb.worksheets}
    assert frozen == {
        **dict.fromkeys(wb.sheetnames[1:7], "A3"),
        "汇总": "A4",
        "各支部": "C3",
        "未能评分": "A3",
        **dict.fromkeys(wb.sheetnames[9:], "A4"),
    }
    errors = wb["未能评分"]
    assert values(errors, 2) == ["文件", "行", "列", "问题"]
    file, line, col, message = values(errors, 3)
    assert file == str(BATCH / "broken.yaml")
    assert isinstance(line, int) and isinstance(col, int) and message
    assert all(width > 8 for width in (errors.column_dimensions[c].width for c in "AD"))


def test_summary_figures_are_numbers_and_versions_text(run_line, tmp_path) -> None:
    _, wb = workbook(run_line, BATCH, tmp_path / "r.xlsx")
    ws = wb["汇总"]
    assert ws["A1"].value == (
        "关于2024年度、2024年上半年和2024年第二季度党支部标准化规范化建设考评情况的通报"
    )
    assert ws["A2"].value == (
        "考核期：2024年度（台账1份）、2024年上半年（台账2份）、2024年第二季度（台账1份）；"
        "参评支部4个，按2个考评标准分别评分、分别统计，半年度和季度考核分别统计；"
        "另有1个台账未能评分"
    )
    assert values(ws, 3) == [
        "考评标准",
        "名称",
        "考核期",
        "支部数",
        "台账数",
        "平均分",
        "中位数",
        "版本",
    ]
    assert values(ws, 4) == [
        "mini·半年度",
        "最小评分表",
        "2024年上半年",
        2,
        2,
        9.09,  # (10 + 8.17) / 2: the quarter's 10 is not pooled in
        9.09,
        "1.10",  # "1.10", not 1.1
    ]
    assert values(ws, 5) == ["mini·季度", "最小评分表", "2024年第二季度", 1, 1, 10, 10, "1.10"]
    assert values(ws, 6) == ["mini-b", "党课评分表", "2024年度", 1, 1, 2.5, 2.5, "1"]
    assert values(ws, 8)[:4] == ["考评标准", "等级", "支部数", "占比"]
    assert values(ws, 9)[:4] == ["mini·半年度", "标准化", 1, 0.5]
    assert ws.cell(9, 4).number_format == "0.0%"
    orgs = wb["各单位·mini·半年度"]
    assert orgs["A1"].value == "各单位情况：最小评分表（mini，1.10版）——半年度考核"
    assert values(orgs, 2) == ["上级组织", "支部数", "标准化", "一般", "平均分", "标准化及以上占比"]
    assert values(orgs, 3) == ["后勤党委", 1, 0, 1, 8.17, 0]
    assert values(orgs, 4) == ["机关党委", 1, 1, 0, 10, 1]
    norms = wb["各项规范·mini·半年度"]
    assert values(norms, 3) == ["A1", "党员大会", "组织生活", 6, 2, 1, 0.5, 1.5]


def test_branch_sheet_holds_its_acceptance_rows(run_line, tmp_path) -> None:
    _, wb = workbook(run_line, BATCH, tmp_path / "r.xlsx")
    details = {
        n["id"]: n["detail"]
        for r in json.loads(run_line(f"branchcheck report {BATCH} -f json").out)["results"]
        if r["branch"]["id"] == "b-short"
        for n in r["norms"]
    }
    ws = wb["b-short"]
    assert ws["A1"].value == "b-short 第二党支部 | [bold]红[/bold]"
    assert ws["A2"].value.startswith("得分8.17（一般）；一票否决：A1；")
    assert values(ws, 3) == ["维度", "编号", "规范", "要求", "分值", "得分", "状态", "说明"]
    assert values(ws, 4) == [
        "组织生活",
        "A1",
        "党员大会",
        "每季度至少1次",
        6,
        4.5,
        "部分达标",
        details["A1"],
    ]
    assert values(ws, 5) == [
        "组织生活",
        "A2",
        "党费",
        "按月交纳",
        4,
        3.67,
        "部分达标",
        details["A2"],
    ]
    assert ws.max_row == 5
    assert ws["G4"].font.b and ws["G4"].font.color.rgb == "FF9C5700"  # status coloured
    branches = wb["各支部"]
    assert [branches.cell(r, 1).value for r in range(3, 7)] == ["b-short", "b-ok", "b-q", "b-d"]
    assert branches["A3"].hyperlink.location == "'b-short'!A1"
    assert [branches.cell(2, c).value for c in range(1, 7)] == [
        "支部编号",
        "支部名称",
        "上级组织",
        "考核期",
        "考评标准",  # the batch mixes rubrics
        "得分",
    ]
    assert (branches["D3"].value, branches["F3"].value) == ("2024年上半年", 8.17)


def test_ids_and_formula_lookalikes_stay_text(run_line, tmp_path) -> None:
    source = tmp_path / "in"
    injected_ledger(source)
    code, wb = workbook(run_line, source, tmp_path / "r.xlsx")
    assert code == 0
    assert wb.sheetnames == ["汇总", "各单位", "各项工作规范", "各项检查内容", "各支部", "0012"]
    row = wb["各支部"][3]
    assert (row[0].value, row[0].data_type) == ("0012", "s")
    assert (row[1].value, row[1].data_type) == (FORMULA, "s")
    assert wb["0012"]["A1"].value == f"0012 {FORMULA}"
    with zipfile.ZipFile(tmp_path / "r.xlsx") as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)  # no formula


def test_a_big_batch_gets_one_detail_sheet(run_line, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(xlsx_report, "PER_SHEET_LIMIT", 3)  # 4 branches: over the limit
    _, wb = workbook(run_line, BATCH, tmp_path / "r.xlsx", "-j 1")
    assert wb.sheetnames[-2:] == ["未能评分", "明细"] and "b-ok" not in wb.sheetnames
    ws = wb["明细"]
    assert ws.freeze_panes == "C3"
    assert values(ws, 2) == [
        "支部编号",
        "支部名称",
        "维度",
        "编号",
        "规范",
        "要求",
        "分值",
        "得分",
        "状态",
        "说明",
        "考评标准",
    ]
    rows = [values(ws, r) for r in range(3, ws.max_row + 1)]
    assert [(r[0], r[3], r[7], r[10]) for r in rows] == [
        ("b-ok", "A1", 6, "mini"),
        ("b-ok", "A2", 4, "mini"),
        ("b-short", "A1", 4.5, "mini"),
        ("b-short", "A2", 3.67, "mini"),
        ("b-q", "A1", 6, "mini"),
        ("b-q", "A2", 4, "mini"),
        ("b-d", "B1", 2.5, "mini-b"),
    ]
    assert wb["各支部"]["A3"].hyperlink is None  # nothing to link to


def test_sheet_names_are_valid_and_unique_for_excel() -> None:
    names = SheetNames()
    asked = [
        "汇总",
        "b-1",
        "B-1",
        "b-1",
        "a[b]:c*d?e/f\\g",
        "'quoted'",
        "History",
        "汇总",
        "x" * 40,
        "x" * 40,
        "",
        "🙂" * 20,
    ]
    assert [names.add(name) for name in asked] == [
        "汇总",
        "b-1",
        "B-1~2",
        "b-1~3",  # Excel compares sheet names without regard to case
        "a_b__c_d_e_f_g",
        "quoted",
        "History~2",  # reserved by Excel
        "汇总~2",
        "x" * 31,
        "x" * 29 + "~2",  # 31 characters at most
        "支部",
        "🙂" * 15,  # Excel counts UTF-16 units: 30
    ]


def test_needs_output_and_is_reproducible(run_line, tmp_path) -> None:
    run = run_line(f"branchcheck report {BATCH} -f xlsx")
    assert run.code == 2 and run.out == ""
    assert "branchcheck: error: --format: xlsx writes a file: add --output FILE" in run.err
    run_line(f"branchcheck report {BATCH} -f xlsx -o {tmp_path / 'one.xlsx'} -j 1")
    run_line(f"branchcheck report {BATCH} -f xlsx -o {tmp_path / 'two.xlsx'} -j 2")
    assert sha256(tmp_path / "one.xlsx") == sha256(tmp_path / "two.xlsx")
