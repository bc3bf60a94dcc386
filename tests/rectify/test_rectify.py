"""Rectification items (整改): status as of a day, the rubric's deduction, and the outputs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from builders import ledger, norm, rubric
from conftest import EXAMPLES

from branchcheck import score
from branchcheck.engine.rectify import item_status, rectification_items
from branchcheck.models.ledger_followup import Rectification

FACT = {"kind": "fact", "key": "x"}


def _item(**extra: Any) -> dict[str, Any]:
    base = {
        "id": "ZG-1",
        "norm": "N01",
        "found_on": "2024-03-01",
        "source": "四互",
        "problem": "台账不全",
        "owner": "M01",
        "due": "2024-06-30",
    }
    return {**base, **extra}


@pytest.mark.parametrize(
    ("done_on", "as_of", "status"),
    [
        (None, "2024-06-30", "open"),  # due today: still in time
        (None, "2024-07-01", "overdue"),
        ("2024-06-30", "2024-12-31", "closed_on_time"),
        ("2024-07-15", "2024-12-31", "closed_late"),
        ("2024-07-15", "2024-07-10", "overdue"),  # signed off after the day asked about
        ("2024-05-01", "2024-04-01", "open"),
    ],
)
def test_status(done_on: str | None, as_of: str, status: str) -> None:
    item = Rectification.model_validate(_item(done_on=done_on))
    assert item_status(item, dt.date.fromisoformat(as_of)) == status


@pytest.mark.parametrize(("field", "value"), [("due", "2024-02-01"), ("done_on", "2024-02-28")])
def test_dates_before_found_are_refused(field: str, value: str) -> None:
    with pytest.raises(ValueError, match="before it was found"):
        Rectification.model_validate(_item(**{field: value}))


@pytest.mark.parametrize(
    ("rule", "overdue", "score_lost"),
    [
        (None, 3, 0.0),  # the rubric says nothing: listed, no deduction
        ({"overdue_deduction": 0.5}, 3, 1.5),
        ({"overdue_deduction": 0.5, "cap": 1}, 3, 1.0),
        ({"overdue_deduction": 0.5, "cap": 1}, 0, 0.0),
    ],
)
def test_deduction(rule: dict[str, Any] | None, overdue: int, score_lost: float) -> None:
    extra = {"rectification": rule} if rule else {}
    r = rubric(norm(FACT, points=10), **extra)
    items = [_item(id=f"ZG-{i}") for i in range(overdue)]
    items.append(_item(id="ZG-done", done_on="2024-06-01"))
    result = score(r, ledger(facts={"x": "1"}, rectifications=items))
    assert result.rectification_deduction == score_lost
    assert result.score == 10 - score_lost
    assert [i.status for i in result.rectifications].count("overdue") == overdue
    kinds = [a.kind for a in result.alerts]
    assert kinds.count("rectification_overdue") == overdue


def test_items_found_after_the_day_are_not_listed() -> None:
    r = rubric(norm(FACT))
    led = ledger(rectifications=[_item(found_on="2024-09-01", due="2024-10-01")])
    assert rectification_items(led, r, dt.date(2024, 8, 1)) == []
    (item,) = rectification_items(led, r, dt.date(2024, 9, 2))
    assert (item.status, item.owner, item.norm_name) == ("open", "党员1", "规范N01")


LEDGER = """\
format: branchcheck.ledger/1
rubric: lanzhou-6543
branch: {id: t1, name: 测试支部, parent: 测试机关党委}
period: {start: 2024-01-01, end: 2024-12-31}
members:
  - {id: M01, name: 张三, roles: [书记]}
rectifications:
  - {id: ZG-1, norm: N01, found_on: 2024-03-01, source: 四互, problem: 未落实第一议题, owner: M01, due: 2024-04-30}
tasks: [{id: T1, name: 任务, points: 40, status: done}]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "norm: N01",
            "norm: N99",
            ":8:22: error: rectifications[ZG-1].norm: norm 'N99' is not in rubric 'lanzhou-6543'",
        ),
        ("norm: N01", "norm: n01", "did you mean 'N01'?"),
        (
            "source: 四互",
            "source: 年检",
            ":8:57: warning: rectifications[ZG-1].source: source '年检' is not one branchcheck knows",
        ),
    ],
)
def test_rules_point_at_the_users_line(
    run_line, tmp_path: Path, old: str, new: str, expected: str
) -> None:
    path = _write(tmp_path, LEDGER.replace(old, new))
    run = run_line(f"branchcheck score {path} -f json")
    assert expected in run.err
    assert run.code == (0 if "warning" in expected else 2)


def test_duplicate_ids_are_an_error(run_line, tmp_path: Path) -> None:
    line = LEDGER.splitlines()[-2]
    path = _write(tmp_path, LEDGER.replace(line, line + "\n" + line.replace("未落实", "又未落实")))
    run = run_line(f"branchcheck score {path}")
    assert run.code == 2
    assert ":9:" in run.err and "duplicate rectification id 'ZG-1'" in run.err


def test_due_before_found_is_positioned(run_line, tmp_path: Path) -> None:
    path = _write(tmp_path, LEDGER.replace("due: 2024-04-30", "due: 2024-02-01"))
    run = run_line(f"branchcheck score {path}")
    assert run.code == 2
    assert f"{path}:8:" in run.err and "before it was found" in run.err


