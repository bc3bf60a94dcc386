"""What the ledger rules read from a rubric is gathered once per rubric object (cached
properties of `Rubric`), and is that rubric's own."""

from __future__ import annotations

import pytest

from branchcheck.loading import load_rubric
from branchcheck.models.checks import FactCheck, RatingCheck, StructureCheck


@pytest.mark.parametrize("rubric_id", ["lanzhou-6543", "five-star", "quality-branch"])
def test_each_rubric_gets_its_own_words(rubric_id: str) -> None:
    rubric = load_rubric(rubric_id)
    assert rubric.event_types == frozenset(rubric.events)
    checks: dict[str, list[FactCheck]] = {}
    roles: list[str] = []
    for _, norm in rubric.norms:
        if isinstance(norm.check, FactCheck):
            checks.setdefault(norm.check.key, []).append(norm.check)
        if isinstance(norm.check, StructureCheck):
            for role in (*norm.check.roles, *norm.check.small_branch_roles):
                if role not in roles:
                    roles.append(role)
    assert rubric.fact_checks == checks
    assert list(rubric.structure_roles) == roles
    rated = [n.id for _, n in rubric.norms if isinstance(n.check, RatingCheck)]
    assert list(rubric.rated_norms) == rated


def test_gathered_once_per_rubric_object() -> None:
    rubric = load_rubric("lanzhou-6543")
    assert rubric.fact_checks is rubric.fact_checks
    assert rubric.rated_norms is rubric.rated_norms
    other = load_rubric("five-star")
    assert list(other.rated_norms) != list(rubric.rated_norms)
