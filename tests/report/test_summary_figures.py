"""The batch's figures kept small (one entry a branch, no sorted copy of every score) say
what the plain way says: a (branch, start) map, a set union, a sorted list."""

from __future__ import annotations

import random
from array import array

import pytest

from branchcheck.report.aggregate import _first_file
from branchcheck.report.model import RubricSummary, Summary, _nth
from branchcheck.report.rows import RubricMeta

META = RubricMeta("r", "1", "r", (("low", "低"),), (), ())


@pytest.mark.parametrize("seed", range(8))
def test_the_first_file_of_a_branch_and_period_is_the_plain_maps(seed: int) -> None:
    rnd = random.Random(seed)
    group = RubricSummary(META)
    plain: dict[tuple[str, str], str] = {}
    seen: set[str] = set()
    repeated: set[str] = set()
    for n in range(300):
        branch = f"b{rnd.randint(0, 60)}"
        start = rnd.choice(["2024-01-01", "2024-04-01", "2024-07-01"][: 1 + seed % 3])
        file = f"f{n}.yaml"
        assert _first_file(group, branch, start, file) == plain.setdefault((branch, start), file)
        (repeated if branch in seen else seen).add(branch)
    assert set(group.branch_ids) == seen and group.branches == len(seen)
    assert group.repeated == repeated


@pytest.mark.parametrize("seed", range(6))
def test_batch_branches_and_repeats_are_the_set_unions(seed: int) -> None:
    rnd = random.Random(seed)
    summary = Summary()
    for g in range(rnd.randint(1, 4)):
        group = summary.rubrics[f"g{g}"] = RubricSummary(META)
        for n in range(rnd.randint(0, 40)):
            _first_file(group, f"b{rnd.randint(0, 30)}", "2024-01-01", f"{g}-{n}")
    groups = list(summary.rubrics.values())
    assert summary.branches == len(set().union(*(set(g.branch_ids) for g in groups)))
    seen: set[str] = set()
    twice: set[str] = set()
    for group in groups:
        twice |= group.repeated_ids | (set(group.branch_ids) & seen)
        seen |= set(group.branch_ids)
    assert summary.repeated == twice


@pytest.mark.parametrize("seed", range(10))
def test_medians_and_means_are_the_sorted_lists(seed: int) -> None:
    rnd = random.Random(seed)
    scores = array(
        "d", (round(rnd.uniform(0, 100), rnd.choice([0, 1, 2])) for _ in range(seed * 7 + 1))
    )
    ordered = sorted(scores)
    assert [_nth(scores, i) for i in range(len(scores))] == ordered
    group = RubricSummary(META, scores=scores)
    n = len(ordered)
    middle = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    assert group.median == round(middle, 2)
    few = scores[:3]
    summary = Summary({"a": group, "b": RubricSummary(META, scores=few, count=len(few))})
    group.count = n
    both = list(scores) + list(scores[:3])
    assert summary.mean == round(sum(both) / len(both), 2)
