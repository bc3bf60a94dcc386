"""A batch's per-rubric summary (`_meta`) belongs to the rubric object it was made from."""

from __future__ import annotations

import pytest

from branchcheck import load_rubric
from branchcheck.report import batch


@pytest.fixture(autouse=True)
def empty_meta(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "_META", {})


def test_a_new_rubric_at_an_old_rubrics_address_gets_its_own_tiers() -> None:
    # The loader's cache may let a rubric go and a new one take its address (its id).
    old, new = load_rubric("five-star"), load_rubric("lanzhou-6543")
    batch._META[id(new)] = (old, batch._meta(old))  # as if `old` had lived at that address
    assert [tier for tier, _ in batch._meta(new).tiers] == [t.id for t in new.tiers]


def test_the_same_rubric_gets_the_same_summary() -> None:
    rubric = load_rubric("lanzhou-6543")
    assert batch._meta(rubric) is batch._meta(rubric)


def test_the_kept_summaries_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "META_KEPT", 1)
    first, second = load_rubric("five-star"), load_rubric("lanzhou-6543")
    batch._meta(first)
    assert batch._meta(second).id == "lanzhou-6543"
    assert list(batch._META) == [id(second)]
