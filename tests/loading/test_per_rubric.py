"""What the ledger rules read from a rubric is gathered once per rubric object, and is the
rubric's own: a rubric read again (a new object), or another rubric, is gathered afresh."""

from __future__ import annotations

from branchcheck.loading import load_rubric
from branchcheck.loading.per_rubric import event_types, fact_checks, per_rubric, rated_norms
from branchcheck.models import Rubric
from branchcheck.models.checks import FactCheck, RatingCheck


def test_gathered_once_per_rubric_object() -> None:
    calls: list[str] = []

    @per_rubric
    def norm_ids(rubric: Rubric) -> list[str]:
        calls.append(rubric.id)
        return [norm.id for _, norm in rubric.norms]

    rubric = load_rubric("lanzhou-6543")
    first = norm_ids(rubric)
    assert norm_ids(rubric) is first and calls == ["lanzhou-6543"]
    other = load_rubric("five-star")
    assert norm_ids(other) != first and calls == ["lanzhou-6543", "five-star"]
    again = rubric.model_copy(update={"id": "copy"})  # another object, other contents
    assert norm_ids(again) == first and calls[-1] == "copy"


def test_each_rubric_gets_its_own_words() -> None:
    for rubric_id in ("lanzhou-6543", "five-star"):
        rubric = load_rubric(rubric_id)
        assert event_types(rubric) == frozenset(rubric.events)
        checks: dict[str, list[FactCheck]] = {}
        for _, norm in rubric.norms:
            if isinstance(norm.check, FactCheck):
                checks.setdefault(norm.check.key, []).append(norm.check)
        assert fact_checks(rubric) == checks
        rated = [n.id for _, n in rubric.norms if isinstance(n.check, RatingCheck)]
        assert list(rated_norms(rubric)) == rated
