"""The per-file time bound: a block that runs too long becomes one bad-input line."""

from __future__ import annotations

import signal
import time

import pytest

from branchcheck.errors import BranchcheckError
from branchcheck.limits import time_limit


def test_a_block_over_its_time_is_refused_for_that_file() -> None:
    with pytest.raises(BranchcheckError) as caught, time_limit("slow.yaml", 0.05):
        while True:
            time.sleep(0.01)
    (diagnostic,) = caught.value.diagnostics
    assert str(diagnostic).startswith("slow.yaml:1:1: error: took longer than 0.05 s")


def test_a_quick_block_is_untouched_and_the_alarm_is_cleared() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_limit("quick.yaml", 0.05):
        pass
    time.sleep(0.1)  # had the alarm not been cleared, it would fire here
    assert signal.getsignal(signal.SIGALRM) is before


def test_commands_bound_each_file(run_line, monkeypatch) -> None:
    from conftest import EXAMPLES

    import branchcheck.limits

    monkeypatch.setattr(branchcheck.limits, "FILE_SECONDS", 1e-6)
    path = EXAMPLES / "fgw" / "lz-fgw-06.yaml"
    for line in (f"branchcheck score {path}", f"branchcheck report {path} -j 1"):
        run = run_line(line)
        assert run.code == 2, run.err
        assert f"{path}:1:1: error: took longer than 1e-06 s" in run.err
