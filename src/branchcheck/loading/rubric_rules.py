"""The rubric rules beyond the schema, checked by `validate` and before any scoring.

Both `branchcheck validate FILE` and `branchcheck score --rubric FILE` (and a ledger's own
`rubric:`) go through `rubric_problems`, so the two always agree on what is invalid.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..checks.records import fact_bool, fact_number
from ..models.checks import FactCheck, FrequencyCheck, RatingCheck
from ..models.rubric import VALUE, Deduct, Norm, Rubric
from .source import Problem

_EPSILON = 1e-6
Loc = tuple[str | int, ...]


def rubric_problems(rubric: Rubric) -> list[Problem]:
    problems: list[Problem] = []
    problems += _unique_ids(rubric)
    problems += _point_sums(rubric)
    problems += _tiers(rubric)
    for _, _, norm, at in rubric.placed:
        if norm.requirement is None:
            problems.append(Problem(at, "every norm needs a `requirement` (shown in reports)"))
        problems += _points(norm, at)
        if isinstance(norm.scoring, Deduct) and isinstance(norm.check, RatingCheck):
            problems.append(
                Problem(
                    (*at, "scoring"),
                    "a rating norm earns its level's share of the points; deductions do not apply",
                )
            )
        elif isinstance(norm.scoring, Deduct) and norm.scoring.deduct > norm.points:
            problems.append(
                Problem(
                    (*at, "scoring", "deduct"),
                    f"a deduction of {norm.scoring.deduct:g} is larger than"
                    f" the norm's {norm.points:g} points",
                )
            )
        problems += _check_rules(norm, (*at, "check"))
        problems += _own_words(norm, at)
        problems += _vocabulary(rubric, norm.check, (*at, "check"))
    return problems


def _points(norm: Norm, at: Loc) -> list[Problem]:
    """0 points only for a veto item (一票否决 with no points of its own), never a bonus."""
    if norm.points > 0:
        return []
    if norm.bonus:
        why = "a bonus norm needs points above 0; give it its points, or remove `bonus`"
    elif not norm.veto:
        why = (
            "points 0 is allowed only on a veto item (`veto: true`);"
            " give the norm its points, or mark it `veto: true`"
        )
    else:
        return []
    return [Problem((*at, "points"), why)]


def _check_rules(norm: Norm, at: Loc) -> list[Problem]:
    check = norm.check
    problems = []
    if (
        isinstance(check, FrequencyCheck)
        and check.per != "year"
        and "grace_days" in check.model_fields_set
    ):
        problems.append(
            Problem(
                (*at, "grace_days"),
                f"grace_days applies only to `per: year` (this check is per {check.per});"
                " remove it, or count per year",
            )
        )
    if isinstance(check, FactCheck) and check.default is not None:
        default = check.default
        if check.min is not None and fact_number(default) is None:
            problems.append(
                Problem(
                    (*at, "default"),
                    f"default {default!r} is not a number, but the check compares numbers"
                    f" (min {check.min:g}); write a number such as 0",
                )
            )
        elif (
            check.expect is not None
            and fact_bool(check.expect) is not None
            and fact_bool(default) is None
        ):
            problems.append(
                Problem(
                    (*at, "default"),
                    f"default {default!r} reads as neither yes nor no, but the check expects"
                    f" {check.expect!r}; write true/false or 是/否",
                )
            )
    return problems


def _own_words(norm: Norm, at: Loc) -> list[Problem]:
    """`{value}` in `met_text` / `missed_text` stands for a fact's value: other checks have
    none to put there."""
    if isinstance(norm.check, FactCheck):
        return []
    return [
        Problem(
            (*at, field),
            f"{VALUE} stands for the value a `fact` check found; this norm's check is"
            f" `{norm.check.kind}`: write the words in full",
        )
        for field in ("met_text", "missed_text")
        if VALUE in (getattr(norm, field) or "")
    ]


def _duplicates(items: Iterable[tuple[str, Loc]], what: str) -> list[Problem]:
    seen: dict[str, Loc] = {}
    problems = []
    for ident, loc in items:
        if ident in seen:
            problems.append(Problem((*loc, "id"), f"duplicate {what} id {ident!r}"))
        seen.setdefault(ident, loc)
    return problems


def _unique_ids(rubric: Rubric) -> list[Problem]:
    dims = [(dim.id, ("dimensions", d)) for d, dim in enumerate(rubric.dimensions)]
    standards: list[tuple[str, Loc]] = [
        (std.id, ("dimensions", d, "standards", s))
        for d, dim in enumerate(rubric.dimensions)
        for s, std in enumerate(dim.standards)
    ]
    norms = [(norm.id, at) for _, _, norm, at in rubric.placed]
    tiers = [(tier.id, ("tiers", t)) for t, tier in enumerate(rubric.tiers)]
    problems = (
        _duplicates(dims, "dimension")
        + _duplicates(standards, "standard")
        + _duplicates(norms, "norm")
        + _duplicates(tiers, "tier")
    )
    # A standard's results sit beside its norms' under one id space (reports, `requires`).
    norm_ids = {norm.id for _, _, norm, _ in rubric.placed}
    problems += [
        Problem(
            (*loc, "id"),
            f"standard id {ident!r} is also a norm id; give the standard an id of its own",
        )
        for ident, loc in standards
        if ident in norm_ids
    ]
    return problems


def _point_sums(rubric: Rubric) -> list[Problem]:
    problems = []
    counted = sum(norm.points for _, norm in rubric.norms if not norm.bonus)
    if rubric.split is not None:
        split = rubric.split
        if abs(split.common + split.individual - rubric.total) > _EPSILON:
            problems.append(
                Problem(
                    ("split",),
                    f"common {split.common:g} + individual {split.individual:g}"
                    f" must equal total {rubric.total:g}",
                )
            )
        target, label = split.common, "split.common"
    else:
        target, label = rubric.total, "total"
    if abs(counted - target) > _EPSILON:
        problems.append(
            Problem(
                ("dimensions",),
                f"norm points (bonus norms aside) add up to {counted:g}, but {label} is {target:g}",
            )
        )
    return problems


def _tiers(rubric: Rubric) -> list[Problem]:
    problems = []
    norm_ids = {norm.id for _, norm in rubric.norms}
    bonus = sum(norm.points for _, norm in rubric.norms if norm.bonus)
    best = rubric.total + (min(bonus, rubric.bonus_cap) if rubric.bonus_cap is not None else bonus)
    previous: float | None = None
    for t, tier in enumerate(rubric.tiers):
        at = ("tiers", t)
        score = tier.min_score
        if score is not None:
            if previous is not None and score <= previous:
                problems.append(
                    Problem(
                        (*at, "min_score"),
                        f"min_score {score:g} must be above the tier below ({previous:g})",
                    )
                )
            if score > best:
                problems.append(
                    Problem(
                        (*at, "min_score"),
                        f"min_score {score:g} cannot be reached (best possible score is {best:g})",
                    )
                )
            previous = score
        elif previous is not None:
            problems.append(Problem(at, f"tier {tier.id!r} needs a min_score above {previous:g}"))
        if tier.min_common_ratio is not None and tier.min_common_ratio <= 0:
            problems.append(
                Problem(
                    (*at, "min_common_ratio"),
                    "min_common_ratio 0 always holds; give a share above 0 and up to 1"
                    " (0.8 for 80%), or remove it",
                )
            )
        for r, norm_id in enumerate(tier.requires):
            if norm_id not in norm_ids:
                problems.append(Problem((*at, "requires", r), f"requires unknown norm {norm_id!r}"))
    return problems


def _vocabulary(rubric: Rubric, check: object, at: Loc) -> list[Problem]:
    """Every event type a check names (frequency, count, attendance, talks, gap, groups) is
    declared in the rubric's `events`, including a kind's default (talks: 谈心谈话, groups:
    党小组会) when the check does not name its own."""
    events: tuple[str, ...] = getattr(check, "event", ())
    if not events:
        return []
    declared = set(rubric.events)
    written = "event" in getattr(check, "model_fields_set", ())
    problems = []
    for e, event in enumerate(events):
        if event in declared:
            continue
        if not written:
            kind = getattr(check, "kind", "")
            problems.append(
                Problem(
                    at,
                    f"event type {event!r} (what a {kind} check counts unless it names its"
                    " `event`) is not declared in the rubric's `events`; declare it there,"
                    " or name the check's `event`",
                )
            )
            continue
        problems.append(
            Problem(
                (*at, "event", e) if len(events) > 1 else (*at, "event"),
                f"event type {event!r} is not declared in the rubric's `events`",
            )
        )
    return problems