def test_score_outputs_list_the_items(run_line, tmp_path: Path) -> None:
    path = _write(tmp_path, LEDGER)
    data = json.loads(run_line(f"branchcheck score {path} -f json").out)
    (item,) = data[0]["rectifications"]
    assert (item["id"], item["status"], item["owner"]) == ("ZG-1", "overdue", "张三")
    assert data[0]["rectification_deduction"] == 0  # the built-in rubric sets no deduction
    md = run_line(f"branchcheck score {path} -f markdown").out
    assert "整改事项1项：逾期未整改1项" in md
    assert "| ZG-1 | 四互 | N01（“第一议题”学习） | 未落实第一议题 | 张三 |" in md
    table = run_line(f"branchcheck score {path}").out
    assert "整改事项1项：逾期未整改1项" in table and "逾期未整改" in table


def test_rubric_rule_is_shown_and_applied(run_line, tmp_path: Path) -> None:
    source = (EXAMPLES.parent / "rubrics" / "lanzhou-6543.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "lz.yaml"
    custom.write_text(
        source.replace(
            "\nevents:", "\nrectification: {overdue_deduction: 0.5, cap: 2}\nevents:", 1
        ),
        encoding="utf-8",
    )
    shown = run_line(f"branchcheck rubrics show {custom} -f markdown").out
    assert (
        "**整改**：考核期末仍未整改销号且已过整改时限的整改事项，每项从总分中扣0.5分，合计不超过2分"
        in shown
    )
    example = EXAMPLES / "fgw" / "lz-fgw-11.yaml"
    plain = json.loads(run_line(f"branchcheck score {example} -f json").out)[0]
    docked = json.loads(run_line(f"branchcheck score {example} -r {custom} -f json").out)[0]
    assert docked["rectification_deduction"] == 0.5  # ZG-11-02 open past 12-20
    assert round(plain["score"] - docked["score"], 2) == 0.5
    md = run_line(f"branchcheck score {example} -r {custom} -f markdown").out
    assert "（基础分69.96分，整改逾期扣0.5分）" in md
    assert "整改事项ZG-11-02至考核期末逾期未整改销号，扣0.5分" in md


@pytest.mark.parametrize(
    "bad", ["{overdue_deduction: 0}", "{overdue_deduction: 1, cap: -1}", "{cap: 2}"]
)
def test_rubric_rule_is_validated(run_line, tmp_path: Path, bad: str) -> None:
    source = (EXAMPLES.parent / "rubrics" / "lanzhou-6543.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "lz.yaml"
    custom.write_text(
        source.replace("\nevents:", f"\nrectification: {bad}\nevents:", 1), encoding="utf-8"
    )
    run = run_line(f"branchcheck rubrics show {custom}")
    assert run.code == 2 and "rectification" in run.err


def test_report_lists_items_and_counts_per_organisation(run_line) -> None:
    fgw = EXAMPLES / "fgw"
    md = run_line(
        f"branchcheck report {fgw}/lz-fgw-03.yaml {fgw}/lz-fgw-04.yaml {fgw}/lz-fgw-11.yaml -f markdown"
    ).out
    assert "### 整改情况（按上级组织）" in md
    assert "| 市发改委机关党委 | 3 | 5 | 3 | 0 | 1 | 1 |" in md
    assert "| 市发展和改革委员会价格认证中心党支部 | ZG-11-01 | 巡察 |" in md
    data = json.loads(
        run_line(f"branchcheck report {fgw}/lz-fgw-03.yaml {fgw}/lz-fgw-11.yaml -f json").out
    )
    assert data["rubrics"][0]["rectifications"] == [
        {
            "name": "市发改委机关党委",
            "branches": 2,
            "items": 4,
            "overdue": 2,
            "open": 0,
            "closed_on_time": 1,
            "closed_late": 1,
        }
    ]
    terminal = run_line(f"branchcheck report {fgw}/lz-fgw-11.yaml").out
    assert "整改情况（按上级组织）" in terminal and "逾期销号" in terminal


def test_report_without_items_has_no_section(run_line) -> None:
    md = run_line(f"branchcheck report {EXAMPLES}/fgw/lz-fgw-01.yaml -f markdown").out
    # The 通报 at the end speaks of 整改 in general; the item tables' headings are what must go.
    assert "### 整改事项" not in md and "### 整改情况（按上级组织）" not in md
    with_items = run_line(f"branchcheck report {EXAMPLES}/fgw/lz-fgw-11.yaml -f markdown").out
    assert "### 整改事项" in with_items and "### 整改情况（按上级组织）" in with_items


def test_html_report_has_the_section(run_line, tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    fgw = EXAMPLES / "fgw"
    assert run_line(f"branchcheck report {fgw}/lz-fgw-11.yaml -f html -o {page}").code == 0
    html = page.read_text(encoding="utf-8")
    assert "<h3>整改情况（按上级组织）</h3>" in html and "<h3>整改事项</h3>" in html
    assert '<span style="white-space:nowrap">2024-12-20</span>' in html


def test_xlsx_report_has_a_sheet(run_line, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "r.xlsx"
    fgw = EXAMPLES / "fgw"
    assert (
        run_line(
            f"branchcheck report {fgw}/lz-fgw-03.yaml {fgw}/lz-fgw-11.yaml -f xlsx -o {book}"
        ).code
        == 0
    )
    sheet = openpyxl.load_workbook(book)["整改"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "市发改委机关党委：2个支部4项，逾期未整改2项，逾期销号1项，按期销号1项"
    assert rows[2][:2] == ("支部", "编号")
    assert [r[1] for r in rows[3:]] == ["ZG-03-01", "ZG-03-02", "ZG-11-01", "ZG-11-02"]
    assert rows[3][-1] == "逾期未整改"
