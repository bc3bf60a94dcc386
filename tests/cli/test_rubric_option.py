"""An unknown `--rubric` (or `rubrics show` argument) is an option error naming the built-in
ids, never `ID:1:1: error: …`, which reads like a position in a file."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

from branchcheck.loading import builtin_rubrics

LEDGER = EXAMPLES / "fgw" / "lz-fgw-01.yaml"


@pytest.mark.parametrize(
    ("line", "option"),
    [
        (f"branchcheck score {LEDGER} --rubric xyz", "--rubric"),
        (f"branchcheck report {LEDGER} --rubric xyz", "--rubric"),
        (f"branchcheck report {LEDGER} --rubric xyz -f json", "--rubric"),
        ("branchcheck rubrics show xyz", "rubrics show"),
    ],
)
def test_an_unknown_rubric_is_an_option_error(run_line, line: str, option: str) -> None:
    run = run_line(line)
    assert run.code == 2 and run.out == ""
    assert len(run.err_lines) == 1
    message = run.err_lines[0]
    assert message.startswith(f'branchcheck: error: {option}: 未知的考评标准 "xyz"')
    assert all(ident in message for ident in builtin_rubrics())
    assert "xyz:1:1" not in message


@pytest.mark.parametrize("ref", ["missing.yaml", "no/such/rubric"])
def test_a_missing_rubric_file_is_an_option_error(run_line, tmp_path, ref: str) -> None:
    run = run_line(f"branchcheck score {LEDGER} --rubric {tmp_path / ref}")
    assert run.code == 2
    assert run.err_lines == [f'branchcheck: error: --rubric: 找不到考评标准文件 "{tmp_path / ref}"']


def test_a_known_rubric_still_loads(run_line) -> None:
    assert run_line(f"branchcheck score {LEDGER} --rubric lanzhou-6543 -f json").code == 0
    assert run_line("branchcheck rubrics show five-star -f markdown").code == 0
