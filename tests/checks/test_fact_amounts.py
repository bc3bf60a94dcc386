"""`fact` with `default:` (read when the ledger does not record the fact) and amounts written with
units (fact_number: 6000元, 0.6万元, 96%, 32学时)."""

from __future__ import annotations

from typing import Any

import pytest
from builders import ledger

from branchcheck.checks.records import fact_number
from checks import outcome

DEFAULT_CASES = [
    # A misconduct fact recorded only when it happened: unrecorded reads as false.
    pytest.param({"expect": False, "default": False}, {}, 1.0, 0, id="default-false-met"),
    pytest.param({"expect": False, "default": False}, {"违纪": True}, 0.0, 1, id="recorded-wins"),
    pytest.param({"expect": False, "default": False}, {"违纪": "否"}, 1.0, 0, id="recorded-false"),
    pytest.param({"default": False}, {}, 0.0, 1, id="default-false-expect-true"),
    pytest.param({"default": "是"}, {}, 1.0, 0, id="default-true-word"),
    pytest.param({"default": True}, {"违纪": "无"}, 0.0, 1, id="recorded-false-beats-default"),
    pytest.param({"expect": "已建立", "default": "已建立"}, {}, 1.0, 0, id="default-text"),
    pytest.param({"expect": "已建立", "default": "未建立"}, {}, 0.0, 1, id="default-text-differs"),
    pytest.param({"min": 1, "default": 0}, {}, 0.0, 1, id="default-zero-below-min"),
    pytest.param({"min": 0, "default": 0}, {}, 1.0, 0, id="default-zero-at-min"),
    pytest.param({"min": 1, "default": 0}, {"违纪": "2次"}, 1.0, 0, id="recorded-amount-wins"),
    pytest.param({"min": 1}, {}, 0.0, 1, id="no-default-unrecorded"),
    pytest.param({"default": False}, {"其他": True}, 0.0, 1, id="other-key-recorded"),
]


@pytest.mark.parametrize(("fields", "facts", "fraction", "misses"), DEFAULT_CASES)
def test_fact_default(
    fields: dict[str, Any], facts: dict[str, Any], fraction: float, misses: int
) -> None:
    got = outcome({"kind": "fact", "key": "违纪", **fields}, ledger(facts=facts))
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("fields", "facts", "detail"),
    [
        pytest.param(
            {"expect": False, "default": False},
            {},
            "未发生违纪情况",
            id="default-read-as-the-value",
        ),
        pytest.param({}, {}, "台账未记录“违纪”", id="unrecorded"),
        pytest.param({"min": 1, "default": 0}, {}, "违纪0，低于1", id="default-amount"),
    ],
)
def test_fact_default_detail(fields: dict[str, Any], facts: dict[str, Any], detail: str) -> None:
    assert outcome({"kind": "fact", "key": "违纪", **fields}, ledger(facts=facts)).detail == detail


NUMBERS = [
    pytest.param("6000", 6000.0, id="plain"),
    pytest.param("6,000", 6000.0, id="thousands-comma"),
    pytest.param("6000元", 6000.0, id="yuan"),
    pytest.param("6,000元", 6000.0, id="comma-and-yuan"),
    pytest.param("6000 元", 6000.0, id="space-before-unit"),
    pytest.param(" 6000元 ", 6000.0, id="spaces-around"),
    pytest.param("0.6万元", 6000.0, id="wan-yuan"),
    pytest.param("1.2万元", 12000.0, id="wan-yuan-over-one"),
    pytest.param("96%", 0.96, id="percent"),
    pytest.param("96％", 0.96, id="full-width-percent"),
    pytest.param("100%", 1.0, id="hundred-percent"),
    pytest.param("32学时", 32.0, id="class-hours"),
    pytest.param("7.5小时", 7.5, id="hours"),
    pytest.param("4次", 4.0, id="times"),
    pytest.param("12名", 12.0, id="people"),
    pytest.param("６０００元", 6000.0, id="full-width-digits"),
    pytest.param(".5", 0.5, id="leading-point"),
    pytest.param("-3", -3.0, id="negative"),
    pytest.param("约6000元", None, id="about-is-not-an-amount"),
    pytest.param("6000元整", None, id="trailing-word"),
    pytest.param("六千元", None, id="chinese-numerals"),
    pytest.param("元", None, id="unit-alone"),
    pytest.param("", None, id="empty"),
    pytest.param("1e3", None, id="exponent"),
    pytest.param("6000万元元", None, id="two-units"),
    pytest.param("32学时元", None, id="count-word-then-unit"),
]


@pytest.mark.parametrize(("text", "number"), NUMBERS)
def test_fact_number(text: str, number: float | None) -> None:
    got = fact_number(text)
    if number is None:
        assert got is None
    else:
        assert got == pytest.approx(number)


UNIT_CASES = [
    pytest.param(5000, "6000元", 1.0, 0, id="yuan-above"),
    pytest.param(5000, "0.6万元", 1.0, 0, id="wan-above"),
    pytest.param(5000, "0.5万元", 1.0, 0, id="wan-exact"),
    pytest.param(5000, "0.4万元", 0.0, 1, id="wan-below"),
    pytest.param(5000, "4999元", 0.0, 1, id="yuan-below"),
    pytest.param(0.9, "96%", 1.0, 0, id="percent-against-a-ratio"),
    pytest.param(0.9, "90%", 1.0, 0, id="percent-exact"),
    pytest.param(0.9, "89.9%", 0.0, 1, id="percent-below"),
    pytest.param(32, "32学时", 1.0, 0, id="class-hours-exact"),
    pytest.param(32, "31.5学时", 0.0, 1, id="class-hours-below"),
    pytest.param(5000, "约6000元", 0.0, 1, id="not-an-amount"),
]


@pytest.mark.parametrize(("minimum", "value", "fraction", "misses"), UNIT_CASES)
def test_fact_min_with_units(minimum: float, value: str, fraction: float, misses: int) -> None:
    got = outcome({"kind": "fact", "key": "经费", "min": minimum}, ledger(facts={"经费": value}))
    assert (got.fraction, got.misses) == (fraction, misses)


@pytest.mark.parametrize(
    ("minimum", "value", "detail", "found"),
    [
        (5000, "0.6万元", "经费0.6万元", "6000"),
        (5000, "0.3万元", "经费0.3万元，低于5000元", "3000"),
        (5000, "3000", "经费3000，低于5000", "3000"),
        (0.9, "82%", "经费82%，低于90%", "82%"),
        (32, "19学时", "经费19学时，低于32学时", "19"),
    ],
)
def test_fact_min_detail_shows_the_value_as_written(
    minimum: float, value: str, detail: str, found: str
) -> None:
    """The value as the ledger wrote it, the threshold in its unit; `value` (a rubric's
    `{value}`) is the bare amount, or a percentage."""
    got = outcome({"kind": "fact", "key": "经费", "min": minimum}, ledger(facts={"经费": value}))
    assert (got.detail, got.value) == (detail, found)
