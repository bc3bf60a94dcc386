"""`branchcheck score`, read like shell lines."""

from __future__ import annotations

import json
import os

import pytest
from conftest import TEST_FILES, sha256

LEDGERS = TEST_FILES / "ledgers"
OK = LEDGERS / "mini-ok.yaml"
SHORT = LEDGERS / "mini-short.yaml"


def test_json_for_one_ledger_is_an_array_of_one(run_line) -> None:
    run = run_line(f"branchcheck score {SHORT} --format json")
    assert run.code == 0
    data = json.loads(run.out)
    assert isinstance(data, list) and len(data) == 1  # one shape, whatever the arguments
    (result,) = data
    assert result["format"] == "branchcheck.result/1"
    assert result["rubric"] == {"id": "mini", "version": "1.10"}
    assert (result["score"], result["max"], result["bonus"]) == (8.17, 10, 0.0)
    assert result["tier"] == {"id": "low", "name": "一般"}
    assert result["vetoes"] == ["A1"]
    assert result["next_tier"] == {
        "id": "high",
        "name": "标准化",
        "short_by": 0.0,
        "blockers": ["A1"],
        "min_score": 8,
        "blocker_texts": ["否决项A1（党员大会）未达标"],
    }
    assert [(n["id"], n["earned"], n["misses"], n["status"]) for n in result["norms"]] == [
        ("A1", 4.5, 1, "partial"),
        ("A2", 3.67, 1, "partial"),
    ]
    assert result["norms"][0]["detail"] == "第二季度未召开党员大会，扣1.5分"
    assert [n["deduction"] for n in result["norms"]] == [1.5, 0.33]
    # The unknown event type is a warning naming the closest known type, not an error.
    assert run.err_lines == [
        f"{SHORT}:11:30: warning: events[1].type: event type '党小组会' is not declared by rubric"
        " 'mini'; did you mean '党员大会'?"
    ]


def test_json_for_several_ledgers_is_an_array_in_the_order_given(run_line) -> None:
    run = run_line(f"branchcheck score {OK} {SHORT} -f json")
    assert [r["branch"]["id"] for r in json.loads(run.out)] == ["b-ok", "b-short"]
    run = run_line(f"branchcheck score {SHORT} {OK} -f json")
    assert [r["branch"]["id"] for r in json.loads(run.out)] == ["b-short", "b-ok"]


def test_markdown_escapes_user_text(run_line) -> None:
    run = run_line(f"branchcheck score {SHORT} --format markdown")
    assert run.code == 0
    assert "## 第二党支部 \\| \\[bold\\]红\\[/bold\\]（b-short）" in run.out
    assert (
        "| A1（否决项） | 党员大会 | 6 | 1.5 | 4.5 | 部分达标 | 第二季度未召开党员大会，扣1.5分 |"
        in run.out
    )


def test_table_never_interprets_markup(run_line) -> None:
    run = run_line(f"branchcheck score {SHORT}")
    assert "第二党支部 | [bold]红[/bold]" in run.out
    assert "\x1b" not in run.out


@pytest.mark.parametrize(
    ("options", "code", "message"),
    [
        ("--fail-under 8", 0, None),
        ("--fail-under 8.5", 1, "b-short: score 8.17 is under --fail-under 8.5"),
        ("--min-tier low", 0, None),
        ("--min-tier high", 1, "b-short: tier low is below --min-tier high"),
    ],
)
def test_gates(run_line, options: str, code: int, message: str | None) -> None:
    run = run_line(f"branchcheck score {SHORT} -f json {options}")
    assert run.code == code
    assert json.loads(run.out)[0]["branch"]["id"] == "b-short"  # printed either way
    assert (
        (message in run.err_lines)
        if message
        else not any("under" in e or "below" in e for e in run.err_lines)
    )


def test_unknown_tier_is_a_usage_error(run_line) -> None:
    run = run_line(f"branchcheck score {OK} --min-tier gold")
    assert run.code == 2
    assert run.err_lines == [
        "branchcheck: error: --min-tier: unknown tier 'gold' in rubric 'mini' (tiers: low, high)"
    ]


def test_output_file_written_whole(run_line, tmp_path) -> None:
    out = tmp_path / "result.json"
    run = run_line(f"branchcheck score {OK} -f json -o {out}")
    assert run.code == 0 and run.out == ""
    assert json.loads(out.read_text(encoding="utf-8"))[0]["score"] == 10
    assert [p.name for p in tmp_path.iterdir()] == ["result.json"]


def test_output_never_overwrites_an_input(run_line, tmp_path) -> None:
    ledger = tmp_path / "l.yaml"
    ledger.write_bytes(
        OK.read_bytes().replace(
            b"../rubrics/good/mini.yaml", str(TEST_FILES / "rubrics/good/mini.yaml").encode()
        )
    )
    before = sha256(ledger)
    run = run_line(f"branchcheck score {ledger} -o {ledger}")
    assert run.code == 2
    assert run.err_lines == [
        f"{ledger}:1:1: error: output would overwrite an input file; choose another name"
    ]
    assert sha256(ledger) == before
    assert [p.name for p in tmp_path.iterdir()] == ["l.yaml"]


def test_bad_ledger_writes_no_output(run_line, tmp_path) -> None:
    out = tmp_path / "out.json"
    run = run_line(f"branchcheck score {OK} {tmp_path / 'missing.yaml'} -o {out}")
    assert run.code == 2
    assert run.err_lines == [f"{tmp_path / 'missing.yaml'}:1:1: error: file not found"]
    assert not out.exists()


def test_rubric_override(run_line) -> None:
    run = run_line(
        f"branchcheck score {OK} --rubric {TEST_FILES / 'rubrics/good/mini.yaml'} -f json"
    )
    assert json.loads(run.out)[0]["rubric"]["id"] == "mini"
    run = run_line(f"branchcheck score {OK} --rubric no-such-rubric")
    assert run.code == 2
    assert run.err_lines[0].startswith(
        'branchcheck: error: --rubric: 未知的考评标准 "no-such-rubric"'
    )


def test_usage_errors_exit_2(run_line) -> None:
    assert run_line(f"branchcheck score {OK} --format pdf").code == 2
    assert run_line("branchcheck score").code == 2
    assert run_line("branchcheck frobnicate").code == 2


def test_version(run_line) -> None:
    from branchcheck import __version__

    run = run_line("branchcheck --version")
    assert (run.code, run.out) == (0, f"branchcheck {__version__}\n")


def test_attendee_listed_before_joining_is_a_warning(run_line, tmp_path) -> None:
    ledger = tmp_path / "l.yaml"
    text = OK.read_text(encoding="utf-8").replace(
        "../rubrics/good/mini.yaml", str(TEST_FILES / "rubrics/good/mini.yaml")
    )
    ledger.write_text(
        text.replace("{id: M2, name: 李二}", "{id: M2, name: 李二, joined: 2024-06-21}"),
        encoding="utf-8",
    )
    run = run_line(f"branchcheck score {ledger} -f json")
    assert run.code == 0
    assert run.err_lines == [
        f"{ledger}:11:52: warning: events[1].attendees[1]: member 'M2' was not a member on"
        " 2024-06-20 (joined/left); not counted"
    ]


def test_output_file_gets_ordinary_permissions(run_line, tmp_path) -> None:
    out = tmp_path / "r.json"
    run_line(f"branchcheck score {OK} -f json -o {out}")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    out.chmod(0o640)  # replacing a file keeps its mode
    run_line(f"branchcheck score {OK} -f json -o {out}")
    assert out.stat().st_mode & 0o777 == 0o640
