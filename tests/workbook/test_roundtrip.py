"""Every example converts to a workbook and back with the same ledger and the same score."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, sha256

from branchcheck.engine import score
from branchcheck.loading import read_ledger

EXAMPLE_FILES = sorted(EXAMPLES.glob("*/*.yaml"))


def test_there_are_examples_to_convert() -> None:
    assert len(EXAMPLE_FILES) >= 20


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
def test_yaml_to_xlsx_to_yaml_keeps_the_ledger_and_the_score(
    example: Path, tmp_path: Path, run_line
) -> None:
    before = sha256(example)
    book, back = tmp_path / f"{example.stem}.xlsx", tmp_path / f"{example.stem}.yaml"
    assert run_line(f"branchcheck convert {example} {book}").code == 0
    assert run_line(f"branchcheck convert {book} {back}").code == 0
    original, workbook, again = read_ledger(example), read_ledger(book), read_ledger(back)
    assert workbook.ledger == original.ledger
    assert again.ledger == original.ledger
    assert workbook.warnings == [] and again.warnings == []
    expected = score(original.rubric, original.ledger)
    assert score(workbook.rubric, workbook.ledger) == expected
    assert score(again.rubric, again.ledger) == expected
    assert sha256(example) == before  # the input is never touched


def test_score_reads_the_workbook_as_the_yaml(converted: Path, run_line) -> None:
    yaml_run = run_line(f"branchcheck score {EXAMPLES / 'fgw' / 'lz-fgw-01.yaml'} -f json")
    xlsx_run = run_line(f"branchcheck score {converted} -f json")
    assert (xlsx_run.code, xlsx_run.err) == (0, "")
    assert xlsx_run.out == yaml_run.out


def test_report_finds_workbooks_in_a_folder(converted: Path, run_line) -> None:
    folder = converted.parent
    (folder / "~$lz-fgw-01.xlsx").write_bytes(b"lock file Excel keeps while the book is open")
    run = run_line(f"branchcheck report {folder} -f json -j 1")
    assert run.code == 0, run.err
    assert '"lz-fgw-01"' in run.out


def test_validate_checks_a_workbook(converted: Path, run_line) -> None:
    run = run_line(f"branchcheck validate {converted}")
    assert run.code == 0
    assert run.err_lines == ["1 file(s) checked (1 ledger), 0 with problems"]


def test_convert_refuses_the_same_kind_and_its_own_input(converted: Path, run_line) -> None:
    same = run_line(f"branchcheck convert {converted} {converted.with_name('x.xlsx')}")
    assert same.code == 2
    assert "give the other kind" in same.err
    yaml = converted.with_suffix(".yaml")
    assert run_line(f"branchcheck convert {converted} {yaml}").code == 0
    before = sha256(yaml)
    onto = run_line(f"branchcheck convert {yaml} {yaml}")
    assert onto.code == 2
    assert sha256(yaml) == before
    odd = run_line(f"branchcheck convert {yaml} {converted.with_suffix('.csv')}")
    assert odd.code == 2
    assert "expected a .yaml, .yml or .xlsx file name" in odd.err


NAMESAKES = """\
format: branchcheck.ledger/1
rubric: lanzhou-6543
branch: {id: b1, name: 测试党支部}
period: {start: 2024-01-01, end: 2024-03-31}
members:
  - {id: M01, name: 王芳}
  - {id: M02, name: 王芳}
  - {id: M03, name: M01}
  - {id: "1004", name: "007", roles: [书记, 组织委员]}
committee: {elected: 2023-06-01, members: [M01, M03]}
events:
  - {date: 2024-01-05, type: 支委会, attendees: [M01, M02, M03], topics: ["a: b", "#tag", 议题一；议题二]}
  - {date: 2024-02-05, type: 党员大会, attendees: all, absent: [M02], note: "null"}
dues: {M01: [2024-01, 2024-03], M03: [2024-02]}
facts: {活动经费: 6000, 党员活动室: true, 编号: "010"}
tasks:
  - {id: T1, name: 任务, points: 40, status: partial, rating: 较好}
"""


def test_namesakes_and_odd_text_survive_the_round_trip(tmp_path: Path, run_line) -> None:
    """Two members share a name (written by 编号); a name that is another member's 编号; text
    that YAML would read otherwise (numbers, `: `, `#`, null) comes back as the same text."""
    source = tmp_path / "odd.yaml"
    source.write_text(NAMESAKES, encoding="utf-8")
    book, back = tmp_path / "odd.xlsx", tmp_path / "back.yaml"
    assert run_line(f"branchcheck convert {source} {book}").code == 0
    run = run_line(f"branchcheck convert {book} {back}")
    assert (run.code, run.err) == (0, "")
    original = read_ledger(source).ledger
    assert read_ledger(book).ledger == original
    assert read_ledger(back).ledger == original


def test_convert_says_what_it_did_not_read(converted: Path, tmp_path: Path, run_line) -> None:
    import openpyxl

    book = openpyxl.load_workbook(converted)
    book["党员"]["H1"] = "手机号"
    book["党员"]["H2"] = "13900000000"
    book.save(converted)
    run = run_line(f"branchcheck convert {converted} {tmp_path / 'out.yaml'}")
    assert run.code == 0
    assert f"{converted}:党员!H1: warning: unknown column '手机号' not read" in run.err
