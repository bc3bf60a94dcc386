"""One parser for every day given on the command line: `notice --as-of/--deadline`,
`alerts --as-of`, `report --as-of` accept the same form and refuse it in the same words."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXAMPLES

from branchcheck.cli.dates import parse_day
from branchcheck.cli.faults import UsageError

LEDGER = EXAMPLES / "fgw" / "lz-fgw-11.yaml"


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-12-01", dt.date(2024, 12, 1)),
        (" 2024-12-01 ", dt.date(2024, 12, 1)),  # a pasted space
        ("2024-02-29", dt.date(2024, 2, 29)),
    ],
)
def test_good_days(value: str, day: dt.date) -> None:
    assert parse_day("--as-of", value) == day


@pytest.mark.parametrize(
    "value",
    [
        "2024-13-01",
        "2023-02-29",
        "tomorrow",
        "",
        "20241201",  # datetime.date.fromisoformat takes it; the form is YYYY-MM-DD
        "2024-W48-7",
        "2024-12-1",
        "2024-12-01T08:00",
        "２０２４-１２-０１",  # full-width digits
    ],
)
def test_bad_days_are_one_message(value: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_day("--deadline", value)
    assert caught.value.option == "--deadline"
    assert caught.value.message == f"expected a date like 2024-12-01, got {value!r}"


def test_not_given_is_the_default_else_today() -> None:
    assert parse_day("--deadline", None, dt.date(2025, 1, 1)) == dt.date(2025, 1, 1)
    before = dt.date.today()
    day = parse_day("--as-of", None)
    assert before <= day <= dt.date.today()  # the run may cross midnight


@pytest.mark.parametrize(
    "line",
    [
        f"branchcheck notice {LEDGER} -f markdown --as-of {{}}",
        f"branchcheck notice {LEDGER} -f markdown --as-of 2024-12-01 --deadline {{}}",
        f"branchcheck alerts {LEDGER} --as-of {{}}",
        f"branchcheck report {LEDGER} -f markdown --as-of {{}}",
    ],
)
@pytest.mark.parametrize("value", ["2024-13-01", "tomorrow", "''"])
def test_every_command_says_it_alike(run_line, line: str, value: str) -> None:
    run = run_line(line.format(value))
    option = "--deadline" if "--deadline" in line else "--as-of"
    shown = repr(value.strip("'"))
    assert (run.code, run.out) == (2, "")
    assert run.err_lines == [
        f"branchcheck: error: {option}: expected a date like 2024-12-01, got {shown}"
    ]
