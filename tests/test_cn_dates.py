"""The days' words every layer shares: a day, a day within a known year, a span."""

from __future__ import annotations

import datetime as dt

import pytest

from branchcheck.cn_dates import cn_date, cn_day, cn_span

D = dt.date


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (cn_date(D(2024, 12, 1)), "2024年12月1日"),
        (cn_day(D(2024, 12, 20), 2024), "12月20日"),
        (cn_day(D(2025, 1, 3), 2024), "2025年1月3日"),
        (cn_day(D(2024, 12, 20)), "2024年12月20日"),
        (cn_span(D(2024, 2, 6), D(2024, 9, 9)), "2024年2月6日至9月9日"),
        (cn_span(D(2023, 12, 15), D(2024, 1, 31)), "2023年12月15日至2024年1月31日"),
    ],
)
def test_days_in_words(words: str, expected: str) -> None:
    assert words == expected
