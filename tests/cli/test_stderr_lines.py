"""A ledger's warnings go to stderr in one write, each line as `stderr_line` writes it."""

from __future__ import annotations

import pytest

from branchcheck.cli.output import stderr_line, stderr_lines

TEXTS = ["a.yaml:1:1: warning: 名字“张三”", "b.yaml:2:3: warning: tab\there\nand a break\u202e", ""]


def test_lines_are_written_as_one_at_a_time(capsys: pytest.CaptureFixture[str]) -> None:
    for text in TEXTS:
        stderr_line(text)
    one_by_one = capsys.readouterr().err
    stderr_lines(TEXTS)
    assert capsys.readouterr().err == one_by_one
    stderr_lines([])
    assert capsys.readouterr().err == ""
