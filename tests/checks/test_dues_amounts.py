"""党费 amounts: the 2008 rate table (domain.md section 2) and the months paid short.

The expected amount comes from a member's `dues_base` and `dues_category` (在职 by default);
`dues: {M01: {2024-03: 20.00}}` records what was paid. An under-payment is an alert with the
figures, and a miss of the `dues` check only with `in_full: true`. Money is Decimal.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from bad_inputs import edit, scored, write
from builders import ledger, norm, rubric
from pydantic import ValidationError

from branchcheck.checks.context import Context
from branchcheck.checks.dues_amounts import expected, shortfall_alerts
from branchcheck.formats.rubric_words import check_text, scoring_text
from branchcheck.loading import fast, strict
from branchcheck.models import Ledger
from branchcheck.models.ledger import Member
from checks import outcome

D = Decimal

# Each band's top belongs to it (≤ 3000 is 0.5%); the rate applies to the whole base.
RATES = [
    pytest.param("在职", "0", "0.00", id="in-service-zero"),
    pytest.param("在职", "2000", "10.00", id="in-service-0.5%"),
    pytest.param("在职", "3000", "15.00", id="in-service-3000-top-of-0.5%"),
    pytest.param("在职", "3000.01", "30.00", id="in-service-just-over-3000-1%"),
    pytest.param("在职", "3550", "35.50", id="in-service-1%"),
    pytest.param("在职", "5000", "50.00", id="in-service-5000-top-of-1%"),
    pytest.param("在职", "5000.01", "75.00", id="in-service-just-over-5000-1.5%"),
    pytest.param("在职", "5001", "75.02", id="in-service-5001-rounded-half-up"),
    pytest.param("在职", "10000", "150.00", id="in-service-10000-top-of-1.5%"),
    pytest.param("在职", "10000.01", "200.00", id="in-service-just-over-10000-2%"),
    pytest.param("在职", "12345.67", "246.91", id="in-service-2%"),
    pytest.param("研究生", "3000", "15.00", id="postgraduate-stipend-same-bands"),
    pytest.param("离退休", "4000", "20.00", id="retired-0.5%"),
    pytest.param("离退休", "5000", "25.00", id="retired-5000-top-of-0.5%"),
    pytest.param("离退休", "5000.01", "50.00", id="retired-just-over-5000-1%"),
    pytest.param("离退休", "6789", "67.89", id="retired-1%"),
    pytest.param(None, "5000.01", "75.00", id="no-category-is-in-service"),
    pytest.param("学生", None, "0.20", id="student-fixed"),
    pytest.param("下岗失业", None, "0.20", id="unemployed-fixed"),
    pytest.param("抚恤救济", None, "0.20", id="relief-fixed"),
    pytest.param("低保", None, "0.20", id="minimum-living-fixed"),
    pytest.param("农民", None, "0.20", id="farmer-at-least-0.20"),
    pytest.param("在职", None, None, id="in-service-without-base-unknown"),
    pytest.param("离退休", None, None, id="retired-without-base-unknown"),
    pytest.param(None, None, None, id="nothing-recorded"),
]


@pytest.mark.parametrize(("category", "base", "amount"), RATES)
def test_expected_amount(category: str | None, base: str | None, amount: str | None) -> None:
    member = Member.model_validate(
        {"id": "M01", "name": "张三", "dues_category": category, "dues_base": base}
    )
    got = expected(member)
    assert got == (None if amount is None else D(amount))
    assert got is None or str(got) == amount  # to the 分, never a float


MONEY = [
    pytest.param(35.5, "35.50", id="float"),
    pytest.param("35.5", "35.50", id="text"),
    pytest.param("35.50元", "35.50", id="with-yuan"),
    pytest.param(3550, "3550.00", id="whole"),
    pytest.param("1_000", "1000.00", id="underscores"),
    pytest.param(0.1, "0.10", id="float-without-binary-noise"),
    pytest.param(0, "0.00", id="zero"),
]


@pytest.mark.parametrize(("given", "read"), MONEY)
def test_amounts_read_as_decimal(given: Any, read: str) -> None:
    got = Member.model_validate({"id": "M01", "name": "张三", "dues_base": given}).dues_base
    assert isinstance(got, Decimal) and str(got) == read


@pytest.mark.parametrize("given", ["35.555", -1, "三十五", True, ".inf", "1e12", "35,5"], ids=str)
def test_amounts_refused(given: Any) -> None:
    with pytest.raises(ValidationError):
        Member.model_validate({"id": "M01", "name": "张三", "dues_base": given})


@pytest.mark.fast_path
def test_both_parsers_read_amounts_alike() -> None:
    text = (
        "format: branchcheck.ledger/1\nbranch: {id: b, name: 支部}\n"
        "period: {start: 2024-01-01, end: 2024-12-31}\n"
        "members:\n  - {id: M01, name: 张三, dues_base: 3_550.0, dues_category: 在职}\n"
        "  - {id: M02, name: 李四, dues_base: '6000', dues_category: 离退休}\n"
        "dues:\n  M01: {2024-01: 35.50, 2024-02: 35.5, 2024-03: 0x14, 2024-04: 20元}\n"
        "  M02: [2024-01]\n"
    )
    data = fast.parse(text)
    assert data is not None
    quick = Ledger.model_validate(data)
    slow = Ledger.model_validate(strict.parse(text, "x")[0])
    assert quick == slow
    assert [str(v) for v in slow.dues["M01"].values()] == ["35.50", "35.50", "20.00", "20.00"]


YEAR = [f"2024-{m:02d}" for m in range(1, 13)]


def paid(amount: str, **other: str) -> dict[str, str]:
    """Twelve months paid `amount`, some months (`m03="20"`) otherwise."""
    return {m: other.get(f"m{m[5:]}", amount) for m in YEAR}


ZHANG = {"id": "M01", "name": "张三", "dues_base": "3550"}  # owes 35.50
LI = {"id": "M02", "name": "李四", "dues_category": "学生"}  # owes 0.20


def book(**fields: Any) -> Ledger:
    return ledger(**{"members": [ZHANG, LI], **fields})


IN_FULL = [
    pytest.param(book(dues={"M01": paid("35.50"), "M02": paid("0.20")}), 1.0, 0, id="all-in-full"),
    pytest.param(book(dues={"M01": paid("40"), "M02": paid("1")}), 1.0, 0, id="more-is-fine"),
    pytest.param(
        book(dues={"M01": paid("35.50", m03="20"), "M02": paid("0.20")}),
        23 / 24,
        1,
        id="one-month-short",
    ),
    pytest.param(
        book(dues={"M01": paid("35.49"), "M02": paid("0.20")}), 12 / 24, 12, id="a-fen-short"
    ),
    pytest.param(
        book(dues={"M01": paid("35.50", m03="20"), "M02": YEAR}),
        23 / 24,
        1,
        id="months-without-amounts-not-checked",
    ),
    pytest.param(
        book(
            dues={"M01": paid("35.50", m03="0"), "M02": paid("0.20")},
            dues_exceptions=[{"member": "M01", "months": ["2024-03"], "kind": "减免"}],
        ),
        1.0,
        0,
        id="waived-month-not-due",
    ),
    pytest.param(
        book(dues={"M01": dict.fromkeys(YEAR[:6], "20"), "M02": paid("0.20")}),
        12 / 24,
        12,
        id="unpaid-and-short-both-miss",
    ),
    pytest.param(
        ledger(
            members=[{"id": "M01", "name": "张三"}],
            dues={"M01": paid("1")},
        ),
        1.0,
        0,
        id="no-base-not-checked",
    ),
]


@pytest.mark.parametrize(("ledger_", "fraction", "misses"), IN_FULL)
def test_in_full(ledger_: Ledger, fraction: float, misses: int) -> None:
    got = outcome({"kind": "dues", "in_full": True}, ledger_)
    assert (got.fraction, got.misses) == (fraction, misses)


def test_short_months_are_not_misses_without_in_full() -> None:
    got = outcome({"kind": "dues"}, book(dues={"M01": paid("20"), "M02": paid("0.10")}))
    assert (got.fraction, got.misses) == (1.0, 0)


@pytest.mark.parametrize(
    ("dues", "detail"),
    [
        (
            {"M01": paid("35.50"), "M02": paid("0.20")},
            "应交党费24人次（按月计），已全部按月交纳",
        ),
        (  # no amounts kept: nothing is judged 足额 or not, the words are the plain check's
            {"M01": YEAR, "M02": YEAR[:11]},
            "应交党费24人次（按月计），已交23人次；李四12月党费未交纳",
        ),
        (
            {"M01": paid("35.50", m03="20"), "M02": paid("0.20")},
            "应交党费24人次（按月计），已交24人次；张三3月应交35.50元，实交20.00元，少交15.50元，"
            "按未足额交纳计",
        ),
        (
            {"M01": paid("35.50", m03="20", m04="20", m05="20", m09="30"), "M02": YEAR[:11]},
            "应交党费24人次（按月计），已交23人次；李四12月党费未交纳；张三3月至5月每月应交"
            "35.50元，实交20.00元，少交15.50元；9月应交35.50元，实交30.00元，少交5.50元，"
            "按未足额交纳4个月计",
        ),
        (  # the monthly shortfall, not the run's total: each month is one miss
            {"M01": paid("35.50", m01="30", m02="30"), "M02": paid("0.10")},
            "应交党费24人次（按月计），已交24人次；张三1月至2月每月应交35.50元，实交30.00元，"
            "少交5.50元，按未足额交纳2个月计；李四1月至12月每月应交0.20元，实交0.10元，少交0.10元，"
            "按未足额交纳12个月计",
        ),
    ],
)
def test_in_full_detail(dues: dict[str, Any], detail: str) -> None:
    assert outcome({"kind": "dues", "in_full": True}, book(dues=dues)).detail == detail


@pytest.mark.parametrize(
    ("dues", "alerts"),
    [
        ({"M01": paid("35.50"), "M02": paid("0.20")}, []),
        (
            {"M01": paid("35.50", m03="20"), "M02": paid("0.20")},
            ["张三2024年3月应交35.50元，实交20.00元，少交15.50元，请核实党费基数并督促补交"],
        ),
        (
            {"M01": paid("35.50"), "M02": paid("0.10", m01="0.20")},
            [
                "李四2024年2月至12月每月应交0.20元，实交0.10元，11个月共少交1.10元，"
                "请核实党费基数并督促补交"
            ],
        ),
    ],
)
def test_shortfall_alerts(dues: dict[str, Any], alerts: list[str]) -> None:
    ctx = Context(book(dues=dues), rubric(norm({"kind": "dues"})))
    assert shortfall_alerts(ctx) == alerts


def test_months_outside_the_period_or_membership_are_not_checked() -> None:
    member = {**ZHANG, "joined": "2024-03-15"}
    dues = {"M01": {"2023-12": "1", "2024-02": "1", "2024-03": "35.50"}}
    ctx = Context(
        ledger(members=[member], dues=dues, end="2024-03-31"), rubric(norm({"kind": "dues"}))
    )
    assert shortfall_alerts(ctx) == []


# --- the ledger file ----------------------------------------------------------------------
# tests/files/bad/ledger.yaml: 王建国 (M01, line 7) and `dues:` M01 on line 25.
M01 = "  - {id: M01, name: 王建国, roles: [书记]}\n"
M01_DUES = "  M01: [2024-01, 2024-02, 2024-03]\n"


@pytest.mark.parametrize(
    ("text", "at", "words"),
    [
        pytest.param(
            edit(M01_DUES, "  M01: {2024-01: 35.50, 2024-02: 35.50}\n"),
            "25:3",
            "amounts are recorded for 'M01', but the member has no dues_base",
            id="amounts-without-base",
        ),
        pytest.param(
            edit(
                M01,
                "  - {id: M01, name: 王建国, roles: [书记], dues_category: 学生, dues_base: 800}\n",
            ),
            "7:69",
            "pays a fixed 0.20 元 a month (2008 党费规定第六条), so dues_base is not used",
            id="base-with-fixed-category",
        ),
    ],
)
def test_warned_at_the_line(run_line, parser, tmp_path, text: str, at: str, words: str) -> None:
    _, stderr = scored(run_line, write(tmp_path, text))
    assert len(stderr) == 1, stderr
    assert stderr[0].startswith(f"{tmp_path / 'case.yaml'}:{at}: warning: "), stderr[0]
    assert words in stderr[0]


def test_short_payment_alert_through_the_cli(run_line, parser, tmp_path) -> None:
    text = edit(M01, "  - {id: M01, name: 王建国, roles: [书记], dues_base: 6850}\n")
    text = edit(M01_DUES, "  M01: {2024-01: 102.75, 2024-02: 102.75, 2024-03: 68.50}\n", text)
    result, stderr = scored(run_line, write(tmp_path, text))
    assert stderr == []
    assert {
        "kind": "dues_short",
        "message": "王建国2024年3月应交102.75元，实交68.50元，"
        "少交34.25元，请核实党费基数并督促补交",
    } in [{"kind": a["kind"], "message": a["message"]} for a in result["alerts"]]


@pytest.mark.parametrize(
    ("in_full", "check", "scoring"),
    [
        (
            False,
            "每名党员按月交纳党费（减免的月份不计应交，代交、补交的计已交）",
            "每有1人1个月未交纳",
        ),
        (
            True,
            "每名党员按月足额交纳党费（应交金额按党费基数和2008年党费规定的比例核定；"
            "减免的月份不计应交，代交、补交的计已交）",
            "每有1人1个月未交纳或未足额交纳",
        ),
    ],
)
def test_rubrics_show_says_in_full(in_full: bool, check: str, scoring: str) -> None:
    model = rubric(norm({"kind": "dues", "in_full": in_full}, scoring={"deduct": 0.5}))
    ((_, only),) = model.norms
    assert check_text(only, model) == check
    assert scoring_text(only, model).startswith(scoring)
