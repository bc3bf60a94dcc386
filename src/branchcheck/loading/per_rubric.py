"""What the ledger rules read from a rubric (its event types, fact checks, posts, rated norms),
gathered once per rubric rather than once per ledger: a batch checks hundreds of ledgers
against one rubric object, and gathering them walked its norms again for each (about 0.03 ms
a ledger, measured). Keyed on the rubric object itself, never on a file's contents.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..models.checks import FactCheck, RatingCheck, StructureCheck
from ..models.rubric import Rubric

T = TypeVar("T")
_KEPT = 16  # rubrics remembered per kind (a run uses one or a few)


def per_rubric(gather: Callable[[Rubric], T]) -> Callable[[Rubric], T]:
    """`gather(rubric)`, computed once for each rubric object (the answer must not be changed)."""
    memo: dict[int, tuple[Rubric, T]] = {}

    def get(rubric: Rubric) -> T:
        hit = memo.get(id(rubric))
        if hit is not None and hit[0] is rubric:  # the object itself, so its id is not reused
            return hit[1]
        if len(memo) >= _KEPT:
            memo.clear()
        answer = gather(rubric)
        memo[id(rubric)] = (rubric, answer)
        return answer

    return get


@per_rubric
def event_types(rubric: Rubric) -> frozenset[str]:
    return frozenset(rubric.events)


@per_rubric
def fact_checks(rubric: Rubric) -> dict[str, list[FactCheck]]:
    """Each fact key a norm reads, with the checks that read it, in the rubric's order."""
    checks: dict[str, list[FactCheck]] = {}
    for _, norm in rubric.norms:
        if isinstance(norm.check, FactCheck):
            checks.setdefault(norm.check.key, []).append(norm.check)
    return checks


@per_rubric
def rated_norms(rubric: Rubric) -> dict[str, RatingCheck]:
    return {norm.id: norm.check for _, norm in rubric.norms if isinstance(norm.check, RatingCheck)}


def posts(defaults: tuple[str, ...]) -> Callable[[Rubric], dict[str, None]]:
    """The posts a rubric knows, `defaults` first, then its structure checks' roles in order."""

    @per_rubric
    def known(rubric: Rubric) -> dict[str, None]:
        found = dict.fromkeys(defaults)
        for _, norm in rubric.norms:
            if isinstance(norm.check, StructureCheck):
                found.update(dict.fromkeys((*norm.check.roles, *norm.check.small_branch_roles)))
        return found

    return known
