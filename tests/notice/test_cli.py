"""`branchcheck notice` and `report -f notice` as shell lines."""

from __future__ import annotations

import io

import docx
import pytest
from conftest import TEST_FILES, sha256

from .helpers import FGW

LEDGER = FGW / "lz-fgw-11.yaml"
# The twelve annual ledgers: the folder also holds quarterly ones, which the examples may add to.
ANNUAL = " ".join(str(p) for p in sorted(FGW.glob("lz-fgw-??.yaml")))


def texts(path) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs]


def test_notice_docx(run_line, tmp_path) -> None:
    out = tmp_path / "通知.docx"
    run = run_line(f"branchcheck notice {LEDGER} --as-of 2024-12-01 --days 20 -o {out}")
    assert (run.code, run.out, run.err) == (0, "", "")
    lines = texts(out)
    assert lines[0] == "关于市发展和改革委员会价格认证中心党支部\n党建工作整改的通知"
    assert "整改时限：2024年12月21日前" in lines and lines[-1] == "2024年12月1日"


def test_notice_markdown_to_stdout(run_line) -> None:
    run = run_line(
        f"branchcheck notice {LEDGER} --as-of 2024-12-01 --deadline 2025-01-15 -f markdown --issuer 市发改委机关党委"
    )
    assert run.code == 0, run.err
    assert run.out.startswith("# 关于市发展和改革委员会价格认证中心党支部党建工作整改的通知\n")
    assert "**整改时限：**2025年1月15日前" in run.out
    assert run.out.endswith("市发改委机关党委\n\n2024年12月1日\n")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("", "branchcheck: error: --format: docx writes a file: add --output FILE"),
        (
            "-f markdown --as-of 2024-13-01",
            "branchcheck: error: --as-of: expected a date like 2024-12-01, got '2024-13-01'",
        ),
        (
            "-f markdown --as-of 2024-12-01 --deadline 2024-11-01",
            "branchcheck: error: --deadline: 2024-11-01 is before --as-of 2024-12-01",
        ),
        (
            "-f markdown --deadline 2025-01-01 --days 3",
            "branchcheck: error: --deadline: give --deadline or --days, not both",
        ),
        ("-f markdown --days 0", "branchcheck: error: --days: must be 1 or more"),
        ("-f pdf -o x.pdf", None),  # not a choice: click's own words
    ],
)
def test_usage_errors_exit_2(run_line, options: str, message: str | None) -> None:
    run = run_line(f"branchcheck notice {LEDGER} {options}")
    assert run.code == 2 and run.out == ""
    if message is not None:
        assert run.err_lines == [message]


def test_bad_ledger_is_one_line_and_nothing_written(run_line, tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "format: branchcheck.ledger/1\nrubric: lanzhou-6543\nbranch: [\n", encoding="utf-8"
    )
    out = tmp_path / "n.docx"
    run = run_line(f"branchcheck notice {bad} -o {out}")
    assert run.code == 2
    assert len(run.err_lines) == 1 and run.err_lines[0].startswith(f"{bad}:")
    assert not out.exists()


def test_never_over_an_input(run_line, tmp_path) -> None:
    before = sha256(LEDGER)
    run = run_line(f"branchcheck notice {LEDGER} -o {LEDGER}")
    assert run.code == 2
    assert run.err_lines == [
        f"{LEDGER}:1:1: error: output would overwrite an input file; choose another name"
    ]
    assert sha256(LEDGER) == before


def test_an_existing_output_is_replaced_whole(run_line, tmp_path) -> None:
    out = tmp_path / "n.docx"
    out.write_bytes(b"old")
    assert run_line(f"branchcheck notice {LEDGER} --as-of 2024-12-01 -o {out}").code == 0
    assert texts(out)[1] == "市发展和改革委员会价格认证中心党支部："
    assert [p.name for p in tmp_path.iterdir()] == ["n.docx"]  # no temporary file left


def test_report_notice_needs_output(run_line) -> None:
    run = run_line(f"branchcheck report {FGW} -f notice")
    assert run.code == 2
    assert run.err_lines == [
        "branchcheck: error: --format: notice writes a file: add --output FILE"
    ]


def test_report_notice_docx(run_line, tmp_path) -> None:
    out = tmp_path / "通报.docx"
    run = run_line(f"branchcheck report {ANNUAL} -f notice -o {out}")
    assert run.code == 0, run.err
    lines = texts(out)
    assert lines[0] == "关于2024年度\n党支部标准化规范化建设考评情况的通报"
    assert lines.index("一、总体情况") < lines.index("三、共性问题") < lines.index("五、整改要求")


def test_report_markdown_ends_with_the_bulletin(run_line) -> None:
    run = run_line(f"branchcheck report {ANNUAL} -f markdown --as-of 2024-12-31")
    assert run.code == 0
    lines = run.out.splitlines()
    assert (
        lines.index("### 等级分布") < lines.index("## 通报正文") < lines.index("### 一、总体情况")
    )
    assert lines[-3:] == ["市发改委机关党委", "", "2024年12月31日"]


def test_report_with_unreadable_ledgers_still_writes_the_bulletin(run_line, tmp_path) -> None:
    out = tmp_path / "通报.docx"
    run = run_line(
        f"branchcheck report {FGW / 'lz-fgw-11.yaml'} {TEST_FILES / 'bad'} -f notice -o {out}"
    )
    assert run.code == 2
    assert any("个台账因格式或内容问题未能评分" in line for line in texts(out))


def test_report_html_ends_with_the_bulletin(run_line, tmp_path) -> None:
    out = tmp_path / "r.html"
    assert run_line(f"branchcheck report {ANNUAL} -f html --as-of 2024-12-31 -o {out}").code == 0
    page = out.read_text(encoding="utf-8")
    section = page[page.index('<section id="notice">') :]
    for text in (
        "<h2>通报正文</h2>",
        "<h3>一、总体情况</h3>",
        "<h4>（一）市发改委机关党委</h4>",
        "<strong>1.抓好问题整改。</strong>",
        '<p style="margin:0">市发改委机关党委</p>',
    ):
        assert text in section
    assert page.index('class="rubric"') < page.index('id="notice"')


@pytest.mark.parametrize(
    ("rubric", "code"),
    [("lanzhou-6543", 0), ("no-such-rubric", 2)],
)
def test_rubric_option(run_line, rubric: str, code: int) -> None:
    run = run_line(f"branchcheck notice {LEDGER} --rubric {rubric} --as-of 2024-12-01 -f markdown")
    assert run.code == code
    assert ("整改要求" in run.out) == (code == 0)
    if code:
        assert len(run.err_lines) == 1 and "no-such-rubric" in run.err_lines[0]


@pytest.mark.parametrize(
    ("as_of", "listed"),
    [
        ("2024-12-01", True),  # ZG-03-01 due 2024-09-30, not signed off: open and overdue
        ("2024-04-01", False),  # both found later (2024-04-16, 2024-06-20): not listed yet
    ],
)
def test_open_rectification_items_are_listed(run_line, as_of: str, listed: bool) -> None:
    ledger = FGW / "lz-fgw-03.yaml"
    run = run_line(f"branchcheck notice {ledger} --as-of {as_of} -f markdown")
    assert run.code == 0, run.err
    assert ("前次检查发现、尚未整改销号的问题" in run.out) is listed
    assert ("原定2024年9月30日前完成，已逾期" in run.out) is listed
