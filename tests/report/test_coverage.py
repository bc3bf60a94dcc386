"""What a batch report says it covers, in every format: the periods in a 通报's title, the
branches and ledgers counted, a 考核期 column where a branch has two ledgers, totals per rubric
(never a mean across rubrics), and the ledgers that could not be scored counted as files.

examples/fgw: 12 branches, 16 ledgers (lz-fgw-01 and lz-fgw-07 also have 2024 Q3 and Q4 ledgers).
tests/files/batch: rubrics mini (b-ok, b-short: 2024 H1; b-q: 2024 Q2) and mini-b (b-d:
2024), and broken.yaml (one syntax error).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLES, TEST_FILES

from branchcheck.formats.report.tables import periods_phrase

BATCH = TEST_FILES / "batch"
FGW = EXAMPLES / "fgw"
MINI = TEST_FILES / "rubrics" / "good" / "mini.yaml"
FGW_TITLE = "关于2024年度、2024年第三季度和2024年第四季度党支部标准化规范化建设考评情况的通报"


def local(folder: Path, name: str, text: str) -> Path:
    """A batch ledger written elsewhere, its rubric reference made absolute."""
    path = folder / name
    path.write_text(text.replace("../rubrics/good/mini.yaml", str(MINI)), encoding="utf-8")
    return path


def test_markdown_names_the_periods_and_counts_branches_and_ledgers(run_line) -> None:
    run = run_line(f"branchcheck report {FGW} -f markdown")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[:4] == [
        f"# {FGW_TITLE}",
        "",
        "- 考核期：2024年度（台账12份）、2024年第三季度（台账2份）、2024年第四季度（台账2份）",
        "- 参评支部12个，台账16份，年度和季度考核分别统计",
    ]
    # Annual and quarterly ledgers are totalled apart, each group saying which it holds.
    annual, quarterly = run.out.split("\n## ")[1:3]  # then the 通报 text
    assert annual.splitlines()[0].endswith("（lanzhou-6543，2021版）——年度考核")
    assert annual.splitlines()[2:4] == [
        "- 考核期：2024年度",
        "- 参评支部12个，平均分88.58，中位数89.12",
    ]
    assert quarterly.splitlines()[0].endswith("——季度考核")
    # Two quarters of two branches: four ledgers of one kind, counted as ledgers.
    assert quarterly.splitlines()[2:4] == [
        "- 考核期：2024年第三季度（台账2份）、2024年第四季度（台账2份）",
        "- 参评支部2个，台账4份，平均分86.7，中位数84.95（按台账计）",
    ]
    assert "按台账计" not in annual  # one ledger per branch there
    assert "评估" not in run.out.split("### ")[0]  # 考评, 参评: not 评估
    # The annual group counts branches and needs no period column; the quarterly one counts
    # ledgers, and its branch table says which quarter each row is.
    assert "| 等级 | 支部数 | 占比 |" in annual.splitlines()
    assert "| 等级 | 台账数 | 占比 |" in quarterly.splitlines()
    header = next(line for line in annual.splitlines() if line.startswith("| 支部编号 |"))
    assert header.startswith("| 支部编号 | 支部名称 | 上级组织 | 得分 |")
    header = next(line for line in quarterly.splitlines() if line.startswith("| 支部编号 |"))
    assert header.startswith("| 支部编号 | 支部名称 | 上级组织 | 考核期 | 得分 |")
    rows = [
        line.split(" | ") for line in quarterly.splitlines() if line.startswith("| lz-fgw-01 |")
    ]
    assert sorted(row[3] for row in rows) == ["2024年第三季度", "2024年第四季度"]


def test_json_csv_xlsx_and_html_say_what_they_cover(run_line, tmp_path) -> None:
    data = json.loads(run_line(f"branchcheck report {FGW} -f json").out)
    assert (data["title"], data["count"], data["branches"], data["failed_files"]) == (
        FGW_TITLE,
        16,
        12,
        0,
    )
    periods = [
        {"start": "2024-01-01", "end": "2024-12-31", "name": "2024年度", "ledgers": 12},
        {"start": "2024-07-01", "end": "2024-09-30", "name": "2024年第三季度", "ledgers": 2},
        {"start": "2024-10-01", "end": "2024-12-31", "name": "2024年第四季度", "ledgers": 2},
    ]
    assert data["periods"] == periods
    annual, quarterly = data["rubrics"]
    assert (annual["period_kind"], annual["count"], annual["periods"]) == ("年度", 12, periods[:1])
    assert (quarterly["period_kind"], quarterly["count"], quarterly["periods"]) == (
        "季度",
        4,
        periods[1:],
    )

    text = run_line(f"branchcheck report {FGW} -f csv").out.lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["period"] for r in rows if r["branch_id"] == "lz-fgw-07") == [
        "2024年度",
        "2024年第三季度",
        "2024年第四季度",
    ]

    run_line(f"branchcheck report {FGW} -f xlsx -o {tmp_path / 'r.xlsx'}")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book["汇总"]["A1"].value == FGW_TITLE
    assert "lz-fgw-01·2024年第三季度" in book.sheetnames  # two ledgers: two named sheets

    run_line(f"branchcheck report {FGW} -f html -o {tmp_path / 'r.html'}")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert f"<title>{FGW_TITLE}</title>" in page and f"<h1>{FGW_TITLE}</h1>" in page
    assert "——季度考核</h2>" in page


def test_totals_are_per_rubric_never_pooled(run_line) -> None:
    run = run_line(f"branchcheck report {BATCH} -f markdown")
    head, *groups = run.out.split("\n## ")
    assert head.splitlines()[2:] == [
        "- 考核期：2024年度（台账1份）、2024年上半年（台账2份）、2024年第二季度（台账1份）",
        "- 参评支部4个，按2个考评标准分别评分、分别统计，半年度和季度考核分别统计；"
        "另有1个台账未能评分",
    ]
    assert "平均分" not in head  # 9.09 on one rubric and 2.5 on another do not average
    assert groups[0].splitlines()[0] == "最小评分表（mini，1.10版）——半年度考核"
    assert groups[0].splitlines()[2:4] == [
        "- 考核期：2024年上半年",
        "- 参评支部2个，平均分9.09，中位数9.09",
    ]
    assert groups[1].splitlines()[0] == "最小评分表（mini，1.10版）——季度考核"
    assert groups[1].splitlines()[2:4] == [
        "- 考核期：2024年第二季度",
        "- 参评支部1个，平均分10，中位数10",
    ]
    assert groups[2].splitlines()[0] == "党课评分表（mini-b，1版）"  # one kind: no suffix
    assert groups[2].splitlines()[2:4] == [
        "- 考核期：2024年度",
        "- 参评支部1个，平均分2.5，中位数2.5",
    ]
    terminal = run_line(f"branchcheck report {BATCH}").out
    assert "参评支部4个，按2个考评标准分别评分、分别统计" in terminal
    assert "参评支部2个，平均分9.09" in terminal and "平均分7.67" not in terminal
    data = json.loads(run_line(f"branchcheck report {BATCH} -f json").out)
    assert data["mean_score"] == 7.67  # kept for compatibility (README), shown nowhere


def test_one_rubric_one_period(run_line) -> None:
    run = run_line(f"branchcheck report {BATCH / 'ok.yaml'} -f markdown")
    assert run.out.splitlines()[:7] == [
        "# 关于2024年上半年党支部标准化规范化建设考评情况的通报",
        "",
        "- 考核期：2024年上半年",
        "- 参评支部1个",
        "",
        "## 最小评分表（mini，1.10版）",
        "",
    ]
    assert "| 支部编号 | 支部名称 | 上级组织 |" in run.out  # no period column: one ledger each


def test_failed_ledgers_are_counted_as_files(run_line, tmp_path) -> None:
    ok = (BATCH / "ok.yaml").read_text(encoding="utf-8")
    local(tmp_path, "a-ok.yaml", ok)
    local(tmp_path, "b-broken.yaml", (BATCH / "broken.yaml").read_text(encoding="utf-8"))
    local(  # three mistakes in one file
        tmp_path,
        "c-many.yaml",
        ok.replace("{id: M1, name:", "{id: M1, nam:").replace("{start:", "{begin:"),
    )
    data = json.loads(run_line(f"branchcheck report {tmp_path} -f json").out)
    assert (data["count"], data["failed_files"]) == (1, 2)
    assert [e["file"] for e in data["errors"]] == [str(tmp_path / "b-broken.yaml")] + [
        str(tmp_path / "c-many.yaml")
    ] * 3
    line = "参评支部1个；另有2个台账未能评分"
    for fmt in ("terminal", "markdown"):
        run = run_line(f"branchcheck report {tmp_path} -f {fmt}")
        assert run.code == 2 and line in run.out, run.out
    run_line(f"branchcheck report {tmp_path} -f html -o {tmp_path / 'r.html'}")
    assert f'<p class="lede">{line}</p>' in (tmp_path / "r.html").read_text(encoding="utf-8")
    run_line(f"branchcheck report {tmp_path} -f xlsx -o {tmp_path / 'r.xlsx'}")
    summary = openpyxl.load_workbook(tmp_path / "r.xlsx")["汇总"]
    notes = [c.value for c in summary["B"] if c.value and "未能评分" in str(c.value)]
    assert notes == ["2个台账未能评分（4处问题），见“未能评分”工作表"]


@pytest.mark.parametrize(
    ("periods", "said"),
    [
        ([], ""),
        ([("2024-01-01", "2024-12-31")], "2024年度"),
        ([("2024-01-01", "2024-12-31"), ("2024-07-01", "2024-09-30")], "2024年度和2024年第三季度"),
        (
            [
                ("2024-01-01", "2024-06-30"),
                ("2024-04-01", "2024-06-30"),
                ("2024-07-01", "2024-12-31"),
            ],
            "2024年上半年、2024年第二季度和2024年下半年",
        ),
        (  # more than three: their years
            [
                (f"2024-{m:02d}-01", f"2024-{m + 2:02d}-{d}")
                for m, d in ((1, 31), (4, 30), (7, 30), (10, 31))
            ],
            "2024年",
        ),
        (
            [
                ("2023-01-01", "2023-12-31"),
                *[(f"2024-{m:02d}-01", f"2024-{m:02d}-28") for m in (2, 3, 4)],
            ],
            "2023—2024年",
        ),
    ],
)
def test_title_periods(periods: list[tuple[str, str]], said: str) -> None:
    assert periods_phrase(periods) == said
