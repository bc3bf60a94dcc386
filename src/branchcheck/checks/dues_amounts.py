"""党费 amounts: what a member owes a month by the 2008 rates, and the months paid short.

《关于中国共产党党费收缴、使用和管理的规定》(中组发〔2008〕3号), as summarised in
../shared/domain.md section 2:
- 在职 (Art. 2): the whole monthly base after tax at 0.5% up to 3000 元, 1% over 3000 up to
  5000, 1.5% over 5000 up to 10000, 2% over 10000 (each band includes its top; the rate
  applies to the whole base, not by slices: 5000 -> 50.00, 5001 -> 75.02);
- 研究生 on a stipend: the stipend as the base, at the same rates;
- 离退休 (Art. 5): the pension actually received at 0.5% up to 5000, 1% over 5000;
- 学生, 下岗失业, 抚恤救济, 低保 (Art. 6): 0.20 元 a month; 农民: 0.20 to 1 元, so at least 0.20.
Amounts are Decimal and rounded half up to the 分.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..models.ledger import Member
from ..models.money import CENT, yuan
from .context import Context

# (top of the band, included; None: no top) -> rate.
IN_SERVICE = (
    (Decimal(3000), Decimal("0.005")),
    (Decimal(5000), Decimal("0.01")),
    (Decimal(10000), Decimal("0.015")),
    (None, Decimal("0.02")),
)
RETIRED = ((Decimal(5000), Decimal("0.005")), (None, Decimal("0.01")))
BANDS = {"在职": IN_SERVICE, "研究生": IN_SERVICE, "离退休": RETIRED}
FIXED = {
    "学生": Decimal("0.20"),
    "下岗失业": Decimal("0.20"),
    "抚恤救济": Decimal("0.20"),
    "低保": Decimal("0.20"),
    "农民": Decimal("0.20"),  # 0.2 to 1 元 a month: at least 0.20
}


def rate(category: str, base: Decimal) -> Decimal:
    """The rate of a banded category for this base."""
    for top, share in BANDS[category]:
        if top is None or base <= top:
            return share
    raise AssertionError("the last band has no top")  # pragma: no cover


def expected(member: Member) -> Decimal | None:
    """The monthly amount the member owes, or None when the ledger does not say enough (no
    category with a fixed amount, no base)."""
    category = member.dues_category or "在职"
    fixed = FIXED.get(category)
    if fixed is not None:
        return fixed
    if member.dues_base is None:
        return None
    return (member.dues_base * rate(category, member.dues_base)).quantize(CENT, ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Shortfall:
    member: Member
    month: str  # YYYY-MM
    expected: Decimal
    paid: Decimal

    @property
    def short(self) -> Decimal:
        return self.expected - self.paid


def shortfalls(ctx: Context) -> list[Shortfall]:
    """Months of the period paid below what the member owes, where the ledger records the
    amount (a `dues` map) and the member's base or category gives what is owed. A month not
    owed (减免, or before joining or after leaving) is not checked. Once per ledger: the
    `dues` check and the alerts both ask (shared: callers must not change the list)."""
    found: list[Shortfall] | None = ctx._memo.get("shortfalls")
    if found is not None:
        return found
    found = ctx._memo["shortfalls"] = []
    keys: set[tuple[str, str]] | None = None
    for member in ctx.ledger.members:
        paid = ctx.ledger.dues.get(member.id)
        if not isinstance(paid, dict) or not paid:
            continue
        owed = expected(member)
        if owed is None:
            continue
        if keys is None:
            keys = _owed_months(ctx)
        for month, amount in sorted(paid.items()):
            if amount < owed and (member.id, month) in keys:
                found.append(Shortfall(member, month, owed, amount))
    return found


def _owed_months(ctx: Context) -> set[tuple[str, str]]:
    from .dues import PAID, dues_status, month_key  # dues.py reads this module too

    months = [month_key(w) for w in ctx.windows("month")]
    return {
        (member_id, month)
        for member_id, row in dues_status(ctx).items()
        for month, state in zip(months, row, strict=True)
        if state == PAID
    }


def month_label(month: str, with_year: bool = True) -> str:
    """`2024年3月`, or `3月`."""
    year, number = month[:4], int(month[5:7])
    return f"{year}年{number}月" if with_year else f"{number}月"


def _runs(items: list[Shortfall]) -> list[list[Shortfall]]:
    """Consecutive months with the same amounts owed and paid, as one run."""
    runs: list[list[Shortfall]] = []
    for item in items:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and _next(last.month) == item.month
            and (last.expected, last.paid) == (item.expected, item.paid)
        ):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _next(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def _run_text(run: list[Shortfall], with_year: bool, total: bool) -> str:
    """One run of equal months; `total` adds up the run (what an alert asks to be paid back),
    otherwise the monthly shortfall is given (what the score counts, month by month)."""
    first, last = run[0], run[-1]
    if len(run) == 1:
        return (
            f"{month_label(first.month, with_year)}应交{yuan(first.expected)}，"
            f"实交{yuan(first.paid)}，少交{yuan(first.short)}"
        )
    same_year = first.month[:4] == last.month[:4]
    span = f"{month_label(first.month, with_year)}至{month_label(last.month, not same_year)}"
    each = f"{span}每月应交{yuan(first.expected)}，实交{yuan(first.paid)}，"
    if not total:
        return each + f"少交{yuan(first.short)}"
    return each + f"{len(run)}个月共少交{yuan(sum((s.short for s in run), Decimal(0)))}"


def by_member(items: list[Shortfall]) -> list[tuple[Member, list[Shortfall]]]:
    grouped: dict[str, tuple[Member, list[Shortfall]]] = {}
    for item in items:
        grouped.setdefault(item.member.id, (item.member, []))[1].append(item)
    return list(grouped.values())


def shortfall_text(
    member: Member, items: list[Shortfall], with_year: bool = True, total: bool = True
) -> str:
    """`张三2024年3月应交35.50元，实交20.00元，少交15.50元` (runs of equal months as one)."""
    year = items[0].month[:4]
    parts = [
        _run_text(run, with_year if i == 0 else run[0].month[:4] != year, total)
        for i, run in enumerate(_runs(items))
    ]
    return member.name + "；".join(parts)


def counted_text(member: Member, items: list[Shortfall]) -> str:
    """The score's reading of one member's short months: `黄敏1月至4月每月应交80.40元，实交
    53.60元，少交26.80元，按未足额交纳4个月计` (the count is what the deduction multiplies)."""
    count = f"{len(items)}个月" if len(items) > 1 else ""
    return shortfall_text(member, items, with_year=False, total=False) + f"，按未足额交纳{count}计"


def shortfall_alerts(ctx: Context) -> list[str]:
    """One message per member who paid short, with the figures."""
    return [
        f"{shortfall_text(member, items)}，请核实党费基数并督促补交"
        for member, items in by_member(shortfalls(ctx))
    ]


def short_detail(short: list[Shortfall]) -> str:
    """The `dues` check's words (with `in_full: true`) for the months paid short, up to six
    members: `黄敏1月至4月每月应交80.40元，实交53.60元，少交26.80元，按未足额交纳4个月计`.

    Only months whose amount is recorded are judged, so the check never claims 足额 for the
    rest: the detail names the short months and says they count as unpaid (a deduction each).
    """
    members = by_member(short)
    more = f"等{len(members)}人" if len(members) > 6 else ""
    return "；".join(counted_text(m, items) for m, items in members[:6]) + more
